// The pipeline: collect → cluster → (story memory) → select (triage) → write → assemble → render → check.
// It does no I/O of its own and imports no adapter: feeds, the writer, the triage, the story ledger, embeddings and
// the clock come in as deps (src/app/compose-app.ts builds them), so the same function serves every run mode.

import { checkDigest } from '../check/check-digest.js';
import { clusterArticles } from '../cluster/cluster-articles.js';
import { embeddingText } from '../cluster/embedding-text.js';
import type { SkippedStory } from '../cluster/story-ledger.js';
import { collectArticles, type CollectDeps, type CollectOutput } from '../collect/collect-articles.js';
import { errorMessage } from '../errors.js';
import { renderDigest } from '../render/render-digest.js';
import type { Triage } from '../select/model-triage.js';
import { rankCandidates, selectStories, type BudgetEstimate, type SelectionResult, type TriageScore } from '../select/select-stories.js';
import type { SelectionPolicy } from '../select/selection-policy.js';
import { topicArticles } from '../write/topic-sources.js';
import type { Article, Digest, DigestWriter, Embedder, FeedConfig, ModelUsage, Topic, Warning, Window } from '../types.js';
import { assembleDigest } from './assemble-digest.js';
import { newRunReport, selectionReport, sumUsage, type RunReport } from './run-report.js';

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
  policy: SelectionPolicy;
  /** What writing costs, when the writer calls a model (absent: nothing to budget). */
  budget?: BudgetEstimate;
}

export interface RunDeps {
  fetchFeed: CollectDeps['fetchFeed'];
  fetchPage?: CollectDeps['fetchPage'];
  /** The date given to undated items (the composition root decides it by mode). */
  itemClock: () => Date;
  writer: DigestWriter;
  /** The model's triage of the top candidates; absent when no model writes (the deterministic ranking decides). */
  triage?: Triage;
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
  /** The topics handed to the writer (the selection). */
  topics: Topic[];
}

export async function runDigest(input: RunInput, deps: RunDeps): Promise<RunResult> {
  const t0 = deps.now().getTime();
  let last = t0;
  const lap = () => {
    const t = deps.now().getTime();
    const d = t - last;
    last = t;
    return d;
  };

  const collected = await collectStage(input, deps);
  const articles = collected.articles;
  const report = newRunReport(input, collected);
  report.durationsMs.collect = lap();
  const finish = (result: Partial<Pick<RunResult, 'markdown' | 'digest' | 'topics'>> = {}): RunResult => {
    report.durationsMs.total = deps.now().getTime() - t0;
    return { report, articles, topics: result.topics ?? [], markdown: result.markdown, digest: result.digest };
  };
  if (articles.length === 0) {
    report.error =
      report.counts.feedsFailed === report.counts.feeds ? 'every feed failed; see feeds[] for the reasons' : 'no article inside the window';
    return finish();
  }

  const clustered = await clusterStage(articles, deps, report.warnings);
  const remembered = deps.memory?.filter(clustered, articles) ?? { topics: clustered, skipped: [] };
  report.skippedTopics = remembered.skipped;
  report.counts.skippedTopics = remembered.skipped.length;
  report.durationsMs.cluster = lap();
  deps.log({ stage: 'cluster', topics: clustered.length, kept: remembered.topics.length, skipped: remembered.skipped.length });
  if (remembered.topics.length === 0) {
    report.error = 'every story of the day was covered by an earlier digest; see skippedTopics';
    return finish();
  }

  const byId = new Map(articles.map((a) => [a.id, a]));
  const clusteredById = new Map(clustered.map((t) => [t.id, t]));
  const articlesOf = (topicId: string) => topicArticles(clusteredById.get(topicId)!, byId);
  const selection = await selectStage(input, remembered.topics, articles, deps, report, articlesOf);
  const topics = selection.selected.map((s) => s.topic);
  report.durationsMs.select = lap();
  deps.log({
    stage: 'select',
    stories: selection.stories,
    candidates: selection.candidates,
    selected: topics.length,
    dropped: selection.dropped.length,
  });
  report.counts.topics = topics.length;
  if (topics.length === 0) {
    report.error = 'no story of the day passed the selection; see selection.droppedStories';
    return finish();
  }

  deps.progress?.total('topics', topics.length);
  const written = await deps.writer({
    date: input.date,
    topics,
    articles,
    feeds: input.feeds,
    onTopicDone: () => deps.progress?.tick('topics'),
  });
  report.durationsMs.write = lap();
  report.writers = written.writers;
  report.frameWriter = written.frameWriter ?? 'offline';
  report.failedTopics = written.failedTopics;
  report.counts.failedTopics = written.failedTopics.length;
  report.model.byStage = { ...report.model.byStage, ...written.usage };
  report.model.total = sumUsage(report.model.byStage);
  report.warnings.push(...written.warnings);

  const digest = assembleDigest({
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
  if (digest.topicCount === 0) {
    report.error = 'no topic could be written; see failedTopics';
    return finish({ topics });
  }
  const markdown = renderDigest(digest);
  const violations = checkDigest(markdown, { articleUrls: new Set(articles.map((a) => a.url)) });
  report.durationsMs.render = lap();
  report.violations = violations.map((v) => `line ${v.line}: ${v.message}`);
  if (violations.length) {
    report.error = `the digest breaks the format contract in ${violations.length} place(s); nothing was written (see violations)`;
    return finish({ topics, digest });
  }
  report.status = 'ok';
  return finish({ topics, digest, markdown });
}

async function collectStage(input: RunInput, deps: RunDeps): Promise<CollectOutput> {
  deps.progress?.total('feeds', input.feeds.filter((f) => f.enabled !== false).length);
  const log = (e: Record<string, unknown>) => {
    if (e.event === 'feed-collected' || e.event === 'feed-failed') deps.progress?.tick('feeds');
    deps.log(e);
  };
  const collected = await collectArticles(
    { feeds: input.feeds, window: input.window },
    { fetchFeed: deps.fetchFeed, fetchPage: deps.fetchPage, now: deps.itemClock, log },
  );
  deps.log({
    stage: 'collect',
    articles: collected.articles.length,
    feeds: collected.health.length,
    failed: collected.health.filter((h) => h.status === 'failed').length,
  });
  return collected;
}

async function clusterStage(articles: Article[], deps: RunDeps, warnings: Warning[]): Promise<Topic[]> {
  // Dense similarity is an optional extra: when the embeddings endpoint fails, the sparse clustering stands alone.
  let dense: number[][] | undefined;
  if (deps.embedder && articles.length > 1) {
    try {
      dense = await deps.embedder.embed(articles.map(embeddingText));
    } catch (err) {
      warnings.push({ code: 'embeddings-failed', message: `${errorMessage(err)}; clustered without embeddings` });
    }
  }
  return clusterArticles(articles, dense ? { dense } : undefined);
}

/**
 * The editor's choice. With a triage, the deterministic ranking's top candidates (at most the policy's
 * maxCandidates, so the calls stay flat however big the day) are scored by the model first; its triage calls and
 * cost are spent before the budget is applied to the entries.
 */
async function selectStage(
  input: RunInput,
  topics: Topic[],
  articles: Article[],
  deps: RunDeps,
  report: RunReport,
  articlesOf: (topicId: string) => Article[],
): Promise<SelectionResult> {
  const selectionInput = { topics, articles, feeds: input.feeds, window: input.window };
  let triage: ReadonlyMap<string, TriageScore> | undefined;
  let triageUsage: ModelUsage | undefined;
  if (deps.triage && input.policy.triage.enabled) {
    const byId = new Map(articles.map((a) => [a.id, a]));
    const top = rankCandidates(selectionInput).ranked.slice(0, input.policy.triage.maxCandidates);
    const result = await deps.triage(
      input.date,
      top.map((r) => ({ topic: r.s.topic, members: topicArticles(r.s.topic, byId) })),
    );
    report.warnings.push(...result.warnings);
    report.model.byStage.triage = triageUsage = result.usage;
    report.model.total = sumUsage(report.model.byStage);
    report.selection.triage = { candidates: top.length, batches: result.batches, failedBatches: result.failedBatches };
    if (result.scores.size) triage = result.scores;
  }
  const budget =
    input.budget && triageUsage
      ? {
          ...input.budget,
          fixedCalls: input.budget.fixedCalls + triageUsage.calls,
          fixedCostUsd: input.budget.fixedCostUsd + triageUsage.costUsd,
        }
      : input.budget;
  const selection = selectStories(selectionInput, input.policy, { triage, budget });
  report.selection = { ...selectionReport(selection, report.skippedTopics, articlesOf), triage: report.selection.triage };
  return selection;
}
