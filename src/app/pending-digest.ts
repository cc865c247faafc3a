// A digest on disk whose run did not finish (the disk filled, the process was killed after the write): what the
// next run needs to complete it — record its stories in the ledger, draw its cover, write its report — instead of
// skipping the day because the file exists. Kept in the state folder (pending/<date>.json) from just before the
// digest is written until its report is.

import { rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { describeZodError } from '../errors.js';
import type { RunReport } from '../pipeline/run-report.js';
import type { Article, Topic } from '../types.js';
import { readStateFile, type StateWarning } from '../util/read-state-file.js';
import { writeFileAtomic } from '../util/write-atomic.js';

export interface PendingDigest {
  version: 1;
  date: string;
  /** The digest file it belongs to. */
  output: string;
  written: { topic: Topic; title: string }[];
  /** The articles the written topics cite. */
  articles: Article[];
  report: RunReport;
}

const PendingSchema = z.object({
  version: z.literal(1),
  date: z.string(),
  output: z.string(),
  written: z.array(
    z.object({
      topic: z
        .object({ id: z.string(), articleIds: z.array(z.string()), representativeId: z.string(), keywords: z.array(z.string()) })
        .loose(),
      title: z.string(),
    }),
  ),
  articles: z.array(z.object({ id: z.string(), url: z.string(), title: z.string(), text: z.string() }).loose()),
  report: z.object({ reportVersion: z.number(), status: z.string() }).loose(),
});

export function pendingFile(pendingDir: string, date: string): string {
  return path.join(pendingDir, `${date}.json`);
}

export async function writePending(file: string, p: PendingDigest): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(p));
}

export async function readPending(file: string, warn: (w: StateWarning) => void): Promise<PendingDigest | undefined> {
  return readStateFile(
    file,
    (text) => {
      const r = PendingSchema.safeParse(JSON.parse(text));
      if (!r.success) throw new Error(describeZodError(r.error));
      return r.data as unknown as PendingDigest;
    },
    warn,
  );
}

export async function clearPending(file: string): Promise<void> {
  await rm(file, { force: true });
}
