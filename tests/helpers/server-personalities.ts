// How real OpenAI-compatible servers answer, as test servers. A personality is a function from a request (path,
// query, headers, body) to the reply the real server gives; the test supplies a "content answerer" that decides
// what the model writes (the JSON entry or frame), and the personality decides how the server wraps it: which
// parameters it rejects and with which status and body, where hidden reasoning goes and how it eats the output
// budget, how it enforces its context window, whether it reports usage. Every rejection is recorded with its
// reason, every answer with its token accounting, so a test can assert what the server did and why.
//
// Sources and what is documented vs inferred: /work/notes/model-servers.md. Each behaviour below carries a tag:
// [doc] documented by the vendor or seen verbatim in public reports/source, [inf] inferred (the shape is known, the
// exact wording or the trigger is our best reading). Token counts use estimateTokens() (CJK characters ≈ one token
// each, other text ≈ 4 characters a token), which is close enough to a real tokenizer for budget arithmetic.

import { isCjk } from '../../src/model/estimate-tokens.js';
import { startFakeOpenAi, goodEntry, goodFrame, type FakeOpenAi, type FakeReply, type FakeRequest } from './fake-openai-server.js';

// ── Types ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** What the model writes, before the server wraps it. */
export type ContentAnswer = { json: unknown } | { content: string };
/** The test's model: sees the request as the model would (after any server-side truncation). */
export type ContentAnswerer = (req: FakeRequest) => ContentAnswer;

export interface Rejection {
  /** FakeRequest.index of the rejected request. */
  index: number;
  status: number;
  /** Why, in our words (a stable key first, e.g. `max_tokens-unsupported: ...`). */
  reason: string;
  /** The body sent, verbatim. */
  body: string;
}

export interface Served {
  index: number;
  model: string;
  promptTokens: number;
  reasoningTokens: number;
  /** Visible answer tokens (after any cut). */
  contentTokens: number;
  finishReason: string;
  /** The output budget the server applied (undefined: none). */
  budget: number | undefined;
  /** Parameters the server accepted but ignored, e.g. `max_completion_tokens` on Ollama. */
  ignored: string[];
  /** Set when the server silently truncated the prompt (Ollama): the prompt tokens it kept. */
  truncatedTo?: number;
}

export interface Personality {
  readonly name: string;
  readonly label: string;
  /** The path the SDK's baseURL ends with: `/v1`, `/v1beta/openai`, `/compatible-mode/v1`, `''` (DeepSeek). */
  readonly basePath: string;
  /** The model (or deployment) name a test should send. */
  readonly model: string;
  readonly rejected: Rejection[];
  readonly served: Served[];
  reply(req: FakeRequest, answer: ContentAnswerer): FakeReply;
}

/** Options every personality takes. */
export interface CommonOptions {
  /** When set, requests must carry this key (the way the real server expects it) or get its auth error. */
  apiKey?: string;
  /** The first N requests get the server's real 429. */
  rateLimitFirst?: number;
  model?: string;
}

// ── Shared machinery ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * The server's tokenizer stand-in: one token per CJK character, one per 4 other characters. Deliberately not the
 * program's own estimate (3.6 characters a token), as a real server's tokenizer is not either.
 */
export function estimateTokens(text: string): number {
  let cjk = 0;
  let other = 0;
  for (const ch of text) {
    if (isCjk(ch.codePointAt(0)!)) cjk++;
    else other++;
  }
  return cjk + Math.ceil(other / 4);
}

/** The longest prefix of `text` that costs at most `tokens`. */
export function truncateToTokens(text: string, tokens: number): string {
  if (tokens <= 0) return '';
  let cost = 0;
  let i = 0;
  for (const ch of text) {
    cost += isCjk(ch.codePointAt(0)!) ? 1 : 0.25;
    if (Math.ceil(cost) > tokens) break;
    i += ch.length;
  }
  return text.slice(0, i);
}

/** The longest suffix of `text` that costs at most `tokens`. */
export function tailOfTokens(text: string, tokens: number): string {
  if (tokens <= 0) return '';
  const chars = [...text];
  let cost = 0;
  let n = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    cost += isCjk(chars[i]!.codePointAt(0)!) ? 1 : 0.25;
    if (Math.ceil(cost) > tokens) break;
    n++;
  }
  return chars.slice(chars.length - n).join('');
}

/** Prompt tokens as a chat template makes them: the contents plus ~4 tokens of framing per message. */
export function promptTokensOf(req: FakeRequest): number {
  const messages = Array.isArray(req.body.messages) ? req.body.messages : [];
  return messages.reduce((n, m) => n + estimateTokens(typeof m?.content === 'string' ? m.content : '') + 4, 3);
}

// Reasoning text that trips naive JSON extraction: braces, a fenced draft, a half object.
const THINKING =
  'The user wants exactly one JSON object. Draft first: ```json\n{"title": "draft", "sourceIds": ["A1"]}\n``` ' +
  'No, {that draft} misses fields; the schema says {"type":"object","required":[...]}. Check ids again, then answer. ';

/** Deterministic reasoning text of about `tokens` tokens. */
export function thinkingText(tokens: number): string {
  if (tokens <= 0) return '';
  let s = '';
  while (estimateTokens(s) < tokens) s += THINKING;
  return truncateToTokens(s, tokens);
}

interface Generation {
  reasoning: string;
  reasoningTokens: number;
  /** null when the budget ran out during reasoning (the caller decides between '' and null). */
  content: string | null;
  contentTokens: number;
  finish: 'stop' | 'length';
}

/**
 * A server with no reasoning parser: the raw <think> block leads the content and is paid from the same budget (the
 * budget is a number here: both servers that do this always send one).
 */
function generateThinkInContent(answerText: string, thinkingTokens: number, budget: number): Generation {
  const cut = generate(`<think>\n${thinkingText(thinkingTokens)}\n</think>\n\n${answerText}`, 0, budget);
  const spent = Math.min(thinkingTokens, budget);
  return { ...cut, reasoningTokens: spent, contentTokens: Math.max(0, cut.contentTokens - spent) };
}

/** Reasoning comes first and is paid from the same budget as the answer. */
function generate(answerText: string, reasoningTokens: number, budget: number | undefined): Generation {
  if (reasoningTokens > 0 && budget !== undefined && budget <= reasoningTokens) {
    return { reasoning: thinkingText(budget), reasoningTokens: budget, content: null, contentTokens: 0, finish: 'length' };
  }
  const room = budget === undefined ? Number.POSITIVE_INFINITY : budget - reasoningTokens;
  const answerTokens = estimateTokens(answerText);
  if (answerTokens > room) {
    const cut = truncateToTokens(answerText, room);
    return {
      reasoning: thinkingText(reasoningTokens),
      reasoningTokens,
      content: cut,
      contentTokens: estimateTokens(cut),
      finish: 'length',
    };
  }
  return { reasoning: thinkingText(reasoningTokens), reasoningTokens, content: answerText, contentTokens: answerTokens, finish: 'stop' };
}

const answerText = (a: ContentAnswer) => ('json' in a ? JSON.stringify(a.json) : a.content);

/** The default model: valid entries and frames built from the ids in the prompt. */
export const defaultAnswerer: ContentAnswerer = (req) => {
  if (req.kind === 'entry') return { json: goodEntry(req.text) };
  if (req.kind === 'frame') return { json: goodFrame(req.text) };
  return { json: { ok: true, note: null } };
};

const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}): FakeReply => ({
  response: {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  },
});

const bearer = (req: FakeRequest) => /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
const pathname = (req: FakeRequest) => req.path.split('?')[0]!;
const query = (req: FakeRequest) => new URLSearchParams(req.path.split('?')[1] ?? '');
const mask = (key: string) => (key.length > 8 ? `${key.slice(0, 3)}***${key.slice(-4)}` : `${key.slice(0, 1)}***`);
const hasJsonWord = (req: FakeRequest) => /json/i.test(req.text);

/** The shared core: records rejections and answers, counts requests for rate limiting. */
class Base {
  readonly rejected: Rejection[] = [];
  readonly served: Served[] = [];
  seen = 0;

  reject(req: FakeRequest, status: number, reason: string, body: unknown, headers: Record<string, string> = {}): FakeReply {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    this.rejected.push({ index: req.index, status, reason, body: text });
    return jsonResponse(status, text, headers);
  }

  /** A rejection whose body is not JSON-typed as such (blank lines, plain text): sent with the given content-type. */
  rejectRaw(req: FakeRequest, status: number, reason: string, body: string, headers: Record<string, string>): FakeReply {
    this.rejected.push({ index: req.index, status, reason, body });
    return { response: { status, headers, body } };
  }

  serve(record: Served, body: unknown, prefix = ''): FakeReply {
    this.served.push(record);
    return jsonResponse(200, prefix + JSON.stringify(body));
  }

  /** True for the first `n` requests (counted across all of them). */
  rateLimited(n: number | undefined): boolean {
    this.seen++;
    return n !== undefined && this.seen <= n;
  }
}

function completionBody(
  req: FakeRequest,
  model: string,
  message: Record<string, unknown>,
  finish: string,
  usage: unknown,
  extra: Record<string, unknown> = {},
) {
  return {
    id: `chatcmpl-${req.index}`,
    object: 'chat.completion',
    created: 1_765_000_000,
    model,
    choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finish, logprobs: null }],
    ...(usage === undefined ? {} : { usage }),
    ...extra,
  };
}

const responseFormatType = (req: FakeRequest) => req.body.response_format?.type;
const schemaOf = (req: FakeRequest) => req.body.response_format?.json_schema?.schema as Record<string, unknown> | undefined;

// ── OpenAI (api.openai.com/v1) ─────────────────────────────────────────────────────────────────────────────────

const openAiErr = (message: string, type: string, param: string | null, code: string | null) => ({ error: { message, type, param, code } });

// [doc] x-ratelimit-* headers; [inf] no Retry-After on 429 (the wait is in the message and x-ratelimit-reset-*).
const OPENAI_RATE_HEADERS = {
  'x-ratelimit-limit-requests': '500',
  'x-ratelimit-limit-tokens': '30000',
  'x-ratelimit-remaining-requests': '499',
  'x-ratelimit-remaining-tokens': '0',
  'x-ratelimit-reset-requests': '120ms',
  'x-ratelimit-reset-tokens': '1.5s',
};

interface OpenAiModelSpec {
  context: number;
  maxOutput: number;
  reasoning: boolean;
  efforts?: string[];
}

const OPENAI_MODELS: Record<string, OpenAiModelSpec> = {
  'gpt-4.1': { context: 1_047_576, maxOutput: 32_768, reasoning: false },
  'gpt-4.1-mini': { context: 1_047_576, maxOutput: 32_768, reasoning: false },
  'gpt-4.1-nano': { context: 1_047_576, maxOutput: 32_768, reasoning: false },
  'gpt-4o': { context: 128_000, maxOutput: 16_384, reasoning: false },
  'gpt-4o-mini': { context: 128_000, maxOutput: 16_384, reasoning: false },
  'gpt-5': { context: 400_000, maxOutput: 128_000, reasoning: true, efforts: ['minimal', 'low', 'medium', 'high'] },
  'gpt-5-mini': { context: 400_000, maxOutput: 128_000, reasoning: true, efforts: ['minimal', 'low', 'medium', 'high'] },
  'gpt-5-nano': { context: 400_000, maxOutput: 128_000, reasoning: true, efforts: ['minimal', 'low', 'medium', 'high'] },
  o3: { context: 200_000, maxOutput: 100_000, reasoning: true, efforts: ['low', 'medium', 'high'] },
  'o4-mini': { context: 200_000, maxOutput: 100_000, reasoning: true, efforts: ['low', 'medium', 'high'] },
};

/** Hidden reasoning tokens per effort (our assumption of a typical digest entry; real counts vary per prompt). */
export const OPENAI_REASONING_TOKENS: Record<string, number> = { none: 0, minimal: 64, low: 1000, medium: 2500, high: 6000 };

export interface OpenAiOptions extends CommonOptions {
  /** Override the reasoning tokens per effort. */
  reasoningTokens?: Partial<Record<string, number>>;
}

/** The OpenAI Chat Completions rules, shared by OpenAI, Azure and (for OpenAI models) OpenRouter. */
function openAiRules(
  base: Base,
  req: FakeRequest,
  answer: ContentAnswerer,
  model: string,
  spec: OpenAiModelSpec,
  opts: OpenAiOptions,
): FakeReply {
  const b = req.body;
  if (spec.reasoning) {
    // [doc] exact body, e.g. github.com/griptape-ai/ComfyUI-Griptape/issues/312 (gpt-5), #8065 vscode-copilot-release.
    if (b.max_tokens !== undefined) {
      return base.reject(
        req,
        400,
        'max_tokens-unsupported',
        openAiErr(
          "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
          'invalid_request_error',
          'max_tokens',
          'unsupported_parameter',
        ),
      );
    }
    // [doc] github.com/diffbot/code-gpt-docs/issues/445, chatboxai/chatbox#2564: only the default (1) is accepted.
    if (b.temperature !== undefined && b.temperature !== 1) {
      return base.reject(
        req,
        400,
        `temperature-unsupported: ${b.temperature}`,
        openAiErr(
          `Unsupported value: 'temperature' does not support ${b.temperature} with this model. Only the default (1) value is supported.`,
          'invalid_request_error',
          'temperature',
          'unsupported_value',
        ),
      );
    }
    const effort = b.reasoning_effort;
    if (effort !== undefined && !spec.efforts!.includes(String(effort))) {
      // [inf] wording modelled on the temperature error.
      const list = spec.efforts!.map((e) => `'${e}'`);
      return base.reject(
        req,
        400,
        `reasoning_effort-unsupported: ${String(effort)}`,
        openAiErr(
          `Unsupported value: 'reasoning_effort' does not support '${String(effort)}' with this model. Supported values are: ${list.slice(0, -1).join(', ')}, and ${list.at(-1)}.`,
          'invalid_request_error',
          'reasoning_effort',
          'unsupported_value',
        ),
      );
    }
  }
  const budgetParam =
    b.max_completion_tokens !== undefined ? 'max_completion_tokens' : b.max_tokens !== undefined ? 'max_tokens' : undefined;
  const budget = budgetParam ? Number(b[budgetParam]) : undefined;
  if (budgetParam && budget! > spec.maxOutput) {
    // [doc] wording quoted in public error catalogues ("This model supports at most 16384 completion tokens").
    return base.reject(
      req,
      400,
      `${budgetParam}-too-large: ${budget}`,
      openAiErr(
        `${budgetParam} is too large: ${budget}. This model supports at most ${spec.maxOutput} completion tokens, whereas you provided ${budget}.`,
        'invalid_request_error',
        budgetParam,
        'invalid_value',
      ),
    );
  }
  const rf = responseFormatType(req);
  if (rf === 'json_object' && !hasJsonWord(req)) {
    // [doc] OpenAI's JSON-mode rule; wording as widely reported.
    return base.reject(
      req,
      400,
      'json_object-needs-json-word',
      openAiErr(
        "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
        'invalid_request_error',
        'messages',
        null,
      ),
    );
  }
  if (rf === 'json_schema' && req.body.response_format?.json_schema?.strict) {
    const schema = schemaOf(req);
    if (schema?.type === 'object' && schema.additionalProperties !== false) {
      // [inf] strict mode demands additionalProperties: false on every object.
      return base.reject(
        req,
        400,
        'json_schema-not-strict',
        openAiErr(
          `Invalid schema for response_format '${req.body.response_format!.json_schema!.name}': In context=(), 'additionalProperties' is required to be supplied and to be false.`,
          'invalid_request_error',
          'response_format',
          null,
        ),
      );
    }
  }
  const promptTokens = promptTokensOf(req);
  if (promptTokens > spec.context) {
    // [doc] classic wording with code context_length_exceeded.
    return base.reject(
      req,
      400,
      `context-exceeded: ${promptTokens} > ${spec.context}`,
      openAiErr(
        `This model's maximum context length is ${spec.context} tokens. However, your messages resulted in ${promptTokens} tokens. Please reduce the length of the messages.`,
        'invalid_request_error',
        'messages',
        'context_length_exceeded',
      ),
    );
  }
  const effort = String(b.reasoning_effort ?? 'medium');
  const reasoningTokens = spec.reasoning ? (opts.reasoningTokens?.[effort] ?? OPENAI_REASONING_TOKENS[effort] ?? 0) : 0;
  const g = generate(answerText(answer(req)), reasoningTokens, budget);
  const completionTokens = g.reasoningTokens + g.contentTokens;
  // [doc] an exhausted reasoning budget gives content '' (not null) and finish_reason length
  // (community.openai.com/t/o1-mini-model-output-with-finish-reason-of-length/1014258).
  return base.serve(
    {
      index: req.index,
      model,
      promptTokens,
      reasoningTokens: g.reasoningTokens,
      contentTokens: g.contentTokens,
      finishReason: g.finish,
      budget,
      ignored: [],
    },
    completionBody(
      req,
      `${model}-2025-08-07`,
      { content: g.content ?? '', refusal: null, annotations: [] },
      g.finish,
      {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: {
          reasoning_tokens: g.reasoningTokens,
          audio_tokens: 0,
          accepted_prediction_tokens: 0,
          rejected_prediction_tokens: 0,
        },
      },
      { service_tier: 'default', system_fingerprint: spec.reasoning ? null : 'fp_b3f1157249' },
    ),
  );
}

function openAiAuthAndLimits(base: Base, req: FakeRequest, opts: CommonOptions, model: string): FakeReply | undefined {
  const key = bearer(req);
  if (opts.apiKey !== undefined && key !== opts.apiKey) {
    // [doc] 401 invalid_api_key; the key is masked in the message.
    return base.reject(
      req,
      401,
      'auth',
      openAiErr(
        `Incorrect API key provided: ${mask(key ?? '')}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        'invalid_request_error',
        null,
        'invalid_api_key',
      ),
    );
  }
  if (base.rateLimited(opts.rateLimitFirst)) {
    // [doc] github.com/continuedev/continue/issues/10502 (gpt-4.1): type tokens, code rate_limit_exceeded.
    return base.reject(
      req,
      429,
      'rate-limit',
      openAiErr(
        `Rate limit reached for ${model} in organization org-test on tokens per min (TPM): Limit 30000, Used 28039, Requested 3906. Please try again in 3.89s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
        'tokens',
        null,
        'rate_limit_exceeded',
      ),
      OPENAI_RATE_HEADERS,
    );
  }
  return undefined;
}

function openAi(name: string, label: string, defaultModel: string, opts: OpenAiOptions): Personality {
  const base = new Base();
  const model = opts.model ?? defaultModel;
  return {
    name,
    label,
    basePath: '/v1',
    model,
    rejected: base.rejected,
    served: base.served,
    reply(req, answer) {
      if (req.method !== 'POST' || pathname(req) !== '/v1/chat/completions')
        return base.reject(
          req,
          404,
          `unknown-path: ${req.path}`,
          openAiErr(`Invalid URL (${req.method} ${pathname(req)})`, 'invalid_request_error', null, null),
        );
      const early = openAiAuthAndLimits(base, req, opts, String(req.body.model));
      if (early) return early;
      const spec = OPENAI_MODELS[String(req.body.model)];
      if (!spec)
        return base.reject(
          req,
          404,
          `unknown-model: ${String(req.body.model)}`,
          openAiErr(
            `The model \`${String(req.body.model)}\` does not exist or you do not have access to it.`,
            'invalid_request_error',
            null,
            'model_not_found',
          ),
        );
      return openAiRules(base, req, answer, String(req.body.model), spec, opts);
    },
  };
}

/** OpenAI gpt-4.1: the server the program was built against. */
export const openAiGpt41 = (opts: OpenAiOptions = {}) => openAi('openai-gpt-4.1', 'OpenAI gpt-4.1 (non-reasoning)', 'gpt-4.1', opts);
/** OpenAI reasoning models (gpt-5 family, o3, o4-mini): max_completion_tokens only, temperature 1 only, hidden reasoning. */
export const openAiReasoning = (opts: OpenAiOptions = {}) =>
  openAi(`openai-${opts.model ?? 'gpt-5'}`, `OpenAI ${opts.model ?? 'gpt-5'} (reasoning)`, 'gpt-5', opts);

// ── DeepSeek (api.deepseek.com) ─────────────────────────────────────────────────────────────────────────────────

export interface DeepSeekOptions extends CommonOptions {
  /** Hidden chain-of-thought tokens of deepseek-reasoner before the answer. */
  reasoningTokens?: number;
  /** [doc] a non-streaming request may be answered with blank lines first while it waits. */
  keepAliveLines?: number;
}

const deepseekErr = (message: string, type = 'invalid_request_error') => ({
  error: { message, type, param: null, code: 'invalid_request_error' },
});

function deepseek(variant: 'chat' | 'reasoner', opts: DeepSeekOptions): Personality {
  const base = new Base();
  const model = opts.model ?? `deepseek-${variant}`;
  const maxOut = variant === 'chat' ? 8192 : 65_536; // [doc] V3.2: chat default 4K max 8K; reasoner default 32K max 64K
  const defaultOut = variant === 'chat' ? 4096 : 32_768;
  const context = 131_072; // [doc] 128K (V3.2)
  return {
    name: `deepseek-${variant}`,
    label: `DeepSeek ${model}`,
    basePath: '',
    model,
    rejected: base.rejected,
    served: base.served,
    reply(req, answer) {
      const p = pathname(req);
      if (req.method !== 'POST' || (p !== '/chat/completions' && p !== '/v1/chat/completions'))
        return base.reject(req, 404, `unknown-path: ${req.path}`, 'Not Found');
      if (opts.apiKey !== undefined && bearer(req) !== opts.apiKey) {
        // [inf] 401 "Authentication Fails" (the error-code page names it; body shape as the others).
        return base.reject(
          req,
          401,
          'auth',
          deepseekErr(`Authentication Fails, Your api key: ${mask(bearer(req) ?? '')} is invalid`, 'authentication_error'),
        );
      }
      if (base.rateLimited(opts.rateLimitFirst)) {
        // [doc] 429 "Rate Limit Reached" exists on the error-code page; DeepSeek says it does not rate-limit per se. [inf] body.
        return base.reject(req, 429, 'rate-limit', deepseekErr('Rate Limit Reached', 'rate_limit_error'));
      }
      const b = req.body;
      const ignored: string[] = [];
      if (variant === 'reasoner') {
        // [doc] temperature/top_p/presence/frequency are accepted and have no effect; logprobs is an error.
        for (const k of ['temperature', 'top_p', 'presence_penalty', 'frequency_penalty']) if (b[k] !== undefined) ignored.push(k);
        if (b.logprobs !== undefined || b.top_logprobs !== undefined)
          return base.reject(req, 400, 'logprobs-unsupported', deepseekErr('logprobs is not supported by deepseek-reasoner'));
      }
      if (b.max_completion_tokens !== undefined) ignored.push('max_completion_tokens'); // [inf] not in DeepSeek's parameter list
      const budget = b.max_tokens !== undefined ? Number(b.max_tokens) : defaultOut;
      if (budget < 1 || budget > maxOut) {
        // [inf] wording.
        return base.reject(
          req,
          400,
          `max_tokens-range: ${budget}`,
          deepseekErr(`Invalid max_tokens value, the valid range of max_tokens is [1, ${maxOut}]`),
        );
      }
      const rf = responseFormatType(req);
      if (rf === 'json_schema') {
        // [doc] github.com/llm-exe/llm-exe/issues/662 (2026-07), khoj-ai/khoj#1336: only text and json_object.
        return base.reject(req, 400, 'json_schema-unsupported', deepseekErr('This response_format type is unavailable now'));
      }
      if (rf === 'json_object' && !hasJsonWord(req)) {
        // [doc] the JSON-output guide requires the word "json" in the prompt; wording quoted in browserbase/stagehand#1204.
        return base.reject(
          req,
          400,
          'json_object-needs-json-word',
          deepseekErr("Prompt must contain the word 'json' in some form to use 'response_format' of type 'json_object'"),
        );
      }
      const promptTokens = promptTokensOf(req);
      if (promptTokens + budget > context) {
        // [inf] the classic OpenAI-era wording DeepSeek copied.
        return base.reject(
          req,
          400,
          `context-exceeded: ${promptTokens}+${budget} > ${context}`,
          deepseekErr(
            `This model's maximum context length is ${context} tokens. However, you requested ${promptTokens + budget} tokens (${promptTokens} in the messages, ${budget} in the completion). Please reduce the length of the messages or completion.`,
          ),
        );
      }
      const reasoningTokens = variant === 'reasoner' ? (opts.reasoningTokens ?? 1500) : 0;
      const g = generate(answerText(answer(req)), reasoningTokens, budget);
      const completionTokens = g.reasoningTokens + g.contentTokens;
      const message: Record<string, unknown> = { content: g.content ?? '' };
      if (variant === 'reasoner') message.reasoning_content = g.reasoning; // [doc] reasoning_content beside content
      const usage: Record<string, unknown> = {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
        prompt_tokens_details: { cached_tokens: 0 },
        prompt_cache_hit_tokens: 0,
        prompt_cache_miss_tokens: promptTokens,
      };
      if (variant === 'reasoner') usage.completion_tokens_details = { reasoning_tokens: g.reasoningTokens };
      return base.serve(
        {
          index: req.index,
          model,
          promptTokens,
          reasoningTokens: g.reasoningTokens,
          contentTokens: g.contentTokens,
          finishReason: g.finish,
          budget,
          ignored,
        },
        completionBody(req, model, message, g.finish, usage, { system_fingerprint: 'fp_ffc7281d48_prod0820_fp8_kvcache' }),
        '\n'.repeat(opts.keepAliveLines ?? 2),
      );
    },
  };
}

export const deepseekChat = (opts: DeepSeekOptions = {}) => deepseek('chat', opts);
export const deepseekReasoner = (opts: DeepSeekOptions = {}) => deepseek('reasoner', opts);

// ── Gemini OpenAI compatibility (generativelanguage.googleapis.com/v1beta/openai) ──────────────────────────────

export interface GeminiOptions extends CommonOptions {
  /** Dynamic thinking tokens when no reasoning_effort is given. */
  thinkingTokens?: number;
  /** [doc 2025-05] the `$schema` key zodResponseFormat emits is refused; current status unverified. Default true. */
  rejectsDollarSchema?: boolean;
  /**
   * [doc 2026-01, native SDK: ag2ai/ag2#2348] the older responseSchema refused `additionalProperties`, which every
   * strict json_schema carries. Default false (the newer response_json_schema takes it).
   */
  rejectsAdditionalProperties?: boolean;
}

// [doc] errors come as a JSON ARRAY of Google error objects (github.com/SuzumiyaAkizuki/ComfyUI-NewBie-LLM-Formatter/issues/3).
const googleErr = (code: number, status: string, message: string, details: unknown[] = []) => [
  { error: { code, message, status, ...(details.length ? { details } : {}) } },
];

const GEMINI_FIELDS = new Set([
  'model',
  'messages',
  'temperature',
  'top_p',
  'n',
  'stream',
  'stream_options',
  'stop',
  'max_tokens',
  'max_completion_tokens',
  'response_format',
  'tools',
  'tool_choice',
  'reasoning_effort',
  'seed',
  'presence_penalty',
  'frequency_penalty',
  'extra_body',
  'logprobs',
  'top_logprobs',
  'parallel_tool_calls',
  'modalities',
  'audio',
  'user',
  'web_search_options',
]);

export function gemini(opts: GeminiOptions = {}): Personality {
  const base = new Base();
  const model = opts.model ?? 'gemini-2.5-flash';
  const pro = model.includes('pro');
  const lite = model.includes('lite');
  const defaultThinking = opts.thinkingTokens ?? (lite ? 0 : pro ? 2500 : 1200); // [doc] Flash-Lite thinks only when asked
  const context = 1_048_576;
  return {
    name: `gemini-${model.replace(/^gemini-/, '')}`,
    label: `Gemini ${model} (OpenAI compatibility)`,
    basePath: '/v1beta/openai',
    model,
    rejected: base.rejected,
    served: base.served,
    reply(req, answer) {
      if (req.method !== 'POST' || pathname(req) !== '/v1beta/openai/chat/completions')
        return base.reject(req, 404, `unknown-path: ${req.path}`, googleErr(404, 'NOT_FOUND', 'Requested entity was not found.'));
      if (opts.apiKey !== undefined && bearer(req) !== opts.apiKey) {
        // [inf] an invalid key is a 400 INVALID_ARGUMENT (API_KEY_INVALID), widely reported; not re-verified here.
        return base.reject(
          req,
          400,
          'auth',
          googleErr(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
            { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' },
          ]),
        );
      }
      if (base.rateLimited(opts.rateLimitFirst)) {
        // [inf] RESOURCE_EXHAUSTED with a RetryInfo detail; no Retry-After header.
        return base.reject(
          req,
          429,
          'rate-limit',
          googleErr(
            429,
            'RESOURCE_EXHAUSTED',
            'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.',
            [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '17s' }],
          ),
        );
      }
      const b = req.body;
      const unknown = Object.keys(b).filter((k) => !GEMINI_FIELDS.has(k));
      if (unknown.length) {
        // [doc] 'Invalid JSON payload received. Unknown name "reasoning": Cannot find field.'
        const msg = unknown.map((k) => `Invalid JSON payload received. Unknown name "${k}": Cannot find field.`).join('\n');
        return base.reject(
          req,
          400,
          `unknown-field: ${unknown.join(',')}`,
          googleErr(400, 'INVALID_ARGUMENT', msg, [
            {
              '@type': 'type.googleapis.com/google.rpc.BadRequest',
              fieldViolations: unknown.map((k) => ({
                description: `Invalid JSON payload received. Unknown name "${k}": Cannot find field.`,
              })),
            },
          ]),
        );
      }
      if (responseFormatType(req) === 'json_schema' && (opts.rejectsDollarSchema ?? true) && schemaOf(req) && '$schema' in schemaOf(req)!) {
        // [doc 2025-05] github.com/QuantumNous/new-api/pull/1037.
        return base.reject(
          req,
          400,
          'json_schema-$schema',
          googleErr(
            400,
            'INVALID_ARGUMENT',
            `Invalid JSON payload received. Unknown name "$schema" at 'generation_config.response_schema': Cannot find field.`,
          ),
        );
      }
      if (
        responseFormatType(req) === 'json_schema' &&
        opts.rejectsAdditionalProperties &&
        JSON.stringify(schemaOf(req) ?? {}).includes('"additionalProperties"')
      ) {
        return base.reject(
          req,
          400,
          'json_schema-additionalProperties',
          googleErr(
            400,
            'INVALID_ARGUMENT',
            `Invalid JSON payload received. Unknown name "additionalProperties" at 'generation_config.response_schema': Cannot find field.`,
            [
              {
                '@type': 'type.googleapis.com/google.rpc.BadRequest',
                fieldViolations: [
                  {
                    field: 'generation_config.response_schema',
                    description:
                      'Invalid JSON payload received. Unknown name "additionalProperties" at \'generation_config.response_schema\': Cannot find field.',
                  },
                ],
              },
            ],
          ),
        );
      }
      const effort = b.reasoning_effort === undefined ? undefined : String(b.reasoning_effort);
      if (effort === 'none' && pro) {
        // [inf] 2.5 Pro cannot turn thinking off; wording of the native API's thinking_budget 0 error.
        return base.reject(
          req,
          400,
          'thinking-off-unsupported',
          googleErr(400, 'INVALID_ARGUMENT', 'Budget 0 is invalid. This model only works in thinking mode.'),
        );
      }
      // [doc] reasoning_effort maps to a thinking budget: low 1024, medium 8192, high 24576, none 0 (not Pro).
      const cap =
        effort === undefined
          ? Number.POSITIVE_INFINITY
          : (({ none: 0, minimal: 1024, low: 1024, medium: 8192, high: 24_576 } as Record<string, number>)[effort] ??
            Number.POSITIVE_INFINITY);
      let thinking = defaultThinking;
      if (effort === 'high') thinking = Math.max(defaultThinking, 4000);
      else if (effort !== undefined && effort !== 'none' && lite) thinking = 1024; // Flash-Lite thinks only when asked
      thinking = Math.min(thinking, cap);
      const promptTokens = promptTokensOf(req);
      if (promptTokens > context) {
        return base.reject(
          req,
          400,
          `context-exceeded: ${promptTokens}`,
          googleErr(
            400,
            'INVALID_ARGUMENT',
            `The input token count (${promptTokens}) exceeds the maximum number of tokens allowed (${context}).`,
          ),
        );
      }
      // [doc] max_tokens and max_completion_tokens both become maxOutputTokens, which thinking tokens count against.
      const budget =
        b.max_completion_tokens !== undefined
          ? Number(b.max_completion_tokens)
          : b.max_tokens !== undefined
            ? Number(b.max_tokens)
            : undefined;
      const g = generate(answerText(answer(req)), thinking, budget);
      const includeThoughts =
        (b.extra_body as { google?: { thinking_config?: { include_thoughts?: boolean } } } | undefined)?.google?.thinking_config
          ?.include_thoughts === true;
      // [inf] content is null when the budget ran out while thinking; thoughts appear only when asked for, in <thought> tags.
      const content =
        g.content === null ? null : includeThoughts && g.reasoning ? `<thought>${g.reasoning}</thought>${g.content}` : g.content;
      // [inf] completion_tokens counts the visible answer only; total_tokens includes the thoughts.
      return base.serve(
        {
          index: req.index,
          model,
          promptTokens,
          reasoningTokens: g.reasoningTokens,
          contentTokens: g.contentTokens,
          finishReason: g.finish,
          budget,
          ignored: [],
        },
        completionBody(req, model, { content }, g.finish, {
          prompt_tokens: promptTokens,
          completion_tokens: g.contentTokens,
          total_tokens: promptTokens + g.contentTokens + g.reasoningTokens,
        }),
      );
    },
  };
}

// ── vLLM (vllm serve, /v1) ──────────────────────────────────────────────────────────────────────────────────────

export interface VllmOptions extends CommonOptions {
  /** `new` (≥ 0.10.1: nested error, current wording, `reasoning` field) or `old` (< 0.10.1: flat error, `reasoning_content`). */
  version: 'new' | 'old';
  maxModelLen?: number;
  /** Qwen3-style thinking before the answer (default true), switched off by chat_template_kwargs.enable_thinking=false. */
  thinking?: boolean;
  thinkingTokens?: number;
  /** Started with --reasoning-parser (default true); without it the <think> block stays in content. */
  reasoningParser?: boolean;
}

export function vllm(opts: VllmOptions): Personality {
  const base = new Base();
  const model = opts.model ?? 'Qwen/Qwen3-8B';
  const maxLen = opts.maxModelLen ?? 32_768;
  const old = opts.version === 'old';
  // [doc] vLLM ≥ 0.10.1 (PR #22099) nests the error; before it the body is flat with object "error".
  const err = (message: string, type = 'BadRequestError', code = 400) =>
    old ? { object: 'error', message, type, param: null, code } : { error: { message, type, param: null, code } };
  return {
    name: `vllm-${opts.version}`,
    label: `vLLM ${old ? '< 0.10.1' : '≥ 0.10.1'} serving ${model}`,
    basePath: '/v1',
    model,
    rejected: base.rejected,
    served: base.served,
    reply(req, answer) {
      if (req.method !== 'POST' || pathname(req) !== '/v1/chat/completions')
        return base.reject(req, 404, `unknown-path: ${req.path}`, { detail: 'Not Found' });
      if (opts.apiKey !== undefined && bearer(req) !== opts.apiKey) return base.reject(req, 401, 'auth', { error: 'Unauthorized' }); // [inf] --api-key middleware
      if (base.rateLimited(opts.rateLimitFirst))
        return base.reject(req, 429, 'rate-limit', err('Too many requests', 'TooManyRequestsError', 429)); // [inf] vLLM has no limiter; a proxy would
      const b = req.body;
      if (b.model !== model)
        return base.reject(
          req,
          404,
          `unknown-model: ${String(b.model)}`,
          err(`The model \`${String(b.model)}\` does not exist.`, 'NotFoundError', 404),
        );
      const promptTokens = promptTokensOf(req);
      const asked =
        b.max_completion_tokens !== undefined
          ? Number(b.max_completion_tokens)
          : b.max_tokens !== undefined
            ? Number(b.max_tokens)
            : undefined;
      // [doc] wordings per version: issue #12886 (old, flat), fms-guardrails-orchestrator#511, and the 0.11 messages.
      if (promptTokens >= maxLen) {
        const msg = old
          ? `This model's maximum context length is ${maxLen} tokens. However, you requested ${promptTokens} tokens in the messages, Please reduce the length of the messages.`
          : `This model's maximum context length is ${maxLen} tokens. However, your request has ${promptTokens} input tokens. Please reduce the length of the input messages.`;
        return base.reject(req, 400, `context-exceeded: ${promptTokens} >= ${maxLen}`, err(msg));
      }
      if (asked !== undefined && promptTokens + asked > maxLen) {
        const msg = old
          ? `This model's maximum context length is ${maxLen} tokens. However, you requested ${promptTokens + asked} tokens (${promptTokens} in the messages, ${asked} in the completion). Please reduce the length of the messages or completion.`
          : `'max_tokens' or 'max_completion_tokens' is too large: ${asked}. This model's maximum context length is ${maxLen} tokens and your request has ${promptTokens} input tokens (${asked} > ${maxLen} - ${promptTokens}).`;
        return base.reject(req, 400, `max_tokens-over-context: ${promptTokens}+${asked} > ${maxLen}`, err(msg));
      }
      const kwargs = b.chat_template_kwargs as { enable_thinking?: boolean } | undefined;
      const thinking = (opts.thinking ?? true) && kwargs?.enable_thinking !== false;
      const thinkingTokens = thinking ? (opts.thinkingTokens ?? 1200) : 0;
      const budget = asked ?? maxLen - promptTokens; // [doc] unset max_tokens means "the rest of the context"
      const parser = opts.reasoningParser ?? true;
      const text = answerText(answer(req));
      let message: Record<string, unknown>;
      let g: Generation;
      if (parser || !thinking) {
        g = generate(text, thinkingTokens, budget);
        if (!thinking) message = { content: g.content ?? '' };
        else if (old) {
          // [inf] the 2025 Qwen3 parser: no </think> in the output → everything (with <think>) is content.
          message =
            g.content === null
              ? { content: `<think>\n${g.reasoning}`, reasoning_content: null }
              : { content: g.content, reasoning_content: g.reasoning };
        } else {
          // [doc] current Qwen3 parser: no </think> (thinking enabled) → everything is reasoning, content null; field `reasoning`.
          message = { content: g.content, reasoning: g.reasoning };
        }
      } else {
        // No parser: the raw <think> block leads the content and is paid from the same budget.
        g = generateThinkInContent(text, thinkingTokens, budget);
        message = { content: g.content ?? '' };
      }
      const completionTokens = Math.min(budget, g.reasoningTokens + g.contentTokens);
      return base.serve(
        {
          index: req.index,
          model,
          promptTokens,
          reasoningTokens: g.reasoningTokens,
          contentTokens: g.contentTokens,
          finishReason: g.finish,
          budget: asked,
          ignored: [],
        },
        completionBody(
          req,
          model,
          { ...message, refusal: null, tool_calls: [] },
          g.finish,
          {
            prompt_tokens: promptTokens,
            total_tokens: promptTokens + completionTokens,
            completion_tokens: completionTokens,
            prompt_tokens_details: null,
          },
          { prompt_logprobs: null, kv_transfer_params: null },
        ),
      );
    },
  };
}

// ── Ollama (/v1, OpenAI compatibility) ──────────────────────────────────────────────────────────────────────────

export interface OllamaOptions extends CommonOptions {
  /** Context the model was loaded with: 4096 by default (2048 before 0.6.8; VRAM-tiered from 0.15.5). */
  numCtx?: number;
  /**
   * `go` (the Go runners, ≤ 0.29): an overlong prompt is silently cut, keeping the first num_keep tokens and the tail.
   * `llama-server` (≥ 0.30, models on llama.cpp's own template): it is a 400 from llama-server, passed through.
   */
  engine?: 'go' | 'llama-server';
  /** A thinking model (qwen3, deepseek-r1): reasoning in `reasoning`, paid from num_predict. */
  thinking?: boolean;
  thinkingTokens?: number;
  /** Models that are pulled (default: any model is served). */
  models?: string[];
}

// [doc] middleware/openai.go: {"error":{"message","type","param":null,"code":null}}, type by status.
const ollamaErr = (status: number, message: string) => ({
  error: {
    message,
    type: status === 400 ? 'invalid_request_error' : status === 404 ? 'not_found_error' : 'api_error',
    param: null,
    code: null,
  },
});

export function ollama(opts: OllamaOptions = {}): Personality {
  const base = new Base();
  const model = opts.model ?? 'qwen2.5:14b';
  const numCtx = opts.numCtx ?? 4096;
  const engine = opts.engine ?? 'go';
  const NUM_KEEP = 5; // [doc] api.DefaultOptions NumKeep 4, +1 for BOS in the runner
  return {
    name: engine === 'go' ? 'ollama' : 'ollama-llama-server',
    label: `Ollama (${engine === 'go' ? '≤ 0.29 Go runner' : '≥ 0.30 llama-server runner'}, num_ctx ${numCtx})`,
    basePath: '/v1',
    model,
    rejected: base.rejected,
    served: base.served,
    reply(req, answer) {
      if (pathname(req) !== '/v1/chat/completions') return base.reject(req, 404, `unknown-path: ${req.path}`, '404 page not found');
      if (base.rateLimited(opts.rateLimitFirst))
        return base.reject(req, 429, 'rate-limit', ollamaErr(429, 'server busy, please try again.  maximum pending requests exceeded')); // [doc] OLLAMA_MAX_QUEUE
      const b = req.body;
      if (opts.models && !opts.models.includes(String(b.model)))
        return base.reject(
          req,
          404,
          `unknown-model: ${String(b.model)}`,
          ollamaErr(404, `model "${String(b.model)}" not found, try pulling it first`),
        );
      const ignored: string[] = [];
      // [doc] openai/openai.go parses max_tokens only; max_completion_tokens, chat_template_kwargs, options are dropped.
      for (const k of ['max_completion_tokens', 'chat_template_kwargs', 'options', 'enable_thinking'])
        if (b[k] !== undefined) ignored.push(k);
      if (b.temperature === undefined) ignored.push('temperature-defaults-to-1.0'); // [doc] the compat layer sets 1.0 when absent
      const effort = b.reasoning_effort === undefined ? undefined : String(b.reasoning_effort);
      if (effort !== undefined && !['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'ultra', 'max'].includes(effort)) {
        return base.reject(
          req,
          400,
          `reasoning_effort-invalid: ${effort}`,
          ollamaErr(
            400,
            `invalid reasoning value: "${effort}" (must be "minimal", "low", "medium", "high", "xhigh", "ultra", "max", or "none")`,
          ),
        );
      }
      let promptTokens = promptTokensOf(req);
      let seen = req;
      let truncatedTo: number | undefined;
      if (promptTokens > numCtx) {
        if (engine === 'llama-server') {
          // [inf from source] llama-server's 400 body becomes the message text of Ollama's OpenAI error.
          const inner = JSON.stringify({
            error: {
              code: 400,
              message: `request (${promptTokens} tokens) exceeds the available context size (${numCtx} tokens), try increasing it`,
              type: 'exceed_context_size_error',
              n_prompt_tokens: promptTokens,
              n_ctx: numCtx,
            },
          });
          return base.reject(req, 400, `context-exceeded: ${promptTokens} > ${numCtx}`, ollamaErr(400, inner));
        }
        // [doc] runner: keep inputs[:numKeep], drop the next (len - numCtx), keep the tail. HTTP 200, no error.
        const head = truncateToTokens(req.text, NUM_KEEP);
        const tail = tailOfTokens(req.text, numCtx - NUM_KEEP);
        const text = head + tail;
        seen = {
          ...req,
          text,
          kind: text.includes('<article id=') ? 'entry' : text.includes('<topics>') ? 'frame' : 'other',
          body: { ...req.body, messages: [{ role: 'user', content: text }] },
        };
        promptTokens = numCtx;
        truncatedTo = numCtx;
      }
      const thinking = (opts.thinking ?? false) && effort !== 'none';
      const thinkingTokens = thinking ? (opts.thinkingTokens ?? 1200) : 0;
      // num_predict: max_tokens or unlimited (context shift keeps a Go runner going; llama-server stops at the window).
      let budget = b.max_tokens !== undefined ? Number(b.max_tokens) : undefined;
      if (engine === 'llama-server') budget = Math.min(budget ?? Number.POSITIVE_INFINITY, numCtx - promptTokens);
      const g = generate(answerText(answer(seen)), thinkingTokens, budget);
      const message: Record<string, unknown> = { content: g.content ?? '' };
      if (thinking && g.reasoning) message.reasoning = g.reasoning; // [doc] field `reasoning`, omitted when empty
      return base.serve(
        {
          index: req.index,
          model: String(b.model),
          promptTokens,
          reasoningTokens: g.reasoningTokens,
          contentTokens: g.contentTokens,
          finishReason: g.finish,
          budget,
          ignored,
          ...(truncatedTo ? { truncatedTo } : {}),
        },
        // [doc] usage: prompt_eval_count (after truncation, cached tokens included) and eval_count (thinking included).
        completionBody(
          req,
          String(b.model),
          message,
          g.finish,
          {
            prompt_tokens: promptTokens,
            completion_tokens: g.reasoningTokens + g.contentTokens,
            total_tokens: promptTokens + g.reasoningTokens + g.contentTokens,
          },
          { system_fingerprint: 'fp_ollama' },
        ),
      );
    },
  };
}

// ── llama.cpp llama-server (/v1) ────────────────────────────────────────────────────────────────────────────────

export interface LlamaServerOptions extends CommonOptions {
  /** --reasoning-format: `deepseek` (the default, auto) puts thoughts in reasoning_content; `none` leaves <think> in content. */
  reasoningFormat?: 'deepseek' | 'none';
  /** Slot context (-c): older builds defaulted to 4096, newer ones to the model's training context. */
  nCtx?: number;
  /** A thinking model (Qwen3, R1 distill). Default true. */
  thinking?: boolean;
  thinkingTokens?: number;
}

export function llamaServer(opts: LlamaServerOptions = {}): Personality {
  const base = new Base();
  const model = opts.model ?? 'qwen3-8b-q4_k_m.gguf';
  const nCtx = opts.nCtx ?? 4096;
  const format = opts.reasoningFormat ?? 'deepseek';
  const err = (code: number, message: string, type: string, extra: Record<string, unknown> = {}) => ({
    error: { code, message, type, ...extra },
  });
  return {
    name: format === 'none' ? 'llama-server-no-parser' : 'llama-server',
    label: `llama.cpp llama-server (--reasoning-format ${format}, -c ${nCtx})`,
    basePath: '/v1',
    model,
    rejected: base.rejected,
    served: base.served,
    reply(req, answer) {
      if (req.method !== 'POST' || pathname(req) !== '/v1/chat/completions')
        return base.reject(req, 404, `unknown-path: ${req.path}`, err(404, 'File Not Found', 'not_found_error'));
      if (opts.apiKey !== undefined && bearer(req) !== opts.apiKey)
        return base.reject(req, 401, 'auth', err(401, 'Invalid API Key', 'authentication_error')); // [inf]
      if (base.rateLimited(opts.rateLimitFirst)) return base.reject(req, 503, 'busy', err(503, 'Loading model', 'unavailable_error')); // [inf] no limiter; 503 while loading
      const b = req.body;
      const promptTokens = promptTokensOf(req);
      if (promptTokens > nCtx) {
        // [doc] llama-server's overflow error (server-context.cpp), quoted in many downstream tests.
        return base.reject(
          req,
          400,
          `context-exceeded: ${promptTokens} > ${nCtx}`,
          err(
            400,
            `request (${promptTokens} tokens) exceeds the available context size (${nCtx} tokens), try increasing it`,
            'exceed_context_size_error',
            { n_prompt_tokens: promptTokens, n_ctx: nCtx },
          ),
        );
      }
      const kwargs = b.chat_template_kwargs as { enable_thinking?: boolean } | undefined;
      const thinking = (opts.thinking ?? true) && kwargs?.enable_thinking !== false && b.reasoning_effort !== 'none';
      const thinkingTokens = thinking ? (opts.thinkingTokens ?? 1200) : 0;
      // [doc] max_completion_tokens wins over max_tokens (n_predict); generation also stops when the slot is full.
      const asked =
        b.max_completion_tokens !== undefined
          ? Number(b.max_completion_tokens)
          : b.max_tokens !== undefined
            ? Number(b.max_tokens)
            : undefined;
      const budget = Math.min(asked ?? Number.POSITIVE_INFINITY, nCtx - promptTokens);
      const text = answerText(answer(req));
      let message: Record<string, unknown>;
      let g: Generation;
      if (format === 'deepseek' || !thinking) {
        g = generate(text, thinkingTokens, budget);
        message = { content: g.content ?? '' };
        if (thinking) message.reasoning_content = g.reasoning;
      } else {
        g = generateThinkInContent(text, thinkingTokens, budget);
        message = { content: g.content ?? '' };
      }
      const completionTokens = Math.min(budget, g.reasoningTokens + g.contentTokens);
      return base.serve(
        {
          index: req.index,
          model,
          promptTokens,
          reasoningTokens: g.reasoningTokens,
          contentTokens: g.contentTokens,
          finishReason: g.finish,
          budget: asked,
          ignored: [],
        },
        completionBody(
          req,
          String(b.model ?? model),
          message,
          g.finish,
          {
            completion_tokens: completionTokens,
            prompt_tokens: promptTokens,
            total_tokens: promptTokens + completionTokens,
            prompt_tokens_details: { cached_tokens: 0 },
          },
          {
            system_fingerprint: 'b6500-0b8f7e3a',
            timings: { cache_n: 0, prompt_n: promptTokens, prompt_ms: 812.4, predicted_n: completionTokens, predicted_ms: 20_311.7 },
          },
        ),
      );
    },
  };
}

// ── Alibaba Cloud Model Studio / DashScope compatible mode ───────────────────────────────────────────────────────

export interface DashScopeOptions extends CommonOptions {
  /** A model that enforces json_schema (Qwen3.7+/3.8 per 2026 reports); others treat it as JSON mode. */
  structuredOutputs?: boolean;
}

export function dashscope(opts: DashScopeOptions = {}): Personality {
  const base = new Base();
  const model = opts.model ?? 'qwen3-32b';
  // Open-weight Qwen3 (hybrid thinking, thinking on by default) vs commercial (qwen-plus/turbo/max: off by default).
  const openWeight = /^qwen3-\d/.test(model) && !/instruct|thinking/.test(model);
  const maxOut = openWeight ? 8192 : 32_768; // [inf] non-thinking output limits
  const maxInput = openWeight ? 98_304 : 129_024; // [inf] 128K windows minus output
  const requestId = (i: number) => `3c1f6b2e-0000-4000-8000-${String(i).padStart(12, '0')}`;
  const err = (req: FakeRequest, message: string, code = 'invalid_parameter_error', type = 'invalid_request_error') => ({
    error: { code, param: null, message, type },
    id: `chatcmpl-${requestId(req.index)}`,
    request_id: requestId(req.index),
  });
  return {
    name: openWeight ? 'dashscope-qwen3' : `dashscope-${model}`,
    label: `DashScope compatible mode, ${model}`,
    basePath: '/compatible-mode/v1',
    model,
    rejected: base.rejected,
    served: base.served,
    reply(req, answer) {
      if (req.method !== 'POST' || pathname(req) !== '/compatible-mode/v1/chat/completions')
        return base.reject(req, 404, `unknown-path: ${req.path}`, err(req, 'Not Found', 'not_found'));
      if (opts.apiKey !== undefined && bearer(req) !== opts.apiKey)
        return base.reject(req, 401, 'auth', {
          error: { message: 'Incorrect API key provided. ', type: 'invalid_request_error', param: null, code: 'invalid_api_key' },
          request_id: requestId(req.index),
        }); // [inf]
      if (base.rateLimited(opts.rateLimitFirst))
        return base.reject(req, 429, 'rate-limit', err(req, 'Requests rate limit exceeded, please try again later.', 'limit_requests')); // [inf]
      const b = req.body;
      const ignored: string[] = [];
      if (b.chat_template_kwargs !== undefined) ignored.push('chat_template_kwargs'); // [doc] OpenBMB/UltraRAG#287: not honoured
      const thinking = b.enable_thinking === undefined ? openWeight : b.enable_thinking === true;
      if (thinking && b.stream !== true) {
        // [doc] github.com/infiniflow/ragflow/issues/8972 (verbatim body), langchain4j#3974.
        return base.reject(
          req,
          400,
          'enable_thinking-required-false',
          err(req, 'parameter.enable_thinking must be set to false for non-streaming calls'),
        );
      }
      const budget = b.max_tokens !== undefined ? Number(b.max_tokens) : undefined;
      if (b.max_completion_tokens !== undefined) ignored.push('max_completion_tokens'); // [inf]
      if (budget !== undefined && (budget < 1 || budget > maxOut))
        return base.reject(
          req,
          400,
          `max_tokens-range: ${budget}`,
          err(req, `<400> InternalError.Algo.InvalidParameter: Range of max_tokens should be [1, ${maxOut}]`),
        ); // [inf]
      const rf = responseFormatType(req);
      if ((rf === 'json_object' || rf === 'json_schema') && !hasJsonWord(req)) {
        // [doc] JSON mode needs "json" in the prompt; [inf] wording.
        return base.reject(
          req,
          400,
          'json_object-needs-json-word',
          err(
            req,
            "<400> InternalError.Algo.InvalidParameter: 'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
          ),
        );
      }
      if (rf === 'json_schema' && !opts.structuredOutputs) ignored.push('response_format.json_schema (treated as json_object)'); // [inf]
      const promptTokens = promptTokensOf(req);
      if (promptTokens > maxInput)
        return base.reject(
          req,
          400,
          `context-exceeded: ${promptTokens} > ${maxInput}`,
          err(req, `<400> InternalError.Algo.InvalidParameter: Range of input length should be [1, ${maxInput}]`),
        ); // [inf]
      const g = generate(answerText(answer(req)), 0, budget);
      return base.serve(
        {
          index: req.index,
          model,
          promptTokens,
          reasoningTokens: 0,
          contentTokens: g.contentTokens,
          finishReason: g.finish,
          budget,
          ignored,
        },
        completionBody(
          req,
          model,
          { content: g.content ?? '' },
          g.finish,
          {
            prompt_tokens: promptTokens,
            completion_tokens: g.contentTokens,
            total_tokens: promptTokens + g.contentTokens,
            prompt_tokens_details: { cached_tokens: 0 },
          },
          { system_fingerprint: null, id: `chatcmpl-${requestId(req.index)}` },
        ),
      );
    },
  };
}

// ── Azure OpenAI: classic deployments and the v1 API ─────────────────────────────────────────────────────────────

export interface AzureOptions extends CommonOptions {
  /** Deployment name (classic: in the path; v1: the body's model). */
  deployment?: string;
  /** The model behind the deployment: decides the parameter rules (gpt-4o, gpt-4.1, gpt-5, o4-mini ...). */
  underlying?: string;
}

// [doc] Azure's own error shape: code is a string, no type/param.
const azureErr = (code: string, message: string) => ({ error: { code, message } });
const AZURE_RATE_HEADERS = {
  'retry-after': '6',
  'retry-after-ms': '6000',
  'x-ratelimit-limit-requests': '8',
  'x-ratelimit-limit-tokens': '8000',
  'x-ratelimit-remaining-requests': '7',
  'x-ratelimit-remaining-tokens': '1014',
  'apim-request-id': 'b1e1c6b3-0000-4000-8000-000000000000',
};

function azure(kind: 'classic' | 'v1', opts: AzureOptions): Personality {
  const base = new Base();
  const deployment = opts.deployment ?? 'digest-gpt-4o';
  const underlying = opts.underlying ?? 'gpt-4o';
  const apiKey = opts.apiKey ?? 'azure-test-key';
  const prefix = kind === 'classic' ? `/openai/deployments/${deployment}` : '/openai/v1';
  return {
    name: `azure-${kind}`,
    label: kind === 'classic' ? `Azure OpenAI classic deployment ${deployment} (${underlying})` : `Azure OpenAI v1 API (${underlying})`,
    basePath: prefix,
    model: deployment,
    rejected: base.rejected,
    served: base.served,
    reply(req, answer) {
      const p = pathname(req);
      const version = query(req).get('api-version');
      if (kind === 'classic') {
        const m = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/.exec(p);
        // [doc] a wrong path or a missing api-version is a bare 404 "Resource not found".
        if (req.method !== 'POST' || !m || !version)
          return base.reject(req, 404, `resource-not-found: ${req.path}`, azureErr('404', 'Resource not found'));
        if (m[1] !== deployment)
          return base.reject(
            req,
            404,
            `deployment-not-found: ${m[1]}`,
            azureErr(
              'DeploymentNotFound',
              'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.',
            ),
          );
      } else if (req.method !== 'POST' || p !== '/openai/v1/chat/completions') {
        return base.reject(req, 404, `resource-not-found: ${req.path}`, azureErr('404', 'Resource not found'));
      }
      // [doc] classic: the key goes in the `api-key` header (Bearer is for Entra ID tokens); v1 also takes the key as Bearer.
      const key = req.headers['api-key'] ?? (kind === 'v1' ? bearer(req) : undefined);
      if (key === undefined && !req.headers.authorization) {
        return base.reject(
          req,
          401,
          'auth-missing',
          azureErr(
            '401',
            'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.',
          ),
        ); // [inf]
      }
      if (key !== apiKey) {
        // [doc] github.com/SciSharp/BotSharp/issues/386 (verbatim body).
        return base.reject(
          req,
          401,
          'auth',
          azureErr(
            '401',
            'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
          ),
        );
      }
      if (base.rateLimited(opts.rateLimitFirst)) {
        // [doc] message as in github.com/vanderschaarlab/climb/issues/1; retry-after and retry-after-ms headers.
        return base.reject(
          req,
          429,
          'rate-limit',
          azureErr(
            '429',
            `Requests to the ChatCompletions_Create Operation under Azure OpenAI API version ${version ?? 'v1'} have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 6 seconds. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.`,
          ),
          AZURE_RATE_HEADERS,
        );
      }
      const spec = OPENAI_MODELS[underlying];
      if (!spec) throw new Error(`azure: no rules for underlying model ${underlying}`);
      // The deployment decides the model; the body's model is ignored on classic deployments.
      const reply = openAiRules(base, req, answer, underlying, spec, opts);
      if (!('response' in reply) || reply.response.status !== 200) return reply;
      // [doc] Azure adds content-filter annotations to prompts and choices.
      const body = JSON.parse(reply.response.body) as { choices: Record<string, unknown>[] } & Record<string, unknown>;
      const safe = {
        hate: { filtered: false, severity: 'safe' },
        self_harm: { filtered: false, severity: 'safe' },
        sexual: { filtered: false, severity: 'safe' },
        violence: { filtered: false, severity: 'safe' },
      };
      body.prompt_filter_results = [{ prompt_index: 0, content_filter_results: safe }];
      body.choices = body.choices.map((c) => ({ ...c, content_filter_results: safe }));
      return jsonResponse(200, body, { 'apim-request-id': AZURE_RATE_HEADERS['apim-request-id'], 'x-ms-region': 'Sweden Central' });
    },
  };
}

export const azureClassic = (opts: AzureOptions = {}) => azure('classic', opts);
export const azureV1 = (opts: AzureOptions = {}) => azure('v1', opts);

// ── OpenRouter (openrouter.ai/api/v1) ───────────────────────────────────────────────────────────────────────────

export interface OpenRouterOptions extends CommonOptions {
  /** Hidden reasoning of the routed model (0 for a non-reasoning model). Reasoning text is returned in `reasoning`. */
  reasoningTokens?: number;
  /** The first N requests fail after the model started: HTTP 200 with an error body and no choices. */
  upstreamErrorFirst?: number;
  /** Parameters no provider for this model supports (ignored unless provider.require_parameters). */
  unsupported?: string[];
}

// [doc] openrouter.ai/docs/api/reference/errors-and-debugging: {error: {code: number, message, metadata?}}.
const routerErr = (code: number, message: string, metadata?: Record<string, unknown>) => ({
  error: { code, message, ...(metadata ? { metadata } : {}) },
});

export function openRouter(opts: OpenRouterOptions = {}): Personality {
  const base = new Base();
  const model = opts.model ?? 'openai/gpt-4.1-mini';
  let upstreamFailures = 0;
  return {
    name: 'openrouter',
    label: `OpenRouter (${model})`,
    basePath: '/api/v1',
    model,
    rejected: base.rejected,
    served: base.served,
    reply(req, answer) {
      if (req.method !== 'POST' || pathname(req) !== '/api/v1/chat/completions')
        return base.reject(req, 404, `unknown-path: ${req.path}`, routerErr(404, 'Not Found'));
      const key = bearer(req);
      if (opts.apiKey !== undefined && key !== opts.apiKey)
        return base.reject(req, 401, 'auth', routerErr(401, key ? 'User not found.' : 'No auth credentials found')); // [inf] wording
      if (base.rateLimited(opts.rateLimitFirst))
        return base.reject(
          req,
          429,
          'rate-limit',
          routerErr(429, 'Rate limit exceeded: free-models-per-min.', {
            headers: { 'X-RateLimit-Limit': '20', 'X-RateLimit-Remaining': '0' },
          }),
          { 'retry-after': '7' },
        ); // [doc] Retry-After on 429
      const b = req.body;
      const ignored = (opts.unsupported ?? []).filter((k) => b[k] !== undefined);
      if (ignored.length && (b.provider as { require_parameters?: boolean } | undefined)?.require_parameters) {
        // [doc] require_parameters routes only to providers supporting every parameter; [inf] wording.
        return base.reject(
          req,
          404,
          `no-provider: ${ignored.join(',')}`,
          routerErr(404, 'No endpoints found that can handle the requested parameters.'),
        );
      }
      if (opts.upstreamErrorFirst !== undefined && upstreamFailures < opts.upstreamErrorFirst) {
        upstreamFailures++;
        // [doc] after the model started, errors come with HTTP 200 in the body; [inf] exact body.
        return base.reject(
          req,
          200,
          'upstream-error-in-200',
          routerErr(502, 'Provider returned error', { provider_name: 'Upstream', raw: 'upstream connect error' }),
        );
      }
      const promptTokens = promptTokensOf(req);
      const budget =
        b.max_completion_tokens !== undefined
          ? Number(b.max_completion_tokens)
          : b.max_tokens !== undefined
            ? Number(b.max_tokens)
            : undefined;
      const g = generate(answerText(answer(req)), opts.reasoningTokens ?? 0, budget);
      const completionTokens = g.reasoningTokens + g.contentTokens;
      const message: Record<string, unknown> = {
        content: g.content ?? '',
        refusal: null,
        reasoning: g.reasoningTokens ? g.reasoning : null,
      };
      return base.serve(
        {
          index: req.index,
          model,
          promptTokens,
          reasoningTokens: g.reasoningTokens,
          contentTokens: g.contentTokens,
          finishReason: g.finish,
          budget,
          ignored,
        },
        completionBody(
          req,
          model,
          message,
          g.finish,
          // [doc] usage always returned, with reasoning_tokens; [inf] cost fields.
          {
            prompt_tokens: promptTokens,
            completion_tokens: completionTokens,
            total_tokens: promptTokens + completionTokens,
            cost: 0.0012,
            is_byok: false,
            prompt_tokens_details: { cached_tokens: 0 },
            completion_tokens_details: { reasoning_tokens: g.reasoningTokens },
          },
          { provider: 'OpenAI', native_finish_reason: g.finish, id: `gen-${req.index}-1765000000` },
        ),
      );
    },
  };
}

// ── A server that omits usage (some proxies and small local servers) ────────────────────────────────────────────

export function noUsage(opts: CommonOptions = {}): Personality {
  const base = new Base();
  const model = opts.model ?? 'local-model';
  return {
    name: 'no-usage',
    label: 'An OpenAI-shaped server that sends no usage',
    basePath: '/v1',
    model,
    rejected: base.rejected,
    served: base.served,
    reply(req, answer) {
      if (pathname(req) !== '/v1/chat/completions')
        return base.reject(req, 404, `unknown-path: ${req.path}`, { error: { message: 'not found' } });
      const budget = req.body.max_tokens !== undefined ? Number(req.body.max_tokens) : undefined;
      const g = generate(answerText(answer(req)), 0, budget);
      return base.serve(
        {
          index: req.index,
          model,
          promptTokens: promptTokensOf(req),
          reasoningTokens: 0,
          contentTokens: g.contentTokens,
          finishReason: g.finish,
          budget,
          ignored: [],
        },
        completionBody(req, String(req.body.model ?? model), { content: g.content ?? '' }, g.finish, undefined),
      );
    },
  };
}

// ── Registry and the harness ─────────────────────────────────────────────────────────────────────────────────────

/** One factory per server personality, with the defaults the notes describe. */
export const PERSONALITIES: Record<string, () => Personality> = {
  'openai-gpt-4.1': () => openAiGpt41(),
  'openai-gpt-5': () => openAiReasoning({ model: 'gpt-5' }),
  'openai-o4-mini': () => openAiReasoning({ model: 'o4-mini' }),
  'deepseek-chat': () => deepseekChat(),
  'deepseek-reasoner': () => deepseekReasoner(),
  'gemini-2.5-flash': () => gemini({ model: 'gemini-2.5-flash' }),
  'gemini-2.5-pro': () => gemini({ model: 'gemini-2.5-pro' }),
  'vllm-new': () => vllm({ version: 'new' }),
  'vllm-old': () => vllm({ version: 'old' }),
  ollama: () => ollama(),
  'ollama-llama-server': () => ollama({ engine: 'llama-server' }),
  'llama-server': () => llamaServer(),
  'llama-server-no-parser': () => llamaServer({ reasoningFormat: 'none' }),
  'dashscope-qwen3': () => dashscope({ model: 'qwen3-32b' }),
  'dashscope-qwen-plus': () => dashscope({ model: 'qwen-plus' }),
  'azure-classic': () => azureClassic(),
  'azure-v1': () => azureV1(),
  openrouter: () => openRouter(),
  'no-usage': () => noUsage(),
};

export interface PersonalityServer {
  server: FakeOpenAi;
  personality: Personality;
  /** What OPENAI_BASE_URL would be for this server: origin + basePath. */
  baseUrl: string;
  origin: string;
  close(): Promise<void>;
}

/** Starts a local server that answers as `personality` does, with `answer` as the model. */
export async function startPersonalityServer(
  personality: Personality,
  answer: ContentAnswerer = defaultAnswerer,
): Promise<PersonalityServer> {
  const server = await startFakeOpenAi({ anyPath: true, handler: (req) => personality.reply(req, answer) });
  return { server, personality, origin: server.origin, baseUrl: server.origin + personality.basePath, close: () => server.close() };
}
