import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../../src/errors.js';
import type { ChatRequest } from '../../src/model/chat-client.js';
import { loadModelConfig } from '../../src/model/model-config.js';
import { ModelCallError } from '../../src/model/model-errors.js';
import { createOpenAiChat } from '../../src/model/openai-chat.js';
import { startFakeOpenAi, type FakeHandler, type FakeOpenAi } from '../helpers/fake-openai-server.js';

const Answer = z.object({ ok: z.boolean(), note: z.string().nullable() });
const request = (extra: Partial<ChatRequest> = {}): ChatRequest => ({
  model: 'test-model',
  messages: [
    { role: 'system', content: 'You answer in JSON.' },
    { role: 'user', content: 'Say ok.' },
  ],
  schema: { name: 'answer', zod: Answer },
  temperature: 0.2,
  maxTokens: 100,
  ...extra,
});

let server: FakeOpenAi | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function chatFor(handler: FakeHandler, env: Record<string, string> = {}) {
  server = await startFakeOpenAi({ handler });
  const delays: number[] = [];
  const config = loadModelConfig({
    OPENAI_BASE_URL: server.url,
    OPENAI_API_KEY: 'sk-test',
    DIGEST_MODEL_TIMEOUT_MS: '200',
    DIGEST_MODEL_MAX_RETRIES: '2',
    DIGEST_MODEL_BASE_DELAY_MS: '1000',
    DIGEST_MODEL_RETRY_AFTER_CAP_MS: '5000',
    ...env,
  });
  const chat = createOpenAiChat(config, {
    sleep: async (ms) => {
      delays.push(ms);
    },
    random: () => 0.5,
  });
  return { chat, delays };
}

const ok: FakeHandler = () => ({ json: { ok: true, note: null } });

/** Fails the first `n` requests with `reply`, then answers well. */
const failFirst =
  (n: number, reply: ReturnType<FakeHandler>): FakeHandler =>
  (req) =>
    req.index < n ? reply : ok(req);

describe('openai chat adapter over real HTTP', () => {
  it('sends a strict json_schema request and maps text and usage', async () => {
    const { chat } = await chatFor(ok);
    const r = await chat.complete(request());
    expect(JSON.parse(r.text)).toEqual({ ok: true, note: null });
    expect(r.mode).toBe('json_schema');
    expect(r.usage.inputTokens).toBeGreaterThan(0);
    expect(r.usage.outputTokens).toBeGreaterThan(0);
    const body = server!.requests[0]!.body;
    expect(body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'answer', strict: true } });
    expect(body.temperature).toBe(0.2);
    expect(body.max_tokens).toBe(100);
  });

  it('honours Retry-After, capped, with the SDK retries off', async () => {
    const { chat, delays } = await chatFor(failFirst(2, { status: 429, headers: { 'retry-after': '3600' } }));
    await chat.complete(request());
    expect(delays).toEqual([5000, 5000]);
    expect(server!.requests).toHaveLength(3);
  });

  it('reads retry-after-ms', async () => {
    const { chat, delays } = await chatFor(failFirst(1, { status: 503, headers: { 'retry-after-ms': '1234' } }));
    await chat.complete(request());
    expect(delays).toEqual([1234]);
  });

  it('backs off exponentially without Retry-After, then gives up with a ModelCallError', async () => {
    const { chat, delays } = await chatFor(() => ({ status: 500 }));
    const err = await chat.complete(request()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelCallError);
    expect((err as ModelCallError).failure).toBe('server');
    expect((err as ModelCallError).attempts).toBe(3);
    expect((err as ModelCallError).fatal).toBe(false);
    expect(delays).toEqual([750, 1500]);
  });

  it('retries a 200 that is not a chat completion', async () => {
    const { chat, delays } = await chatFor(failFirst(1, { raw: '<html>proxy error</html>' }));
    expect((await chat.complete(request())).text).toContain('ok');
    expect(delays).toHaveLength(1);
  });

  it('does not retry a bad key, and marks it fatal', async () => {
    const { chat, delays } = await chatFor(() => ({
      status: 401,
      error: { message: 'Incorrect API key provided', type: 'invalid_request_error' },
    }));
    const err = (await chat.complete(request()).catch((e: unknown) => e)) as ModelCallError;
    expect(err.name).toBe('ModelCallError');
    expect(err.failure).toBe('auth');
    expect(err.fatal).toBe(true);
    expect(err.message).toMatch(/check OPENAI_API_KEY/);
    expect(err.message).not.toContain('sk-test');
    expect(delays).toEqual([]);
  });

  it('does not retry an exhausted quota', async () => {
    const { chat } = await chatFor(() => ({
      status: 429,
      error: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' },
    }));
    const err = (await chat.complete(request()).catch((e: unknown) => e)) as ModelCallError;
    expect(err.failure).toBe('quota');
    expect(server!.requests).toHaveLength(1);
  });

  it('times out a call that never answers, and one whose body never comes', async () => {
    for (const reply of [{ hang: true as const }, { hangAfterHeaders: true as const }]) {
      const { chat } = await chatFor(() => reply, { DIGEST_MODEL_MAX_RETRIES: '1' });
      const t0 = Date.now();
      const err = (await chat.complete(request()).catch((e: unknown) => e)) as ModelCallError;
      expect(err).toBeInstanceOf(ModelCallError);
      expect(err.failure).toBe('timeout');
      expect(err.attempts).toBe(2);
      expect(Date.now() - t0).toBeLessThan(2000);
      await server!.close();
      server = undefined;
    }
  });

  it('falls back from json_schema to JSON mode to a prompt-only request, remembering each step', async () => {
    const { chat } = await chatFor((req) =>
      req.body.response_format
        ? { status: 400, error: { message: `response_format ${req.body.response_format.type} is not supported by this server` } }
        : ok(req),
    );
    const r = await chat.complete(request());
    expect(r.mode).toBe('prompt');
    expect(server!.requests.map((q) => q.body.response_format?.type ?? 'none')).toEqual(['json_schema', 'json_object', 'none']);
    expect(server!.requests[2]!.body.messages[0]!.content).toMatch(
      /^You answer in JSON\.\n\nAnswer with one JSON object only .*"additionalProperties":false/s,
    );
    await chat.complete(request());
    expect(server!.requests).toHaveLength(4);
  });

  it('starts in JSON mode when told to, and never falls back when the mode is forced', async () => {
    const { chat } = await chatFor(ok, { DIGEST_MODEL_JSON_MODE: 'json_object' });
    expect((await chat.complete(request())).mode).toBe('json_object');
    expect(server!.requests[0]!.body.response_format).toEqual({ type: 'json_object' });
  });

  it('switches to max_completion_tokens and drops temperature when the server rejects them', async () => {
    const { chat } = await chatFor((req) => {
      if (req.body.max_tokens !== undefined)
        return {
          status: 400,
          error: { message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead." },
        };
      if (req.body.temperature !== undefined)
        return { status: 400, error: { message: "Unsupported value: 'temperature' does not support 0.2 with this model." } };
      return ok(req);
    });
    await chat.complete(request());
    const last = server!.requests.at(-1)!.body;
    expect(last.max_completion_tokens).toBe(100);
    expect(last.max_tokens).toBeUndefined();
    expect(last.temperature).toBeUndefined();
    expect(last.response_format?.type).toBe('json_schema');
  });

  it('talks to a local server without a key', async () => {
    server = await startFakeOpenAi({ handler: ok });
    const chat = createOpenAiChat(loadModelConfig({ OPENAI_BASE_URL: server.url }));
    expect((await chat.complete(request())).text).toContain('ok');
  });

  it('refuses to start with neither a key nor a server', () => {
    expect(() => createOpenAiChat(loadModelConfig({}))).toThrow(ConfigError);
  });

  it('keeps at most DIGEST_MODEL_CONCURRENCY requests in flight', async () => {
    server = await startFakeOpenAi({ handler: ok, latencyMs: 40 });
    const chat = createOpenAiChat(loadModelConfig({ OPENAI_BASE_URL: server.url, DIGEST_MODEL_CONCURRENCY: '2' }));
    await Promise.all(Array.from({ length: 6 }, () => chat.complete(request())));
    expect(server.maxInFlight).toBe(2);
  });

  it("reads an error body the SDK cannot (a JSON array): the server's words reach the failure", async () => {
    const body = JSON.stringify([
      {
        error: {
          code: 400,
          status: 'INVALID_ARGUMENT',
          message: 'Invalid JSON payload received. Unknown name "frobnicate": Cannot find field.',
        },
      },
    ]);
    const { chat } = await chatFor(() => ({ response: { status: 400, headers: { 'content-type': 'application/json' }, body } }));
    const err = (await chat.complete(request()).catch((e: unknown) => e)) as ModelCallError;
    expect(err.failure).toBe('rejected');
    expect(err.message).toContain('Unknown name "frobnicate": Cannot find field.');
    expect(err.message).not.toContain('no body');
  });

  it('honours a wait written in the body (Gemini RetryInfo), capped', async () => {
    const body = JSON.stringify([
      {
        error: {
          code: 429,
          status: 'RESOURCE_EXHAUSTED',
          message: 'You exceeded your current quota.',
          details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '3s' }],
        },
      },
    ]);
    const { chat, delays } = await chatFor(failFirst(1, { response: { status: 429, body } }));
    await chat.complete(request());
    expect(delays).toEqual([3000]);
  });

  it('a daily quota ("retry after 86400 seconds") is a spent quota, not a wait', async () => {
    const { chat, delays } = await chatFor(() => ({
      status: 429,
      headers: { 'retry-after': '86400' },
      error: {
        message: 'Requests … have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 86400 seconds.',
      },
    }));
    const err = (await chat.complete(request()).catch((e: unknown) => e)) as ModelCallError;
    expect(err.failure).toBe('quota');
    expect(err.fatal).toBe(true);
    expect(delays).toEqual([]);
  });

  it('a request too large for the tokens-per-minute limit is not retried', async () => {
    const { chat } = await chatFor(() => ({
      status: 429,
      error: {
        message: 'Request too large for gpt-4o in organization org-x on tokens per min (TPM): Limit 30000, Requested 30601.',
        type: 'tokens',
        code: 'rate_limit_exceeded',
      },
    }));
    const err = (await chat.complete(request()).catch((e: unknown) => e)) as ModelCallError;
    expect(err.failure).toBe('rejected');
    expect(server!.requests).toHaveLength(1);
  });

  it('retries a 200 that carries an error and no choices (OpenRouter after the model started)', async () => {
    const { chat, delays } = await chatFor(
      failFirst(1, { raw: JSON.stringify({ error: { code: 502, message: 'Provider returned error' } }) }),
    );
    expect((await chat.complete(request())).text).toContain('ok');
    expect(delays).toHaveLength(1);
  });

  it("a content filter's stop is a refusal, not something to repair", async () => {
    const { chat } = await chatFor(() => ({ content: '', finishReason: 'content_filter' }));
    const err = (await chat.complete(request()).catch((e: unknown) => e)) as ModelCallError;
    expect(err.failure).toBe('rejected');
    expect(server!.requests).toHaveLength(1);
  });

  it('the first call to a model goes alone until its profile has worked, then calls run in parallel', async () => {
    let seenDuringFirst = 0;
    server = await startFakeOpenAi({
      latencyMs: 20,
      handler: async (req) => {
        if (req.index === 0) {
          await new Promise((r) => setTimeout(r, 80));
          seenDuringFirst = server!.requests.length;
        }
        return ok(req);
      },
    });
    const chat = createOpenAiChat(loadModelConfig({ OPENAI_BASE_URL: server.url, DIGEST_MODEL_CONCURRENCY: '4' }));
    await Promise.all(Array.from({ length: 6 }, () => chat.complete(request())));
    expect(seenDuringFirst).toBe(1);
    expect(server.maxInFlight).toBeGreaterThan(1);
  });

  it('knows the room for a prompt in a known window, lowers a budget that does not fit beside it, and never sends a prompt that cannot fit', async () => {
    const { chat } = await chatFor(ok, { DIGEST_MODEL_CONTEXT: '3000' });
    const room = chat.promptRoom!({ ...request(), maxTokens: 100 });
    expect(room).toBe(3000 - 100 - (Math.ceil(3000 * 0.03) + 16));
    const { messages: _m, ...shape } = request();
    expect(createOpenAiChat(loadModelConfig({ OPENAI_BASE_URL: server!.url })).promptRoom!(shape)).toBeUndefined();
    // 1500 prompt tokens + 1500 asked in 3000: lowered to what is left.
    const long = 'word '.repeat((1500 * 3.6) / 5);
    await chat.complete(request({ maxTokens: 1500, messages: [{ role: 'user', content: long }] }));
    expect(server!.requests[0]!.body.max_tokens).toBeLessThan(1500);
    expect(server!.requests[0]!.body.max_tokens).toBeGreaterThanOrEqual(750);
    const err = (await chat
      .complete(request({ messages: [{ role: 'user', content: long.repeat(2) }] }))
      .catch((e: unknown) => e)) as ModelCallError;
    expect(err.failure).toBe('context');
    expect(err.context).toMatchObject({ contextTokens: 3000 });
    expect(server!.requests).toHaveLength(1);
  });

  it("vLLM's budget overflow (which names max_tokens) lowers max_tokens to the room it states, once, and never switches parameter", async () => {
    const { chat } = await chatFor((req) =>
      Number(req.body.max_tokens) > 1096
        ? {
            status: 400,
            error: {
              message: `'max_tokens' or 'max_completion_tokens' is too large: ${req.body.max_tokens}. This model's maximum context length is 4096 tokens and your request has 3000 input tokens (${req.body.max_tokens} > 4096 - 3000).`,
              type: 'BadRequestError',
            },
          }
        : ok(req),
    );
    await chat.complete(request({ maxTokens: 1500 }));
    expect(server!.requests.map((r) => [r.body.max_tokens, r.body.max_completion_tokens])).toEqual([
      [1500, undefined],
      [1088, undefined],
    ]);
    // The window is learnt: the next call is sized to it before it is sent.
    expect(chat.promptRoom!({ ...request(), maxTokens: 100 })).toBe(4096 - 100 - (Math.ceil(4096 * 0.03) + 16));
  });
});
