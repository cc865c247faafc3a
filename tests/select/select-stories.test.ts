// The select stage on small days built here, where the right answer is known: replacements, relevance, caps,
// protected stories, triage and the budget.

import { describe, expect, it } from 'vitest';
import { rankCandidates, selectStories, type SelectionInput, type TriageScore } from '../../src/select/select-stories.js';
import { defaultSelectionPolicy, type SelectionPolicy } from '../../src/select/selection-policy.js';
import type { Article, FeedConfig, Topic } from '../../src/types.js';

const window = { start: '2025-12-08T22:45:00.000Z', end: '2025-12-09T22:45:00.000Z' };

const feeds: FeedConfig[] = [
  { id: 'arxiv-cs-cl', name: 'arXiv cs.CL', url: 'https://rss.arxiv.org/rss/cs.CL', lang: 'en', section: 'research', onTopic: true },
  { id: 'arxiv-cs-ai', name: 'arXiv cs.AI', url: 'https://rss.arxiv.org/rss/cs.AI', lang: 'en', section: 'research', onTopic: true },
  { id: 'hf-papers', name: 'Hugging Face Papers', url: 'https://huggingface.co/papers/rss', lang: 'en', onTopic: true },
  { id: 'techcrunch', name: 'TechCrunch', url: 'https://techcrunch.com/feed/', lang: 'en' },
  { id: 'verge', name: 'The Verge', url: 'https://www.theverge.com/rss/ai', lang: 'en' },
  { id: 'openai', name: 'OpenAI', url: 'https://openai.com/news/rss.xml', lang: 'en', onTopic: true, primary: true },
  { id: 'ithome', name: 'iThome', url: 'https://www.ithome.com.tw/rss', lang: 'zh' },
  { id: 'hn', name: 'Hacker News', url: 'https://news.ycombinator.com/rss', lang: 'en', weight: 0.5 },
];

let n = 0;
function article(feedId: string, title: string, extra: Partial<Article> = {}): Article {
  n++;
  const feed = feeds.find((f) => f.id === feedId)!;
  return {
    id: `a${n}`,
    feedId,
    source: feed.name,
    url: `https://example-${feedId}.com/story-${n}`,
    title,
    text: extra.text ?? `${title}.`,
    publishedAt: '2025-12-09T12:00:00.000Z',
    lang: feed.lang,
    ...extra,
  };
}

function paper(feedId: string, id: string, title: string, announceType: Article['announceType'] = 'new', version = 1): Article {
  return article(feedId, title, {
    url: `https://arxiv.org/abs/${id}v${version}`,
    arxivId: id,
    announceType,
    text: `arXiv:${id}v${version} Announce Type: ${announceType} Abstract: We propose a language model method.`,
  });
}

/** Each group of articles is one topic (as clustering would give). */
function day(groups: Article[][]): SelectionInput {
  const topics: Topic[] = groups.map((g, i) => ({
    id: `t${i + 1}`,
    articleIds: g.map((a) => a.id),
    representativeId: g[0]!.id,
    keywords: [],
  }));
  return { topics, articles: groups.flat(), feeds, window };
}

const policy = (over: Partial<SelectionPolicy> = {}): SelectionPolicy => ({ ...defaultSelectionPolicy(), ...over });
const titles = (input: SelectionInput, ids: string[]) =>
  ids.map((id) => input.articles.find((a) => a.id === input.topics.find((t) => t.id === id)!.representativeId)!.title);

describe('selectStories', () => {
  it('drops off-topic stories and arXiv replacements no other source carries, with their reasons and URLs', () => {
    const input = day([
      [
        article('techcrunch', 'OpenAI releases GPT-5.2 with a new reasoning mode'),
        article('verge', 'GPT-5.2 arrives with a reasoning mode, OpenAI says'),
      ],
      [article('techcrunch', 'Offshore wind leases auctioned off the coast of Maine')],
      [article('ithome', '台積電公布 11 月營收，年增 24%')],
      [paper('arxiv-cs-cl', '2507.01111', 'Sparse Attention for Long Documents', 'replace', 2)],
      [paper('arxiv-cs-ai', '2512.02222', 'Agents that Plan with Language Models')],
    ]);
    const r = selectStories(input, policy());
    expect(
      titles(
        input,
        r.selected.map((s) => s.topic.id),
      ),
    ).toEqual(['OpenAI releases GPT-5.2 with a new reasoning mode', 'Agents that Plan with Language Models']);
    expect(r.dropped.map((d) => [d.code, d.title])).toEqual([
      ['off-topic', 'Offshore wind leases auctioned off the coast of Maine'],
      ['off-topic', '台積電公布 11 月營收，年增 24%'],
      ['replacement', 'Sparse Attention for Long Documents'],
    ]);
    expect(r.dropped[2]!.urls).toEqual(['https://arxiv.org/abs/2507.01111v2']);
    expect(r.candidates).toBe(2);
    // Every article is either selected or listed as dropped.
    const accounted = [
      ...r.selected.flatMap((s) => s.topic.articleIds),
      ...r.dropped.flatMap((d) => d.urls.map((u) => input.articles.find((a) => a.url === u)!.id)),
    ];
    expect(accounted.sort()).toEqual(input.articles.map((a) => a.id).sort());
  });

  it('keeps a replaced paper that another source carries today, as one story with the other reports', () => {
    const v2 = paper('arxiv-cs-cl', '2507.03333', 'Scaling Laws for Speech Models', 'replace', 2);
    const cross = paper('arxiv-cs-ai', '2507.03333', 'Scaling Laws for Speech Models', 'replace-cross', 2);
    const hf = article('hf-papers', 'Scaling Laws for Speech Models', {
      url: 'https://huggingface.co/papers/2507.03333',
      arxivId: '2507.03333',
    });
    const input = day([[v2], [cross], [article('techcrunch', 'Anthropic launches Claude Opus 4.5')], [hf]]);
    const r = selectStories(input, policy());
    const story = r.selected.find((s) => s.topic.articleIds.includes(v2.id))!;
    expect(story.topic.articleIds.sort()).toEqual([v2.id, cross.id, hf.id].sort());
    expect(r.dropped).toEqual([]);
    expect(r.stories).toBe(2);
  });

  it('caps research at the policy and arXiv papers overall, and never cuts a multi-outlet story for a cap', () => {
    const papers = Array.from({ length: 30 }, (_, i) => [
      paper('arxiv-cs-cl', `2512.1${String(i).padStart(4, '0')}`, `Language Model Paper ${i}`),
    ]);
    const reported = paper('arxiv-cs-ai', '2512.09999', 'A Frontier Reasoning Benchmark for Language Models');
    const news = article('techcrunch', 'New benchmark stumps frontier reasoning models', { arxivId: '2512.09999' });
    const input = day([...papers, [reported, news]]);
    const r = selectStories(input, policy({ arxivMax: 12 }));
    const arxivSelected = r.selected.filter((s) =>
      s.topic.articleIds.some((id) => input.articles.find((a) => a.id === id)!.url.includes('arxiv.org')),
    );
    expect(arxivSelected).toHaveLength(12);
    expect(r.selected.some((s) => s.topic.articleIds.includes(news.id) && s.protected)).toBe(true);
    expect(r.dropped.filter((d) => d.code === 'section-cap')).toHaveLength(19);
    // The research cap (20) binds before the arXiv cap when that is higher.
    const r2 = selectStories(input, policy({ arxivMax: 100, maxPerFeed: 100 }));
    expect(r2.selected.filter((s) => s.section === 'research')).toHaveLength(20);
  });

  it('caps entries per feed and cuts below maxEntries, protected stories first in', () => {
    const single = Array.from({ length: 20 }, (_, i) => [article('techcrunch', `Startup ${i} raises money for its AI coding agent`)]);
    const lab = [article('openai', 'Introducing GPT-5.2')];
    const input = day([...single, lab]);
    const r = selectStories(input, policy({ maxPerFeed: 5 }));
    expect(
      r.selected.filter((s) => s.topic.articleIds.some((id) => input.articles.find((a) => a.id === id)!.feedId === 'techcrunch')),
    ).toHaveLength(5);
    expect(r.dropped.filter((d) => d.code === 'feed-cap')).toHaveLength(15);
    const tight = selectStories(input, policy({ maxEntries: 3 }));
    expect(tight.selected).toHaveLength(3);
    expect(titles(input, [tight.selected[0]!.topic.id])).toEqual(['Introducing GPT-5.2']);
    expect(tight.dropped.filter((d) => d.code === 'below-cut')).toHaveLength(18);
  });

  it('trims to the budget before writing: the lowest-ranked unprotected stories go first', () => {
    const input = day([
      [article('techcrunch', 'Nvidia unveils Rubin AI chips'), article('verge', 'Nvidia Rubin AI chips unveiled')],
      ...Array.from({ length: 9 }, (_, i) => [article('techcrunch', `Company ${i} adds an AI assistant to its app`)]),
    ]);
    const budget = { callsPerEntry: 1.1, costPerEntryUsd: 0.01, fixedCalls: 1, fixedCostUsd: 0.02 };
    const r = selectStories(input, { ...policy(), budget: { maxCalls: 7, maxCostUsd: 1 } }, { budget });
    // 1 + 5 × 1.1 = 6.5 ≤ 7 < 1 + 6 × 1.1
    expect(r.selected).toHaveLength(5);
    expect(r.selected[0]!.protected).toBe(true);
    expect(r.dropped.filter((d) => d.code === 'budget')).toHaveLength(5);
    expect(r.dropped[0]!.reason).toMatch(/over the run's budget \(7 calls/);
    const byCost = selectStories(input, { ...policy(), budget: { maxCalls: 1000, maxCostUsd: 0.05 } }, { budget });
    expect(byCost.selected).toHaveLength(3);
  });

  it('lets the triage overrule relevance and reorder by importance', () => {
    const input = day([
      [article('techcrunch', 'Company A adds an AI assistant to its app')],
      [article('techcrunch', 'Company B adds an AI assistant to its app')],
      [article('hn', 'The surprising history of the TCP handshake')],
    ]);
    const base = selectStories(input, policy());
    expect(base.selected.map((s) => s.topic.id)).toEqual(['t1', 't2']);
    const triage = new Map<string, TriageScore>([
      ['t1', { relevance: 0, importance: 0 }],
      ['t2', { relevance: 3, importance: 3 }],
      ['t3', { relevance: 2, importance: 1 }],
    ]);
    const r = selectStories(input, policy(), { triage });
    expect(r.selected.map((s) => s.topic.id)).toEqual(['t2', 't3']);
    expect(r.dropped).toMatchObject([{ topicId: 't1', code: 'off-topic', reason: 'the model triage judged it not about AI' }]);
  });

  it('is deterministic: the same day gives the same selection, whatever the order of its articles', () => {
    const groups = Array.from({ length: 40 }, (_, i) => [article(i % 2 ? 'techcrunch' : 'verge', `AI lab ${i} ships a model`)]);
    const input = day(groups);
    const a = selectStories(input, policy({ maxEntries: 10 }));
    const b = selectStories({ ...input, articles: [...input.articles].reverse() }, policy({ maxEntries: 10 }));
    expect(b).toEqual(a);
    expect(rankCandidates(input).ranked.map((r) => r.s.topic.id)).toEqual(rankCandidates(input).ranked.map((r) => r.s.topic.id));
  });
});

describe('stories as an editor counts them', () => {
  it('splits a topic that clustering made of several papers into one story per paper, and drops the replaced ones', () => {
    const a = paper('arxiv-cs-cl', '2512.04444', 'Retrieval Augmented Language Models for Law');
    const b = paper('arxiv-cs-cl', '2512.05555', 'Retrieval Augmented Language Models for Medicine');
    const old = paper('arxiv-cs-cl', '2509.06666', 'Retrieval Augmented Language Models for Finance', 'replace', 3);
    const input = day([[a, b, old]]);
    const r = selectStories(input, policy());
    expect(r.selected.map((s) => s.topic.articleIds)).toEqual([[a.id], [b.id]]);
    expect(r.selected.map((s) => s.topic.id)).toEqual(['t1', 't2']);
    expect(r.dropped).toMatchObject([{ code: 'replacement', topicId: 't3', urls: [old.url] }]);
  });

  it('splits the non-AI members off a story that clustering joined to an AI one, and drops them as off-topic', () => {
    const ai = article('techcrunch', 'OpenAI and Anthropic back the new Agentic AI Foundation');
    const notAi = article('techcrunch', 'SpaceX is reportedly eyeing a 2026 IPO');
    const input = day([[ai, notAi]]);
    const r = selectStories(input, policy());
    expect(r.selected.map((s) => s.topic.articleIds)).toEqual([[ai.id]]);
    expect(r.dropped).toMatchObject([{ code: 'off-topic', title: 'SpaceX is reportedly eyeing a 2026 IPO', urls: [notAi.url] }]);
  });
});
