// Builds the model writer's adapters for a run mode, so the composition root needs one call:
//   live     the model (OPENAI_*), the answer cache; offline writer when no model is configured
//   record   as live, and every answer used also saved under fixtures/<date>/answers/
//   dry-run  no model and no network: recorded answers from fixtures/<date>/answers/, the offline writer elsewhere

import path from 'node:path';
import { createAnswerCache, createAnswerRecorder, readReplayStore } from '../model/answer-store.js';
import type { ModelLog } from '../model/chat-client.js';
import { describeModelConfig, loadModelConfig, type ModelConfig } from '../model/model-config.js';
import { createOpenAiChat } from '../model/openai-chat.js';
import type { DigestWriter } from '../types.js';
import { createModelWriter } from './model-writer.js';
import { readPrompts } from './prompt-template.js';

export interface ModelWriterSetup {
  mode: 'live' | 'record' | 'dry-run';
  env: Record<string, string | undefined>;
  /** Relative paths (DIGEST_MODEL_CACHE_DIR) are resolved against it. */
  cwd: string;
  /** fixtures/<date>/: record saves answers under answers/ there; a dry run reads them from there. */
  fixtureDir?: string;
  offline: DigestWriter;
  log: ModelLog;
  /** --model: one model for every prompt. */
  model?: string;
  /** --concurrency */
  concurrency?: number;
  /** Defaults to the project's prompts/. */
  promptsDir?: string;
}

export interface ModelWriterChoice {
  writer: DigestWriter;
  /** For the log line: `model`, `replay` or `offline`. */
  writerName: 'model' | 'replay' | 'offline';
  /** Why the choice was made, for the log. */
  note: string;
  config: ModelConfig;
}

/** Answers of a recorded day live here. */
export function answersDir(fixtureDir: string): string {
  return path.join(fixtureDir, 'answers');
}

export async function setupModelWriter(o: ModelWriterSetup): Promise<ModelWriterChoice> {
  const config = loadModelConfig(o.env);
  if (o.concurrency !== undefined) config.concurrency = o.concurrency;
  const models = o.model
    ? { default: o.model, byPrompt: { entry: o.model, frame: o.model } }
    : { default: config.model, byPrompt: config.modelByPrompt };
  const prompts = await readPrompts(o.promptsDir);
  const base = { offline: o.offline, prompts, concurrency: config.concurrency, log: o.log, models, prices: config.prices };

  if (o.mode === 'dry-run') {
    if (!o.fixtureDir) throw new TypeError('setupModelWriter: a dry run needs fixtureDir');
    const replay = await readReplayStore(answersDir(o.fixtureDir));
    return {
      writer: createModelWriter({ ...base, replay }),
      writerName: replay.size ? 'replay' : 'offline',
      note: replay.size ? `${replay.size} recorded answers; the offline writer where none matches` : 'no recorded answers; offline writer',
      config,
    };
  }

  if (!config.apiKey && !config.baseUrl) {
    return { writer: o.offline, writerName: 'offline', note: 'no OPENAI_API_KEY or OPENAI_BASE_URL; offline writer', config };
  }
  if (o.mode === 'record' && !o.fixtureDir) throw new TypeError('setupModelWriter: record needs fixtureDir');
  const chat = createOpenAiChat({ ...config, model: models.default }, { log: o.log });
  o.log.info({ model: describeModelConfig(config) }, 'model writer configured');
  return {
    writer: createModelWriter({
      ...base,
      chat,
      cache: config.cacheDir ? createAnswerCache(path.resolve(o.cwd, config.cacheDir)) : undefined,
      record: o.mode === 'record' ? createAnswerRecorder(answersDir(o.fixtureDir!)) : undefined,
    }),
    writerName: 'model',
    note: `model ${models.default}${config.baseUrl ? ` at ${config.baseUrl}` : ''}`,
    config,
  };
}
