// Two runs never overlap: a lock file holding the owner's pid. It appears complete or not at all (written to a
// temp file, then hard-linked into place, which fails if the lock exists), so a competitor never reads it empty.
// A lock whose process is gone (a crash, a kill -9) is stale and taken over, so a dead run never blocks the next night.

import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DigestError } from '../errors.js';

export class LockHeldError extends DigestError {
  constructor(file: string, readonly pid: number) {
    super('LockHeldError', `another digest run (pid ${pid}) holds ${file}; wait for it to finish, or remove the file if that process is not a digest run`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readPid(file: string): Promise<number | undefined> {
  const pid = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export async function acquireLock(file: string): Promise<() => Promise<void>> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(tmp, file);
        return async () => {
          // Only our own lock is ours to remove.
          if ((await readPid(file)) === process.pid) await rm(file, { force: true });
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const pid = await readPid(file);
        if (pid !== undefined && pid !== process.pid && alive(pid)) throw new LockHeldError(file, pid);
        await rm(file, { force: true });
      }
    }
    throw new LockHeldError(file, (await readPid(file)) ?? -1);
  } finally {
    await rm(tmp, { force: true });
  }
}
