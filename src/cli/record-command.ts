// `digest record`: a live run that also saves what it read and what the model answered under fixtures/<date>/
// (feed bodies, and answers/<key>.json keyed like the cache), so `digest run --dry-run` can replay the day.

import type { Command } from 'commander';
import { runJob } from '../app/run-job.js';
import { type CliIo } from './cli-io.js';
import { addJobOptions, reportOutcome, type RunFlags } from './run-command.js';

export function registerRecordCommand(program: Command, io: CliIo, setCode: (code: number) => void): void {
  const cmd = program
    .command('record')
    .description('run live and save every feed body and model answer under fixtures/<date>/ for later dry runs')
    .option('--fixtures <dir>', 'where the recording goes (default: fixtures/<date>)');
  addJobOptions(cmd).action(async (flags: RunFlags) => {
    setCode(reportOutcome(await runJob({ ...flags, mode: 'record' }, io), io));
  });
  cmd.addHelpText(
    'after',
    `
Needs a model (OPENAI_API_KEY, or OPENAI_BASE_URL for a local server), or --offline to record the feeds alone.
Examples:
  digest record --date 2025-12-05 --force     record today's run as fixtures/2025-12-05/
  digest run --dry-run --date 2025-12-05      replay it: same digest, no network, no key`,
  );
}
