// What one model-writer run shares across its topics and its frame: the deps, the day, the warnings (each distinct
// message once), usage per stage, the offline fallback (computed once, only if needed), and the fatal error that
// stops further calls.

import type { AnswerStore, ReplayStore } from '../model/answer-store.js';
import type { ChatClient, ModelLog } from '../model/chat-client.js';
import { DEFAULT_PRICES, MODEL_ENV_DEFAULTS, modelForPrompt, type PriceTable } from '../model/model-config.js';
import type { ModelCallError } from '../model/model-errors.js';
import { zeroUsage } from '../model/model-usage.js';
import type { Article, DigestWriter, ModelUsage, Warning, WriteInput, WriteOutput, WriterName } from '../types.js';
import type { GroundingPolicy } from './ground-entry.js';
import type { AnswerDeps, AnswerSource } from './model-answer.js';
import { fitEntryMessages } from './model-entry.js';
import type { PromptSet, PromptTemplate } from './prompt-template.js';

export interface ModelWriterDeps {
  /** The model. Absent in a dry run: answers come from `replay`, and what it lacks from `offline`. */
  chat?: ChatClient;
  /** Content-addressed answer cache; a re-run with the same inputs makes no calls. */
  cache?: AnswerStore;
  /** A recorded day's answers (dry run). */
  replay?: ReplayStore;
  /** Record mode: every answer used (from the model or the cache) is saved here too. */
  record?: AnswerStore;
  /** Writes what the model cannot: topics without a recorded answer in a dry run, and the frame when its call fails. */
  offline: DigestWriter;
  prompts: PromptSet;
  /** Topics written at once. */
  concurrency: number;
  log: ModelLog;
  /** Default model and per-prompt overrides (OPENAI_MODEL, OPENAI_MODEL_<NAME>); defaults to chat.model. */
  models?: { default?: string; byPrompt?: Record<string, string> };
  /** USD per 1M tokens by model, for the cost estimate. */
  prices?: PriceTable;
  /** What to do with numbers and names no article supports (ground-entry.ts); default `repair`. */
  grounding?: GroundingPolicy;
}

export type Stage = 'entry' | 'frame';

export interface ModelWriteRun {
  deps: ModelWriterDeps;
  input: WriteInput;
  byId: ReadonlyMap<string, Article>;
  warnings: Warning[];
  usage: Record<Stage, ModelUsage>;
  /** Set after a fatal error (bad key, unknown model, no quota): every further call would fail the same way. */
  fatal?: ModelCallError;
  warn(code: string, message: string, topicId?: string): void;
  answerDeps(stage: Stage): AnswerDeps;
  modelFor(prompt: PromptTemplate): string;
  /** The offline writer over the whole day, run at most once. */
  offlineAll(): Promise<WriteOutput>;
}

export const writerOf = (s: AnswerSource): WriterName => (s === 'replay' ? 'replay' : 'model');

export function startModelWriteRun(deps: ModelWriterDeps, input: WriteInput): ModelWriteRun {
  const prices = deps.prices ?? DEFAULT_PRICES;
  const selection = {
    model: deps.models?.default ?? deps.chat?.model ?? MODEL_ENV_DEFAULTS.OPENAI_MODEL,
    modelByPrompt: deps.models?.byPrompt ?? {},
  };
  const warned = new Set<string>();
  let offlineRun: Promise<WriteOutput> | undefined;
  const run: ModelWriteRun = {
    deps,
    input,
    byId: new Map(input.articles.map((a) => [a.id, a])),
    warnings: [],
    usage: { entry: zeroUsage(), frame: zeroUsage() },
    warn(code, message, topicId) {
      // One warning per distinct message: 60 topics must not repeat "no price for model X" 60 times.
      if (warned.has(`${code}\n${message}`)) return;
      warned.add(`${code}\n${message}`);
      run.warnings.push(topicId ? { code, message, topicId } : { code, message });
    },
    answerDeps: (stage) => ({
      chat: deps.chat,
      cache: deps.cache,
      replay: deps.replay,
      record: deps.record,
      usage: run.usage[stage],
      prices,
      log: deps.log,
      warn: (code, message) => run.warn(code, message),
      // Entry prompts shrink by their fenced articles; the frame brings its own way (write-model-frame.ts).
      ...(stage === 'entry' ? { fit: fitEntryMessages } : {}),
    }),
    modelFor: (prompt) => modelForPrompt(selection, prompt.name, prompt.model),
    // Progress is ticked by the model writer per topic; the fallback must not tick them all again.
    offlineAll: () => (offlineRun ??= deps.offline({ ...input, onTopicDone: undefined })),
  };
  return run;
}
