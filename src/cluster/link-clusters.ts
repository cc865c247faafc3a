// Turns similar pairs into clusters. The linkage rule is a parameter so the benchmark can compare rules; the default
// is the one that scored best (see bench/cluster-bench.ts and the README).

import type { VectorSpace } from './build-vectors.js';
import type { SimilarPairs } from './find-similar-pairs.js';

export type Linkage = 'single' | 'single-veto' | 'size-veto';

export interface LinkOptions {
  linkage: Linkage;
  threshold: number;
  mergeThreshold: number;
  /** size-veto: the cluster size at which a story's centroid is half-way to its "true" direction. */
  kappa?: number;
  /** size-veto: share of the expected same-story centroid similarity two groups must reach. */
  lambda?: number;
  /** Group merging: share of the expected same-story centroid similarity two groups must reach (0 = no merging). */
  groupLambda?: number;
  /** Passes over the pairs (later passes reconsider pairs vetoed earlier). */
  sweeps?: number;
  /** Rounds of reassignment after linkage: each article moves to the group whose centroid it is closest to. */
  refine?: number;
  /** Reassignment: below this similarity to every group (its own without it included) an article stands alone. */
  refineFloor?: number;
}

/** Cluster label per article (labels are article indices of a cluster root; only equality matters). */
export function linkClusters(space: VectorSpace, pairs: SimilarPairs, opts: LinkOptions): Int32Array {
  let labels = linkPairs(space, pairs, opts);
  if (opts.groupLambda) labels = mergeGroups(space, pairs, labels, opts);
  if (!opts.refine) return labels;
  return refineLabels(space, pairs, labels, opts.refine, opts.refineFloor ?? opts.mergeThreshold);
}

function linkPairs(space: VectorSpace, pairs: SimilarPairs, opts: LinkOptions): Int32Array {
  const order = strongestFirst(pairs);
  const uf = new UnionFind(space.n);
  if (opts.linkage === 'single') {
    for (const p of order) if (pairs.s[p]! >= opts.threshold) uf.union(pairs.a[p]!, pairs.b[p]!);
    return uf.labels();
  }
  // single-veto: strongest pairs first; two groups join only when their centroids also agree.
  const centroids = space.vectors.map((v) => {
    const m = new Map<number, number>();
    for (let k = 0; k < v.ids.length; k++) m.set(v.ids[k]!, v.ws[k]!);
    return { sum: m, norm2: 1 };
  });
  // Later sweeps reconsider vetoed pairs: groups have grown since, and their centroids say more.
  for (let sweep = 0; sweep < (opts.sweeps ?? 1); sweep++) {
    let merged = 0;
    for (const p of order) {
      if (pairs.s[p]! < opts.threshold) break;
      const ra = uf.find(pairs.a[p]!);
      const rb = uf.find(pairs.b[p]!);
      if (ra === rb) continue;
      const ca = centroids[ra]!;
      const cb = centroids[rb]!;
      const cross = mapDot(ca.sum, cb.sum);
      const cos = cross / Math.sqrt(ca.norm2 * cb.norm2);
      const need = opts.linkage === 'size-veto' ? Math.max(opts.mergeThreshold, opts.lambda! * expectedCos(uf.sizeOf(ra), uf.sizeOf(rb), opts.kappa!)) : opts.mergeThreshold;
      // Pairs forced by the same URL (similarity 1) skip the veto.
      if (cos < need && pairs.s[p]! < 1) continue;
      const root = uf.union(ra, rb);
      const [big, small] = ca.sum.size >= cb.sum.size ? [ca, cb] : [cb, ca];
      for (const [t, w] of small.sum) big.sum.set(t, (big.sum.get(t) ?? 0) + w);
      big.norm2 = ca.norm2 + cb.norm2 + 2 * cross;
      centroids[root] = big;
      merged++;
    }
    if (merged === 0) break;
  }
  return uf.labels();
}

// The centroid of n articles of one story approaches the story's direction as n grows: measured on the Google News
// stream, two disjoint halves of one story have centroid cosine ≈ n/(n+κ) with κ ≈ 4, while the best other story
// stays near 0.1–0.3 at every size. So the bar for joining two groups rises with their sizes.
function expectedCos(a: number, b: number, kappa: number): number {
  return Math.sqrt((a / (a + kappa)) * (b / (b + kappa)));
}

// Groups that belong together but had no single strong article pair: every two groups linked by some candidate pair
// are compared by centroid, the most convincing (relative to what one story of those sizes would show) first.
function mergeGroups(space: VectorSpace, pairs: SimilarPairs, start: Int32Array, opts: LinkOptions): Int32Array {
  const n = space.n;
  const kappa = opts.kappa ?? 4;
  const lambda = opts.groupLambda!;
  const uf = new UnionFind(n);
  for (let i = 0; i < n; i++) if (start[i] !== i) uf.union(start[i]!, i);
  const groups = new Map<number, { sum: Map<number, number>; norm2: number; size: number; version: number; adj: Set<number> }>();
  for (let i = 0; i < n; i++) {
    const r = uf.find(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = { sum: new Map(), norm2: 0, size: 0, version: 0, adj: new Set() }));
    const v = space.vectors[i]!;
    for (let k = 0; k < v.ids.length; k++) g.sum.set(v.ids[k]!, (g.sum.get(v.ids[k]!) ?? 0) + v.ws[k]!);
    g.size++;
  }
  for (const g of groups.values()) {
    let s = 0;
    for (const w of g.sum.values()) s += w * w;
    g.norm2 = s;
  }
  for (let k = 0; k < pairs.length; k++) {
    const a = uf.find(pairs.a[k]!);
    const b = uf.find(pairs.b[k]!);
    if (a === b) continue;
    groups.get(a)!.adj.add(b);
    groups.get(b)!.adj.add(a);
  }
  const heap = new MaxHeap();
  const score = (a: number, b: number) => {
    const ga = groups.get(a)!;
    const gb = groups.get(b)!;
    const cos = mapDot(ga.sum, gb.sum) / Math.sqrt(ga.norm2 * gb.norm2);
    if (cos < opts.mergeThreshold) return -1;
    return cos / expectedCos(ga.size, gb.size, kappa);
  };
  const push = (a: number, b: number) => {
    const r = score(a, b);
    if (r >= lambda) heap.push(r, Math.min(a, b), Math.max(a, b), groups.get(a)!.version + groups.get(b)!.version);
  };
  for (const [a, g] of groups) for (const b of g.adj) if (a < b) push(a, b);
  while (heap.size) {
    const top = heap.pop()!;
    const ga = groups.get(top.a);
    const gb = groups.get(top.b);
    if (!ga || !gb) continue;
    // Stale: one side changed since this score was computed.
    if (ga.version + gb.version !== top.version) continue;
    const cross = mapDot(ga.sum, gb.sum);
    const root = uf.union(top.a, top.b);
    const [keep, gone] = root === top.a ? [ga, gb] : [gb, ga];
    const goneId = root === top.a ? top.b : top.a;
    for (const [t, w] of gone.sum) keep.sum.set(t, (keep.sum.get(t) ?? 0) + w);
    keep.norm2 = ga.norm2 + gb.norm2 + 2 * cross;
    keep.size = ga.size + gb.size;
    keep.version = ga.version + gb.version + 1;
    for (const c of gone.adj) {
      if (c === root) continue;
      const gc = groups.get(c)!;
      gc.adj.delete(goneId);
      gc.adj.add(root);
      keep.adj.add(c);
    }
    keep.adj.delete(goneId);
    keep.adj.delete(root);
    groups.delete(goneId);
    for (const c of keep.adj) push(root, c);
  }
  return uf.labels();
}

/** A binary max-heap of scored group pairs; ties broken by the pair ids, so the order is deterministic. */
class MaxHeap {
  private items: { r: number; a: number; b: number; version: number }[] = [];
  get size(): number {
    return this.items.length;
  }
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

// Reassignment: every article compares itself with the centroid of its own group (itself left out) and with the
// groups of its candidate neighbours, and moves to the closest. This undoes early greedy decisions of the linkage: a
// fragment of a big story drains into it, an article chained in through one word leaves. Moves are applied one at a
// time in input order (centroids updated at once), which converges where simultaneous moves would swap back and forth.
function refineLabels(space: VectorSpace, pairs: SimilarPairs, start: Int32Array, rounds: number, floor: number): Int32Array {
  const n = space.n;
  const labels = Int32Array.from(start);
  // Neighbours from the candidate pairs (both directions), in CSR form.
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
  // Group state by label; labels are article indices, so arrays indexed by label work.
  const sums: (Map<number, number> | undefined)[] = new Array(n);
  const norm2 = new Float64Array(n);
  const size = new Int32Array(n);
  const dotTo = (i: number, c: number) => {
    const m = sums[c];
    if (!m) return 0;
    const v = space.vectors[i]!;
    let d = 0;
    for (let k = 0; k < v.ids.length; k++) d += v.ws[k]! * (m.get(v.ids[k]!) ?? 0);
    return d;
  };
  const add = (i: number, c: number, sign: 1 | -1) => {
    const v = space.vectors[i]!;
    const d = dotTo(i, c);
    let m = sums[c];
    if (!m) sums[c] = m = new Map();
    for (let k = 0; k < v.ids.length; k++) {
      const t = v.ids[k]!;
      const w = (m.get(t) ?? 0) + sign * v.ws[k]!;
      if (Math.abs(w) < 1e-12) m.delete(t);
      else m.set(t, w);
    }
    const vv = dotSelf(v);
    norm2[c] = sign > 0 ? norm2[c]! + 2 * d + vv : norm2[c]! - 2 * d + vv;
    size[c]! += sign;
    if (size[c] === 0) {
      sums[c] = undefined;
      norm2[c] = 0;
    }
  };
  for (let i = 0; i < n; i++) add(i, labels[i]!, 1);
  const seen = new Set<number>();
  for (let round = 0; round < rounds; round++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const own = labels[i]!;
      const vv = dotSelf(space.vectors[i]!);
      let best = own;
      let bestCos = -1;
      if (size[own]! > 1) {
        const d = dotTo(i, own) - vv;
        const nn = norm2[own]! - 2 * (d + vv) + vv;
        bestCos = nn > 1e-12 ? d / Math.sqrt(nn) : -1;
      }
      seen.clear();
      seen.add(own);
      for (let e = deg[i]!; e < deg[i + 1]!; e++) {
        const c = labels[nb[e]!]!;
        if (seen.has(c)) continue;
        seen.add(c);
        // Only towards a group at least as large: a small group's centroid is noisy, and a near-duplicate title would
        // pull an article out of its well-established story.
        if (size[c]! < size[own]! - 1) continue;
        const cos = norm2[c]! > 1e-12 ? dotTo(i, c) / Math.sqrt(norm2[c]!) : -1;
        if (cos > bestCos + 1e-12) {
          bestCos = cos;
          best = c;
        }
      }
      if (bestCos < floor) {
        // Close to no group, not even its own: it stands alone, under its own index (free: see below).
        if (size[own] === 1) continue;
        best = freeLabel(i, size);
        if (best < 0) continue;
      }
      if (best === own) continue;
      add(i, own, -1);
      add(i, best, 1);
      labels[i] = best;
      moved++;
    }
    if (moved === 0) break;
  }
  return labels;
}

// An article's own index is the natural label for it alone, unless a group still uses that label.
function freeLabel(i: number, size: Int32Array): number {
  if (size[i] === 0) return i;
  for (let c = 0; c < size.length; c++) if (size[c] === 0) return c;
  return -1;
}

function dotSelf(v: { ws: Float64Array }): number {
  let s = 0;
  for (const w of v.ws) s += w * w;
  return s;
}

function strongestFirst(pairs: SimilarPairs): Uint32Array {
  const order = new Uint32Array(pairs.length);
  for (let k = 0; k < order.length; k++) order[k] = k;
  const { a, b, s } = pairs;
  order.sort((x, y) => s[y]! - s[x]! || a[x]! - a[y]! || b[x]! - b[y]!);
  return order;
}

function mapDot(x: Map<number, number>, y: Map<number, number>): number {
  const [small, big] = x.size <= y.size ? [x, y] : [y, x];
  let s = 0;
  for (const [t, w] of small) {
    const v = big.get(t);
    if (v !== undefined) s += w * v;
  }
  return s;
}

export class UnionFind {
  private parent: Int32Array;
  private size: Int32Array;
  constructor(n: number) {
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
  /** Joins the sets of x and y; returns the new root. */
  union(x: number, y: number): number {
    let a = this.find(x);
    let b = this.find(y);
    if (a === b) return a;
    if (this.size[a]! < this.size[b]! || (this.size[a] === this.size[b] && b < a)) [a, b] = [b, a];
    this.parent[b] = a;
    this.size[a]! += this.size[b]!;
    return a;
  }
  sizeOf(x: number): number {
    return this.size[this.find(x)]!;
  }
  labels(): Int32Array {
    const out = new Int32Array(this.parent.length);
    for (let i = 0; i < out.length; i++) out[i] = this.find(i);
    return out;
  }
}
