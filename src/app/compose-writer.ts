// The writer a run gets, by mode (see run-mode.ts): the model writer over the openai adapter with the answer cache
// (and the recording in `record`), the recorded answers of a day (dry run), or the offline writer.

import path from 'node:path';
import { createAnswerCache, readReplayStore, type AnswerStore, type ReplayStore } from '../model/answer-store.js';
import type { ChatClient, ModelLog } from '../model/chat-client.js';
import { describeModelConfig, type ModelConfig, type PriceTable } from '../model/model-config.js';
import { createOpenAiChat } from '../model/openai-chat.js';
import { readProfileStore } from '../model/profile-store.js';
import type { DigestWriter, WriterName } from '../types.js';
import type { StateWarning } from '../util/read-state-file.js';
import type { GroundingPolicy } from '../write/ground-entry.js';
import { createModelWriter } from '../write/model-writer.js';
import { writeOffline } from '../write/offline-writer.js';
import { readPrompts } from '../write/prompt-template.js';
import type { ModeTraits } from './run-mode.js';
import type { Workspace } from './workspace.js';

export interface WriterSetup {
  traits: ModeTraits;
  /** --offline: the extractive writer, whatever else is configured. */
  offline: boolean;
  config: ModelConfig;
  /** `modelProfileFile`: what model servers were found to need, kept across runs (in memory when absent). */
  workspace: Pick<Workspace, 'answerCacheDir'> & Partial<Pick<Workspace, 'modelProfileFile'>>;
  /** The recorded day: answers are read from (dry run) or saved to (record) its answers/ folder. */
  fixtureDir?: string;
  log: ModelLog;
  /** --model: one model for every prompt. */
  model?: string;
  /** DIGEST_GROUNDING. */
  grounding?: GroundingPolicy;
  /** Defaults to the project's prompts/. */
  promptsDir?: string;
  sleep?: (ms: number) => Promise<void>;
  warn: (w: StateWarning) => void;
}

export interface WriterChoice {
  writer: DigestWriter;
  /** For the log line. */
  writerName: WriterName;
  /** Why the choice was made, for the log. */
  note: string;
  /** Where the writer's answers come from, for other prompts of the run (the triage); absent for the offline writer. */
  sources?: AnswerSources;
}

export interface AnswerSources {
  chat?: ChatClient;
  cache?: AnswerStore;
  replay?: ReplayStore;
  record?: AnswerStore;
  prices: PriceTable;
  log: ModelLog;
  /** Default model and per-prompt overrides. */
  models: { default: string; byPrompt: Record<string, string> };
  promptsDir?: string;
}

/** Answers of a recorded day live here. */
export function answersDir(fixtureDir: string): string {
  return path.join(fixtureDir, 'answers');
}

/** The cache namespace of a mode: experiments on a recorded day (live-model) never share the nightly job's. */
function cacheDirFor(s: WriterSetup): string | undefined {
  const dir = s.workspace.answerCacheDir;
  if (!dir) return undefined;
  return s.traits.feeds === 'fixtures' ? path.join(dir, 'recorded-days') : dir;
}

export async function composeWriter(s: WriterSetup): Promise<WriterChoice> {
  if (s.offline) return { writer: writeOffline, writerName: 'offline', note: '--offline' };
  const config = s.config;
  const models = s.model
    ? { default: s.model, byPrompt: { entry: s.model, frame: s.model } }
    : { default: config.model, byPrompt: config.modelByPrompt };
  const prompts = await readPrompts(s.promptsDir);
  const base = {
    offline: writeOffline,
    prompts,
    concurrency: config.concurrency,
    log: s.log,
    models,
    prices: config.prices,
    grounding: s.grounding,
  };

  if (s.traits.answers === 'recording') {
    if (!s.fixtureDir) throw new TypeError('composeWriter: replaying answers needs the recorded day');
    const replay = await readReplayStore(answersDir(s.fixtureDir));
    return {
      writer: createModelWriter({ ...base, replay }),
      writerName: replay.size ? 'replay' : 'offline',
      note: replay.size ? `${replay.size} recorded answers; the offline writer where none matches` : 'no recorded answers; offline writer',
      sources: replay.size ? { replay, prices: config.prices, log: s.log, models, promptsDir: s.promptsDir } : undefined,
    };
  }
  if (!config.apiKey && !config.baseUrl && !config.azure)
    return { writer: writeOffline, writerName: 'offline', note: 'no OPENAI_API_KEY or OPENAI_BASE_URL; offline writer' };
  if (s.traits.records && !s.fixtureDir) throw new TypeError('composeWriter: record needs the fixture folder');
  const profiles = s.workspace.modelProfileFile
    ? await readProfileStore(s.workspace.modelProfileFile, { warn: s.warn, log: s.log })
    : undefined;
  const chat = createOpenAiChat({ ...config, model: models.default }, { log: s.log, sleep: s.sleep, profiles });
  s.log.info({ model: describeModelConfig(config) }, 'model writer configured');
  const cacheDir = cacheDirFor(s);
  const cache = cacheDir ? createAnswerCache(cacheDir, { warn: s.warn }) : undefined;
  const record = s.traits.records ? createAnswerCache(answersDir(s.fixtureDir!)) : undefined;
  return {
    writer: createModelWriter({ ...base, chat, cache, record }),
    writerName: 'model',
    note: `model ${models.default}${config.azure ? ` at ${config.azure.endpoint} (Azure)` : config.baseUrl ? ` at ${config.baseUrl}` : ''}`,
    sources: { chat, cache, record, prices: config.prices, log: s.log, models, promptsDir: s.promptsDir },
  };
}
