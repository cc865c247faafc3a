// Answers on disk, one JSON file per key: the answer cache (model-cache/ in the state folder) and the recording of a
// day (fixtures/<date>/answers/) are the same format. Files are read through zod: a hand-edited or truncated file
// is reported with its path instead of poisoning a digest.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError, describeZodIssue } from '../errors.js';
import { readStateFile, type StateWarning } from '../util/read-state-file.js';
import { writeFileAtomic } from '../util/write-atomic.js';

export const StoredAnswerSchema = z.strictObject({
  key: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 hex key'),
  prompt: z.string().min(1),
  version: z.string().min(1),
  model: z.string().min(1),
  /** The validated answer object, before grounding and conversion (those are redone on every read). */
  answer: z.unknown(),
  usage: z.strictObject({ inputTokens: z.number().int().min(0), outputTokens: z.number().int().min(0) }),
});

export type StoredAnswer = z.infer<typeof StoredAnswerSchema>;

export interface AnswerStore {
  get(key: string): Promise<StoredAnswer | undefined>;
  put(answer: StoredAnswer): Promise<void>;
}

/** Parses one answer file; `file` only names it in the error. */
export function parseStoredAnswer(text: string, file: string): StoredAnswer {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${file}: not JSON (${(err as Error).message}); delete the file or record the day again`, { cause: err });
  }
  const r = StoredAnswerSchema.safeParse(raw);
  if (!r.success) {
    throw new ConfigError(
      `${file}: not a stored model answer (${describeZodIssue(r.error.issues[0]!)}); delete the file or record the day again`,
      { cause: r.error },
    );
  }
  return r.data;
}

export function serializeStoredAnswer(answer: StoredAnswer): string {
  return `${JSON.stringify(answer, null, 2)}\n`;
}

/**
 * A directory of `<key>.json` files: the answer cache, and the answers `digest record` saves for a day. A cache file
 * that cannot be parsed is state gone bad: moved aside with a warning (src/util/read-state-file.ts), then a miss.
 */
export function createAnswerCache(dir: string, options: { warn?: (w: StateWarning) => void } = {}): AnswerStore {
  const warn = options.warn ?? (() => {});
  const fileOf = (key: string) => path.join(dir, `${key}.json`);
  return {
    async get(key) {
      const a = await readStateFile(fileOf(key), (text) => parseStoredAnswer(text, fileOf(key)), warn);
      return a?.key === key ? a : undefined;
    },
    put: (answer) => writeFileAtomic(fileOf(answer.key), serializeStoredAnswer(answer)),
  };
}

/** The recorded answers of a day, loaded and validated up front. */
export interface ReplayStore {
  get(key: string): StoredAnswer | undefined;
  /** Models the recording used for a prompt, most used first: a dry run keys its lookups with them. */
  models(prompt: string): string[];
  readonly size: number;
}

export function createReplayStore(answers: StoredAnswer[]): ReplayStore {
  const byKey = new Map(answers.map((a) => [a.key, a]));
  const counts = new Map<string, Map<string, number>>();
  for (const a of answers) {
    const m = counts.get(a.prompt) ?? new Map<string, number>();
    m.set(a.model, (m.get(a.model) ?? 0) + 1);
    counts.set(a.prompt, m);
  }
  return {
    get: (key) => byKey.get(key),
    models: (prompt) =>
      [...(counts.get(prompt) ?? new Map<string, number>()).entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([m]) => m),
    size: byKey.size,
  };
}

/** Reads `fixtures/<date>/answers/`; a missing directory is an empty recording (the dry run goes offline). */
export async function readReplayStore(dir: string): Promise<ReplayStore> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return createReplayStore([]);
    throw new ConfigError(`${dir}: cannot read the recorded answers (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { cause: err });
  }
  const answers: StoredAnswer[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const a = parseStoredAnswer(await readFile(file, 'utf8'), file);
    if (`${a.key}.json` !== name)
      throw new ConfigError(`${file}: holds the answer for key ${a.key}, not for its file name; rename or delete it`);
    answers.push(a);
  }
  return createReplayStore(answers);
}
