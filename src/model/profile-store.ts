// What the model servers were found to need, remembered across runs in <state>/model-profile.json, keyed by base URL
// and model: the night after a server refused `max_tokens` or `temperature`, asked for JSON mode or showed a 4096
// window starts with the answer and wastes no call. It is our state, not the user's: a corrupt file is moved aside
// with a warning (src/util/read-state-file.ts), written atomically, and a failed write never costs the digest.

import { z } from 'zod';
import { describeZodIssue } from '../errors.js';
import { readStateFile, type StateWarning } from '../util/read-state-file.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import type { ModelLog } from './chat-client.js';
import { MODEL_FAMILIES, SERVER_KINDS, type LearnedProfile } from './model-profile.js';

const LearnedSchema = z.object({
  server: z.enum(SERVER_KINDS).optional(),
  family: z.enum(MODEL_FAMILIES).optional(),
  tokenParam: z.enum(['max_tokens', 'max_completion_tokens']).optional(),
  temperature: z.boolean().optional(),
  efforts: z.array(z.string()).optional(),
  jsonMode: z.enum(['json_schema', 'json_object', 'prompt']).optional(),
  extraBody: z.record(z.string(), z.unknown()).optional(),
  dropFields: z.array(z.string()).optional(),
  maxOutput: z.number().int().positive().optional(),
  contextTokens: z.number().int().positive().optional(),
  reasoningBudget: z.boolean().optional(),
  outputScale: z.record(z.string(), z.number().min(1).max(16)).optional(),
  confirmed: z.boolean().optional(),
  updatedAt: z.string().optional(),
});

const ProfileFileSchema = z.object({ version: z.literal(1), models: z.record(z.string(), LearnedSchema) });

export interface ProfileStore {
  /** What was learnt for a key (empty when nothing). */
  get(key: string): LearnedProfile;
  /** Merges a patch and saves it (in the background, writes in order). */
  update(key: string, patch: LearnedProfile): void;
  /** Waits for the pending writes. */
  flush(): Promise<void>;
}

/** The key of a model on a server: one base URL can serve several models with different needs. */
export function profileKey(baseUrl: string, model: string): string {
  return `${baseUrl.replace(/\/+$/, '')} ${model}`;
}

export function parseProfileFile(text: string): Record<string, LearnedProfile> {
  const r = ProfileFileSchema.safeParse(JSON.parse(text));
  if (!r.success) throw new Error(`not a model profile file (${describeZodIssue(r.error.issues[0]!)})`);
  return r.data.models as Record<string, LearnedProfile>;
}

function createStore(
  models: Record<string, LearnedProfile>,
  save: ((text: string) => Promise<void>) | undefined,
  log?: ModelLog,
): ProfileStore {
  let pending: Promise<void> = Promise.resolve();
  return {
    get: (key) => ({ ...models[key] }),
    update(key, patch) {
      const merged: LearnedProfile & { updatedAt?: string } = { ...models[key], ...patch, updatedAt: new Date().toISOString() };
      if (patch.outputScale) merged.outputScale = { ...models[key]?.outputScale, ...patch.outputScale };
      if (patch.extraBody) merged.extraBody = { ...models[key]?.extraBody, ...patch.extraBody };
      models[key] = merged;
      if (!save) return;
      const text = `${JSON.stringify({ version: 1, models }, null, 2)}\n`;
      pending = pending.then(() =>
        save(text).catch((err: unknown) => {
          log?.warn({ err: (err as Error).message }, 'could not save the model profile; the next run learns it again');
        }),
      );
    },
    flush: () => pending,
  };
}

/** A store that forgets at the end of the run (tests, or no state folder). */
export function memoryProfileStore(initial: Record<string, LearnedProfile> = {}): ProfileStore {
  return createStore({ ...initial }, undefined);
}

export async function readProfileStore(file: string, options: { warn: (w: StateWarning) => void; log?: ModelLog }): Promise<ProfileStore> {
  const models = (await readStateFile(file, parseProfileFile, options.warn)) ?? {};
  return createStore(models, (text) => writeFileAtomic(file, text), options.log);
}
