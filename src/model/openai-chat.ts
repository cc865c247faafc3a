// The chat adapter over the openai SDK (openai-embedder.ts is the other module that imports it, for /embeddings).
// It owns what talking to "any OpenAI-compatible server" takes:
// the SDK's own retries are off (it would obey any Retry-After), so retries, the capped wait, the timeout of
// the whole call (body included) and the concurrency limit live here; so do the downgrades for servers that
// reject a request feature (json_schema, max_tokens, temperature), remembered for the rest of the run.

import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import pLimit from 'p-limit';
import type { z } from 'zod';
import { ConfigError } from '../errors.js';
import type { ChatClient, ChatMessage, ChatRequest, ChatResult, ModelLog } from './chat-client.js';
import { silentLog } from './chat-client.js';
import type { ModelConfig } from './model-config.js';
import { ModelCallError, type ModelCallFailure } from './model-errors.js';
import { isRetryableStatus, parseRetryAfter, retryDelayMs } from '../util/retry-policy.js';

export type ChatSettings = Pick<
  ModelConfig,
  'apiKey' | 'baseUrl' | 'model' | 'concurrency' | 'timeoutMs' | 'maxRetries' | 'retryAfterCapMs' | 'baseDelayMs' | 'jsonMode'
>;

export interface OpenAiChatOptions {
  log?: ModelLog;
  /** Replaceable so tests of long waits take no time. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

type Mode = ChatResult['mode'];

interface Capabilities {
  mode: Mode;
  maxTokensParam: 'max_tokens' | 'max_completion_tokens';
  temperature: boolean;
}

class CallTimeout extends Error {}
/** The server answered 200 with something that is not a chat completion. */
class BadResponse extends Error {}

export function createOpenAiChat(settings: ChatSettings, options: OpenAiChatOptions = {}): ChatClient {
  if (!settings.apiKey && !settings.baseUrl) {
    throw new ConfigError('no model server configured: set OPENAI_API_KEY (OpenAI), or OPENAI_BASE_URL for another OpenAI-compatible server, or run with --dry-run');
  }
  const log = options.log ?? silentLog;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const client = new OpenAI({
    // Local servers (Ollama, llama.cpp, vLLM) need no key, but the SDK insists on one.
    apiKey: settings.apiKey ?? 'no-key',
    baseURL: settings.baseUrl,
    maxRetries: 0,
    timeout: settings.timeoutMs,
  });
  const limit = pLimit(settings.concurrency);
  const caps: Capabilities = {
    mode: settings.jsonMode === 'json_object' ? 'json_object' : 'json_schema',
    maxTokensParam: 'max_tokens',
    temperature: true,
  };
  const formats = new WeakMap<z.ZodType, ReturnType<typeof zodResponseFormat>>();
  const where = settings.baseUrl ?? 'https://api.openai.com/v1';

  function formatFor(req: ChatRequest) {
    let f = formats.get(req.schema.zod);
    if (!f) {
      f = zodResponseFormat(req.schema.zod, req.schema.name);
      formats.set(req.schema.zod, f);
    }
    return f;
  }

  function buildBody(req: ChatRequest, caps: Capabilities): ChatCompletionCreateParamsNonStreaming {
    const format = formatFor(req);
    let messages: ChatMessage[] = req.messages;
    let response_format: ChatCompletionCreateParamsNonStreaming['response_format'];
    if (caps.mode === 'json_schema') {
      response_format = format;
    } else {
      messages = withSchemaInPrompt(messages, format.json_schema.schema ?? {});
      if (caps.mode === 'json_object') response_format = { type: 'json_object' };
    }
    const body: ChatCompletionCreateParamsNonStreaming = { model: req.model, messages };
    if (response_format) body.response_format = response_format;
    if (req.temperature !== undefined && caps.temperature) body.temperature = req.temperature;
    if (req.maxTokens !== undefined) {
      if (caps.maxTokensParam === 'max_tokens') body.max_tokens = req.maxTokens;
      else body.max_completion_tokens = req.maxTokens;
    }
    return body;
  }

  async function send(req: ChatRequest, sent: Capabilities): Promise<ChatResult> {
    const mode = sent.mode;
    const body = buildBody(req, sent);
    // Our own timer covers the whole call, reading the body included, not only the wait for headers.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new CallTimeout()), settings.timeoutMs);
    try {
      const completion = await client.chat.completions.create(body, { signal: controller.signal, timeout: settings.timeoutMs, maxRetries: 0 });
      const choice = completion.choices?.[0];
      return {
        text: choice?.message?.content ?? '',
        refusal: choice?.message?.refusal ?? null,
        finishReason: choice?.finish_reason ?? null,
        usage: { inputTokens: completion.usage?.prompt_tokens ?? 0, outputTokens: completion.usage?.completion_tokens ?? 0 },
        model: completion.model ?? req.model,
        mode,
      };
    } catch (err) {
      if (controller.signal.aborted) throw new CallTimeout('timeout', { cause: err });
      if (err instanceof APIError) throw err;
      throw new BadResponse(`not a chat completion (${err instanceof Error ? err.message : String(err)})`, { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }

  /** On a 400 that names a feature we can do without, drop it for the rest of the run. */
  function downgrade(err: unknown, sent: Capabilities): boolean {
    if (!(err instanceof APIError) || (err.status !== 400 && err.status !== 422)) return false;
    // Parallel calls hit the same rejection; only the first downgrades, the others just go again.
    if (sent.mode !== caps.mode || sent.maxTokensParam !== caps.maxTokensParam || sent.temperature !== caps.temperature) return true;
    const msg = `${err.message} ${JSON.stringify(err.error ?? '')}`;
    if (/max_tokens/.test(msg) && /max_completion_tokens/.test(msg) && caps.maxTokensParam === 'max_tokens') {
      caps.maxTokensParam = 'max_completion_tokens';
      log.warn({ status: err.status }, 'model server rejects max_tokens; using max_completion_tokens for the rest of the run');
      return true;
    }
    if (/temperature/i.test(msg) && caps.temperature) {
      caps.temperature = false;
      log.warn({ status: err.status }, 'model server rejects temperature; sending none for the rest of the run');
      return true;
    }
    if (settings.jsonMode === 'auto' && /response_format|json_schema|json_object|structured|guided|grammar/i.test(msg)) {
      if (caps.mode === 'json_schema') {
        caps.mode = 'json_object';
        log.warn({ status: err.status }, 'model server rejects json_schema; using JSON mode with the schema in the prompt for the rest of the run');
        return true;
      }
      if (caps.mode === 'json_object') {
        caps.mode = 'prompt';
        log.warn({ status: err.status }, 'model server rejects JSON mode; asking for JSON in the prompt only for the rest of the run');
        return true;
      }
    }
    return false;
  }

  async function complete(req: ChatRequest): Promise<ChatResult> {
    let retries = 0;
    let downgrades = 0;
    for (;;) {
      const sent = { ...caps };
      try {
        return await limit(() => {
          Object.assign(sent, caps);
          return send(req, sent);
        });
      } catch (err) {
        if (downgrades < 4 && downgrade(err, sent)) {
          downgrades++;
          continue;
        }
        const c = classify(err);
        const attempts = retries + 1;
        if (!c.retryable || retries >= settings.maxRetries) {
          throw new ModelCallError(failureMessage(c, attempts, settings, where), c.failure, c.status, attempts, { cause: err });
        }
        const delayMs = retryDelayMs(retries, c.retryAfterMs, { maxRetries: settings.maxRetries, baseDelayMs: settings.baseDelayMs, capMs: settings.retryAfterCapMs }, random);
        log.warn({ failure: c.failure, status: c.status, attempt: attempts, delayMs, model: req.model }, 'model call failed; retrying');
        retries++;
        await sleep(delayMs);
      }
    }
  }

  return { model: settings.model, complete };
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
    const retryAfterMs = parseRetryAfter(err.headers, Date.now());
    const detail = err.message;
    if (status === 429 && (err.code === 'insufficient_quota' || err.type === 'insufficient_quota')) return { failure: 'quota', status, retryable: false, retryAfterMs, detail };
    if (status === 401 || status === 403) return { failure: 'auth', status, retryable: false, retryAfterMs, detail };
    if (status === 429) return { failure: 'rate-limit', status, retryable: true, retryAfterMs, detail };
    if (isRetryableStatus(status)) return { failure: 'server', status, retryable: true, retryAfterMs, detail };
    return { failure: 'rejected', status, retryable: false, retryAfterMs, detail };
  }
  // Anything else is a bug on our side, not the server's; let it surface as itself.
  throw err;
}

function failureMessage(c: Classified, attempts: number, s: ChatSettings, where: string): string {
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
  switch (c.failure) {
    case 'timeout':
      return `model call timed out after ${s.timeoutMs} ms (${tries}); raise DIGEST_MODEL_TIMEOUT_MS or check the server at ${where}`;
    case 'network':
      return `cannot reach the model server at ${where} (${tries}): ${c.detail}; check OPENAI_BASE_URL and the network`;
    case 'rate-limit':
      return `model server kept rate-limiting (429, ${tries}); lower DIGEST_MODEL_CONCURRENCY or raise DIGEST_MODEL_MAX_RETRIES`;
    case 'quota':
      return `model account has no quota left (429 insufficient_quota): ${c.detail}; add credit or use another key`;
    case 'auth':
      return `model server refused the credentials (${c.status}): ${c.detail}; check OPENAI_API_KEY`;
    case 'server':
      return `model server failed (${c.status}, ${tries}): ${c.detail}; try again later`;
    case 'rejected':
      return `model server rejected the request (${c.status}): ${c.detail}; check OPENAI_MODEL and the prompt settings`;
  }
}

function withSchemaInPrompt(messages: ChatMessage[], schema: Record<string, unknown>): ChatMessage[] {
  const note = `\n\nAnswer with one JSON object only (no prose, no code fences) that conforms to this JSON Schema:\n${JSON.stringify(schema)}`;
  const i = messages.findIndex((m) => m.role === 'system');
  // Appended to the existing system message: some chat templates (Mistral, Gemma) reject a second system turn.
  if (i < 0) return [{ role: 'system', content: note.trim() }, ...messages];
  return messages.map((m, j) => (j === i ? { ...m, content: m.content + note } : m));
}
