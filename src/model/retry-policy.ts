// When to retry a failed call and how long to wait. Pure, so the waits are tested without waiting.

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  /** No single wait is longer, whatever the server's Retry-After says (openai 6 itself would obey any value). */
  capMs: number;
}

/** Retry-After as milliseconds: `retry-after-ms`, delta-seconds or an HTTP date; undefined when absent or garbled. */
export function parseRetryAfter(headers: { get(name: string): string | null } | undefined, now: number): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.round(Number(ms));
  const v = headers.get('retry-after')?.trim();
  if (!v) return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The wait before retry number `retry` (0-based): the server's Retry-After if given, else exponential backoff with jitter; capped. */
export function retryDelayMs(retry: number, retryAfterMs: number | undefined, policy: RetryPolicy, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.capMs);
  const exp = policy.baseDelayMs * 2 ** retry;
  // Full jitter over the upper half keeps parallel topics from retrying in lockstep.
  return Math.min(Math.round(exp / 2 + (random() * exp) / 2), policy.capMs);
}

/** Statuses worth another try: the request was fine, the server was not. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}
