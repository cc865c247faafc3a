// The port the writer talks to. One adapter implements it over the openai SDK (openai-chat.ts); tests drive that
// adapter against a local HTTP server, so there is no second, fake implementation to drift from the real one.

import type { z } from 'zod';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  /** The shape of the answer: sent as a strict json_schema response format (or inside the prompt in JSON mode). */
  schema: { name: string; zod: z.ZodType };
  temperature?: number;
  /** The answer's budget; reasoning models get `reasoningTokens` on top (the adapter decides who reasons). */
  maxTokens?: number;
  /** The prompt's name (`entry`, `frame`): what is learnt about its budget is kept per prompt. */
  prompt?: string;
  /** reasoning_effort wished for; sent only to models that take it, mapped to the nearest value they take. */
  reasoningEffort?: string;
  /** Output budget for hidden reasoning, added to maxTokens for reasoning models. */
  reasoningTokens?: number;
  /** Multiplies the output budget: the retry after an answer was cut at the budget. */
  budgetScale?: number;
  /** Request fields from the prompt's front matter (`extra_body`), sent as given. */
  extraBody?: Record<string, unknown>;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  /** The server reported no usage: these are local estimates. */
  estimated?: boolean;
}

export interface ChatResult {
  /** The answer text exactly as the server sent it. */
  text: string;
  /** Set when the model declined to answer (structured-output refusal). */
  refusal: string | null;
  /** `length` means the answer was cut at max_tokens. */
  finishReason: string | null;
  usage: TokenUsage;
  /** The model the server says answered. */
  model: string;
  /** How the JSON answer was requested (after any fallback). */
  mode: 'json_schema' | 'json_object' | 'prompt';
  /** Hidden reasoning the answer cost, when the server says or shows it. */
  reasoningTokens?: number;
}

export interface ChatClient {
  /** Default model (OPENAI_MODEL). */
  readonly model: string;
  /** One answer; retries, timeouts and concurrency are inside. Throws ModelCallError. */
  complete(request: ChatRequest): Promise<ChatResult>;
  /**
   * How many prompt tokens (as estimate-tokens.ts counts them) a request may hold beside its output budget: the
   * model's context window (configured, learnt or published) minus the budget and what the adapter adds to the
   * prompt. Undefined when the window is unknown and no `assumeContext` is given.
   */
  promptRoom?(request: Omit<ChatRequest, 'messages'>, assumeContext?: number): number | undefined;
}

/** Structured logging the model layer needs; a pino logger fits. */
export interface ModelLog {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export const silentLog: ModelLog = { debug() {}, info() {}, warn() {} };
