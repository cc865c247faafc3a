// The volume day fixtures/2025-12-10, written by scripts/make-volume-day.ts: collected the way
// `digest collect --fixtures fixtures/2025-12-10` collects it, its hand labels held against what was collected, and
// the generator re-run to prove that the committed files are its output, byte for byte.
//
// The expected counts below are the fixture's README table; when the generator changes on purpose, re-run it and
// update both. They are written out rather than read from the README so that a silent change in the collector
// (a lost item, a dropped feed) fails here.

import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { collectArticles, type CollectOutput } from '../../src/collect/collect-articles.js';
import { createFixtureFeedFetcher, createFixturePageFetcher } from '../../src/collect/fixture-feed-fetcher.js';
import { createOfflineGuard } from '../../src/collect/offline-guard.js';
import { readFeedsConfig } from '../../src/config/feeds-config.js';
import { ANNOUNCE_TYPES, type Article } from '../../src/types.js';
import { windowFor } from '../../src/util/taipei-time.js';
import { useTempDirs } from '../helpers/temp-dirs.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const day = path.join(root, 'fixtures', '2025-12-10');

/** Per feed: items in the file, and items dated inside the window (the run report's `inWindow`). */
const FEEDS: Record<string, { items: number; inWindow: number }> = {
  'openai-news': { items: 4, inWindow: 3 },
  'anthropic-news': { items: 6, inWindow: 2 },
  'deepmind-blog': { items: 4, inWindow: 2 },
  'arxiv-cs-ai': { items: 111, inWindow: 111 },
  'arxiv-cs-cl': { items: 90, inWindow: 90 },
  'arxiv-cs-cv': { items: 80, inWindow: 80 },
  'arxiv-cs-lg': { items: 120, inWindow: 120 },
  'huggingface-papers': { items: 15, inWindow: 15 },
  'nature-machine-intelligence': { items: 5, inWindow: 3 },
  techcrunch: { items: 56, inWindow: 51 },
  'the-verge-ai': { items: 10, inWindow: 9 },
  'venturebeat-ai': { items: 10, inWindow: 9 },
  'mit-tech-review-ai': { items: 7, inWindow: 5 },
  'ithome-tw': { items: 39, inWindow: 37 },
  qbitai: { items: 8, inWindow: 7 },
  'hacker-news': { items: 30, inWindow: 28 },
};
const ITEMS = 595;
/** In the window, each URL once (cross-listed arXiv papers, Hacker News copies of other feeds' links). */
const ARTICLES = 424;

const ARXIV_ID = /^\d{4}\.\d{5}$/;
const httpUrl = z.url({ protocol: /^https?$/ });

const LabelsSchema = z
  .object({
    date: z.literal('2025-12-10'),
    window: z.object({ start: z.iso.datetime(), end: z.iso.datetime() }).strict(),
    note: z.string().min(1),
    offTopic: z.array(httpUrl),
    mustKeep: z.array(z.object({ story: z.string().min(1), urls: z.array(httpUrl).min(1) }).strict()).min(1),
    replacements: z.array(httpUrl),
    replacementReported: z.array(httpUrl).min(1),
    hfPapers: z.array(httpUrl),
    arxivPapers: z.record(z.string().regex(ARXIV_ID), z.array(httpUrl).min(1)),
    arxivAnnouncements: z.record(z.string().regex(ARXIV_ID), z.record(z.string().startsWith('arxiv-'), z.enum(ANNOUNCE_TYPES))),
  })
  .strict();
type Labels = z.infer<typeof LabelsSchema>;

const ClustersSchema = z
  .object({
    date: z.literal('2025-12-10'),
    note: z.string(),
    stories: z.array(z.object({ label: z.string().min(1), urls: z.array(httpUrl).min(1) }).strict()),
  })
  .strict();

const readJson = (name: string): unknown => JSON.parse(readFileSync(path.join(day, name), 'utf8'));
const abs = (id: string) => `https://arxiv.org/abs/${id}`;

/** The day of the folder's name at the default cut-off, as `digest collect --fixtures fixtures/2025-12-10` resolves it. */
const window = windowFor('2025-12-10', '06:45');
let collection: { result: CollectOutput };
let articleByUrl: Map<string, Article>;
let labels: Labels;

beforeAll(async () => {
  // What `digest collect --fixtures <dir>` does with a recorded day: the day's own feeds.yaml, fixture fetchers
  // behind the offline guard, and the clock at the window's end for undated items. Called at the stage level so
  // that this test does not follow every change of the CLI's plumbing.
  const feeds = await readFeedsConfig(path.join(day, 'feeds.yaml'));
  const lift = createOfflineGuard().install();
  try {
    const result = await collectArticles(
      { feeds, window },
      { fetchFeed: createFixtureFeedFetcher(day), fetchPage: createFixturePageFetcher(day), now: () => new Date(window.end) },
    );
    collection = { result };
  } finally {
    lift();
  }
  articleByUrl = new Map(collection.result.articles.map((a) => [a.url, a]));
  labels = LabelsSchema.parse(readJson('labels.json'));
}, 60_000);

describe('fixture day 2025-12-10 (volume day for select)', () => {
  it('collects like `digest collect --fixtures`: every feed ok, no warnings, the expected items and articles', () => {
    const { result } = collection;
    expect(window).toEqual({ start: '2025-12-08T22:45:00.000Z', end: '2025-12-09T22:45:00.000Z' });
    expect(result.warnings).toEqual([]);
    expect(Object.fromEntries(result.health.map((h) => [h.feedId, { status: h.status, items: h.items, inWindow: h.inWindow }]))).toEqual(
      Object.fromEntries(Object.entries(FEEDS).map(([id, c]) => [id, { status: 'ok', ...c }])),
    );
    expect(result.totalItems).toBe(ITEMS);
    expect(result.totalItems).toBeGreaterThanOrEqual(400);
    expect(result.articles).toHaveLength(ARTICLES);
    expect(articleByUrl.size).toBe(ARTICLES);
    for (const a of result.articles) expect(a.publishedAt >= window.start && a.publishedAt < window.end, a.url).toBe(true);
  });

  it('labels.json: every labelled URL is a collected article, in canonical form', () => {
    expect(labels.window).toEqual(window);
    const labelled = [
      ...labels.offTopic,
      ...labels.mustKeep.flatMap((s) => s.urls),
      ...labels.replacements,
      ...labels.replacementReported,
      ...labels.hfPapers,
      ...Object.values(labels.arxivPapers).flat(),
    ];
    expect(labelled.length).toBeGreaterThan(400);
    expect(labelled.filter((u) => !articleByUrl.has(u))).toEqual([]);
  });

  it('labels.json: off-topic articles come only from all-topics feeds, and nothing is both off-topic and must-keep', async () => {
    const feeds = await readFeedsConfig(path.join(day, 'feeds.yaml'));
    const onTopic = new Set(feeds.filter((f) => f.onTopic).map((f) => f.id));
    const offTopicFeeds = new Set(labels.offTopic.map((u) => articleByUrl.get(u)!.feedId));
    expect([...offTopicFeeds].filter((f) => onTopic.has(f))).toEqual([]);
    expect([...offTopicFeeds].sort()).toEqual(['hacker-news', 'ithome-tw', 'techcrunch']);
    expect(labels.offTopic).toHaveLength(67);
    const keep = new Set(labels.mustKeep.flatMap((s) => s.urls));
    expect(labels.offTopic.filter((u) => keep.has(u))).toEqual([]);
    // Every announcement of a primary source is kept, alone or inside its story.
    const primary = new Set(feeds.filter((f) => f.primary).map((f) => f.id));
    const primaryArticles = collection.result.articles.filter((a) => primary.has(a.feedId));
    expect(primaryArticles).toHaveLength(7);
    expect(primaryArticles.filter((a) => !keep.has(a.url)).map((a) => a.url)).toEqual([]);
    // The multi-outlet stories: twelve of them, each told by at least two feeds, most in English and Chinese.
    const multi = labels.mustKeep.filter((s) => new Set(s.urls.map((u) => articleByUrl.get(u)!.feedId)).size > 1);
    expect(multi).toHaveLength(12);
    expect(multi.filter((s) => new Set(s.urls.map((u) => articleByUrl.get(u)!.lang)).size === 2).length).toBeGreaterThanOrEqual(8);
  });

  it('labels.json: replacements are exactly the replace/replace-cross papers of the day, one of them reported and kept', () => {
    const arxiv = collection.result.articles.filter((a) => a.url.startsWith('https://arxiv.org/abs/'));
    // The collector reads the kind from <arxiv:announce_type> and the description, and strips the listing prefix.
    const replaced = arxiv.filter((a) => a.announceType?.startsWith('replace')).map((a) => a.url);
    expect(arxiv.every((a) => !/^arXiv:\S+ Announce Type:/.test(a.text))).toBe(true);
    expect(replaced.length).toBeGreaterThan(50);
    expect([...labels.replacements, ...labels.replacementReported].sort()).toEqual([...replaced].sort());
    // Replaced papers are old: ids of months before the announcement.
    for (const u of replaced) expect(articleByUrl.get(u)!.arxivId, u).toMatch(/^25(0[7-9]|1[01])\.\d{5}$/);
    // The replaced paper the news reports today is inside a must-keep story with news articles.
    const [reported] = labels.replacementReported;
    const story = labels.mustKeep.find((s) => s.urls.includes(reported!));
    expect(story?.urls.some((u) => !u.includes('arxiv.org'))).toBe(true);
    expect(labels.replacements).not.toContain(reported);
  });

  it('labels.json: arxivPapers names every arXiv paper of the day with all its URLs; hfPapers are those on Hugging Face', () => {
    const arxivIds = collection.result.articles
      .filter((a) => a.url.startsWith('https://arxiv.org/abs/'))
      .map((a) => a.url.slice('https://arxiv.org/abs/'.length));
    expect(Object.keys(labels.arxivPapers).sort()).toEqual([...arxivIds].sort());
    const hfIds = collection.result.articles
      .filter((a) => a.feedId === 'huggingface-papers')
      .map((a) => a.url.replace('https://huggingface.co/papers/', ''));
    expect(hfIds).toHaveLength(15);
    expect(labels.hfPapers).toEqual(hfIds.map(abs).sort());
    for (const [id, urls] of Object.entries(labels.arxivPapers))
      expect(urls).toEqual([abs(id), ...(hfIds.includes(id) ? [`https://huggingface.co/papers/${id}`] : [])]);
    // Cross-lists: a paper is in every category feed it names, and the collector keeps it once.
    const listedTwice = Object.values(labels.arxivAnnouncements).filter((feeds) => Object.keys(feeds).length > 1);
    expect(listedTwice.length).toBeGreaterThan(50);
    const arxivItems = Object.entries(FEEDS)
      .filter(([id]) => id.startsWith('arxiv-'))
      .reduce((n, [, c]) => n + c.items, 0);
    expect(Object.values(labels.arxivAnnouncements).flatMap((f) => Object.keys(f)).length).toBe(arxivItems);
  });

  it('clusters.json: every collected article is in exactly one story, and each multi-outlet story is one cluster', () => {
    const clusters = ClustersSchema.parse(readJson('clusters.json'));
    const urls = clusters.stories.flatMap((s) => s.urls);
    expect(new Set(urls).size).toBe(urls.length);
    expect([...urls].sort()).toEqual([...articleByUrl.keys()].sort());
    const clusterOf = new Map(clusters.stories.flatMap((s, i) => s.urls.map((u) => [u, i] as const)));
    for (const s of labels.mustKeep) {
      const ids = new Set(s.urls.map((u) => clusterOf.get(u)));
      expect(ids.size, s.story).toBe(1);
      expect(clusters.stories[[...ids][0]!]!.urls.sort(), s.story).toEqual([...s.urls].sort());
    }
  });
});

describe('scripts/make-volume-day.ts', () => {
  const tempDir = useTempDirs('volume-day-gen-');

  function listFiles(dir: string, prefix = ''): string[] {
    return readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
      .sort();
  }

  it('re-running the generator reproduces the committed files byte for byte', async () => {
    const out = await tempDir();
    const run = spawnSync(process.execPath, ['bin/tsx-run.mjs', 'scripts/make-volume-day.ts', '--out', out], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const committed = listFiles(day);
    expect(listFiles(out)).toEqual(committed);
    expect(committed).toContain('feeds/arxiv-cs-lg.xml');
    const differing = committed.filter((f) => !readFileSync(path.join(out, f)).equals(readFileSync(path.join(day, f))));
    expect(differing, 'these committed files are not the generator’s output: re-run it and commit the result').toEqual([]);
  }, 60_000);
});
