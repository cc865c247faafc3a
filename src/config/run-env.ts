// The run's own settings from the environment (the model's are in src/model/model-config.ts).

import { z } from 'zod';
import { GROUNDING_POLICIES } from '../write/ground-entry.js';
import { parseEnv, type Env } from './read-env.js';

const RunEnvSchema = z.object({
  DIGEST_CUTOFF: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (Asia/Taipei), e.g. 06:45')
    .default('06:45'),
  DIGEST_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  DIGEST_COVER: z.enum(['generate', 'off'], { error: 'must be "generate" or "off"' }).default('generate'),
  DIGEST_COVER_DIR: z.string().min(1).optional(),
  /** Where the job keeps its state between runs (default `<out>/.digest-state`). */
  DIGEST_STATE_DIR: z.string().min(1).optional(),
  /** Entries in the digest at most (overrides selection.yaml's maxEntries; --max-entries wins). */
  DIGEST_MAX_ENTRIES: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(500, 'must be at most 500')
    .optional(),
  /** Numbers and names no article supports: warn, repair (one repair call, then trim) or strict (also drop). */
  DIGEST_GROUNDING: z.enum(GROUNDING_POLICIES, { error: 'must be warn, repair or strict' }).default('repair'),
  /** Hosts or CIDRs that redirects and full-text pages may reach although they are private (comma-separated). */
  DIGEST_FETCH_ALLOW: z.string().optional(),
});

export type RunEnv = z.infer<typeof RunEnvSchema>;

export function parseRunEnv(env: Env): RunEnv {
  return parseEnv(RunEnvSchema, env);
}
