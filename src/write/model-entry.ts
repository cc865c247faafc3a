// The entry prompt's input and output: the topic's articles fenced as data with short ids (A1..An), the zod
// schema of the answer, the checks zod cannot make (ids), and the answer turned into an Entry by code
// (links from the topic's articles, text cleaned and converted).

import { z } from 'zod';
import { ENTRY_SECTIONS, IMPORTANCE_LEVELS, type Article, type Entry, type FeedConfig, type Topic } from '../types.js';
import { cleanBullet, cleanList, cleanModelText } from './model-text.js';
import { topicSources } from './topic-sources.js';

const text = z.string().min(1, 'must not be empty');

export const EntryAnswerSchema = z.object({
  title: text,
  section: z.enum(ENTRY_SECTIONS),
  summary: text,
  details: z.array(text).max(8),
  useCases: z.array(text).max(6),
  entities: z.array(text).min(1).max(8),
  importance: z.enum(IMPORTANCE_LEVELS),
  importanceReason: text,
  sourceIds: z.array(z.string()).min(1, 'name at least one article id'),
});

export type EntryAnswer = z.output<typeof EntryAnswerSchema>;

export const DEFAULT_ARTICLE_CHARS = 3500;

/** Short ids for the prompt, in the topic's order (representative first). */
export function shortArticleIds(members: Article[]): Map<string, Article> {
  return new Map(members.map((a, i) => [`A${i + 1}`, a]));
}

/** Neutralises tags that would let quoted text close its fence and talk as if outside it. */
export function escapeFence(s: string): string {
  return s.replace(/<(\/?)(article|topics?)\b/gi, '‹$1$2');
}

const attr = (s: string) => escapeFence(s).replace(/"/g, '\u201D');

export function fenceArticle(id: string, a: Article, maxChars: number): string {
  const body = a.text.trim();
  const cut = body.length > maxChars ? `${body.slice(0, maxChars).trimEnd()} …(truncated)` : body;
  return [
    `<article id="${id}" source="${attr(a.source)}" lang="${a.lang}" published="${a.publishedAt}">`,
    `title: ${escapeFence(a.title)}`,
    cut ? `text:\n${escapeFence(cut)}` : 'text: (the feed gave only the title)',
    '</article>',
  ].join('\n');
}

/** The placeholders of prompts/entry.md (a type alias, so it fits renderPrompt's record of values). */
export type EntryPromptVars = { date: string; articles: string; article_ids: string; follow_up: string; section_hint: string };

/** The placeholders of prompts/entry.md for one topic. */
export function entryPromptVars(
  date: string,
  topic: Topic,
  ids: Map<string, Article>,
  options: { articleChars?: number; feeds?: FeedConfig[] } = {},
): EntryPromptVars {
  const per = options.articleChars ?? DEFAULT_ARTICLE_CHARS;
  // A big story must not blow the context: later articles get less room, the tail only its title.
  let budget = per * 4;
  const fenced = [...ids].map(([id, a]) => {
    const room = Math.max(0, Math.min(per, budget));
    budget -= Math.min(a.text.length, room);
    return fenceArticle(id, room > 200 ? a : { ...a, text: '' }, room);
  });
  const rep = ids.get('A1');
  const feedSection = rep && options.feeds?.find((f) => f.id === rep.feedId)?.section;
  return {
    date,
    articles: fenced.join('\n\n'),
    article_ids: [...ids.keys()].join(', '),
    follow_up: topic.followUp
      ? `This story was covered on ${topic.followUp.date} as 「${escapeFence(topic.followUp.title)}」: write about what is new since then, and let the title say what is new.\n`
      : '',
    section_hint: feedSection ? `The feed of the main article usually files its stories under \`${feedSection}\`; follow that unless the content says otherwise.\n` : '',
  };
}

/** Checks on an answer that depend on the input. */
export function checkEntryAnswer(a: EntryAnswer, ids: Map<string, Article>): string[] {
  const problems: string[] = [];
  const unknown = a.sourceIds.filter((id) => !ids.has(id));
  if (unknown.length) problems.push(`sourceIds: unknown article id(s) ${unknown.join(', ')}; use only ${[...ids.keys()].join(', ')}`);
  if (!cleanModelText(a.title)) problems.push('title: empty');
  if (!cleanModelText(a.summary)) problems.push('summary: empty');
  return problems;
}

/** The checked answer as an Entry: code makes the links, cleans and converts every string. */
export function toEntry(a: EntryAnswer, topic: Topic, byId: ReadonlyMap<string, Article>): Entry {
  // Trend and market items have neither part in the digest's format.
  const bare = a.section === 'trends' || a.section === 'market';
  const levelPrefix = new RegExp(`^\\s*(?:重要性\\s*[:：]?\\s*)?(?:${IMPORTANCE_LEVELS.join('|')})\\s*(?:[—–:：-]|，)\\s*`);
  return {
    topicId: topic.id,
    section: a.section,
    title: cleanModelText(a.title).replace(/^[「『"]|[」』"]$/g, ''),
    summary: cleanModelText(a.summary),
    details: bare ? [] : cleanList(a.details),
    useCases: bare ? [] : cleanList(a.useCases),
    entities: cleanList(a.entities.flatMap((e) => e.split(/、|，|,\s+/)), cleanBullet).slice(0, 8),
    importance: a.importance,
    importanceReason: cleanModelText(a.importanceReason.replace(levelPrefix, '')),
    sources: topicSources(topic, byId),
  };
}
