// SSRF: addresses from third-party text (redirects to another host, fullText article links) must not reach inside
// the network. Two loopback addresses play the parts: 127.0.0.1 serves the configured feed (trusted, the operator
// wrote its URL) and 127.0.0.2 is the internal service an attacker wants to read.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectArticles } from '../../src/collect/collect-articles.js';
import { FetchError } from '../../src/collect/collect-errors.js';
import { createHttpFeedFetcher, type HttpFetcherOptions } from '../../src/collect/http-feed-fetcher.js';
import { classifyAddress, parseFetchAllow, refusal, type LookupFunction } from '../../src/collect/network-policy.js';
import { ConfigError } from '../../src/errors.js';
import type { FeedConfig } from '../../src/types.js';

const SECRET = 'INTERNAL-SECRET-7f3a9c';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback', '127.0.0.0/8'],
    ['127.255.0.9', 'loopback', '127.0.0.0/8'],
    ['::1', 'loopback', '::1/128'],
    ['10.0.0.5', 'private', '10.0.0.0/8'],
    ['172.16.0.1', 'private', '172.16.0.0/12'],
    ['172.31.255.255', 'private', '172.16.0.0/12'],
    ['192.168.1.1', 'private', '192.168.0.0/16'],
    ['169.254.169.254', 'link-local', '169.254.0.0/16'],
    ['fe80::1', 'link-local', 'fe80::/10'],
    ['fe80::1%eth0', 'link-local', 'fe80::/10'],
    ['100.64.0.1', 'carrier-grade NAT', '100.64.0.0/10'],
    ['fd00::1', 'unique-local', 'fc00::/7'],
    ['fc00::', 'unique-local', 'fc00::/7'],
    ['0.0.0.0', 'unspecified', '0.0.0.0/8'],
    ['::', 'unspecified', '::/128'],
    ['224.0.0.251', 'multicast', '224.0.0.0/4'],
    ['ff02::1', 'multicast', 'ff00::/8'],
    ['255.255.255.255', 'reserved', '240.0.0.0/4'],
    ['192.0.2.1', 'reserved', '192.0.2.0/24'],
    ['2001:db8::1', 'reserved', '2001:db8::/32'],
    // IPv4 inside IPv6: where the packets really go decides.
    ['::ffff:127.0.0.1', 'loopback', '127.0.0.0/8, IPv4-mapped'],
    ['::ffff:7f00:2', 'loopback', '127.0.0.0/8, IPv4-mapped'],
    ['::ffff:a9fe:a9fe', 'link-local', '169.254.0.0/16, IPv4-mapped'],
    ['::ffff:10.1.2.3', 'private', '10.0.0.0/8, IPv4-mapped'],
    ['64:ff9b::c0a8:101', 'private', '192.168.0.0/16, NAT64'],
    ['2002:7f00:1::1', 'loopback', '127.0.0.0/8, 6to4'],
    ['::127.0.0.1', 'reserved', '::/96'],
  ])('%s is %s (%s)', (address, kind, range) => {
    expect(classifyAddress(address)).toEqual({ kind, range });
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '169.253.255.255',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
  ])('%s is public', (address) => {
    expect(classifyAddress(address)).toBeNull();
  });
});

describe('parseFetchAllow and refusal', () => {
  it('reads comma-separated hosts, addresses and CIDRs', () => {
    expect(parseFetchAllow(' intranet.example.com, 10.1.0.0/16 ,fd00::/8,127.0.0.2,, Feeds.Example.ORG. ')).toEqual({
      allow: ['intranet.example.com', '10.1.0.0/16', 'fd00::/8', '127.0.0.2', 'feeds.example.org'],
    });
    expect(parseFetchAllow(undefined)).toEqual({ allow: [] });
    expect(parseFetchAllow('')).toEqual({ allow: [] });
  });

  it.each(['http://intranet.example.com', 'localhost:8080', '10.0.0.0/33', '10.0.0.0/8/1', 'a b', '::1/129'])(
    'rejects %s, naming the variable',
    (value) => {
      expect(() => parseFetchAllow(value)).toThrow(ConfigError);
      expect(() => parseFetchAllow(value)).toThrow(/^DIGEST_FETCH_ALLOW: ".+" is not a host name, an IP address or a CIDR/);
    },
  );

  it('lets through what the operator allowed, by host, address or range, and nothing else', () => {
    const policy = parseFetchAllow('intranet.example.com,10.1.0.0/16,127.0.0.2');
    expect(refusal(policy, 'intranet.example.com', '10.9.9.9')).toBeNull();
    expect(refusal(policy, 'INTRANET.example.com.', '10.9.9.9')).toBeNull();
    expect(refusal(policy, 'other.example.com', '10.1.200.3')).toBeNull();
    expect(refusal(policy, '127.0.0.2', '127.0.0.2')).toBeNull();
    expect(refusal(policy, '::ffff:127.0.0.2', '::ffff:127.0.0.2')).toBeNull(); // the mapped form of an allowed address
    expect(refusal(policy, 'www.example.com', '93.184.215.14')).toBeNull(); // public
    expect(refusal(policy, 'sub.intranet.example.com', '10.9.9.9')?.message).toBe(
      'sub.intranet.example.com resolves to 10.9.9.9, which is private (10.0.0.0/8); add it to DIGEST_FETCH_ALLOW if you trust it',
    );
    expect(refusal(policy, '127.0.0.3', '127.0.0.3')?.message).toBe(
      'the address is loopback (127.0.0.0/8); add it to DIGEST_FETCH_ALLOW if you trust it',
    );
  });
});

// ---- over real HTTP ----

const hits: string[] = [];
let feedBase = '';
let internalBase = '';
let internalPort = 0;

const internal = http.createServer((req, res) => {
  hits.push(`internal ${req.url}`);
  if (req.url === '/feed.xml') {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    return res.end(rss([{ title: 'Internal feed item', link: 'https://public.example.com/x' }]));
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(
    `<html><body><article><p>${SECRET} ${'The internal service answers with its secret, long enough to be main text. '.repeat(5)}</p></article></body></html>`,
  );
});

const rss = (items: Array<{ title: string; link: string }>) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title><link>https://news.example.com/</link>${items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.link}</link><pubDate>Thu, 04 Dec 2025 12:00:00 GMT</pubDate><description>Teaser.</description></item>`,
    )
    .join('')}</channel></rss>`;

const feedServer = http.createServer((req, res) => {
  hits.push(`feed ${req.url}`);
  const port = (feedServer.address() as AddressInfo).port;
  switch (req.url) {
    case '/to-internal':
      res.writeHead(302, { location: `${internalBase}/secret` });
      return res.end();
    case '/to-named-internal':
      res.writeHead(301, { location: `http://metadata.attacker.example:${internalPort}/secret` });
      return res.end();
    case '/to-mapped':
      res.writeHead(307, { location: `http://[::ffff:127.0.0.2]:${internalPort}/secret` });
      return res.end();
    case '/same-host':
      res.writeHead(302, { location: '/feed.xml' });
      return res.end();
    case '/other-port':
      // The same machine, another port: another host as far as trust goes.
      res.writeHead(302, { location: `http://127.0.0.1:${internalPort}/secret` });
      return res.end();
    case '/feed.xml':
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      return res.end(rss([{ title: 'Hello', link: `http://127.0.0.1:${port}/article` }]));
    case '/fulltext.xml':
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      return res.end(
        rss([
          { title: 'Points inside', link: `${internalBase}/secret` },
          { title: 'Points at a name that resolves inside', link: `http://metadata.attacker.example:${internalPort}/latest/meta-data` },
        ]),
      );
    default:
      res.writeHead(404);
      return res.end();
  }
});

beforeAll(async () => {
  await new Promise<void>((r) => internal.listen(0, '127.0.0.2', r));
  internalPort = (internal.address() as AddressInfo).port;
  internalBase = `http://127.0.0.2:${internalPort}`;
  await new Promise<void>((r) => feedServer.listen(0, '127.0.0.1', r));
  feedBase = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  internal.closeAllConnections();
  feedServer.closeAllConnections();
  await Promise.all([new Promise((r) => internal.close(r)), new Promise((r) => feedServer.close(r))]);
});

/** A resolver that answers every name with 127.0.0.2, as an attacker's DNS would (rebinding included). */
const attackerDns: LookupFunction = (_hostname, options, callback) => {
  if (options.all) callback(null, [{ address: '127.0.0.2', family: 4 }]);
  else callback(null, '127.0.0.2', 4);
};

const feed = (p: string, extra: Partial<FeedConfig> = {}): FeedConfig => ({
  id: p.replace(/\W+/g, '') || 'root',
  name: 'Local',
  url: `${feedBase}${p}`,
  lang: 'en',
  ...extra,
});
const window = { start: '2025-12-04T00:00:00Z', end: '2025-12-05T00:00:00Z' };

describe('the HTTP fetcher under the network policy', () => {
  const events: Array<Record<string, unknown>> = [];
  const fetcher = (extra: HttpFetcherOptions = {}) =>
    createHttpFeedFetcher({
      timeoutMs: 2_000,
      retries: 1,
      backoffMs: 5,
      stateFile: null,
      lookup: attackerDns,
      log: (e) => void events.push(e),
      ...extra,
    });

  it('fetches the configured feed on loopback: the operator wrote that URL', async () => {
    const f = fetcher();
    const res = await f(feed('/feed.xml'));
    expect(new TextDecoder().decode(res.body)).toContain('<title>Hello</title>');
    // A redirect on the same host (and port) stays trusted; to another port of the same machine it does not.
    expect((await f(feed('/same-host'))).url).toBe(`${feedBase}/feed.xml`);
    await expect(f(feed('/other-port'))).rejects.toThrow(
      `refused to fetch http://127.0.0.1:${internalPort}/secret (a redirect from ${feedBase}/other-port): the address is loopback`,
    );
    await f.close();
  });

  it('refuses a redirect from the feed to an internal address, and does not retry it', async () => {
    const f = fetcher();
    hits.length = 0;
    const err = await f(feed('/to-internal')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as Error).name).toBe('FetchRefusedError');
    expect((err as Error).message).toBe(
      `refused to fetch ${internalBase}/secret (a redirect from ${feedBase}/to-internal): the address is loopback (127.0.0.0/8); add it to DIGEST_FETCH_ALLOW if you trust it`,
    );
    expect(hits).toEqual(['feed /to-internal']); // once, and the internal service never saw a request
    await f.close();
  });

  it('refuses the IPv4-mapped IPv6 form and a name that resolves inside (DNS rebinding: checked at connect time)', async () => {
    const f = fetcher();
    hits.length = 0;
    await expect(f(feed('/to-mapped'))).rejects.toThrow(
      /^refused to fetch http:\/\/\[::ffff:7f00:2\]:\d+\/secret \(a redirect from .*\): the address is loopback \(127\.0\.0\.0\/8, IPv4-mapped\)/,
    );
    await expect(f(feed('/to-named-internal'))).rejects.toThrow(
      /^refused to fetch http:\/\/metadata\.attacker\.example:\d+\/secret \(a redirect from .*\): metadata\.attacker\.example resolves to 127\.0\.0\.2, which is loopback/,
    );
    const systemDns = fetcher({ lookup: undefined });
    await expect(systemDns.fetchPage(`http://localhost:${internalPort}/secret`)).rejects.toThrow(
      /localhost resolves to (127\.0\.0\.1|::1), which is loopback/,
    );
    expect(hits.filter((h) => h.startsWith('internal'))).toEqual([]);
    await Promise.all([f.close(), systemDns.close()]);
  });

  it('lets an allowed host or range through, and only that', async () => {
    const byRange = fetcher({ networkPolicy: parseFetchAllow('127.0.0.2/32') });
    expect((await byRange(feed('/to-internal'))).url).toBe(`${internalBase}/secret`);
    expect(new TextDecoder().decode((await byRange.fetchPage(`http://metadata.attacker.example:${internalPort}/secret`)).body)).toContain(
      SECRET,
    );
    await byRange.close();

    const byName = fetcher({ networkPolicy: parseFetchAllow('metadata.attacker.example') });
    expect(new TextDecoder().decode((await byName(feed('/to-named-internal'))).body)).toContain(SECRET);
    await expect(byName(feed('/to-internal'))).rejects.toThrow(/refused to fetch/); // the literal is not that name
    await byName.close();
  });

  it('collects a feed whose fullText links point inside: the links are refused, the items kept, and the secret appears nowhere', async () => {
    const f = fetcher();
    events.length = 0;
    hits.length = 0;
    const out = await collectArticles(
      { feeds: [feed('/fulltext.xml', { fullText: true }), feed('/to-internal', { id: 'redirected' })], window },
      { fetchFeed: f, fetchPage: f.fetchPage, now: () => new Date(window.end), log: (e) => void events.push(e) },
    );
    expect(out.articles.map((a) => a.title).sort()).toEqual(['Points at a name that resolves inside', 'Points inside']);
    expect(out.articles.every((a) => a.text === 'Teaser.')).toBe(true);
    expect(out.health.map((h) => [h.feedId, h.status])).toEqual([
      ['fulltextxml', 'ok'],
      ['redirected', 'failed'],
    ]);
    const fulltext = out.warnings.find((w) => w.code === 'fulltext-failed')!;
    expect(fulltext.message).toMatch(/2 of 2 article page\(s\) could not be read.*refused to fetch/);
    expect(hits.filter((h) => h.startsWith('internal'))).toEqual([]);
    expect(JSON.stringify({ out, events })).not.toContain(SECRET);
    await f.close();
  });

  it('with the internal service allowed, the same feed does read the page (the refusal above is the policy, not a broken test)', async () => {
    const f = fetcher({ networkPolicy: { allow: ['127.0.0.2'] } });
    const out = await collectArticles(
      { feeds: [feed('/fulltext.xml', { fullText: true })], window },
      { fetchFeed: f, fetchPage: f.fetchPage, now: () => new Date(window.end) },
    );
    expect(out.articles.some((a) => a.text.includes(SECRET))).toBe(true);
    await f.close();
  });
});
