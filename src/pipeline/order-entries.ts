// The order of a digest's entries, whichever writer wrote them: most important first, then the stories more
// outlets told, then topic order (the clustering's, which is deterministic). Headlines are topped up from it.

import { IMPORTANCE_RANK, type Entry, type Topic } from '../types.js';

export function orderEntries<T extends { entry: Entry; topic: Topic }>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      IMPORTANCE_RANK[b.entry.importance] - IMPORTANCE_RANK[a.entry.importance] ||
      b.entry.sources.length - a.entry.sources.length ||
      topicOrdinal(a.topic) - topicOrdinal(b.topic),
  );
}

function topicOrdinal(t: Topic): number {
  return Number(t.id.slice(1));
}
