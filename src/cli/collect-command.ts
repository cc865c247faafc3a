// `digest collect`: runs the collect stage alone and writes the in-window articles as JSON lines, then the feed
// health table. Users need it to debug a feed; the tests use it to check collection end to end.

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { collectArticles, type CollectDeps, type CollectOutput } from '../collect/collect-articles.js';
import { createFixtureFeedFetcher, createFixturePageFetcher } from '../collect/fixture-feed-fetcher.js';
import { formatHealthTable, summariseHealth } from '../collect/format-health-table.js';
import { createHttpFeedFetcher } from '../collect/http-feed-fetcher.js';
import { createOfflineGuard } from '../collect/offline-guard.js';
import { readFeedsConfig } from '../config/feeds-config.js';
import { loadEnvFile, parseRunEnv } from '../config/run-env.js';
import { ConfigError } from '../errors.js';
import type { Window } from '../types.js';
import { createLogger } from '../util/create-logger.js';
import { isValidDate, taipeiToday, windowFor } from '../util/taipei-time.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { parseCutoffOption, parseDateOption } from './option-parsers.js';
import { EXIT, type CliIo } from './cli-io.js';

export interface CollectionOptions {
  feeds?: string;
  date?: string;
  cutoff?: string;
  fixtures?: string;
  /** Conditional GET (commander's --no-cache sets it false). */
  cache: boolean;
  timeout?: number;
}

export interface Collection {
  result: CollectOutput;
  date: string;
  window: Window;
  feedsFile: string;
}

export function parseTimeoutOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 100 || n > 600_000) throw new InvalidArgumentError('expected milliseconds from 100 to 600000');
  return n;
}

/** The common options of `collect` and `feeds`. */
export function addCollectionOptions(cmd: Command): Command {
  return cmd
    .option('--feeds <file>', 'the feed list (default: feeds.yaml; with --fixtures: DIR/feeds.yaml when it exists)')
    .option('--fixtures <dir>', 'read feeds from DIR/feeds/<id>.xml (a recorded day) instead of the network; no request leaves the process')
    .option('--date <YYYY-MM-DD>', 'the day in Asia/Taipei whose window is collected (default: today there, or the name of the --fixtures folder)', parseDateOption)
    .option('--cutoff <HH:MM>', "the day's cut-off in Asia/Taipei: the window is the 24 hours before it (default: DIGEST_CUTOFF or 06:45)", parseCutoffOption)
    .option('--timeout <ms>', 'per-request timeout for live fetches (default: 20000)', parseTimeoutOption)
    .option('--no-cache', 'no conditional GET: ignore and do not update .digest-state/http-cache.json');
}

/** Reads the feed list, builds live or fixture adapters, and runs the collect stage. */
export async function runCollection(opts: CollectionOptions, io: CliIo): Promise<Collection> {
  const env = parseRunEnv(loadEnvFile(io.cwd, io.env));
  const log = createLogger(io.stderr, { pretty: io.isTty, level: env.DIGEST_LOG_LEVEL });
  const fixtureDir = opts.fixtures ? path.resolve(io.cwd, opts.fixtures) : undefined;
  if (fixtureDir && !existsSync(fixtureDir)) throw new ConfigError(`--fixtures ${opts.fixtures}: no such folder; pass a recorded day such as fixtures/2025-12-05`);
  const folderDate = fixtureDir && isValidDate(path.basename(fixtureDir)) ? path.basename(fixtureDir) : undefined;
  const date = opts.date ?? folderDate ?? taipeiToday(io.now());
  const window = windowFor(date, opts.cutoff ?? env.DIGEST_CUTOFF);
  const fixtureFeeds = fixtureDir ? path.join(fixtureDir, 'feeds.yaml') : undefined;
  const feedsFile = path.resolve(io.cwd, opts.feeds ?? (fixtureFeeds && existsSync(fixtureFeeds) ? fixtureFeeds : 'feeds.yaml'));
  const feeds = await readFeedsConfig(feedsFile);
  const debug = (event: Record<string, unknown>) => log.debug(event);

  if (fixtureDir) {
    const lift = createOfflineGuard().install();
    try {
      // A recorded day is replayed as of its window's end, so undated items land the same way every time.
      const deps: CollectDeps = { fetchFeed: createFixtureFeedFetcher(fixtureDir), fetchPage: createFixturePageFetcher(fixtureDir), now: () => new Date(window.end), log: debug };
      return { result: await collectArticles({ feeds, window }, deps), date, window, feedsFile };
    } finally {
      lift();
    }
  }
  const fetcher = createHttpFeedFetcher({ cwd: io.cwd, stateFile: opts.cache ? undefined : null, timeoutMs: opts.timeout, log: debug });
  try {
    const result = await collectArticles({ feeds, window }, { fetchFeed: fetcher, fetchPage: fetcher.fetchPage, now: io.now, log: debug });
    return { result, date, window, feedsFile };
  } finally {
    await fetcher.close();
  }
}

interface CollectCommandOptions extends CollectionOptions {
  out?: string;
}

export function registerCollectCommand(program: Command, io: CliIo, setCode: (code: number) => void): void {
  const cmd = program
    .command('collect')
    .description('fetch the feeds and write the in-window articles as JSON lines, then the feed health table')
    .option('--out <file.jsonl>', 'write the articles to this file (default: standard output, with the table on standard error)');
  addCollectionOptions(cmd).action(async (opts: CollectCommandOptions) => {
    const { result, date, window } = await runCollection(opts, io);
    const jsonl = result.articles.map((a) => JSON.stringify(a)).join('\n') + (result.articles.length ? '\n' : '');
    const report = (text: string) => (opts.out ? io.stdout(text) : io.stderr(text));
    if (opts.out) await writeFileAtomic(path.resolve(io.cwd, opts.out), jsonl);
    else io.stdout(jsonl);
    report(formatHealthTable(result.health));
    for (const w of result.warnings) if (w.code !== 'feed-failed') report(`warning ${w.code}: ${w.message}\n`);
    report(
      `collect ${date} (${window.start} – ${window.end}): ${result.articles.length} articles in the window from ${result.totalItems} items; ${summariseHealth(result.health)}${opts.out ? `; written to ${opts.out}` : ''}\n`,
    );
    setCode(result.health.some((h) => h.status !== 'failed') ? EXIT.ok : EXIT.failed);
  });
  cmd.addHelpText(
    'after',
    `
Each line of the output is one article: {"id","feedId","source","url","title","text","publishedAt","lang"}, plus
"authors", "categories" and "undated": true when the feed gave them. Articles are sorted by publishedAt, then url;
a URL seen twice is kept once (the first feed in the list wins).

Feed health: ok | not-modified (HTTP 304, the stored copy was used) | empty (no items) | stale (no new item for
7 days) | failed (with the reason). Live fetches remember ETag/Last-Modified in .digest-state/http-cache.json.

Exit codes: ${EXIT.ok} at least one feed worked, ${EXIT.failed} every feed failed, ${EXIT.usage} bad flag or feeds file.
Examples:
  digest collect --out today.jsonl                      live, today's window
  digest collect --fixtures fixtures/2025-12-05         a recorded day, no network
  digest collect --feeds my-feeds.yaml --date 2025-12-04 --cutoff 07:00 | jq .title`,
  );
}
