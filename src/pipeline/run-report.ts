// The run report: one JSON file beside each digest, documented field by field in the README.

import type { SkippedStory } from '../cluster/story-ledger.js';
import type { CollectOutput } from '../collect/collect-articles.js';
import type { SelectionDrop, SelectionResult } from '../select/select-stories.js';
import {
  DROP_REASONS,
  type DropReason,
  type FailedTopic,
  type FeedHealth,
  type ModelUsage,
  type RunMode,
  type Warning,
  type Window,
  type WriterName,
} from '../types.js';

export interface SelectionReport {
  /** Stories after clustering and the arXiv merge, before the selection (repeats already left out). */
  stories: number;
  /** Stories that passed relevance and replacement, and were ranked. */
  candidates: number;
  selected: number;
  /** Stories left out, by reason (repeats included). */
  dropped: Record<DropReason, number>;
  /** The model's triage, when it ran: candidates sent, calls, calls that failed. */
  triage?: { candidates: number; batches: number; failedBatches: number };
  /** Every story left out (repeats included): title, feeds, the URLs of its articles, reason. */
  droppedStories: SelectionDrop[];
}

export interface RunReport {
  /** Schema version of this report. */
  reportVersion: 2;
  date: string;
  generatedAt: string;
  window: Window;
  mode: RunMode;
  /** ok: digest written; failed: no digest (see error); skipped: digest existed and --force was not given. */
  status: 'ok' | 'failed' | 'skipped';
  error?: string;
  /** Path of the digest written, relative to the working directory. */
  output?: string;
  /** Which writer produced the entries: counts per writer. */
  writers: Record<WriterName, number>;
  /** Which writer produced the day's frame (title, headlines, insight, reading). */
  frameWriter: WriterName;
  counts: {
    feeds: number;
    feedsFailed: number;
    /** Items in all feeds, before the window and de-duplication. */
    items: number;
    /** Articles collected in the window (the footer's N 篇文章). */
    articles: number;
    /** Topics handed to the writer (the selection). */
    topics: number;
    /** Topics written into the digest (the footer's M 個). */
    written: number;
    failedTopics: number;
    skippedTopics: number;
  };
  feeds: FeedHealth[];
  selection: SelectionReport;
  model: { total: ModelUsage; byStage: Record<string, ModelUsage> };
  failedTopics: FailedTopic[];
  skippedTopics: SkippedStory[];
  warnings: Warning[];
  /** Contract violations found by the check; a digest with any is not written. */
  violations: string[];
  durationsMs: Record<'collect' | 'cluster' | 'select' | 'write' | 'render' | 'total', number>;
}

export function emptyUsage(): ModelUsage {
  return { calls: 0, cacheHits: 0, replayed: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };
}

function noDrops(): Record<DropReason, number> {
  return Object.fromEntries(DROP_REASONS.map((r) => [r, 0])) as Record<DropReason, number>;
}

/** The report as it stands after collection; later stages fill in the rest. */
export function newRunReport(
  input: { date: string; generatedAt: string; window: Window; mode: RunMode; feeds: unknown[] },
  collected: CollectOutput,
): RunReport {
  return {
    reportVersion: 2,
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
      articles: collected.articles.length,
      topics: 0,
      written: 0,
      failedTopics: 0,
      skippedTopics: 0,
    },
    feeds: collected.health,
    selection: { stories: 0, candidates: 0, selected: 0, dropped: noDrops(), droppedStories: [] },
    model: { total: emptyUsage(), byStage: {} },
    failedTopics: [],
    skippedTopics: [],
    warnings: [...collected.warnings],
    violations: [],
    durationsMs: { collect: 0, cluster: 0, select: 0, write: 0, render: 0, total: 0 },
  };
}

/** The selection's part of the report; the stories memory left out are listed with them, as `repeat`. */
export function selectionReport(
  selection: SelectionResult,
  repeats: SkippedStory[],
  articlesOf: (topicId: string) => { feedId: string; url: string }[],
): SelectionReport {
  const dropped = noDrops();
  const repeated: SelectionDrop[] = repeats.map((r) => {
    const members = articlesOf(r.topicId);
    return {
      topicId: r.topicId,
      title: r.title,
      code: 'repeat',
      reason: r.reason,
      feeds: [...new Set(members.map((a) => a.feedId))],
      urls: members.map((a) => a.url),
    };
  });
  const droppedStories = [...repeated, ...selection.dropped];
  for (const d of droppedStories) dropped[d.code]++;
  return { stories: selection.stories, candidates: selection.candidates, selected: selection.selected.length, dropped, droppedStories };
}

export function sumUsage(byStage: Record<string, ModelUsage>): ModelUsage {
  const total = emptyUsage();
  for (const u of Object.values(byStage)) {
    total.calls += u.calls;
    total.cacheHits += u.cacheHits;
    total.replayed += u.replayed;
    total.inputTokens += u.inputTokens;
    total.outputTokens += u.outputTokens;
    total.costUsd += u.costUsd;
    if (u.estimatedCalls) total.estimatedCalls = (total.estimatedCalls ?? 0) + u.estimatedCalls;
  }
  total.costUsd = Math.round(total.costUsd * 1e6) / 1e6;
  return total;
}

/** The one line every run ends with: whether it worked, and the figures that say how. */
export function summaryLine(r: RunReport): string {
  const m = r.model.total;
  const head =
    r.status === 'ok' ? `digest ${r.date}: ok` : r.status === 'skipped' ? `digest ${r.date}: skipped (exists)` : `digest ${r.date}: FAILED`;
  const parts = [
    `${r.counts.articles} articles → ${r.selection.candidates} candidates → ${r.counts.written} written`,
    `feeds ${r.counts.feeds - r.counts.feedsFailed}/${r.counts.feeds} ok`,
    `model calls ${m.calls} (cache ${m.cacheHits}, replay ${m.replayed})`,
    `tokens ${m.inputTokens}/${m.outputTokens}${m.estimatedCalls ? ` (${m.estimatedCalls} calls estimated)` : ''}`,
    `cost $${m.costUsd.toFixed(4)}`,
    `${(r.durationsMs.total / 1000).toFixed(1)}s`,
    `${r.warnings.length} warnings`,
  ];
  const tail = r.status === 'ok' ? ` → ${r.output}` : r.error ? ` — ${r.error}` : '';
  return `${head} | ${parts.join(' | ')}${tail}`;
}
