// Cross-day memory: the stories of the last 7 digests, so a story is not written again tomorrow unless it brings new
// facts (then it is written as a follow-up, 「後續」).
//
// Pure core: applyStoryLedger (today's topics against the ledger) and recordStories (today's stories into it).
// Thin I/O: readStoryLedger / writeStoryLedger, a small JSON file in the state folder (stories.json, see
// src/app/workspace.ts), validated with zod when read; a corrupt one is moved aside with a warning.
//
// A ledger story keeps what matching and fact checking need, so both are recomputed with today's code each time:
// its members' titles and lead texts, their URLs and the facts (Latin names and numbers) they had.

import { z } from 'zod';
import { DigestError, describeZodError } from '../errors.js';
import { extractNames } from '../text/extract-entities.js';
import type { Article, DroppedStory, Topic } from '../types.js';
import { readStateFile, type StateWarning } from '../util/read-state-file.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { buildVectors, universalSimilarity } from './build-vectors.js';
import { DEFAULT_CLUSTER_OPTIONS } from './cluster-articles.js';
import { extractFeatures, isCjkTitle, normalizeText, Vocabulary } from './extract-features.js';
import { findAmounts } from './find-amounts.js';

/** Digest dates the ledger remembers. */
export const LEDGER_DAYS = 7;

const LedgerStorySchema = z.object({
  /** The title the digest gave the story (or its representative article's title). */
  title: z.string(),
  /** Member articles, representative first (at most MAX_MEMBERS): title and lead text. */
  articles: z.array(z.object({ title: z.string(), text: z.string() })).min(1),
  urls: z.array(z.string()),
  /** Normalised facts: Latin names (lower case) and numbers (`#:200000000`, `#:%40`). */
  facts: z.array(z.string()),
  keywords: z.array(z.string()),
});

const StoryLedgerSchema = z.object({
  version: z.literal(1),
  days: z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), stories: z.array(LedgerStorySchema) })),
});

export type LedgerStory = z.infer<typeof LedgerStorySchema>;
export type StoryLedger = z.infer<typeof StoryLedgerSchema>;

export function emptyStoryLedger(): StoryLedger {
  return { version: 1, days: [] };
}

/** A topic left out because an earlier digest told its story (a kind of dropped story; see src/types.ts). */
export type SkippedStory = DroppedStory & { earlierDate: string; earlierTitle: string };

export interface LedgerOptions {
  /** Similarity at or above which a topic is the same story as a remembered one. */
  threshold?: number;
  /** New facts (names or numbers the earlier story lacked) a repeat needs to be written as a follow-up. */
  minNewFacts?: number;
}

// The threshold is the clustering's pair threshold: being the same story as yesterday's is linking a pair.
export const DEFAULT_LEDGER_OPTIONS = { threshold: DEFAULT_CLUSTER_OPTIONS.threshold, minNewFacts: 2 };

const MAX_MEMBERS = 4;
const TEXT_CHARS = 400;
const CROSS_LINGUAL_WEIGHT = 0.9;

/**
 * Today's topics against the stories of earlier digests. A topic that tells a remembered story is left out, unless
 * its new articles bring at least `minNewFacts` names or numbers the earlier story lacked: then it stays, with
 * `followUp` set. Entries for `date` itself and later dates are ignored, so a re-run never matches itself.
 * Topics keep their ids and order; the skipped ones say why.
 */
export function applyStoryLedger(
  topics: readonly Topic[],
  articles: readonly Article[],
  ledger: StoryLedger,
  date: string,
  options: LedgerOptions = {},
): { topics: Topic[]; skipped: SkippedStory[] } {
  const { threshold, minNewFacts } = { ...DEFAULT_LEDGER_OPTIONS, ...options };
  const earlier = ledger.days
    .filter((d) => d.date < date)
    .sort((a, b) => (a.date < b.date ? 1 : -1))
    .slice(0, LEDGER_DAYS)
    .flatMap((d) => d.stories.map((story) => ({ date: d.date, story })));
  if (earlier.length === 0 || topics.length === 0) return { topics: topics.map((t) => ({ ...t })), skipped: [] };

  const byId = new Map(articles.map((a) => [a.id, a]));
  // One vector space for today's articles and the remembered stories' articles.
  const remembered = earlier.flatMap(({ story }, s) => story.articles.map((a) => ({ ...a, story: s })));
  const vocab = new Vocabulary();
  const space = buildVectors(
    [...articles, ...remembered].map((x) => extractFeatures(x, vocab)),
    vocab,
  );
  const index = new Map(articles.map((a, i) => [a.id, i]));
  const similarity = (i: number, j: number) => {
    let sim = 0;
    const a = space.vectors[i]!;
    const b = space.vectors[j]!;
    for (let x = 0, y = 0; x < a.ids.length && y < b.ids.length;) {
      if (a.ids[x] === b.ids[y]) sim += a.ws[x++]! * b.ws[y++]!;
      else if (a.ids[x]! < b.ids[y]!) x++;
      else y++;
    }
    if (space.cjk[i] !== space.cjk[j]) sim = Math.max(sim, CROSS_LINGUAL_WEIGHT * universalSimilarity(space, i, j));
    return sim;
  };
  // Per remembered story, the indices of its articles in the space.
  const storyArticles = earlier.map(() => [] as number[]);
  remembered.forEach((r, k) => storyArticles[r.story]!.push(articles.length + k));

  const kept: Topic[] = [];
  const skipped: SkippedStory[] = [];
  for (const topic of topics) {
    const members = topic.articleIds.map((id) => byId.get(id)).filter((a): a is Article => Boolean(a));
    const memberUrls = new Set(members.map((a) => a.url));
    // The closest remembered story: single link over the two sides' articles; a shared URL is the same story outright.
    let best = -1;
    let bestSim = 0;
    earlier.forEach(({ story }, s) => {
      let sim = story.urls.some((u) => memberUrls.has(u)) ? 1 : 0;
      for (const a of members) for (const j of storyArticles[s]!) sim = Math.max(sim, similarity(index.get(a.id)!, j));
      // Ties go to the more recent story (earlier is sorted newest first).
      if (sim > bestSim + 1e-12) {
        bestSim = sim;
        best = s;
      }
    });
    const title = members[0]?.title ?? topic.id;
    if (best < 0 || bestSim < threshold) {
      kept.push({ ...topic });
      continue;
    }
    const { date: earlierDate, story } = earlier[best]!;
    const known = new Set(story.urls);
    const fresh = members.filter((a) => !known.has(a.url));
    const seen = new Set(story.facts);
    const newFacts = [...new Set(fresh.flatMap((a) => articleFacts(a)))].filter((f) => !seen.has(f));
    if (fresh.length > 0 && newFacts.length >= minNewFacts) {
      kept.push({ ...topic, followUp: { date: earlierDate, title: story.title } });
    } else {
      const reason =
        fresh.length === 0
          ? `already covered on ${earlierDate}: same articles`
          : `already covered on ${earlierDate}: no new names or numbers${newFacts.length ? ` (only ${newFacts.join(', ')})` : ''}`;
      skipped.push({ topicId: topic.id, title, code: 'repeat', reason, earlierDate, earlierTitle: story.title });
    }
  }
  return { topics: kept, skipped };
}

export interface StoryToRecord {
  topic: Topic;
  /** The title the digest gave the story; defaults to the representative article's title. */
  title?: string;
}

/**
 * The ledger with `date`'s digest recorded: its entry replaced if the date is there already (a re-run), and only the
 * LEDGER_DAYS most recent dates kept.
 */
export function recordStories(
  ledger: StoryLedger,
  date: string,
  stories: readonly StoryToRecord[],
  articles: readonly Article[],
): StoryLedger {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const recorded: LedgerStory[] = [];
  for (const { topic, title } of stories) {
    const members = topic.articleIds.map((id) => byId.get(id)).filter((a): a is Article => Boolean(a));
    const rep = byId.get(topic.representativeId) ?? members[0];
    if (!rep) continue;
    recorded.push({
      title: title ?? rep.title,
      articles: [rep, ...members.filter((a) => a !== rep)]
        .slice(0, MAX_MEMBERS)
        .map((a) => ({ title: a.title, text: a.text.slice(0, TEXT_CHARS) })),
      urls: members.map((a) => a.url),
      facts: [...new Set(members.flatMap((a) => articleFacts(a, 'liberal')))],
      keywords: [...topic.keywords],
    });
  }
  const days = [...ledger.days.filter((d) => d.date !== date), { date, stories: recorded }]
    .sort((a, b) => (a.date < b.date ? 1 : -1))
    .slice(0, LEDGER_DAYS)
    .reverse();
  return { version: 1, days };
}

/**
 * The facts of an article that survive translation: Latin-script names (lower case) and numbers with their units
 * normalised (see findAmounts). Han-only names are left out: a translation changes them, so they would look new.
 *
 * `strict` keeps only what is surely a name: capitalised mid-sentence, or a Latin word inside Chinese text.
 * `liberal` keeps every capitalised candidate ("Anthropic" opening a headline). Recorded stories are liberal and
 * today's articles strict, so a fact only counts as new when it surely is a name and surely was not there before.
 */
export function articleFacts(article: Pick<Article, 'title' | 'text'>, mode: 'strict' | 'liberal' = 'strict'): string[] {
  const facts = new Set<string>();
  for (const text of [article.title, article.text]) {
    if (!text) continue;
    const chinese = isCjkTitle(text);
    for (const [name, n] of extractNames(text)) {
      if (!/[A-Za-z]/.test(name) || /\p{Script=Han}/u.test(name)) continue;
      if (mode === 'strict' && !n.proper && !chinese) continue;
      facts.add(name.toLowerCase().replace(/[’']s$/, ''));
    }
    for (const a of findAmounts(normalizeText(text))) if (a.qualified || Number(a.key) >= 100) facts.add('#:' + a.key);
  }
  return [...facts];
}

// ---------------------------------------------------------------------------------------------------------------
// I/O

/** Parses a ledger file's text; throws StoryLedgerError (with the zod issues) when it is not a valid ledger. */
export function parseStoryLedger(text: string, file = 'stories.json'): StoryLedger {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new DigestError('StoryLedgerError', `${file} is not valid JSON`, { cause: err });
  }
  const parsed = StoryLedgerSchema.safeParse(json);
  if (!parsed.success)
    throw new DigestError(
      'StoryLedgerError',
      `${file} is not a story ledger (${describeZodError(parsed.error, { max: 3, root: '(root)' })})`,
      { cause: parsed.error },
    );
  return parsed.data;
}

/** Reads the ledger; a missing file is an empty ledger (the first run), a corrupt one is moved aside with a warning. */
export async function readStoryLedger(file: string, warn: (w: StateWarning) => void = () => {}): Promise<StoryLedger> {
  return (await readStateFile(file, (text) => parseStoryLedger(text, file), warn)) ?? emptyStoryLedger();
}

/** Writes the ledger atomically (temp file + rename). */
export async function writeStoryLedger(file: string, ledger: StoryLedger): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(StoryLedgerSchema.parse(ledger), null, 1) + '\n');
}
