// The hand-labelled fixture days: every in-window article is in clusters.json, which says which articles tell the
// same story (reworded, across outlets, across English and Chinese).
//
// Thresholds, measured with the default options (pairwise over article pairs):
//   2025-12-05: 91 articles, 81 stories, 10 same-story pairs → precision 1.00, recall 0.90 (the one miss: two
//               TechCrunch pieces on Alltroo that share the name and little else, cosine 0.18).
//   2025-12-06: 32 articles, 27 stories, 7 same-story pairs (AWS re:Invent ×3, Meta en+zh ×3, Perplexity ×2)
//               → precision 1.00, recall 1.00.
// The assertions leave room for one wrong pair per day and no more: a false merge hides a story from the digest,
// a missed one prints it twice.
import { describe, expect, it } from 'vitest';
import { clusterArticles, topicLabels } from '../../src/cluster/cluster-articles.js';
import { scoreClustering } from '../../src/cluster/cluster-metrics.js';
import { loadFixtureDay } from './load-fixture-day.js';

describe('fixture days', () => {
  it('2025-12-05: pairwise precision ≥ 0.9 and recall ≥ 0.9 against the hand labels', async () => {
    const day = await loadFixtureDay('2025-12-05');
    expect(day.articles.length).toBe(91);
    const s = scoreClustering(topicLabels(day.articles, clusterArticles(day.articles)), day.gold);
    expect(s.pairPrecision).toBeGreaterThanOrEqual(0.9);
    expect(s.pairRecall).toBeGreaterThanOrEqual(0.9);
  });

  it('2025-12-05: the cross-language stories are one topic each', async () => {
    const day = await loadFixtureDay('2025-12-05');
    const labels = topicLabels(day.articles, clusterArticles(day.articles));
    const labelOf = (url: string) => labels[day.articles.findIndex((a) => a.url === url)];
    // Improved MeanFlow: the arXiv paper and 量子位's report; AWS re:Invent: AI News and 量子位.
    expect(labelOf('http://arxiv.org/abs/2512.02012')).toBe(labelOf('https://www.qbitai.com/2025/12/358411.html'));
    expect(labelOf('https://www.qbitai.com/2025/12/358627.html')).toBeDefined();
    const aws = day.stories.find((s) => s.urls.includes('https://www.qbitai.com/2025/12/358627.html'))!;
    expect(new Set(aws.urls.map(labelOf)).size).toBe(1);
  });

  it('2025-12-06: pairwise precision ≥ 0.85 and recall ≥ 0.85 against the hand labels', async () => {
    const day = await loadFixtureDay('2025-12-06');
    const s = scoreClustering(topicLabels(day.articles, clusterArticles(day.articles)), day.gold);
    expect(s.pairPrecision).toBeGreaterThanOrEqual(0.85);
    expect(s.pairRecall).toBeGreaterThanOrEqual(0.85);
  });
});
