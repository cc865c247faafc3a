// Turns similar pairs into groups of articles. Three passes (the benchmark compares them; see bench/cluster-bench.ts):
//
// 1. Pair linkage: pairs at or above `threshold`, strongest first, join their groups (single link) unless the veto
//    says no. `single-veto` vetoes when the two centroids are less similar than `mergeThreshold`; `size-veto` raises
//    that bar with the group sizes (see expectedCos): the chain of near-duplicates that glues two stories together is
//    what single link gets wrong, and it shows as two big groups whose centroids disagree.
// 2. Group merging (`groupLambda` > 0): groups that belong together but never had one strong article pair (a story
//    told in different words) are compared by centroid, most convincing first.
// 3. Reassignment (`refine` rounds): each article moves to the group whose centroid it is closest to, which undoes
//    early greedy decisions: a fragment of a big story drains into it, an article chained in by one word leaves.

import type { VectorSpace } from './build-vectors.js';
import type { SimilarPairs } from './find-similar-pairs.js';
import { GroupCentroids } from './group-centroids.js';

export type Linkage = 'single' | 'single-veto' | 'size-veto';

export interface LinkOptions {
  linkage: Linkage;
  /** Pair similarity at or above which two articles may be linked (pass 1). */
  threshold: number;
  /** Lowest centroid similarity for any join. */
  mergeThreshold: number;
  /** size-veto: the group size at which a story's centroid is half-way to the story's direction. */
  kappa: number;
  /** size-veto: share of the expected same-story centroid similarity two groups must reach in pass 1. */
  lambda: number;
  /** Passes over the pairs in pass 1 (a later pass reconsiders pairs vetoed while the groups were small). */
  sweeps: number;
  /** Pass 2: like lambda, for group merging; 0 turns the pass off. */
  groupLambda: number;
  /** Pass 3: rounds of reassignment; 0 turns the pass off. */
  refine: number;
  /** Pass 3: an article less similar than this to every group, its own included, stands alone. */
  refineFloor: number;
  crossLingualWeight: number;
  /** Unit-length dense vectors (embeddings), one per article; see ClusterOptions.dense. */
  dense?: readonly Float64Array[];
  denseFloor: number;
}

/** Group label per article (an article index; only equality matters). */
export function linkClusters(space: VectorSpace, pairs: SimilarPairs, opts: LinkOptions): Int32Array {
  const uf = new UnionFind(space.n);
  const order = strongestFirst(pairs, opts.threshold);
  if (opts.linkage === 'single') {
    for (const p of order) uf.union(pairs.a[p]!, pairs.b[p]!);
    return uf.labels();
  }
  const groups = new GroupCentroids(
    space,
    opts.crossLingualWeight,
    opts.dense ? { vectors: opts.dense, floor: opts.denseFloor } : undefined,
  );
  linkPairs(pairs, order, uf, groups, opts);
  if (opts.groupLambda > 0) mergeGroups(space.n, pairs, uf, groups, opts);
  const labels = uf.labels();
  if (opts.refine > 0) refineLabels(space.n, pairs, labels, groups, opts);
  return labels;
}

// The centroid of n articles of one story approaches the story's direction as n grows. Measured on the Google News
// stream: two disjoint halves of one story have centroid cosine ≈ n/(n+κ) with κ ≈ 4 (n = 1, 3, 10, 30 gave medians
// 0.20, 0.47, 0.74, 0.86), while the closest other story stays near 0.1–0.3 at every size. So a pair of groups of
// sizes a and b is expected at sqrt(a/(a+κ) · b/(b+κ)) if it is one story.
export function expectedCos(a: number, b: number, kappa: number): number {
  return Math.sqrt((a / (a + kappa)) * (b / (b + kappa)));
}

function required(a: number, b: number, opts: LinkOptions, lambda: number): number {
  // Small groups need what a pair needs (their centroids are as noisy as single articles, and a tight pair's centroid
  // overstates its similarity to anything sharing its topic words); from a·b > 4 on the bar falls towards mergeThreshold.
  const floor = opts.mergeThreshold + (opts.threshold - opts.mergeThreshold) * Math.min(1, 4 / (a * b));
  if (opts.linkage === 'single-veto') return opts.mergeThreshold;
  return Math.max(floor, lambda * expectedCos(a, b, opts.kappa));
}

function linkPairs(pairs: SimilarPairs, order: Uint32Array, uf: UnionFind, groups: GroupCentroids, opts: LinkOptions): void {
  // A vetoed pair of groups stays vetoed until one of them changes: many article pairs connect the same two big
  // groups, and comparing their centroids again each time would dominate the run time.
  const version = new Int32Array(uf.length);
  const vetoed = new Map<number, number>();
  for (let sweep = 0; sweep < Math.max(1, opts.sweeps); sweep++) {
    let merged = 0;
    for (const p of order) {
      const ra = uf.find(pairs.a[p]!);
      const rb = uf.find(pairs.b[p]!);
      if (ra === rb) continue;
      const sa = groups.size[ra]!;
      const sb = groups.size[rb]!;
      const key = Math.min(ra, rb) * uf.length + Math.max(ra, rb);
      const stamp = version[ra]! + version[rb]!;
      if (vetoed.get(key) === stamp) continue;
      // Two single articles: their pair similarity is the best evidence (it includes the cross-language path).
      const cos = sa === 1 && sb === 1 ? pairs.s[p]! : groups.cos(ra, rb);
      if (cos < required(sa, sb, opts, opts.lambda)) {
        vetoed.set(key, stamp);
        continue;
      }
      const root = join(uf, groups, ra, rb);
      version[root] = version[ra]! + version[rb]! + 1;
      merged++;
    }
    if (merged === 0) break;
  }
}

function join(uf: UnionFind, groups: GroupCentroids, ra: number, rb: number): number {
  const root = uf.union(ra, rb);
  groups.merge(root, root === ra ? rb : ra);
  return root;
}

function mergeGroups(n: number, pairs: SimilarPairs, uf: UnionFind, groups: GroupCentroids, opts: LinkOptions): void {
  const adj = new Map<number, Set<number>>();
  const link = (a: number, b: number) => {
    let s = adj.get(a);
    if (!s) adj.set(a, (s = new Set()));
    s.add(b);
  };
  for (let k = 0; k < pairs.length; k++) {
    const a = uf.find(pairs.a[k]!);
    const b = uf.find(pairs.b[k]!);
    if (a === b) continue;
    link(a, b);
    link(b, a);
  }
  const version = new Int32Array(n);
  const heap = new MaxHeap();
  const push = (a: number, b: number) => {
    const sa = groups.size[a]!;
    const sb = groups.size[b]!;
    const cos = groups.cos(a, b);
    if (cos < required(sa, sb, opts, opts.groupLambda)) return;
    const x = Math.min(a, b);
    const y = Math.max(a, b);
    heap.push(cos / expectedCos(sa, sb, opts.kappa), x, y, version[x]! + version[y]!);
  };
  for (const [a, set] of adj) for (const b of set) if (a < b) push(a, b);
  for (let top = heap.pop(); top; top = heap.pop()) {
    const { a, b } = top;
    // Stale: a side has changed (or is gone) since this score was computed.
    if (uf.find(a) !== a || uf.find(b) !== b || version[a]! + version[b]! !== top.version) continue;
    const root = join(uf, groups, a, b);
    const gone = root === a ? b : a;
    version[root] = version[a]! + version[b]! + 1;
    const keep = adj.get(root) ?? new Set<number>();
    adj.set(root, keep);
    for (const c of adj.get(gone) ?? []) {
      const sc = adj.get(c)!;
      sc.delete(gone);
      if (c !== root) {
        sc.add(root);
        keep.add(c);
      }
    }
    adj.delete(gone);
    keep.delete(root);
    keep.delete(gone);
    for (const c of keep) push(root, c);
  }
}

// Moves are applied one at a time in input order with centroids updated at once: simultaneous moves would swap
// fragments back and forth. An article only moves to a group at least as large as its own (without it): a small
// group's centroid is noisy, and a near-duplicate title would otherwise pull an article out of its established story.
function refineLabels(n: number, pairs: SimilarPairs, labels: Int32Array, groups: GroupCentroids, opts: LinkOptions): void {
  const deg = new Int32Array(n + 1);
  for (let k = 0; k < pairs.length; k++) {
    deg[pairs.a[k]! + 1]!++;
    deg[pairs.b[k]! + 1]!++;
  }
  for (let i = 0; i < n; i++) deg[i + 1]! += deg[i]!;
  const nb = new Int32Array(deg[n]!);
  const fill = deg.slice(0, n);
  for (let k = 0; k < pairs.length; k++) {
    nb[fill[pairs.a[k]!]!++] = pairs.b[k]!;
    nb[fill[pairs.b[k]!]!++] = pairs.a[k]!;
  }
  const size = groups.size;
  const seen = new Set<number>();
  let free = 0;
  for (let round = 0; round < opts.refine; round++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const own = labels[i]!;
      let best = own;
      let bestCos = groups.articleCos(i, own, true);
      seen.clear();
      seen.add(own);
      for (let e = deg[i]!; e < deg[i + 1]!; e++) {
        const c = labels[nb[e]!]!;
        if (seen.has(c)) continue;
        seen.add(c);
        if (size[c]! < size[own]! - 1) continue;
        const cos = groups.articleCos(i, c, false);
        // Joining a group takes what the linkage would have asked of this article and that group.
        if (cos < required(1, size[c]!, opts, opts.groupLambda)) continue;
        if (cos > bestCos + 1e-12) {
          bestCos = cos;
          best = c;
        }
      }
      if (bestCos < opts.refineFloor) {
        if (size[own] === 1) continue;
        // Close to no group, not even its own: it stands alone under an unused label.
        while (free < n && size[free]! > 0) free++;
        if (free >= n) continue;
        best = free;
      }
      if (best === own) continue;
      groups.move(i, own, best);
      labels[i] = best;
      moved++;
    }
    if (moved === 0) break;
  }
}

// Pairs at or above the threshold, strongest first; equal similarities keep their (deterministic) discovery order.
// Sorting packed numbers natively is ~10× faster than a comparator sort on a million pairs.
function strongestFirst(pairs: SimilarPairs, threshold: number): Uint32Array {
  const keys: number[] = [];
  const SCALE = 2 ** 24;
  if (pairs.length >= 2 ** 28) throw new RangeError('too many candidate pairs');
  for (let k = 0; k < pairs.length; k++) {
    const s = pairs.s[k]!;
    if (s < threshold) continue;
    const q = Math.round((1 - Math.min(1, s)) * SCALE);
    keys.push(q * 2 ** 28 + k);
  }
  const sorted = Float64Array.from(keys).sort();
  const order = new Uint32Array(sorted.length);
  for (let k = 0; k < sorted.length; k++) order[k] = sorted[k]! % 2 ** 28;
  return order;
}

/** A binary max-heap of scored group pairs; ties go to the lower ids, so the order is deterministic. */
class MaxHeap {
  private items: { r: number; a: number; b: number; version: number }[] = [];
  private before(x: { r: number; a: number; b: number }, y: { r: number; a: number; b: number }): boolean {
    return x.r > y.r || (x.r === y.r && (x.a < y.a || (x.a === y.a && x.b < y.b)));
  }
  push(r: number, a: number, b: number, version: number): void {
    const it = this.items;
    it.push({ r, a, b, version });
    let i = it.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(it[i]!, it[p]!)) break;
      [it[i], it[p]] = [it[p]!, it[i]!];
      i = p;
    }
  }
  pop(): { r: number; a: number; b: number; version: number } | undefined {
    const it = this.items;
    const top = it[0];
    const last = it.pop();
    if (it.length && last) {
      it[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < it.length && this.before(it[l]!, it[m]!)) m = l;
        if (r < it.length && this.before(it[r]!, it[m]!)) m = r;
        if (m === i) break;
        [it[i], it[m]] = [it[m]!, it[i]!];
        i = m;
      }
    }
    return top;
  }
}

export class UnionFind {
  readonly length: number;
  private parent: Int32Array;
  private size: Int32Array;
  constructor(n: number) {
    this.length = n;
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[x] !== r) {
      const next = this.parent[x]!;
      this.parent[x] = r;
      x = next;
    }
    return r;
  }
  /** Joins the sets of x and y; returns the new root (the larger set's, or the lower index on a tie). */
  union(x: number, y: number): number {
    let a = this.find(x);
    let b = this.find(y);
    if (a === b) return a;
    if (this.size[a]! < this.size[b]! || (this.size[a] === this.size[b] && b < a)) [a, b] = [b, a];
    this.parent[b] = a;
    this.size[a]! += this.size[b]!;
    return a;
  }
  labels(): Int32Array {
    const out = new Int32Array(this.parent.length);
    for (let i = 0; i < out.length; i++) out[i] = this.find(i);
    return out;
  }
}
