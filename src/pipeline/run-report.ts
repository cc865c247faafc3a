// The run report: one JSON file beside each digest, documented field by field in the README.

import type { SkippedStory } from '../cluster/story-ledger.js';
import type { FailedTopic, FeedHealth, ModelUsage, RunMode, Warning, Window, WriterName } from '../types.js';

export interface RunReport {
  /** Schema version of this report. */
  reportVersion: 1;
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
    topics: number;
    /** Topics written into the digest (the footer's M 個). */
    written: number;
    failedTopics: number;
    skippedTopics: number;
  };
  feeds: FeedHealth[];
  model: { total: ModelUsage; byStage: Record<string, ModelUsage> };
  failedTopics: FailedTopic[];
  skippedTopics: SkippedStory[];
  warnings: Warning[];
  /** Contract violations found by the check; a digest with any is not written. */
  violations: string[];
  durationsMs: Record<'collect' | 'cluster' | 'write' | 'render' | 'total', number>;
}

export function emptyUsage(): ModelUsage {
  return { calls: 0, cacheHits: 0, replayed: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };
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
  }
  total.costUsd = Math.round(total.costUsd * 1e6) / 1e6;
  return total;
}

/** The one line every run ends with: whether it worked, and the figures that say how. */
export function summaryLine(r: RunReport): string {
  const m = r.model.total;
  const head = r.status === 'ok' ? `digest ${r.date}: ok` : r.status === 'skipped' ? `digest ${r.date}: skipped (exists)` : `digest ${r.date}: FAILED`;
  const parts = [
    `${r.counts.articles} articles`,
    `${r.counts.written}/${r.counts.topics} topics`,
    `feeds ${r.counts.feeds - r.counts.feedsFailed}/${r.counts.feeds} ok`,
    `model calls ${m.calls} (cache ${m.cacheHits}, replay ${m.replayed})`,
    `tokens ${m.inputTokens}/${m.outputTokens}`,
    `cost $${m.costUsd.toFixed(4)}`,
    `${(r.durationsMs.total / 1000).toFixed(1)}s`,
    `${r.warnings.length} warnings`,
  ];
  const tail = r.status === 'ok' ? ` → ${r.output}` : r.error ? ` — ${r.error}` : '';
  return `${head} | ${parts.join(' | ')}${tail}`;
}
