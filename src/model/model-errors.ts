// Errors of the model layer. Names are stable (tests, logs and the run report match on them).

import { DigestError } from '../errors.js';
import type { TokenUsage } from './chat-client.js';

export type ModelCallFailure = 'timeout' | 'rate-limit' | 'server' | 'network' | 'rejected' | 'auth' | 'quota';

/** The server did not give an answer (after the retries that made sense). */
export class ModelCallError extends DigestError {
  constructor(
    message: string,
    readonly failure: ModelCallFailure,
    readonly status: number | undefined,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super('ModelCallError', message, options);
  }

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
