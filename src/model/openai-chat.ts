// The chat adapter over the openai SDK (openai-embedder.ts is the other module that imports it, for /embeddings).
// It owns what talking to "any OpenAI-compatible server" takes:
// - the request each model needs, from its profile (model-profile.ts: detected, learnt, configured) — budget
//   parameter, temperature, reasoning effort and budget, JSON mode, thinking switches, extra fields;
// - reading every refusal whatever its body's shape (server-error.ts), and learning from it (read-rejection.ts):
//   a refused parameter or format is dropped for this run and remembered for the next (profile-store.ts);
// - the context window: a request that cannot fit is not sent, a budget too big beside the prompt is lowered once,
//   and an overflow (or Ollama's silent cut) becomes a `context` failure the caller answers by shrinking the prompt;
// - the SDK's own retries are off (it would obey any Retry-After), so retries, the capped wait, the timeout of the
//   whole call (body included) and the concurrency limit live here. Until a model's profile has worked once, its
//   first call goes alone: a night against a new server wastes at most one refused call per parameter, not one per
//   topic in flight.

import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, AzureOpenAI } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import pLimit from 'p-limit';
import type { z } from 'zod';
import { ConfigError } from '../errors.js';
import { isRetryableStatus, parseRetryAfter, retryDelayMs } from '../util/retry-policy.js';
import { buildChatBody, cleanSchema, outputBudget, schemaNoteTokens, type BuiltRequest, type JsonSchemaFormat } from './chat-body.js';
import type { ChatClient, ChatRequest, ChatResult, ModelLog, TokenUsage } from './chat-client.js';
import { silentLog } from './chat-client.js';
import { contextMargin, estimateMessagesTokens, estimateTokens } from './estimate-tokens.js';
import type { ModelConfig } from './model-config.js';
import { ModelCallError, type ContextOverflow, type ModelCallFailure } from './model-errors.js';
import { resolveProfile, serverFromAnswer, type LearnedProfile, type ModelProfile, type ProfileOverrides } from './model-profile.js';
import { memoryProfileStore, profileKey, type ProfileStore } from './profile-store.js';
import { readRejection, type Remedy } from './read-rejection.js';
import { errorReadingFetch, serverErrorOf } from './server-error.js';

export type ChatSettings = Pick<
  ModelConfig,
  'apiKey' | 'baseUrl' | 'model' | 'concurrency' | 'timeoutMs' | 'maxRetries' | 'retryAfterCapMs' | 'baseDelayMs' | 'jsonMode'
> &
  Partial<Pick<ModelConfig, 'server' | 'family' | 'tokenParam' | 'contextTokens' | 'extraBody' | 'azure'>>;

export interface OpenAiChatOptions {
  log?: ModelLog;
  /** Replaceable so tests of long waits take no time. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** What was learnt about servers in earlier runs, and where this run's lessons go; in memory when absent. */
  profiles?: ProfileStore;
}

/** A wait longer than this is a spent quota (Azure says "retry after 86400 seconds"), not a rate limit. */
const QUOTA_WAIT_MS = 3_600_000;
/** A budget is never lowered below this share of what the prompt asked for: shrink the prompt instead. */
const MIN_BUDGET_SHARE = 0.5;

class CallTimeout extends Error {}
/** The server answered 200 with something that is not a chat completion (or an error inside a 200). */
class BadResponse extends Error {}
/** The request cannot fit the known window: not sent. */
class DoesNotFit extends Error {
  constructor(readonly overflow: ContextOverflow) {
    super('the prompt does not fit the context window');
  }
}

interface ModelState {
  key: string;
  learned: LearnedProfile;
  profile: ModelProfile;
  /** Bumped by every lesson: a refusal of a request built from an older profile is simply retried. */
  version: number;
  confirmed: boolean;
  probe?: Promise<void>;
  fatal?: ModelCallError;
}

export function createOpenAiChat(settings: ChatSettings, options: OpenAiChatOptions = {}): ChatClient {
  if (!settings.apiKey && !settings.baseUrl && !settings.azure) {
    throw new ConfigError(
      'no model server configured: set OPENAI_API_KEY (OpenAI), or OPENAI_BASE_URL for another OpenAI-compatible server, or AZURE_OPENAI_ENDPOINT for Azure, or run with --dry-run',
    );
  }
  const log = options.log ?? silentLog;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const profiles = options.profiles ?? memoryProfileStore();
  const fetch = errorReadingFetch();
  const azure = settings.azure;
  // Explicit base URLs: the SDK would otherwise read OPENAI_BASE_URL from process.env behind our back.
  const client = azure
    ? new AzureOpenAI({
        baseURL: `${azure.endpoint}/openai`,
        apiKey: settings.apiKey ?? '',
        apiVersion: azure.apiVersion,
        ...(azure.deployment ? { deployment: azure.deployment } : {}),
        maxRetries: 0,
        timeout: settings.timeoutMs,
        fetch,
      })
    : new OpenAI({
        // Local servers (Ollama, llama.cpp, vLLM) need no key, but the SDK insists on one.
        apiKey: settings.apiKey ?? 'no-key',
        baseURL: settings.baseUrl ?? 'https://api.openai.com/v1',
        maxRetries: 0,
        timeout: settings.timeoutMs,
        fetch,
      });
  const where = azure
    ? `${azure.endpoint}/openai/deployments/${azure.deployment ?? '<model>'}`
    : (settings.baseUrl ?? 'https://api.openai.com/v1');
  const keyHint = azure ? 'AZURE_OPENAI_API_KEY' : 'OPENAI_API_KEY';
  const limit = pLimit(settings.concurrency);
  const overrides: ProfileOverrides = {
    server: settings.server,
    family: settings.family,
    tokenParam: settings.tokenParam,
    contextTokens: settings.contextTokens,
    jsonMode: settings.jsonMode,
  };
  const states = new Map<string, ModelState>();
  const formats = new WeakMap<z.ZodType, JsonSchemaFormat>();
  const noteTokens = new WeakMap<z.ZodType, number>();

  const baseFor = (model: string) => (azure ? `${azure.endpoint}/openai/deployments/${azure.deployment ?? model}` : where);

  function resolve(model: string, learned: LearnedProfile): ModelProfile {
    const p = resolveProfile(baseFor(model), model, learned, overrides);
    // The user's DIGEST_MODEL_CONTEXT is believed, unless the server itself showed a smaller window.
    if (settings.contextTokens && learned.contextTokens) p.contextTokens = Math.min(settings.contextTokens, learned.contextTokens);
    return p;
  }

  function stateFor(model: string): ModelState {
    let st = states.get(model);
    if (!st) {
      const key = profileKey(baseFor(model), model);
      const learned = profiles.get(key);
      st = { key, learned, profile: resolve(model, learned), version: 0, confirmed: learned.confirmed === true };
      states.set(model, st);
    }
    return st;
  }

  function learn(st: ModelState, model: string, patch: LearnedProfile, why?: string, detail?: string): void {
    st.learned = { ...st.learned, ...patch };
    if (patch.outputScale) st.learned.outputScale = { ...st.learned.outputScale, ...patch.outputScale };
    if (patch.extraBody) st.learned.extraBody = { ...st.learned.extraBody, ...patch.extraBody };
    st.profile = resolve(model, st.learned);
    if (patch.confirmed === undefined && patch.outputScale === undefined) st.version++;
    profiles.update(st.key, patch);
    if (why) log.warn({ model, server: where, learned: patch, ...(detail ? { serverSaid: detail } : {}) }, why);
  }

  function formatFor(req: Pick<ChatRequest, 'schema'>): JsonSchemaFormat {
    let f = formats.get(req.schema.zod);
    if (!f) {
      f = zodResponseFormat(req.schema.zod, req.schema.name).json_schema as JsonSchemaFormat;
      formats.set(req.schema.zod, f);
    }
    return f;
  }

  function promptOverhead(req: Pick<ChatRequest, 'schema'>, p: ModelProfile): number {
    if (p.jsonMode === 'json_schema') return 0;
    let t = noteTokens.get(req.schema.zod);
    if (t === undefined) {
      t = schemaNoteTokens(cleanSchema(formatFor(req).schema));
      noteTokens.set(req.schema.zod, t);
    }
    return t;
  }

  function promptRoom(req: Omit<ChatRequest, 'messages'>, assumeContext?: number): number | undefined {
    const p = stateFor(req.model).profile;
    const window = p.contextTokens ?? assumeContext;
    if (!window) return undefined;
    return window - (outputBudget(req, p) ?? 0) - promptOverhead(req, p) - contextMargin(window);
  }

  /** The request for the current profile, its budget lowered to fit a known window; DoesNotFit when it cannot. */
  function build(req: ChatRequest, p: ModelProfile, budgetCap: number | undefined): BuiltRequest {
    let out = outputBudget(req, p);
    if (budgetCap !== undefined && out !== undefined) out = Math.min(out, budgetCap);
    const window = p.contextTokens;
    if (window && out !== undefined) {
      const prompt = estimateMessagesTokens(req.messages) + promptOverhead(req, p);
      const room = window - prompt - contextMargin(window);
      if (room < out) {
        // The floor is a share of the prompt's own budget, not of a raised one.
        const base = outputBudget({ ...req, budgetScale: 1 }, { ...p, outputScale: {} }) ?? out;
        if (room < Math.ceil(Math.min(out, base) * MIN_BUDGET_SHARE)) throw new DoesNotFit({ contextTokens: window, promptTokens: prompt });
        out = room;
      }
    }
    return buildChatBody(req, p, formatFor(req), { extraBody: settings.extraBody ?? {}, outputTokens: out });
  }

  async function send(req: ChatRequest, built: BuiltRequest, st: ModelState): Promise<ChatResult> {
    const p = st.profile;
    // Our own timer covers the whole call, reading the body included, not only the wait for headers.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new CallTimeout()), settings.timeoutMs);
    let raw: Record<string, unknown>;
    try {
      raw = (await client.chat.completions.create(built.body as unknown as ChatCompletionCreateParamsNonStreaming, {
        signal: controller.signal,
        timeout: settings.timeoutMs,
        maxRetries: 0,
      })) as unknown as Record<string, unknown>;
    } catch (err) {
      if (controller.signal.aborted) throw new CallTimeout('timeout', { cause: err });
      if (err instanceof APIError) throw err;
      throw new BadResponse(`not a chat completion (${err instanceof Error ? err.message : String(err)})`, { cause: err });
    } finally {
      clearTimeout(timer);
    }
    const choices = raw.choices;
    if (!Array.isArray(choices) || choices.length === 0) {
      // OpenRouter reports a failure after the model started as a 200 with `error` and no choices.
      const e = raw.error as { message?: unknown; code?: unknown } | undefined;
      throw new BadResponse(
        e ? `the server answered 200 with an error: ${String(e.message ?? JSON.stringify(e))}` : 'the server answered 200 without choices',
      );
    }
    const choice = choices[0] as { message?: Record<string, unknown>; finish_reason?: string | null };
    const finishReason = choice.finish_reason ?? null;
    if (finishReason === 'error') throw new BadResponse('the server ended the answer with finish_reason "error"');
    const message = choice.message ?? {};
    const text = typeof message.content === 'string' ? message.content : '';
    // Reasoning fields are never the answer; they only tell us the model reasons.
    const reasoningText =
      [message.reasoning_content, message.reasoning].find((r): r is string => typeof r === 'string' && r.length > 0) ?? '';
    const u = raw.usage as
      | {
          prompt_tokens?: number;
          completion_tokens?: number;
          total_tokens?: number;
          completion_tokens_details?: { reasoning_tokens?: number };
        }
      | undefined;
    const estimatedPrompt = estimateMessagesTokens(built.messages);
    let usage: TokenUsage;
    let reasoningTokens = u?.completion_tokens_details?.reasoning_tokens ?? 0;
    if (typeof u?.prompt_tokens === 'number') {
      let output = u.completion_tokens ?? 0;
      // Gemini leaves thoughts out of completion_tokens but in total_tokens, and bills them as output.
      if (typeof u.total_tokens === 'number' && u.total_tokens > u.prompt_tokens + output) {
        reasoningTokens ||= u.total_tokens - u.prompt_tokens - output;
        output = u.total_tokens - u.prompt_tokens;
      }
      usage = { inputTokens: u.prompt_tokens, outputTokens: output };
    } else {
      usage = { inputTokens: estimatedPrompt, outputTokens: estimateTokens(text) + estimateTokens(reasoningText), estimated: true };
    }
    if (!reasoningTokens && reasoningText) reasoningTokens = estimateTokens(reasoningText);

    const seen = serverFromAnswer(raw);
    if (seen && seen !== p.server && !settings.server && !st.learned.server)
      learn(st, req.model, { server: seen }, `model server recognised as ${seen} from its answer`);
    if (
      (reasoningTokens > 0 || /^\s*<(think|thinking|reasoning|thought)>/i.test(text)) &&
      !st.profile.reasoningBudget &&
      !settings.family
    ) {
      learn(
        st,
        req.model,
        { reasoningBudget: true },
        'the model reasons before answering; its output budget now includes the reasoning allowance',
      );
    }
    // Ollama (Go runners) silently cuts an overlong prompt from the front and says nothing but prompt_tokens = num_ctx.
    // (A prompt that fills the window exactly loses its front to context shifting while answering: the same harm.)
    if (
      st.profile.server === 'ollama' &&
      typeof u?.prompt_tokens === 'number' &&
      isWindowSize(u.prompt_tokens) &&
      estimatedPrompt >= u.prompt_tokens
    ) {
      if (st.profile.contextTokens !== u.prompt_tokens)
        learn(
          st,
          req.model,
          { contextTokens: u.prompt_tokens },
          `the server cut the prompt to ${u.prompt_tokens} tokens without an error (Ollama's num_ctx)`,
        );
      throw new DoesNotFit({ contextTokens: u.prompt_tokens, promptTokens: estimatedPrompt, truncated: true });
    }
    if (finishReason === 'content_filter')
      throw new FilteredAnswer(typeof message.refusal === 'string' ? message.refusal : "the server's content filter stopped the answer");
    const scale = req.budgetScale ?? 1;
    if (scale > 1 && finishReason === 'stop' && text.trim() && req.prompt && (st.profile.outputScale[req.prompt] ?? 1) < scale) {
      learn(st, req.model, { outputScale: { [req.prompt]: scale } }, `${req.prompt} answers need ${scale}× the budget; remembered`);
    }
    if (!st.learned.confirmed) learn(st, req.model, { confirmed: true });
    return {
      text,
      refusal: typeof message.refusal === 'string' && message.refusal ? message.refusal : null,
      finishReason,
      usage,
      model: typeof raw.model === 'string' ? raw.model : req.model,
      mode: p.jsonMode,
      ...(reasoningTokens ? { reasoningTokens } : {}),
    };
  }

  /** Applies what a refusal asks for; false when it asks for nothing we can change. */
  function applyRemedy(st: ModelState, model: string, r: Remedy, built: BuiltRequest, detail: string): boolean {
    const p = st.profile;
    const said = detail.slice(0, 300);
    switch (r.kind) {
      case 'token-param':
        if (p.tokenParam === r.to || settings.tokenParam) return false;
        learn(
          st,
          model,
          { tokenParam: r.to },
          `model server refuses ${r.to === 'max_tokens' ? 'max_completion_tokens' : 'max_tokens'}; sending ${r.to}`,
          said,
        );
        return true;
      case 'no-temperature':
        if (!p.temperature) return false;
        learn(st, model, { temperature: false }, 'model server refuses temperature; sending none', said);
        return true;
      case 'no-effort':
        if (p.efforts.length === 0 && !('reasoning_effort' in p.extraBody)) return false;
        learn(
          st,
          model,
          { efforts: [], ...('reasoning_effort' in p.extraBody ? { dropFields: [...p.dropFields, 'reasoning_effort'] } : {}) },
          'model server refuses reasoning_effort; sending none',
          said,
        );
        return true;
      case 'drop-field':
        if (p.dropFields.includes(r.field)) return false;
        learn(
          st,
          model,
          { dropFields: [...p.dropFields, r.field] },
          `model server refuses the field ${r.field}; no longer sending it (check DIGEST_MODEL_EXTRA_BODY and extra_body in the prompts)`,
          said,
        );
        return true;
      case 'thinking-off':
        if (Object.entries(r.extra).every(([k, v]) => p.extraBody[k] === v)) return false;
        learn(
          st,
          model,
          { extraBody: r.extra },
          'model server wants thinking switched off for non-streaming calls; sending enable_thinking: false',
          said,
        );
        return true;
      case 'json-mode': {
        if (!p.jsonFallback || p.jsonMode === 'prompt') return false;
        const next = p.jsonMode === 'json_schema' ? 'json_object' : 'prompt';
        learn(
          st,
          model,
          { jsonMode: next },
          next === 'json_object'
            ? 'model server rejects json_schema; using JSON mode with the schema in the prompt'
            : 'model server rejects JSON mode; asking for JSON in the prompt only',
          said,
        );
        return true;
      }
      case 'max-output':
        if ((built.outputTokens ?? 0) <= r.max || (p.maxOutput !== undefined && p.maxOutput <= r.max)) return false;
        learn(st, model, { maxOutput: r.max }, `model answers at most ${r.max} tokens; budgets are capped there`, said);
        return true;
      default:
        return false;
    }
  }

  async function attempt(req: ChatRequest, st: ModelState): Promise<ChatResult> {
    let retries = 0;
    let lessons = 0;
    let budgetCap: number | undefined;
    for (;;) {
      let built: BuiltRequest | undefined;
      let version = st.version;
      try {
        return await limit(() => {
          version = st.version;
          built = build(req, st.profile, budgetCap);
          return send(req, built, st);
        });
      } catch (err) {
        if (err instanceof DoesNotFit) throw contextError(err.overflow, req, err);
        if (err instanceof FilteredAnswer)
          throw new ModelCallError(
            `the server's content filter stopped the answer (${err.message}); the topic is left out`,
            'rejected',
            200,
            retries + 1,
            { cause: err },
          );
        const se = err instanceof APIError ? serverErrorOf(err) : undefined;
        if (se && built && (se.status === 400 || se.status === 404 || se.status === 422) && lessons < 8) {
          const remedy = readRejection(se, {
            fields: new Set(Object.keys(built.body)),
            tokenParam: tokenParamOf(built.body),
            mode: modeOf(built.body),
          });
          if (remedy.kind === 'context') {
            const window =
              remedy.contextTokens ?? (remedy.inputLimit !== undefined ? remedy.inputLimit + (built.outputTokens ?? 0) : undefined);
            if (window && window !== st.profile.contextTokens)
              learn(
                st,
                req.model,
                { contextTokens: window },
                `model context window is ${window} tokens; prompts are fitted to it`,
                se.message.slice(0, 300),
              );
            const prompt = remedy.promptTokens;
            // vLLM says exactly how much room is left beside the prompt: take it once if it still holds an answer.
            if (window && prompt !== undefined && budgetCap === undefined && built.outputTokens !== undefined) {
              const room = window - prompt - 8;
              if (room >= Math.ceil(built.outputTokens * MIN_BUDGET_SHARE) && room < built.outputTokens) {
                budgetCap = room;
                lessons++;
                continue;
              }
            }
            throw contextError({ contextTokens: window, promptTokens: prompt }, req, err, se.message);
          }
          // A parallel call may already have learnt this lesson: go again with the newer profile.
          if (version !== st.version) {
            lessons++;
            continue;
          }
          if (applyRemedy(st, req.model, remedy, built, se.message)) {
            lessons++;
            continue;
          }
        }
        const c = classify(err);
        const attempts = retries + 1;
        if (!c.retryable || retries >= settings.maxRetries) {
          throw new ModelCallError(failureMessage(c, attempts), c.failure, c.status, attempts, { cause: err });
        }
        const delayMs = retryDelayMs(
          retries,
          c.retryAfterMs,
          { maxRetries: settings.maxRetries, baseDelayMs: settings.baseDelayMs, capMs: settings.retryAfterCapMs },
          random,
        );
        log.warn(
          { failure: c.failure, status: c.status, attempt: attempts, delayMs, model: req.model, serverSaid: c.detail.slice(0, 300) },
          'model call failed; retrying',
        );
        retries++;
        await sleep(delayMs);
      }
    }
  }

  function contextError(o: ContextOverflow, req: ChatRequest, cause: unknown, said?: string): ModelCallError {
    const window = o.contextTokens ? `${o.contextTokens} tokens` : 'its context window';
    const what = o.truncated
      ? `the server cut the prompt to ${window} without an error (Ollama's default num_ctx); the answer was discarded`
      : `the prompt (about ${o.promptTokens ?? '?'} tokens) and the answer do not fit ${window}${said ? ` (the server said: ${said.slice(0, 300)})` : ''}`;
    return new ModelCallError(
      `${req.model}: ${what}; the prompt must shrink, or raise the server's context (OLLAMA_CONTEXT_LENGTH, --max-model-len, -c) and set DIGEST_MODEL_CONTEXT to match`,
      'context',
      undefined,
      1,
      { cause, context: o },
    );
  }

  async function complete(req: ChatRequest): Promise<ChatResult> {
    try {
      return await gated(req);
    } finally {
      // What this call taught is on disk before its answer is used: a killed run still starts the next night right.
      await profiles.flush();
    }
  }

  async function gated(req: ChatRequest): Promise<ChatResult> {
    const st = stateFor(req.model);
    if (!st.confirmed) {
      if (st.probe) {
        await st.probe;
        if (st.fatal) throw new ModelCallError(st.fatal.message, st.fatal.failure, st.fatal.status, 0, { cause: st.fatal });
      } else {
        let release!: () => void;
        st.probe = new Promise<void>((r) => (release = r));
        try {
          return await attempt(req, st);
        } catch (err) {
          if (err instanceof ModelCallError && err.fatal) st.fatal = err;
          throw err;
        } finally {
          st.confirmed = true;
          release();
        }
      }
    }
    return attempt(req, st);
  }

  interface Classified {
    failure: ModelCallFailure;
    status: number | undefined;
    retryable: boolean;
    retryAfterMs: number | undefined;
    detail: string;
  }

  function classify(err: unknown): Classified {
    const base = { status: undefined, retryAfterMs: undefined, detail: err instanceof Error ? err.message : String(err) };
    if (err instanceof CallTimeout || err instanceof APIConnectionTimeoutError) return { ...base, failure: 'timeout', retryable: true };
    if (err instanceof APIUserAbortError) return { ...base, failure: 'timeout', retryable: true };
    if (err instanceof APIConnectionError) return { ...base, failure: 'network', retryable: true };
    if (err instanceof BadResponse) return { ...base, failure: 'server', retryable: true };
    if (err instanceof APIError && typeof err.status === 'number') {
      const status = err.status;
      const se = serverErrorOf(err);
      const retryAfterMs = parseRetryAfter(err.headers, Date.now());
      const detail = se?.message ?? err.message;
      const code = se?.code ?? (typeof err.code === 'string' ? err.code : undefined);
      const c = (failure: ModelCallFailure, retryable: boolean): Classified => ({ failure, status, retryable, retryAfterMs, detail });
      if (status === 402) return c('quota', false);
      if (status === 429 && (code === 'insufficient_quota' || se?.type === 'insufficient_quota')) return c('quota', false);
      // "Request too large for gpt-4o … on tokens per min": the request alone is over the limit; waiting cannot help.
      if (status === 429 && /request too large/i.test(detail)) return c('rejected', false);
      if (status === 429 && retryAfterMs !== undefined && retryAfterMs > QUOTA_WAIT_MS) return c('quota', false);
      if (status === 401 || status === 403) return c('auth', false);
      if (status === 400 && (code === 'API_KEY_INVALID' || /API key not valid/i.test(detail))) return c('auth', false);
      if (status === 429) return c('rate-limit', true);
      if (isRetryableStatus(status)) return c('server', true);
      return c('rejected', false);
    }
    // Anything else is a bug on our side, not the server's; let it surface as itself.
    throw err;
  }

  function failureMessage(c: Classified, attempts: number): string {
    const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
    switch (c.failure) {
      case 'timeout':
        return `model call timed out after ${settings.timeoutMs} ms (${tries}); raise DIGEST_MODEL_TIMEOUT_MS (reasoning and local models need minutes) or check the server at ${where}`;
      case 'network':
        return `cannot reach the model server at ${where} (${tries}): ${c.detail}; check OPENAI_BASE_URL and the network`;
      case 'rate-limit':
        return `model server kept rate-limiting (429, ${tries}): ${c.detail}; lower DIGEST_MODEL_CONCURRENCY or raise DIGEST_MODEL_MAX_RETRIES`;
      case 'quota':
        return `model account has no quota left (${c.status}): ${c.detail}; add credit, wait for the quota to reset or use another key`;
      case 'auth':
        return `model server refused the credentials (${c.status}): ${c.detail}; check ${keyHint}`;
      case 'server':
        return `model server failed (${c.status ?? 'bad answer'}, ${tries}): ${c.detail}; try again later`;
      case 'context':
      case 'rejected': {
        const azureHint =
          c.status === 404 && !azure && /\.azure\.com|\/openai\/deployments\//.test(where)
            ? '; for a classic Azure deployment set AZURE_OPENAI_ENDPOINT and OPENAI_API_VERSION (the model name is the deployment)'
            : '';
        return `model server rejected the request (${c.status}): ${c.detail}; check OPENAI_MODEL and the prompt settings${azureHint}`;
      }
    }
  }

  return { model: settings.model, complete, promptRoom };
}

/** The server ended the answer for its content filter (Azure): a refusal, not something a repair call fixes. */
class FilteredAnswer extends Error {}

/** Context sizes servers load models with (Ollama's 2048/4096/32768/262144 among them). */
function isWindowSize(n: number): boolean {
  return n >= 1024 && (n & (n - 1)) === 0;
}

function tokenParamOf(body: Record<string, unknown>): 'max_tokens' | 'max_completion_tokens' | undefined {
  return 'max_completion_tokens' in body ? 'max_completion_tokens' : 'max_tokens' in body ? 'max_tokens' : undefined;
}

function modeOf(body: Record<string, unknown>): 'json_schema' | 'json_object' | 'prompt' {
  const t = (body.response_format as { type?: string } | undefined)?.type;
  return t === 'json_schema' || t === 'json_object' ? t : 'prompt';
}
