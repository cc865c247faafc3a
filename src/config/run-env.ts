// The run's own settings from the environment (the model's are in src/model/model-config.ts).
// `.env` is read into an object, never into process.env, and the real environment wins over it.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { z } from 'zod';
import { ConfigError } from '../errors.js';

const RunEnvSchema = z.object({
  DIGEST_CUTOFF: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (Asia/Taipei), e.g. 06:45')
    .default('06:45'),
  DIGEST_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
  DIGEST_COVER: z.enum(['generate', 'off'], { error: 'must be "generate" or "off"' }).default('generate'),
  DIGEST_COVER_DIR: z.string().min(1).optional(),
});

export type RunEnv = z.infer<typeof RunEnvSchema>;

/** The process environment over the project's `.env` (if any). */
export function loadEnvFile(cwd: string, env: Record<string, string | undefined>): Record<string, string | undefined> {
  const file = path.join(cwd, '.env');
  if (!existsSync(file)) return { ...env };
  const parsed = dotenv.parse(readFileSync(file));
  return { ...parsed, ...env };
}

export function parseRunEnv(env: Record<string, string | undefined>): RunEnv {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const r = RunEnvSchema.safeParse(clean);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new ConfigError(`environment variable ${issue.path.join('.')}: ${issue.message}`, { cause: r.error });
  }
  return r.data;
}
