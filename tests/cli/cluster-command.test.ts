import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../../src/cli.js';
import { testIo } from '../helpers/test-io.js';

/** The shared test io, in `cwd`, on the recorded day's clock. */
const fakeIo = (cwd: string, env: Record<string, string> = {}) => testIo({ cwd, env, now: () => new Date('2025-12-05T00:00:00Z') });

const root = mkdtempSync(path.join(tmpdir(), 'cluster-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const lines = [
  { id: 'a1', title: 'OpenAI launches GPT-5.1 for ChatGPT users', lang: 'en' },
  { id: 'b1', title: 'Nvidia reports record data-center revenue of $51.2bn' },
  { id: 'a2', title: 'OpenAI 推出 GPT-5.1，ChatGPT 推理更快', text: 'OpenAI 發布 GPT-5.1。', lang: 'zh' },
  { id: 'c1', title: 'A field guide to small language models', url: 'https://example.com/guide' },
  { id: 'b2', title: 'Nvidia data-center revenue hits $51.2bn, a record' },
];
writeFileSync(path.join(root, 'day.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n\n');

function parseOut(text: string): { id: string; topic: string }[] {
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; topic: string });
}

describe('digest cluster', () => {
  it('writes one {id, topic} line per article, in input order, and a summary on stderr', async () => {
    const io = fakeIo(root);
    expect(await runMain(['cluster', '--in', 'day.jsonl'], io)).toBe(0);
    const out = parseOut(io.out.join(''));
    expect(out.map((o) => o.id)).toEqual(['a1', 'b1', 'a2', 'c1', 'b2']);
    const topic = Object.fromEntries(out.map((o) => [o.id, o.topic]));
    expect(topic.a1).toBe(topic.a2);
    expect(topic.b1).toBe(topic.b2);
    expect(topic.a1).not.toBe(topic.b1);
    // Two-article topics first (by earliest article), then the single one.
    expect([topic.a1, topic.b1, topic.c1]).toEqual(['t1', 't2', 't3']);
    expect(io.err.join('')).toMatch(/^cluster: 5 articles → 3 topics \(2 with more than one article\) in \d+ ms$/m);
  });

  it('is deterministic, and --out writes the same lines to a file', async () => {
    const a = fakeIo(root);
    await runMain(['cluster', '--in', 'day.jsonl'], a);
    const b = fakeIo(root);
    expect(await runMain(['cluster', '--in', 'day.jsonl', '--out', 'topics.jsonl', '--show'], b)).toBe(0);
    expect(b.out.join('')).toBe('');
    expect(readFileSync(path.join(root, 'topics.jsonl'), 'utf8')).toBe(a.out.join(''));
    expect(b.err.join('')).toMatch(/^t1 \(2\) \[.*gpt-5\.1.*\]\n {2}a1 {2}OpenAI launches/m);
  });

  it('names the file and line of a bad input line, with exit code 2', async () => {
    writeFileSync(path.join(root, 'bad.jsonl'), '{"id":"x","title":"ok"}\n\n{"id":"y","headline":"no title"}\n');
    const io = fakeIo(root);
    expect(await runMain(['cluster', '--in', 'bad.jsonl'], io)).toBe(2);
    expect(io.err.join('')).toContain('bad.jsonl:3: title:');
    expect(io.out.join('')).toBe('');
  });

  it('rejects broken JSON and repeated ids by line', async () => {
    writeFileSync(path.join(root, 'broken.jsonl'), '{"id":"x","title":"ok"}\n{"id":\n');
    const io = fakeIo(root);
    expect(await runMain(['cluster', '--in', 'broken.jsonl'], io)).toBe(2);
    expect(io.err.join('')).toContain('broken.jsonl:2: not JSON');
    writeFileSync(path.join(root, 'dup.jsonl'), '{"id":"x","title":"a"}\n{"id":"x","title":"b"}\n');
    const io2 = fakeIo(root);
    expect(await runMain(['cluster', '--in', 'dup.jsonl'], io2)).toBe(2);
    expect(io2.err.join('')).toContain('dup.jsonl:2: id "x" is used again (first on line 1)');
  });

  it('is a usage error without --in, or with a file that does not exist', async () => {
    expect(await runMain(['cluster'], fakeIo(root))).toBe(2);
    const io = fakeIo(root);
    expect(await runMain(['cluster', '--in', 'nope.jsonl'], io)).toBe(2);
    expect(io.err.join('')).toContain('--in nope.jsonl: cannot read it (ENOENT)');
    expect(await runMain(['cluster', '--in', 'day.jsonl', '--threshold', '2'], fakeIo(root))).toBe(2);
  });

  it('explains itself in --help', async () => {
    const io = fakeIo(root);
    expect(await runMain(['cluster', '--help'], io)).toBe(0);
    const help = io.out.join('');
    expect(help).toContain('--in <file>');
    expect(help).toContain('{"id": "<article id>", "topic": "t<n>"}');
    expect(help).toContain('DIGEST_EMBEDDINGS_MODEL');
  });
});

describe('digest cluster with embeddings (a local OpenAI-compatible server)', () => {
  let server: http.Server;
  let baseURL = '';
  const requests: { auth?: string; body: { model: string; input: string[] } }[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        if (req.url !== '/v1/embeddings') {
          res.writeHead(404).end();
          return;
        }
        const body = JSON.parse(raw) as { model: string; input: string[] };
        requests.push({ auth: req.headers.authorization, body });
        // Two topics by meaning: anything about "rocket" or "火箭" points one way, the rest the other way.
        const data = body.input.map((text, index) => ({
          object: 'embedding',
          index,
          embedding: /rocket|火箭/i.test(text) ? [1, 0.05, 0] : [0, 0.05, 1],
        }));
        // Answer out of order: the client must use `index`.
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ object: 'list', model: body.model, data: data.reverse(), usage: { prompt_tokens: 1, total_tokens: 1 } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('links articles the sparse features cannot, and serves a re-run from the cache', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cluster-emb-'));
    writeFileSync(
      path.join(dir, 'in.jsonl'),
      [
        { id: 'r1', title: 'Rocket lab sends a satellite to orbit' },
        { id: 'x1', title: 'Quarterly earnings of a chip maker' },
        { id: 'r2', title: '火箭成功發射' },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n'),
    );
    const env = { DIGEST_EMBEDDINGS_MODEL: 'test-embed', DIGEST_EMBEDDINGS_BASE_URL: baseURL, DIGEST_EMBEDDINGS_API_KEY: 'sk-test' };

    const sparse = fakeIo(dir);
    await runMain(['cluster', '--in', 'in.jsonl'], sparse);
    expect(new Set(parseOut(sparse.out.join('')).map((o) => o.topic)).size).toBe(3);

    const io = fakeIo(dir, env);
    expect(await runMain(['cluster', '--in', 'in.jsonl'], io)).toBe(0);
    const topic = Object.fromEntries(parseOut(io.out.join('')).map((o) => [o.id, o.topic]));
    expect(topic.r1).toBe(topic.r2);
    expect(topic.x1).not.toBe(topic.r1);
    expect(io.err.join('')).toContain('with embeddings');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.auth).toBe('Bearer sk-test');
    expect(requests[0]!.body.model).toBe('test-embed');

    const again = fakeIo(dir, env);
    expect(await runMain(['cluster', '--in', 'in.jsonl'], again)).toBe(0);
    expect(again.out.join('')).toBe(io.out.join(''));
    expect(requests).toHaveLength(1);

    const off = fakeIo(dir, env);
    await runMain(['cluster', '--in', 'in.jsonl', '--no-embeddings'], off);
    expect(off.out.join('')).toBe(sparse.out.join(''));
    rmSync(dir, { recursive: true, force: true });
  });

  it('is a usage error when a model is configured without a key', async () => {
    const io = fakeIo(root, { DIGEST_EMBEDDINGS_MODEL: 'test-embed' });
    expect(await runMain(['cluster', '--in', 'day.jsonl'], io)).toBe(2);
    expect(io.err.join('')).toContain('DIGEST_EMBEDDINGS_MODEL is set but no key or server is');
  });
});
