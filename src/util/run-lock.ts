// Two runs never overlap: a lock file naming its owner (host, pid, the process's start time, when it was taken).
// It appears complete or not at all (written to a temp file, then hard-linked into place, which fails if the lock
// exists), so a competitor never reads it half-written.
// A lock is taken over when its owner is provably gone: the process is dead, or the pid now belongs to another
// process (its start time differs: pids are reused after a reboot or a long uptime), or the lock is older than the
// maximum age (a run never takes that long; also what decides for a lock written on another host). So a dead run
// never blocks the next night, and a live one is never disturbed.

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { DigestError } from '../errors.js';
import { isProcessAlive } from './process-alive.js';

/** A nightly run takes minutes; the service's own timeout is one hour. */
export const LOCK_MAX_AGE_MS = 3 * 3600_000;

export class LockHeldError extends DigestError {
  constructor(
    file: string,
    readonly pid: number,
  ) {
    super(
      'LockHeldError',
      `another digest run (pid ${pid}) holds ${file}; wait for it to finish, or remove the file if that process is not a digest run`,
    );
  }
}

export interface LockOwner {
  host: string;
  pid: number;
  /** The process's start time as the kernel counts it (Linux /proc/<pid>/stat), to tell a reused pid apart. */
  processStart?: string;
  /** When the lock was taken (ISO). */
  takenAt: string;
}

export interface HeldLock {
  release: () => Promise<void>;
  /** Set when a stale lock was taken over: whose, and why (for the run report). */
  tookOver?: string;
}

/** Field 22 of /proc/<pid>/stat (after the parenthesised command name, which may hold spaces). */
export function processStartOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** The owner recorded in a lock file; a bare pid is an older lock format. */
export function parseLockOwner(text: string): LockOwner | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t)) return { host: hostname(), pid: Number(t), takenAt: '' };
  try {
    const o = JSON.parse(t) as Partial<LockOwner>;
    if (typeof o.pid === 'number' && Number.isInteger(o.pid) && o.pid > 0 && typeof o.host === 'string') {
      return {
        host: o.host,
        pid: o.pid,
        takenAt: typeof o.takenAt === 'string' ? o.takenAt : '',
        ...(typeof o.processStart === 'string' ? { processStart: o.processStart } : {}),
      };
    }
  } catch {
    // not ours, or from a crash of a writer that predates the link-into-place: stale
  }
  return undefined;
}

/** Why the lock's owner is gone, or undefined when it may still be running. */
export function staleReason(owner: LockOwner | undefined, ageMs: number, maxAgeMs: number): string | undefined {
  if (!owner) return 'the lock file is unreadable';
  if (ageMs > maxAgeMs) return `the lock is ${Math.round(ageMs / 60_000)} minutes old (more than ${Math.round(maxAgeMs / 60_000)})`;
  if (owner.host !== hostname()) return undefined;
  if (owner.pid === process.pid) return 'it names this process';
  if (!isProcessAlive(owner.pid)) return `process ${owner.pid} is gone`;
  const now = processStartOf(owner.pid);
  if (owner.processStart && now && now !== owner.processStart) return `pid ${owner.pid} now belongs to another process`;
  return undefined;
}

export async function acquireLock(file: string, options: { maxAgeMs?: number; now?: () => Date } = {}): Promise<HeldLock> {
  const now = options.now ?? (() => new Date());
  await mkdir(path.dirname(file), { recursive: true });
  const me: LockOwner = {
    host: hostname(),
    pid: process.pid,
    takenAt: now().toISOString(),
    ...(processStartOf(process.pid) ? { processStart: processStartOf(process.pid)! } : {}),
  };
  const mine = `${JSON.stringify(me)}\n`;
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, mine);
  let tookOver: string | undefined;
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(tmp, file);
        return {
          tookOver,
          release: async () => {
            // Only our own lock is ours to remove.
            if ((await readFile(file, 'utf8').catch(() => '')) === mine) await rm(file, { force: true });
          },
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const text = await readFile(file, 'utf8').catch(() => '');
        const owner = parseLockOwner(text);
        const ageMs = await stat(file).then(
          (s) => now().getTime() - s.mtimeMs,
          () => 0,
        );
        const why = staleReason(owner, ageMs, options.maxAgeMs ?? LOCK_MAX_AGE_MS);
        if (!why) throw new LockHeldError(file, owner!.pid);
        tookOver = `took over the lock ${file} of ${owner ? `pid ${owner.pid} on ${owner.host}` : 'an unknown run'}: ${why}`;
        await rm(file, { force: true });
      }
    }
    throw new LockHeldError(file, parseLockOwner(await readFile(file, 'utf8').catch(() => ''))?.pid ?? -1);
  } finally {
    await rm(tmp, { force: true });
  }
}
