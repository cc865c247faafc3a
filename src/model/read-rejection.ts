// What a refused request (400/404/422) asks us to change, read from the server's own words (server-error.ts makes
// them readable whatever the body's shape). Order matters: a context overflow on vLLM names `max_tokens` and
// `max_completion_tokens` ("'max_tokens' or 'max_completion_tokens' is too large: …") and must be read as "too
// long", never as "switch the token parameter"; an output cap ("supports at most 32768 completion tokens") likewise.

import type { ServerError } from './server-error.js';
import type { JsonModeUsed, TokenParam } from './model-profile.js';

export type Remedy =
  /** Prompt + answer exceed the window; figures as the server gave them (any may be missing). */
  | { kind: 'context'; contextTokens?: number; promptTokens?: number; maxTokens?: number; inputLimit?: number }
  | { kind: 'max-output'; max: number }
  | { kind: 'token-param'; to: TokenParam }
  | { kind: 'no-temperature' }
  | { kind: 'no-effort' }
  | { kind: 'drop-field'; field: string }
  | { kind: 'thinking-off'; extra: Record<string, unknown> }
  | { kind: 'json-mode' }
  | { kind: 'none' };

export interface SentRequest {
  /** Top-level body fields sent. */
  fields: ReadonlySet<string>;
  tokenParam: TokenParam | undefined;
  mode: JsonModeUsed;
}

const n = (s: string | undefined) => (s === undefined ? undefined : Number(s));

function readContext(e: ServerError): Remedy | undefined {
  const m = e.message;
  let r: RegExpExecArray | null;
  // vLLM 0.10–0.11: the budget does not fit beside the prompt.
  if ((r = /is too large: (\d+)\. This model's maximum context length is (\d+) tokens and your request has (\d+) input tokens/.exec(m))) {
    return { kind: 'context', maxTokens: n(r[1]), contextTokens: n(r[2]), promptTokens: n(r[3]) };
  }
  // vLLM (2026 renderer).
  if (
    (r = /You passed (\d+) input tokens and requested (\d+) output tokens\. However, the model's context length is only (\d+) tokens/.exec(
      m,
    ))
  ) {
    return { kind: 'context', promptTokens: n(r[1]), maxTokens: n(r[2]), contextTokens: n(r[3]) };
  }
  if ((r = /maximum context length is (\d+) tokens/i.exec(m))) {
    const window = n(r[1]);
    const split = /\((\d+) in the messages, (\d+) in the completion\)/.exec(m);
    if (split) return { kind: 'context', contextTokens: window, promptTokens: n(split[1]), maxTokens: n(split[2]) };
    const out = /requested (\d+) output tokens and your prompt contains at least (\d+) input tokens/.exec(m);
    if (out) return { kind: 'context', contextTokens: window, maxTokens: n(out[1]), promptTokens: n(out[2]) };
    const p = /(?:resulted in|has|requested) (\d+) (?:input )?tokens/.exec(m);
    return { kind: 'context', contextTokens: window, promptTokens: n(p?.[1]) };
  }
  // llama-server (and Ollama ≥ 0.30, which passes its error through).
  if ((r = /request \((\d+) tokens\) exceeds the available context size \((\d+) tokens\)/.exec(m)))
    return { kind: 'context', promptTokens: n(r[1]), contextTokens: n(r[2]) };
  if (e.contextTokens !== undefined) return { kind: 'context', contextTokens: e.contextTokens, promptTokens: e.promptTokens };
  // Gemini.
  if ((r = /input token count \((\d+)\) exceeds the maximum number of tokens allowed \((\d+)\)/.exec(m)))
    return { kind: 'context', promptTokens: n(r[1]), contextTokens: n(r[2]) };
  // DashScope names the longest input only.
  if ((r = /Range of input length should be \[1, (\d+)\]/.exec(m))) return { kind: 'context', inputLimit: n(r[1]) };
  if (
    e.code === 'context_length_exceeded' ||
    /context (length|window|size)|too many (input )?tokens|prompt is too long|longer than the context|input exceeds/i.test(m)
  )
    return { kind: 'context' };
  return undefined;
}

export function readRejection(e: ServerError, sent: SentRequest): Remedy {
  const m = e.message;
  const context = readContext(e);
  if (context) return context;

  let r: RegExpExecArray | null;
  if (
    (r =
      /supports at most (\d+) completion tokens|valid range of max_tokens is \[1, (\d+)\]|Range of max_tokens should be \[1, (\d+)\]/i.exec(
        m,
      ))
  ) {
    return { kind: 'max-output', max: Number(r[1] ?? r[2] ?? r[3]) };
  }

  // Fields a server does not know: Gemini ("Unknown name"), pydantic ("Extra inputs are not permitted"), OpenAI.
  const unknown =
    /Unknown name "([^"]+)"(?: at '([^']+)')?: Cannot find field/.exec(m) ??
    /(?:body\.)?([a-z_]+): Extra inputs are not permitted/.exec(m) ??
    /Unrecognized request argument supplied: ([a-z_]+)/.exec(m);
  if (unknown) {
    const field = unknown[1]!;
    const at = unknown[2] ?? '';
    if (field === 'max_tokens' || field === 'max_completion_tokens')
      return { kind: 'token-param', to: field === 'max_tokens' ? 'max_completion_tokens' : 'max_tokens' };
    if (field === '$schema' || /response_schema|response_format/.test(at))
      return sent.mode === 'prompt' ? { kind: 'none' } : { kind: 'json-mode' };
    if (sent.fields.has(field) && field !== 'model' && field !== 'messages') return { kind: 'drop-field', field };
  }

  const refused = /unsupported|not supported|does not support|only the default|is not available|not allowed|invalid/i.test(m);
  const names = (p: string) => e.param === p || new RegExp(`\\b${p}\\b`).test(m);
  if (sent.tokenParam === 'max_tokens' && names('max_tokens') && (refused || /max_completion_tokens/.test(m)))
    return { kind: 'token-param', to: 'max_completion_tokens' };
  if (sent.tokenParam === 'max_completion_tokens' && names('max_completion_tokens') && refused)
    return { kind: 'token-param', to: 'max_tokens' };
  if (sent.fields.has('temperature') && names('temperature') && refused) return { kind: 'no-temperature' };
  if (sent.fields.has('reasoning_effort') && (names('reasoning_effort') || /invalid reasoning value|only works in thinking mode/i.test(m)))
    return { kind: 'no-effort' };
  if (/enable_thinking must be set to false/.test(m)) return { kind: 'thinking-off', extra: { enable_thinking: false } };
  if (
    sent.mode !== 'prompt' &&
    /response_format|json_schema|json_object|structured output|guided|grammar|response_schema|response_mime_type/i.test(m)
  )
    return { kind: 'json-mode' };
  return { kind: 'none' };
}
