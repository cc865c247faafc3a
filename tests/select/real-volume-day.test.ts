// The real-volume day (tests/helpers/real-volume-day.ts) must be a day the existing collector reads as it reads a
// recorded fixture day: the same adapters as `digest collect --fixtures` (src/cli/collect-command.ts).

import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectArticles } from '../../src/collect/collect-articles.js';
import { createFixtureFeedFetcher, createFixturePageFetcher } from '../../src/collect/fixture-feed-fetcher.js';
import { createOfflineGuard } from '../../src/collect/offline-guard.js';
import { readFeedsConfig } from '../../src/config/feeds-config.js';
import { announceTypeOf, arxivIdOf } from '../../src/select/arxiv-id.js';
import type { AnnounceType } from '../../src/types.js';
import { windowFor } from '../../src/util/taipei-time.js';
import { assembleRealDay, REPLACED_PAPERS, SHARED_DATA } from '../helpers/real-volume-day.js';
import { useTempDirs } from '../helpers/temp-dirs.js';

const HAVE_DATA = existsSync(SHARED_DATA);

describe.skipIf(!HAVE_DATA)(`the real-volume day 2025-12-24${HAVE_DATA ? '' : ' (skipped: ../shared/data is absent)'}`, () => {
  const tempDir = useTempDirs('real-volume-day-');

  it('is a day the collector reads: every feed ok, 250–300 articles in the window, with arXiv replacements and cross-lists', async () => {
    const day = await assembleRealDay(await tempDir());
    expect(day).toBeDefined();
    const { feedsFile, fixtureDir, date, cutoff, counts } = day!;
    const feeds = await readFeedsConfig(feedsFile);
    const window = windowFor(date, cutoff);
    expect(window).toEqual({ start: '2025-12-22T22:45:00.000Z', end: '2025-12-23T22:45:00.000Z' });

    const lift = createOfflineGuard().install();
    let result;
    try {
      result = await collectArticles(
        { feeds, window },
        {
          fetchFeed: createFixtureFeedFetcher(fixtureDir),
          fetchPage: createFixturePageFetcher(fixtureDir),
          now: () => new Date(window.end),
        },
      );
    } finally {
      lift();
    }
    const { articles, health, warnings } = result;

    // Every feed read, with the items the helper wrote and the ones it dated inside the window.
    expect(health.map((h) => `${h.feedId}: ${h.status}`)).toEqual(feeds.map((f) => `${f.id}: ok`));
    for (const h of health) {
      const c = counts.feeds[h.feedId]!;
      expect({ feed: h.feedId, items: h.items, inWindow: h.inWindow }).toEqual({
        feed: h.feedId,
        items: c.items,
        inWindow: c.inWindow + c.undated,
      });
    }
    expect(warnings.filter((w) => w.code !== 'items-skipped')).toEqual([]);
    expect(articles.length).toBeGreaterThanOrEqual(250);
    expect(articles.length).toBeLessThanOrEqual(300);

    // Operator settings as selection will read them.
    const byId = new Map(feeds.map((f) => [f.id, f]));
    expect(byId.get('techcrunch')?.onTopic).toBeUndefined();
    expect(byId.get('arxiv-cs-cv')).toMatchObject({ onTopic: true, section: 'research', weight: 0.5 });
    expect(byId.get('openai-research')).toMatchObject({ onTopic: true, primary: true });
    expect(feeds.some((f) => f.lang === 'zh')).toBe(true);

    // arXiv: one article per paper (a cross-listed paper keeps the first feed's announcement), every kind present.
    // The kind is the collector's Article.announceType where it fills it, else read from the description.
    const arxiv = articles.filter((a) => a.feedId.startsWith('arxiv-'));
    const kinds: Record<AnnounceType, number> = { new: 0, cross: 0, replace: 0, 'replace-cross': 0 };
    for (const a of arxiv) {
      const kind = a.announceType ?? announceTypeOf(a.text);
      expect(kind, a.url).toBeDefined();
      kinds[kind!]++;
      expect(arxivIdOf(a.url), a.url).toMatch(/^\d{4}\.\d{5}$/);
    }
    expect(arxiv.length).toBe(counts.arxiv.papers);
    expect(new Set(arxiv.map((a) => a.url)).size).toBe(arxiv.length);
    expect(kinds.replace + kinds['replace-cross']).toBe(REPLACED_PAPERS);
    expect(kinds.new).toBeGreaterThan(100);
    expect(kinds.cross).toBeGreaterThan(0);
    expect(kinds['replace-cross']).toBeGreaterThan(0);
    expect(counts.arxiv.inSeveralFeeds).toBeGreaterThan(0);

    // The same paper on Hugging Face and on arXiv: one key for both.
    const arxivIds = new Set(arxiv.map((a) => arxivIdOf(a.url)));
    const hfPapers = articles.filter((a) => a.feedId === 'huggingface-papers');
    expect(hfPapers.every((a) => arxivIdOf(a.url) !== undefined)).toBe(true);
    const onBoth = hfPapers.filter((a) => arxivIds.has(arxivIdOf(a.url))).length;
    expect(onBoth).toBe(counts.arxiv.onHuggingFace);
    expect(onBoth).toBeGreaterThan(0);

    const perFeed = health.map((h) => `${h.feedId} ${h.inWindow}/${h.items}`).join(', ');
    console.log(
      `real-volume day ${date}: ${articles.length} articles in the window from ${counts.items} items of ${feeds.length} feeds (${perFeed}); ` +
        `arXiv ${arxiv.length} papers: ${kinds.new} new, ${kinds.cross} cross, ${kinds.replace} replace, ${kinds['replace-cross']} replace-cross ` +
        `(${counts.arxiv.items.cross + counts.arxiv.items['replace-cross']} cross-list items before de-duplication, ${counts.arxiv.inSeveralFeeds} papers in several feeds); ` +
        `${onBoth} papers also on Hugging Face; ${articles.filter((a) => a.lang === 'zh').length} Chinese articles; ${articles.filter((a) => a.undated).length} undated`,
    );
  });
});
