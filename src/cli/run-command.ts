// `digest run`: the nightly job, a one-off date, or a dry run on a recorded day.

import type { Command } from 'commander';
import { Option } from 'commander';
import { runJob, type JobOptions } from '../pipeline/run-job.js';
import { EXIT, type CliIo } from './cli-io.js';
import { parseConcurrencyOption, parseCutoffOption, parseDateOption } from './option-parsers.js';

export function addJobOptions(cmd: Command): Command {
  return cmd
    .option('--date <YYYY-MM-DD>', "the digest's day in Asia/Taipei (default: today there)", parseDateOption)
    .option('--out <dir>', 'where the digest and its report are written (can be a Hugo content folder)', 'output')
    .option('--feeds <file>', 'the feed list (default: feeds.yaml; in a dry run: the fixture day’s feeds.yaml)')
    .option('--cutoff <HH:MM>', "the day's cut-off in Asia/Taipei: the window is the 24 hours before it (default: DIGEST_CUTOFF or 06:45)", parseCutoffOption)
    .option('--force', 'overwrite a digest that already exists for that date', false)
    .option('--concurrency <n>', 'model calls at once (default: DIGEST_MODEL_CONCURRENCY or 6)', parseConcurrencyOption)
    .option('--model <name>', 'the model for every prompt (default: OPENAI_MODEL)')
    .addOption(new Option('--offline', 'write with the offline (extractive, no model) writer even when a key is set').default(false));
}

export function registerRunCommand(program: Command, io: CliIo, setCode: (code: number) => void): void {
  const cmd = program
    .command('run')
    .description('collect, cluster, write and render the digest for one day')
    .option('--dry-run', 'read feeds and recorded model answers from fixtures/<date>/; never touch the network', false)
    .option('--fixtures <dir>', 'the recorded day to use (default: fixtures/<date>); implies --dry-run');
  addJobOptions(cmd).action(async (opts: JobOptions) => {
    const mode = opts.dryRun || opts.fixtures ? 'dry-run' : 'live';
    const code = await runJob({ ...opts, mode }, io);
    setCode(code);
  });
  cmd.addHelpText(
    'after',
    `
Exit codes: ${EXIT.ok} digest written, ${EXIT.failed} run failed (no digest), ${EXIT.usage} bad flag/config/env,
            ${EXIT.skipped} skipped (digest exists; use --force), ${EXIT.locked} another run holds the lock.
Examples:
  digest run --dry-run --date 2025-12-05      the recorded day, no key, no network
  digest run                                  today's digest (needs OPENAI_API_KEY, or --offline)
  digest run --date 2025-12-04 --force        redo a past day`,
  );
}
