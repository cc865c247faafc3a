// The cluster stage alone, for `digest cluster`: articles in, topics out, with the same optional embeddings
// (and embeddings cache) as `digest run`.

import { embeddingText } from '../cluster/embedding-text.js';
import { clusterArticles, type ClusterInput } from '../cluster/cluster-articles.js';
import { loadModelConfig } from '../model/model-config.js';
import type { Topic } from '../types.js';
import type { AppIo } from './app-io.js';
import { composeEmbedder, createAppContext, workspaceOf } from './compose-app.js';

export interface ClusterJobOptions {
  threshold?: number;
  /** Add dense similarity when DIGEST_EMBEDDINGS_MODEL is set (--no-embeddings: never). */
  embeddings: boolean;
}

export async function clusterJob(
  articles: ClusterInput[],
  opts: ClusterJobOptions,
  io: AppIo,
): Promise<{ topics: Topic[]; ms: number; dense: boolean }> {
  let dense: number[][] | undefined;
  if (opts.embeddings) {
    const ctx = createAppContext(io);
    const config = loadModelConfig(ctx.env);
    const embedder = composeEmbedder(ctx, config, workspaceOf(ctx, undefined, config));
    if (embedder && articles.length) dense = await embedder.embed(articles.map(embeddingText));
  }
  const t0 = performance.now();
  const topics = clusterArticles(articles, { threshold: opts.threshold, dense });
  return { topics, ms: performance.now() - t0, dense: dense !== undefined };
}
