// Finds the pairs of articles similar enough to be linked, without comparing every pair: an inverted index over
// each article's strongest terms proposes candidates, and only candidates get an exact similarity.

import { universalSimilarity, type SparseVector, type VectorSpace } from './build-vectors.js';

export interface PairSearchOptions {
  /** Keep pairs with similarity at or above this. */
  threshold: number;
  crossLingualWeight: number;
  maxDocFreq: number;
  indexTerms: number;
  /** Unit-length dense vectors, one per article (normaliseDense). */
  dense?: readonly Float64Array[];
  denseFloor: number;
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

// Share of the threshold a candidate's indexed terms must reach before its exact similarity is computed, when the
// Cauchy–Schwarz bound is too loose to decide (long texts). Measured lossless on the benchmark and fixture days.
const PREFILTER = 0.5;

// Up to this many articles, embeddings are compared for every pair (about a second at 1,500 and 1,536 dimensions).
const DENSE_ALL_PAIRS = 1500;

export function findSimilarPairs(space: VectorSpace, opts: PairSearchOptions): SimilarPairs {
  const { n, vectors, universal, cjk, df } = space;
  const pairs = new SimilarPairs();
  const acc = new Float64Array(n);
  const touched: number[] = [];
  const isTouched = new Uint8Array(n);
  // Per article, the norm of the part of its vector left out of the index: what the accumulated score can miss.
  const rest = new Float64Array(n);
  const dense = opts.dense;
  // Article i's vector scattered into a dense array while its candidates are scored: a candidate's cosine is then one
  // pass over the candidate's terms, with no merge and no branches.
  const scattered = new Float64Array(space.terms.length);

  // The article's index terms, in insertion order, in scratch arrays (a Map per article was most of the allocation).
  const index = new IndexTerms(space.terms.length, 2 * opts.indexTerms);

  // First every article's index terms (they depend on the article and the day's df only), so the postings can be
  // laid out flat: per term a slice of one array, filled in article order as articles are indexed (what growing a
  // list per term did, without a JS array per term in a sparse, dictionary-mode array of lists).
  const idxStart = new Int32Array(n + 1);
  let idxTerms = new Int32Array(n * 4 + 16);
  let idxWs = new Float64Array(n * 4 + 16);
  const postCount = new Int32Array(space.terms.length + 1);
  for (let i = 0; i < n; i++) {
    indexTermsOf(vectors[i]!, universal[i]!, df, opts, index);
    rest[i] = unindexedNorm(vectors[i]!, index, df);
    const at = idxStart[i]!;
    if (at + index.length > idxTerms.length) {
      const grownT = new Int32Array(2 * (at + index.length));
      grownT.set(idxTerms);
      idxTerms = grownT;
      const grownW = new Float64Array(2 * (at + index.length));
      grownW.set(idxWs);
      idxWs = grownW;
    }
    for (let e = 0; e < index.length; e++) {
      idxTerms[at + e] = index.terms[e]!;
      idxWs[at + e] = index.weights[e]!;
      postCount[index.terms[e]! + 1]!++;
    }
    idxStart[i + 1] = at + index.length;
  }
  for (let t = 0; t < space.terms.length; t++) postCount[t + 1]! += postCount[t]!;
  const postStart = postCount;
  const postEnd = postCount.slice(0, space.terms.length);
  const postDoc = new Int32Array(idxStart[n]!);
  const postW = new Float64Array(idxStart[n]!);

  for (let i = 0; i < n; i++) {
    const vi = vectors[i]!;
    for (let k = 0; k < vi.ids.length; k++) scattered[vi.ids[k]!] = vi.ws[k]!;
    for (let e = idxStart[i]!; e < idxStart[i + 1]!; e++) {
      const t = idxTerms[e]!;
      const w = idxWs[e]!;
      const end = postEnd[t]!;
      for (let k = postStart[t]!; k < end; k++) {
        const j = postDoc[k]!;
        if (!isTouched[j]) {
          isTouched[j] = 1;
          touched.push(j);
        }
        acc[j]! += w * postW[k]!;
      }
    }
    // With embeddings on a day-sized input every earlier article is a candidate: the dense similarity can link
    // articles that share no word (a translation without names), which the index would never propose.
    if (dense && n <= DENSE_ALL_PAIRS) {
      for (let j = 0; j < i; j++) {
        if (!isTouched[j]) {
          isTouched[j] = 1;
          touched.push(j);
        }
      }
    }
    // Touched in posting order, which is deterministic: no sort needed.
    for (const j of touched) {
      const partial = acc[j]!;
      acc[j] = 0;
      isTouched[j] = 0;
      const crossScript = cjk[i] !== cjk[j];
      // The exact cosine is at most the indexed part plus what each side left out (Cauchy–Schwarz): skip the exact
      // product when even that cannot reach the threshold. A cross-script pair is scored on its universal features,
      // which the bound does not cover, so only the heuristic floor applies to it.
      // Long articles leave much out of the index, so the bound is loose; there, a candidate whose indexed terms
      // reach a quarter of the threshold is still checked, one below is dropped (a heuristic, measured harmless).
      if (
        !dense &&
        partial < (crossScript ? opts.threshold * PREFILTER : Math.max(opts.threshold - rest[i]! - rest[j]!, opts.threshold * PREFILTER))
      )
        continue;
      const vj = vectors[j]!;
      let sim = 0;
      for (let k = 0; k < vj.ids.length; k++) sim += vj.ws[k]! * scattered[vj.ids[k]!]!;
      if (crossScript) sim = Math.max(sim, opts.crossLingualWeight * universalSimilarity(space, i, j));
      // Embedding cosines of unrelated news sit well above 0; only the part above the floor counts, rescaled to 0..1.
      if (dense) sim = Math.max(sim, denseSimilarity(denseCos(dense[i]!, dense[j]!), opts.denseFloor));
      if (sim >= opts.threshold) pairs.push(j, i, sim);
    }
    touched.length = 0;
    for (let k = 0; k < vi.ids.length; k++) scattered[vi.ids[k]!] = 0;
    for (let e = idxStart[i]!; e < idxStart[i + 1]!; e++) {
      const t = idxTerms[e]!;
      postDoc[postEnd[t]!] = i;
      postW[postEnd[t]!++] = idxWs[e]!;
    }
  }
  return pairs;
}

// An article's index: terms with their weights in insertion order, and per term its position (valid while the
// stamp is the current article's), so membership needs no Map.
class IndexTerms {
  terms: Int32Array;
  weights: Float64Array;
  length = 0;
  private readonly stamp: Int32Array;
  private readonly position: Int32Array;
  private current = 0;
  /** Scratch for pickStrongest's sort keys. */
  keys = new Float64Array(256);

  constructor(nTerms: number, capacity: number) {
    this.terms = new Int32Array(Math.max(1, capacity));
    this.weights = new Float64Array(Math.max(1, capacity));
    this.stamp = new Int32Array(nTerms);
    this.position = new Int32Array(nTerms);
  }

  clear(): void {
    this.length = 0;
    this.current++;
  }

  has(t: number): boolean {
    return this.stamp[t] === this.current;
  }

  /** Appends t, or, when present, keeps the larger weight in its place. */
  setMax(t: number, w: number): void {
    if (this.stamp[t] === this.current) {
      const e = this.position[t]!;
      // Map semantics of the former code: max(old ?? 0, w).
      this.weights[e] = Math.max(this.weights[e]!, w);
      return;
    }
    if (this.length === this.terms.length) {
      const terms = new Int32Array(this.length * 2);
      terms.set(this.terms);
      this.terms = terms;
      const weights = new Float64Array(this.length * 2);
      weights.set(this.weights);
      this.weights = weights;
    }
    this.stamp[t] = this.current;
    this.position[t] = this.length;
    this.terms[this.length] = t;
    this.weights[this.length++] = w;
  }
}

// The strongest terms of the article (and of its universal vector, so names inside Chinese text are indexed even
// when Han bigrams outweigh them), leaving out terms too common to tell stories apart and terms in one article only.
// The norm of the article's terms that other articles share (df ≥ 2) but that are not in its index.
function unindexedNorm(v: SparseVector, index: IndexTerms, df: Int32Array): number {
  let s = 0;
  for (let k = 0; k < v.ids.length; k++) {
    const t = v.ids[k]!;
    if (df[t]! >= 2 && !index.has(t)) s += v.ws[k]! * v.ws[k]!;
  }
  return Math.sqrt(s);
}

function indexTermsOf(v: SparseVector, u: SparseVector, df: Int32Array, opts: PairSearchOptions, out: IndexTerms): void {
  out.clear();
  pickStrongest(v, df, opts, out);
  // A Chinese article's Latin names weigh little next to its Han bigrams; in the index they carry their weight in
  // the universal vector, so an English–Chinese candidate is not cut by the prefilter. (The universal vector's own
  // picks are distinct terms, so adding them one by one with max is what merging a separate pick did.)
  if (u.ids.length) pickStrongest(u, df, opts, out);
}

// The indexTerms heaviest terms with 2 ≤ df ≤ maxDocFreq, heaviest first (ties: lower term id). Sorted natively on
// packed keys (quantised weight, position): comparator sorts were a third of the pair search.
function pickStrongest(x: SparseVector, df: Int32Array, opts: PairSearchOptions, out: IndexTerms): void {
  if (out.keys.length < x.ids.length) out.keys = new Float64Array(2 * x.ids.length);
  const keys = out.keys;
  let m = 0;
  for (let k = 0; k < x.ids.length; k++) {
    const d = df[x.ids[k]!]!;
    if (d >= 2 && d <= opts.maxDocFreq) keys[m++] = Math.round((1 - x.ws[k]!) * 2 ** 20) * 2 ** 16 + k;
  }
  const sorted = keys.subarray(0, m).sort();
  const take = Math.min(m, opts.indexTerms);
  for (let r = 0; r < take; r++) {
    const k = sorted[r]! % 2 ** 16;
    out.setMax(x.ids[k]!, x.ws[k]!);
  }
}

/** Dense vectors as unit-length Float64Arrays; one per article or a RangeError. */
export function normaliseDense(dense: ReadonlyArray<ArrayLike<number>>, n: number): Float64Array[] {
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

export function denseCos(a: Float64Array, b: Float64Array): number {
  let s = 0;
  const len = Math.min(a.length, b.length);
  for (let k = 0; k < len; k++) s += a[k]! * b[k]!;
  return s;
}

/** An embedding cosine on the sparse scale: only the part above the floor counts, stretched to 0..1. */
export function denseSimilarity(cos: number, floor: number): number {
  return (cos - floor) / (1 - floor);
}
