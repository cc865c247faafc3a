import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/util/progress-line.js';

describe('createProgress', () => {
  it('rewrites one line with every counter on a terminal', () => {
    const out: string[] = [];
    const p = createProgress((t) => void out.push(t), true);
    p.total('feeds', 2);
    p.tick('feeds');
    p.total('topics', 3);
    p.tick('topics');
    p.done();
    expect(out.at(-2)).toBe('\r\x1b[2Kfeeds 1/2 · topics 1/3');
    expect(out.at(-1)).toBe('\n');
  });
  it('prints nothing when not on a terminal', () => {
    const out: string[] = [];
    const p = createProgress((t) => void out.push(t), false);
    p.total('feeds', 2);
    p.tick('feeds');
    p.done();
    expect(out).toEqual([]);
  });
});
