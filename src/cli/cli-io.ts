// What a command may touch of the process: tests pass their own streams and env, so no test touches process.*.

import type { AppIo } from '../app/app-io.js';

export interface CliIo extends AppIo {
  stdout: (text: string) => void;
}

/** Exit codes a scheduler can act on; documented in the README. */
export const EXIT = {
  ok: 0,
  /** The run did not produce a digest (or `check` found violations, or every feed failed). */
  failed: 1,
  /** Bad flag, bad config file, bad environment variable. */
  usage: 2,
  /** The digest for that date exists already and --force was not given. */
  skipped: 3,
  /** Another run holds the lock. */
  locked: 4,
} as const;

export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    sleep: (ms) => new Promise<void>((r) => setTimeout(r, ms)),
    isTty: Boolean(process.stderr.isTTY),
  };
}
