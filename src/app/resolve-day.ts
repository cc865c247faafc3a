// Which day a command works on, from where, with which feeds: one set of rules for `run`, `record`, `collect` and
// `feeds`, so a recorded day and a live one are chosen, windowed and listed the same way by every command.
//   date     --date, else the name of the --fixtures folder when it is a date, else today in Asia/Taipei
//   cutoff   --cutoff, else the recorded day's run.json, else DIGEST_CUTOFF (06:45)
//   feeds    --feeds, else the recorded day's feeds.yaml when there is one, else feeds.yaml

import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { readFeedsConfig } from '../config/feeds-config.js';
import { ConfigError, describeZodIssue } from '../errors.js';
import type { FeedConfig, Window } from '../types.js';
import { isValidDate, taipeiToday, windowFor } from '../util/taipei-time.js';

export interface DayOptions {
  date?: string;
  cutoff?: string;
  feeds?: string;
  /** A recorded day to read feeds from (and answers, in a dry run). */
  fixtures?: string;
}

export interface Day {
  date: string;
  cutoff: string;
  window: Window;
  feedsFile: string;
  /** Enabled feeds only. */
  feeds: FeedConfig[];
  /** Set when the day is read from a recording. */
  fixtureDir?: string;
  /** When the recorded day was generated (its run.json), so a replay stamps the same time. */
  recordedAt?: string;
}

const RecordedRunSchema = z.object({
  generatedAt: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/, 'must be an ISO time with +08:00'),
  cutoff: z
    .string()
    .regex(/^\d\d:\d\d$/, 'must be HH:MM')
    .optional(),
});

export type RecordedRun = z.infer<typeof RecordedRunSchema>;

/** A recorded day remembers when it was generated and its cut-off, so replaying it reproduces the digest byte for byte. */
export async function readRecordedRun(fixtureDir: string): Promise<RecordedRun | undefined> {
  const file = path.join(fixtureDir, 'run.json');
  if (!existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`${file}: not JSON; re-record the day or fix the file`, { cause: err });
  }
  const r = RecordedRunSchema.safeParse(raw);
  if (!r.success)
    throw new ConfigError(`${file}: ${describeZodIssue(r.error.issues[0]!)}; re-record the day or fix the file`, { cause: r.error });
  return r.data;
}

/**
 * The day. `fixtures` is where a recording is read from (`readFixtures`) or written to (`digest record`, which
 * reads nothing from it); `defaultFixtures` names the recording of the date when no folder is given.
 */
export async function resolveDay(
  o: DayOptions,
  ctx: { cwd: string; now: () => Date; defaultCutoff: string },
  use: { readFixtures: boolean; defaultFixtures?: boolean },
): Promise<Day> {
  const given = o.fixtures ? path.resolve(ctx.cwd, o.fixtures) : undefined;
  const folderDate = given && isValidDate(path.basename(given)) ? path.basename(given) : undefined;
  const date = o.date ?? folderDate ?? taipeiToday(ctx.now());
  const fixtureDir = given ?? (use.defaultFixtures ? path.resolve(ctx.cwd, 'fixtures', date) : undefined);
  if (use.readFixtures) {
    if (!fixtureDir) throw new TypeError('resolveDay: reading fixtures needs a fixture folder');
    if (!existsSync(fixtureDir) || !statSync(fixtureDir).isDirectory()) {
      const shown = path.relative(ctx.cwd, fixtureDir) || fixtureDir;
      throw new ConfigError(`no recorded day at ${shown}; record one with \`digest record --date ${date}\` or pass --fixtures DIR`);
    }
  }
  const recorded = use.readFixtures && fixtureDir ? await readRecordedRun(fixtureDir) : undefined;
  const cutoff = o.cutoff ?? recorded?.cutoff ?? ctx.defaultCutoff;
  const fixtureFeeds = use.readFixtures && fixtureDir ? path.join(fixtureDir, 'feeds.yaml') : undefined;
  const feedsFile = path.resolve(ctx.cwd, o.feeds ?? (fixtureFeeds && existsSync(fixtureFeeds) ? fixtureFeeds : 'feeds.yaml'));
  const feeds = (await readFeedsConfig(feedsFile)).filter((f) => f.enabled !== false);
  return {
    date,
    cutoff,
    window: windowFor(date, cutoff),
    feedsFile,
    feeds,
    ...(fixtureDir ? { fixtureDir } : {}),
    ...(recorded ? { recordedAt: recorded.generatedAt } : {}),
  };
}
