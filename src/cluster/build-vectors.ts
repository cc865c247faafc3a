// Interns feature keys to integer ids and turns per-article feature weights into L2-normalised TF-IDF vectors,
// plus a second "universal" vector per article made only of the features that survive translation.

import { KIND_CODE, type ArticleFeatures, type Vocabulary } from './extract-features.js';

export interface SparseVector {
  /** Term ids, ascending. */
  ids: Int32Array;
  ws: Float64Array;
}

export interface VectorSpace {
  n: number;
  /** Term id → feature key. */
  terms: string[];
  /** Term id → a readable form (for keywords). */
  surface: string[];
  /** Term id → number of articles containing it. */
  df: Int32Array;
  idf: Float64Array;
  vectors: SparseVector[];
  /** Per article: 1 when its title is mainly Han characters. */
  cjk: Uint8Array;
  /**
   * Per article: the normalised vector of its translation-surviving features (Latin words, numbers, ids). For a Latin
   * article only the words that also occur in some Chinese article count: in Chinese text a Latin word is a name,
   * and this keeps English function-like words ("launch", "model") out of the cross-language comparison.
   */
  universal: SparseVector[];
  /** Per term: 1 when it carries a digit (an amount, a versioned name such as "gpt5.1", an arXiv id). */
  specific: Uint8Array;
  /** Per term: 1 for a word or a Han bigram (what keywords are made of). */
  wordLike: Uint8Array;
  /** Per term: 1 for a name in at most a fifth of the articles (counts as a shared name in evidenceConfidence). */
  distinct: Uint8Array;
  /** Shared universal evidence (sum of IDF) at which a cross-language match counts fully: two rare names. */
  fullEvidence: number;
}

const EMPTY: SparseVector = { ids: new Int32Array(0), ws: new Float64Array(0) };

export function buildVectors(features: readonly ArticleFeatures[], vocab: Vocabulary): VectorSpace {
  const n = features.length;
  const terms = vocab.terms;
  const surface = vocab.surface;
  const dfList = new Int32Array(terms.length);
  const docTerms: Int32Array[] = [];
  const docTfs: Float64Array[] = [];
  for (const f of features) {
    for (const id of f.ids) dfList[id]!++;
    docTerms.push(f.ids);
    docTfs.push(f.tfs);
  }
  const df = dfList;
  const idf = new Float64Array(df.length);
  for (let t = 0; t < df.length; t++) idf[t] = Math.log(1 + n / df[t]!);

  const cjk = new Uint8Array(n);
  features.forEach((f, i) => (cjk[i] = f.cjk ? 1 : 0));
  const anyCjk = cjk.some((x) => x === 1);
  // Per term: is it a Han bigram; does it carry a digit (an amount, a versioned name, an id).
  // (From the kinds recorded at interning: a pass of string tests over every term was a cost of its own.)
  const nTerms = terms.length;
  const kinds = vocab.kinds;
  const digits = vocab.digits;
  const hanTerm = new Uint8Array(nTerms);
  const wordLike = new Uint8Array(nTerms);
  // Specific: an amount, a versioned name, an id; a bare number ("n:200") is not.
  const specific = new Uint8Array(nTerms);
  // Distinct: a name in at most a fifth of the articles ("AI", in most, says nothing about a story); bare numbers
  // are not names.
  const distinctDf = Math.max(4, Math.floor(n / 5));
  const distinct = new Uint8Array(nTerms);
  for (let t = 0; t < nTerms; t++) {
    const kind = kinds[t]!;
    if (kind === KIND_CODE.c) hanTerm[t] = 1;
    if (kind === KIND_CODE.c || kind === KIND_CODE.w) wordLike[t] = 1;
    if (digits[t] && kind !== KIND_CODE.n) specific[t] = 1;
    if (df[t]! <= distinctDf && kind !== KIND_CODE.n) distinct[t] = 1;
  }
  // Terms that occur in a Chinese article: the Latin names of the day.
  const inCjk = new Uint8Array(df.length);
  if (anyCjk) for (let i = 0; i < n; i++) if (cjk[i]) for (const t of docTerms[i]!) inCjk[t] = 1;

  const vectors: SparseVector[] = [];
  const universal: SparseVector[] = [];
  for (let i = 0; i < n; i++) {
    const ids = docTerms[i]!;
    const tfs = docTfs[i]!;
    // extractFeatures gives ids ascending already.
    const sortedIds = ids;
    const ws = vocab.floatPool.take(ids.length);
    for (let k = 0; k < ids.length; k++) ws[k] = tfs[k]! * idf[ids[k]!]!;
    normalise(ws);
    vectors.push({ ids: sortedIds, ws });
    if (!anyCjk) {
      universal.push(EMPTY);
      continue;
    }
    // Counted first, then written into pooled views (no growing arrays, no ArrayBuffer per vector).
    const latin = !cjk[i];
    let m = 0;
    for (let j = 0; j < sortedIds.length; j++) {
      const t = sortedIds[j]!;
      if (hanTerm[t] || (latin && !inCjk[t])) continue;
      m++;
    }
    const uIds = vocab.intPool.take(m);
    const uWs = vocab.floatPool.take(m);
    m = 0;
    for (let j = 0; j < sortedIds.length; j++) {
      const t = sortedIds[j]!;
      if (hanTerm[t]) continue;
      if (latin && !inCjk[t]) continue;
      uIds[m] = t;
      // Numbers and versioned names ("gpt5.1", "#:1.72") are the most specific facts an article carries.
      uWs[m++] = specific[t] ? 2 * ws[j]! : ws[j]!;
    }
    const u = { ids: uIds, ws: uWs };
    normalise(u.ws);
    universal.push(u);
  }
  return { n, terms, surface, df, idf, vectors, cjk, universal, specific, distinct, wordLike, fullEvidence: 2 * Math.log(1 + n / 2) };
}

function normalise(ws: Float64Array): void {
  let s = 0;
  for (let k = 0; k < ws.length; k++) s += ws[k]! * ws[k]!;
  if (s === 0) return;
  const inv = 1 / Math.sqrt(s);
  for (let k = 0; k < ws.length; k++) ws[k]! *= inv;
}

/** Dot product of two sparse vectors (ids ascending). */
export function dot(a: SparseVector, b: SparseVector): number {
  let s = 0;
  let i = 0;
  let j = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) {
      s += a.ws[i]! * b.ws[j]!;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return s;
}

/**
 * Cross-language similarity of two articles: the cosine of their universal vectors, scaled down when what they share
 * is little or common. Normalised universal vectors of a Chinese article often hold two or three terms, so "AI" and
 * "2025" alone would score high; the evidence (sum of IDF of the shared terms) must reach two rare names to count fully.
 */
export function universalSimilarity(space: VectorSpace, i: number, j: number): number {
  const a = space.universal[i]!;
  const b = space.universal[j]!;
  let s = 0;
  let evidence = 0;
  let shared = 0;
  let specific = false;
  let x = 0;
  let y = 0;
  while (x < a.ids.length && y < b.ids.length) {
    const p = a.ids[x]!;
    const q = b.ids[y]!;
    if (p === q) {
      s += a.ws[x]! * b.ws[y]!;
      evidence += space.idf[p]!;
      shared += space.distinct[p]!;
      specific ||= space.specific[p] === 1;
      x++;
      y++;
    } else if (p < q) x++;
    else y++;
  }
  return s * evidenceConfidence(space, evidence, shared, specific);
}

/**
 * How far shared evidence (sum of IDF of the shared universal terms) can be trusted, 0..1. Squared, so one shared
 * rare term (half the evidence) counts a quarter. Two plain names are not enough on their own ("DeepSeek" and "Gemini"
 * appear in many stories): the match needs a specific term (an amount, a versioned name, an id) or three distinct
 * shared terms.
 */
export function evidenceConfidence(space: VectorSpace, evidence: number, shared: number, specific: boolean): number {
  const r = Math.min(1, evidence / space.fullEvidence);
  return specific || shared >= 3 ? r * r : 0;
}
