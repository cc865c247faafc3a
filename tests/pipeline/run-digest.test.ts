// runDigest on its own, with fake deps (feeds from memory, a writer that records what it was given, a clock that
// ticks by hand): the stage order, what each stage hands the next, and the report.

import { describe, expect, it } from 'vitest';
import { checkDigest } from '../../src/check/check-digest.js';
import { runDigest, type RunDeps, type RunInput } from '../../src/pipeline/run-digest.js';
import { defaultSelectionPolicy } from '../../src/select/selection-policy.js';
import type { DigestWriter, FeedConfig, FeedResponse, Topic } from '../../src/types.js';
import { writeOffline } from '../../src/write/offline-writer.js';

const window = { start: '2025-12-03T22:45:00.000Z', end: '2025-12-04T22:45:00.000Z' };

function rss(items: { title: string; link: string; date: string; text: string }[]): string {
  const body = items
    .map(
      (i) => `<item><title>${i.title}</title><link>${i.link}</link><pubDate>${i.date}</pubDate><description>${i.text}</description></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://example.com/</link>${body}</channel></rss>`;
}

const feeds: FeedConfig[] = [
  { id: 'news-a', name: 'News A', url: 'https://a.example.com/feed', lang: 'en' },
  { id: 'news-b', name: 'News B', url: 'https://b.example.com/feed', lang: 'en' },
  { id: 'broken', name: 'Broken', url: 'https://broken.example.com/feed', lang: 'en' },
];

const bodies: Record<string, string> = {
  'news-a': rss([
    {
      title: 'Anthropic signs $200 million Snowflake deal for Claude agents',
      link: 'https://a.example.com/anthropic-snowflake',
      date: 'Thu, 04 Dec 2025 10:00:00 GMT',
      text: 'Anthropic and Snowflake agreed a $200 million deal to bring Claude models to Snowflake customers.',
    },
    {
      title: 'Nvidia reports record data center revenue of $51 billion',
      link: 'https://a.example.com/nvidia-revenue',
      date: 'Thu, 04 Dec 2025 11:00:00 GMT',
      text: 'Nvidia said data center revenue reached $51 billion in the quarter, driven by AI demand.',
    },
    { title: 'An old story outside the window', link: 'https://a.example.com/old', date: 'Mon, 01 Dec 2025 10:00:00 GMT', text: 'Old.' },
  ]),
  'news-b': rss([
    {
      title: 'Snowflake and Anthropic strike $200 million partnership for Claude',
      link: 'https://b.example.com/snowflake-anthropic',
      date: 'Thu, 04 Dec 2025 12:00:00 GMT',
      text: 'Snowflake will offer Anthropic Claude models to its customers in a $200 million partnership.',
    },
    {
      title: 'Google DeepMind releases Gemini 3 Deep Think to Ultra subscribers',
      link: 'https://b.example.com/gemini-deep-think',
      date: 'Thu, 04 Dec 2025 13:00:00 GMT',
      text: 'Google DeepMind made Gemini 3 Deep Think available to Google AI Ultra subscribers.',
    },
  ]),
};

function fakeDeps(overrides: Partial<RunDeps> = {}) {
  const calls: string[] = [];
  let t = Date.parse('2025-12-04T22:46:00Z');
  const writerInputs: Parameters<DigestWriter>[0][] = [];
  const deps: RunDeps = {
    fetchFeed: async (feed): Promise<FeedResponse> => {
      calls.push(`fetch ${feed.id}`);
      t += 100; // each fetch "takes" 100 ms on the fake clock
      const body = bodies[feed.id];
      if (!body) throw new Error('connection refused');
      return { status: 200, headers: { 'content-type': 'application/rss+xml' }, body: new TextEncoder().encode(body), url: feed.url };
    },
    itemClock: () => new Date(Date.parse(window.end) - 1),
    writer: async (input) => {
      calls.push('write');
      writerInputs.push(input);
      t += 1_000;
      return writeOffline(input);
    },
    memory: {
      filter: (topics: Topic[]) => {
        calls.push('memory');
        // Yesterday's digest told the Nvidia story.
        const nvidia = topics.find((tp) => tp.articleIds.some((id) => id.length > 0) && tp.keywords.some((k) => /nvidia/i.test(k)));
        return {
          topics: topics.filter((tp) => tp !== nvidia),
          skipped: nvidia
            ? [
                {
                  topicId: nvidia.id,
                  title: 'Nvidia',
                  code: 'repeat' as const,
                  reason: 'already covered on 2025-12-04',
                  earlierDate: '2025-12-04',
                  earlierTitle: 'Nvidia',
                },
              ]
            : [],
        };
      },
    },
    now: () => new Date(t),
    log: () => {},
    ...overrides,
  };
  return { deps, calls, writerInputs };
}

const input: RunInput = {
  date: '2025-12-05',
  window,
  feeds,
  generatedAt: '2025-12-05T06:46:00+08:00',
  coverImage: '/images/2025-12-05-ai-intel.svg',
  mode: 'live',
  policy: defaultSelectionPolicy(),
};

describe('runDigest with fake deps', () => {
  it('runs collect → cluster → memory → write → render → check, and reports each stage', async () => {
    const { deps, calls, writerInputs } = fakeDeps();
    const r = await runDigest(input, deps);

    expect(calls.slice(0, 3).sort()).toEqual(['fetch broken', 'fetch news-a', 'fetch news-b']);
    expect(calls.slice(3)).toEqual(['memory', 'write']);
    // The writer gets only what memory kept: the two reports of the Snowflake deal as one story, and Gemini.
    const given = writerInputs[0]!;
    expect(given.topics).toHaveLength(2);
    const snowflake = given.topics.find((tp) => tp.articleIds.length === 2)!;
    expect(snowflake.articleIds.map((id) => given.articles.find((a) => a.id === id)!.url).sort()).toEqual([
      'https://a.example.com/anthropic-snowflake',
      'https://b.example.com/snowflake-anthropic',
    ]);

    expect(r.report.status).toBe('ok');
    expect(r.markdown).toBeDefined();
    expect(checkDigest(r.markdown!, { articleUrls: new Set(r.articles.map((a) => a.url)) })).toEqual([]);
    expect(r.report.counts).toEqual({
      feeds: 3,
      feedsFailed: 1,
      items: 5,
      articles: 4,
      topics: 2,
      written: 2,
      failedTopics: 0,
      skippedTopics: 1,
    });
    expect(r.report.feeds.find((f) => f.feedId === 'broken')).toMatchObject({ status: 'failed', reason: 'connection refused' });
    expect(r.report.warnings.filter((w) => w.code === 'feed-failed').map((w) => w.feedId)).toEqual(['broken']);
    expect(r.report.skippedTopics.map((s) => s.code)).toEqual(['repeat']);
    expect(r.report.writers).toEqual({ offline: 2, model: 0, replay: 0 });
    // Durations come from the clock it was given: three fetches of 100 ms, a write of 1 s.
    expect(r.report.durationsMs.collect).toBe(300);
    expect(r.report.durationsMs.write).toBe(1_000);
    expect(r.report.durationsMs.total).toBe(1_300);
    // The footer counts the articles collected in the window and the topics written.
    expect(r.markdown).toContain('*資料來源：4 篇文章 | 分析主題：2 個*');
  });

  it('stops before writing when no article is in the window, and says why', async () => {
    const { deps, calls } = fakeDeps({ itemClock: () => new Date(0) });
    const r = await runDigest({ ...input, window: { start: '2026-01-01T00:00:00.000Z', end: '2026-01-02T00:00:00.000Z' } }, deps);
    expect(calls).not.toContain('write');
    expect(r.report.status).toBe('failed');
    expect(r.report.error).toBe('no article inside the window');
    expect(r.markdown).toBeUndefined();
  });

  it('does not write when every story was told before', async () => {
    const { deps, calls } = fakeDeps({
      memory: {
        filter: (topics) => ({
          topics: [],
          skipped: topics.map((t) => ({
            topicId: t.id,
            title: t.id,
            code: 'repeat' as const,
            reason: 'told',
            earlierDate: 'x',
            earlierTitle: 'x',
          })),
        }),
      },
    });
    const r = await runDigest(input, deps);
    expect(calls).not.toContain('write');
    expect(r.report.error).toMatch(/every story of the day was covered by an earlier digest/);
  });

  it('refuses to publish a digest that breaks the format, listing the violations', async () => {
    const { deps } = fakeDeps({
      writer: async (i) => {
        const out = await writeOffline(i);
        return { ...out, frame: { ...out.frame, tags: ['only-one'] } };
      },
    });
    const r = await runDigest(input, deps);
    expect(r.report.status).toBe('failed');
    expect(r.markdown).toBeUndefined();
    expect(r.report.violations.some((v) => v.includes('needs 5–6 tags'))).toBe(true);
  });
});
