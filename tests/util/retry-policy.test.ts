import { describe, expect, it } from 'vitest';
import { isRetryableStatus, parseRetryAfter, retryDelayMs } from '../../src/util/retry-policy.js';

const headers = (h: Record<string, string>) => new Headers(h);
const policy = { maxRetries: 3, baseDelayMs: 1000, capMs: 30_000 };

describe('retry policy', () => {
  it('parses Retry-After as seconds, milliseconds or an HTTP date', () => {
    const now = Date.parse('2025-12-05T00:00:00Z');
    expect(parseRetryAfter(headers({ 'retry-after': '2' }), now)).toBe(2000);
    expect(parseRetryAfter(headers({ 'retry-after': '0.5' }), now)).toBe(500);
    expect(parseRetryAfter(headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250);
    expect(parseRetryAfter(headers({ 'retry-after': 'Fri, 05 Dec 2025 00:00:10 GMT' }), now)).toBe(10_000);
    expect(parseRetryAfter(headers({ 'retry-after': 'Thu, 04 Dec 2025 00:00:10 GMT' }), now)).toBe(0);
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(parseRetryAfter(headers({}), now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('caps whatever the server asks for', () => {
    expect(retryDelayMs(0, 3_600_000, policy)).toBe(30_000);
    expect(retryDelayMs(0, 1200, policy)).toBe(1200);
  });

  it('backs off exponentially with jitter in the upper half, capped', () => {
    expect(retryDelayMs(0, undefined, policy, () => 0)).toBe(500);
    expect(retryDelayMs(0, undefined, policy, () => 1)).toBe(1000);
    expect(retryDelayMs(2, undefined, policy, () => 1)).toBe(4000);
    expect(retryDelayMs(10, undefined, policy, () => 1)).toBe(30_000);
  });

  it('retries what the server got wrong, not what the request got wrong', () => {
    expect([408, 409, 429, 500, 502, 503, 529].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 422].some(isRetryableStatus)).toBe(false);
  });
});
