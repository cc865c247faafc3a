// Every server personality (tests/helpers/server-personalities.ts, checked against /work/notes/model-servers.md)
// writes a whole small day through the real writer, the real adapter, the real openai SDK and real HTTP: every
// topic and the frame, within a bounded number of calls, with the parameters that server needs in the requests.
// A second night with the same profile file (and no answer cache) must not waste a single call.
//
// The hosted vendors run on 127.0.0.1 here, so their host names cannot be recognised: DIGEST_MODEL_SERVER stands in
// for the host (api.openai.com, api.deepseek.com, openrouter.ai); servers with a telling path (Gemini, DashScope,
// Azure) and local servers (recognised from their answers) get nothing.

import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelLog } from '../../src/model/chat-client.js';
import { silentLog } from '../../src/model/chat-client.js';
import { loadModelConfig } from '../../src/model/model-config.js';
import { createOpenAiChat } from '../../src/model/openai-chat.js';
import { readProfileStore } from '../../src/model/profile-store.js';
import type { WriteInput, WriteOutput } from '../../src/types.js';
import { createModelWriter } from '../../src/write/model-writer.js';
import { readPrompts, type PromptSet } from '../../src/write/prompt-template.js';
import type { FakeRequest } from '../helpers/fake-openai-server.js';
import {
  azureClassic,
  azureV1,
  dashscope,
  deepseekChat,
  deepseekReasoner,
  gemini,
  llamaServer,
  noUsage,
  ollama,
  openAiGpt41,
  openAiReasoning,
  openRouter,
  startPersonalityServer,
  vllm,
  type Personality,
  type PersonalityServer,
} from '../helpers/server-personalities.js';
import { useTempDirs } from '../helpers/temp-dirs.js';
import { fakeOffline, makeChineseDay, makeDay } from './model-test-day.js';

const prompts = await readPrompts();
const tempDir = useTempDirs('server-matrix-');
let running: PersonalityServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

interface Night {
  out: WriteOutput;
  requests: FakeRequest[];
  rejected: Personality['rejected'];
  logs: { msg: string; obj: Record<string, unknown> }[];
}

/** The env a personality is reached with: base URL (or Azure endpoint), key, model. */
function envFor(s: PersonalityServer, extra: Record<string, string> = {}): Record<string, string> {
  return { OPENAI_BASE_URL: s.baseUrl, OPENAI_API_KEY: 'sk-test', OPENAI_MODEL: s.personality.model, ...extra };
}

/** One nightly write of `day` against `s`, with the profile file `file`; what the server saw and refused. */
async function night(
  s: PersonalityServer,
  env: Record<string, string>,
  file: string,
  day: WriteInput = makeDay(6),
  o: { prompts?: PromptSet } = {},
): Promise<Night> {
  const config = loadModelConfig({
    DIGEST_MODEL_TIMEOUT_MS: '10000',
    DIGEST_MODEL_MAX_RETRIES: '2',
    DIGEST_MODEL_BASE_DELAY_MS: '1',
    DIGEST_MODEL_RETRY_AFTER_CAP_MS: '20',
    ...env,
  });
  const logs: Night['logs'] = [];
  const log: ModelLog = { ...silentLog, warn: (obj, msg) => logs.push({ msg: msg ?? '', obj: obj as Record<string, unknown> }) };
  const profiles = await readProfileStore(file, { warn: () => {}, log });
  const chat = createOpenAiChat(config, { profiles, log, sleep: async () => {} });
  const writer = createModelWriter({
    chat,
    offline: fakeOffline,
    prompts: o.prompts ?? prompts,
    concurrency: 4,
    log,
    models: { default: config.model, byPrompt: config.modelByPrompt },
    prices: config.prices,
  });
  const seen = s.server.requests.length;
  const refused = s.personality.rejected.length;
  const out = await writer(day);
  return { out, requests: s.server.requests.slice(seen), rejected: s.personality.rejected.slice(refused), logs };
}

function expectWholeDay(n: Night, topics: number) {
  expect(n.out.failedTopics, JSON.stringify(n.out.failedTopics)).toEqual([]);
  expect(n.out.entries).toHaveLength(topics);
  expect(n.out.frameWriter).toBe('model');
  expect(n.out.writers.model).toBe(topics);
}

const entries = (n: Night) => n.requests.filter((r) => r.kind === 'entry');
const frames = (n: Night) => n.requests.filter((r) => r.kind === 'frame');
const all = <T>(rs: FakeRequest[], f: (r: FakeRequest) => T) => [...new Set(rs.map(f))];

interface Row {
  name: string;
  make: () => Personality;
  env?: (s: PersonalityServer) => Record<string, string>;
  /** What every request to this server must carry (entries and frames alike). */
  check: (n: Night) => void;
}

const TOPICS = 6;

const ROWS: Row[] = [
  {
    name: 'openai-gpt-4.1',
    make: () => openAiGpt41(),
    env: (s) => envFor(s, { DIGEST_MODEL_SERVER: 'openai' }),
    check: (n) => {
      expect(all(entries(n), (r) => r.body.max_completion_tokens)).toEqual([2000]);
      expect(all(frames(n), (r) => r.body.max_completion_tokens)).toEqual([3000]);
      expect(all(n.requests, (r) => r.body.max_tokens)).toEqual([undefined]);
      expect(all(entries(n), (r) => r.body.temperature)).toEqual([0.2]);
      expect(all(n.requests, (r) => r.body.reasoning_effort)).toEqual([undefined]);
      expect(all(n.requests, (r) => r.body.response_format?.json_schema?.strict)).toEqual([true]);
      expect(all(n.requests, (r) => JSON.stringify(r.body.response_format).includes('$schema'))).toEqual([false]);
    },
  },
  ...(['gpt-5', 'o4-mini'] as const).map((model): Row => ({
    name: `openai-${model}`,
    make: () => openAiReasoning({ model }),
    env: (s) => envFor(s, { DIGEST_MODEL_SERVER: 'openai' }),
    check: (n) => {
      // No temperature, a budget for answer + reasoning, low effort.
      expect(all(n.requests, (r) => r.body.temperature)).toEqual([undefined]);
      expect(all(n.requests, (r) => r.body.max_tokens)).toEqual([undefined]);
      expect(all(entries(n), (r) => r.body.max_completion_tokens)).toEqual([2000 + 6000]);
      expect(all(frames(n), (r) => r.body.max_completion_tokens)).toEqual([3000 + 8000]);
      expect(all(n.requests, (r) => r.body.reasoning_effort)).toEqual(['low']);
    },
  })),
  {
    name: 'deepseek-chat',
    make: () => deepseekChat(),
    env: (s) => envFor(s, { DIGEST_MODEL_SERVER: 'deepseek' }),
    check: (n) => {
      // JSON mode from the first call (json_schema is always refused), the schema in the prompt.
      expect(all(n.requests, (r) => r.body.response_format?.type)).toEqual(['json_object']);
      expect(n.requests.every((r) => r.body.messages[0]!.content.includes('conforms to this JSON Schema'))).toBe(true);
      expect(all(entries(n), (r) => r.body.max_tokens)).toEqual([2000]);
      expect(all(entries(n), (r) => r.body.temperature)).toEqual([0.2]);
    },
  },
  {
    name: 'deepseek-reasoner',
    make: () => deepseekReasoner(),
    env: (s) => envFor(s, { DIGEST_MODEL_SERVER: 'deepseek' }),
    check: (n) => {
      expect(all(n.requests, (r) => r.body.response_format?.type)).toEqual(['json_object']);
      // max_tokens covers the chain of thought; temperature is pointless there.
      expect(all(entries(n), (r) => r.body.max_tokens)).toEqual([8000]);
      expect(all(n.requests, (r) => r.body.temperature)).toEqual([undefined]);
      expect(all(n.requests, (r) => r.body.reasoning_effort)).toEqual([undefined]);
    },
  },
  ...(['gemini-2.5-flash', 'gemini-2.5-pro'] as const).map((model): Row => ({
    name: model,
    make: () => gemini({ model }),
    check: (n) => {
      // No field Gemini does not know, no $schema, thinking paid from max_tokens.
      for (const r of n.requests)
        expect(Object.keys(r.body).sort()).toEqual(['max_tokens', 'messages', 'model', 'reasoning_effort', 'response_format']);
      expect(all(n.requests, (r) => r.body.reasoning_effort)).toEqual(['low']);
      expect(all(entries(n), (r) => r.body.max_tokens)).toEqual([8000]);
      expect(all(n.requests, (r) => r.body.response_format?.type)).toEqual(['json_schema']);
    },
  })),
  ...(['new', 'old'] as const).map((version): Row => ({
    name: `vllm-${version} (Qwen3)`,
    make: () => vllm({ version }),
    check: (n) => {
      // Qwen3's thinking switched off through the chat template: the whole budget is the answer's.
      expect(all(n.requests, (r) => JSON.stringify(r.body.chat_template_kwargs))).toEqual(['{"enable_thinking":false}']);
      expect(all(entries(n), (r) => r.body.max_tokens)).toEqual([2000]);
      expect(all(n.requests, (r) => r.body.max_completion_tokens)).toEqual([undefined]);
    },
  })),
  {
    name: 'ollama (Go runner)',
    make: () => ollama(),
    check: (n) => {
      // max_tokens (Ollama ignores max_completion_tokens) and an explicit temperature (absent means 1.0).
      expect(all(entries(n), (r) => r.body.max_tokens)).toEqual([2000]);
      expect(all(n.requests, (r) => r.body.max_completion_tokens)).toEqual([undefined]);
      expect(all(entries(n), (r) => r.body.temperature)).toEqual([0.2]);
    },
  },
  {
    name: 'ollama (llama-server runner)',
    make: () => ollama({ engine: 'llama-server' }),
    check: (n) => expect(all(entries(n), (r) => r.body.max_tokens)).toEqual([2000]),
  },
  ...(['deepseek', 'none'] as const).map((reasoningFormat): Row => ({
    name: `llama-server --reasoning-format ${reasoningFormat} (Qwen3)`,
    make: () => llamaServer({ reasoningFormat }),
    check: (n) => expect(all(n.requests, (r) => JSON.stringify(r.body.chat_template_kwargs))).toEqual(['{"enable_thinking":false}']),
  })),
  {
    name: 'dashscope qwen3-32b',
    make: () => dashscope({ model: 'qwen3-32b' }),
    check: (n) => {
      // Top-level enable_thinking (chat_template_kwargs does not count there).
      expect(all(n.requests, (r) => r.body.enable_thinking)).toEqual([false]);
      expect(all(n.requests, (r) => r.body.chat_template_kwargs)).toEqual([undefined]);
      expect(all(entries(n), (r) => r.body.max_tokens)).toEqual([2000]);
    },
  },
  {
    name: 'dashscope qwen-plus',
    make: () => dashscope({ model: 'qwen-plus' }),
    check: (n) => expect(all(n.requests, (r) => r.body.enable_thinking)).toEqual([undefined]),
  },
  {
    name: 'azure classic (AZURE_OPENAI_ENDPOINT)',
    make: () => azureClassic(),
    env: (s) => ({ AZURE_OPENAI_ENDPOINT: s.origin, AZURE_OPENAI_API_KEY: 'azure-test-key', OPENAI_MODEL: s.personality.model }),
    check: (n) => {
      expect(all(n.requests, (r) => r.path)).toEqual(['/openai/deployments/digest-gpt-4o/chat/completions?api-version=2024-10-21']);
      expect(all(n.requests, (r) => r.headers['api-key'])).toEqual(['azure-test-key']);
      expect(all(n.requests, (r) => r.headers.authorization)).toEqual([undefined]);
      expect(all(entries(n), (r) => r.body.max_completion_tokens)).toEqual([2000]);
    },
  },
  {
    name: 'azure classic (OPENAI_BASE_URL naming the deployment)',
    make: () => azureClassic(),
    env: (s) => ({ OPENAI_BASE_URL: `${s.baseUrl}`, OPENAI_API_KEY: 'azure-test-key', OPENAI_MODEL: 'gpt-4o' }),
    check: (n) => {
      expect(all(n.requests, (r) => r.path)).toEqual(['/openai/deployments/digest-gpt-4o/chat/completions?api-version=2024-10-21']);
      expect(all(n.requests, (r) => r.headers['api-key'])).toEqual(['azure-test-key']);
    },
  },
  {
    name: 'azure v1',
    make: () => azureV1(),
    env: (s) => envFor(s, { OPENAI_API_KEY: 'azure-test-key' }),
    check: (n) => {
      expect(all(n.requests, (r) => r.path)).toEqual(['/openai/v1/chat/completions']);
      expect(all(entries(n), (r) => r.body.max_completion_tokens)).toEqual([2000]);
    },
  },
  {
    name: 'openrouter',
    make: () => openRouter(),
    env: (s) => envFor(s, { DIGEST_MODEL_SERVER: 'openrouter', DIGEST_MODEL_EXTRA_BODY: '{"provider":{"require_parameters":true}}' }),
    check: (n) => expect(all(n.requests, (r) => JSON.stringify(r.body.provider))).toEqual(['{"require_parameters":true}']),
  },
  {
    name: 'no-usage',
    make: () => noUsage(),
    check: (n) => {
      expect(n.out.usage.entry).toMatchObject({ calls: TOPICS, estimatedCalls: TOPICS });
      expect(n.out.usage.entry!.inputTokens).toBeGreaterThan(TOPICS * 500);
      expect(n.out.usage.frame).toMatchObject({ calls: 1, estimatedCalls: 1 });
      expect(n.out.warnings.filter((w) => w.code === 'model-usage-estimated')).toHaveLength(1);
    },
  },
];

describe('every server writes the whole day', () => {
  it.each(ROWS.map((r) => [r.name, r] as const))(
    '%s: every topic and the frame, right parameters, a second night with no waste',
    async (_name, row) => {
      const s = (running = await startPersonalityServer(row.make()));
      const file = path.join(await tempDir(), 'model-profile.json');
      const env = row.env?.(s) ?? envFor(s);
      const first = await night(s, env, file);
      expectWholeDay(first, TOPICS);
      expect(first.rejected, JSON.stringify(first.rejected)).toEqual([]);
      expect(first.requests).toHaveLength(TOPICS + 1);
      row.check(first);
      if (row.name !== 'no-usage') expect(first.out.usage.entry!.estimatedCalls ?? 0).toBe(0);
      const second = await night(s, env, file);
      expectWholeDay(second, TOPICS);
      expect(second.rejected).toEqual([]);
      expect(second.requests).toHaveLength(TOPICS + 1);
      row.check(second);
    },
  );
});

describe('learning what a server needs, once', () => {
  it('a reasoning model behind an unrevealing name: at most one refused call per parameter the first night, none the second', async () => {
    // An Azure deployment named "digest" runs gpt-5: neither the name nor the URL says it reasons.
    const s = (running = await startPersonalityServer(azureClassic({ deployment: 'digest', underlying: 'gpt-5' })));
    const file = path.join(await tempDir(), 'model-profile.json');
    const env = { AZURE_OPENAI_ENDPOINT: s.origin, AZURE_OPENAI_API_KEY: 'azure-test-key', OPENAI_MODEL: 'digest' };
    const first = await night(s, env, file);
    expectWholeDay(first, TOPICS);
    const reasons = first.rejected.map((r) => r.reason.split(':')[0]);
    expect(new Set(reasons).size).toBe(reasons.length);
    expect(reasons).toEqual(['temperature-unsupported']);
    // The first answer spent the budget on reasoning: asked again with a bigger budget, not "repaired".
    expect(first.requests.length).toBeLessThanOrEqual(TOPICS + 1 + 2);
    expect(first.requests.some((r) => r.repair)).toBe(false);
    expect(first.logs.some((l) => /reasons before answering/.test(l.msg))).toBe(true);

    const second = await night(s, env, file);
    expectWholeDay(second, TOPICS);
    expect(second.rejected).toEqual([]);
    expect(second.requests).toHaveLength(TOPICS + 1);
    expect(all(second.requests, (r) => r.body.temperature)).toEqual([undefined]);
    expect(Math.min(...second.requests.map((r) => Number(r.body.max_completion_tokens)))).toBeGreaterThanOrEqual(8000);
  });

  it('DashScope Qwen3 on an unrecognised URL: enable_thinking learnt from its 400, once', async () => {
    const s = (running = await startPersonalityServer(dashscope({ model: 'qwen3-32b' })));
    const file = path.join(await tempDir(), 'model-profile.json');
    const env = envFor(s, { DIGEST_MODEL_SERVER: 'generic' });
    const first = await night(s, env, file);
    expectWholeDay(first, TOPICS);
    expect(first.rejected.map((r) => r.reason)).toEqual(['enable_thinking-required-false']);
    const second = await night(s, env, file);
    expect(second.rejected).toEqual([]);
    expect(second.requests).toHaveLength(TOPICS + 1);
    expect(all(second.requests, (r) => r.body.enable_thinking)).toEqual([false]);
  });

  it('DeepSeek behind a proxy name: JSON mode learnt from "This response_format type is unavailable now", once', async () => {
    const s = (running = await startPersonalityServer(deepseekChat({ model: 'my-proxy-model' })));
    const file = path.join(await tempDir(), 'model-profile.json');
    const first = await night(s, envFor(s), file);
    expectWholeDay(first, TOPICS);
    expect(first.rejected.map((r) => r.reason)).toEqual(['json_schema-unsupported']);
    const second = await night(s, envFor(s), file);
    expect(second.rejected).toEqual([]);
    expect(all(second.requests, (r) => r.body.response_format?.type)).toEqual(['json_object']);
  });

  it('Gemini refusing the schema in its JSON-array error body: the SDK sees the words, JSON mode takes over, the words are logged', async () => {
    const s = (running = await startPersonalityServer(gemini({ rejectsAdditionalProperties: true })));
    const file = path.join(await tempDir(), 'model-profile.json');
    const first = await night(s, envFor(s), file);
    expectWholeDay(first, TOPICS);
    expect(first.rejected.map((r) => r.reason)).toEqual(['json_schema-additionalProperties']);
    expect(first.requests.slice(1).every((r) => r.body.response_format?.type === 'json_object')).toBe(true);
    const lesson = first.logs.find((l) => /rejects json_schema/.test(l.msg))!;
    expect(String(lesson.obj.serverSaid)).toMatch(/Unknown name "additionalProperties" at 'generation_config.response_schema'/);
  });

  it("Gemini's bad-key 400 (an array body) stops the night with the server's own words", async () => {
    const s = (running = await startPersonalityServer(gemini({ apiKey: 'AIza-right' })));
    const n = await night(s, envFor(s, { OPENAI_API_KEY: 'AIza-wrong' }), path.join(await tempDir(), 'p.json'));
    expect(n.out.entries).toEqual([]);
    expect(n.requests).toHaveLength(1);
    expect(n.out.failedTopics[0]!.reason).toMatch(
      /refused the credentials \(400\): API key not valid\. Please pass a valid API key\.; check OPENAI_API_KEY/,
    );
  });

  it('an unknown extra field is dropped after the server names it, and remembered', async () => {
    const s = (running = await startPersonalityServer(gemini()));
    const file = path.join(await tempDir(), 'model-profile.json');
    const env = envFor(s, { DIGEST_MODEL_EXTRA_BODY: '{"enable_thinking":false}' });
    const first = await night(s, env, file);
    expectWholeDay(first, TOPICS);
    expect(first.rejected.map((r) => r.reason)).toEqual(['unknown-field: enable_thinking']);
    const second = await night(s, env, file);
    expect(second.rejected).toEqual([]);
  });
});

describe('reasoning text and answers', () => {
  it('llama-server without a reasoning parser: <think> with braces and a ```json draft before the JSON still parses, every topic', async () => {
    const s = (running = await startPersonalityServer(
      llamaServer({ reasoningFormat: 'none', model: 'DeepSeek-R1-Distill-Qwen-7B-Q4_K_M.gguf', nCtx: 16_384 }),
    ));
    const n = await night(s, envFor(s), path.join(await tempDir(), 'p.json'));
    expectWholeDay(n, TOPICS);
    expect(n.requests).toHaveLength(TOPICS + 1);
    expect(s.personality.served.every((x) => x.reasoningTokens > 0)).toBe(true);
    // A reasoning model: its budget holds the thinking as well.
    expect(all(entries(n), (r) => r.body.max_tokens)).toEqual([8000]);
  });

  it('reasoning that eats the whole budget is answered with a bigger budget, never a repair', async () => {
    const s = (running = await startPersonalityServer(deepseekReasoner({ reasoningTokens: 9000 })));
    const n = await night(s, envFor(s, { DIGEST_MODEL_SERVER: 'deepseek' }), path.join(await tempDir(), 'p.json'), makeDay(2));
    expectWholeDay(n, 2);
    expect(n.requests.some((r) => r.repair)).toBe(false);
    const budgets = entries(n).map((r) => r.body.max_tokens);
    expect(budgets).toContain(8000);
    expect(budgets).toContain(16_000);
  });
});

describe('context windows', () => {
  const longDay = () => makeChineseDay(4, { articles: 3, chars: 1500 });

  it.each(['new', 'old'] as const)(
    'vLLM %s: the context 400 (which names max_tokens) shrinks the prompt, never switches to max_completion_tokens',
    async (version) => {
      const s = (running = await startPersonalityServer(vllm({ version, maxModelLen: 4096, thinking: false })));
      const file = path.join(await tempDir(), 'model-profile.json');
      const first = await night(s, envFor(s), file, longDay());
      expectWholeDay(first, 4);
      expect(all(first.requests, (r) => r.body.max_completion_tokens)).toEqual([undefined]);
      expect(first.rejected).toHaveLength(1);
      expect(first.rejected[0]!.reason).toMatch(/^(max_tokens-over-context|context-exceeded)/);
      expect(first.out.warnings.some((w) => w.code === 'prompt-shortened')).toBe(true);
      for (const x of s.personality.served) expect(x.promptTokens + (x.budget ?? 0)).toBeLessThanOrEqual(4096);
      const second = await night(s, envFor(s), file, longDay());
      expect(second.rejected).toEqual([]);
      expect(second.requests).toHaveLength(5);
    },
  );

  it('Ollama with DIGEST_MODEL_CONTEXT=4096: entry and frame prompts fit 4096 tokens, nothing is cut', async () => {
    const s = (running = await startPersonalityServer(ollama({ numCtx: 4096 })));
    const n = await night(s, envFor(s, { DIGEST_MODEL_CONTEXT: '4096' }), path.join(await tempDir(), 'p.json'), longDay());
    expectWholeDay(n, 4);
    expect(n.requests).toHaveLength(5);
    expect(s.personality.served.every((x) => x.truncatedTo === undefined)).toBe(true);
    for (const x of s.personality.served) expect(x.promptTokens + (x.budget ?? 0)).toBeLessThanOrEqual(4096);
    // The articles were shortened, not dropped: every entry still quotes its first article's text.
    expect(entries(n).every((r) => /<article id="A1"[^>]*>\ntitle: [^\n]*\ntext:\n/.test(r.text))).toBe(true);
  });

  it("Ollama's silent front cut is detected (prompt_tokens = num_ctx), warned about, and the next night fits from the start", async () => {
    const s = (running = await startPersonalityServer(ollama({ numCtx: 4096 })));
    const file = path.join(await tempDir(), 'model-profile.json');
    const first = await night(s, envFor(s), file, longDay());
    expectWholeDay(first, 4);
    const cut = s.personality.served.filter((x) => x.truncatedTo !== undefined);
    expect(cut).toHaveLength(1);
    expect(first.out.warnings.find((w) => w.code === 'prompt-truncated')!.message).toMatch(/OLLAMA_CONTEXT_LENGTH/);
    expect(first.requests).toHaveLength(5 + 1);
    const before = s.personality.served.length;
    const second = await night(s, envFor(s), file, longDay());
    expectWholeDay(second, 4);
    expect(second.requests).toHaveLength(5);
    expect(s.personality.served.slice(before).every((x) => x.truncatedTo === undefined)).toBe(true);
  });

  it('llama-server -c 4096: the overflow 400 teaches the window; the rest fits without another refusal', async () => {
    const s = (running = await startPersonalityServer(
      llamaServer({ model: 'llama-3.1-8b-instruct-q4.gguf', nCtx: 4096, thinking: false }),
    ));
    const n = await night(s, envFor(s), path.join(await tempDir(), 'p.json'), makeChineseDay(4, { articles: 3, chars: 2500 }));
    expectWholeDay(n, 4);
    expect(n.rejected).toHaveLength(1);
    expect(n.rejected[0]!.reason).toMatch(/^context-exceeded/);
  });
});

describe('prompt front matter', () => {
  it("extra_body of a prompt is sent with its calls only, over the environment's", async () => {
    const s = (running = await startPersonalityServer(vllm({ version: 'new' })));
    const custom: PromptSet = {
      ...prompts,
      entry: { ...prompts.entry, extraBody: { top_k: 20, chat_template_kwargs: { enable_thinking: false, note: 'entry' } } },
    };
    const n = await night(
      s,
      envFor(s, { DIGEST_MODEL_EXTRA_BODY: '{"top_k":40,"repetition_penalty":1.05}' }),
      path.join(await tempDir(), 'p.json'),
      makeDay(2),
      { prompts: custom },
    );
    expectWholeDay(n, 2);
    expect(all(entries(n), (r) => r.body.top_k)).toEqual([20]);
    expect(all(frames(n), (r) => r.body.top_k)).toEqual([40]);
    expect(all(n.requests, (r) => r.body.repetition_penalty)).toEqual([1.05]);
    expect(all(entries(n), (r) => (r.body.chat_template_kwargs as { note?: string }).note)).toEqual(['entry']);
  });
});
