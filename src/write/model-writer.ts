// The model writer: one structured call per topic (many small calls, never one giant one), then one call for the
// day's frame, which sees the written entries rather than the raw articles. A topic whose call fails is left out
// and reported; the digest goes on. A failed frame falls back to the offline writer's frame. In a dry run (no
// chat client) every answer comes from the recording, and a topic without one is written by the offline writer.

import pLimit from 'p-limit';
import type { AnswerStore, ReplayStore } from '../model/answer-store.js';
import type { ChatClient, ModelLog } from '../model/chat-client.js';
import { DEFAULT_PRICES, MODEL_ENV_DEFAULTS, modelForPrompt, type PriceTable } from '../model/model-config.js';
import { ModelCallError, ModelOutputError } from '../model/model-errors.js';
import { zeroUsage } from '../model/model-usage.js';
import type { DigestWriter, Entry, FailedTopic, Frame, Topic, Warning, WriteInput, WriteOutput } from '../types.js';
import { ConfigError, errorMessage } from '../errors.js';
import { answerPrompt, NoAnswerError, type AnswerDeps, type AnswerSource } from './model-answer.js';
import { checkEntryAnswer, entryPromptVars, EntryAnswerSchema, shortArticleIds, toEntry } from './model-entry.js';
import { checkFrameAnswer, frameContext, framePromptVars, FrameAnswerSchema, toFrame } from './model-frame.js';
import { findUngroundedNumbers } from './model-grounding.js';
import { renderPrompt, type PromptSet } from './prompt-template.js';
import { topicArticles } from './topic-sources.js';

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
}

type Writer = 'model' | 'replay' | 'offline';

const writerOf = (s: AnswerSource): Writer => (s === 'replay' ? 'replay' : 'model');

export function createModelWriter(deps: ModelWriterDeps): DigestWriter {
  const prices = deps.prices ?? DEFAULT_PRICES;
  const selection = { model: deps.models?.default ?? deps.chat?.model ?? MODEL_ENV_DEFAULTS.OPENAI_MODEL, modelByPrompt: deps.models?.byPrompt ?? {} };

  return async (input: WriteInput): Promise<WriteOutput> => {
    const warnings: Warning[] = [];
    const warned = new Set<string>();
    const warn = (code: string, message: string, topicId?: string) => {
      // One warning per distinct message: 60 topics must not repeat "no price for model X" 60 times.
      if (warned.has(`${code}\n${message}`)) return;
      warned.add(`${code}\n${message}`);
      warnings.push(topicId ? { code, message, topicId } : { code, message });
    };
    const usage = { entry: zeroUsage(), frame: zeroUsage() };
    const writers: WriteOutput['writers'] = { offline: 0, model: 0, replay: 0 };
    const failedTopics: FailedTopic[] = [];
    const byId = new Map(input.articles.map((a) => [a.id, a]));
    const stageDeps = (stage: 'entry' | 'frame'): AnswerDeps => ({
      chat: deps.chat,
      cache: deps.cache,
      replay: deps.replay,
      record: deps.record,
      usage: usage[stage],
      prices,
      log: deps.log,
      warn: (code, message) => warn(code, message),
    });

    let offlineRun: Promise<WriteOutput> | undefined;
    const offlineAll = () => (offlineRun ??= deps.offline(input));
    // After a fatal error (bad key, unknown model, no quota) every further call would fail the same way.
    let fatal: ModelCallError | undefined;

    const writeTopic = async (topic: Topic): Promise<{ entry: Entry; writer: Writer } | undefined> => {
      const members = topicArticles(topic, byId);
      if (members.length === 0) {
        failedTopics.push({ topicId: topic.id, reason: 'none of its articles is in the input' });
        return undefined;
      }
      if (fatal) {
        failedTopics.push({ topicId: topic.id, reason: `not attempted: ${fatal.message}` });
        return undefined;
      }
      const ids = shortArticleIds(members);
      const prompt = deps.prompts.entry;
      const messages = renderPrompt(prompt, entryPromptVars(input.date, topic, ids, { articleChars: prompt.articleChars, feeds: input.feeds }));
      try {
        const { value, source } = await answerPrompt(
          {
            label: `entry ${topic.id}`,
            prompt,
            model: modelForPrompt(selection, prompt.name, prompt.model),
            messages,
            schema: { name: 'digest_entry', zod: EntryAnswerSchema },
            refine: (a) => checkEntryAnswer(a, ids),
          },
          stageDeps('entry'),
        );
        const entry = toEntry(value, topic, byId);
        const ungrounded = findUngroundedNumbers(entry, members);
        if (ungrounded.length) {
          warn('ungrounded-number', `${topic.id} 「${entry.title}」: ${ungrounded.join('、')} appear in none of its articles; check them before publishing`, topic.id);
        }
        return { entry, writer: writerOf(source) };
      } catch (err) {
        if (err instanceof NoAnswerError) {
          const off = await offlineAll();
          const entry = off.entries.find((e) => e.topicId === topic.id);
          if (entry) return { entry, writer: 'offline' };
          const f = off.failedTopics.find((x) => x.topicId === topic.id);
          failedTopics.push({ topicId: topic.id, reason: f?.reason ?? 'the offline writer wrote no entry for it' });
          return undefined;
        }
        if (err instanceof ModelCallError || err instanceof ModelOutputError) {
          if (err instanceof ModelCallError && err.fatal) fatal ??= err;
          deps.log.warn({ topicId: topic.id, error: err.name, message: err.message }, 'topic left out');
          failedTopics.push({ topicId: topic.id, reason: `${err.name}: ${err.message}` });
          warn('topic-failed', `${topic.id}: ${err.message}`, topic.id);
          return undefined;
        }
        // A configuration error concerns every topic: stop the run. Anything else stays with this topic.
        if (err instanceof ConfigError) throw err;
        deps.log.warn({ topicId: topic.id, err: errorMessage(err) }, 'unexpected error; topic left out');
        failedTopics.push({ topicId: topic.id, reason: `unexpected error: ${errorMessage(err)}` });
        warn('topic-failed', `${topic.id}: unexpected error: ${errorMessage(err)}`, topic.id);
        return undefined;
      }
    };

    const limit = pLimit(Math.max(1, deps.concurrency));
    const results = await Promise.all(input.topics.map((t) => limit(() => writeTopic(t))));
    const entries: Entry[] = [];
    for (const r of results) {
      if (!r) continue;
      entries.push(r.entry);
      writers[r.writer] += 1;
    }
    failedTopics.sort((a, b) => input.topics.findIndex((t) => t.id === a.topicId) - input.topics.findIndex((t) => t.id === b.topicId));

    const { frame, frameWriter } = await writeFrame(entries);
    deps.log.info({ entries: entries.length, failed: failedTopics.length, writers, frameWriter, usage }, 'model writer done');
    return { entries, frame, frameWriter, failedTopics, warnings, writers, usage };

    async function writeFrame(entries: Entry[]): Promise<{ frame: Frame; frameWriter: Writer }> {
      // The offline frame over the written topics only, so it cannot name a topic the digest lacks.
      const offlineFrame = async () => {
        const written = new Set(entries.map((e) => e.topicId));
        return (await deps.offline({ ...input, topics: input.topics.filter((t) => written.has(t.id)) })).frame;
      };
      if (entries.length === 0) return { frame: await offlineFrame(), frameWriter: 'offline' };
      if (fatal) {
        warn('frame-failed', `the frame was not attempted (${fatal.message}); the offline writer's frame is used`);
        return { frame: await offlineFrame(), frameWriter: 'offline' };
      }
      const ctx = frameContext(entries, input.topics, byId);
      const prompt = deps.prompts.frame;
      try {
        const { value, source } = await answerPrompt(
          {
            label: 'frame',
            prompt,
            model: modelForPrompt(selection, prompt.name, prompt.model),
            messages: renderPrompt(prompt, framePromptVars(input.date, ctx)),
            schema: { name: 'digest_frame', zod: FrameAnswerSchema },
            refine: (a) => checkFrameAnswer(a, ctx),
          },
          stageDeps('frame'),
        );
        return { frame: toFrame(value, ctx), frameWriter: writerOf(source) };
      } catch (err) {
        if (err instanceof NoAnswerError) return { frame: await offlineFrame(), frameWriter: 'offline' };
        if (err instanceof ConfigError) throw err;
        deps.log.warn({ error: err instanceof Error ? err.name : 'Error', message: errorMessage(err) }, 'frame call failed; using the offline frame');
        warn('frame-failed', `the frame call failed (${errorMessage(err)}); the offline writer's frame is used`);
        return { frame: await offlineFrame(), frameWriter: 'offline' };
      }
    }
  };
}
