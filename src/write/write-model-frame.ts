// The day's frame written by the model from the written entries (not the raw articles). A frame that cannot be
// had (no entries, a fatal error earlier, a failed call, no recorded answer) is the offline writer's frame over
// the written topics only, so it cannot name a topic the digest lacks.

import { ConfigError, errorMessage } from '../errors.js';
import type { Entry, Frame, WriterName } from '../types.js';
import { answerPrompt, NoAnswerError } from './model-answer.js';
import { checkFrameAnswer, frameContext, framePromptVars, FrameAnswerSchema, toFrame } from './model-frame.js';
import { writerOf, type ModelWriteRun } from './model-write-run.js';
import { renderPrompt } from './prompt-template.js';

export async function writeModelFrame(entries: Entry[], run: ModelWriteRun): Promise<{ frame: Frame; frameWriter: WriterName }> {
  const offlineFrame = async (): Promise<{ frame: Frame; frameWriter: WriterName }> => {
    const written = new Set(entries.map((e) => e.topicId));
    const off = await run.deps.offline({ ...run.input, topics: run.input.topics.filter((t) => written.has(t.id)), onTopicDone: undefined });
    return { frame: off.frame, frameWriter: 'offline' };
  };
  if (entries.length === 0) return offlineFrame();
  if (run.fatal) {
    run.warn('frame-failed', `the frame was not attempted (${run.fatal.message}); the offline writer's frame is used`);
    return offlineFrame();
  }
  const ctx = frameContext(entries, run.input.topics, run.byId);
  const prompt = run.deps.prompts.frame;
  try {
    const { value, source } = await answerPrompt(
      {
        label: 'frame',
        prompt,
        model: run.modelFor(prompt),
        messages: renderPrompt(prompt, framePromptVars(run.input.date, ctx)),
        schema: { name: 'digest_frame', zod: FrameAnswerSchema },
        refine: (a) => checkFrameAnswer(a, ctx),
      },
      run.answerDeps('frame'),
    );
    return { frame: toFrame(value, ctx), frameWriter: writerOf(source) };
  } catch (err) {
    if (err instanceof NoAnswerError) return offlineFrame();
    if (err instanceof ConfigError) throw err;
    run.deps.log.warn({ error: err instanceof Error ? err.name : 'Error', message: errorMessage(err) }, 'frame call failed; using the offline frame');
    run.warn('frame-failed', `the frame call failed (${errorMessage(err)}); the offline writer's frame is used`);
    return offlineFrame();
  }
}
