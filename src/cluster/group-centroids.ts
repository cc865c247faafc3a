// The running centroids of article groups during linkage: the sum of the members' unit vectors (and of their
// universal vectors when the day mixes scripts), its squared norm, the size, and how many members are Chinese.
// Group ids are article indices (the union-find roots); a group of one uses its article's vector directly, so the
// common case of comparing two single articles costs one sparse dot product and no map.

import { dot, evidenceConfidence, type SparseVector, type VectorSpace } from './build-vectors.js';
import { denseCos, denseSimilarity } from './find-similar-pairs.js';

type Sum = Map<number, number>;

export class GroupCentroids {
  readonly size: Int32Array;
  private readonly cjkCount: Int32Array;
  private readonly sum: (Sum | undefined)[];
  private readonly usum: (Sum | undefined)[];
  private readonly norm2: Float64Array;
  private readonly unorm2: Float64Array;
  private readonly mixed: boolean;
  // Embeddings, when given: per group the sum of its members' unit vectors (a group of one uses its article's).
  private readonly dsum: (Float64Array | undefined)[] = [];
  private readonly dnorm2: Float64Array;

  constructor(
    private readonly space: VectorSpace,
    private readonly crossLingualWeight: number,
    private readonly dense?: { vectors: readonly Float64Array[]; floor: number },
  ) {
    const n = space.n;
    this.size = new Int32Array(n).fill(1);
    this.cjkCount = Int32Array.from(space.cjk);
    this.sum = new Array(n);
    this.usum = new Array(n);
    this.norm2 = new Float64Array(n);
    this.unorm2 = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      this.norm2[i] = selfDot(space.vectors[i]!);
      this.unorm2[i] = selfDot(space.universal[i]!);
    }
    this.mixed = space.cjk.some((x) => x === 1) && space.cjk.some((x) => x === 0);
    this.dnorm2 = new Float64Array(dense ? n : 0).fill(1);
  }

  private denseOf(g: number): Float64Array {
    return this.dsum[g] ?? this.dense!.vectors[g]!;
  }

  // The embedding similarity of two groups (or of article i to group g, itself left out when a member), on the
  // sparse scale (denseSimilarity); -Infinity without embeddings.
  private denseGroupCos(a: number, b: number): number {
    if (!this.dense) return -Infinity;
    const d = denseCos(this.denseOf(a), this.denseOf(b)) / Math.sqrt(this.dnorm2[a]! * this.dnorm2[b]!);
    return denseSimilarity(d || 0, this.dense.floor);
  }

  private denseArticleCos(i: number, g: number, member: boolean): number {
    if (!this.dense) return -Infinity;
    const v = this.dense.vectors[i]!;
    let d = denseCos(v, this.denseOf(g));
    let nn = this.dnorm2[g]!;
    if (member) {
      d -= 1;
      nn = nn - 2 * d - 1;
    }
    return nn > 1e-12 ? denseSimilarity(d / Math.sqrt(nn), this.dense.floor) : -Infinity;
  }

  private addDense(g: number, v: Float64Array, sign: 1 | -1): void {
    let sum = this.dsum[g];
    if (!sum) {
      sum = this.size[g]! > 0 ? Float64Array.from(this.dense!.vectors[g]!) : new Float64Array(v.length);
      this.dsum[g] = sum;
    }
    const d = denseCos(v, sum);
    for (let k = 0; k < sum.length; k++) sum[k]! += sign * v[k]!;
    this.dnorm2[g] = Math.max(0, this.dnorm2[g]! + (sign > 0 ? 2 * d + 1 : -2 * d + 1));
  }

  /** Similarity of two groups: centroid cosine, or for an English and a Chinese group, the universal one if higher. */
  cos(a: number, b: number): number {
    return Math.max(this.sparseCos(a, b), this.denseGroupCos(a, b));
  }

  private sparseCos(a: number, b: number): number {
    const full = this.crossDot(a, b, false) / Math.sqrt(this.norm2[a]! * this.norm2[b]!) || 0;
    if (!this.differInScript(a, b)) return full;
    const den = Math.sqrt(this.unorm2[a]! * this.unorm2[b]!);
    if (!(den > 0)) return full;
    const { dot: d, confidence } = this.universalOverlap(this.mapOrVector(a), this.mapOrVector(b));
    return Math.max(full, this.crossLingualWeight * (d / den) * confidence);
  }

  /** Similarity of article i to group g; with i a member of g, to the rest of g. -1 when g holds only i. */
  articleCos(i: number, g: number, member: boolean): number {
    if (member && this.size[g] === 1) return -1;
    return Math.max(this.sparseArticleCos(i, g, member), this.denseArticleCos(i, g, member));
  }

  private sparseArticleCos(i: number, g: number, member: boolean): number {
    const full = this.articleDot(i, g, member, false);
    if (!this.mixed) return full;
    const iCjk = this.space.cjk[i]!;
    const others = this.size[g]! - (member ? 1 : 0);
    const otherCjk = this.cjkCount[g]! - (member ? iCjk : 0);
    const differ = iCjk ? otherCjk < others : otherCjk > 0;
    if (!differ) return full;
    const { confidence } = this.universalOverlap(this.space.universal[i]!, this.mapOrVector(g));
    return Math.max(full, this.crossLingualWeight * this.articleDot(i, g, member, true) * confidence);
  }

  // Universal sum of a group (map), or its single article's universal vector.
  private mapOrVector(g: number): Sum | SparseVector {
    return this.usum[g] ?? this.space.universal[g]!;
  }

  // Dot product of two universal sums or vectors, and how far their shared terms can be trusted (evidenceConfidence).
  // An article's own contribution is not removed here: evidence only gates, it does not score.
  // (Accumulated in fields rather than in a closure per call: this runs for every mixed-script comparison.)
  private overlapDot = 0;
  private overlapEvidence = 0;
  private overlapShared = 0;
  private overlapSpecific = false;

  private visitOverlap(t: number, w: number, v: number | undefined): void {
    if (v === undefined || v <= 1e-12 || w <= 1e-12) return;
    this.overlapDot += w * v;
    this.overlapEvidence += this.space.idf[t]!;
    this.overlapShared += this.space.distinct[t]!;
    this.overlapSpecific ||= this.space.specific[t] === 1;
  }

  private universalOverlap(x: Sum | SparseVector, y: Sum | SparseVector): { dot: number; confidence: number } {
    this.overlapDot = 0;
    this.overlapEvidence = 0;
    this.overlapShared = 0;
    this.overlapSpecific = false;
    if (!(x instanceof Map) && !(y instanceof Map)) {
      // Two vectors: a merge of the sorted ids.
      let a = 0;
      let b = 0;
      while (a < x.ids.length && b < y.ids.length) {
        const p = x.ids[a]!;
        const q = y.ids[b]!;
        if (p === q) this.visitOverlap(p, x.ws[a++]!, y.ws[b++]!);
        else if (p < q) a++;
        else b++;
      }
    } else if (!(x instanceof Map) || !(y instanceof Map)) {
      const v = x instanceof Map ? (y as SparseVector) : x;
      const m = x instanceof Map ? x : (y as Sum);
      for (let k = 0; k < v.ids.length; k++) this.visitOverlap(v.ids[k]!, v.ws[k]!, m.get(v.ids[k]!));
    } else {
      const small = x.size <= y.size ? x : y;
      const big = x.size <= y.size ? y : x;
      for (const [t, w] of small) this.visitOverlap(t, w, big.get(t));
    }
    return {
      dot: this.overlapDot,
      confidence: evidenceConfidence(this.space, this.overlapEvidence, this.overlapShared, this.overlapSpecific),
    };
  }

  /** Joins group b into group a (a keeps the id, its centroid becomes the sum). */
  merge(a: number, b: number): void {
    for (const universal of this.mixed ? [false, true] : [false]) {
      const norms = universal ? this.unorm2 : this.norm2;
      const store = universal ? this.usum : this.sum;
      const { map, cross } = this.fold(a, b, universal);
      norms[a] = norms[a]! + norms[b]! + 2 * cross;
      store[a] = map;
      store[b] = undefined;
    }
    if (this.dense) {
      const vb = this.denseOf(b);
      const cross = denseCos(this.denseOf(a), vb);
      const sum = this.dsum[a] ?? Float64Array.from(this.dense.vectors[a]!);
      for (let k = 0; k < sum.length; k++) sum[k]! += vb[k]!;
      this.dsum[a] = sum;
      this.dnorm2[a] = this.dnorm2[a]! + this.dnorm2[b]! + 2 * cross;
      this.dsum[b] = undefined;
    }
    this.size[a]! += this.size[b]!;
    this.cjkCount[a]! += this.cjkCount[b]!;
    this.size[b] = 0;
    this.cjkCount[b] = 0;
  }

  /** Moves article i out of group `from` (of which it is a member) into group `to`. */
  move(i: number, from: number, to: number): void {
    this.addArticle(i, from, -1);
    this.addArticle(i, to, 1);
  }

  private addArticle(i: number, g: number, sign: 1 | -1): void {
    for (const universal of this.mixed ? [false, true] : [false]) {
      const v = universal ? this.space.universal[i]! : this.space.vectors[i]!;
      const m = this.materialise(g, universal);
      let d = 0;
      for (let k = 0; k < v.ids.length; k++) d += v.ws[k]! * (m.get(v.ids[k]!) ?? 0);
      for (let k = 0; k < v.ids.length; k++) {
        const t = v.ids[k]!;
        const w = (m.get(t) ?? 0) + sign * v.ws[k]!;
        if (Math.abs(w) < 1e-12) m.delete(t);
        else m.set(t, w);
      }
      const vv = selfDot(v);
      const norms = universal ? this.unorm2 : this.norm2;
      norms[g] = Math.max(0, norms[g]! + (sign > 0 ? 2 * d + vv : -2 * d + vv));
    }
    if (this.dense) this.addDense(g, this.dense.vectors[i]!, sign);
    this.size[g]! += sign;
    this.cjkCount[g]! += sign * this.space.cjk[i]!;
  }

  private differInScript(a: number, b: number): boolean {
    if (!this.mixed) return false;
    const ca = this.cjkCount[a]!;
    const cb = this.cjkCount[b]!;
    return (ca > 0 && cb < this.size[b]!) || (cb > 0 && ca < this.size[a]!);
  }

  private vectorOf(g: number, universal: boolean): SparseVector {
    return universal ? this.space.universal[g]! : this.space.vectors[g]!;
  }

  private mapOf(g: number, universal: boolean): Sum | undefined {
    return universal ? this.usum[g] : this.sum[g];
  }

  // A group's sum as a map, created from its single article on first need.
  private materialise(g: number, universal: boolean): Sum {
    const store = universal ? this.usum : this.sum;
    let m = store[g];
    if (!m) {
      m = new Map();
      if (this.size[g]! > 0) {
        const v = this.vectorOf(g, universal);
        for (let k = 0; k < v.ids.length; k++) m.set(v.ids[k]!, v.ws[k]!);
      }
      store[g] = m;
    }
    return m;
  }

  private crossDot(a: number, b: number, universal: boolean): number {
    const ma = this.mapOf(a, universal);
    const mb = this.mapOf(b, universal);
    if (!ma && !mb) return dot(this.vectorOf(a, universal), this.vectorOf(b, universal));
    if (!ma) return vectorMapDot(this.vectorOf(a, universal), mb!);
    if (!mb) return vectorMapDot(this.vectorOf(b, universal), ma);
    return mapDot(ma, mb);
  }

  private articleDot(i: number, g: number, member: boolean, universal: boolean): number {
    const v = universal ? this.space.universal[i]! : this.space.vectors[i]!;
    const m = this.mapOf(g, universal);
    let d = m ? vectorMapDot(v, m) : dot(v, this.vectorOf(g, universal));
    let nn = (universal ? this.unorm2 : this.norm2)[g]!;
    if (member) {
      const vv = selfDot(v);
      d -= vv;
      nn = nn - 2 * d - vv;
    }
    return nn > 1e-12 ? d / Math.sqrt(nn) : 0;
  }

  // Adds the smaller of the two sums into the larger one, and measures their dot product on the way.
  private fold(a: number, b: number, universal: boolean): { map: Sum; cross: number } {
    const ma = this.materialise(a, universal);
    const mb = this.mapOf(b, universal);
    let cross = 0;
    if (mb) {
      const [big, small] = ma.size >= mb.size ? [ma, mb] : [mb, ma];
      for (const [t, w] of small) {
        const old = big.get(t);
        if (old === undefined) big.set(t, w);
        else {
          cross += w * old;
          big.set(t, old + w);
        }
      }
      return { map: big, cross };
    }
    const v = this.vectorOf(b, universal);
    for (let k = 0; k < v.ids.length; k++) {
      const t = v.ids[k]!;
      const old = ma.get(t) ?? 0;
      cross += v.ws[k]! * old;
      ma.set(t, old + v.ws[k]!);
    }
    return { map: ma, cross };
  }
}

function selfDot(v: SparseVector): number {
  let s = 0;
  for (const w of v.ws) s += w * w;
  return s;
}

function vectorMapDot(v: SparseVector, m: Sum): number {
  let s = 0;
  for (let k = 0; k < v.ids.length; k++) s += v.ws[k]! * (m.get(v.ids[k]!) ?? 0);
  return s;
}

function mapDot(x: Sum, y: Sum): number {
  const [small, big] = x.size <= y.size ? [x, y] : [y, x];
  let s = 0;
  for (const [t, w] of small) {
    const v = big.get(t);
    if (v !== undefined) s += w * v;
  }
  return s;
}
