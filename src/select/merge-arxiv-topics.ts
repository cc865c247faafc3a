// One story per arXiv paper: the same paper arrives from several category feeds (cross-lists), in several versions
// (v1 in one feed, v2 as a replacement in another), as /abs/ and /pdf/ links, and as a Hugging Face papers page or
// a news article citing it. Clustering joins most of them by title; this joins the rest by the paper id. Pure.

import type { Article, Topic } from '../types.js';

export function mergeArxivTopics(topics: readonly Topic[], byId: ReadonlyMap<string, Article>): Topic[] {
  const firstByPaper = new Map<string, number>();
  const into = topics.map((_, i) => i);
  const find = (i: number): number => (into[i] === i ? i : (into[i] = find(into[i]!)));
  topics.forEach((t, i) => {
    for (const id of t.articleIds) {
      const paper = byId.get(id)?.arxivId;
      if (!paper) continue;
      const first = firstByPaper.get(paper);
      if (first === undefined) firstByPaper.set(paper, i);
      else {
        // Union by topic order, so the merged story keeps the earliest topic's id and representative.
        const [a, b] = [find(first), find(i)].sort((x, y) => x - y) as [number, number];
        if (a !== b) into[b] = a;
      }
    }
  });
  const merged = new Map<number, Topic>();
  topics.forEach((t, i) => {
    const root = find(i);
    const into = merged.get(root);
    if (!into) merged.set(root, { ...t, articleIds: [...t.articleIds], keywords: [...t.keywords] });
    else {
      into.articleIds.push(...t.articleIds.filter((id) => !into.articleIds.includes(id)));
      into.keywords.push(...t.keywords.filter((k) => !into.keywords.includes(k)));
    }
  });
  return topics.map((_, i) => merged.get(i)).filter((t): t is Topic => t !== undefined);
}
