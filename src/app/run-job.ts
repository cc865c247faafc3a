// The job around the pipeline: the day, the skip-if-exists rule, the lock, the adapters for the mode, atomic
// writes of the digest and its report, and the one-line summary. Returns an outcome; the CLI maps it to an exit code.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { stringify as stringifyYaml } from 'yaml';
import { errorMessage } from '../errors.js';
import { runDigest } from '../pipeline/run-digest.js';
import { summaryLine, type RunReport } from '../pipeline/run-report.js';
import { coverImagePath } from '../render/render-cover.js';
import { digestFileName } from '../render/section-titles.js';
import type { RunMode } from '../types.js';
import { createProgress } from '../util/progress-line.js';
import { acquireLock, LockHeldError } from '../util/run-lock.js';
import { cutoffInstant, taipeiToday, toTaipeiIso } from '../util/taipei-time.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import type { AppIo } from './app-io.js';
import { composeRun, createAppContext, workspaceOf, type ComposedRun } from './compose-app.js';
import { resolveDay, type Day, type DayOptions } from './resolve-day.js';
import { MODE_TRAITS } from './run-mode.js';
import { displayPath } from './workspace.js';

export interface JobOptions extends DayOptions {
  mode: RunMode;
  out?: string;
  force: boolean;
  concurrency?: number;
  model?: string;
  offline: boolean;
  /** Prompts folder (default: the project's prompts/). */
  prompts?: string;
  /** Selection policy file (default: selection.yaml when it exists). */
  policy?: string;
  maxEntries?: number;
}

export type JobOutcome =
  | { status: 'written' | 'failed'; summary: string; report: RunReport }
  | { status: 'skipped'; summary: string }
  | { status: 'locked'; message: string };

export async function runJob(opts: JobOptions, io: AppIo): Promise<JobOutcome> {
  const ctx = createAppContext(io);
  const traits = MODE_TRAITS[opts.mode];
  const day = await resolveDay(opts, { cwd: io.cwd, now: io.now, defaultCutoff: ctx.runEnv.DIGEST_CUTOFF }, { readFixtures: traits.feeds === 'fixtures', defaultFixtures: traits.feeds === 'fixtures' || traits.records });
  const ws = workspaceOf(ctx, opts.out);
  const mdPath = path.join(ws.outDir, digestFileName(day.date));
  const reportPath = mdPath.replace(/\.md$/, '.report.json');
  const skipped = (): JobOutcome => ({ status: 'skipped', summary: `digest ${day.date}: skipped — ${displayPath(ws, mdPath)} exists (use --force to overwrite)` });
  if (existsSync(mdPath) && !opts.force) return skipped();

  let release: () => Promise<void>;
  try {
    const lock = await acquireLock(ws.lockFile);
    release = lock.release;
    if (lock.tookOver) ctx.warnState({ code: 'lock-taken-over', message: lock.tookOver });
  } catch (err) {
    if (err instanceof LockHeldError) return { status: 'locked', message: err.message };
    throw err;
  }
  let run: ComposedRun | undefined;
  try {
    // A run that waited on a lock may find the digest written by the run that held it.
    if (existsSync(mdPath) && !opts.force) return skipped();
    const generatedAt = generationTime(opts.mode, day, io.now);
    if (traits.records) {
      await writeFileAtomic(path.join(day.fixtureDir!, 'feeds.yaml'), stringifyYaml({ feeds: day.feeds }));
      await writeFileAtomic(path.join(day.fixtureDir!, 'run.json'), `${JSON.stringify({ generatedAt, cutoff: day.cutoff }, null, 2)}\n`);
    }
    run = await composeRun(
      ctx,
      { mode: opts.mode, out: opts.out, offline: opts.offline, model: opts.model, concurrency: opts.concurrency, promptsDir: opts.prompts, policy: opts.policy, maxEntries: opts.maxEntries },
      day,
    );
    ctx.log.info({ date: day.date, mode: opts.mode, feeds: day.feeds.length, writer: run.writer.writerName, out: displayPath(ws, ws.outDir) }, 'run started');
    const progress = createProgress(io.stderr, io.isTty);
    const result = await runDigest(
      { date: day.date, window: day.window, feeds: day.feeds, generatedAt, coverImage: coverImagePath(day.date), mode: opts.mode, policy: run.policy, budget: run.budget },
      {
        fetchFeed: run.fetchFeed,
        fetchPage: run.fetchPage,
        itemClock: run.itemClock,
        writer: run.writer.writer,
        triage: run.triage,
        memory: run.memory,
        embedder: run.embedder,
        now: io.now,
        // On a terminal the progress line says what per-feed log lines would; keep those for machines.
        log: (e) => (io.isTty ? ctx.log.debug(e) : ctx.log.info(e)),
        progress,
      },
    );
    progress.done();
    const report = result.report;
    report.warnings.unshift(...ctx.warnings);
    if (result.markdown) {
      await writeFileAtomic(mdPath, result.markdown);
      report.output = displayPath(ws, mdPath);
      const topicById = new Map(result.topics.map((t) => [t.id, t]));
      const written = Object.values(result.digest!.sections)
        .flat()
        .map((e) => ({ topic: topicById.get(e.topicId)!, title: e.title }));
      report.warnings.push(...(await run.afterWrite({ date: day.date, written, articles: result.articles, markdown: result.markdown })));
    }
    for (const w of report.warnings) ctx.log.warn({ code: w.code, feedId: w.feedId, topicId: w.topicId }, w.message);
    for (const v of report.violations) ctx.log.error(v);
    await writeFileAtomic(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    return { status: report.status === 'ok' ? 'written' : 'failed', summary: summaryLine(report), report };
  } catch (err) {
    ctx.log.error({ err: errorMessage(err) }, 'run failed');
    throw err;
  } finally {
    await run?.close();
    await release();
  }
}

/**
 * Today's digest is stamped with the time it was made; a past day's (a replay, or a run for a missed date) with
 * the time the nightly job would have made it (the recording's, else that day's cut-off), so Hugo files it under
 * its day and a replay is byte for byte the recording.
 */
function generationTime(mode: RunMode, day: Day, now: () => Date): string {
  if (MODE_TRAITS[mode].feeds === 'fixtures') return day.recordedAt ?? toTaipeiIso(cutoffInstant(day.date, day.cutoff));
  return day.date === taipeiToday(now()) ? toTaipeiIso(now()) : toTaipeiIso(cutoffInstant(day.date, day.cutoff));
}
