// Errors of the model layer. Names are stable (tests, logs and the run report match on them).

import { DigestError } from '../errors.js';
import type { TokenUsage } from './chat-client.js';

export type ModelCallFailure = 'timeout' | 'rate-limit' | 'server' | 'network' | 'rejected' | 'auth' | 'quota' | 'context';

/** What a context overflow told us: the window and the prompt's size as the server counted them (either may be unknown). */
export interface ContextOverflow {
  contextTokens?: number;
  promptTokens?: number;
  /** The server answered from a silently cut prompt (Ollama): the answer was thrown away. */
  truncated?: boolean;
}

/** The server did not give an answer (after the retries that made sense). */
export class ModelCallError extends DigestError {
  constructor(
    message: string,
    readonly failure: ModelCallFailure,
    readonly status: number | undefined,
    readonly attempts: number,
    options?: { cause?: unknown; context?: ContextOverflow },
  ) {
    super('ModelCallError', message, options);
    this.context = options?.context;
  }

  /** Set when failure is `context`: the prompt must shrink to be answered. */
  readonly context: ContextOverflow | undefined;

  /** Every later call would fail the same way (bad key, unknown model, no quota): stop calling. */
  get fatal(): boolean {
    return this.failure === 'auth' || this.failure === 'quota' || this.status === 404;
  }
}

/** The server answered, but the answer is unusable even after the repair attempt. Keeps the raw text. */
export class ModelOutputError extends DigestError {
  constructor(
    message: string,
    readonly rawText: string,
    readonly problems: string[],
    readonly usage: TokenUsage,
    options?: { cause?: unknown },
  ) {
    super('ModelOutputError', message, options);
  }
}
