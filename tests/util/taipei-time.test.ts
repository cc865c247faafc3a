import { describe, expect, it } from 'vitest';
import { cutoffInstant, inWindow, isValidDate, taipeiToday, toTaipeiClock, toTaipeiIso, windowFor } from '../../src/util/taipei-time.js';

describe('taipei time', () => {
  it('turns a UTC instant into the Taipei date and clock', () => {
    const t = new Date('2025-12-04T22:45:04Z');
    expect(taipeiToday(t)).toBe('2025-12-05');
    expect(toTaipeiIso(t)).toBe('2025-12-05T06:45:04+08:00');
    expect(toTaipeiClock(t)).toBe('2025/12/05 06:45:04');
  });
  it('takes the 24 hours before the cut-off as the window', () => {
    const w = windowFor('2025-12-05', '06:45');
    expect(w).toEqual({ start: '2025-12-03T22:45:00.000Z', end: '2025-12-04T22:45:00.000Z' });
    expect(inWindow('2025-12-04T22:44:59Z', w)).toBe(true);
    expect(inWindow('2025-12-04T22:45:00Z', w)).toBe(false);
    expect(inWindow('2025-12-03T22:45:00Z', w)).toBe(true);
  });
  it('rejects impossible dates and cut-offs', () => {
    expect(isValidDate('2025-02-30')).toBe(false);
    expect(isValidDate('2025-12-05')).toBe(true);
    expect(() => cutoffInstant('2025-12-05', '25:00')).toThrow(/cut-off/);
  });
});
