import { describe, expect, it } from 'vitest';
import { scoreClustering } from '../../src/cluster/cluster-metrics.js';

describe('scoreClustering', () => {
  // pred {0,1} {2,3}; gold {0,1,2} {3}. Worked by hand:
  // B-cubed P = (1 + 1 + 1/2 + 1/2) / 4; R = (2/3 + 2/3 + 1/3 + 1) / 4.
  // Pairs: predicted (0,1) (2,3); gold (0,1) (0,2) (1,2); shared (0,1) → P 1/2, R 1/3.
  // H(pred) = ln 2; H(gold) = −(3/4 ln 3/4 + 1/4 ln 1/4);
  // MI = 2/4 ln(2·4/(2·3)) + 1/4 ln(1·4/(2·3)) + 1/4 ln(1·4/(2·1)).
  const pred = ['a', 'a', 'b', 'b'];
  const gold = [7, 7, 7, 9];
  const hp = Math.log(2);
  const hg = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
  const mi = 0.5 * Math.log(4 / 3) + 0.25 * Math.log(2 / 3) + 0.25 * Math.log(2);

  it('computes B-cubed, pairwise and NMI on a hand-worked example', () => {
    const s = scoreClustering(pred, gold);
    expect(s.bcubedPrecision).toBeCloseTo(0.75, 12);
    expect(s.bcubedRecall).toBeCloseTo(2 / 3, 12);
    expect(s.bcubedF1).toBeCloseTo((2 * 0.75 * (2 / 3)) / (0.75 + 2 / 3), 12);
    expect(s.pairPrecision).toBeCloseTo(0.5, 12);
    expect(s.pairRecall).toBeCloseTo(1 / 3, 12);
    expect(s.pairF1).toBeCloseTo(0.4, 12);
    expect(s.nmiArithmetic).toBeCloseTo(mi / ((hp + hg) / 2), 12);
    expect(s.nmiGeometric).toBeCloseTo(mi / Math.sqrt(hp * hg), 12);
    expect(s.nmiArithmetic).toBeCloseTo(0.34372, 4);
    expect(s.clusters).toBe(2);
    expect(s.classes).toBe(2);
  });

  it('is symmetric where it should be: swapping roles swaps precision and recall', () => {
    const a = scoreClustering(pred, gold);
    const b = scoreClustering(gold, pred);
    expect(b.bcubedPrecision).toBeCloseTo(a.bcubedRecall, 12);
    expect(b.pairRecall).toBeCloseTo(a.pairPrecision, 12);
    expect(b.nmiGeometric).toBeCloseTo(a.nmiGeometric, 12);
  });

  it('scores identical partitions (under any labels) as perfect', () => {
    const s = scoreClustering([5, 5, 1, 2, 2, 2], ['x', 'x', 'y', 'z', 'z', 'z']);
    for (const v of [s.nmiArithmetic, s.nmiGeometric, s.bcubedF1, s.pairF1]) expect(v).toBeCloseTo(1, 12);
  });

  it('gives every-item-alone full precision and no pairwise recall', () => {
    const s = scoreClustering([0, 1, 2, 3], [0, 0, 1, 1]);
    expect(s.bcubedPrecision).toBe(1);
    expect(s.bcubedRecall).toBeCloseTo(0.5, 12);
    expect(s.pairPrecision).toBe(1);
    expect(s.pairRecall).toBe(0);
    expect(s.pairF1).toBe(0);
  });

  it('rejects label arrays of different lengths', () => {
    expect(() => scoreClustering([1, 2], [1])).toThrow(RangeError);
  });
});
