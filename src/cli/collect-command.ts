// `digest collect`: runs the collect stage alone and writes the in-window articles as JSON lines, then the feed
// health table. Users need it to debug a feed; the tests use it to check collection end to end.

import path from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { collectDay, type CollectOptions } from '../app/collect-job.js';
import { formatHealthTable, summariseHealth } from '../collect/format-health-table.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { parseCutoffOption, parseDateOption } from './option-parsers.js';
import { EXIT, type CliIo } from './cli-io.js';

/** The common flags of `collect` and `feeds` (commander's --no-cache sets `cache` false). */
export interface CollectionFlags extends CollectOptions {
  timeout?: number;
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
    .option(
      '--date <YYYY-MM-DD>',
      'the day in Asia/Taipei whose window is collected (default: the name of the --fixtures folder, else today there)',
      parseDateOption,
    )
    .option(
      '--cutoff <HH:MM>',
      "the day's cut-off in Asia/Taipei: the window is the 24 hours before it (default: the recorded day's, else DIGEST_CUTOFF or 06:45)",
      parseCutoffOption,
    )
    .option('--timeout <ms>', 'per-request timeout for live fetches (default: 20000)', parseTimeoutOption)
    .option('--no-cache', "no conditional GET: ignore and do not update the state folder's http-cache.json");
}

export function runCollection(flags: CollectionFlags, io: CliIo) {
  return collectDay({ ...flags, timeoutMs: flags.timeout }, io);
}

interface CollectCommandOptions extends CollectionFlags {
  out?: string;
}

export function registerCollectCommand(program: Command, io: CliIo, setCode: (code: number) => void): void {
  const cmd = program
    .command('collect')
    .description('fetch the feeds and write the in-window articles as JSON lines, then the feed health table')
    .option('--out <file.jsonl>', 'write the articles to this file (default: standard output, with the table on standard error)');
  addCollectionOptions(cmd).action(async (opts: CollectCommandOptions) => {
    const { result, day } = await runCollection(opts, io);
    const { date, window } = day;
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
7 days) | failed (with the reason). Live fetches remember ETag/Last-Modified in the state folder (http-cache.json
under DIGEST_STATE_DIR, default output/.digest-state: the same one digest run uses).

Exit codes: ${EXIT.ok} at least one feed worked, ${EXIT.failed} every feed failed, ${EXIT.usage} bad flag or feeds file.
Examples:
  digest collect --out today.jsonl                      live, today's window
  digest collect --fixtures fixtures/2025-12-05         a recorded day, no network
  digest collect --feeds my-feeds.yaml --date 2025-12-04 --cutoff 07:00 | jq .title`,
  );
}
