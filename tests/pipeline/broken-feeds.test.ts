// A night when some feeds are broken: the digest is written from the working ones, and the report names each
// broken feed and why (issue: collection that survives the real web).

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkDigest } from '../../src/check/check-digest.js';
import { runMain } from '../../src/cli.js';
import { projectRoot, testIo } from '../helpers/test-io.js';

const day = path.join(projectRoot, 'fixtures/2025-12-05');

describe('digest run with a mix of working and broken feeds', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'digest-broken-'));
  let server: Server;
  let code = -1;
  let report: {
    feeds: { feedId: string; status: string; reason?: string }[];
    counts: { feedsFailed: number };
    warnings: { code: string; feedId?: string }[];
  };
  let md = '';
  const io = testIo({ now: () => new Date('2025-12-04T22:46:00Z') });

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = req.url ?? '';
      if (url === '/down') return void res.writeHead(500).end('upstream error');
      if (url === '/gone') return void res.writeHead(404).end('not found');
      if (url === '/html')
        return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body><h1>Moved</h1></body></html>');
      const id = url.replace(/^\//, '');
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(readFileSync(path.join(day, 'feeds', `${id}.xml`)));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // A port nobody listens on: connection refused.
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const feeds = [
      { id: 'techcrunch-ai', name: 'TechCrunch', url: `${base}/techcrunch-ai`, lang: 'en' },
      { id: 'qbitai', name: '量子位', url: `${base}/qbitai`, lang: 'zh' },
      { id: 'guardian-ai', name: 'The Guardian', url: `${base}/guardian-ai`, lang: 'en' },
      { id: 'down', name: 'Down', url: `${base}/down`, lang: 'en' },
      { id: 'gone', name: 'Gone', url: `${base}/gone`, lang: 'en' },
      { id: 'html', name: 'Html', url: `${base}/html`, lang: 'en' },
      { id: 'refused', name: 'Refused', url: `http://127.0.0.1:${closedPort}/feed`, lang: 'en' },
    ];
    writeFileSync(path.join(tmp, 'feeds.yaml'), stringify({ feeds }));
    code = await runMain(
      ['run', '--date', '2025-12-05', '--feeds', path.join(tmp, 'feeds.yaml'), '--out', path.join(tmp, 'out'), '--offline'],
      io,
    );
    report = JSON.parse(readFileSync(path.join(tmp, 'out', '2025-12-05-ai-intel.report.json'), 'utf8'));
    md = readFileSync(path.join(tmp, 'out', '2025-12-05-ai-intel.md'), 'utf8');
  }, 120_000);
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
  });

  it('writes a conforming digest from the working feeds', () => {
    expect(code, io.err.join('')).toBe(0);
    expect(checkDigest(md)).toEqual([]);
    const hosts = new Set(
      [...md.matchAll(/\*\*來源\*\*：.*$/gm)].flatMap((m) => [...m[0].matchAll(/\]\((https?:\/\/[^/]+)/g)].map((x) => x[1])),
    );
    expect([...hosts].sort()).toEqual(['https://techcrunch.com', 'https://www.qbitai.com', 'https://www.theguardian.com']);
  });

  it('names each broken feed and why in the report', () => {
    const byId = new Map(report.feeds.map((f) => [f.feedId, f]));
    expect(report.counts.feedsFailed).toBe(4);
    expect(byId.get('techcrunch-ai')!.status).toBe('ok');
    expect(byId.get('down')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/500/) });
    expect(byId.get('gone')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/404/) });
    expect(byId.get('html')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/HTML|not a feed/i) });
    expect(byId.get('refused')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/ECONNREFUSED|refused|connect/i) });
    expect(
      report.warnings
        .filter((w) => w.code === 'feed-failed')
        .map((w) => w.feedId)
        .sort(),
    ).toEqual(['down', 'gone', 'html', 'refused']);
    expect(io.out.join('')).toMatch(/feeds 3\/7 ok/);
  });
});
