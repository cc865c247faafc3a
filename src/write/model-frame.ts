// The frame prompt's input and output. The model sees the written entries (not the raw articles) under short
// topic ids (T1..Tn) with their articles' ids and titles (A1..Am); it answers with ids, and code turns them into
// topic ids and links. Counts that depend on the day (3–6 headlines, but not more than there are stories) are
// checked here, in code, so a violation goes back to the model as a repair.

import { z } from 'zod';
import { IMPORTANCE_LEVELS, type Article, type Entry, type Frame, type Topic } from '../types.js';
import { escapeFence } from './model-entry.js';
import { cleanBullet, cleanList, cleanModelText } from './model-text.js';
import { topicArticles } from './topic-sources.js';

const text = z.string().min(1, 'must not be empty');

export const FrameAnswerSchema = z.object({
  title: text,
  tags: z.array(text).min(5).max(6),
  description: text,
  summary: text,
  headlines: z.array(z.string()).min(1).max(6),
  insight: z.object({
    trends: z.array(text).min(1).max(3),
    context: z.array(text).min(1).max(3),
    outlook: z.array(text).min(1).max(3),
    watchList: z
      .array(z.object({ text, topicIds: z.array(z.string()).min(1, 'tie the item to at least one topic id') }))
      .length(5, 'must hold exactly 5 items'),
  }),
  reading: z.array(z.object({ articleId: z.string(), reason: text })).max(5),
  background: z
    .array(z.object({ term: text, english: text, explanation: text }))
    .min(4)
    .max(6),
  keywords: z.array(text).min(8).max(15),
});

export type FrameAnswer = z.output<typeof FrameAnswerSchema>;

/**
 * A frame that does not fit a small context in one call is written in two: the overview (what the day is, its
 * headlines and reading) and the insight (the Editor's Insight and background terms), each with part of the budget.
 */
export const FRAME_PARTS = {
  overview: ['title', 'tags', 'description', 'summary', 'headlines', 'reading', 'keywords'],
  insight: ['insight', 'background'],
} as const;
export type FramePart = keyof typeof FRAME_PARTS;

export const FrameOverviewSchema = FrameAnswerSchema.pick({
  title: true,
  tags: true,
  description: true,
  summary: true,
  headlines: true,
  reading: true,
  keywords: true,
});
export const FrameInsightSchema = FrameAnswerSchema.pick({ insight: true, background: true });

/** The line that tells the model which part of the frame this call writes. */
export function framePartInstruction(part: FramePart): string {
  const other = part === 'overview' ? 'insight' : 'overview';
  return `This call writes part of the frame only: answer with one JSON object holding exactly the fields ${FRAME_PARTS[part].join(', ')}. The fields ${FRAME_PARTS[other].join(', ')} are written in another call.`;
}

export interface FrameContext {
  /** Short topic id → the written entry and its topic. */
  topics: Map<string, { topic: Topic; entry: Entry; articleIds: string[] }>;
  /** Short article id → article. */
  articles: Map<string, Article>;
  headlines: { min: number; max: number };
  reading: { min: number; max: number };
}

/** Short ids for the written entries (in the order given) and their articles. */
export function frameContext(entries: Entry[], topics: Topic[], byId: ReadonlyMap<string, Article>): FrameContext {
  const topicById = new Map(topics.map((t) => [t.id, t]));
  const ctxTopics: FrameContext['topics'] = new Map();
  const articles = new Map<string, Article>();
  for (const entry of entries) {
    const topic = topicById.get(entry.topicId);
    if (!topic) continue;
    const articleIds: string[] = [];
    for (const a of topicArticles(topic, byId)) {
      const id = `A${articles.size + 1}`;
      articles.set(id, a);
      articleIds.push(id);
    }
    ctxTopics.set(`T${ctxTopics.size + 1}`, { topic, entry, articleIds });
  }
  const n = ctxTopics.size;
  const m = articles.size;
  return {
    topics: ctxTopics,
    articles,
    headlines: { min: Math.min(3, n), max: Math.min(6, n) },
    reading: { min: Math.min(3, m), max: Math.min(5, m) },
  };
}

export type FramePromptVars = {
  date: string;
  topics: string;
  topic_ids: string;
  topic_count: number;
  headline_min: number;
  headline_max: number;
  reading_min: number;
  reading_max: number;
};

/**
 * How each story is shown: `full` (title, summary and article titles), `line` (one line: section, importance, title,
 * article ids and outlets), `short` (one line, title shortened, at most three article ids). `only` lists a subset of
 * the stories (the most important), for a context too small for all of them.
 */
export interface FrameFormat {
  format: 'full' | 'line' | 'short';
  only?: ReadonlySet<string>;
}

const oneLine = (s: string) => escapeFence(s.replace(/\s+/g, ' ').trim());

/** The formats to try, richest first: full, line, short, then short lines of fewer and fewer stories (at least 6). */
export function frameFormats(ctx: FrameContext): FrameFormat[] {
  const out: FrameFormat[] = [{ format: 'full' }, { format: 'line' }, { format: 'short' }];
  const rank = (l: string) => IMPORTANCE_LEVELS.indexOf(l as (typeof IMPORTANCE_LEVELS)[number]);
  const byImportance = [...ctx.topics]
    .map(([tid, t], i) => ({ tid, r: rank(t.entry.importance), i }))
    .sort((a, b) => a.r - b.r || a.i - b.i);
  for (let k = byImportance.length - 1; k >= Math.min(6, byImportance.length); k--)
    out.push({ format: 'short', only: new Set(byImportance.slice(0, k).map((x) => x.tid)) });
  return out;
}

/** The placeholders of prompts/frame.md. */
export function framePromptVars(date: string, ctx: FrameContext, o: FrameFormat = { format: 'full' }): FramePromptVars {
  const listed = [...ctx.topics].filter(([tid]) => !o.only || o.only.has(tid));
  const blocks = listed.map(([tid, { entry, articleIds }]) => {
    if (o.format === 'full') {
      const lines = articleIds.map((id) => {
        const a = ctx.articles.get(id)!;
        return `- ${id} (${escapeFence(a.source)}) ${escapeFence(a.title)}`;
      });
      return [
        `<topic id="${tid}" section="${entry.section}" importance="${entry.importance}">`,
        `title: ${escapeFence(entry.title)}`,
        `summary: ${escapeFence(entry.summary)}`,
        'articles:',
        ...lines,
        '</topic>',
      ].join('\n');
    }
    const title = oneLine(entry.title);
    if (o.format === 'line') {
      const arts = articleIds.map((id) => `${id} ${oneLine(ctx.articles.get(id)!.source)}`).join('; ');
      return `${tid} [${entry.section}, ${entry.importance}] ${title} — ${arts}`;
    }
    const short = [...title].length > 40 ? `${[...title].slice(0, 39).join('')}…` : title;
    const more = articleIds.length > 3 ? ` +${articleIds.length - 3}` : '';
    return `${tid} [${entry.section}, ${entry.importance}] ${short} — ${articleIds.slice(0, 3).join(', ')}${more}`;
  });
  const hidden = ctx.topics.size - listed.length;
  if (hidden > 0) blocks.push(`(${hidden} stories of lower importance are not listed; do not refer to them)`);
  const listedArticles = listed.reduce((n, [, t]) => n + t.articleIds.length, 0);
  return {
    date,
    topics: `<topics>\n${blocks.join(o.format === 'full' ? '\n\n' : '\n')}\n</topics>`,
    topic_ids: listed.map(([tid]) => tid).join(', '),
    topic_count: listed.length,
    headline_min: Math.min(ctx.headlines.min, listed.length),
    headline_max: Math.min(ctx.headlines.max, listed.length),
    reading_min: Math.min(ctx.reading.min, listedArticles),
    reading_max: Math.min(ctx.reading.max, listedArticles),
  };
}

function distinctCount(items: string[]): number {
  return new Set(items.map((s) => s.trim().toLowerCase())).size;
}

/** Checks on an answer that depend on the day; a part of the frame (split in two calls) is checked for its fields. */
export function checkFrameAnswer(a: Partial<FrameAnswer>, ctx: FrameContext): string[] {
  const problems: string[] = [];
  const topicIds = [...ctx.topics.keys()].join(', ');
  const unknownTopics = [...(a.headlines ?? []), ...(a.insight?.watchList.flatMap((w) => w.topicIds) ?? [])].filter(
    (id) => !ctx.topics.has(id),
  );
  if (unknownTopics.length) problems.push(`unknown topic id(s) ${[...new Set(unknownTopics)].join(', ')}; use only ${topicIds}`);
  if (a.headlines) {
    const h = new Set(a.headlines).size;
    if (h !== a.headlines.length) problems.push('headlines: a topic id is listed twice');
    if (h < ctx.headlines.min || h > ctx.headlines.max)
      problems.push(`headlines: name ${ctx.headlines.min}–${ctx.headlines.max} topic ids (got ${h})`);
  }
  if (a.reading) {
    const unknownArticles = a.reading.map((r) => r.articleId).filter((id) => !ctx.articles.has(id));
    if (unknownArticles.length)
      problems.push(`reading: unknown article id(s) ${unknownArticles.join(', ')}; use only the A ids listed under the topics`);
    const r = new Set(a.reading.map((x) => x.articleId)).size;
    if (r !== a.reading.length) problems.push('reading: an article id is listed twice');
    if (r < ctx.reading.min || r > ctx.reading.max)
      problems.push(`reading: recommend ${ctx.reading.min}–${ctx.reading.max} articles (got ${r})`);
  }
  if (a.tags && distinctCount(a.tags) < 5) problems.push('tags: give 5–6 different tags');
  if (a.keywords && distinctCount(a.keywords) < 8) problems.push('keywords: give 8–15 different keywords');
  if (a.insight && distinctCount(a.insight.watchList.map((w) => w.text)) < 5) problems.push('insight.watchList: give 5 different items');
  return problems;
}

/** The checked answer as a Frame: ids become topic ids and links, every string cleaned and converted. */
export function toFrame(a: FrameAnswer, ctx: FrameContext): Frame {
  const paragraph = (s: string) => cleanModelText(s);
  return {
    // The renderer appends " — YYYY/MM/DD"; a model that added it anyway must not double it.
    title: cleanModelText(a.title).replace(/\s*[—–-]+\s*\d{4}[/-]\d{1,2}[/-]\d{1,2}\s*$/, ''),
    tags: cleanList(a.tags, paragraph).slice(0, 6),
    description: paragraph(a.description),
    summary: paragraph(a.summary),
    headlineTopicIds: [...new Set(a.headlines)].map((id) => ctx.topics.get(id)!.topic.id),
    insight: {
      trends: cleanList(a.insight.trends, paragraph),
      context: cleanList(a.insight.context, paragraph),
      outlook: cleanList(a.insight.outlook, paragraph),
      watchList: a.insight.watchList.map((w) => cleanBullet(w.text)),
    },
    reading: a.reading.map((r) => {
      const art = ctx.articles.get(r.articleId)!;
      return { title: cleanModelText(art.title), url: art.url, reason: paragraph(r.reason) };
    }),
    background: a.background.map((b) => ({
      term: paragraph(b.term),
      english: cleanModelText(b.english),
      explanation: paragraph(b.explanation),
    })),
    keywords: cleanList(a.keywords, paragraph).slice(0, 15),
  };
}
