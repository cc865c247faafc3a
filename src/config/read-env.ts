// The one environment reader. Settings come from the process environment over the working directory's `.env`
// (read into an object, never into process.env; the real environment wins). A blank value (`OPENAI_MODEL=` as
// in a copied .env.example) means unset, and values are trimmed, for every variable alike.

import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import type { z } from 'zod';
import { ConfigError, describeZodIssue } from '../errors.js';

export type Env = Record<string, string | undefined>;

/** The process environment over `<cwd>/.env` (if any). */
export function loadEnvFile(cwd: string, env: Env): Env {
  const file = path.join(cwd, '.env');
  if (!existsSync(file)) return { ...env };
  let text: Buffer;
  try {
    if (!statSync(file).isFile()) throw new Error('not a regular file');
    text = readFileSync(file);
  } catch (err) {
    throw new ConfigError(
      `${file}: cannot read the settings file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); make .env a text file of NAME=value lines, or remove it`,
      { cause: err },
    );
  }
  return { ...dotenv.parse(text), ...env };
}

/** Set variables only: blank values dropped, the others trimmed. */
export function setVariables(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v.trim() !== '') out[k] = v.trim();
  return out;
}

/** The variables `schema` knows, parsed; a bad value is a ConfigError naming the variable. */
export function parseEnv<S extends z.ZodObject>(schema: S, env: Env): z.output<S> {
  const known = Object.fromEntries(Object.entries(setVariables(env)).filter(([k]) => k in schema.shape));
  const r = schema.safeParse(known);
  if (!r.success) throw new ConfigError(`environment variable ${describeZodIssue(r.error.issues[0]!)}`, { cause: r.error });
  return r.data;
}

/** A variable holding JSON, parsed and validated; `expected` says in the error what to write. */
export function parseJsonVariable<S extends z.ZodType>(
  name: string,
  text: string | undefined,
  schema: S,
  expected: string,
): z.output<S> | undefined {
  if (!text) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`environment variable ${name}: not JSON; ${expected}`, { cause: err });
  }
  const r = schema.safeParse(raw);
  if (!r.success)
    throw new ConfigError(`environment variable ${name}: ${describeZodIssue(r.error.issues[0]!, 'value')}; ${expected}`, {
      cause: r.error,
    });
  return r.data;
}
