// The test servers must be trustworthy before the program is tested against them: each personality is driven here
// with raw HTTP (fetch), and its answers are checked against what the real server is documented to send
// (/work/notes/model-servers.md). A few checks use the real openai SDK to show what the program will see.

import { readFileSync } from 'node:fs';
import OpenAI, { AzureOpenAI, APIError } from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import {
  azureClassic,
  azureV1,
  dashscope,
  deepseekChat,
  deepseekReasoner,
  estimateTokens,
  gemini,
  llamaServer,
  noUsage,
  ollama,
  openAiGpt41,
  openAiReasoning,
  openRouter,
  PERSONALITIES,
  startPersonalityServer,
  vllm,
  type ContentAnswerer,
  type Personality,
  type PersonalityServer,
} from '../helpers/server-personalities.js';

let running: PersonalityServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(p: Personality, answer?: ContentAnswerer): Promise<PersonalityServer> {
  running = await startPersonalityServer(p, answer);
  return running;
}

interface Posted {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw bodies of every server's shape, probed field by field
  json: any;
}

async function post(s: PersonalityServer, body: object, opts: { path?: string; headers?: Record<string, string> } = {}): Promise<Posted> {
  const r = await fetch(s.baseUrl + (opts.path ?? '/chat/completions'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test', ...opts.headers },
    body: JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, headers: r.headers, text, json: text.trim() ? JSON.parse(text) : undefined };
}

// ── Prompts shaped like the program's ────────────────────────────────────────────────────────────────────────

const ENTRY_SYSTEM = readFileSync(new URL('../../prompts/entry.md', import.meta.url), 'utf8')
  .split('\n# user')[0]!
  .split('# system')[1]!
  .trim();
const english = (n: number) =>
  'OpenAI released GPT-5.2 on 2025-12-04 with a 400K context window and new pricing. '.repeat(Math.ceil(n / 84)).slice(0, n);
const chinese = (n: number) =>
  '輝達發表新一代資料中心晶片，效能較前代提升百分之三十，並預計明年出貨。'.repeat(Math.ceil(n / 34)).slice(0, n);

/** An entry request like the program's: system prompt, fenced articles (one long Chinese one by default). */
function entryMessages(articles: string[] = [english(3500), english(3500), chinese(3500)]) {
  const fenced = articles.map(
    (t, i) =>
      `<article id="A${i + 1}" source="Example" lang="${/[\u4e00-\u9fff]/.test(t) ? 'zh' : 'en'}">\ntitle: Story ${i + 1}\n${t}\n</article>`,
  );
  return [
    { role: 'system', content: ENTRY_SYSTEM },
    {
      role: 'user',
      content: `Digest date: 2025-12-05 (Asia/Taipei).\nThe story's articles, ids ${articles.map((_, i) => `A${i + 1}`).join(', ')}:\n\n${fenced.join('\n\n')}`,
    },
  ];
}

const SMALL = () => entryMessages([english(1200)]);

/** The json_schema response format the program sends today (zodResponseFormat output: note `$schema`). */
const SCHEMA_FORMAT = {
  type: 'json_schema',
  json_schema: {
    name: 'entry',
    strict: true,
    schema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: {
        title: { type: 'string' },
        sourceIds: { type: 'array', items: { type: 'string' } },
        note: { type: ['string', 'null'] },
      },
      required: ['title', 'sourceIds', 'note'],
      additionalProperties: false,
    },
  },
};

/** What the program sends today for an entry (prompts/entry.md: temperature 0.2, max_tokens 2000). */
const programRequest = (model: string, messages = entryMessages()) => ({
  model,
  messages,
  response_format: SCHEMA_FORMAT,
  temperature: 0.2,
  max_tokens: 2000,
});

const parsesAsEntry = (content: string) => {
  const v = JSON.parse(content) as Record<string, unknown>;
  expect(v.title).toEqual(expect.any(String));
  expect(v.sourceIds).toEqual(expect.any(Array));
};

// ── What breaks today: the program's current request against every server ───────────────────────────────────

describe('the request the program sends today, against each server', () => {
  const rows: Array<[string, () => Personality, number, string | undefined]> = [
    ['openai-gpt-4.1', () => openAiGpt41(), 200, undefined],
    ['openai-gpt-5', () => openAiReasoning({ model: 'gpt-5' }), 400, 'max_tokens-unsupported'],
    ['openai-o4-mini', () => openAiReasoning({ model: 'o4-mini' }), 400, 'max_tokens-unsupported'],
    ['deepseek-chat', () => deepseekChat(), 400, 'json_schema-unsupported'],
    ['deepseek-reasoner', () => deepseekReasoner(), 400, 'json_schema-unsupported'],
    ['gemini-2.5-flash', () => gemini({ model: 'gemini-2.5-flash' }), 400, 'json_schema-$schema'],
    ['gemini-2.5-pro', () => gemini({ model: 'gemini-2.5-pro' }), 400, 'json_schema-$schema'],
    ['vllm-new', () => vllm({ version: 'new' }), 200, undefined],
    ['vllm-old', () => vllm({ version: 'old' }), 200, undefined],
    ['ollama (Go runner)', () => ollama(), 200, undefined],
    ['ollama (llama-server runner)', () => ollama({ engine: 'llama-server' }), 400, 'context-exceeded'],
    ['llama-server -c 4096', () => llamaServer(), 400, 'context-exceeded'],
    ['dashscope qwen3-32b', () => dashscope({ model: 'qwen3-32b' }), 400, 'enable_thinking-required-false'],
    ['dashscope qwen-plus', () => dashscope({ model: 'qwen-plus' }), 200, undefined],
    ['azure classic (base URL = deployment)', () => azureClassic({ apiKey: 'sk-test' }), 404, 'resource-not-found'],
    ['azure v1', () => azureV1({ apiKey: 'sk-test' }), 200, undefined],
    ['openrouter', () => openRouter(), 200, undefined],
    ['no-usage', () => noUsage(), 200, undefined],
  ];

  it.each(rows)('%s', async (_name, make, status, reason) => {
    const s = await start(make());
    const r = await post(s, programRequest(s.personality.model));
    expect(r.status).toBe(status);
    if (reason) expect(s.personality.rejected[0]!.reason).toMatch(new RegExp(`^${reason.replace(/[$]/g, '\\$')}`));
    else expect(s.personality.rejected).toEqual([]);
  });

  it('every registered personality starts and answers or rejects with a recorded reason', async () => {
    for (const [name, make] of Object.entries(PERSONALITIES)) {
      const p = make();
      const s = await startPersonalityServer(p);
      try {
        const r = await post(s, programRequest(p.model, SMALL()));
        expect(r.status, name).toBeGreaterThanOrEqual(200);
        expect(p.served.length + p.rejected.length, name).toBe(1);
        if (r.status !== 200) expect(p.rejected[0]!.reason, name).not.toBe('');
      } finally {
        await s.close();
      }
    }
  });
});

// ── OpenAI ───────────────────────────────────────────────────────────────────────────────────────────────────

describe('OpenAI gpt-4.1', () => {
  it('answers the program as it does today, with the full usage block', async () => {
    const s = await start(openAiGpt41());
    const r = await post(s, programRequest('gpt-4.1', SMALL()));
    expect(r.status).toBe(200);
    parsesAsEntry(r.json.choices[0].message.content);
    expect(r.json.choices[0]).toMatchObject({ finish_reason: 'stop', message: { role: 'assistant', refusal: null } });
    expect(r.json.usage).toMatchObject({
      prompt_tokens: expect.any(Number),
      completion_tokens: expect.any(Number),
      completion_tokens_details: { reasoning_tokens: 0 },
    });
  });

  it('rejects an output budget above the model maximum, JSON mode without the word json, and a bad key', async () => {
    const s = await start(openAiGpt41({ apiKey: 'sk-right' }));
    const bad = await post(
      s,
      { model: 'gpt-4.1', messages: SMALL(), max_tokens: 40_000 },
      { headers: { authorization: 'Bearer sk-right' } },
    );
    expect(bad.json.error).toEqual({
      message: 'max_tokens is too large: 40000. This model supports at most 32768 completion tokens, whereas you provided 40000.',
      type: 'invalid_request_error',
      param: 'max_tokens',
      code: 'invalid_value',
    });
    const mode = await post(
      s,
      { model: 'gpt-4.1', messages: [{ role: 'user', content: 'Say ok.' }], response_format: { type: 'json_object' } },
      { headers: { authorization: 'Bearer sk-right' } },
    );
    expect(mode.json.error.message).toBe(
      "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
    );
    const auth = await post(s, { model: 'gpt-4.1', messages: SMALL() }, { headers: { authorization: 'Bearer sk-wrong-key-123' } });
    expect(auth.status).toBe(401);
    expect(auth.json.error).toMatchObject({
      code: 'invalid_api_key',
      type: 'invalid_request_error',
      message: expect.stringMatching(/^Incorrect API key provided: sk-\*\*\*-123\./),
    });
  });

  it('rate-limits with its tokens-per-minute body and x-ratelimit headers, no Retry-After', async () => {
    const s = await start(openAiGpt41({ rateLimitFirst: 1 }));
    const r = await post(s, programRequest('gpt-4.1', SMALL()));
    expect(r.status).toBe(429);
    expect(r.json.error).toMatchObject({
      type: 'tokens',
      code: 'rate_limit_exceeded',
      message: expect.stringMatching(/Please try again in 3\.89s/),
    });
    expect(r.headers.get('x-ratelimit-reset-tokens')).toBe('1.5s');
    expect(r.headers.get('retry-after')).toBeNull();
    expect((await post(s, programRequest('gpt-4.1', SMALL()))).status).toBe(200);
  });

  it('rejects a prompt beyond the context window with context_length_exceeded', async () => {
    const s = await start(openAiGpt41());
    const r = await post(s, { model: 'gpt-4o', messages: [{ role: 'user', content: english(540_000) }] });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({
      code: 'context_length_exceeded',
      param: 'messages',
      message: expect.stringMatching(
        /^This model's maximum context length is 128000 tokens\. However, your messages resulted in \d+ tokens\./,
      ),
    });
  });
});

describe('OpenAI reasoning models (gpt-5, o4-mini)', () => {
  it("rejects max_tokens with OpenAI's exact error", async () => {
    const s = await start(openAiReasoning({ model: 'gpt-5' }));
    const r = await post(s, { model: 'gpt-5', messages: SMALL(), max_tokens: 2000 });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      error: {
        message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        type: 'invalid_request_error',
        param: 'max_tokens',
        code: 'unsupported_parameter',
      },
    });
    expect(s.personality.rejected).toEqual([{ index: 0, status: 400, reason: 'max_tokens-unsupported', body: r.text }]);
  });

  it('rejects any temperature but 1', async () => {
    const s = await start(openAiReasoning({ model: 'gpt-5' }));
    const r = await post(s, { model: 'gpt-5', messages: SMALL(), max_completion_tokens: 16_000, temperature: 0.2 });
    expect(r.json.error).toEqual({
      message: "Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is supported.",
      type: 'invalid_request_error',
      param: 'temperature',
      code: 'unsupported_value',
    });
    expect((await post(s, { model: 'gpt-5', messages: SMALL(), max_completion_tokens: 16_000, temperature: 1 })).status).toBe(200);
  });

  it('spends max_completion_tokens 2000 on hidden reasoning: empty content, finish_reason length', async () => {
    const s = await start(openAiReasoning({ model: 'gpt-5' }));
    const r = await post(s, { model: 'gpt-5', messages: SMALL(), max_completion_tokens: 2000, response_format: SCHEMA_FORMAT });
    expect(r.status).toBe(200);
    expect(r.json.choices[0]).toMatchObject({ finish_reason: 'length', message: { content: '', refusal: null } });
    expect(r.json.usage).toMatchObject({ completion_tokens: 2000, completion_tokens_details: { reasoning_tokens: 2000 } });
  });

  it('answers once the budget covers reasoning and answer; reasoning_effort moves the reasoning cost', async () => {
    const s = await start(openAiReasoning({ model: 'gpt-5' }));
    const big = await post(s, { model: 'gpt-5', messages: SMALL(), max_completion_tokens: 16_000 });
    parsesAsEntry(big.json.choices[0].message.content);
    expect(big.json.usage.completion_tokens_details.reasoning_tokens).toBe(2500);
    const minimal = await post(s, { model: 'gpt-5', messages: SMALL(), max_completion_tokens: 2000, reasoning_effort: 'minimal' });
    expect(minimal.json.choices[0].finish_reason).toBe('stop');
    expect(minimal.json.usage.completion_tokens_details.reasoning_tokens).toBe(64);
  });

  it('cuts the answer when the budget covers the reasoning but not the whole answer', async () => {
    const s = await start(openAiReasoning({ model: 'gpt-5' }));
    const r = await post(s, { model: 'gpt-5', messages: SMALL(), max_completion_tokens: 2550 });
    expect(r.json.choices[0].finish_reason).toBe('length');
    expect(() => JSON.parse(r.json.choices[0].message.content)).toThrow();
  });

  it('o-series refuses reasoning_effort minimal', async () => {
    const s = await start(openAiReasoning({ model: 'o4-mini' }));
    const r = await post(s, { model: 'o4-mini', messages: SMALL(), reasoning_effort: 'minimal' });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ param: 'reasoning_effort', code: 'unsupported_value' });
  });
});

// ── DeepSeek ─────────────────────────────────────────────────────────────────────────────────────────────────

describe('DeepSeek', () => {
  it('deepseek-chat rejects json_schema and JSON mode without the word json', async () => {
    const s = await start(deepseekChat());
    const r = await post(s, programRequest('deepseek-chat', SMALL()));
    expect(r.json).toEqual({
      error: {
        message: 'This response_format type is unavailable now',
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_request_error',
      },
    });
    const noWord = await post(s, {
      model: 'deepseek-chat',
      messages: [{ role: 'user', content: 'Say ok.' }],
      response_format: { type: 'json_object' },
    });
    expect(noWord.status).toBe(400);
  });

  it('deepseek-chat answers JSON mode after keep-alive blank lines, caps max_tokens at 8K and ignores max_completion_tokens', async () => {
    const s = await start(deepseekChat());
    const r = await post(s, {
      model: 'deepseek-chat',
      messages: SMALL(),
      response_format: { type: 'json_object' },
      max_completion_tokens: 5,
    });
    expect(r.text.startsWith('\n\n{')).toBe(true);
    parsesAsEntry(r.json.choices[0].message.content);
    expect(r.json.usage).toMatchObject({ prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: r.json.usage.prompt_tokens });
    expect(s.personality.served[0]!.ignored).toEqual(['max_completion_tokens']);
    expect((await post(s, { model: 'deepseek-chat', messages: SMALL(), max_tokens: 10_000 })).status).toBe(400);
  });

  it('deepseek-reasoner ignores temperature, returns reasoning_content, and counts it against max_tokens', async () => {
    const s = await start(deepseekReasoner());
    const ok = await post(s, {
      model: 'deepseek-reasoner',
      messages: SMALL(),
      temperature: 0.2,
      max_tokens: 4000,
      response_format: { type: 'json_object' },
    });
    const m = ok.json.choices[0].message;
    parsesAsEntry(m.content);
    expect(m.reasoning_content).toMatch(/```json/);
    expect(ok.json.usage.completion_tokens_details.reasoning_tokens).toBe(1500);
    expect(s.personality.served[0]!.ignored).toContain('temperature');
    const cut = await post(s, { model: 'deepseek-reasoner', messages: SMALL(), max_tokens: 1000 });
    expect(cut.json.choices[0]).toMatchObject({ finish_reason: 'length', message: { content: '' } });
    expect(estimateTokens(cut.json.choices[0].message.reasoning_content)).toBeLessThanOrEqual(1000);
  });
});

// ── Gemini ───────────────────────────────────────────────────────────────────────────────────────────────────

describe('Gemini OpenAI compatibility', () => {
  it('answers errors as a JSON array, and refuses fields it does not know', async () => {
    const s = await start(gemini());
    const r = await post(s, { model: 'gemini-2.5-flash', messages: SMALL(), enable_thinking: false });
    expect(r.status).toBe(400);
    expect(Array.isArray(r.json)).toBe(true);
    expect(r.json[0].error).toMatchObject({
      code: 400,
      status: 'INVALID_ARGUMENT',
      message: 'Invalid JSON payload received. Unknown name "enable_thinking": Cannot find field.',
    });
  });

  it('the openai SDK reports an array body as "400 status code (no body)"', async () => {
    const s = await start(gemini());
    const client = new OpenAI({ apiKey: 'k', baseURL: s.baseUrl, maxRetries: 0 });
    const err = await client.chat.completions.create(programRequest('gemini-2.5-flash', SMALL()) as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect((err as APIError).message).toBe('400 status code (no body)');
    expect((err as APIError).error).toBeUndefined();
  });

  it('accepts a schema without $schema; thinking eats max_tokens (content null, finish_reason length)', async () => {
    const s = await start(gemini());
    const { $schema: _drop, ...schema } = SCHEMA_FORMAT.json_schema.schema;
    const format = { type: 'json_schema', json_schema: { ...SCHEMA_FORMAT.json_schema, schema } };
    const ok = await post(s, { model: 'gemini-2.5-flash', messages: SMALL(), response_format: format, max_tokens: 4000 });
    parsesAsEntry(ok.json.choices[0].message.content);
    expect(ok.json.usage.total_tokens).toBe(ok.json.usage.prompt_tokens + ok.json.usage.completion_tokens + 1200);
    const cut = await post(s, { model: 'gemini-2.5-flash', messages: SMALL(), max_tokens: 1000 });
    expect(cut.json.choices[0]).toMatchObject({ finish_reason: 'length', message: { content: null } });
    const off = await post(s, { model: 'gemini-2.5-flash', messages: SMALL(), max_tokens: 1000, reasoning_effort: 'none' });
    expect(off.json.choices[0].finish_reason).toBe('stop');
  });

  it('gemini-2.5-pro cannot turn thinking off; a bad key is a 400 in the array shape', async () => {
    const s = await start(gemini({ model: 'gemini-2.5-pro', apiKey: 'AIza-right' }));
    const off = await post(
      s,
      { model: 'gemini-2.5-pro', messages: SMALL(), reasoning_effort: 'none' },
      { headers: { authorization: 'Bearer AIza-right' } },
    );
    expect(off.json[0].error.message).toBe('Budget 0 is invalid. This model only works in thinking mode.');
    const key = await post(s, { model: 'gemini-2.5-pro', messages: SMALL() });
    expect(key.status).toBe(400);
    expect(key.json[0].error.details[0].reason).toBe('API_KEY_INVALID');
  });
});

// ── vLLM ─────────────────────────────────────────────────────────────────────────────────────────────────────

describe('vLLM', () => {
  const long = () =>
    entryMessages([
      english(3500),
      chinese(3500),
      chinese(3500),
      chinese(3500),
      chinese(3500),
      chinese(3500),
      chinese(3500),
      chinese(3500),
      chinese(3500),
    ]);

  it('new (≥ 0.10.1): a budget past the window is a nested 400 that names max_tokens', async () => {
    const s = await start(vllm({ version: 'new' }));
    const r = await post(s, { model: s.personality.model, messages: long(), max_tokens: 4000 });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({
      type: 'BadRequestError',
      param: null,
      code: 400,
      message: expect.stringMatching(
        /^'max_tokens' or 'max_completion_tokens' is too large: 4000\. This model's maximum context length is 32768 tokens and your request has \d+ input tokens \(4000 > 32768 - \d+\)\.$/,
      ),
    });
  });

  it('old (< 0.10.1): the same overflow as a flat body, which the openai SDK reads as "(no body)"', async () => {
    const s = await start(vllm({ version: 'old' }));
    const r = await post(s, { model: s.personality.model, messages: long(), max_tokens: 4000 });
    expect(r.json).toMatchObject({
      object: 'error',
      type: 'BadRequestError',
      code: 400,
      message: expect.stringMatching(/However, you requested \d+ tokens \(\d+ in the messages, 4000 in the completion\)/),
    });
    expect(r.json.error).toBeUndefined();
    const client = new OpenAI({ apiKey: 'k', baseURL: s.baseUrl, maxRetries: 0 });
    const err = await client.chat.completions
      .create({ model: s.personality.model, messages: long() as never, max_tokens: 4000 })
      .catch((e: unknown) => e);
    expect((err as APIError).message).toBe('400 status code (no body)');
  });

  it('Qwen3 thinking with a reasoning parser: `reasoning` (new) or `reasoning_content` (old); thinking counts against max_tokens', async () => {
    const s = await start(vllm({ version: 'new' }));
    const ok = await post(s, { model: s.personality.model, messages: SMALL(), max_tokens: 4000, response_format: SCHEMA_FORMAT });
    parsesAsEntry(ok.json.choices[0].message.content);
    expect(ok.json.choices[0].message.reasoning).toMatch(/\{/);
    expect(ok.json.choices[0].message.reasoning_content).toBeUndefined();
    const cut = await post(s, { model: s.personality.model, messages: SMALL(), max_tokens: 1000 });
    expect(cut.json.choices[0]).toMatchObject({ finish_reason: 'length', message: { content: null } });
    const off = await post(s, {
      model: s.personality.model,
      messages: SMALL(),
      max_tokens: 1000,
      chat_template_kwargs: { enable_thinking: false },
    });
    expect(off.json.choices[0].message.reasoning).toBeUndefined();
    parsesAsEntry(off.json.choices[0].message.content);
  });

  it('old parser: reasoning_content, and a truncated thought lands in content with its <think>', async () => {
    const s = await start(vllm({ version: 'old' }));
    const ok = await post(s, { model: s.personality.model, messages: SMALL(), max_tokens: 4000 });
    expect(ok.json.choices[0].message.reasoning_content).toMatch(/```json/);
    const cut = await post(s, { model: s.personality.model, messages: SMALL(), max_tokens: 1000 });
    expect(cut.json.choices[0].message.content).toMatch(/^<think>\n/);
  });

  it('without a reasoning parser the <think> block, braces and fences included, leads the content', async () => {
    const s = await start(vllm({ version: 'new', reasoningParser: false }));
    const r = await post(s, { model: s.personality.model, messages: SMALL(), max_tokens: 4000 });
    const content: string = r.json.choices[0].message.content;
    expect(content).toMatch(/^<think>\n[\s\S]*```json[\s\S]*\{[\s\S]*<\/think>\n\n\{/);
    parsesAsEntry(content.split('</think>')[1]!.trim());
  });
});

// ── Ollama ───────────────────────────────────────────────────────────────────────────────────────────────────

describe('Ollama', () => {
  it('≤ 0.29: cuts an overlong prompt from the front (keeps 5 tokens and the tail), 200, prompt_tokens = num_ctx', async () => {
    let seen = '';
    const s = await start(ollama(), (req) => {
      seen = req.text;
      return { json: { ok: true } };
    });
    const messages = entryMessages();
    const full = messages.map((m) => m.content).join('\n');
    expect(estimateTokens(full)).toBeGreaterThan(4096);
    const r = await post(s, { model: 'qwen2.5:14b', messages, max_tokens: 2000 });
    expect(r.status).toBe(200);
    expect(r.json.usage.prompt_tokens).toBe(4096);
    expect(s.personality.served[0]!.truncatedTo).toBe(4096);
    expect(seen).not.toContain('Ground rules'); // the system prompt is gone
    expect(full.endsWith(seen.slice(-200))).toBe(true); // the tail is kept
    expect(seen.length).toBeLessThan(full.length);
  });

  it("≥ 0.30 (llama-server runner): an overlong prompt is a 400 whose message is llama-server's own error JSON", async () => {
    const s = await start(ollama({ engine: 'llama-server' }));
    const r = await post(s, { model: 'qwen2.5:14b', messages: entryMessages() });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ type: 'invalid_request_error', param: null, code: null });
    expect(JSON.parse(r.json.error.message).error).toMatchObject({ type: 'exceed_context_size_error', n_ctx: 4096 });
  });

  it('ignores max_completion_tokens (only max_tokens is num_predict) and reports thinking in `reasoning`', async () => {
    const s = await start(ollama({ thinking: true }));
    const r = await post(s, { model: 'qwen3:8b', messages: SMALL(), max_completion_tokens: 10 });
    parsesAsEntry(r.json.choices[0].message.content);
    expect(r.json.choices[0].message.reasoning).toMatch(/\{/);
    expect(s.personality.served[0]!.ignored).toEqual(['max_completion_tokens', 'temperature-defaults-to-1.0']);
    const cut = await post(s, { model: 'qwen3:8b', messages: SMALL(), max_tokens: 1000, temperature: 0.2 });
    expect(cut.json.choices[0]).toMatchObject({ finish_reason: 'length', message: { content: '' } });
    expect(Object.keys(cut.json.usage)).toEqual(['prompt_tokens', 'completion_tokens', 'total_tokens']);
  });

  it('a model that is not pulled is a 404 not_found_error', async () => {
    const s = await start(ollama({ models: ['qwen2.5:14b'] }));
    const r = await post(s, { model: 'llama3.1:8b', messages: SMALL() });
    expect(r.status).toBe(404);
    expect(r.json.error).toEqual({
      message: 'model "llama3.1:8b" not found, try pulling it first',
      type: 'not_found_error',
      param: null,
      code: null,
    });
  });
});

// ── llama.cpp llama-server ───────────────────────────────────────────────────────────────────────────────────

describe('llama-server', () => {
  it('rejects a prompt past -c with exceed_context_size_error and the two counts', async () => {
    const s = await start(llamaServer());
    const r = await post(s, { model: 'any', messages: entryMessages() });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({
      code: 400,
      type: 'exceed_context_size_error',
      n_ctx: 4096,
      n_prompt_tokens: expect.any(Number),
      message: expect.stringMatching(/^request \(\d+ tokens\) exceeds the available context size \(4096 tokens\), try increasing it$/),
    });
  });

  it('with the reasoning parser: reasoning_content beside clean content, plus timings', async () => {
    const s = await start(llamaServer());
    const r = await post(s, { model: 'any', messages: SMALL(), max_tokens: 2000, response_format: SCHEMA_FORMAT });
    parsesAsEntry(r.json.choices[0].message.content);
    expect(r.json.choices[0].message.reasoning_content).toMatch(/```json/);
    expect(r.json.timings).toMatchObject({ prompt_n: expect.any(Number), predicted_n: expect.any(Number) });
  });

  it('with --reasoning-format none: <think> with braces and fences before the JSON; a small budget ends inside it', async () => {
    const s = await start(llamaServer({ reasoningFormat: 'none' }));
    const r = await post(s, { model: 'any', messages: SMALL(), max_tokens: 2000 });
    const content: string = r.json.choices[0].message.content;
    expect(content.startsWith('<think>\n')).toBe(true);
    expect(content.indexOf('{')).toBeLessThan(content.indexOf('</think>'));
    parsesAsEntry(content.slice(content.indexOf('</think>') + '</think>'.length).trim());
    const cut = await post(s, { model: 'any', messages: SMALL(), max_completion_tokens: 500 });
    expect(cut.json.choices[0].finish_reason).toBe('length');
    expect(cut.json.choices[0].message.content).not.toContain('</think>');
  });
});

// ── DashScope ────────────────────────────────────────────────────────────────────────────────────────────────

describe('DashScope compatible mode', () => {
  it('open-weight Qwen3 needs enable_thinking: false at the top level (chat_template_kwargs is not enough)', async () => {
    const s = await start(dashscope({ model: 'qwen3-32b' }));
    const r = await post(s, { model: 'qwen3-32b', messages: SMALL() });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({
      error: {
        code: 'invalid_parameter_error',
        param: null,
        message: 'parameter.enable_thinking must be set to false for non-streaming calls',
        type: 'invalid_request_error',
      },
      request_id: expect.any(String),
    });
    expect((await post(s, { model: 'qwen3-32b', messages: SMALL(), chat_template_kwargs: { enable_thinking: false } })).status).toBe(400);
    const ok = await post(s, { model: 'qwen3-32b', messages: SMALL(), enable_thinking: false, response_format: { type: 'json_object' } });
    parsesAsEntry(ok.json.choices[0].message.content);
  });

  it('qwen-plus thinks only when asked; json_schema is taken as JSON mode; max_tokens has a ceiling', async () => {
    const s = await start(dashscope({ model: 'qwen-plus' }));
    const ok = await post(s, programRequest('qwen-plus', SMALL()));
    expect(ok.status).toBe(200);
    expect(s.personality.served[0]!.ignored).toEqual(['response_format.json_schema (treated as json_object)']);
    expect((await post(s, { model: 'qwen-plus', messages: SMALL(), enable_thinking: true })).status).toBe(400);
    expect((await post(s, { model: 'qwen-plus', messages: SMALL(), max_tokens: 100_000 })).json.error.message).toMatch(
      /Range of max_tokens should be \[1, 32768\]/,
    );
  });
});

// ── Azure ────────────────────────────────────────────────────────────────────────────────────────────────────

describe('Azure OpenAI', () => {
  it('classic: only /openai/deployments/<name>/chat/completions?api-version=… with an api-key header', async () => {
    const s = await start(azureClassic({ deployment: 'digest', apiKey: 'azkey' }));
    const url = (p: string) => ({ path: p });
    expect((await post(s, programRequest('digest', SMALL()), url('/chat/completions'))).json).toEqual({
      error: { code: '404', message: 'Resource not found' },
    });
    const bearer = await post(s, programRequest('digest', SMALL()), url('/chat/completions?api-version=2024-10-21'));
    expect(bearer.status).toBe(401);
    expect(bearer.json.error.message).toMatch(/^Access denied due to invalid subscription key or wrong API endpoint\./);
    const ok = await post(s, programRequest('digest', SMALL()), {
      path: '/chat/completions?api-version=2024-10-21',
      headers: { 'api-key': 'azkey', authorization: '' },
    });
    expect(ok.status).toBe(200);
    expect(ok.json.prompt_filter_results[0].content_filter_results.hate).toEqual({ filtered: false, severity: 'safe' });
    const other = await fetch(`${s.origin}/openai/deployments/other/chat/completions?api-version=2024-10-21`, {
      method: 'POST',
      headers: { 'api-key': 'azkey', 'content-type': 'application/json' },
      body: JSON.stringify(programRequest('x', SMALL())),
    });
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('DeploymentNotFound');
  });

  it("classic: the SDK's AzureOpenAI client reaches it; a gpt-5 deployment keeps OpenAI's parameter rules", async () => {
    const s = await start(azureClassic({ deployment: 'dep5', apiKey: 'azkey', underlying: 'gpt-5' }));
    const client = new AzureOpenAI({ endpoint: s.origin, apiKey: 'azkey', apiVersion: '2024-10-21', deployment: 'dep5', maxRetries: 0 });
    const err = await client.chat.completions
      .create({ model: 'dep5', messages: SMALL() as never, max_tokens: 2000 })
      .catch((e: unknown) => e);
    expect((err as APIError).status).toBe(400);
    expect((err as APIError).code).toBe('unsupported_parameter');
    const ok = await client.chat.completions.create({ model: 'dep5', messages: SMALL() as never, max_completion_tokens: 16_000 });
    parsesAsEntry(ok.choices[0]!.message.content!);
  });

  it('429 carries retry-after and retry-after-ms', async () => {
    const s = await start(azureV1({ apiKey: 'azkey', rateLimitFirst: 1 }));
    const r = await post(s, programRequest('digest-gpt-4o', SMALL()), { headers: { authorization: 'Bearer azkey' } });
    expect(r.status).toBe(429);
    expect(r.json.error.code).toBe('429');
    expect(r.headers.get('retry-after')).toBe('6');
    expect(r.headers.get('retry-after-ms')).toBe('6000');
  });

  it('v1: /openai/v1 takes the key as Bearer (the plain OpenAI client) or api-key', async () => {
    const s = await start(azureV1({ apiKey: 'azkey' }));
    const client = new OpenAI({ apiKey: 'azkey', baseURL: s.baseUrl, maxRetries: 0 });
    const ok = await client.chat.completions.create(programRequest('digest-gpt-4o', SMALL()) as never);
    parsesAsEntry((ok as OpenAI.ChatCompletion).choices[0]!.message.content!);
    expect((await post(s, programRequest('digest-gpt-4o', SMALL()), { headers: { authorization: '', 'api-key': 'azkey' } })).status).toBe(
      200,
    );
  });
});

// ── OpenRouter, no-usage ─────────────────────────────────────────────────────────────────────────────────────

describe('OpenRouter', () => {
  it('errors carry a numeric code; 429 has Retry-After', async () => {
    const s = await start(openRouter({ apiKey: 'sk-or-right', rateLimitFirst: 1 }));
    const auth = await post(s, programRequest(s.personality.model, SMALL()), { headers: { authorization: '' } });
    expect(auth.json).toEqual({ error: { code: 401, message: 'No auth credentials found' } });
    const limited = await post(s, programRequest(s.personality.model, SMALL()), { headers: { authorization: 'Bearer sk-or-right' } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
  });

  it('an upstream failure after the model started is HTTP 200 with an error body and no choices', async () => {
    const s = await start(openRouter({ upstreamErrorFirst: 1 }));
    const client = new OpenAI({ apiKey: 'k', baseURL: s.baseUrl, maxRetries: 0 });
    const first = (await client.chat.completions.create(programRequest(s.personality.model, SMALL()) as never)) as unknown as Record<
      string,
      unknown
    >;
    expect(first.choices).toBeUndefined();
    expect(first.error).toMatchObject({ code: 502 });
    expect(s.personality.rejected[0]).toMatchObject({ status: 200, reason: 'upstream-error-in-200' });
  });

  it('reasoning text in `reasoning`; parameters no provider supports are ignored unless require_parameters', async () => {
    const s = await start(openRouter({ model: 'deepseek/deepseek-r1', reasoningTokens: 800, unsupported: ['response_format'] }));
    const r = await post(s, programRequest(s.personality.model, SMALL()));
    expect(r.json.choices[0].message.reasoning).toMatch(/\{/);
    expect(r.json.usage.completion_tokens_details.reasoning_tokens).toBe(800);
    expect(s.personality.served[0]!.ignored).toEqual(['response_format']);
    const strict = await post(s, { ...programRequest(s.personality.model, SMALL()), provider: { require_parameters: true } });
    expect(strict.status).toBe(404);
  });
});

describe('a server without usage', () => {
  it('sends a completion with no usage key at all', async () => {
    const s = await start(noUsage());
    const r = await post(s, programRequest('local-model', SMALL()));
    expect(r.status).toBe(200);
    expect('usage' in r.json).toBe(false);
    parsesAsEntry(r.json.choices[0].message.content);
  });
});
