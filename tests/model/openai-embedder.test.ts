import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelConfig } from '../../src/model/model-config.js';
import { createOpenAIEmbedder } from '../../src/model/openai-embedder.js';

// A local OpenAI-compatible /v1/embeddings: the vector of a text is [length, number of spaces]; "fail" → HTTP 400.
let server: http.Server;
let baseURL = '';
const batches: string[][] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw) as { input: string[] };
      batches.push(body.input);
      if (body.input.includes('fail')) {
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'bad input', type: 'invalid_request_error' } }));
        return;
      }
      const data = body.input.map((t, index) => ({ object: 'embedding', index, embedding: [t.length, t.split(' ').length - 1] }));
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ object: 'list', data: data.reverse(), model: 'm', usage: { prompt_tokens: 1, total_tokens: 1 } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createOpenAIEmbedder', () => {
  it('batches requests, puts vectors back in input order, and caches by content', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'emb-'));
    const embedder = createOpenAIEmbedder({ model: 'm', apiKey: 'k', baseURL, cacheDir, batchSize: 2, maxRetries: 0 });
    batches.length = 0;
    const texts = ['a', 'b b', 'c c c', 'dddd', 'e'];
    expect(await embedder.embed(texts)).toEqual([
      [1, 0],
      [3, 1],
      [5, 2],
      [4, 0],
      [1, 0],
    ]);
    expect(batches).toEqual([['a', 'b b'], ['c c c', 'dddd'], ['e']]);
    // Cached: only the new text goes out.
    expect(await embedder.embed(['dddd', 'new one', 'a'])).toEqual([
      [4, 0],
      [7, 1],
      [1, 0],
    ]);
    expect(batches.at(-1)).toEqual(['new one']);
    expect(readdirSync(cacheDir).length).toBeGreaterThan(0);
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('wraps a failed request in an EmbeddingsError that says what to do', async () => {
    const embedder = createOpenAIEmbedder({ model: 'm', apiKey: 'k', baseURL, maxRetries: 0 });
    await expect(embedder.embed(['fail'])).rejects.toMatchObject({
      name: 'EmbeddingsError',
      message: expect.stringMatching(/unset DIGEST_EMBEDDINGS_MODEL/),
    });
  });
});

describe('embeddings settings', () => {
  it('are off unless DIGEST_EMBEDDINGS_MODEL is set, and default to the chat server and key', () => {
    expect(loadModelConfig({ OPENAI_API_KEY: 'k' }).embeddings).toBeUndefined();
    expect(
      loadModelConfig({ DIGEST_EMBEDDINGS_MODEL: 'm', OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' }).embeddings,
    ).toEqual({
      model: 'm',
      apiKey: 'k',
      baseUrl: 'http://127.0.0.1:1/v1',
    });
  });

  it('rejects a bad base URL and a missing key and server as configuration errors', () => {
    expect(() => loadModelConfig({ DIGEST_EMBEDDINGS_MODEL: 'm', OPENAI_API_KEY: 'k', DIGEST_EMBEDDINGS_BASE_URL: 'not a url' })).toThrow(
      /DIGEST_EMBEDDINGS_BASE_URL/,
    );
    expect(() => loadModelConfig({ DIGEST_EMBEDDINGS_MODEL: 'm' })).toThrow(expect.objectContaining({ name: 'ConfigError' }));
  });

  it('retries a 503 by the shared policy, without waiting in the test', async () => {
    let calls = 0;
    const flaky = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        calls++;
        if (calls === 1)
          return void res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '120' }).end('{"error":{"message":"busy"}}');
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ object: 'list', data: [{ object: 'embedding', index: 0, embedding: [1, 2] }], model: 'm' }));
      });
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    const waits: number[] = [];
    const embedder = createOpenAIEmbedder({
      model: 'm',
      baseURL: `http://127.0.0.1:${(flaky.address() as AddressInfo).port}/v1`,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(await embedder.embed(['x'])).toEqual([[1, 2]]);
    expect(calls).toBe(2);
    expect(waits).toEqual([30_000]); // Retry-After 120 s, capped
    await new Promise<void>((resolve) => flaky.close(() => resolve()));
  });
});
