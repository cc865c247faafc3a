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
  maxTokens?: number;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
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
}

export interface ChatClient {
  /** Default model (OPENAI_MODEL). */
  readonly model: string;
  /** One answer; retries, timeouts and concurrency are inside. Throws ModelCallError. */
  complete(request: ChatRequest): Promise<ChatResult>;
}

/** Structured logging the model layer needs; a pino logger fits. */
export interface ModelLog {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export const silentLog: ModelLog = { debug() {}, info() {}, warn() {} };
