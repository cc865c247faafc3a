import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectArticles } from '../../src/collect/collect-articles.js';
import { createFixtureFeedFetcher, createFixturePageFetcher, fixturePagePath } from '../../src/collect/fixture-feed-fetcher.js';
import type { FeedConfig } from '../../src/types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'collect-fixtures-'));
mkdirSync(path.join(dir, 'feeds'));
mkdirSync(path.join(dir, 'pages'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const feed = (id: string): FeedConfig => ({ id, name: id, url: `https://${id}.example.com/feed`, lang: 'en' });

describe('createFixtureFeedFetcher', () => {
  it('serves <dir>/feeds/<id>.xml as bytes with status 200 and the feed URL', async () => {
    writeFileSync(path.join(dir, 'feeds', 'xmlfeed.xml'), '<rss><channel></channel></rss>');
    const res = await createFixtureFeedFetcher(dir)(feed('xmlfeed'));
    expect(res.status).toBe(200);
    expect(res.url).toBe('https://xmlfeed.example.com/feed');
    expect(new TextDecoder().decode(res.body)).toBe('<rss><channel></channel></rss>');
  });

  it('falls back to .atom and .json files', async () => {
    writeFileSync(path.join(dir, 'feeds', 'jf.json'), '{"version":"https://jsonfeed.org/version/1.1","items":[]}');
    const res = await createFixtureFeedFetcher(dir)(feed('jf'));
    expect(res.headers['content-type']).toBe('application/feed+json');
  });

  it('names the missing file, and collect reports that feed as failed', async () => {
    const fetchFeed = createFixtureFeedFetcher(dir);
    await expect(fetchFeed(feed('nope'))).rejects.toThrow(path.join(dir, 'feeds', 'nope.xml'));
    const out = await collectArticles(
      { feeds: [feed('nope')], window: { start: '2025-12-04T00:00:00Z', end: '2025-12-05T00:00:00Z' } },
      { fetchFeed, now: () => new Date('2025-12-05T00:00:00Z') },
    );
    expect(out.health[0]).toMatchObject({ status: 'failed', reason: expect.stringContaining('nope.xml') });
  });

  it('serves recorded pages by article id and fails softly on pages never recorded', async () => {
    const url = 'https://news.example.com/a?utm_source=x';
    writeFileSync(fixturePagePath(dir, url), '<p>page</p>');
    const fetchPage = createFixturePageFetcher(dir);
    expect(new TextDecoder().decode((await fetchPage('https://news.example.com/a')).body)).toBe('<p>page</p>');
    await expect(fetchPage('https://news.example.com/other')).rejects.toMatchObject({ name: 'FixtureMissingError' });
  });
});
