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
// 4. Linkage (link-clusters.ts), measured against single link, average-style veto and other variants in
//    bench/cluster-bench.ts: pairs above the threshold join strongest first unless a size-aware centroid veto says
//    no; then groups with convincing centroids merge; then each article may move to the group it is closest to.
// 5. Two articles with the same canonical URL are always one topic.
//
// Topic order: larger topics first, then the topic whose earliest member comes first in the input. The
// representative is the member closest to the topic's centroid (ties: the earliest); keywords are the centroid's
// heaviest words and bigrams. Design notes and benchmark results: src/cluster/README.md.

import type { Article, Topic } from '../types.js';
import { DEFAULT_FEATURE_WEIGHTS, extractFeatures, Vocabulary, type FeatureWeights } from './extract-features.js';
import { buildVectors, type VectorSpace } from './build-vectors.js';
import { findSimilarPairs, normaliseDense } from './find-similar-pairs.js';
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
  /** The linkage rule of pass 1 (see link-clusters.ts); the other variants are kept for the benchmark. */
  linkage?: Linkage;
  /** size-veto: the group size at which a story's centroid is half-way to the story's direction. */
  kappa?: number;
  /** size-veto: share of the expected same-story centroid similarity two groups must reach in pass 1. */
  lambda?: number;
  /** Passes over the pairs in pass 1. */
  sweeps?: number;
  /** Pass 2 (group merging): like lambda; 0 turns the pass off. */
  groupLambda?: number;
  /** Pass 3 (reassignment): rounds; 0 turns the pass off. */
  refine?: number;
  /** Pass 3: an article less similar than this to every group stands alone. */
  refineFloor?: number;
  /** Field weights and the body text length used (title 3, text 1, slug 1, 1,500 characters). */
  featureWeights?: Partial<FeatureWeights>;
  /**
   * Optional dense vectors, one per input article (see openai-embedder.ts). A candidate pair's similarity becomes
   * max(sparse, (dense cosine − denseFloor) / (1 − denseFloor)). Up to 1,500 articles every pair is compared;
   * above that, candidates come from the sparse index only.
   */
  dense?: ReadonlyArray<ArrayLike<number>>;
  /** Dense cosine that counts as 0 (default 0.5; not calibrated on a labelled set: no embeddings offline). */
  denseFloor?: number;
  /** Keywords per topic. */
  keywords?: number;
}

/** The parameters chosen on the benchmark and the fixture days together (src/cluster/README.md). */
export const DEFAULT_CLUSTER_OPTIONS = {
  threshold: 0.25,
  mergeThreshold: 0.12,
  candidateThreshold: 0.2,
  crossLingualWeight: 0.9,
  indexTerms: 12,
  linkage: 'size-veto' as Linkage,
  kappa: 4,
  lambda: 0.35,
  sweeps: 2,
  groupLambda: 0.2,
  refine: 3,
  refineFloor: 0.05,
  denseFloor: 0.5,
  keywords: 6,
};

export function clusterArticles(articles: readonly ClusterInput[], options: ClusterOptions = {}): Topic[] {
  if (articles.length === 0) return [];
  // An option given as undefined (a CLI flag not passed) keeps its default.
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as ClusterOptions;
  const opts = { ...DEFAULT_CLUSTER_OPTIONS, ...given };
  const fw: FeatureWeights = { ...DEFAULT_FEATURE_WEIGHTS, ...given.featureWeights };
  const vocab = new Vocabulary();
  const features = articles.map((a) => extractFeatures(a, vocab, fw));
  const space = buildVectors(features, vocab);
  const dense = given.dense ? normaliseDense(given.dense, articles.length) : undefined;
  const pairs = findSimilarPairs(space, {
    threshold: Math.min(opts.threshold, opts.candidateThreshold),
    crossLingualWeight: opts.crossLingualWeight,
    maxDocFreq: opts.maxDocFreq ?? defaultMaxDocFreq(articles.length),
    indexTerms: opts.indexTerms,
    dense,
    denseFloor: opts.denseFloor,
  });
  const labels = linkClusters(space, pairs, { ...opts, dense });
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

// Common words stop producing candidates once they are in more than ~3·sqrt(N) articles (at most 300): such a word
// alone never decides a story, and its postings list would make the pair search quadratic. Their weight still
// counts in the similarity of pairs found through rarer words.
export function defaultMaxDocFreq(n: number): number {
  return Math.min(300, Math.max(50, Math.ceil(Math.sqrt(n) * 3)));
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
  // A topic's centroid is summed into one dense scratch array over the vocabulary (its terms listed in order of first
  // appearance), then cleared: a Map per topic was most of this step.
  const dense = new Float64Array(space.terms.length);
  const seen = new Uint8Array(space.terms.length);
  const sumIds: number[] = [];
  const sumWs: number[] = [];
  return ordered.map((members, k) => {
    // A single article's centroid is its vector (most topics: no sum needed).
    if (members.length === 1) {
      const only = articles[members[0]!]!.id;
      const v = space.vectors[members[0]!]!;
      return { id: `t${k + 1}`, articleIds: [only], representativeId: only, keywords: topKeywords(space, v.ids, v.ws, nKeywords) };
    }
    sumIds.length = 0;
    for (const i of members) {
      const v = space.vectors[i]!;
      for (let e = 0; e < v.ids.length; e++) {
        const t = v.ids[e]!;
        if (!seen[t]) {
          seen[t] = 1;
          sumIds.push(t);
        }
        dense[t]! += v.ws[e]!;
      }
    }
    let rep = members[0]!;
    let best = -Infinity;
    for (const i of members) {
      const v = space.vectors[i]!;
      let s = 0;
      for (let e = 0; e < v.ids.length; e++) s += v.ws[e]! * dense[v.ids[e]!]!;
      // Strictly greater: ties go to the earliest article.
      if (s > best + 1e-12) {
        best = s;
        rep = i;
      }
    }
    sumWs.length = sumIds.length;
    for (let e = 0; e < sumIds.length; e++) {
      const t = sumIds[e]!;
      sumWs[e] = dense[t]!;
      dense[t] = 0;
      seen[t] = 0;
    }
    const articleIds = [articles[rep]!.id, ...members.filter((i) => i !== rep).map((i) => articles[i]!.id)];
    return {
      id: `t${k + 1}`,
      articleIds,
      representativeId: articles[rep]!.id,
      keywords: topKeywords(space, sumIds, sumWs, nKeywords),
    };
  });
}

// Keywords are the centroid's heaviest words and bigrams (numbers and ids are facts, not keywords). A term shared by
// several members outranks one member's rare word because the centroid sums the members.
function topKeywords(space: VectorSpace, ids: ArrayLike<number>, ws: ArrayLike<number>, n: number): string[] {
  // The 2n heaviest word and bigram terms, kept sorted by insertion (a topic has tens of terms; no full sort).
  const limit = 2 * n;
  const topT: number[] = [];
  const topW: number[] = [];
  for (let e = 0; e < ids.length; e++) {
    const t = ids[e]!;
    const w = ws[e]!;
    if (!space.wordLike[t]) continue;
    const full = topT.length === limit;
    if (full && !(w > topW[limit - 1]! || (w === topW[limit - 1] && t < topT[limit - 1]!))) continue;
    let k = full ? limit - 1 : topT.length;
    if (!full) {
      topT.push(t);
      topW.push(w);
    }
    // Heavier first; equal weights: the lower term id (first seen) first.
    while (k > 0 && (w > topW[k - 1]! || (w === topW[k - 1] && t < topT[k - 1]!))) {
      topT[k] = topT[k - 1]!;
      topW[k] = topW[k - 1]!;
      k--;
    }
    topT[k] = t;
    topW[k] = w;
  }
  const picked: string[] = [];
  for (const t of topT) {
    const word = space.surface[t]!;
    if (!picked.includes(word)) picked.push(word);
  }
  // "gpt" adds nothing next to "gpt-5.1". (A loop that stops at n survivors: filter + some + slice per topic cost
  // more than the rest of the topic.)
  const out: string[] = [];
  for (let a = 0; a < picked.length && out.length < n; a++) {
    const w = picked[a]!;
    let inside = false;
    for (let b = 0; b < picked.length; b++) {
      const o = picked[b]!;
      if (o.length > w.length && o.includes(w)) {
        inside = true;
        break;
      }
    }
    if (!inside) out.push(w);
  }
  return out;
}

export { DEFAULT_FEATURE_WEIGHTS };
