// What conditional GET needs to remember between runs: per feed URL the validators (ETag, Last-Modified) and
// the last body, so that a 304 hands the stored bytes back to the parser (the window decides what is new).
//
// Layout (in the state folder, see src/app/workspace.ts):
//   http-cache.json                 { "version": 1, "feeds": { "<feed URL>": { etag?, lastModified?, contentType?, finalUrl, storedAt, body } } }
//   http-bodies/<sha1(url)>.body    the last 200 body, decompressed, as received

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { readStateFile, type StateWarning } from '../util/read-state-file.js';
import { writeFileAtomic } from '../util/write-atomic.js';

const EntrySchema = z.object({
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  contentType: z.string().optional(),
  finalUrl: z.string(),
  storedAt: z.string(),
  /** File name of the stored body, relative to the bodies folder. */
  body: z.string().regex(/^[0-9a-f]{40}\.body$/),
});
const StateSchema = z.object({ version: z.literal(1), feeds: z.record(z.string(), EntrySchema) });

export type HttpStateEntry = z.infer<typeof EntrySchema>;
export type HttpState = z.infer<typeof StateSchema>;

/** Parses the state file; throws a ZodError/SyntaxError when it is not ours (it is then moved aside). */
export function parseHttpState(text: string): HttpState {
  return StateSchema.parse(JSON.parse(text));
}

export interface StoredResponse {
  entry: HttpStateEntry;
  body: Uint8Array;
}

export interface HttpStateStore {
  get(url: string): Promise<StoredResponse | undefined>;
  put(url: string, entry: Omit<HttpStateEntry, 'body' | 'storedAt'>, body: Uint8Array): Promise<void>;
  readonly file: string;
}

export function createHttpStateStore(file: string, options: { now?: () => Date; warn?: (w: StateWarning) => void } = {}): HttpStateStore {
  const bodiesDir = path.join(path.dirname(file), 'http-bodies');
  const now = options.now ?? (() => new Date());
  let loaded: Promise<HttpState> | undefined;
  // Writes are chained so concurrent fetches never interleave two renames of the same file.
  let writing: Promise<void> = Promise.resolve();

  const load = (): Promise<HttpState> =>
    (loaded ??= readStateFile(file, parseHttpState, options.warn ?? (() => {}), now).then(
      (state) => state ?? { version: 1 as const, feeds: {} },
    ));

  return {
    file,
    async get(url) {
      const state = await load();
      const entry = state.feeds[url];
      if (!entry) return undefined;
      try {
        return { entry, body: new Uint8Array(await readFile(path.join(bodiesDir, entry.body))) };
      } catch {
        return undefined; // body gone: behave as if we had never fetched it
      }
    },
    async put(url, fields, body) {
      const state = await load();
      const name = `${createHash('sha1').update(url).digest('hex')}.body`;
      const entry: HttpStateEntry = { ...fields, body: name, storedAt: now().toISOString() };
      const write = async (): Promise<void> => {
        await writeFileAtomic(path.join(bodiesDir, name), body);
        state.feeds[url] = entry;
        await writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`);
      };
      writing = writing.then(write, write);
      await writing;
    },
  };
}
