// Stories as an editor counts them. Clustering groups by similar words, which on a big day joins things an editor
// keeps apart: two papers on the same task are two papers, and a non-AI story that shares names with an AI round-up
// is not part of it. Pure; a split-off part keeps its articles (so every article is still cited or reported) under
// a new topic id after the day's last.

import type { Article, FeedConfig, Topic } from '../types.js';
import { judgeRelevance } from './judge-relevance.js';

/** Hands out topic ids after the day's last (`t<n>`), so ordering by id stays meaningful. */
export function topicIdSource(topics: readonly Topic[]): () => string {
  let next = Math.max(0, ...topics.map((t) => Number(t.id.slice(1)) || 0));
  return () => `t${++next}`;
}

function part(topic: Topic, ids: string[], id: string): Topic {
  return {
    ...topic,
    id,
    articleIds: ids,
    representativeId: ids.includes(topic.representativeId) ? topic.representativeId : ids[0]!,
    keywords: [...topic.keywords],
  };
}

/**
 * One story per arXiv paper: a topic holding several papers (different ids) becomes one story per paper, each with
 * the reports that cite it; what cites no paper stays under the topic's own id.
 */
export function splitPapers(topics: readonly Topic[], byId: ReadonlyMap<string, Article>, nextId: () => string): Topic[] {
  const out: Topic[] = [];
  for (const t of topics) {
    const groups = new Map<string, string[]>();
    for (const id of t.articleIds) {
      const key = byId.get(id)?.arxivId ?? '';
      groups.set(key, [...(groups.get(key) ?? []), id]);
    }
    const papers = [...groups.keys()].filter(Boolean);
    if (papers.length < 2) {
      out.push(t);
      continue;
    }
    const rest = groups.get('') ?? [];
    let keepId = rest.length ? undefined : t.id;
    if (rest.length) out.push(part(t, rest, t.id));
    for (const p of papers) {
      out.push(part(t, groups.get(p)!, keepId ?? nextId()));
      keepId = undefined;
    }
  }
  return out;
}

/**
 * The members of a story that are not about AI, as a story of their own (which the selection drops as off-topic),
 * when the story also has members that are. A member from a feed declared on-topic is always about AI.
 */
export function splitOffTopic(
  topic: Topic,
  byId: ReadonlyMap<string, Article>,
  feeds: ReadonlyMap<string, FeedConfig>,
  nextId: () => string,
): Topic[] {
  const off: string[] = [];
  const on: string[] = [];
  for (const id of topic.articleIds) {
    const a = byId.get(id);
    if (a && !judgeRelevance(a, feeds.get(a.feedId)).relevant) off.push(id);
    else on.push(id);
  }
  if (off.length === 0 || on.length === 0) return [topic];
  return [part(topic, on, topic.id), part(topic, off, nextId())];
}
