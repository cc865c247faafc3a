// Model settings come from the environment as an object (never process.env read here), validated once with zod,
// so a typo in a variable is a ConfigError at start-up instead of a failure at the 40th call.

import { z } from 'zod';
import { parseEnv, setVariables, type Env } from '../config/read-env.js';
import { ConfigError, describeZodIssue } from '../errors.js';

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
}

// Published list prices (USD per 1M tokens, standard tier) of a few common models, so the run report shows a
// cost without configuration. Prices change: DIGEST_MODEL_PRICES overrides or extends this table.
export const DEFAULT_PRICES: PriceTable = {
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
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
  z.coerce.number({ error: `must be a number (${what})` }).int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

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
  DIGEST_MODEL_RETRY_AFTER_CAP_MS: int(0, 600_000, 'longest wait in milliseconds').default(MODEL_ENV_DEFAULTS.DIGEST_MODEL_RETRY_AFTER_CAP_MS),
  DIGEST_MODEL_BASE_DELAY_MS: int(0, 60_000, 'first backoff in milliseconds').default(MODEL_ENV_DEFAULTS.DIGEST_MODEL_BASE_DELAY_MS),
  DIGEST_MODEL_JSON_MODE: z.enum(['auto', 'json_schema', 'json_object'], { error: 'must be auto, json_schema or json_object' }).default('auto'),
  DIGEST_MODEL_CACHE_DIR: z.string().optional(),
  DIGEST_MODEL_PRICES: z.string().optional(),
  DIGEST_EMBEDDINGS_MODEL: z.string().optional(),
  DIGEST_EMBEDDINGS_BASE_URL: httpUrl.optional(),
  DIGEST_EMBEDDINGS_API_KEY: z.string().optional(),
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
  const embeddingsKey = e.DIGEST_EMBEDDINGS_API_KEY ?? e.OPENAI_API_KEY;
  if (e.DIGEST_EMBEDDINGS_MODEL && !embeddingsKey && !(e.DIGEST_EMBEDDINGS_BASE_URL ?? e.OPENAI_BASE_URL)) {
    throw new ConfigError('DIGEST_EMBEDDINGS_MODEL is set but no key or server is: set DIGEST_EMBEDDINGS_API_KEY (or OPENAI_API_KEY), or DIGEST_EMBEDDINGS_BASE_URL for a local server; or unset DIGEST_EMBEDDINGS_MODEL to cluster without embeddings');
  }
  return {
    apiKey: e.OPENAI_API_KEY,
    baseUrl: e.OPENAI_BASE_URL,
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
      ? { embeddings: { model: e.DIGEST_EMBEDDINGS_MODEL, apiKey: embeddingsKey, baseUrl: e.DIGEST_EMBEDDINGS_BASE_URL ?? e.OPENAI_BASE_URL } }
      : {}),
  };
}

function parsePrices(text: string | undefined): PriceTable {
  if (!text) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`environment variable DIGEST_MODEL_PRICES: not JSON; write e.g. {"gpt-4.1-mini":{"input":0.4,"output":1.6}} (USD per 1M tokens)`, { cause: err });
  }
  const r = PricesSchema.safeParse(raw);
  if (!r.success) {
    throw new ConfigError(`environment variable DIGEST_MODEL_PRICES: ${describeZodIssue(r.error.issues[0]!, 'value')}; expected {"<model>":{"input":USD,"output":USD}} per 1M tokens`, { cause: r.error });
  }
  return r.data;
}

/** The model a prompt runs on: OPENAI_MODEL_<NAME>, else the prompt's front-matter `model`, else OPENAI_MODEL. */
export function modelForPrompt(config: Pick<ModelConfig, 'model' | 'modelByPrompt'>, promptName: string, promptModel?: string): string {
  return config.modelByPrompt[promptName.toLowerCase()] ?? promptModel ?? config.model;
}

/** The settings without secrets, for logs and the run report. */
export function describeModelConfig(config: ModelConfig): Record<string, unknown> {
  return {
    baseUrl: config.baseUrl ?? 'https://api.openai.com/v1',
    apiKey: config.apiKey ? 'set' : 'unset',
    model: config.model,
    modelByPrompt: config.modelByPrompt,
    concurrency: config.concurrency,
    timeoutMs: config.timeoutMs,
    maxRetries: config.maxRetries,
    jsonMode: config.jsonMode,
    cache: config.cacheDir === null ? 'off' : (config.cacheDir ?? 'state folder'),
  };
}
