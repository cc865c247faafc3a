// One topic written by the model: its articles fenced as data, one structured answer (recording, cache or model,
// with one repair), turned into an Entry by code and checked against its articles. A topic the model cannot write
// is a FailedTopic; one without a recorded answer in a dry run is written by the offline writer.

import { ConfigError, errorMessage } from '../errors.js';
import { ModelCallError, ModelOutputError } from '../model/model-errors.js';
import type { Entry, FailedTopic, Topic, WriterName } from '../types.js';
import { answerPrompt, NoAnswerError } from './model-answer.js';
import { checkEntryAnswer, entryPromptVars, EntryAnswerSchema, shortArticleIds, toEntry, type EntryAnswer } from './model-entry.js';
import { groundEntry, groundingRepairMessage, type GroundingOutcome, type Ungrounded } from './ground-entry.js';
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
  const messages = renderPrompt(
    prompt,
    entryPromptVars(run.input.date, topic, ids, { articleChars: prompt.articleChars, feeds: run.input.feeds }),
  );
  try {
    const {
      value,
      source,
      messages: answered,
    } = await answerPrompt(
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
    const request = {
      label: `entry ${topic.id}`,
      prompt,
      model: run.modelFor(prompt),
      schema: { name: 'digest_entry', zod: EntryAnswerSchema },
      refine: (a: EntryAnswer) => checkEntryAnswer(a, ids),
    };
    // The grounding repair continues the same conversation: the model sees its answer and what is wrong with it.
    const repair = async (u: Ungrounded) => {
      try {
        // From the messages the model actually answered (shortened to fit a small context, if they were).
        const messagesForRepair = [
          ...answered,
          { role: 'assistant' as const, content: JSON.stringify(value) },
          { role: 'user' as const, content: groundingRepairMessage(u) },
        ];
        const fixed = await answerPrompt(
          { ...request, label: `entry ${topic.id} (grounding repair)`, messages: messagesForRepair },
          run.answerDeps('entry'),
        );
        return toEntry(fixed.value, topic, run.byId);
      } catch (err) {
        if (err instanceof ConfigError) throw err;
        // No recorded repair (a dry run) or a failed call: the entry is trimmed instead.
        if (!(err instanceof NoAnswerError))
          run.warn(
            'grounding-repair-failed',
            `${topic.id}: the grounding repair failed (${errorMessage(err)}); ungrounded parts are removed instead`,
            topic.id,
          );
        return undefined;
      }
    };
    const grounded = await groundEntry(toEntry(value, topic, run.byId), members, run.deps.grounding ?? 'repair', repair);
    return reportGrounding(topic, grounded, run, writerOf(source));
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

/** The grounding outcome as the report shows it: what was corrected, removed, or is still unsupported. */
function reportGrounding(topic: Topic, g: GroundingOutcome, run: ModelWriteRun, writer: WriterName): EntryOutcome {
  const where = (title: string) => `${topic.id} 「${title}」`;
  if (g.kind === 'rejected') {
    const items = [...g.left.numbers, ...g.left.names].join('、');
    run.warn(
      'grounding-rejected',
      `${topic.id}: left out: ${items} appear in none of its articles, in its title or summary (DIGEST_GROUNDING=strict)`,
      topic.id,
    );
    return { failed: { topicId: topic.id, reason: `ungrounded facts in the title or summary: ${items}` } };
  }
  if (g.kind === 'grounded') {
    if (g.repaired)
      run.warn(
        'grounding-repaired',
        `${where(g.entry.title)}: corrected by the model: ${[...g.repaired.numbers, ...g.repaired.names].join('、')}`,
        topic.id,
      );
    return { entry: g.entry, writer };
  }
  if (g.removed.length)
    run.warn(
      'grounding-removed',
      `${where(g.entry.title)}: removed ${g.removed.length} bullet(s) or entities holding facts no article gives: ${g.removed.join(' / ')}`,
      topic.id,
    );
  if (g.left.numbers.length)
    run.warn(
      'ungrounded-number',
      `${where(g.entry.title)}: ${g.left.numbers.join('、')} appear in none of its articles; check them before publishing`,
      topic.id,
    );
  if (g.left.names.length)
    run.warn(
      'ungrounded-name',
      `${where(g.entry.title)}: ${g.left.names.join('、')} appear in none of its articles; check them before publishing`,
      topic.id,
    );
  return { entry: g.entry, writer };
}
