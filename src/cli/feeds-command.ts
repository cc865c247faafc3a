// `digest feeds`: fetch every feed once and print its health, to find the broken ones before the nightly run does.

import type { Command } from 'commander';
import { formatHealthTable, summariseHealth } from '../collect/format-health-table.js';
import { EXIT, type CliIo } from './cli-io.js';
import { addCollectionOptions, runCollection, type CollectionFlags } from './collect-command.js';

interface FeedsCommandOptions extends CollectionFlags {
  json: boolean;
}

export function registerFeedsCommand(program: Command, io: CliIo, setCode: (code: number) => void): void {
  const cmd = program
    .command('feeds')
    .description('fetch every enabled feed and print its health: status, items, items in the window, bytes, time, reason')
    .option('--json', 'print the health as JSON (one array) instead of a table', false);
  addCollectionOptions(cmd).action(async (opts: FeedsCommandOptions) => {
    const { result, day } = await runCollection(opts, io);
    const date = day.date;
    if (opts.json) io.stdout(`${JSON.stringify(result.health, null, 2)}\n`);
    else {
      io.stdout(formatHealthTable(result.health));
      io.stdout(`feeds ${date}: ${summariseHealth(result.health)}; ${result.totalItems} items, ${result.articles.length} in the window\n`);
    }
    setCode(result.health.some((h) => h.status !== 'failed') ? EXIT.ok : EXIT.failed);
  });
  cmd.addHelpText(
    'after',
    `
Status: ok | not-modified (HTTP 304) | empty (no items) | stale (no new item for 7 days) | failed (reason).
Exit codes: ${EXIT.ok} at least one feed worked, ${EXIT.failed} every feed failed, ${EXIT.usage} bad flag or feeds file.
Examples:
  digest feeds                                  check feeds.yaml against the live web
  digest feeds --feeds new-feeds.yaml --json    check a candidate list, machine-readable
  digest feeds --fixtures fixtures/2025-12-05   check a recorded day`,
  );
}
