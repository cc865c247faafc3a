// The pipeline: collect → cluster → (story memory) → write → assemble → render → check.
// It does no I/O of its own and imports no adapter: feeds, the writer, the story ledger, embeddings and the clock
// come in as deps (src/app/compose-app.ts builds them), so the same function serves every run mode.

import { checkDigest } from '../check/check-digest.js';
import { clusterArticles } from '../cluster/cluster-articles.js';
import { collectArticles, type CollectDeps } from '../collect/collect-articles.js';
import { errorMessage } from '../errors.js';
import { embeddingText } from '../cluster/embedding-text.js';
import { renderDigest } from '../render/render-digest.js';
import type { SkippedStory } from '../cluster/story-ledger.js';
import type { Article, Digest, DigestWriter, Embedder, FeedConfig, Topic, Warning, Window } from '../types.js';
import { assembleDigest } from './assemble-digest.js';
import { emptyUsage, sumUsage, type RunReport } from './run-report.js';

/** Cross-day memory of stories: leaves out repeats and marks follow-ups (see src/cluster/story-ledger.ts). */
export interface StoryMemory {
  filter: (topics: Topic[], articles: Article[]) => { topics: Topic[]; skipped: SkippedStory[] };
}

export interface RunInput {
  date: string;
  window: Window;
  feeds: FeedConfig[];
  generatedAt: string;
  coverImage: string;
  /** Named in the report; the pipeline does not branch on it (the adapters it is given do the difference). */
  mode: RunReport['mode'];
}

export interface RunDeps {
  fetchFeed: CollectDeps['fetchFeed'];
  fetchPage?: CollectDeps['fetchPage'];
  /** The date given to undated items (the composition root decides it by mode). */
  itemClock: () => Date;
  writer: DigestWriter;
  memory?: StoryMemory;
  /** Optional dense vectors for clustering (DIGEST_EMBEDDINGS_MODEL). */
  embedder?: Embedder;
  /** The clock for durations. */
  now: () => Date;
  log: (event: Record<string, unknown>) => void;
  /** Progress counters: `feeds` and `topics`. */
  progress?: { total: (name: string, n: number) => void; tick: (name: string) => void };
}

export interface RunResult {
  /** The digest's Markdown; undefined when the run could not produce a conforming digest. */
  markdown?: string;
  /** The digest rendered (when one was). */
  digest?: Digest;
  report: RunReport;
  articles: Article[];
  topics: Topic[];
}

export async function runDigest(input: RunInput, deps: RunDeps): Promise<RunResult> {
  const t0 = deps.now().getTime();
  const lap = (() => {
    let last = t0;
    return () => {
      const t = deps.now().getTime();
      const d = t - last;
      last = t;
      return d;
    };
  })();
  const warnings: Warning[] = [];

  deps.progress?.total('feeds', input.feeds.filter((f) => f.enabled !== false).length);
  const collectLog = (e: Record<string, unknown>) => {
    if (e.event === 'feed-collected' || e.event === 'feed-failed') deps.progress?.tick('feeds');
    deps.log(e);
  };
  const collected = await collectArticles({ feeds: input.feeds, window: input.window }, { fetchFeed: deps.fetchFeed, fetchPage: deps.fetchPage, now: deps.itemClock, log: collectLog });
  warnings.push(...collected.warnings);
  const articles = collected.articles;
  const collectMs = lap();
  deps.log({ stage: 'collect', articles: articles.length, feeds: collected.health.length, failed: collected.health.filter((h) => h.status === 'failed').length });

  // Dense similarity is an optional extra: when the embeddings endpoint fails, the sparse clustering stands alone.
  let dense: number[][] | undefined;
  if (deps.embedder && articles.length > 1) {
    try {
      dense = await deps.embedder.embed(articles.map(embeddingText));
    } catch (err) {
      warnings.push({ code: 'embeddings-failed', message: `${errorMessage(err)}; clustered without embeddings` });
    }
  }
  const allTopics = clusterArticles(articles, dense ? { dense } : undefined);
  const remembered = deps.memory?.filter(allTopics, articles) ?? { topics: allTopics, skipped: [] };
  const topics = remembered.topics;
  const clusterMs = lap();
  deps.log({ stage: 'cluster', topics: allTopics.length, kept: topics.length, skipped: remembered.skipped.length });

  const report: RunReport = {
    reportVersion: 1,
    date: input.date,
    generatedAt: input.generatedAt,
    window: input.window,
    mode: input.mode,
    status: 'failed',
    writers: { offline: 0, model: 0, replay: 0 },
    frameWriter: 'offline',
    counts: {
      feeds: input.feeds.length,
      feedsFailed: collected.health.filter((h) => h.status === 'failed').length,
      items: collected.totalItems,
      articles: articles.length,
      topics: topics.length,
      written: 0,
      failedTopics: 0,
      skippedTopics: remembered.skipped.length,
    },
    feeds: collected.health,
    model: { total: emptyUsage(), byStage: {} },
    failedTopics: [],
    skippedTopics: remembered.skipped,
    warnings,
    violations: [],
    durationsMs: { collect: collectMs, cluster: clusterMs, write: 0, render: 0, total: 0 },
  };
  let digest: Digest | undefined;
  const finish = (markdown?: string): RunResult => {
    report.durationsMs.total = deps.now().getTime() - t0;
    return { markdown, digest, report, articles, topics };
  };

  if (articles.length === 0) {
    report.error = report.counts.feedsFailed === report.counts.feeds ? 'every feed failed; see feeds[] for the reasons' : 'no article inside the window';
    return finish();
  }
  if (topics.length === 0) {
    report.error = 'every story of the day was covered by an earlier digest; see skippedTopics';
    return finish();
  }

  deps.progress?.total('topics', topics.length);
  const written = await deps.writer({ date: input.date, topics, articles, feeds: input.feeds, onTopicDone: () => deps.progress?.tick('topics') });
  report.durationsMs.write = lap();
  report.writers = written.writers;
  report.frameWriter = written.frameWriter ?? 'offline';
  report.failedTopics = written.failedTopics;
  report.model = { total: sumUsage(written.usage), byStage: written.usage };
  warnings.push(...written.warnings);

  digest = assembleDigest({
    date: input.date,
    generatedAt: input.generatedAt,
    coverImage: input.coverImage,
    windowLabel: '過去 24 小時',
    topics,
    articles,
    articleCount: articles.length,
    written,
  });
  report.counts.written = digest.topicCount;
  report.counts.failedTopics = written.failedTopics.length;
  if (digest.topicCount === 0) {
    report.error = 'no topic could be written; see failedTopics';
    return finish();
  }
  const markdown = renderDigest(digest);
  const violations = checkDigest(markdown, { articleUrls: new Set(articles.map((a) => a.url)) });
  report.durationsMs.render = lap();
  report.violations = violations.map((v) => `line ${v.line}: ${v.message}`);
  if (violations.length) {
    report.error = `the digest breaks the format contract in ${violations.length} place(s); nothing was written (see violations)`;
    return finish();
  }
  report.status = 'ok';
  return finish(markdown);
}
