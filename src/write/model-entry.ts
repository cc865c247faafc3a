// The entry prompt's input and output: the topic's articles fenced as data with short ids (A1..An), the zod
// schema of the answer, the checks zod cannot make (ids), and the answer turned into an Entry by code
// (links from the topic's articles, text cleaned and converted).

import { z } from 'zod';
import type { ChatMessage } from '../model/chat-client.js';
import { estimateMessagesTokens, estimateTokens } from '../model/estimate-tokens.js';
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
const TRUNCATED = ' …(truncated)';
const FEED_TITLE_ONLY = 'text: (the feed gave only the title)';
const LEFT_OUT = 'text: (left out for length)';
/** Below this many characters an article's text says too little to be worth its room: only its title is sent. */
const MIN_TEXT_CHARS = 200;

type FenceMeta = Pick<Article, 'source' | 'lang' | 'publishedAt' | 'title'>;

/** One article fenced as data; `body` is cut to `maxChars`; `omitted` says its text was left out for room. */
function fence(id: string, a: FenceMeta, body: string, maxChars: number, o: { wasCut?: boolean; omitted?: boolean } = {}): string {
  const cut = body.length > maxChars ? `${body.slice(0, maxChars).trimEnd()}${TRUNCATED}` : o.wasCut && body ? `${body}${TRUNCATED}` : body;
  return [
    `<article id="${id}" source="${attr(a.source)}" lang="${a.lang}" published="${a.publishedAt}">`,
    // One line: the fence is read back by fitEntryMessages.
    `title: ${escapeFence(a.title.replace(/\s*\n\s*/g, ' '))}`,
    cut && !o.omitted ? `text:\n${escapeFence(cut)}` : o.omitted ? LEFT_OUT : FEED_TITLE_ONLY,
    '</article>',
  ].join('\n');
}

export function fenceArticle(id: string, a: Article, maxChars: number): string {
  return fence(id, a, a.text.trim(), maxChars);
}

interface Fenced {
  id: string;
  meta: FenceMeta;
  body: string;
  wasCut: boolean;
  omitted: boolean;
}

const FENCE =
  /<article id="(A\d+)" source="([^"]*)" lang="([^"]*)" published="([^"]*)">\ntitle: ([^\n]*)\n(?:text:\n([\s\S]*?)|text: \([^)\n]*\))\n<\/article>/g;

function readFence(m: RegExpMatchArray): Fenced {
  const text = m[6] ?? '';
  const wasCut = text.endsWith(TRUNCATED);
  return {
    id: m[1]!,
    meta: { source: m[2]!, lang: m[3]! as Article['lang'], publishedAt: m[4]!, title: m[5]! },
    body: wasCut ? text.slice(0, -TRUNCATED.length) : text,
    wasCut,
    omitted: m[0].includes(LEFT_OUT),
  };
}

/**
 * The fences within `maxTokens`: first every text shortened to the same, longest length that fits (fewer article
 * characters), and when even short texts do not fit, texts left out from the last article back (fewer articles'
 * text; titles stay), then the last articles altogether. Undefined when not even the first title fits.
 */
function fitFences(items: Fenced[], maxTokens: number): string[] | undefined {
  const render = (cap: number, textOf: (i: number) => boolean) =>
    items.map((it, i) =>
      textOf(i) && it.body
        ? fence(it.id, it.meta, it.body, cap, { wasCut: it.wasCut })
        : fence(it.id, it.meta, '', cap, { omitted: it.omitted || it.body.length > 0 }),
    );
  const cost = (fences: string[]) => fences.reduce((n, f) => n + estimateTokens(f) + 1, 0);
  const longest = Math.max(0, ...items.map((it) => it.body.length));
  const all = () => true;
  if (cost(render(longest, all)) <= maxTokens) return render(longest, all);
  if (cost(render(MIN_TEXT_CHARS, all)) <= maxTokens) {
    let lo = MIN_TEXT_CHARS;
    let hi = longest;
    while (hi - lo > 16) {
      const mid = Math.floor((lo + hi) / 2);
      if (cost(render(mid, all)) <= maxTokens) lo = mid;
      else hi = mid;
    }
    return render(lo, all);
  }
  for (let keep = items.length - 1; keep >= 0; keep--) {
    const fences = render(MIN_TEXT_CHARS, (i) => i < keep);
    if (cost(fences) <= maxTokens) return fences;
  }
  for (let n = items.length - 1; n >= 1; n--) {
    const fences = render(MIN_TEXT_CHARS, () => false).slice(0, n);
    if (cost(fences) <= maxTokens) return fences;
  }
  return undefined;
}

/**
 * An entry prompt made to fit `room` tokens by shortening the fenced articles of its user message (the system
 * prompt and the instructions stay whole). Undefined when it cannot fit. The fences are this file's own format,
 * and quoted text cannot close a fence (escapeFence), so reading them back is exact.
 */
export function fitEntryMessages(messages: ChatMessage[], room: number): ChatMessage[] | undefined {
  const u = messages.findIndex((m) => m.role === 'user' && m.content.includes('<article id="'));
  if (u < 0) return undefined;
  const content = messages[u]!.content;
  const matches = [...content.matchAll(FENCE)];
  if (matches.length === 0) return undefined;
  const first = matches[0]!.index!;
  const last = matches.at(-1)!;
  const end = last.index! + last[0].length;
  const without = messages.map((m, i) => (i === u ? { ...m, content: content.slice(0, first) + content.slice(end) } : m));
  const fitted = fitFences(matches.map(readFence), room - estimateMessagesTokens(without));
  if (!fitted) return undefined;
  return messages.map((m, i) => (i === u ? { ...m, content: content.slice(0, first) + fitted.join('\n\n') + content.slice(end) } : m));
}

/** The placeholders of prompts/entry.md (a type alias, so it fits renderPrompt's record of values). */
export type EntryPromptVars = { date: string; articles: string; article_ids: string; follow_up: string; section_hint: string };

/** The placeholders of prompts/entry.md for one topic. `maxArticleTokens` bounds the articles block (a small context). */
export function entryPromptVars(
  date: string,
  topic: Topic,
  ids: Map<string, Article>,
  options: { articleChars?: number; feeds?: FeedConfig[]; maxArticleTokens?: number } = {},
): EntryPromptVars {
  const per = options.articleChars ?? DEFAULT_ARTICLE_CHARS;
  // A big story must not blow the context: later articles get less room, the tail only its title.
  let budget = per * 4;
  const items: Fenced[] = [...ids].map(([id, a]) => {
    const room = Math.max(0, Math.min(per, budget));
    const body = a.text.trim();
    budget -= Math.min(body.length, room);
    const keep = room > MIN_TEXT_CHARS;
    return {
      id,
      meta: a,
      body: keep ? body.slice(0, room).trimEnd() : '',
      wasCut: keep && body.length > room,
      omitted: !keep && body.length > 0,
    };
  });
  const fenced =
    options.maxArticleTokens !== undefined
      ? (fitFences(items, options.maxArticleTokens) ?? [])
      : items.map((it) => fence(it.id, it.meta, it.body, per, { wasCut: it.wasCut, omitted: it.omitted }));
  const rep = ids.get('A1');
  const feedSection = rep && options.feeds?.find((f) => f.id === rep.feedId)?.section;
  return {
    date,
    articles: fenced.join('\n\n'),
    article_ids: [...ids.keys()].join(', '),
    follow_up: topic.followUp
      ? `This story was covered on ${topic.followUp.date} as 「${escapeFence(topic.followUp.title)}」: write about what is new since then, and let the title say what is new.\n`
      : '',
    section_hint: feedSection
      ? `The feed of the main article usually files its stories under \`${feedSection}\`; follow that unless the content says otherwise.\n`
      : '',
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
    entities: cleanList(
      a.entities.flatMap((e) => e.split(/、|，|,\s+/)),
      cleanBullet,
    ).slice(0, 8),
    importance: a.importance,
    importanceReason: cleanModelText(a.importanceReason.replace(levelPrefix, '')),
    sources: topicSources(topic, byId),
  };
}
