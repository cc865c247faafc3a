// Stage contracts: the data that flows between collect → cluster → select → write → render → check, and the ports
// the stages call (DigestWriter, Embedder). Types a single stage owns (its options, its report) live beside it.

export type Lang = 'en' | 'zh';

/** The six news sections, in digest order. `headlines` is chosen by the frame, never by an entry. */
export const NEWS_SECTIONS = ['headlines', 'research', 'tools', 'applications', 'trends', 'market'] as const;
export type NewsSection = (typeof NEWS_SECTIONS)[number];
/** Sections an entry can be filed under (everything but headlines). */
export const ENTRY_SECTIONS = ['research', 'tools', 'applications', 'trends', 'market'] as const;
export type EntrySection = (typeof ENTRY_SECTIONS)[number];

export const IMPORTANCE_LEVELS = ['極高', '高', '中偏高', '中', '低'] as const;
export type Importance = (typeof IMPORTANCE_LEVELS)[number];
/** Higher is more important. */
export const IMPORTANCE_RANK: Record<Importance, number> = { 極高: 4, 高: 3, 中偏高: 2, 中: 1, 低: 0 };

/** One entry of feeds.yaml. */
export interface FeedConfig {
  id: string;
  name: string;
  url: string;
  lang: Lang;
  /** Default section for this feed's stories (e.g. arXiv → research). */
  section?: EntrySection;
  /** Fetch each article page and extract its main text. */
  fullText?: boolean;
  /** Feed is skipped when false. */
  enabled?: boolean;
  /** Every item is about AI (arXiv cs.AI, a lab's blog): the relevance test is skipped for its articles. */
  onTopic?: boolean;
  /** The publisher's own announcements (an AI lab's blog): a primary source, ranked up and cut last. */
  primary?: boolean;
  /** Ranking weight of the feed's stories (default 1; 0.5 halves, 2 doubles). */
  weight?: number;
}

/** arXiv's announcement kinds (`Announce Type:` in the RSS description, `<arxiv:announce_type>`). */
export const ANNOUNCE_TYPES = ['new', 'cross', 'replace', 'replace-cross'] as const;
export type AnnounceType = (typeof ANNOUNCE_TYPES)[number];

/** A normalised article, the unit every later stage works on. */
export interface Article {
  /** Stable id: derived from the canonical URL (see collect), unique within a run. */
  id: string;
  feedId: string;
  /** Display name of the feed (FeedConfig.name), used as the link text in 來源. */
  source: string;
  /** Canonical absolute http(s) URL: no utm_*, fbclid, gclid, fragment. */
  url: string;
  title: string;
  /** Plain text (HTML stripped), may be empty. */
  text: string;
  /** ISO 8601 UTC (`2025-12-04T10:00:00.000Z`). */
  publishedAt: string;
  lang: Lang;
  authors?: string[];
  categories?: string[];
  /** True when the feed gave no usable date and publishedAt is the fetch time. */
  undated?: boolean;
  /** arXiv paper id without version (`2512.01234`), when the article is an arXiv listing or links to one. */
  arxivId?: string;
  /** arXiv's announcement kind, when the feed says (a `replace` is an old paper with a new version). */
  announceType?: AnnounceType;
}

/** A story: one or more articles that tell the same thing. */
export interface Topic {
  /** Stable within a run: `t1`, `t2`, ... in topic order. */
  id: string;
  /** Member article ids, representative first. Every article belongs to exactly one topic. */
  articleIds: string[];
  representativeId: string;
  keywords: string[];
  /** Set when the story was covered by an earlier digest and this topic brings new facts (written as 「後續」). */
  followUp?: { date: string; title: string };
}

export interface SourceLink {
  name: string;
  url: string;
}

/** One written news entry (a topic written up). Links are made by code from the topic's articles. */
export interface Entry {
  topicId: string;
  section: EntrySection;
  title: string;
  /** 核心摘要 */
  summary: string;
  /** 技術細節 bullets (may be empty). */
  details: string[];
  /** 應用場景 bullets (may be empty). */
  useCases: string[];
  /** 關鍵實體 */
  entities: string[];
  importance: Importance;
  importanceReason: string;
  sources: SourceLink[];
}

export interface ReadingItem {
  title: string;
  url: string;
  reason: string;
}

export interface BackgroundTerm {
  term: string;
  english: string;
  explanation: string;
}

/** The day-level parts of the digest, resolved to text and links (no ids left). */
export interface Frame {
  /** Headline of the day's themes, without the ` — YYYY/MM/DD` suffix. */
  title: string;
  tags: string[];
  description: string;
  summary: string;
  /** Topic ids shown under 今日焦點, in order (3–6). */
  headlineTopicIds: string[];
  insight: {
    trends: string[];
    context: string[];
    outlook: string[];
    /** Exactly five. */
    watchList: string[];
  };
  reading: ReadingItem[];
  background: BackgroundTerm[];
  keywords: string[];
}

/** Everything the renderer needs; the renderer adds nothing but layout. */
export interface Digest {
  /** The digest's day in Asia/Taipei, `YYYY-MM-DD`. */
  date: string;
  /** Generation time, ISO 8601 with +08:00 (`2025-12-05T06:45:04+08:00`). */
  generatedAt: string;
  coverImage: string;
  frame: Frame;
  /** Entries by section; headlines hold the entries of frame.headlineTopicIds. Each topic appears once. */
  sections: Record<NewsSection, Entry[]>;
  articleCount: number;
  topicCount: number;
  windowLabel: string;
}

/** The collection window: [start, end) in UTC ISO strings. */
export interface Window {
  start: string;
  end: string;
}

/** What a feed adapter returns for one feed: raw bytes plus what HTTP said about them. */
export interface FeedResponse {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: Uint8Array;
  /** Final URL after redirects. */
  url: string;
}

export type FeedStatus = 'ok' | 'not-modified' | 'empty' | 'failed' | 'stale';

export interface FeedHealth {
  feedId: string;
  name: string;
  status: FeedStatus;
  reason?: string;
  /** Items in the feed / items inside the window. */
  items: number;
  inWindow: number;
  bytes: number;
  durationMs: number;
}

export interface Warning {
  /** Stable code, e.g. `feed-failed`, `topic-failed`, `ungrounded-number`. */
  code: string;
  message: string;
  feedId?: string;
  topicId?: string;
}

/** Counts of model use, summed per stage in the run report. */
export interface ModelUsage {
  calls: number;
  cacheHits: number;
  replayed: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  estimatedCalls?: number; // calls whose tokens were estimated locally: the server reported no usage
}

/** Why a story of the day is not in the digest: an earlier digest told it, or the selection left it out. */
export const DROP_REASONS = ['repeat', 'off-topic', 'replacement', 'below-cut', 'section-cap', 'feed-cap', 'budget'] as const;
export type DropReason = (typeof DROP_REASONS)[number];

/** A story left out of the digest, and why; every one is listed in the run report. */
export interface DroppedStory {
  topicId: string;
  /** The story's title (its representative article's). */
  title: string;
  code: DropReason;
  /** One sentence: what made it drop. */
  reason: string;
}

/** How a run is wired (src/app/run-mode.ts says what each means); the report names it. */
export const RUN_MODES = ['live', 'record', 'dry-run', 'live-model'] as const;
export type RunMode = (typeof RUN_MODES)[number];

/** Which writer wrote an entry or the frame. */
export type WriterName = 'offline' | 'model' | 'replay';

export interface FailedTopic {
  topicId: string;
  reason: string;
}

/** What the write stage needs: the day's topics and the articles they cite. */
export interface WriteInput {
  date: string;
  topics: Topic[];
  articles: Article[];
  /** The feeds of the run, for their section hints. */
  feeds?: FeedConfig[];
  /** Called once per topic written (or failed), for progress on a terminal. */
  onTopicDone?: () => void;
}

/** What the write stage returns. Entries cover every topic except the failed ones. */
export interface WriteOutput {
  entries: Entry[];
  frame: Frame;
  failedTopics: FailedTopic[];
  warnings: Warning[];
  /** Which writer produced the text: `offline`, `model`, `replay`, or a mix (per topic counts in `writers`). */
  writers: Record<WriterName, number>;
  /** Which writer produced the frame (model writer only; the offline writer leaves it unset). */
  frameWriter?: WriterName;
  usage: Record<string, ModelUsage>;
}

export type DigestWriter = (input: WriteInput) => Promise<WriteOutput>;

/** The one thing clustering needs from an embeddings model (optional dense similarity). */
export interface Embedder {
  /** One vector per text, in order. */
  embed(texts: readonly string[]): Promise<number[][]>;
}
