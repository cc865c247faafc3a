// The one place for paths: where the digest goes and where the job keeps its state between runs. Every command
// resolves them here, so `run`, `record`, `collect`, `feeds` and `cluster` share one state folder and one layout:
//
//   <state>/                 DIGEST_STATE_DIR, default <out>/.digest-state (out: --out, default `output`)
//     run.lock               the lock against overlapping runs
//     stories.json           cross-day story memory
//     http-cache.json        conditional-GET validators, with the last bodies in http-bodies/
//     model-cache/           content-addressed model answers (DIGEST_MODEL_CACHE_DIR moves or disables it)
//     embeddings/            content-addressed embeddings
//     model-profile.json     what the model server was found to need (parameters it rejects, JSON mode)
//     pending/<date>.json    a digest written whose ledger and report are not yet: the next run completes it

import path from 'node:path';
import type { ModelConfig } from '../model/model-config.js';
import type { RunEnv } from '../config/run-env.js';

export const DEFAULT_OUT = 'output';

export interface Workspace {
  cwd: string;
  outDir: string;
  stateDir: string;
  lockFile: string;
  ledgerFile: string;
  httpCacheFile: string;
  /** null: the answer cache is off. */
  answerCacheDir: string | null;
  embeddingsCacheDir: string;
  modelProfileFile: string;
  pendingDir: string;
}

export function resolveWorkspace(o: {
  cwd: string;
  out?: string;
  runEnv: Pick<RunEnv, 'DIGEST_STATE_DIR'>;
  model?: Pick<ModelConfig, 'cacheDir'>;
}): Workspace {
  const outDir = path.resolve(o.cwd, o.out ?? DEFAULT_OUT);
  const stateDir = path.resolve(o.cwd, o.runEnv.DIGEST_STATE_DIR ?? path.join(outDir, '.digest-state'));
  const cacheDir = o.model?.cacheDir;
  return {
    cwd: o.cwd,
    outDir,
    stateDir,
    lockFile: path.join(stateDir, 'run.lock'),
    ledgerFile: path.join(stateDir, 'stories.json'),
    httpCacheFile: path.join(stateDir, 'http-cache.json'),
    answerCacheDir: cacheDir === null ? null : cacheDir ? path.resolve(o.cwd, cacheDir) : path.join(stateDir, 'model-cache'),
    embeddingsCacheDir: path.join(stateDir, 'embeddings'),
    modelProfileFile: path.join(stateDir, 'model-profile.json'),
    pendingDir: path.join(stateDir, 'pending'),
  };
}

/** A path as the user would type it: relative to the working directory when inside it. */
export function displayPath(ws: Pick<Workspace, 'cwd'>, p: string): string {
  const rel = path.relative(ws.cwd, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}
