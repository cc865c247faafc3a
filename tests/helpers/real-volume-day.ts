// A recorded day at real volume, assembled at test time from ../shared/data (third-party text, never copied into
// the project): the digest of 2025-12-24 (Taipei), window 2025-12-22T22:45Z – 2025-12-23T22:45Z, in the layout of
// fixtures/<date>/ (feeds.yaml + feeds/<id>.xml), about 280 articles in the window from 16 feeds:
//
// - arXiv cs.AI, cs.CL, cs.CV as arXiv serves RSS today (`Announce Type:` in the description,
//   `<arxiv:announce_type>`), dated at the announcement (Tue 23 Dec 00:00 -0500). The dump of 12-22 stands in for
//   the day's listing (the dumps have no 12-23, and this one shares papers with Hugging Face's daily papers of
//   12-23): `new` in the primary category, `cross` in the others. REPLACED_PAPERS papers of earlier dumps come
//   back as v2 `replace` / `replace-cross` (a real listing often carries more, up to a third of it).
// - TechCrunch's all-topics feed as fetched at 22:00Z, the Hacker News front page, Hugging Face blog/papers/posts,
//   six AI-lab blogs, Taiwanese AI news and an MIT Technology Review/SEO-blog digest, each the snapshot of 12-23.
//   A snapshot is replayed as if fetched at the cut-off: its dates move forward by the whole hours between the
//   snapshot and the cut-off (SHIFT_HOURS). The lab blogs date posts at midnight, so they move a whole day.
//
// Feeds carry onTopic/primary/weight/section as an operator would set them: arXiv, Hugging Face and the labs are
// all AI (onTopic), the labs and Hugging Face's blog are primary sources, arXiv and community posts weigh less.

import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { arxivRssDocument, arxivRssItem } from './arxiv-rss.js';
import type { AnnounceType, FeedConfig } from '../../src/types.js';
import { windowFor } from '../../src/util/taipei-time.js';

export const SHARED_DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

export const REAL_DAY_DATE = '2025-12-24';
export const REAL_DAY_CUTOFF = '06:45';

/** Earlier papers re-announced with a new version: enough to matter, few enough to keep the day near 280. */
export const REPLACED_PAPERS = 30;

export interface FeedCount {
  /** Items written to the feed file. */
  items: number;
  /** Items dated inside the window (the collector's `inWindow`, before URLs repeated across feeds are dropped). */
  inWindow: number;
  /** Items without a date: the collector dates them at the window's end and keeps them. */
  undated: number;
}

export interface RealDayCounts {
  feeds: Record<string, FeedCount>;
  items: number;
  inWindow: number;
  arxiv: {
    /** Distinct papers in the three arXiv feeds (all in the window). */
    papers: number;
    /** Feed items by announcement kind (a cross-listed paper is one item per feed). */
    items: Record<AnnounceType, number>;
    /** Papers listed in more than one of the three feeds (same URL: the collector keeps the first). */
    inSeveralFeeds: number;
    /** Papers of the day that Hugging Face's daily papers (inside the window) also feature. */
    onHuggingFace: number;
  };
}

export interface RealDay {
  feedsFile: string;
  fixtureDir: string;
  date: string;
  cutoff: string;
  counts: RealDayCounts;
}

/** Hours each snapshot's dates move forward: the cut-off (22:45Z) minus the snapshot time, in whole hours. */
const SHIFT_HOURS = {
  techcrunch: 0, // fetched 22:00Z
  hackerNews: 3, // 0xSMW commit 18:50Z
  huggingFace: 5, // 17:25Z
  labBlogs: 24, // midnight-only dates; the 18:50Z snapshot cannot hold a post dated 12-23
  zhTw: 19, // scraped 03:40Z
  newsDigest: 15, // written 07:18Z
} as const;

interface FeedPlan {
  feed: FeedConfig;
  build: () => Promise<string>;
}

/** Writes the day into `targetDir` (feeds.yaml, feeds/<id>.xml); undefined when ../shared/data is absent. */
export async function assembleRealDay(targetDir: string): Promise<RealDay | undefined> {
  if (!existsSync(SHARED_DATA)) return undefined;
  const window = windowFor(REAL_DAY_DATE, REAL_DAY_CUTOFF);
  const inWindow = (t: number) => t >= Date.parse(window.start) && t < Date.parse(window.end);

  const arxiv = await planArxiv();
  const snap = (rel: string) => path.join(SHARED_DATA, 'rss-snapshots', rel);
  const dump = (rel: string) => path.join(SHARED_DATA, 'json-dumps', rel);
  const shifted = (file: string, hours: number) => async () => shiftDates(await readFile(file, 'utf8'), hours);
  const lab = (id: string, name: string, url: string, file: string, extra: Partial<FeedConfig> = {}): FeedPlan => ({
    feed: { id, name, url, lang: 'en', onTopic: true, primary: true, ...extra },
    build: shifted(file, SHIFT_HOURS.labBlogs),
  });

  const plans: FeedPlan[] = [
    ...arxiv.plans,
    {
      feed: { id: 'techcrunch', name: 'TechCrunch', url: 'https://techcrunch.com/feed/', lang: 'en' },
      build: shifted(snap('techcrunch_gqcao-rss_bot/daily-eod/techcrunch_2025-12-23.xml'), SHIFT_HOURS.techcrunch),
    },
    {
      feed: { id: 'hacker-news', name: 'Hacker News', url: 'https://news.ycombinator.com/', lang: 'en', weight: 0.5 },
      build: shifted(snap('ai-lab-blogs_0xsmw-rss-feeds/feed_hackernews__2025-12-23.xml'), SHIFT_HOURS.hackerNews),
    },
    {
      feed: {
        id: 'huggingface-blog',
        name: 'Hugging Face Blog',
        url: 'https://huggingface.co/blog/feed.xml',
        lang: 'en',
        section: 'tools',
        onTopic: true,
        primary: true,
      },
      build: shifted(snap('huggingface_michaelmarkert-rss/hf_blog__2025-12-23.xml'), SHIFT_HOURS.huggingFace),
    },
    {
      feed: {
        id: 'huggingface-papers',
        name: 'Hugging Face Papers',
        url: 'https://huggingface.co/papers',
        lang: 'en',
        section: 'research',
        onTopic: true,
      },
      build: shifted(snap('huggingface_michaelmarkert-rss/hf_papers__2025-12-23.xml'), SHIFT_HOURS.huggingFace),
    },
    {
      feed: {
        id: 'huggingface-posts',
        name: 'Hugging Face Posts',
        url: 'https://huggingface.co/posts',
        lang: 'en',
        section: 'tools',
        onTopic: true,
        weight: 0.3,
      },
      build: shifted(snap('huggingface_michaelmarkert-rss/hf_posts__2025-12-23.xml'), SHIFT_HOURS.huggingFace),
    },
    lab(
      'openai-research',
      'OpenAI',
      'https://openai.com/research/',
      snap('ai-lab-blogs_0xsmw-rss-feeds/feed_openai_research__2025-12-23.xml'),
      { section: 'research' },
    ),
    lab(
      'openai-alignment',
      'OpenAI Alignment',
      'https://alignment.openai.com/',
      snap('ai-lab-blogs_0xsmw-rss-feeds/feed_openai_alignment__2025-12-23.xml'),
      { section: 'research' },
    ),
    lab(
      'anthropic-news',
      'Anthropic',
      'https://www.anthropic.com/news',
      snap('ai-lab-blogs_0xsmw-rss-feeds/feed_anthropic_news__2025-12-23.xml'),
    ),
    lab('xai-news', 'xAI', 'https://x.ai/news', snap('ai-lab-blogs_0xsmw-rss-feeds/feed_xai_news__2025-12-23.xml')),
    lab('mistral-news', 'Mistral AI', 'https://mistral.ai/news', snap('ai-lab-blogs_0xsmw-rss-feeds/feed_mistral_news__2025-12-23.xml')),
    lab('cursor-blog', 'Cursor', 'https://cursor.com/blog', snap('ai-lab-blogs_olshansk-rss-feeds/feed_cursor__2025-12-23.xml'), {
      section: 'tools',
    }),
    {
      feed: { id: 'ai-news-tw', name: 'AI 新聞（台灣）', url: 'https://github.com/AI-FREE-Team/news', lang: 'zh' },
      build: async () => zhTwRss(await readJson<ZhTwItem[]>(dump('ai-free-team-news_zh-tw/2025-12-23.json'))),
    },
    {
      feed: {
        id: 'tech-news-digest',
        name: 'AI News Digest',
        url: 'https://github.com/Hesdy24/ai-news-digest',
        lang: 'en',
        section: 'trends',
      },
      build: async () => newsDigestRss(await readJson<DigestItem[]>(dump('ai-news-digest_hesdy24/2025-12-23.json'))),
    },
  ];

  await mkdir(path.join(targetDir, 'feeds'), { recursive: true });
  const feeds: Record<string, FeedCount> = {};
  const hfIds = new Set<string>(); // papers on Hugging Face's daily list inside the window
  for (const { feed, build } of plans) {
    const xml = await build();
    await writeFile(path.join(targetDir, 'feeds', `${feed.id}.xml`), xml);
    const items = feedItems(xml);
    feeds[feed.id] = {
      items: items.length,
      inWindow: items.filter((i) => i.date !== undefined && inWindow(i.date)).length,
      undated: items.filter((i) => i.date === undefined).length,
    };
    if (feed.id === 'huggingface-papers') {
      for (const i of items)
        if (i.date !== undefined && inWindow(i.date)) hfIds.add(/\/papers\/(\d{4}\.\d{4,5})/.exec(i.link ?? '')?.[1] ?? '');
    }
  }
  const feedsFile = path.join(targetDir, 'feeds.yaml');
  await writeFile(feedsFile, feedsYaml(plans.map((p) => p.feed)));

  const counts: RealDayCounts = {
    feeds,
    items: sum(Object.values(feeds).map((f) => f.items)),
    inWindow: sum(Object.values(feeds).map((f) => f.inWindow)),
    arxiv: {
      papers: arxiv.papers.size,
      items: arxiv.items,
      inSeveralFeeds: [...arxiv.papers.values()].filter((n) => n > 1).length,
      onHuggingFace: [...arxiv.papers.keys()].filter((id) => hfIds.has(id)).length,
    },
  };
  return { feedsFile, fixtureDir: targetDir, date: REAL_DAY_DATE, cutoff: REAL_DAY_CUTOFF, counts };
}

// ---- arXiv ------------------------------------------------------------------------------------------------------

interface Paper {
  id: string;
  categories: string[];
  authors: string[];
  title: string;
  summary: string;
}

const ARXIV_FEEDS = ['cs.AI', 'cs.CL', 'cs.CV'] as const;
const DAY_DUMP = '2025-12-22.jsonl';
const EARLIER_DUMPS = ['2025-11-24.jsonl', '2025-11-26.jsonl', '2025-11-28.jsonl', '2025-12-05.jsonl', '2025-12-12.jsonl'];
const ANNOUNCED = 'Tue, 23 Dec 2025 00:00:00 -0500';

async function planArxiv(): Promise<{ plans: FeedPlan[]; papers: Map<string, number>; items: Record<AnnounceType, number> }> {
  const dir = path.join(SHARED_DATA, 'json-dumps', 'arxiv-daily_dw-dengwei');
  const today = uniquePapers(await readFile(path.join(dir, DAY_DUMP), 'utf8'));
  const todayIds = new Set(today.map((p) => p.id));
  const earlier = uniquePapers((await Promise.all(EARLIER_DUMPS.map((f) => readFile(path.join(dir, f), 'utf8')))).join('\n'))
    .filter((p) => !todayIds.has(p.id) && p.categories.some((c) => (ARXIV_FEEDS as readonly string[]).includes(c)))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  // Spread the replacements over the earlier dumps rather than taking the oldest ones.
  const step = Math.max(1, Math.floor(earlier.length / REPLACED_PAPERS));
  const replaced = earlier.filter((_, i) => i % step === 0).slice(0, REPLACED_PAPERS);

  const papers = new Map<string, number>(); // id → number of feeds listing it
  const items: Record<AnnounceType, number> = { new: 0, cross: 0, replace: 0, 'replace-cross': 0 };
  const plans = ARXIV_FEEDS.map((cat): FeedPlan => {
    const entries: Array<[Paper, AnnounceType, number]> = [];
    // arXiv lists new submissions, then cross-lists, then replacements, then cross-listed replacements.
    for (const p of today) if (p.categories[0] === cat) entries.push([p, 'new', 1]);
    for (const p of today) if (p.categories.indexOf(cat) > 0) entries.push([p, 'cross', 1]);
    for (const p of replaced) if (p.categories[0] === cat) entries.push([p, 'replace', 2]);
    for (const p of replaced) if (p.categories.indexOf(cat) > 0) entries.push([p, 'replace-cross', 2]);
    for (const [p, type] of entries) {
      papers.set(p.id, (papers.get(p.id) ?? 0) + 1);
      items[type]++;
    }
    const id = `arxiv-${cat.toLowerCase().replace('.', '-')}`;
    return {
      feed: {
        id,
        name: `arXiv ${cat}`,
        url: `https://rss.arxiv.org/rss/${cat}`,
        lang: 'en',
        section: 'research',
        onTopic: true,
        weight: 0.5,
      },
      build: async () => arxivRss(cat, entries),
    };
  });
  return { plans, papers, items };
}

function uniquePapers(jsonl: string): Paper[] {
  const seen = new Set<string>();
  const out: Paper[] = [];
  for (const line of jsonl.split('\n')) {
    if (!line.trim()) continue;
    const p = JSON.parse(line) as Paper;
    if (seen.has(p.id)) continue; // the dump lists a paper once per category it crawled
    seen.add(p.id);
    out.push(p);
  }
  return out;
}

function arxivRss(cat: string, entries: Array<[Paper, AnnounceType, number]>): string {
  const items = entries.map(([p, type, version]) =>
    arxivRssItem(
      {
        id: p.id,
        version,
        title: oneLine(p.title),
        abstract: oneLine(p.summary),
        categories: p.categories,
        authors: p.authors,
        license: 'http://arxiv.org/licenses/nonexclusive-distrib/1.0/',
      },
      type,
      ANNOUNCED,
      xml,
    ),
  );
  return arxivRssDocument(cat, { lastBuildDate: 'Tue, 23 Dec 2025 05:00:12 +0000', pubDate: ANNOUNCED }, items);
}

// ---- JSON dumps as RSS ------------------------------------------------------------------------------------------

interface ZhTwItem {
  title: string;
  url: string;
  source: string;
  published_at: string;
  summary: string;
}

interface DigestItem {
  title: string;
  link: string;
  source: string;
  summary: string;
  /** UTC without a zone, as feedparser wrote it. */
  timestamp: string;
}

function zhTwRss(items: ZhTwItem[]): string {
  return simpleRss(
    'AI 新聞（台灣）',
    'https://github.com/AI-FREE-Team/news',
    'zh-TW',
    items.map((x) => ({
      title: x.title,
      link: x.url,
      description: x.summary,
      date: Date.parse(x.published_at.replace(' ', 'T')) + SHIFT_HOURS.zhTw * 3_600_000,
      source: x.source,
    })),
  );
}

function newsDigestRss(items: DigestItem[]): string {
  return simpleRss(
    'AI News Digest',
    'https://github.com/Hesdy24/ai-news-digest',
    'en',
    items.map((x) => ({
      title: x.title,
      link: x.link,
      description: x.summary,
      date: Date.parse(`${x.timestamp}Z`) + SHIFT_HOURS.newsDigest * 3_600_000,
      source: x.source,
    })),
  );
}

interface SimpleItem {
  title: string;
  link: string;
  description: string;
  date: number;
  source: string;
}

function simpleRss(title: string, link: string, language: string, items: SimpleItem[]): string {
  const body = items.map((x) =>
    [
      '    <item>',
      `      <title>${xml(oneLine(x.title))}</title>`,
      `      <link>${xml(x.link)}</link>`,
      `      <description>${xml(x.description)}</description>`,
      `      <pubDate>${new Date(x.date).toUTCString()}</pubDate>`,
      `      <guid isPermaLink="true">${xml(x.link)}</guid>`,
      // The outlet, as an aggregating feed names it: it becomes the link text in 來源.
      `      <source url="${xml(new URL(x.link).origin)}/">${xml(x.source)}</source>`,
      '    </item>',
    ].join('\n'),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>${xml(title)}</title>
    <link>${xml(link)}</link>
    <description>${xml(title)}</description>
    <language>${language}</language>
${body.join('\n')}
  </channel>
</rss>
`;
}

// ---- helpers ----------------------------------------------------------------------------------------------------

/** Moves every <pubDate> (RFC 822) and <dc:date> (ISO 8601) of a feed forward by `hours`. */
export function shiftDates(feedXml: string, hours: number): string {
  if (hours === 0) return feedXml;
  const ms = hours * 3_600_000;
  return feedXml
    .replace(/<pubDate>([^<]+)<\/pubDate>/g, (all, d: string) => {
      const t = Date.parse(d.trim());
      return Number.isNaN(t) ? all : `<pubDate>${new Date(t + ms).toUTCString()}</pubDate>`;
    })
    .replace(/<dc:date>([^<]+)<\/dc:date>/g, (all, d: string) => {
      const t = Date.parse(d.trim());
      return Number.isNaN(t) ? all : `<dc:date>${new Date(t + ms).toISOString()}</dc:date>`;
    });
}

/** The link and date of each <item> (date undefined when it has none), read without the collector's parser. */
function feedItems(feedXml: string): Array<{ link?: string; date?: number }> {
  return [...feedXml.matchAll(/<item[\s>][\s\S]*?<\/item>/g)].map((m) => {
    const d = /<pubDate>([^<]+)<\/pubDate>/.exec(m[0]) ?? /<dc:date>([^<]+)<\/dc:date>/.exec(m[0]);
    const t = d ? Date.parse(d[1]!.trim()) : Number.NaN;
    return { link: /<link>([^<]+)<\/link>/.exec(m[0])?.[1], date: Number.isNaN(t) ? undefined : t };
  });
}

function feedsYaml(feeds: FeedConfig[]): string {
  const line = (f: FeedConfig) =>
    `  - { ${Object.entries(f)
      .map(([k, v]) => `${k}: ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`)
      .join(', ')} }`;
  return `# The real-volume day ${REAL_DAY_DATE}, assembled by tests/helpers/real-volume-day.ts from ../shared/data.\nfeeds:\n${feeds.map(line).join('\n')}\n`;
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function xml(s: string): string {
  // Control characters are not allowed in XML 1.0; a stray one would cost the whole feed.
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function sum(ns: number[]): number {
  return ns.reduce((a, b) => a + b, 0);
}
