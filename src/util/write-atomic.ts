// A crash (or a kill) never leaves a half-written file: write a temp file beside the target, flush it, rename.

import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { isProcessAlive } from './process-alive.js';

export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(content);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw asWriteError(err, file);
  }
}

/** The system error, named after the file the caller wanted written (not our temp file), with the cause kept. */
function asWriteError(err: unknown, file: string): NodeJS.ErrnoException {
  const code = (err as NodeJS.ErrnoException).code;
  if (!code) return err as NodeJS.ErrnoException;
  return Object.assign(new Error(`cannot write ${file} (${code})`, { cause: err }), { code, path: file, syscall: 'write' });
}

const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes what killed runs left behind: our temp files (`.<name>.<pid>.<hex>.tmp`) whose process is gone. Run at
 * start for the folders a run writes, so Hugo never publishes a `static/images/.*.tmp`.
 */
export async function removeStaleTempFiles(
  dir: string,
  isAlive: (pid: number) => boolean = (pid) => pid === process.pid || isProcessAlive(pid),
): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || isAlive(Number(m[1]))) continue;
    await rm(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}
