// Loads a fixture day's articles through the real collect stage (fixture feeds, no network) and its hand labels.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { collectArticles } from '../../src/collect/collect-articles.js';
import { createFixtureFeedFetcher } from '../../src/collect/fixture-feed-fetcher.js';
import { readFeedsConfig } from '../../src/config/feeds-config.js';
import type { Article } from '../../src/types.js';
import { windowFor } from '../../src/util/taipei-time.js';

export interface FixtureDay {
  articles: Article[];
  stories: { label: string; urls: string[] }[];
  /** Gold story index per article (in article order). */
  gold: number[];
}

export async function loadFixtureDay(date: string): Promise<FixtureDay> {
  const dir = fileURLToPath(new URL(`../../fixtures/${date}`, import.meta.url));
  const feeds = await readFeedsConfig(`${dir}/feeds.yaml`);
  const window = windowFor(date, '06:45');
  const { articles } = await collectArticles(
    { feeds, window },
    { fetchFeed: createFixtureFeedFetcher(dir), now: () => new Date(window.end) },
  );
  const { stories } = JSON.parse(readFileSync(`${dir}/clusters.json`, 'utf8')) as { stories: { label: string; urls: string[] }[] };
  const storyOf = new Map<string, number>();
  stories.forEach((s, k) => s.urls.forEach((u) => storyOf.set(u, k)));
  const gold = articles.map((a) => {
    const k = storyOf.get(a.url);
    if (k === undefined) throw new Error(`fixtures/${date}/clusters.json does not label ${a.url}`);
    return k;
  });
  return { articles, stories, gold };
}
