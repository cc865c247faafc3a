// The live path end to end, against local servers only: feeds over HTTP from 127.0.0.1 and an OpenAI-compatible
// model server (the real openai SDK over real HTTP). Record, re-run (cache: zero calls), then replay the
// recording as a dry run with no model configured: the same digest, byte for byte.

import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { checkDigest } from '../../src/check/check-digest.js';
import { runMain } from '../../src/cli.js';
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai-server.js';
import { testIo } from '../helpers/test-io.js';

const root = path.resolve(import.meta.dirname, '../..');
const day = path.join(root, 'fixtures/2025-12-05');

// A feed whose items link to pages on the same local server, for `fullText: true`.
const fullTextFeed = (
  port: number,
) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Local</title><link>http://127.0.0.1:${port}/</link>
${[1, 2].map((n) => `<item><title>Local story ${n} about Snowflake agents</title><link>http://127.0.0.1:${port}/page/${n}</link><description>Short teaser ${n}.</description><pubDate>Thu, 04 Dec 2025 10:0${n}:00 GMT</pubDate></item>`).join('')}
</channel></rss>`;
const articlePage = (n: string) =>
  `<!doctype html><html><head><title>Story ${n}</title><script>track()</script></head><body><nav>Home | About</nav><article><h1>Local story ${n}</h1><p>The full text of story ${n} explains in detail how the new agent platform works for 1,200 customers.</p><p>It runs on the data where it lives, with no copy of the tables, and the vendor says the agents can be audited step by step.</p><p>Pricing was not disclosed; the rollout starts with a preview for existing customers next quarter.</p></article><footer>© Local</footer></body></html>`;

describe('digest record, re-run, and replay', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'digest-rec-'));
  const fixtures = path.join(tmp, 'recorded');
  const out1 = path.join(tmp, 'out-live');
  const out2 = path.join(tmp, 'out-replay');
  let feedServer: Server;
  let model: FakeOpenAi;
  let feedsFile: string;
  let env: Record<string, string>;
  const io = () => testIo({ env, now: () => new Date('2025-12-04T22:46:12Z') });

  beforeAll(async () => {
    feedServer = createServer((req, res) => {
      const port = (feedServer.address() as AddressInfo).port;
      if (req.url === '/fulltext.xml') return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(fullTextFeed(port));
      if (req.url?.startsWith('/page/'))
        return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(req.url.slice(6)));
      const id = (req.url ?? '').replace(/^\//, '').replace(/\.xml$/, '');
      try {
        const body = readFileSync(path.join(day, 'feeds', `${id}.xml`));
        res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => feedServer.listen(0, '127.0.0.1', r));
    const port = (feedServer.address() as AddressInfo).port;
    const { feeds } = parseYaml(readFileSync(path.join(day, 'feeds.yaml'), 'utf8')) as { feeds: { id: string; url: string }[] };
    feedsFile = path.join(tmp, 'feeds.yaml');
    writeFileSync(feedsFile, stringify({ feeds: feeds.map((f) => ({ ...f, url: `http://127.0.0.1:${port}/${f.id}.xml` })) }));
    model = await startFakeOpenAi();
    env = {
      OPENAI_BASE_URL: model.url,
      OPENAI_API_KEY: 'sk-test-not-a-real-key',
      OPENAI_MODEL: 'test-model',
      DIGEST_MODEL_CACHE_DIR: path.join(tmp, 'cache'),
      DIGEST_LOG_LEVEL: 'warn',
    };
  });
  afterAll(async () => {
    await model?.close();
    await new Promise((r) => feedServer?.close(r));
  });

  it('records a live run: digest written by the model, feeds and answers saved', async () => {
    const i = io();
    const code = await runMain(['record', '--date', '2025-12-05', '--feeds', feedsFile, '--fixtures', fixtures, '--out', out1], i);
    expect(code, i.err.join('')).toBe(0);
    const md = readFileSync(path.join(out1, '2025-12-05-ai-intel.md'), 'utf8');
    expect(checkDigest(md)).toEqual([]);
    const report = JSON.parse(readFileSync(path.join(out1, '2025-12-05-ai-intel.report.json'), 'utf8'));
    expect(report.mode).toBe('record');
    expect(report.writers.model).toBe(report.counts.written);
    expect(report.model.total.calls).toBe(model.requests.length);
    // One call per story written, one triage call per batch of candidates, one frame: not one per article.
    expect(report.selection.triage.batches).toBe(1);
    expect(model.requests.filter((r) => r.kind === 'triage')).toHaveLength(1);
    expect(model.requests.length).toBe(report.counts.topics + 1 + report.selection.triage.batches);
    expect(report.model.total.inputTokens).toBeGreaterThan(0);
    expect(readdirSync(path.join(fixtures, 'feeds')).length).toBe(readdirSync(path.join(day, 'feeds')).length);
    expect(readdirSync(path.join(fixtures, 'answers')).length).toBe(model.requests.length);
    // The key never reaches a log line.
    expect(i.err.join('')).not.toContain('sk-test-not-a-real-key');
  });

  it('re-runs the same date from the answer cache with zero model calls', async () => {
    const before = model.requests.length;
    const i = io();
    expect(await runMain(['run', '--date', '2025-12-05', '--feeds', feedsFile, '--out', out1, '--force'], i), i.err.join('')).toBe(0);
    expect(model.requests.length).toBe(before);
    const report = JSON.parse(readFileSync(path.join(out1, '2025-12-05-ai-intel.report.json'), 'utf8'));
    expect(report.model.total.calls).toBe(0);
    expect(report.model.total.cacheHits).toBe(before);
  });

  it('replays the recording as a dry run with no model: the same digest byte for byte', async () => {
    const before = model.requests.length;
    const i = testIo({ env: {} });
    expect(await runMain(['run', '--dry-run', '--fixtures', fixtures, '--date', '2025-12-05', '--out', out2], i), i.err.join('')).toBe(0);
    expect(model.requests.length).toBe(before);
    const replayed = readFileSync(path.join(out2, '2025-12-05-ai-intel.md'), 'utf8');
    expect(replayed).toBe(readFileSync(path.join(out1, '2025-12-05-ai-intel.md'), 'utf8'));
    const report = JSON.parse(readFileSync(path.join(out2, '2025-12-05-ai-intel.report.json'), 'utf8'));
    expect(report.writers).toEqual({ offline: 0, model: 0, replay: report.counts.written });
  });

  it("writes a missed past date live, stamped with that day's cut-off so Hugo files it under its day", async () => {
    const i = testIo({ env: {}, now: () => new Date('2026-01-10T03:00:00Z') });
    const out = path.join(tmp, 'missed');
    expect(await runMain(['run', '--date', '2025-12-05', '--feeds', feedsFile, '--out', out, '--offline'], i), i.err.join('')).toBe(0);
    const md = readFileSync(path.join(out, '2025-12-05-ai-intel.md'), 'utf8');
    expect(md).toContain('date: "2025-12-05T06:45:00+08:00"');
    expect(md).toContain('報告生成時間：2025/12/05 06:45:00 CST');
    expect(checkDigest(md)).toEqual([]);
  });

  it('clusters without embeddings when the embeddings endpoint fails, and says so', async () => {
    const i = testIo({
      env: {
        ...env,
        DIGEST_EMBEDDINGS_MODEL: 'text-embedding-3-small',
        DIGEST_EMBEDDINGS_BASE_URL: `${model.url.replace(/\/v1$/, '')}/broken/v1`,
      },
    });
    const out = path.join(tmp, 'embeddings');
    expect(await runMain(['run', '--date', '2025-12-05', '--feeds', feedsFile, '--out', out], i), i.err.join('')).toBe(0);
    const report = JSON.parse(readFileSync(path.join(out, '2025-12-05-ai-intel.report.json'), 'utf8'));
    expect(report.warnings.some((w: { code: string }) => w.code === 'embeddings-failed')).toBe(true);
    expect(report.status).toBe('ok');
  });

  it('records full-text pages, and the replay uses them with no network', async () => {
    const port = (feedServer.address() as AddressInfo).port;
    const ftFeeds = path.join(tmp, 'fulltext-feeds.yaml');
    writeFileSync(
      ftFeeds,
      stringify({
        feeds: [{ id: 'local', name: 'Local', url: `http://127.0.0.1:${port}/fulltext.xml`, lang: 'en', fullText: true, onTopic: true }],
      }),
    );
    const rec = path.join(tmp, 'recorded-ft');
    // Item links point at loopback: allowed by the operator, as the network policy requires.
    const i = testIo({ env: { ...env, DIGEST_FETCH_ALLOW: '127.0.0.1' }, now: () => new Date('2025-12-04T22:46:12Z') });
    expect(
      await runMain(
        ['record', '--date', '2025-12-05', '--feeds', ftFeeds, '--fixtures', rec, '--out', path.join(tmp, 'ft-live'), '--offline'],
        i,
      ),
      i.err.join(''),
    ).toBe(0);
    expect(readdirSync(path.join(rec, 'pages'))).toHaveLength(2);
    const live = readFileSync(path.join(tmp, 'ft-live', '2025-12-05-ai-intel.md'), 'utf8');
    expect(live).toContain('1,200 customers');
    expect(live).not.toContain('track()');
    const j = testIo({ env: {} });
    expect(
      await runMain(['run', '--dry-run', '--fixtures', rec, '--date', '2025-12-05', '--out', path.join(tmp, 'ft-replay')], j),
      j.err.join(''),
    ).toBe(0);
    expect(readFileSync(path.join(tmp, 'ft-replay', '2025-12-05-ai-intel.md'), 'utf8')).toBe(live);
  });

  it('refuses a live run with no model configured unless --offline is given', async () => {
    const i = testIo({ env: {} });
    expect(await runMain(['run', '--date', '2025-12-05', '--feeds', feedsFile, '--out', path.join(tmp, 'x')], i)).toBe(2);
    expect(i.err.join('')).toMatch(/no model is configured: set OPENAI_API_KEY/);
  });
});
