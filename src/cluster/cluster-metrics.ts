// Clustering quality against gold labels. All metrics work on two label arrays of equal length (predicted, gold);
// labels are compared for equality only.
//
// NMI: mutual information normalised by the arithmetic mean (sklearn's default) or the geometric mean of the two
// entropies. B-cubed: per item, precision = share of its predicted cluster that shares its gold class, recall = share
// of its gold class inside its predicted cluster, both averaged over items (Bagga & Baldwin 1998). Pairwise: over all
// unordered pairs of items, a pair is positive when both are in one cluster.

export interface ClusterScores {
  nmiArithmetic: number;
  nmiGeometric: number;
  bcubedPrecision: number;
  bcubedRecall: number;
  bcubedF1: number;
  pairPrecision: number;
  pairRecall: number;
  pairF1: number;
  clusters: number;
  classes: number;
}

export function scoreClustering(predicted: ArrayLike<unknown>, gold: ArrayLike<unknown>): ClusterScores {
  if (predicted.length !== gold.length) throw new RangeError(`label arrays differ in length: ${predicted.length} vs ${gold.length}`);
  const n = predicted.length;
  const p = denseLabels(predicted);
  const g = denseLabels(gold);
  const pSize = new Float64Array(p.count);
  const gSize = new Float64Array(g.count);
  const joint = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    pSize[p.labels[i]!]!++;
    gSize[g.labels[i]!]!++;
    const key = p.labels[i]! * g.count + g.labels[i]!;
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  const entropy = (sizes: Float64Array) => {
    let h = 0;
    for (const s of sizes) if (s > 0) h -= (s / n) * Math.log(s / n);
    return h;
  };
  const hp = entropy(pSize);
  const hg = entropy(gSize);
  let mi = 0;
  let bp = 0;
  let br = 0;
  let pairsBoth = 0;
  for (const [key, c] of joint) {
    const pi = Math.floor(key / g.count);
    const gi = key % g.count;
    mi += (c / n) * Math.log((c * n) / (pSize[pi]! * gSize[gi]!));
    // Each of the c items in this cell has c same-class items in its cluster.
    bp += (c * c) / pSize[pi]!;
    br += (c * c) / gSize[gi]!;
    pairsBoth += (c * (c - 1)) / 2;
  }
  let pairsPred = 0;
  for (const s of pSize) pairsPred += (s * (s - 1)) / 2;
  let pairsGold = 0;
  for (const s of gSize) pairsGold += (s * (s - 1)) / 2;
  // Both partitions trivial (one cluster each, or n ≤ 1): the partitions agree perfectly.
  const nmi = (den: number) => (den > 0 ? mi / den : hp === 0 && hg === 0 ? 1 : 0);
  const bcubedPrecision = n ? bp / n : 1;
  const bcubedRecall = n ? br / n : 1;
  const pairPrecision = pairsPred ? pairsBoth / pairsPred : 1;
  const pairRecall = pairsGold ? pairsBoth / pairsGold : 1;
  return {
    nmiArithmetic: nmi((hp + hg) / 2),
    nmiGeometric: nmi(Math.sqrt(hp * hg)),
    bcubedPrecision,
    bcubedRecall,
    bcubedF1: f1(bcubedPrecision, bcubedRecall),
    pairPrecision,
    pairRecall,
    pairF1: f1(pairPrecision, pairRecall),
    clusters: p.count,
    classes: g.count,
  };
}

function f1(p: number, r: number): number {
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

function denseLabels(labels: ArrayLike<unknown>): { labels: Int32Array; count: number } {
  const ids = new Map<unknown, number>();
  const out = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    let id = ids.get(labels[i]);
    if (id === undefined) {
      id = ids.size;
      ids.set(labels[i], id);
    }
    out[i] = id;
  }
  return { labels: out, count: ids.size };
}
