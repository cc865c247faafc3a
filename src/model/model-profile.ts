// What a model on a server needs, decided before the first call instead of by a round of 400s: which output-budget
// parameter, whether temperature is allowed, reasoning effort, JSON mode, the switch that turns a hybrid model's
// thinking off, the output cap and the context window. Three layers, later ones winning:
//   1. detected: from the base URL (vendor hosts and their API paths) and the model name (family rules);
//   2. learned: what this server was seen to do (a parameter refused, hidden reasoning, its window), kept in
//      <state>/model-profile.json so the next night starts right (profile-store.ts);
//   3. configured: DIGEST_MODEL_SERVER, DIGEST_MODEL_PROFILE, DIGEST_MODEL_TOKEN_PARAM, DIGEST_MODEL_CONTEXT,
//      DIGEST_MODEL_JSON_MODE (model-config.ts).
// Sources for every rule: /work/notes/model-servers.md.

export const SERVER_KINDS = [
  'openai',
  'azure',
  'deepseek',
  'gemini',
  'vllm',
  'ollama',
  'llama-server',
  'dashscope',
  'openrouter',
  'generic',
] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

/** chat: no hidden reasoning. reasoning: always reasons, paid from the output budget. hybrid: thinks unless told not to (Qwen3). */
export const MODEL_FAMILIES = ['chat', 'reasoning', 'hybrid'] as const;
export type ModelFamily = (typeof MODEL_FAMILIES)[number];

export type TokenParam = 'max_tokens' | 'max_completion_tokens';
export type JsonModeUsed = 'json_schema' | 'json_object' | 'prompt';
export const REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high'] as const;

export interface ModelProfile {
  server: ServerKind;
  family: ModelFamily;
  tokenParam: TokenParam;
  temperature: boolean;
  /** reasoning_effort values the model takes; empty: never sent. */
  efforts: string[];
  jsonMode: JsonModeUsed;
  /** False when DIGEST_MODEL_JSON_MODE forces the mode: then a refusal is an error, not a fallback. */
  jsonFallback: boolean;
  /** Request fields the profile adds (thinking off for a hybrid model), before the configured extra_body. */
  extraBody: Record<string, unknown>;
  /** Top-level fields the server refused; never sent, whoever asked for them. */
  dropFields: string[];
  /** The model's longest answer, when known: a budget is never raised past it. */
  maxOutput?: number;
  /** The context window in tokens, when known. */
  contextTokens?: number;
  /** Hidden reasoning is paid from the output budget: send answer + reasoning allowance. */
  reasoningBudget: boolean;
  /** Per prompt: the budget factor a cut answer taught us (entry: 2 = twice max_tokens). */
  outputScale: Record<string, number>;
}

/** What was learnt about a model on a server; each field overrides the detected profile. */
export interface LearnedProfile {
  server?: ServerKind;
  family?: ModelFamily;
  tokenParam?: TokenParam;
  temperature?: boolean;
  efforts?: string[];
  jsonMode?: JsonModeUsed;
  extraBody?: Record<string, unknown>;
  dropFields?: string[];
  maxOutput?: number;
  contextTokens?: number;
  reasoningBudget?: boolean;
  outputScale?: Record<string, number>;
  /** A call with this profile has succeeded: the next run need not probe with one call first. */
  confirmed?: boolean;
}

export interface ProfileOverrides {
  server?: ServerKind;
  family?: ModelFamily;
  tokenParam?: TokenParam;
  contextTokens?: number;
  /** `auto` lets the profile choose and fall back. */
  jsonMode: 'auto' | 'json_schema' | 'json_object';
}

/** The server from its base URL; servers that run anywhere (vLLM, llama-server) are recognised from their answers. */
export function detectServer(baseUrl: string | undefined): ServerKind {
  if (!baseUrl) return 'openai';
  let u: URL;
  try {
    u = new URL(baseUrl);
  } catch {
    return 'generic';
  }
  const host = u.hostname.toLowerCase();
  const p = u.pathname.toLowerCase();
  if (host === 'api.openai.com') return 'openai';
  if (/\.(openai\.azure|cognitiveservices\.azure|services\.ai\.azure)\.com$/.test(host) || /\/openai\/(v1|deployments)(\/|$)/.test(p))
    return 'azure';
  if (host === 'api.deepseek.com') return 'deepseek';
  if (host === 'generativelanguage.googleapis.com' || /\/v1beta\/openai(\/|$)/.test(p)) return 'gemini';
  if (/^dashscope(-intl|-us)?\.aliyuncs\.com$/.test(host) || p.includes('/compatible-mode/')) return 'dashscope';
  if (host === 'openrouter.ai') return 'openrouter';
  if (u.port === '11434') return 'ollama';
  return 'generic';
}

/** A server recognised from a 200 answer's own marks, or undefined. */
export function serverFromAnswer(body: Record<string, unknown>): ServerKind | undefined {
  if (body.system_fingerprint === 'fp_ollama') return 'ollama';
  if (typeof body.timings === 'object' && body.timings !== null) return 'llama-server';
  if ('kv_transfer_params' in body || 'prompt_logprobs' in body) return 'vllm';
  return undefined;
}

/** The model's own name: no vendor prefix (openai/gpt-5), no Ollama tag (qwen3:8b), lower case. */
export function baseModelName(model: string): string {
  return model.toLowerCase().split('/').pop()!.split(':')[0]!;
}

export function detectFamily(model: string): ModelFamily {
  const m = baseModelName(model);
  if (/^gpt-5/.test(m) && !/chat/.test(m)) return 'reasoning';
  if (/^o\d(-|$)/.test(m) || /^gpt-oss/.test(m)) return 'reasoning';
  if (/deepseek-reasoner|deepseek-r1|r1-distill|^qwq|thinking|magistral/.test(m)) return 'reasoning';
  if (/^gemini-(2\.5|3)/.test(m) && !/lite/.test(m)) return 'reasoning';
  if (/qwen3/.test(m) && !/instruct|coder/.test(m)) return 'hybrid';
  if (/^deepseek-(flash|v4)/.test(m)) return 'hybrid';
  return 'chat';
}

function effortsOf(m: string, family: ModelFamily): string[] {
  if (family !== 'reasoning') return [];
  if (/^gpt-5\.\d/.test(m)) return ['none', 'minimal', 'low', 'medium', 'high'];
  if (/^gpt-5/.test(m)) return ['minimal', 'low', 'medium', 'high'];
  if (/^o\d/.test(m) || /^gpt-oss/.test(m)) return ['low', 'medium', 'high'];
  if (/^gemini/.test(m)) return /pro/.test(m) ? ['minimal', 'low', 'medium', 'high'] : ['none', 'minimal', 'low', 'medium', 'high'];
  return [];
}

/** Published output caps and windows of common models (a budget is never raised past the cap). */
function limitsOf(m: string, server: ServerKind): { maxOutput?: number; contextTokens?: number } {
  if (/^gpt-4\.1/.test(m)) return { maxOutput: 32_768, contextTokens: 1_047_576 };
  if (/^gpt-4o/.test(m)) return { maxOutput: 16_384, contextTokens: 128_000 };
  if (/^gpt-5/.test(m)) return { maxOutput: 128_000, contextTokens: 400_000 };
  if (/^o[34]/.test(m)) return { maxOutput: 100_000, contextTokens: 200_000 };
  if (m === 'deepseek-chat') return { maxOutput: 8_192, contextTokens: 131_072 };
  if (m === 'deepseek-reasoner') return { maxOutput: 65_536, contextTokens: 131_072 };
  if (/^gemini-(2\.5|3)/.test(m)) return { maxOutput: 65_536, contextTokens: 1_048_576 };
  if (server === 'dashscope' && /^qwen3-\d/.test(m)) return { maxOutput: 8_192, contextTokens: 131_072 };
  if (/^qwen-(plus|turbo)/.test(m)) return { maxOutput: 32_768, contextTokens: 131_072 };
  if (/^qwen-max/.test(m)) return { maxOutput: 8_192, contextTokens: 32_768 };
  return {};
}

/** How a hybrid model's thinking is switched off, per server (none is known for Gemini, OpenAI, Azure). */
function thinkingOff(server: ServerKind, m: string): Record<string, unknown> {
  if (/^deepseek-(flash|v4)/.test(m)) return { thinking: { type: 'disabled' } };
  switch (server) {
    case 'dashscope':
      // Only the top-level field counts there; chat_template_kwargs is not honoured.
      return { enable_thinking: false };
    case 'ollama':
      // Ollama's compatibility layer reads reasoning_effort and drops chat_template_kwargs.
      return { reasoning_effort: 'none' };
    case 'gemini':
    case 'openai':
    case 'azure':
    case 'openrouter':
      return {};
    default:
      // vLLM and llama-server pass it to the chat template (Qwen3's enable_thinking); other servers ignore it.
      return { chat_template_kwargs: { enable_thinking: false } };
  }
}

export function detectProfile(
  baseUrl: string | undefined,
  model: string,
  server: ServerKind = detectServer(baseUrl),
  family: ModelFamily = detectFamily(model),
): ModelProfile {
  const m = baseModelName(model);
  const deepseekApi = server === 'deepseek' || m === 'deepseek-chat' || m === 'deepseek-reasoner';
  return {
    server,
    family,
    // Every OpenAI and Azure model takes max_completion_tokens, and OpenAI's reasoning models take nothing else,
    // through any proxy; Ollama reads only max_tokens (it ignores the other: no limit at all); others take max_tokens.
    tokenParam:
      server === 'openai' || server === 'azure' || (/^(gpt-5|o\d)/.test(m) && family === 'reasoning' && server !== 'ollama')
        ? 'max_completion_tokens'
        : 'max_tokens',
    temperature: family !== 'reasoning',
    efforts: effortsOf(m, family),
    // DeepSeek refuses json_schema, always.
    jsonMode: deepseekApi ? 'json_object' : 'json_schema',
    jsonFallback: true,
    extraBody: family === 'hybrid' ? thinkingOff(server, m) : {},
    dropFields: [],
    ...limitsOf(m, server),
    reasoningBudget: family === 'reasoning',
    outputScale: {},
  };
}

/** The profile a request is built from: detected, then learned, then configured. */
export function resolveProfile(baseUrl: string | undefined, model: string, learned: LearnedProfile, o: ProfileOverrides): ModelProfile {
  const server = o.server ?? learned.server ?? detectServer(baseUrl);
  const family = o.family ?? learned.family ?? detectFamily(model);
  const p = detectProfile(baseUrl, model, server, family);
  const l = learned;
  const merged: ModelProfile = {
    ...p,
    tokenParam: l.tokenParam ?? p.tokenParam,
    temperature: l.temperature ?? p.temperature,
    efforts: l.efforts ?? p.efforts,
    jsonMode: l.jsonMode ?? p.jsonMode,
    extraBody: { ...p.extraBody, ...l.extraBody },
    dropFields: [...new Set([...p.dropFields, ...(l.dropFields ?? [])])],
    maxOutput: l.maxOutput ?? p.maxOutput,
    contextTokens: l.contextTokens ?? p.contextTokens,
    reasoningBudget: l.reasoningBudget ?? p.reasoningBudget,
    outputScale: { ...l.outputScale },
  };
  if (o.tokenParam) merged.tokenParam = o.tokenParam;
  if (o.contextTokens) merged.contextTokens = o.contextTokens;
  if (o.jsonMode !== 'auto') {
    merged.jsonMode = o.jsonMode;
    merged.jsonFallback = false;
  }
  return merged;
}

/** The effort to send: the prompt's wish if the model takes it, else the nearest stronger one it takes. */
export function effortFor(wanted: string | undefined, allowed: readonly string[]): string | undefined {
  if (!wanted || allowed.length === 0) return undefined;
  if (allowed.includes(wanted)) return wanted;
  const order: readonly string[] = REASONING_EFFORTS;
  return order.slice(Math.max(0, order.indexOf(wanted))).find((e) => allowed.includes(e)) ?? allowed.at(-1);
}
