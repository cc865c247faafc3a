// The job around the pipeline: the day, the skip-if-exists rule, the lock, the adapters for the mode, atomic
// writes of the digest and its report, and the one-line summary. Returns an outcome; the CLI maps it to an exit code.

import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify as stringifyYaml } from 'yaml';
import { ConfigError, errorMessage } from '../errors.js';
import { runDigest } from '../pipeline/run-digest.js';
import { summaryLine, type RunReport } from '../pipeline/run-report.js';
import { coverImagePath } from '../render/render-cover.js';
import { digestFileName } from '../render/section-titles.js';
import type { RunMode } from '../types.js';
import { createProgress } from '../util/progress-line.js';
import { acquireLock, LockHeldError } from '../util/run-lock.js';
import { cutoffInstant, taipeiToday, toTaipeiIso } from '../util/taipei-time.js';
import { removeStaleTempFiles, writeFileAtomic } from '../util/write-atomic.js';
import type { AppIo } from './app-io.js';
import {
  composeAfterWrite,
  composeRun,
  coverDir,
  createAppContext,
  workspaceOf,
  type AppContext,
  type ComposedRun,
} from './compose-app.js';
import { clearPending, pendingFile, readPending, writePending } from './pending-digest.js';
import { resolveDay, type Day, type DayOptions } from './resolve-day.js';
import { MODE_TRAITS } from './run-mode.js';
import { displayPath, type Workspace } from './workspace.js';

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
  const day = await resolveDay(
    opts,
    { cwd: io.cwd, now: io.now, defaultCutoff: ctx.runEnv.DIGEST_CUTOFF },
    { readFixtures: traits.feeds === 'fixtures', defaultFixtures: traits.feeds === 'fixtures' || traits.records },
  );
  const ws = workspaceOf(ctx, opts.out);
  if (existsSync(ws.outDir) && !statSync(ws.outDir).isDirectory())
    throw new ConfigError(`--out ${opts.out ?? ws.outDir}: is a file, not a folder; pass the folder the digest goes into`);
  const mdPath = path.join(ws.outDir, digestFileName(day.date));
  const reportPath = mdPath.replace(/\.md$/, '.report.json');
  const pending = pendingFile(ws.pendingDir, day.date);
  const skipped = (): JobOutcome => ({
    status: 'skipped',
    summary: `digest ${day.date}: skipped — ${displayPath(ws, mdPath)} exists (use --force to overwrite)`,
  });
  // A digest whose run died after writing it is completed, not skipped: its stories must reach the ledger.
  const exists = () => existsSync(mdPath) && !opts.force && !existsSync(pending);
  if (exists()) return skipped();
  await removeStaleTempFiles(ws.outDir);
  await removeStaleTempFiles(coverDir(ctx, ws));

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
    if (exists()) return skipped();
    if (existsSync(mdPath) && !opts.force) {
      const done = await completePending(ctx, ws, pending, reportPath);
      if (done) return done;
    }
    const generatedAt = generationTime(opts.mode, day, io.now);
    if (traits.records) {
      // Private feed URLs may carry a token: the recording keeps the feed ids, never the credentials.
      await writeFileAtomic(path.join(day.fixtureDir!, 'feeds.yaml'), ctx.redact(stringifyYaml({ feeds: day.feeds })));
      await writeFileAtomic(path.join(day.fixtureDir!, 'run.json'), `${JSON.stringify({ generatedAt, cutoff: day.cutoff }, null, 2)}\n`);
    }
    run = await composeRun(
      ctx,
      {
        mode: opts.mode,
        out: opts.out,
        offline: opts.offline,
        model: opts.model,
        concurrency: opts.concurrency,
        promptsDir: opts.prompts,
        policy: opts.policy,
        maxEntries: opts.maxEntries,
      },
      day,
    );
    ctx.log.info(
      { date: day.date, mode: opts.mode, feeds: day.feeds.length, writer: run.writer.writerName, out: displayPath(ws, ws.outDir) },
      'run started',
    );
    const progress = createProgress(io.stderr, io.isTty);
    const result = await runDigest(
      {
        date: day.date,
        window: day.window,
        feeds: day.feeds,
        generatedAt,
        coverImage: coverImagePath(day.date),
        mode: opts.mode,
        policy: run.policy,
        budget: run.budget,
      },
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
      report.output = displayPath(ws, mdPath);
      const topicById = new Map(result.topics.map((t) => [t.id, t]));
      const written = Object.values(result.digest!.sections)
        .flat()
        .map((e) => ({ topic: topicById.get(e.topicId)!, title: e.title }));
      const cited = new Set(written.flatMap((w) => w.topic.articleIds));
      await writeOrReport(
        () =>
          writePending(pending, {
            version: 1,
            date: day.date,
            output: mdPath,
            written,
            articles: result.articles.filter((a) => cited.has(a.id)),
            report,
          }),
        report,
        reportPath,
        ctx,
      );
      await writeOrReport(() => writeFileAtomic(mdPath, result.markdown!), report, reportPath, ctx);
      report.warnings.push(...(await run.afterWrite({ date: day.date, written, articles: result.articles, markdown: result.markdown })));
    }
    for (const w of report.warnings) ctx.log.warn({ code: w.code, feedId: w.feedId, topicId: w.topicId }, w.message);
    for (const v of report.violations) ctx.log.error(v);
    await writeReport(reportPath, report, ctx);
    await clearPending(pending);
    return { status: report.status === 'ok' ? 'written' : 'failed', summary: summaryLine(report), report };
  } catch (err) {
    ctx.log.error({ err: errorMessage(err) }, 'run failed');
    throw err;
  } finally {
    await run?.close();
    await release();
  }
}

/** The report, with every secret the environment names (or a URL carries) redacted. */
async function writeReport(file: string, report: RunReport, ctx: AppContext): Promise<void> {
  await writeFileAtomic(file, ctx.redact(`${JSON.stringify(report, null, 2)}\n`));
}

/**
 * A write the digest depends on; when the disk refuses it (full, read-only, no permission), the report says so if
 * it still can, and the run ends with one line naming the file.
 */
async function writeOrReport(write: () => Promise<void>, report: RunReport, reportPath: string, ctx: AppContext): Promise<void> {
  try {
    await write();
  } catch (err) {
    report.status = 'failed';
    report.error = `could not write the digest: ${errorMessage(err)}`;
    await writeReport(reportPath, report, ctx).catch(() => {});
    throw err;
  }
}

/** Finishes what a run that died after writing its digest left undone: the ledger, the cover, the report. */
async function completePending(ctx: AppContext, ws: Workspace, file: string, reportPath: string): Promise<JobOutcome | undefined> {
  const p = await readPending(file, ctx.warnState);
  if (!p || path.resolve(p.output) !== path.join(ws.outDir, path.basename(p.output))) return undefined;
  const markdown = await readFile(p.output, 'utf8');
  const report = p.report;
  report.status = 'ok';
  report.warnings.push(...ctx.warnings, {
    code: 'run-completed',
    message: `the run that wrote ${displayPath(ws, p.output)} ended before its ledger and report; completed by a later run`,
  });
  report.warnings.push(...(await composeAfterWrite(ctx, ws)({ date: p.date, written: p.written, articles: p.articles, markdown })));
  await writeReport(reportPath, report, ctx);
  await clearPending(file);
  return { status: 'written', summary: `${summaryLine(report)} (completed by this run)`, report };
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
