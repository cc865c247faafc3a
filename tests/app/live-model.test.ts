// A live model on a recorded day (`run --fixtures DIR --live-model`): the model writes, the feeds come from the
// recording only (a server standing at the feeds' URLs gets no request), and the recording is left as it was.

import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runMain } from '../../src/cli.js';
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai-server.js';
import { projectRoot, testIo } from '../helpers/test-io.js';

describe('digest run --fixtures DIR --live-model', () => {
  const day = mkdtempSync(path.join(tmpdir(), 'digest-live-model-day-'));
  let feedHits = 0;
  let feedServer: Server;
  let model: FakeOpenAi;

  beforeAll(async () => {
    feedServer = createServer((_req, res) => {
      feedHits++;
      res.writeHead(500).end();
    });
    await new Promise<void>((r) => feedServer.listen(0, '127.0.0.1', r));
    model = await startFakeOpenAi();
    // The recorded day, its feeds' URLs pointed at a local server that counts requests.
    cpSync(path.join(projectRoot, 'fixtures', '2025-12-06'), day, { recursive: true });
    const base = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}`;
    const feeds = (parse(readFileSync(path.join(day, 'feeds.yaml'), 'utf8')) as { feeds: { id: string; url: string }[] }).feeds;
    writeFileSync(path.join(day, 'feeds.yaml'), stringify({ feeds: feeds.map((f) => ({ ...f, url: `${base}/${f.id}` })) }));
  });
  afterAll(async () => {
    await model.close();
    await new Promise<void>((r) => feedServer.close(() => r()));
  });

  it('writes the day with the model, reads no feed over the network, and leaves the recording alone', async () => {
    const before = readdirSync(day, { recursive: true }).sort();
    const out = mkdtempSync(path.join(tmpdir(), 'digest-live-model-out-'));
    const io = testIo({ env: { OPENAI_BASE_URL: model.url, OPENAI_MODEL: 'trial-model' } });
    expect(await runMain(['run', '--fixtures', day, '--date', '2025-12-06', '--live-model', '--out', out], io), io.err.join('')).toBe(0);
    const report = JSON.parse(readFileSync(path.join(out, '2025-12-06-ai-intel.report.json'), 'utf8'));
    expect(report.mode).toBe('live-model');
    expect(report.writers.model).toBe(report.counts.written);
    expect(model.requests.filter((r) => r.kind === 'entry')).toHaveLength(report.counts.topics);
    expect(new Set(model.requests.map((r) => r.body.model))).toEqual(new Set(['trial-model']));
    expect(feedHits).toBe(0);
    expect(readdirSync(day, { recursive: true }).sort()).toEqual(before);
    // Its answers went to their own cache namespace, not to the nightly cache.
    expect(readdirSync(path.join(out, '.digest-state', 'model-cache'))).toEqual(['recorded-days']);
  });
});
