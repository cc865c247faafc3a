import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/collect/parse-date.js';

const iso = (s: string) => parseDate(s)?.toISOString() ?? null;

describe('parseDate', () => {
  it('reads RFC 822 dates with numeric and named zones', () => {
    expect(iso('Thu, 04 Dec 2025 10:00:00 GMT')).toBe('2025-12-04T10:00:00.000Z');
    expect(iso('Thu, 04 Dec 2025 18:00:00 +0800')).toBe('2025-12-04T10:00:00.000Z');
    expect(iso('Thu, 4 Dec 2025 05:00:00 EST')).toBe('2025-12-04T10:00:00.000Z');
    expect(iso('Thu, 04 Dec 2025 02:00:00 PST')).toBe('2025-12-04T10:00:00.000Z');
    expect(iso('Thu, 04 Dec 2025 19:00:00 JST')).toBe('2025-12-04T10:00:00.000Z');
    expect(iso('Thursday, 04-Dec-25 10:00:00 UT')).toBe('2025-12-04T10:00:00.000Z');
    expect(iso('Thu, 04 Dec 2025 10:00 +0000 (UTC)')).toBe('2025-12-04T10:00:00.000Z');
  });

  it('reads ISO 8601 / W3C dates; no zone means UTC', () => {
    expect(iso('2025-12-04T18:00:00+08:00')).toBe('2025-12-04T10:00:00.000Z');
    expect(iso('2025-12-04T10:00:00.123Z')).toBe('2025-12-04T10:00:00.123Z');
    expect(iso('2025-12-04 10:00:00')).toBe('2025-12-04T10:00:00.000Z');
    expect(iso('2025-12-04')).toBe('2025-12-04T00:00:00.000Z');
  });

  it('reads the US and Chinese forms seen in the wild', () => {
    expect(iso('December 4, 2025 10:00 AM GMT')).toBe('2025-12-04T10:00:00.000Z');
    expect(iso('Dec 4, 2025 6:00 PM +0800')).toBe('2025-12-04T10:00:00.000Z');
    expect(iso('2025年12月4日 18:00 +0800')).toBe('2025-12-04T10:00:00.000Z');
  });

  it('returns null for junk, unknown zones and impossible years instead of guessing', () => {
    expect(parseDate('')).toBeNull();
    expect(parseDate('yesterday')).toBeNull();
    expect(parseDate('Thu, 04 Dec 2025 10:00:00 XYZT')).toBeNull();
    expect(parseDate('0001-01-01T00:00:00Z')).toBeNull();
    expect(parseDate('99999-01-01')).toBeNull();
    expect(parseDate('2025-13-45')).toBeNull();
  });
});
