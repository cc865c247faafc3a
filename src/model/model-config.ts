// Model settings come from the environment as an object (never process.env read here), validated once with zod,
// so a typo in a variable is a ConfigError at start-up instead of a failure at the 40th call.

import { z } from 'zod';
import { parseEnv, parseJsonVariable, setVariables, type Env } from '../config/read-env.js';
import { ConfigError } from '../errors.js';
import { MODEL_FAMILIES, SERVER_KINDS, type ModelFamily, type ServerKind, type TokenParam } from './model-profile.js';

/** USD per million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
}

export type PriceTable = Record<string, ModelPrice>;

export type JsonMode = 'auto' | 'json_schema' | 'json_object';

export interface ModelConfig {
  /** Undefined when no key was given; a local server (OPENAI_BASE_URL) then gets a placeholder. */
  apiKey: string | undefined;
  baseUrl: string | undefined;
  /** Default model for every prompt. */
  model: string;
  /** Per-prompt model overrides by prompt name (`entry`, `frame`), from OPENAI_MODEL_<NAME>. */
  modelByPrompt: Record<string, string>;
  concurrency: number;
  timeoutMs: number;
  maxRetries: number;
  /** Upper bound on any single wait, whatever Retry-After says. */
  retryAfterCapMs: number;
  baseDelayMs: number;
  /** `auto` starts with json_schema and falls back for the rest of the run if the server rejects it. */
  jsonMode: JsonMode;
  /** Directory of the answer cache (relative to the working directory); undefined: the state folder's; null: off. */
  cacheDir: string | null | undefined;
  prices: PriceTable;
  /** Optional dense vectors for clustering (DIGEST_EMBEDDINGS_MODEL); key and server default to the chat model's. */
  embeddings?: { model: string; apiKey: string | undefined; baseUrl: string | undefined };
  /** DIGEST_MODEL_SERVER: the server's rules, when the base URL does not tell (undefined: detected). */
  server?: ServerKind;
  /** DIGEST_MODEL_PROFILE: the model family, when its name does not tell (undefined: detected). */
  family?: ModelFamily;
  /** DIGEST_MODEL_TOKEN_PARAM: the output-budget parameter (undefined: per server and model). */
  tokenParam?: TokenParam;
  /** DIGEST_MODEL_CONTEXT: the context window in tokens; prompts shrink to fit it. */
  contextTokens?: number;
  /** DIGEST_MODEL_EXTRA_BODY: fields added to every request (enable_thinking, chat_template_kwargs, provider, ...). */
  extraBody: Record<string, unknown>;
  /** A classic Azure OpenAI resource (deployments + api-version + api-key header), through the SDK's AzureOpenAI. */
  azure?: AzureSettings;
}

export interface AzureSettings {
  /** https://<resource>.openai.azure.com */
  endpoint: string;
  /** OPENAI_API_VERSION. */
  apiVersion: string;
  /** Fixed by a base URL that names it; otherwise the model name is the deployment. */
  deployment?: string;
}

/** A GA API version of classic deployments that takes json_schema (2024-10-21). */
export const DEFAULT_AZURE_API_VERSION = '2024-10-21';

/** Request fields the program owns: extra_body may not replace them. */
export const RESERVED_BODY_FIELDS = ['model', 'messages', 'stream', 'n', 'response_format', 'max_tokens', 'max_completion_tokens'];

/** The one schema of extra request fields, for the environment and for prompt front matter. */
export const ExtraBodySchema = z
  .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a JSON field name'), z.json())
  .refine((o) => !Object.keys(o).some((k) => RESERVED_BODY_FIELDS.includes(k)), {
    error: `must not set ${RESERVED_BODY_FIELDS.join(', ')} (the program sends those itself)`,
  });

// Published list prices (USD per 1M tokens, standard tier, prompts ≤ 200K tokens) of common models, so the run report
// shows a cost without configuration; hidden reasoning is billed as output everywhere. Prices change:
// DIGEST_MODEL_PRICES overrides or extends this table. Sources and dates: /work/notes/model-servers.md §4.
export const PRICES_AS_OF = '2026-09';
export const DEFAULT_PRICES: PriceTable = {
  // OpenAI pricing page, as of 2026-03.
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-5': { input: 1.25, output: 10 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  o3: { input: 2, output: 8 },
  'o4-mini': { input: 1.1, output: 4.4 },
  // DeepSeek V3.2 (2025-12); after 2026-07-24 both names alias deepseek-v4-flash.
  'deepseek-chat': { input: 0.28, output: 0.42 },
  'deepseek-reasoner': { input: 0.28, output: 0.42 },
  'deepseek-v4-flash': { input: 0.14, output: 0.28 },
  // Gemini API pricing, read 2026-09-20 (some output prices from the 2025 page).
  'gemini-2.5-flash': { input: 0.3, output: 2.5 },
  'gemini-2.5-pro': { input: 1.25, output: 10 },
  'gemini-2.5-flash-lite': { input: 0.1, output: 0.4 },
  // Alibaba Cloud Model Studio, international, 2025-04 (open-weight Qwen3: approximate, non-thinking output).
  'qwen-plus': { input: 0.4, output: 1.2 },
  'qwen-max': { input: 1.6, output: 6.4 },
  'qwen-turbo': { input: 0.05, output: 0.2 },
  'qwen3-32b': { input: 0.7, output: 2.8 },
  'qwen3-235b-a22b': { input: 0.7, output: 2.8 },
};

export const MODEL_ENV_DEFAULTS = {
  OPENAI_MODEL: 'gpt-4.1-mini',
  DIGEST_MODEL_CONCURRENCY: 6,
  DIGEST_MODEL_TIMEOUT_MS: 120_000,
  DIGEST_MODEL_MAX_RETRIES: 3,
  DIGEST_MODEL_RETRY_AFTER_CAP_MS: 30_000,
  DIGEST_MODEL_BASE_DELAY_MS: 1_000,
  DIGEST_MODEL_JSON_MODE: 'auto',
} as const;

const int = (min: number, max: number, what: string) =>
  z.coerce
    .number({ error: `must be a number (${what})` })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const PriceSchema = z.strictObject({ input: z.number().min(0), output: z.number().min(0) });
const PricesSchema = z.record(z.string().min(1), PriceSchema);

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL, e.g. http://127.0.0.1:11434/v1' });

const EnvSchema = z.object({
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: httpUrl.optional(),
  OPENAI_MODEL: z.string().default(MODEL_ENV_DEFAULTS.OPENAI_MODEL),
  DIGEST_MODEL_CONCURRENCY: int(1, 64, 'parallel model calls').default(MODEL_ENV_DEFAULTS.DIGEST_MODEL_CONCURRENCY),
  DIGEST_MODEL_TIMEOUT_MS: int(100, 3_600_000, 'milliseconds per call').default(MODEL_ENV_DEFAULTS.DIGEST_MODEL_TIMEOUT_MS),
  DIGEST_MODEL_MAX_RETRIES: int(0, 10, 'retries per call').default(MODEL_ENV_DEFAULTS.DIGEST_MODEL_MAX_RETRIES),
  DIGEST_MODEL_RETRY_AFTER_CAP_MS: int(0, 600_000, 'longest wait in milliseconds').default(
    MODEL_ENV_DEFAULTS.DIGEST_MODEL_RETRY_AFTER_CAP_MS,
  ),
  DIGEST_MODEL_BASE_DELAY_MS: int(0, 60_000, 'first backoff in milliseconds').default(MODEL_ENV_DEFAULTS.DIGEST_MODEL_BASE_DELAY_MS),
  DIGEST_MODEL_JSON_MODE: z
    .enum(['auto', 'json_schema', 'json_object'], { error: 'must be auto, json_schema or json_object' })
    .default('auto'),
  DIGEST_MODEL_CACHE_DIR: z.string().optional(),
  DIGEST_MODEL_PRICES: z.string().optional(),
  DIGEST_EMBEDDINGS_MODEL: z.string().optional(),
  DIGEST_EMBEDDINGS_BASE_URL: httpUrl.optional(),
  DIGEST_EMBEDDINGS_API_KEY: z.string().optional(),
  DIGEST_MODEL_SERVER: z.enum(['auto', ...SERVER_KINDS], { error: `must be auto or one of ${SERVER_KINDS.join(', ')}` }).default('auto'),
  DIGEST_MODEL_PROFILE: z
    .enum(['auto', ...MODEL_FAMILIES], {
      error: 'must be auto, chat (no hidden reasoning), reasoning (always reasons) or hybrid (thinking can be switched off, e.g. Qwen3)',
    })
    .default('auto'),
  DIGEST_MODEL_TOKEN_PARAM: z
    .enum(['auto', 'max_tokens', 'max_completion_tokens'], { error: 'must be auto, max_tokens or max_completion_tokens' })
    .default('auto'),
  DIGEST_MODEL_CONTEXT: int(1024, 10_000_000, 'context window in tokens').optional(),
  DIGEST_MODEL_EXTRA_BODY: z.string().optional(),
  AZURE_OPENAI_ENDPOINT: httpUrl.optional(),
  AZURE_OPENAI_API_KEY: z.string().optional(),
  OPENAI_API_VERSION: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(-preview)?$|^(latest|preview)$/, 'must be an API version such as 2024-10-21')
    .optional(),
});

/** Reads the model settings from an environment object (`io.env`, a parsed .env file, a test's literal). */
export function loadModelConfig(env: Env): ModelConfig {
  const e = parseEnv(EnvSchema, env);
  const set = setVariables(env);
  const modelByPrompt: Record<string, string> = {};
  for (const [k, v] of Object.entries(set)) {
    const m = /^OPENAI_MODEL_([A-Z0-9_]+)$/.exec(k);
    if (m) modelByPrompt[m[1]!.toLowerCase()] = v;
  }
  const cacheOff = e.DIGEST_MODEL_CACHE_DIR !== undefined && /^(off|none|false|0)$/i.test(e.DIGEST_MODEL_CACHE_DIR);
  const azure = azureSettings(e.AZURE_OPENAI_ENDPOINT, e.OPENAI_BASE_URL, e.OPENAI_API_VERSION);
  const apiKey = azure && e.AZURE_OPENAI_ENDPOINT ? (e.AZURE_OPENAI_API_KEY ?? e.OPENAI_API_KEY) : e.OPENAI_API_KEY;
  if (azure && !apiKey)
    throw new ConfigError('an Azure OpenAI endpoint is set but no key: set AZURE_OPENAI_API_KEY (or OPENAI_API_KEY) to the resource key');
  const embeddingsKey = e.DIGEST_EMBEDDINGS_API_KEY ?? e.OPENAI_API_KEY;
  if (e.DIGEST_EMBEDDINGS_MODEL && !embeddingsKey && !(e.DIGEST_EMBEDDINGS_BASE_URL ?? e.OPENAI_BASE_URL)) {
    throw new ConfigError(
      'DIGEST_EMBEDDINGS_MODEL is set but no key or server is: set DIGEST_EMBEDDINGS_API_KEY (or OPENAI_API_KEY), or DIGEST_EMBEDDINGS_BASE_URL for a local server; or unset DIGEST_EMBEDDINGS_MODEL to cluster without embeddings',
    );
  }
  return {
    apiKey,
    // A classic Azure resource is reached through `azure`; the base URL then names nothing else.
    baseUrl: azure ? undefined : e.OPENAI_BASE_URL,
    model: e.OPENAI_MODEL,
    modelByPrompt,
    concurrency: e.DIGEST_MODEL_CONCURRENCY,
    timeoutMs: e.DIGEST_MODEL_TIMEOUT_MS,
    maxRetries: e.DIGEST_MODEL_MAX_RETRIES,
    retryAfterCapMs: e.DIGEST_MODEL_RETRY_AFTER_CAP_MS,
    baseDelayMs: e.DIGEST_MODEL_BASE_DELAY_MS,
    jsonMode: e.DIGEST_MODEL_JSON_MODE,
    cacheDir: cacheOff ? null : e.DIGEST_MODEL_CACHE_DIR,
    prices: { ...DEFAULT_PRICES, ...parsePrices(e.DIGEST_MODEL_PRICES) },
    ...(e.DIGEST_EMBEDDINGS_MODEL
      ? {
          embeddings: {
            model: e.DIGEST_EMBEDDINGS_MODEL,
            apiKey: embeddingsKey,
            baseUrl: e.DIGEST_EMBEDDINGS_BASE_URL ?? e.OPENAI_BASE_URL,
          },
        }
      : {}),
    ...(e.DIGEST_MODEL_SERVER !== 'auto' ? { server: e.DIGEST_MODEL_SERVER } : {}),
    ...(e.DIGEST_MODEL_PROFILE !== 'auto' ? { family: e.DIGEST_MODEL_PROFILE } : {}),
    ...(e.DIGEST_MODEL_TOKEN_PARAM !== 'auto' ? { tokenParam: e.DIGEST_MODEL_TOKEN_PARAM } : {}),
    ...(e.DIGEST_MODEL_CONTEXT !== undefined ? { contextTokens: e.DIGEST_MODEL_CONTEXT } : {}),
    extraBody: parseExtraBody(e.DIGEST_MODEL_EXTRA_BODY),
    ...(azure ? { azure } : {}),
  };
}

/**
 * Classic Azure deployments: AZURE_OPENAI_ENDPOINT (the model name is the deployment), or an OPENAI_BASE_URL that
 * names a deployment (`…/openai/deployments/<name>`, which the plain client would post to without api-version and
 * with the wrong auth header). The v1 API (`…/openai/v1/`) needs neither: it is a plain OPENAI_BASE_URL.
 */
function azureSettings(endpoint: string | undefined, baseUrl: string | undefined, version: string | undefined): AzureSettings | undefined {
  if (endpoint)
    return { endpoint: endpoint.replace(/\/+$/, '').replace(/\/openai$/, ''), apiVersion: version ?? DEFAULT_AZURE_API_VERSION };
  if (!baseUrl) return undefined;
  const u = new URL(baseUrl);
  const m = /^(.*?)\/openai\/deployments\/([^/]+)\/?$/.exec(u.pathname);
  if (!m) return undefined;
  return {
    endpoint: `${u.origin}${m[1]}`,
    apiVersion: version ?? u.searchParams.get('api-version') ?? DEFAULT_AZURE_API_VERSION,
    deployment: decodeURIComponent(m[2]!),
  };
}

function parseExtraBody(text: string | undefined): Record<string, unknown> {
  const body = parseJsonVariable(
    'DIGEST_MODEL_EXTRA_BODY',
    text,
    ExtraBodySchema,
    'write a JSON object of request fields, e.g. {"chat_template_kwargs":{"enable_thinking":false}}',
  );
  return (body ?? {}) as Record<string, unknown>;
}

function parsePrices(text: string | undefined): PriceTable {
  return (
    parseJsonVariable(
      'DIGEST_MODEL_PRICES',
      text,
      PricesSchema,
      'write e.g. {"gpt-4.1-mini":{"input":0.4,"output":1.6}} (USD per 1M tokens)',
    ) ?? {}
  );
}

/** The model a prompt runs on: OPENAI_MODEL_<NAME>, else the prompt's front-matter `model`, else OPENAI_MODEL. */
export function modelForPrompt(config: Pick<ModelConfig, 'model' | 'modelByPrompt'>, promptName: string, promptModel?: string): string {
  return config.modelByPrompt[promptName.toLowerCase()] ?? promptModel ?? config.model;
}

/** The settings without secrets, for logs and the run report. */
export function describeModelConfig(config: ModelConfig): Record<string, unknown> {
  return {
    baseUrl: config.azure ? `${config.azure.endpoint}/openai` : (config.baseUrl ?? 'https://api.openai.com/v1'),
    apiKey: config.apiKey ? 'set' : 'unset',
    model: config.model,
    modelByPrompt: config.modelByPrompt,
    concurrency: config.concurrency,
    timeoutMs: config.timeoutMs,
    maxRetries: config.maxRetries,
    jsonMode: config.jsonMode,
    cache: config.cacheDir === null ? 'off' : (config.cacheDir ?? 'state folder'),
    server: config.server ?? 'auto',
    profile: config.family ?? 'auto',
    context: config.contextTokens ?? 'auto',
    extraBody: Object.keys(config.extraBody),
    pricesAsOf: PRICES_AS_OF,
    ...(config.azure
      ? {
          azure: {
            endpoint: config.azure.endpoint,
            apiVersion: config.azure.apiVersion,
            deployment: config.azure.deployment ?? '(model name)',
          },
        }
      : {}),
  };
}
