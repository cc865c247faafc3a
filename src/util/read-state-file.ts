// The one rule for the job's own state files (story ledger, HTTP cache, answer and embeddings caches, model
// profile): they are ours, not the user's, so a corrupt one never stops the nightly job. It is moved aside
// (`<file>.corrupt-<time>`, kept for a look) with a warning, and the run goes on as if it had not existed.
// Files the user gives (feeds.yaml, prompts, fixtures, .env) are different: those are errors naming the file (exit 2).
// A state file that cannot be read at all (permissions, a directory in its place) is an error too: moving it
// aside would hide a broken machine.

import { readFile, rename } from 'node:fs/promises';
import { DigestError, errorMessage } from '../errors.js';

export interface StateWarning {
  /** `state-quarantined` (a corrupt file moved aside), `lock-taken-over` (a dead run's lock). */
  code: 'state-quarantined' | 'lock-taken-over';
  message: string;
}

/** Reads and parses a state file; undefined when it does not exist or was corrupt (then moved aside). */
export async function readStateFile<T>(
  file: string,
  parse: (text: string) => T,
  warn: (w: StateWarning) => void,
  now: () => Date = () => new Date(),
): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DigestError(
      'StateError',
      `cannot read the state file ${file} (${(err as NodeJS.ErrnoException).code ?? errorMessage(err)}); fix its permissions, or set DIGEST_STATE_DIR to a folder the job can write`,
      { cause: err },
    );
  }
  try {
    return parse(text);
  } catch (err) {
    const aside = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
    try {
      await rename(file, aside);
    } catch (renameErr) {
      throw new DigestError(
        'StateError',
        `the state file ${file} is corrupt (${firstLine(err)}) and cannot be moved aside (${errorMessage(renameErr)}); delete it`,
        { cause: renameErr },
      );
    }
    warn({ code: 'state-quarantined', message: `${file} was not valid (${firstLine(err)}); moved to ${aside} and started afresh` });
    return undefined;
  }
}

function firstLine(err: unknown): string {
  return errorMessage(err).split('\n')[0]!.slice(0, 200);
}
