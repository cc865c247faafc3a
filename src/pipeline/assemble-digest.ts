// Written entries + frame → the Digest the renderer lays out. This is where "each story once" is enforced:
// a headline is taken out of its section, links are remade from the topic's articles, and a frame that names
// an unknown or failed topic cannot put it in the digest.

import type { Article, Digest, Entry, NewsSection, Topic, WriteOutput } from '../types.js';
import { ENTRY_SECTIONS } from '../types.js';
import { topicSources } from '../write/topic-sources.js';
import { orderEntries } from './order-entries.js';

export const FOLLOW_UP_PREFIX = '後續：';

export interface AssembleInput {
  date: string;
  generatedAt: string;
  coverImage: string;
  windowLabel: string;
  topics: Topic[];
  articles: Article[];
  /** Articles collected in the window (the footer's N 篇文章). */
  articleCount: number;
  written: WriteOutput;
}

export function assembleDigest(input: AssembleInput): Digest {
  const byId = new Map(input.articles.map((a) => [a.id, a]));
  const topicById = new Map(input.topics.map((t) => [t.id, t]));
  const entries: Entry[] = [];
  const seen = new Set<string>();
  const titles = new Set<string>();
  for (const e of input.written.entries) {
    const topic = topicById.get(e.topicId);
    if (!topic || seen.has(e.topicId)) continue;
    seen.add(e.topicId);
    const title = topic.followUp && !e.title.startsWith(FOLLOW_UP_PREFIX) ? `${FOLLOW_UP_PREFIX}${e.title}` : e.title;
    const sources = topicSources(topic, byId);
    entries.push({ ...e, title: distinctTitle(title, sources[0]?.name, titles), sources });
  }
  const ranked = orderEntries(entries.map((entry) => ({ entry, topic: topicById.get(entry.topicId)! })));

  const written = new Set(entries.map((e) => e.topicId));
  const headlineIds = [...new Set(input.written.frame.headlineTopicIds)].filter((id) => written.has(id)).slice(0, 6);
  // A frame that chose too few (or failed topics) is topped up by rank, so 今日焦點 always has 3–6 when it can.
  for (const r of ranked) {
    if (headlineIds.length >= Math.min(3, entries.length)) break;
    if (!headlineIds.includes(r.topic.id)) headlineIds.push(r.topic.id);
  }
  const entryOf = new Map(entries.map((e) => [e.topicId, e]));
  const sections = { headlines: headlineIds.map((id) => entryOf.get(id)!) } as Record<NewsSection, Entry[]>;
  for (const s of ENTRY_SECTIONS)
    sections[s] = ranked.map((r) => r.entry).filter((e) => e.section === s && !headlineIds.includes(e.topicId));

  return {
    date: input.date,
    generatedAt: input.generatedAt,
    coverImage: input.coverImage,
    frame: { ...input.written.frame, headlineTopicIds: headlineIds },
    sections,
    articleCount: input.articleCount,
    topicCount: entries.length,
    windowLabel: input.windowLabel,
  };
}

/**
 * Two stories the writer gave the same headline (two papers on one task) are still two stories: the later one is
 * told apart by its outlet, then by a number, so the digest never shows one title twice.
 */
function distinctTitle(title: string, outlet: string | undefined, taken: Set<string>): string {
  let t = title;
  if (taken.has(t) && outlet) t = `${title}（${outlet}）`;
  for (let n = 2; taken.has(t); n++) t = `${title}（${n}）`;
  taken.add(t);
  return t;
}
