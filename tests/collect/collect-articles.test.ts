import { describe, expect, it } from 'vitest';
import { collectArticles, type CollectDeps } from '../../src/collect/collect-articles.js';
import { FetchError } from '../../src/collect/collect-errors.js';
import { NetworkEscapeError } from '../../src/errors.js';
import type { FeedConfig, FeedResponse } from '../../src/types.js';

const WINDOW = { start: '2025-12-03T23:00:00.000Z', end: '2025-12-04T23:00:00.000Z' };
const NOW = new Date('2025-12-04T23:00:00.000Z');

const feed = (id: string, extra: Partial<FeedConfig> = {}): FeedConfig => ({
  id,
  name: `Feed ${id}`,
  url: `https://${id}.example.com/feed`,
  lang: 'en',
  ...extra,
});
const ok = (body: string, url = 'https://x.example.com/feed', headers: Record<string, string> = {}): FeedResponse => ({
  status: 200,
  headers,
  body: new TextEncoder().encode(body),
  url,
});

const rss = (items: Array<{ title: string; link: string; date?: string; body?: string }>) =>
  `<rss version="2.0"><channel><title>t</title><link>https://x.example.com/</link>${items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.link}</link>${i.date ? `<pubDate>${i.date}</pubDate>` : ''}<description>${i.body ?? ''}</description></item>`,
    )
    .join('')}</channel></rss>`;

/** A fake fetcher answering from a table; records which feeds and pages were asked for. */
function fakeDeps(
  feeds: Record<string, () => FeedResponse | Promise<FeedResponse>>,
  pages: Record<string, string> = {},
): CollectDeps & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    now: () => NOW,
    fetchFeed: async (f) => {
      asked.push(f.id);
      const answer = feeds[f.id];
      if (!answer) throw new FetchError(`HTTP 404 Not Found for ${f.url}`, f.url, 404);
      return answer();
    },
    fetchPage: async (url) => {
      asked.push(url);
      const html = pages[url];
      if (html === undefined) throw new FetchError(`HTTP 404 for ${url}`, url, 404);
      return ok(html, url, { 'content-type': 'text/html; charset=utf-8' });
    },
  };
}

describe('collectArticles', () => {
  it('keeps in-window items, normalises them and sorts by date then URL', async () => {
    const deps = fakeDeps({
      a: () =>
        ok(
          rss([
            {
              title: 'Late',
              link: 'https://a.example.com/late?utm_source=rss',
              date: 'Thu, 04 Dec 2025 20:00:00 GMT',
              body: '<p>Body <b>text</b></p>',
            },
            { title: 'Early', link: 'https://a.example.com/early#top', date: 'Thu, 04 Dec 2025 08:00:00 +0800' },
            { title: 'Too old', link: 'https://a.example.com/old', date: 'Mon, 01 Dec 2025 08:00:00 GMT' },
            { title: 'Future', link: 'https://a.example.com/future', date: 'Fri, 05 Dec 2025 08:00:00 GMT' },
          ]),
        ),
    });
    const out = await collectArticles({ feeds: [feed('a')], window: WINDOW }, deps);
    expect(out.totalItems).toBe(4);
    expect(out.articles.map((a) => a.title)).toEqual(['Early', 'Late']);
    const late = out.articles[1]!;
    expect(late).toMatchObject({
      feedId: 'a',
      source: 'Feed a',
      url: 'https://a.example.com/late',
      text: 'Body text',
      publishedAt: '2025-12-04T20:00:00.000Z',
      lang: 'en',
    });
    expect(late.id).toMatch(/^[0-9a-f]{12}$/);
    expect(out.articles[0]!.url).toBe('https://a.example.com/early');
    expect(out.health).toEqual([expect.objectContaining({ feedId: 'a', name: 'Feed a', status: 'ok', items: 4, inWindow: 2 })]);
    expect(out.warnings).toEqual([]);
  });

  it('reports a failing feed and goes on with the others', async () => {
    const deps = fakeDeps({
      good: () => ok(rss([{ title: 'Hi', link: 'https://good.example.com/1', date: 'Thu, 04 Dec 2025 12:00:00 GMT' }])),
      html: () => ok('<!DOCTYPE html><html><body>Consent</body></html>'),
      e500: () => ({ status: 500, headers: {}, body: new Uint8Array(), url: 'https://e500.example.com/feed' }),
    });
    const out = await collectArticles({ feeds: [feed('good'), feed('missing'), feed('html'), feed('e500')], window: WINDOW }, deps);
    expect(out.articles.map((a) => a.feedId)).toEqual(['good']);
    expect(out.health.map((h) => [h.feedId, h.status])).toEqual([
      ['good', 'ok'],
      ['missing', 'failed'],
      ['html', 'failed'],
      ['e500', 'failed'],
    ]);
    expect(out.health[1]!.reason).toMatch(/HTTP 404/);
    expect(out.health[2]!.reason).toMatch(/HTML page/);
    expect(out.health[3]!.reason).toBe('HTTP 500');
    expect(out.warnings.filter((w) => w.code === 'feed-failed').map((w) => w.feedId)).toEqual(['missing', 'html', 'e500']);
  });

  it('drops exact duplicate URLs across feeds, keeping the first feed in feeds order', async () => {
    const item = { title: 'Same story', link: 'https://news.example.com/story?utm_medium=x', date: 'Thu, 04 Dec 2025 12:00:00 GMT' };
    const deps = fakeDeps({
      // the second feed answers first: order must still follow feeds.yaml
      first: async () => {
        await new Promise((r) => setTimeout(r, 20));
        return ok(rss([item]));
      },
      second: () => ok(rss([{ ...item, link: 'https://news.example.com/story#comments' }, item])),
    });
    const out = await collectArticles({ feeds: [feed('first'), feed('second')], window: WINDOW }, deps);
    expect(out.articles).toHaveLength(1);
    expect(out.articles[0]!.feedId).toBe('first');
    expect(out.health.map((h) => h.inWindow)).toEqual([1, 2]);
  });

  it('flags undated items with the fetch time and keeps them', async () => {
    const deps = fakeDeps({ u: () => ok(rss([{ title: 'No date', link: 'https://u.example.com/1' }])) });
    const out = await collectArticles({ feeds: [feed('u')], window: WINDOW }, deps);
    expect(out.articles).toEqual([expect.objectContaining({ title: 'No date', publishedAt: NOW.toISOString(), undated: true })]);
  });

  it('detects Chinese articles in an English feed and takes lang from the feed otherwise', async () => {
    const deps = fakeDeps({
      mix: () =>
        ok(
          rss([
            {
              title: '台灣發表新的人工智慧模型',
              link: 'https://mix.example.com/zh',
              date: 'Thu, 04 Dec 2025 12:00:00 GMT',
              body: '研究團隊表示，這個模型在中文測試中表現很好。',
            },
            { title: 'GPT-5', link: 'https://mix.example.com/en', date: 'Thu, 04 Dec 2025 12:00:00 GMT' },
          ]),
        ),
      zh: () => ok(rss([{ title: 'OpenAI 發布新模型', link: 'https://zh.example.com/1', date: 'Thu, 04 Dec 2025 12:00:00 GMT' }])),
    });
    const out = await collectArticles({ feeds: [feed('mix'), feed('zh', { lang: 'zh' })], window: WINDOW }, deps);
    const byUrl = Object.fromEntries(out.articles.map((a) => [a.url, a.lang]));
    expect(byUrl).toEqual({ 'https://mix.example.com/zh': 'zh', 'https://mix.example.com/en': 'en', 'https://zh.example.com/1': 'zh' });
  });

  it('reports empty, stale and not-modified feeds', async () => {
    const deps = fakeDeps({
      empty: () => ok(rss([])),
      stale: () => ok(rss([{ title: 'Old', link: 'https://s.example.com/1', date: 'Mon, 10 Nov 2025 12:00:00 GMT' }])),
      same: () => ({
        ...ok(rss([{ title: 'Kept', link: 'https://same.example.com/1', date: 'Thu, 04 Dec 2025 12:00:00 GMT' }])),
        status: 304,
      }),
    });
    const out = await collectArticles({ feeds: [feed('empty'), feed('stale'), feed('same')], window: WINDOW }, deps);
    expect(out.health.map((h) => h.status)).toEqual(['empty', 'stale', 'not-modified']);
    expect(out.health[1]!.reason).toBe('no new item for 24 days (newest 2025-11-10)');
    expect(out.articles.map((a) => a.feedId)).toEqual(['same']);
    expect(out.warnings.map((w) => w.code)).toEqual(['feed-empty', 'feed-stale']);
  });

  it('skips disabled feeds without fetching them', async () => {
    const deps = fakeDeps({ on: () => ok(rss([])) });
    const out = await collectArticles({ feeds: [feed('on'), feed('off', { enabled: false })], window: WINDOW }, deps);
    expect(deps.asked).toEqual(['on']);
    expect(out.health.map((h) => h.feedId)).toEqual(['on']);
  });

  it('replaces a teaser by the page text for fullText feeds and keeps the teaser when the page fails', async () => {
    const page = `<html><body><nav>Home | About</nav><article><h1>Title</h1>${'<p>The whole article text is much longer than the teaser in the feed, sentence after sentence.</p>'.repeat(5)}</article><footer>© 2025</footer></body></html>`;
    const deps = fakeDeps(
      {
        full: () =>
          ok(
            rss([
              { title: 'Has page', link: 'https://full.example.com/1', date: 'Thu, 04 Dec 2025 12:00:00 GMT', body: 'Teaser' },
              { title: 'No page', link: 'https://full.example.com/2', date: 'Thu, 04 Dec 2025 12:00:00 GMT', body: 'Teaser two' },
              { title: 'Old', link: 'https://full.example.com/old', date: 'Mon, 01 Dec 2025 12:00:00 GMT', body: 'x' },
            ]),
          ),
      },
      { 'https://full.example.com/1': page },
    );
    const out = await collectArticles({ feeds: [feed('full', { fullText: true })], window: WINDOW }, deps);
    const byUrl = Object.fromEntries(out.articles.map((a) => [a.url, a.text]));
    expect(byUrl['https://full.example.com/1']).toMatch(/^Title The whole article text/);
    expect(byUrl['https://full.example.com/1']).not.toContain('Home | About');
    expect(byUrl['https://full.example.com/2']).toBe('Teaser two');
    expect(deps.asked).not.toContain('https://full.example.com/old'); // only in-window articles cost a page fetch
    expect(out.warnings).toEqual([expect.objectContaining({ code: 'fulltext-failed', feedId: 'full' })]);
  });

  it('lets a NetworkEscapeError through: a dry run that reaches for the network is a bug', async () => {
    const deps: CollectDeps = {
      now: () => NOW,
      fetchFeed: async (f) => {
        throw new NetworkEscapeError(f.url);
      },
    };
    await expect(collectArticles({ feeds: [feed('a')], window: WINDOW }, deps)).rejects.toBeInstanceOf(NetworkEscapeError);
  });

  it('warns about items it cannot use', async () => {
    const deps = fakeDeps({
      bad: () =>
        ok(
          rss([
            { title: 'Script', link: 'javascript:alert(1)', date: 'Thu, 04 Dec 2025 12:00:00 GMT' },
            { title: 'Fine', link: 'https://bad.example.com/1', date: 'Thu, 04 Dec 2025 12:00:00 GMT' },
          ]),
        ),
    });
    const out = await collectArticles({ feeds: [feed('bad')], window: WINDOW }, deps);
    expect(out.articles.map((a) => a.title)).toEqual(['Fine']);
    expect(out.warnings).toEqual([
      expect.objectContaining({
        code: 'items-skipped',
        feedId: 'bad',
        message: expect.stringContaining('1 of 2 item(s) in the window skipped'),
      }),
    ]);
  });
});
