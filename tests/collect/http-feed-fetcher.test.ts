// The HTTP adapter against a real server on 127.0.0.1 (random port): every way a feed host misbehaves.

import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectArticles } from '../../src/collect/collect-articles.js';
import { createHttpFeedFetcher, type HttpFetcherOptions } from '../../src/collect/http-feed-fetcher.js';
import { parseRetryAfter } from '../../src/util/retry-policy.js';
import { createOfflineGuard } from '../../src/collect/offline-guard.js';
import { NetworkEscapeError } from '../../src/errors.js';
import type { FeedConfig } from '../../src/types.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const RSS = (title: string, link = 'https://news.example.com/1') =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Local</title><link>https://news.example.com/</link><item><title>${title}</title><link>${link}</link><pubDate>Thu, 04 Dec 2025 12:00:00 GMT</pubDate><description>Body</description></item></channel></rss>`;

const hits = new Map<string, number>();
const seen: Array<{ path: string; headers: http.IncomingHttpHeaders }> = [];
let inFlight = 0;
let maxInFlight = 0;

const server = http.createServer((req, res) => {
  const url = new URL(req.url!, 'http://x');
  const key = url.pathname + url.search;
  const n = (hits.get(key) ?? 0) + 1;
  hits.set(key, n);
  seen.push({ path: key, headers: req.headers });
  const xml = (body: string | Buffer, headers: http.OutgoingHttpHeaders = {}) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', ...headers });
    res.end(body);
  };
  switch (url.pathname) {
    case '/ok':
      return xml(RSS('Fine'));
    case '/hang':
      return; // never answers
    case '/flaky':
      if (n === 1) {
        res.writeHead(500);
        return res.end('oops');
      }
      return xml(RSS('Second time lucky'));
    case '/always-503':
      res.writeHead(503);
      return res.end();
    case '/rate':
      if (n === 1) {
        res.writeHead(429, { 'retry-after': '3600' });
        return res.end();
      }
      return xml(RSS('After the rate limit'));
    case '/etag':
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        return res.end();
      }
      return xml(RSS('Cached story'), {
        etag: '"v1"',
        'last-modified': 'Thu, 04 Dec 2025 12:00:00 GMT',
        'content-type': 'application/rss+xml; charset=utf-8',
      });
    case '/unasked-304':
      if (n === 1) {
        res.writeHead(304);
        return res.end();
      }
      return xml(RSS('Fresh'));
    case '/404':
      res.writeHead(404, { 'content-type': 'text/html' });
      return res.end('<html><body>Not here</body></html>');
    case '/loop-a':
      res.writeHead(302, { location: '/loop-b' });
      return res.end();
    case '/loop-b':
      res.writeHead(301, { location: '/loop-a' });
      return res.end();
    case '/hop': {
      const left = Number(url.searchParams.get('n'));
      if (left > 0) {
        res.writeHead(307, { location: `/hop?n=${left - 1}` });
        return res.end();
      }
      return xml(RSS('At the end of the hops'));
    }
    case '/gzip':
      return xml(zlib.gzipSync(RSS('Compressed gzip')), { 'content-encoding': 'gzip' });
    case '/br':
      return xml(zlib.brotliCompressSync(RSS('Compressed br')), { 'content-encoding': 'br' });
    case '/deflate':
      return xml(zlib.deflateRawSync(RSS('Compressed deflate')), { 'content-encoding': 'deflate' });
    case '/big5-header':
      return xml(fixture('big5-undeclared.xml'), { 'content-type': 'application/rss+xml; charset=big5' });
    case '/big5-bare':
      return xml(fixture('big5-undeclared.xml'), { 'content-type': 'application/rss+xml' });
    case '/gbk-header':
      return xml(fixture('gbk-undeclared.xml'), { 'content-type': 'text/xml; charset=GBK' });
    case '/gbk-bare':
      return xml(fixture('gbk-undeclared.xml'), { 'content-type': 'text/xml' });
    case '/huge': {
      // no Content-Length: the cap must trip while streaming
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 4 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    case '/huge-announced':
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(50 * 1024 * 1024) });
      return res.end();
    case '/gzip-bomb':
      return xml(zlib.gzipSync(Buffer.alloc(8 * 1024 * 1024, ' ')), { 'content-encoding': 'gzip' });
    case '/html':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end('<!DOCTYPE html><html><head><title>Subscribe</title></head><body><h1>Please accept cookies</h1></body></html>');
    case '/nbsp':
      return xml(
        '<rss version="2.0"><channel><title>Entities&nbsp;R&nbsp;Us</title><link>https://nbsp.example.com/</link><item><title>Caf&eacute;&nbsp;AI&nbsp;&mdash; launch</title><link>https://nbsp.example.com/1</link><pubDate>Thu, 04 Dec 2025 12:00:00 GMT</pubDate><description>Nothing&nbsp;breaks &copy; 2025</description></item></channel></rss>',
      );
    case '/slow':
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        xml(RSS(`slow ${url.searchParams.get('i')}`));
      }, 60);
      return;
    case '/page':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end('<html><body><article><p>Page text long enough to count as a paragraph of the article.</p></article></body></html>');
    default:
      res.writeHead(404);
      res.end();
  }
});

let base = '';
const stateDir = mkdtempSync(path.join(tmpdir(), 'http-fetcher-'));
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(stateDir, { recursive: true, force: true });
});

const feed = (p: string, id = p.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'root'): FeedConfig => ({
  id,
  name: id,
  url: `${base}${p}`,
  lang: 'zh',
});
/** Fast settings for tests; conditional GET off unless a test asks for it. */
const fetcher = (extra: HttpFetcherOptions = {}) =>
  createHttpFeedFetcher({ timeoutMs: 1_000, retries: 1, backoffMs: 10, maxRetryAfterMs: 50, stateFile: null, ...extra });
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('createHttpFeedFetcher', () => {
  it('sends a real User-Agent and asks for compressed feeds', async () => {
    const f = fetcher();
    const res = await f(feed('/ok'));
    expect(res.status).toBe(200);
    expect(text(res.body)).toContain('Fine');
    const req = seen.find((s) => s.path === '/ok')!;
    expect(req.headers['user-agent']).toMatch(/^ai-daily-digest\/0\.1 \(\+https:\/\//);
    expect(req.headers['accept-encoding']).toContain('gzip');
    expect(req.headers.accept).toContain('application/rss+xml');
    await f.close();
  });

  it('times out a server that never answers', async () => {
    const f = fetcher({ timeoutMs: 150, retries: 0 });
    const t0 = Date.now();
    await expect(f(feed('/hang'))).rejects.toThrow(/timed out after 150 ms/);
    expect(Date.now() - t0).toBeLessThan(1_500);
    await f.close();
  });

  it('retries a 500 and gets the 200 behind it', async () => {
    const f = fetcher();
    expect(text((await f(feed('/flaky'))).body)).toContain('Second time lucky');
    expect(hits.get('/flaky')).toBe(2);
    await f.close();
  });

  it('gives up on a persistent 503 after the configured attempts', async () => {
    const f = fetcher({ retries: 2 });
    await expect(f(feed('/always-503'))).rejects.toThrow('HTTP 503 Service Unavailable (gave up after 3 attempts)');
    expect(hits.get('/always-503')).toBe(3);
    await f.close();
  });

  it('honours Retry-After on 429, capped', async () => {
    const waits: number[] = [];
    const f = fetcher({ maxRetryAfterMs: 40, sleep: async (ms) => void waits.push(ms) });
    expect(text((await f(feed('/rate'))).body)).toContain('After the rate limit');
    expect(waits).toEqual([40]); // the server asked for an hour
    expect(parseRetryAfter({ 'retry-after': '120' }, 0)).toBe(120_000);
    expect(parseRetryAfter({ 'retry-after': 'Thu, 01 Jan 1970 00:00:10 GMT' }, 4_000)).toBe(6_000);
    expect(parseRetryAfter({ 'retry-after': 'soon' }, 0)).toBeUndefined();
    await f.close();
  });

  it('remembers ETag/Last-Modified across fetchers and re-uses the stored body on 304', async () => {
    const stateFile = path.join(stateDir, 'http-cache.json');
    const first = fetcher({ stateFile });
    const a = await first(feed('/etag'));
    expect(a.status).toBe(200);
    await first.close();

    const second = fetcher({ stateFile }); // a new run
    const b = await second(feed('/etag'));
    expect(b.status).toBe(304);
    expect(text(b.body)).toContain('Cached story');
    expect(b.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const conditional = seen.filter((s) => s.path === '/etag').at(-1)!;
    expect(conditional.headers['if-none-match']).toBe('"v1"');
    expect(conditional.headers['if-modified-since']).toBe('Thu, 04 Dec 2025 12:00:00 GMT');
    const state = JSON.parse(readFileSync(stateFile, 'utf8'));
    expect(state.version).toBe(1);
    expect(state.feeds[`${base}/etag`]).toMatchObject({ etag: '"v1"', finalUrl: `${base}/etag` });

    const out = await collectArticles(
      { feeds: [feed('/etag', 'etag')], window: { start: '2025-12-04T00:00:00Z', end: '2025-12-05T00:00:00Z' } },
      { fetchFeed: second, now: () => new Date('2025-12-05T00:00:00Z') },
    );
    expect(out.health[0]).toMatchObject({ status: 'not-modified', inWindow: 1 });
    await second.close();
  });

  it('asks again when a 304 comes without a stored copy', async () => {
    const f = fetcher();
    expect(text((await f(feed('/unasked-304'))).body)).toContain('Fresh');
    await f.close();
  });

  it('turns a 404 into an error that says so', async () => {
    const f = fetcher();
    await expect(f(feed('/404'))).rejects.toThrow(`HTTP 404 Not Found from ${base}/404`);
    expect(hits.get('/404')).toBe(1); // not retried
    await f.close();
  });

  it('detects a redirect loop and stops after 5 redirects', async () => {
    const f = fetcher();
    await expect(f(feed('/loop-a'))).rejects.toThrow(/redirect loop: .*\/loop-a → .*\/loop-b → .*\/loop-a/);
    const five = await f(feed('/hop?n=5', 'hop5'));
    expect(five.url).toBe(`${base}/hop?n=0`);
    await expect(f(feed('/hop?n=6', 'hop6'))).rejects.toThrow(/more than 5 redirects/);
    await f.close();
  });

  it('decodes gzip, br and deflate bodies', async () => {
    const f = fetcher();
    expect(text((await f(feed('/gzip'))).body)).toContain('Compressed gzip');
    expect(text((await f(feed('/br'))).body)).toContain('Compressed br');
    expect(text((await f(feed('/deflate'))).body)).toContain('Compressed deflate');
    await f.close();
  });

  it('caps the body size, announced, streamed or decompressed', async () => {
    const f = fetcher({ maxBytes: 1024 * 1024 });
    await expect(f(feed('/huge'))).rejects.toThrow(/body too large: more than 1048576 bytes/);
    await expect(f(feed('/huge-announced'))).rejects.toThrow(/body too large: 52428800 bytes announced/);
    await expect(f(feed('/gzip-bomb'))).rejects.toThrow(/after gzip decompression/);
    await f.close();
  });

  it('keeps to the per-host concurrency limit', async () => {
    maxInFlight = 0;
    const f = fetcher({ concurrency: 8, perHost: 2 });
    await Promise.all(Array.from({ length: 6 }, (_, i) => f(feed(`/slow?i=${i}`, `slow-${i}`))));
    expect(maxInFlight).toBe(2);
    await f.close();
  });

  it('fetches article pages under the same limits', async () => {
    // An article link is third-party text: a page on loopback is fetched only because the policy allows it.
    const f = fetcher({ networkPolicy: { allow: ['127.0.0.1'] } });
    const res = await f.fetchPage(`${base}/page`);
    expect(text(res.body)).toContain('Page text');
    expect(seen.find((s) => s.path === '/page')!.headers.accept).toContain('text/html');
    await f.close();
  });

  it('refuses to fetch while an offline guard is installed', async () => {
    const f = fetcher();
    const restore = createOfflineGuard().install();
    try {
      await expect(f(feed('/ok'))).rejects.toBeInstanceOf(NetworkEscapeError);
    } finally {
      restore();
    }
    await f.close();
  });
});

describe('collect over HTTP: a mix of working and broken feeds', () => {
  it('collects what can be collected and names each broken feed and why', async () => {
    const f = fetcher({ timeoutMs: 300, retries: 0 });
    const feeds = ['/big5-header', '/big5-bare', '/gbk-header', '/gbk-bare', '/nbsp', '/gzip', '/html', '/404', '/hang', '/loop-a'].map(
      (p) => feed(p),
    );
    const out = await collectArticles(
      { feeds, window: { start: '2025-12-04T00:00:00Z', end: '2025-12-05T00:00:00Z' } },
      { fetchFeed: f, now: () => new Date('2025-12-05T00:00:00Z') },
    );
    const status = Object.fromEntries(out.health.map((h) => [h.feedId, h.status === 'failed' ? `failed: ${h.reason}` : h.status]));
    expect(status).toEqual({
      'big5-header': 'ok',
      'big5-bare': 'ok',
      'gbk-header': 'ok',
      'gbk-bare': 'ok',
      nbsp: 'ok',
      gzip: 'ok',
      html: expect.stringMatching(/^failed: an HTML page, not a feed/),
      '404': expect.stringMatching(/^failed: HTTP 404 Not Found/),
      hang: expect.stringMatching(/^failed: timed out after 300 ms/),
      'loop-a': expect.stringMatching(/^failed: redirect loop/),
    });
    const titles = out.articles.map((a) => a.title);
    expect(titles).toContain('台灣大學發表新的人工智慧模型，繁體中文理解能力大幅提升');
    expect(titles).toContain('国产大模型发布新版本，推理能力明显提升');
    expect(titles).toContain('Café AI — launch');
    expect(out.articles.find((a) => a.title === 'Café AI — launch')!.text).toBe('Nothing breaks © 2025');
    expect(out.warnings.filter((w) => w.code === 'feed-failed').map((w) => w.feedId)).toEqual(['html', '404', 'hang', 'loop-a']);
    await f.close();
  });
});
