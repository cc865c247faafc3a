// Optional dense vectors for clustering, from any OpenAI-compatible /embeddings endpoint. The sparse path is the
// default and stands on its own; this is used only when DIGEST_EMBEDDINGS_MODEL is set.
//
// Answers are cached on disk, content-addressed (sha256 of model + text), so a re-run of the same day costs nothing.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import OpenAI from 'openai';
import { z } from 'zod';
import { ConfigError, DigestError } from '../errors.js';
import { writeFileAtomic } from '../util/write-atomic.js';

/** The one thing clustering needs from an embeddings model. */
export interface Embedder {
  /** One vector per text, in order. */
  embed(texts: readonly string[]): Promise<number[][]>;
}

export interface OpenAIEmbedderOptions {
  model: string;
  apiKey: string;
  baseURL?: string;
  /** Where answers are cached (one small file per text); no cache when absent. */
  cacheDir?: string;
  /** Texts per request. */
  batchSize?: number;
  timeoutMs?: number;
  /** Attempts after the first (the SDK's own retry, which honours Retry-After). */
  maxRetries?: number;
}

const EmbeddingsEnvSchema = z.object({
  DIGEST_EMBEDDINGS_MODEL: z.string().min(1).optional(),
  DIGEST_EMBEDDINGS_BASE_URL: z.url({ error: 'must be an http(s) URL such as https://api.openai.com/v1' }).optional(),
  DIGEST_EMBEDDINGS_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url({ error: 'must be an http(s) URL such as https://api.openai.com/v1' }).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
});

/**
 * The embedder the environment configures, or undefined when DIGEST_EMBEDDINGS_MODEL is unset. Base URL and key
 * default to the chat model's (OPENAI_BASE_URL, OPENAI_API_KEY).
 */
export function embedderFromEnv(env: Record<string, string | undefined>, cacheDir?: string): Embedder | undefined {
  const clean = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in EmbeddingsEnvSchema.shape && v !== undefined && v !== ''));
  const parsed = EmbeddingsEnvSchema.safeParse(clean);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`environment variable ${issue.path.join('.')}: ${issue.message}`, { cause: parsed.error });
  }
  const e = parsed.data;
  if (!e.DIGEST_EMBEDDINGS_MODEL) return undefined;
  const apiKey = e.DIGEST_EMBEDDINGS_API_KEY ?? e.OPENAI_API_KEY;
  if (!apiKey) throw new ConfigError('DIGEST_EMBEDDINGS_MODEL is set but no key is: set DIGEST_EMBEDDINGS_API_KEY or OPENAI_API_KEY (or unset DIGEST_EMBEDDINGS_MODEL to cluster without embeddings)');
  return createOpenAIEmbedder({ model: e.DIGEST_EMBEDDINGS_MODEL, apiKey, baseURL: e.DIGEST_EMBEDDINGS_BASE_URL ?? e.OPENAI_BASE_URL, cacheDir });
}

export function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Embedder {
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    timeout: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 2,
  });
  const batchSize = options.batchSize ?? 64;
  const keyOf = (text: string) => createHash('sha256').update(`${options.model}\n${text}`).digest('hex');
  const fileOf = (key: string) => path.join(options.cacheDir!, key.slice(0, 2), `${key}.json`);

  return {
    async embed(texts) {
      const out: (number[] | undefined)[] = new Array(texts.length);
      const missing: number[] = [];
      if (options.cacheDir) {
        await Promise.all(
          texts.map(async (t, i) => {
            out[i] = await readCached(fileOf(keyOf(t)));
            if (!out[i]) missing.push(i);
          }),
        );
        missing.sort((a, b) => a - b);
      } else missing.push(...texts.keys());

      for (let start = 0; start < missing.length; start += batchSize) {
        const batch = missing.slice(start, start + batchSize);
        let res;
        try {
          res = await client.embeddings.create({ model: options.model, input: batch.map((i) => texts[i]!), encoding_format: 'float' });
        } catch (err) {
          throw new DigestError('EmbeddingsError', `the embeddings endpoint failed for model ${options.model}: ${(err as Error).message}; check DIGEST_EMBEDDINGS_* or unset DIGEST_EMBEDDINGS_MODEL to cluster without embeddings`, { cause: err });
        }
        const vectors = EmbeddingsAnswerSchema.safeParse(res);
        if (!vectors.success || vectors.data.data.length !== batch.length) {
          throw new DigestError('EmbeddingsError', `the embeddings endpoint answered ${vectors.success ? `${vectors.data.data.length} vectors for ${batch.length} texts` : 'in an unexpected shape'}`, { cause: vectors.error });
        }
        // The API may answer out of order; `index` says which input each vector belongs to.
        for (const item of vectors.data.data) {
          const i = batch[item.index]!;
          out[i] = item.embedding;
          if (options.cacheDir) await writeFileAtomic(fileOf(keyOf(texts[i]!)), JSON.stringify(item.embedding));
        }
      }
      return out.map((v, i) => {
        if (!v) throw new DigestError('EmbeddingsError', `no vector came back for text ${i}`);
        return v;
      });
    },
  };
}

const EmbeddingsAnswerSchema = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), embedding: z.array(z.number()).min(1) })),
});

async function readCached(file: string): Promise<number[] | undefined> {
  try {
    const v = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number') ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The text an article is embedded by: its title and the start of its text. */
export function embeddingText(article: { title: string; text?: string }): string {
  return article.text ? `${article.title}\n${article.text.slice(0, 500)}` : article.title;
}
