// Two runs never overlap: a lock file holding the owner's pid, created exclusively. A lock whose process is
// gone (a crash, a kill -9) is stale and taken over, so a dead run never blocks the next night.

import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
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

export async function acquireLock(file: string): Promise<() => Promise<void>> {
  await mkdir(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx' });
      return async () => {
        await rm(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new LockHeldError(file, pid);
      await rm(file, { force: true });
    }
  }
  throw new LockHeldError(file, -1);
}
