// The cluster stage: groups articles that tell the same story, in English or Chinese, into topics.
//
// Pure and deterministic: no I/O, no clock, no randomness, and every loop runs in input order, so the same input
// gives the same topics in the same order.
//
// How:
// 1. Each article becomes a sparse TF-IDF vector (see extract-features.ts): title-weighted words, Han bigrams,
//    amounts, arXiv ids, URL slug words.
// 2. Candidate pairs come from an inverted index over each article's strongest terms, skipping terms found in too
//    many articles, so the cost grows near-linearly with the number of articles.
// 3. Each candidate pair gets a cosine similarity. An English and a Chinese article are also compared on the
//    features that survive translation alone (Latin names, numbers, ids).
// 4. Linkage: pairs above the threshold are taken strongest first (single link), but two groups are joined only if
//    their centroids are similar too: the veto that stops a chain of near-duplicates from gluing stories together.
//
// Topic order: larger topics first, then the topic whose earliest member comes first in the input.

import type { Article, Topic } from '../types.js';
import { DEFAULT_FEATURE_WEIGHTS, extractFeatures, type FeatureWeights } from './extract-features.js';
import { buildVectors, type SparseVector, type VectorSpace } from './build-vectors.js';
import { findSimilarPairs } from './find-similar-pairs.js';
import { linkClusters, type Linkage } from './link-clusters.js';

export type ClusterInput = Pick<Article, 'id' | 'title'> & Partial<Pick<Article, 'text' | 'lang' | 'publishedAt' | 'url' | 'feedId'>>;

export interface ClusterOptions {
  /** Pair similarity (cosine, 0..1) at or above which two articles may be linked. */
  threshold?: number;
  /** Lowest centroid similarity at which two groups may join (the veto against chaining). */
  mergeThreshold?: number;
  /** Pairs at or above this similarity are candidates for group merging and reassignment. */
  candidateThreshold?: number;
  /** Factor applied to the translation-surviving similarity of an English–Chinese pair. */
  crossLingualWeight?: number;
  /** Terms in more than this many articles (default: a function of the input size) do not create candidate pairs. */
  maxDocFreq?: number;
  /** How many of an article's strongest terms go into the inverted index. */
  indexTerms?: number;
  linkage?: Linkage;
  kappa?: number;
  lambda?: number;
  sweeps?: number;
  groupLambda?: number;
  refine?: number;
  refineFloor?: number;
  featureWeights?: Partial<FeatureWeights>;
  /** Optional dense vectors (one per input article, e.g. from an embeddings endpoint), blended into pair similarity. */
  dense?: ReadonlyArray<ArrayLike<number>>;
  /** Share of the dense similarity in the blend (default 0.5 when `dense` is given). */
  denseWeight?: number;
  /** Keywords per topic. */
  keywords?: number;
}

/** The parameters chosen on the benchmark and the fixture days (README: Clustering). */
export const DEFAULT_CLUSTER_OPTIONS = {
  threshold: 0.25,
  mergeThreshold: 0.15,
  candidateThreshold: 0.2,
  crossLingualWeight: 0.9,
  indexTerms: 24,
  linkage: 'size-veto' as Linkage,
  kappa: 4,
  lambda: 0.35,
  sweeps: 2,
  groupLambda: 0.2,
  refine: 3,
  refineFloor: 0.05,
  denseWeight: 0.5,
  keywords: 6,
};

export function clusterArticles(articles: readonly ClusterInput[], options: ClusterOptions = {}): Topic[] {
  if (articles.length === 0) return [];
  const opts = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
  const fw: FeatureWeights = { ...DEFAULT_FEATURE_WEIGHTS, ...options.featureWeights };
  const features = articles.map((a) => extractFeatures(a, fw));
  const space = buildVectors(features);
  const pairs = findSimilarPairs(space, {
    threshold: Math.min(opts.threshold, opts.candidateThreshold),
    crossLingualWeight: opts.crossLingualWeight,
    maxDocFreq: opts.maxDocFreq ?? defaultMaxDocFreq(articles.length),
    indexTerms: opts.indexTerms,
    dense: options.dense,
    denseWeight: opts.denseWeight,
  });
  const labels = linkClusters(space, pairs, opts);
  sameUrlSameTopic(articles, labels);
  return buildTopics(articles, space, labels, opts.keywords);
}

/** Cluster label per input article (0-based, in topic order): for benchmarks and the `cluster` command. */
export function topicLabels(articles: readonly ClusterInput[], topics: readonly Topic[]): number[] {
  const index = new Map(articles.map((a, i) => [a.id, i]));
  const labels = new Array<number>(articles.length).fill(-1);
  topics.forEach((t, k) => {
    for (const id of t.articleIds) labels[index.get(id)!] = k;
  });
  return labels;
}

// Common words stop producing candidates once they are in more than ~sqrt(N)*6 articles: such a word alone never
// decides a story, and its postings list would make the pair search quadratic.
export function defaultMaxDocFreq(n: number): number {
  return Math.max(50, Math.ceil(Math.sqrt(n) * 6));
}

// Two items with the same canonical URL are one article seen twice (two feeds carry it): always one story, whatever
// their (possibly different) titles say.
function sameUrlSameTopic(articles: readonly ClusterInput[], labels: Int32Array): void {
  const first = new Map<string, number>();
  articles.forEach((a, i) => {
    if (!a.url) return;
    const f = first.get(a.url);
    if (f === undefined) first.set(a.url, i);
    else labels[i] = labels[f]!;
  });
}

function buildTopics(articles: readonly ClusterInput[], space: VectorSpace, labels: Int32Array, nKeywords: number): Topic[] {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const g = groups.get(labels[i]!);
    if (g) g.push(i);
    else groups.set(labels[i]!, [i]);
  }
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
  return ordered.map((members, k) => {
    const centroid = sumVectors(members.map((i) => space.vectors[i]!));
    let rep = members[0]!;
    let best = -Infinity;
    for (const i of members) {
      const s = dotMap(space.vectors[i]!, centroid);
      // Strictly greater: ties go to the earliest article.
      if (s > best + 1e-12) {
        best = s;
        rep = i;
      }
    }
    const articleIds = [articles[rep]!.id, ...members.filter((i) => i !== rep).map((i) => articles[i]!.id)];
    return {
      id: `t${k + 1}`,
      articleIds,
      representativeId: articles[rep]!.id,
      keywords: topKeywords(space, centroid, nKeywords),
    };
  });
}

function sumVectors(vs: SparseVector[]): Map<number, number> {
  const sum = new Map<number, number>();
  for (const v of vs) for (let k = 0; k < v.ids.length; k++) sum.set(v.ids[k]!, (sum.get(v.ids[k]!) ?? 0) + v.ws[k]!);
  return sum;
}

function dotMap(v: SparseVector, m: Map<number, number>): number {
  let s = 0;
  for (let k = 0; k < v.ids.length; k++) s += v.ws[k]! * (m.get(v.ids[k]!) ?? 0);
  return s;
}

// Keywords are the centroid's heaviest words and bigrams (numbers and ids are facts, not keywords). A term shared by
// several members outranks one member's rare word because the centroid sums the members.
function topKeywords(space: VectorSpace, centroid: Map<number, number>, n: number): string[] {
  const entries = [...centroid.entries()]
    .filter(([t]) => {
      const key = space.terms[t]!;
      return key.startsWith('w:') || key.startsWith('c:');
    })
    .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const [t] of entries) {
    const word = space.surface[t]!;
    if (seen.has(word)) continue;
    seen.add(word);
    out.push(word);
    if (out.length >= n) break;
  }
  return out;
}

export { DEFAULT_FEATURE_WEIGHTS };
