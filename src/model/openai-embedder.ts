// Optional dense vectors for clustering, from any OpenAI-compatible /embeddings endpoint. The sparse path is the
// default and stands on its own; this is used only when DIGEST_EMBEDDINGS_MODEL is set.
//
// Answers are cached on disk, content-addressed (sha256 of model + text), so a re-run of the same day costs nothing.
// Retries follow the project's one policy (src/util/retry-policy.ts), not the SDK's, which would obey any Retry-After.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import OpenAI, { APIConnectionError, APIError } from 'openai';
import { z } from 'zod';
import { DigestError } from '../errors.js';
import type { Embedder } from '../types.js';
import { isRetryableStatus, parseRetryAfter, realSleep, retryDelayMs, type RetryPolicy } from '../util/retry-policy.js';
import { writeFileAtomic } from '../util/write-atomic.js';

export interface OpenAIEmbedderOptions {
  model: string;
  apiKey?: string;
  baseURL?: string;
  /** Where answers are cached (one small file per text); no cache when absent. */
  cacheDir?: string;
  /** Texts per request. */
  batchSize?: number;
  timeoutMs?: number;
  /** Attempts after the first, on network errors, 408/409/429 and 5xx (default 2). */
  maxRetries?: number;
  /** Replaceable so tests never wait through a real backoff. */
  sleep?: (ms: number) => Promise<void>;
}

export function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Embedder {
  const client = new OpenAI({
    // Local servers need no key, but the SDK insists on one.
    apiKey: options.apiKey ?? 'no-key',
    baseURL: options.baseURL,
    timeout: options.timeoutMs ?? 30_000,
    maxRetries: 0,
  });
  const policy: RetryPolicy = { maxRetries: options.maxRetries ?? 2, baseDelayMs: 1_000, capMs: 30_000 };
  const sleep = options.sleep ?? realSleep;
  const request = async (input: string[]) => {
    for (let retry = 0; ; retry++) {
      try {
        return await client.embeddings.create({ model: options.model, input, encoding_format: 'float' });
      } catch (err) {
        const retryable =
          err instanceof APIConnectionError || (err instanceof APIError && typeof err.status === 'number' && isRetryableStatus(err.status));
        if (!retryable || retry >= policy.maxRetries) throw err;
        await sleep(retryDelayMs(retry, err instanceof APIError ? parseRetryAfter(err.headers, Date.now()) : undefined, policy));
      }
    }
  };
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
          res = await request(batch.map((i) => texts[i]!));
        } catch (err) {
          throw new DigestError(
            'EmbeddingsError',
            `the embeddings endpoint failed for model ${options.model}: ${(err as Error).message}; check DIGEST_EMBEDDINGS_* or unset DIGEST_EMBEDDINGS_MODEL to cluster without embeddings`,
            { cause: err },
          );
        }
        const vectors = EmbeddingsAnswerSchema.safeParse(res);
        if (!vectors.success || vectors.data.data.length !== batch.length) {
          throw new DigestError(
            'EmbeddingsError',
            `the embeddings endpoint answered ${vectors.success ? `${vectors.data.data.length} vectors for ${batch.length} texts` : 'in an unexpected shape'}`,
            { cause: vectors.error },
          );
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
