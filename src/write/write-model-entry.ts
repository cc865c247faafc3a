// One topic written by the model: its articles fenced as data, one structured answer (recording, cache or model,
// with one repair), turned into an Entry by code and checked against its articles. A topic the model cannot write
// is a FailedTopic; one without a recorded answer in a dry run is written by the offline writer.

import { ConfigError, errorMessage } from '../errors.js';
import { ModelCallError, ModelOutputError } from '../model/model-errors.js';
import type { Entry, FailedTopic, Topic, WriterName } from '../types.js';
import { answerPrompt, NoAnswerError } from './model-answer.js';
import { checkEntryAnswer, entryPromptVars, EntryAnswerSchema, shortArticleIds, toEntry } from './model-entry.js';
import { findUngroundedNumbers } from './model-grounding.js';
import { writerOf, type ModelWriteRun } from './model-write-run.js';
import { renderPrompt } from './prompt-template.js';
import { topicArticles } from './topic-sources.js';

export type EntryOutcome = { entry: Entry; writer: WriterName } | { failed: FailedTopic };

export async function writeModelEntry(topic: Topic, run: ModelWriteRun): Promise<EntryOutcome> {
  const failed = (reason: string): EntryOutcome => ({ failed: { topicId: topic.id, reason } });
  const members = topicArticles(topic, run.byId);
  if (members.length === 0) return failed('none of its articles is in the input');
  if (run.fatal) return failed(`not attempted: ${run.fatal.message}`);
  const ids = shortArticleIds(members);
  const prompt = run.deps.prompts.entry;
  const messages = renderPrompt(prompt, entryPromptVars(run.input.date, topic, ids, { articleChars: prompt.articleChars, feeds: run.input.feeds }));
  try {
    const { value, source } = await answerPrompt(
      {
        label: `entry ${topic.id}`,
        prompt,
        model: run.modelFor(prompt),
        messages,
        schema: { name: 'digest_entry', zod: EntryAnswerSchema },
        refine: (a) => checkEntryAnswer(a, ids),
      },
      run.answerDeps('entry'),
    );
    const entry = toEntry(value, topic, run.byId);
    const ungrounded = findUngroundedNumbers(entry, members);
    if (ungrounded.length) {
      run.warn('ungrounded-number', `${topic.id} 「${entry.title}」: ${ungrounded.join('、')} appear in none of its articles; check them before publishing`, topic.id);
    }
    return { entry, writer: writerOf(source) };
  } catch (err) {
    if (err instanceof NoAnswerError) {
      const off = await run.offlineAll();
      const entry = off.entries.find((e) => e.topicId === topic.id);
      if (entry) return { entry, writer: 'offline' };
      return failed(off.failedTopics.find((x) => x.topicId === topic.id)?.reason ?? 'the offline writer wrote no entry for it');
    }
    if (err instanceof ModelCallError || err instanceof ModelOutputError) {
      if (err instanceof ModelCallError && err.fatal) run.fatal ??= err;
      run.deps.log.warn({ topicId: topic.id, error: err.name, message: err.message }, 'topic left out');
      run.warn('topic-failed', `${topic.id}: ${err.message}`, topic.id);
      return failed(`${err.name}: ${err.message}`);
    }
    // A configuration error concerns every topic: stop the run. Anything else stays with this topic.
    if (err instanceof ConfigError) throw err;
    run.deps.log.warn({ topicId: topic.id, err: errorMessage(err) }, 'unexpected error; topic left out');
    run.warn('topic-failed', `${topic.id}: unexpected error: ${errorMessage(err)}`, topic.id);
    return failed(`unexpected error: ${errorMessage(err)}`);
  }
}
