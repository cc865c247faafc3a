// Links are made by code, never written by a model: one per member article, each URL once, representative first.

import type { Article, SourceLink, Topic } from '../types.js';

export function topicArticles(topic: Topic, byId: ReadonlyMap<string, Article>): Article[] {
  const ids = [topic.representativeId, ...topic.articleIds.filter((id) => id !== topic.representativeId)];
  return ids.map((id) => byId.get(id)).filter((a): a is Article => a !== undefined);
}

export function topicSources(topic: Topic, byId: ReadonlyMap<string, Article>): SourceLink[] {
  const seen = new Set<string>();
  const out: SourceLink[] = [];
  for (const a of topicArticles(topic, byId)) {
    if (seen.has(a.url)) continue;
    seen.add(a.url);
    out.push({ name: a.source, url: a.url });
  }
  return out;
}
