// `npm run bench:collect`: how fast collection is where it matters.
// 1. Fetch: 50 feeds served locally, each answering after 200 ms, through the real HTTP fetcher and collect stage;
//    prints the wall time next to the ideal for the configured concurrency (overall and per host).
// 2. Parse: throughput in MB/s of decode + parse (and + normalise, which runs cheerio on every item) on the
//    large real feeds in ../shared/data (skipped with a message when it is absent).

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectArticles } from '../src/collect/collect-articles.js';
import { decodeBody } from '../src/collect/decode-body.js';
import { createHttpFeedFetcher } from '../src/collect/http-feed-fetcher.js';
import { normaliseItem } from '../src/collect/normalise-item.js';
import { parseFeed } from '../src/collect/parse-feed.js';
import type { FeedConfig } from '../src/types.js';

const FEEDS = 50;
const LATENCY_MS = 200;
const CONCURRENCY = 8;
const PER_HOST = 2;
const DATA = fileURLToPath(new URL('../../shared/data', import.meta.url));

function feedBody(n: number): string {
  const items = Array.from({ length: 20 }, (_, i) => {
    const h = String(i).padStart(2, '0');
    return `<item><title>Feed ${n} story ${i}: a model, a benchmark &amp; a launch</title><link>https://feed${n}.example.com/2025/12/04/story-${i}?utm_source=rss</link><pubDate>Thu, 04 Dec 2025 ${h}:00:00 GMT</pubDate><description><![CDATA[<p>${'Paragraph of teaser text about AI. '.repeat(20)}</p>]]></description></item>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed ${n}</title><link>https://feed${n}.example.com/</link>${items.join('')}</channel></rss>`;
}

async function startServers(count: number): Promise<{ ports: number[]; close: () => Promise<void> }> {
  const servers = Array.from({ length: count }, () =>
    http.createServer((req, res) => {
      const n = Number(new URL(req.url!, 'http://x').searchParams.get('n'));
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
        res.end(feedBody(n));
      }, LATENCY_MS);
    }),
  );
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
  return {
    ports: servers.map((s) => (s.address() as AddressInfo).port),
    close: async () => {
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    },
  };
}

async function fetchScenario(hosts: number): Promise<void> {
  const { ports, close } = await startServers(hosts);
  const feeds: FeedConfig[] = Array.from({ length: FEEDS }, (_, i) => ({
    id: `feed-${i}`,
    name: `Feed ${i}`,
    url: `http://127.0.0.1:${ports[i % hosts]}/feed?n=${i}`,
    lang: 'en',
  }));
  const window = { start: '2025-12-04T00:00:00.000Z', end: '2025-12-05T00:00:00.000Z' };
  const parallel = Math.min(CONCURRENCY, hosts * PER_HOST);
  const ideal = Math.ceil(FEEDS / parallel) * LATENCY_MS;
  const options = { concurrency: CONCURRENCY, perHost: PER_HOST, stateFile: null, timeoutMs: 10_000 };

  // The fetcher alone: what the concurrency limits cost against the ideal.
  const fetchOnly = createHttpFeedFetcher(options);
  let t0 = performance.now();
  await Promise.all(feeds.map((f) => fetchOnly(f)));
  const fetchWall = performance.now() - t0;
  await fetchOnly.close();

  // The whole collect stage: fetching plus decoding, parsing and normalising 1000 items on the one JS thread.
  const fetcher = createHttpFeedFetcher(options);
  t0 = performance.now();
  const out = await collectArticles({ feeds, window }, { fetchFeed: fetcher, now: () => new Date(window.end) });
  const collectWall = performance.now() - t0;
  await fetcher.close();
  await close();
  const ok = out.health.filter((h) => h.status === 'ok').length;
  console.log(
    `fetch  ${FEEDS} feeds on ${String(hosts).padStart(2)} host(s) x ${LATENCY_MS} ms, concurrency ${CONCURRENCY} (${PER_HOST} per host): ` +
      `ideal ${ideal} ms (${parallel} at a time); fetcher alone ${Math.round(fetchWall)} ms; collect stage ${Math.round(collectWall)} ms (${ok}/${FEEDS} ok, ${out.articles.length} articles)`,
  );
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function throughput(label: string, files: string[], withNormalise: boolean): void {
  const bodies = files.map((f) => new Uint8Array(readFileSync(f)));
  const bytes = bodies.reduce((n, b) => n + b.byteLength, 0);
  const feed: FeedConfig = { id: 'bench', name: 'Bench', url: 'https://bench.example.com/feed', lang: 'en' };
  let items = 0;
  let rounds = 0;
  const t0 = performance.now();
  // Repeat until a second has passed so small inputs still give a stable figure.
  while (performance.now() - t0 < 1_000 || rounds < 2) {
    for (const body of bodies) {
      const parsed = parseFeed(decodeBody(body, {}).text, feed.url);
      if (rounds === 0) items += parsed.items.length;
      if (withNormalise) for (const it of parsed.items) normaliseItem(it, { feed, fetchedAt: new Date(0) });
    }
    rounds++;
  }
  const seconds = (performance.now() - t0) / 1000;
  const mb = (bytes * rounds) / 1024 / 1024;
  console.log(
    `parse  ${label.padEnd(44)} ${String(files.length).padStart(3)} file(s) ${(bytes / 1024 / 1024).toFixed(2).padStart(6)} MB ${String(items).padStart(5)} items: ${(mb / seconds).toFixed(1).padStart(6)} MB/s ${withNormalise ? 'decode+parse+normalise' : 'decode+parse'}`,
  );
}

async function main(): Promise<void> {
  console.log(`collect bench (node ${process.version})`);
  await fetchScenario(10);
  await fetchScenario(1);
  if (!existsSync(DATA)) {
    console.log(`parse  skipped: ${DATA} not found (it ships with CI's ../shared/data)`);
    return;
  }
  const mf = path.join(DATA, 'robustness', 'miniflux-testdata');
  const snapshots = walk(path.join(DATA, 'rss-snapshots')).filter((f) => /\.(xml|json)$/.test(f));
  const largest = [...snapshots].sort((a, b) => statSync(b).size - statSync(a).size).slice(0, 5);
  const sets: Array<[string, string[]]> = [
    ['miniflux large_rss', [path.join(mf, 'parser__large_rss.xml')]],
    ['miniflux large_atom', [path.join(mf, 'parser__large_atom.xml')]],
    ['rss-snapshots: 5 largest (full-text scrapers)', largest],
    ['rss-snapshots: all', snapshots],
  ];
  for (const [label, files] of sets) {
    const present = files.filter(existsSync);
    if (present.length === 0) continue;
    throughput(label, present, false);
    throughput(label, present, true);
  }
}

await main();
