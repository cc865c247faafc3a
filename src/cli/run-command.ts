// `digest run`: the nightly job, a one-off date, a dry run on a recorded day, or a live model on a recorded day.

import type { Command } from 'commander';
import { Option } from 'commander';
import { runJob, type JobOptions, type JobOutcome } from '../app/run-job.js';
import type { RunMode } from '../types.js';
import { EXIT, type CliIo } from './cli-io.js';
import { parseConcurrencyOption, parseCutoffOption, parseDateOption, parseMaxEntriesOption } from './option-parsers.js';

export interface RunFlags extends Omit<JobOptions, 'mode'> {
  dryRun?: boolean;
  liveModel?: boolean;
}

export function addJobOptions(cmd: Command): Command {
  return cmd
    .option(
      '--date <YYYY-MM-DD>',
      "the digest's day in Asia/Taipei (default: the --fixtures folder's name, else today there)",
      parseDateOption,
    )
    .option('--out <dir>', 'where the digest and its report are written (can be a Hugo content folder)', 'output')
    .option('--feeds <file>', 'the feed list (default: feeds.yaml; from a recorded day: its feeds.yaml)')
    .option(
      '--cutoff <HH:MM>',
      "the day's cut-off in Asia/Taipei: the window is the 24 hours before it (default: the recorded day's, else DIGEST_CUTOFF or 06:45)",
      parseCutoffOption,
    )
    .option('--force', 'overwrite a digest that already exists for that date', false)
    .option('--concurrency <n>', 'model calls at once (default: DIGEST_MODEL_CONCURRENCY or 6)', parseConcurrencyOption)
    .option('--model <name>', 'the model for every prompt (default: OPENAI_MODEL)')
    .option('--prompts <dir>', "a folder with entry.md, frame.md and triage.md to use instead of the project's prompts/")
    .option('--policy <file>', 'the selection policy (default: selection.yaml when it exists, else the built-in defaults)')
    .option(
      '--max-entries <n>',
      'entries in the digest at most (default: DIGEST_MAX_ENTRIES, else the policy, else 70)',
      parseMaxEntriesOption,
    )
    .addOption(new Option('--offline', 'write with the offline (extractive, no model) writer even when a key is set').default(false));
}

/** The one place an outcome becomes an exit code and the printed summary. */
export function reportOutcome(outcome: JobOutcome, io: CliIo): number {
  switch (outcome.status) {
    case 'locked':
      io.stderr(`digest: ${outcome.message}\n`);
      return EXIT.locked;
    case 'skipped':
      io.stdout(`${outcome.summary}\n`);
      return EXIT.skipped;
    case 'written':
      io.stdout(`${outcome.summary}\n`);
      return EXIT.ok;
    case 'failed':
      io.stdout(`${outcome.summary}\n`);
      return EXIT.failed;
  }
}

function runMode(flags: RunFlags): RunMode {
  if (flags.liveModel) return 'live-model';
  return flags.dryRun || flags.fixtures ? 'dry-run' : 'live';
}

export function registerRunCommand(program: Command, io: CliIo, setCode: (code: number) => void): void {
  const cmd = program
    .command('run')
    .description('collect, cluster, write and render the digest for one day')
    .option('--dry-run', 'read feeds and recorded model answers from fixtures/<date>/; never touch the network', false)
    .option('--fixtures <dir>', 'the recorded day to use (default: fixtures/<date>); implies --dry-run unless --live-model')
    .option(
      '--live-model',
      'feeds from the recorded day, entries from the configured model (to try a prompt or a model on a fixed day)',
      false,
    );
  addJobOptions(cmd).action(async (flags: RunFlags) => {
    setCode(reportOutcome(await runJob({ ...flags, mode: runMode(flags) }, io), io));
  });
  cmd.addHelpText(
    'after',
    `
Exit codes: ${EXIT.ok} digest written, ${EXIT.failed} run failed (no digest), ${EXIT.usage} bad flag/config/env,
            ${EXIT.skipped} skipped (digest exists; use --force), ${EXIT.locked} another run holds the lock.
Examples:
  digest run --dry-run --date 2025-12-05      the recorded day, no key, no network
  digest run                                  today's digest (needs OPENAI_API_KEY, or --offline)
  digest run --date 2025-12-04 --force        redo a past day
  digest run --fixtures fixtures/2025-12-05 --live-model --prompts my-prompts --out trial
                                              a changed prompt on a recorded day, written by the model`,
  );
}
