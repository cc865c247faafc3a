// Interns feature keys to integer ids and turns per-article feature weights into L2-normalised TF-IDF vectors,
// plus a second "universal" vector per article made only of the features that survive translation.

import type { ArticleFeatures } from './extract-features.js';

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
  /** Shared universal evidence (sum of IDF) at which a cross-language match counts fully: two rare names. */
  fullEvidence: number;
}

const EMPTY: SparseVector = { ids: new Int32Array(0), ws: new Float64Array(0) };

export function buildVectors(features: readonly ArticleFeatures[]): VectorSpace {
  const n = features.length;
  const termIndex = new Map<string, number>();
  const terms: string[] = [];
  const surface: string[] = [];
  const dfList: number[] = [];
  const docTerms: Int32Array[] = [];
  const docTfs: Float64Array[] = [];
  for (const f of features) {
    const ids = new Int32Array(f.weights.size);
    const tfs = new Float64Array(f.weights.size);
    let k = 0;
    for (const [key, w] of f.weights) {
      let id = termIndex.get(key);
      if (id === undefined) {
        id = terms.length;
        termIndex.set(key, id);
        terms.push(key);
        surface.push(f.surface.get(key) ?? key.slice(key.indexOf(':') + 1));
        dfList.push(0);
      }
      dfList[id]!++;
      ids[k] = id;
      tfs[k] = w;
      k++;
    }
    docTerms.push(ids);
    docTfs.push(tfs);
  }
  const df = Int32Array.from(dfList);
  const idf = new Float64Array(df.length);
  for (let t = 0; t < df.length; t++) idf[t] = Math.log(1 + n / df[t]!);

  const cjk = new Uint8Array(n);
  features.forEach((f, i) => (cjk[i] = f.cjk ? 1 : 0));
  const anyCjk = cjk.some((x) => x === 1);
  // Terms that occur in a Chinese article: the Latin names of the day.
  const inCjk = new Uint8Array(df.length);
  if (anyCjk) for (let i = 0; i < n; i++) if (cjk[i]) for (const t of docTerms[i]!) inCjk[t] = 1;

  const vectors: SparseVector[] = [];
  const universal: SparseVector[] = [];
  for (let i = 0; i < n; i++) {
    const ids = docTerms[i]!;
    const order = Array.from(ids.keys()).sort((a, b) => ids[a]! - ids[b]!);
    const sortedIds = new Int32Array(order.length);
    const ws = new Float64Array(order.length);
    order.forEach((k, j) => {
      sortedIds[j] = ids[k]!;
      ws[j] = docTfs[i]![k]! * idf[ids[k]!]!;
    });
    normalise(ws);
    vectors.push({ ids: sortedIds, ws });
    if (!anyCjk) {
      universal.push(EMPTY);
      continue;
    }
    const uIds: number[] = [];
    const uWs: number[] = [];
    for (let j = 0; j < sortedIds.length; j++) {
      const t = sortedIds[j]!;
      if (terms[t]!.startsWith('c:')) continue;
      if (!cjk[i] && !inCjk[t]) continue;
      uIds.push(t);
      // Numbers and versioned names ("gpt5.1", "#:1.72") are the most specific facts an article carries.
      uWs.push(/\d/.test(terms[t]!) ? 2 * ws[j]! : ws[j]!);
    }
    const u = { ids: Int32Array.from(uIds), ws: Float64Array.from(uWs) };
    normalise(u.ws);
    universal.push(u);
  }
  return { n, terms, surface, df, idf, vectors, cjk, universal, fullEvidence: 2 * Math.log(1 + n / 2) };
}

function normalise(ws: Float64Array): void {
  let s = 0;
  for (const w of ws) s += w * w;
  if (s === 0) return;
  const inv = 1 / Math.sqrt(s);
  for (let k = 0; k < ws.length; k++) ws[k]! *= inv;
}

/** Dot product of two sorted sparse vectors; `shared` receives the number of common terms when given. */
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

export function sharedTerms(a: SparseVector, b: SparseVector): number {
  let c = 0;
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) {
      c++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return c;
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
  let x = 0;
  let y = 0;
  while (x < a.ids.length && y < b.ids.length) {
    const p = a.ids[x]!;
    const q = b.ids[y]!;
    if (p === q) {
      s += a.ws[x]! * b.ws[y]!;
      evidence += space.idf[p]!;
      x++;
      y++;
    } else if (p < q) x++;
    else y++;
  }
  return s * evidenceConfidence(space, evidence);
}

/**
 * How far shared evidence (sum of IDF) can be trusted, 0..1. Squared, so one shared rare term (half the evidence)
 * counts a quarter: one name is a company, not a story.
 */
export function evidenceConfidence(space: VectorSpace, evidence: number): number {
  const r = Math.min(1, evidence / space.fullEvidence);
  return r * r;
}
