// When to retry a failed call and how long to wait: the one policy shared by feeds, chat and embeddings.
// Pure, so the waits are tested without waiting; the adapters take `sleep` and `random` as deps.

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  /** No single wait is longer, whatever the server's Retry-After says (openai 6 itself would obey any value). */
  capMs: number;
}

/** Response headers as either SDK (`Headers`) or undici (a lower-cased record) gives them. */
export type HeaderSource = { get(name: string): string | null } | Record<string, string | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function')
    return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  return (headers as Record<string, string | undefined>)[name];
}

/** Retry-After as milliseconds: `retry-after-ms`, delta-seconds or an HTTP date; undefined when absent or garbled. */
export function parseRetryAfter(headers: HeaderSource | undefined, now: number): number | undefined {
  if (!headers) return undefined;
  const ms = header(headers, 'retry-after-ms')?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return Math.round(Number(ms));
  const v = header(headers, 'retry-after')?.trim();
  if (!v) return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The wait before retry number `retry` (0-based): the server's Retry-After if given, else exponential backoff with jitter; capped. */
export function retryDelayMs(
  retry: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.capMs);
  const exp = policy.baseDelayMs * 2 ** retry;
  // Jitter over the upper half ("equal jitter"): never 0, and parallel calls do not retry in lockstep.
  return Math.min(Math.round(exp / 2 + (random() * exp) / 2), policy.capMs);
}

/** Statuses worth another try: the request was fine, the server was not. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

export const realSleep = (ms: number): Promise<void> => new Promise<void>((r) => setTimeout(r, ms));
