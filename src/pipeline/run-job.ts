// The job around the pipeline: settings, the skip-if-exists rule, the lock, the composition of live or replay
// adapters, atomic writes of the digest and its report, and the one-line summary. Returns the exit code.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import { EXIT, type CliIo } from '../cli/cli-io.js';
import { readFeedsConfig } from '../config/feeds-config.js';
import { loadEnvFile, parseRunEnv } from '../config/run-env.js';
import { ConfigError, errorMessage } from '../errors.js';
import { coverImagePath } from '../render/render-cover.js';
import { digestFileName } from '../render/section-titles.js';
import { createLogger } from '../util/create-logger.js';
import { createProgress } from '../util/progress-line.js';
import { acquireLock, LockHeldError } from '../util/run-lock.js';
import { cutoffInstant, taipeiToday, toTaipeiIso, windowFor } from '../util/taipei-time.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { createOfflineGuard } from '../collect/offline-guard.js';
import { composeDeps } from './compose-deps.js';
import { runDigest } from './run-digest.js';
import { summaryLine, type RunReport } from './run-report.js';

export interface JobOptions {
  mode: RunReport['mode'];
  date?: string;
  out: string;
  feeds?: string;
  cutoff?: string;
  force: boolean;
  concurrency?: number;
  model?: string;
  offline: boolean;
  dryRun?: boolean;
  fixtures?: string;
}

const RecordedRunSchema = z.object({
  generatedAt: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/),
  cutoff: z.string().regex(/^\d\d:\d\d$/).optional(),
});
type RecordedRun = z.infer<typeof RecordedRunSchema>;

/** A recorded day remembers when it was generated and its cut-off, so replaying it reproduces the digest byte for byte. */
async function readRecordedRun(fixtureDir: string): Promise<RecordedRun | undefined> {
  const file = path.join(fixtureDir, 'run.json');
  if (!existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`${file}: not JSON; re-record the day or fix the file`, { cause: err });
  }
  const r = RecordedRunSchema.safeParse(raw);
  if (!r.success) throw new ConfigError(`${file}: ${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message}; re-record the day or fix the file`);
  return r.data;
}

export async function runJob(opts: JobOptions, io: CliIo): Promise<number> {
  const env = loadEnvFile(io.cwd, io.env);
  const runEnv = parseRunEnv(env);
  const log = createLogger(io.stderr, { pretty: io.isTty, level: runEnv.DIGEST_LOG_LEVEL });
  const date = opts.date ?? taipeiToday(io.now());
  const outDir = path.resolve(io.cwd, opts.out);
  const mdPath = path.join(outDir, digestFileName(date));
  const reportPath = mdPath.replace(/\.md$/, '.report.json');
  const rel = (p: string) => path.relative(io.cwd, p) || p;

  const fixtureDir = opts.mode === 'dry-run' || opts.mode === 'record' ? path.resolve(io.cwd, opts.fixtures ?? path.join('fixtures', date)) : undefined;
  if (opts.mode === 'dry-run' && !existsSync(fixtureDir!)) {
    throw new ConfigError(`no recorded day at ${rel(fixtureDir!)}; record one with \`digest record --date ${date}\` or pass --fixtures DIR`);
  }
  const recorded = opts.mode === 'dry-run' ? await readRecordedRun(fixtureDir!) : undefined;
  const cutoff = opts.cutoff ?? recorded?.cutoff ?? runEnv.DIGEST_CUTOFF;
  const feedsFile = path.resolve(io.cwd, opts.feeds ?? (opts.mode === 'dry-run' ? path.join(fixtureDir!, 'feeds.yaml') : 'feeds.yaml'));
  const feeds = (await readFeedsConfig(feedsFile)).filter((f) => f.enabled !== false);

  const skip = () => {
    io.stdout(`digest ${date}: skipped — ${rel(mdPath)} exists (use --force to overwrite)\n`);
    return EXIT.skipped;
  };
  if (existsSync(mdPath) && !opts.force) return skip();

  let release: () => Promise<void>;
  try {
    release = await acquireLock(path.join(outDir, '.digest-state', 'run.lock'));
  } catch (err) {
    if (err instanceof LockHeldError) {
      io.stderr(`digest: ${err.message}\n`);
      return EXIT.locked;
    }
    throw err;
  }
  // A run that waited on a lock may find the digest written by the run that held it.
  if (existsSync(mdPath) && !opts.force) {
    await release();
    return skip();
  }
  // A dry run blocks every way out of the process, so a fetch that escapes the fixtures is an error, not a request.
  const liftGuard = opts.mode === 'dry-run' ? createOfflineGuard().install() : () => {};
  let deps: Awaited<ReturnType<typeof composeDeps>> | undefined;
  try {
    // Today's digest is stamped with the time it was made; a past day's (a dry run, or a run for a missed date)
    // with the cut-off of that day, the time the nightly job would have made it, so Hugo files it under its day.
    const generatedAt =
      opts.mode === 'dry-run'
        ? (recorded?.generatedAt ?? toTaipeiIso(cutoffInstant(date, cutoff)))
        : date === taipeiToday(io.now())
          ? toTaipeiIso(io.now())
          : toTaipeiIso(cutoffInstant(date, cutoff));
    if (opts.mode === 'record') {
      await writeFileAtomic(path.join(fixtureDir!, 'feeds.yaml'), stringifyYaml({ feeds }));
      await writeFileAtomic(path.join(fixtureDir!, 'run.json'), `${JSON.stringify({ generatedAt, cutoff }, null, 2)}\n`);
    }
    deps = await composeDeps({ mode: opts.mode, env, runEnv, fixtureDir, outDir, cwd: io.cwd, offline: opts.offline, model: opts.model, concurrency: opts.concurrency, date, log, now: io.now });
    log.info({ date, mode: opts.mode, feeds: feeds.length, writer: deps.writerName, out: rel(outDir) }, 'run started');
    const progress = createProgress(io.stderr, io.isTty);
    const result = await runDigest(
      { date, window: windowFor(date, cutoff), feeds, generatedAt, coverImage: coverImagePath(date), mode: opts.mode },
      // On a terminal the progress line says what per-feed log lines would; keep those for machines.
      { ...deps, log: (e) => (io.isTty ? log.debug(e) : log.info(e)), progress },
    );
    progress.done();
    const report = result.report;
    if (result.markdown) {
      await writeFileAtomic(mdPath, result.markdown);
      report.output = rel(mdPath);
      const topicById = new Map(result.topics.map((t) => [t.id, t]));
      const written = Object.values(result.digest!.sections)
        .flat()
        .map((e) => ({ topic: topicById.get(e.topicId)!, title: e.title }));
      const afterWarnings = await deps.afterWrite?.({ date, written, articles: result.articles, markdown: result.markdown, generatedAt });
      if (afterWarnings) report.warnings.push(...afterWarnings);
    }
    for (const w of report.warnings) log.warn({ code: w.code, feedId: w.feedId, topicId: w.topicId }, w.message);
    for (const v of report.violations) log.error(v);
    await writeFileAtomic(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    io.stdout(`${summaryLine(report)}\n`);
    return report.status === 'ok' ? EXIT.ok : EXIT.failed;
  } catch (err) {
    log.error({ err: errorMessage(err) }, 'run failed');
    throw err;
  } finally {
    await deps?.close?.();
    liftGuard();
    await release();
  }
}
