// Finds the pairs of articles similar enough to be linked, without comparing every pair: an inverted index over
// each article's strongest terms proposes candidates, and only candidates get an exact similarity.

import { dot, universalSimilarity, type SparseVector, type VectorSpace } from './build-vectors.js';

export interface PairSearchOptions {
  /** Keep pairs with similarity at or above this. */
  threshold: number;
  crossLingualWeight: number;
  maxDocFreq: number;
  indexTerms: number;
  dense?: ReadonlyArray<ArrayLike<number>>;
  denseWeight: number;
}

/** Pairs (i < j) with their similarity, in growable typed arrays. */
export class SimilarPairs {
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  s = new Float64Array(1024);
  length = 0;

  push(i: number, j: number, sim: number): void {
    if (this.length === this.a.length) {
      const grow = <T extends Int32Array | Float64Array>(x: T): T => {
        const y = new (x.constructor as new (n: number) => T)(x.length * 2);
        y.set(x);
        return y;
      };
      this.a = grow(this.a);
      this.b = grow(this.b);
      this.s = grow(this.s);
    }
    this.a[this.length] = Math.min(i, j);
    this.b[this.length] = Math.max(i, j);
    this.s[this.length] = sim;
    this.length++;
  }
}

export function findSimilarPairs(space: VectorSpace, opts: PairSearchOptions): SimilarPairs {
  const { n, vectors, universal, cjk, df } = space;
  const pairs = new SimilarPairs();
  const postDocs: number[][] = [];
  const postWs: number[][] = [];
  const acc = new Float64Array(n);
  const touched: number[] = [];
  const isTouched = new Uint8Array(n);
  // Candidates whose indexed terms add up to less than this cannot plausibly reach the threshold.
  const prefilter = opts.threshold * 0.25;
  const dense = opts.dense ? normaliseDense(opts.dense, n) : undefined;

  for (let i = 0; i < n; i++) {
    const index = indexTermsOf(vectors[i]!, universal[i]!, df, opts);
    for (const [t, w] of index) {
      const docs = postDocs[t];
      if (!docs) continue;
      const ws = postWs[t]!;
      for (let k = 0; k < docs.length; k++) {
        const j = docs[k]!;
        if (!isTouched[j]) {
          isTouched[j] = 1;
          touched.push(j);
        }
        acc[j]! += w * ws[k]!;
      }
    }
    touched.sort((x, y) => x - y);
    for (const j of touched) {
      const partial = acc[j]!;
      acc[j] = 0;
      isTouched[j] = 0;
      if (partial < prefilter) continue;
      let sim = dot(vectors[i]!, vectors[j]!);
      if (cjk[i] !== cjk[j]) sim = Math.max(sim, opts.crossLingualWeight * universalSimilarity(space, i, j));
      if (dense) sim = (1 - opts.denseWeight) * sim + opts.denseWeight * denseCos(dense[i]!, dense[j]!);
      if (sim >= opts.threshold) pairs.push(j, i, sim);
    }
    touched.length = 0;
    for (const [t, w] of index) {
      (postDocs[t] ??= []).push(i);
      (postWs[t] ??= []).push(w);
    }
  }
  return pairs;
}

// The strongest terms of the article (and of its universal vector, so names inside Chinese text are indexed even
// when Han bigrams outweigh them), leaving out terms too common to tell stories apart and terms in one article only.
function indexTermsOf(v: SparseVector, u: SparseVector, df: Int32Array, opts: PairSearchOptions): Map<number, number> {
  const pick = (x: SparseVector, out: Map<number, number>) => {
    const order: number[] = [];
    for (let k = 0; k < x.ids.length; k++) {
      const d = df[x.ids[k]!]!;
      if (d >= 2 && d <= opts.maxDocFreq) order.push(k);
    }
    order.sort((p, q) => x.ws[q]! - x.ws[p]! || x.ids[p]! - x.ids[q]!);
    for (const k of order.slice(0, opts.indexTerms)) if (!out.has(x.ids[k]!)) out.set(x.ids[k]!, x.ws[k]!);
  };
  const out = new Map<number, number>();
  pick(v, out);
  // A Chinese article's Latin names weigh little next to its Han bigrams; in the index they carry their weight in
  // the universal vector, so an English–Chinese candidate is not cut by the prefilter.
  if (u.ids.length) {
    const extra = new Map<number, number>();
    pick(u, extra);
    for (const [t, w] of extra) out.set(t, Math.max(out.get(t) ?? 0, w));
  }
  return out;
}

function normaliseDense(dense: ReadonlyArray<ArrayLike<number>>, n: number): Float64Array[] {
  if (dense.length !== n) throw new RangeError(`dense vectors: got ${dense.length} for ${n} articles; pass one vector per article`);
  return dense.map((v) => {
    const out = Float64Array.from(v as ArrayLike<number>);
    let s = 0;
    for (const x of out) s += x * x;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let k = 0; k < out.length; k++) out[k]! *= inv;
    return out;
  });
}

function denseCos(a: Float64Array, b: Float64Array): number {
  let s = 0;
  const len = Math.min(a.length, b.length);
  for (let k = 0; k < len; k++) s += a[k]! * b[k]!;
  return s;
}
