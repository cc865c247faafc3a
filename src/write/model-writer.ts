// The model writer: one structured call per topic (many small calls, never one giant one), then one call for the
// day's frame, which sees the written entries rather than the raw articles. A topic whose call fails is left out
// and reported; the digest goes on. A failed frame falls back to the offline writer's frame. In a dry run (no
// chat client) every answer comes from the recording, and a topic without one is written by the offline writer.

import pLimit from 'p-limit';
import type { DigestWriter, Entry, FailedTopic, Frame, WriteInput, WriteOutput } from '../types.js';
import { groundInsight } from './ground-insight.js';
import { startModelWriteRun, type ModelWriteRun, type ModelWriterDeps } from './model-write-run.js';
import { writeModelEntry } from './write-model-entry.js';
import { writeModelFrame } from './write-model-frame.js';

export type { ModelWriterDeps } from './model-write-run.js';

export function createModelWriter(deps: ModelWriterDeps): DigestWriter {
  return async (input: WriteInput): Promise<WriteOutput> => {
    const run = startModelWriteRun(deps, input);
    const limit = pLimit(Math.max(1, deps.concurrency));
    const outcomes = await Promise.all(
      input.topics.map((t) =>
        limit(async () => {
          const outcome = await writeModelEntry(t, run);
          input.onTopicDone?.();
          return outcome;
        }),
      ),
    );
    const entries: Entry[] = [];
    const failedTopics: FailedTopic[] = [];
    const writers: WriteOutput['writers'] = { offline: 0, model: 0, replay: 0 };
    for (const o of outcomes) {
      if ('failed' in o) failedTopics.push(o.failed);
      else {
        entries.push(o.entry);
        writers[o.writer] += 1;
      }
    }
    const written = await writeModelFrame(entries, run);
    const frameWriter = written.frameWriter;
    const frame = frameWriter === 'offline' ? written.frame : groundFrame(written.frame, entries, run);
    deps.log.info({ entries: entries.length, failed: failedTopics.length, writers, frameWriter, usage: run.usage }, 'model writer done');
    return { entries, frame, frameWriter, failedTopics, warnings: run.warnings, writers, usage: run.usage };
  };
}

/** The model's Editor's Insight against the day's entries (ground-insight.ts), with what it found in the report. */
function groundFrame(frame: Frame, entries: Entry[], run: ModelWriteRun): Frame {
  const g = groundInsight(frame, entries, run.deps.grounding ?? 'repair');
  const where = 'frame 「編輯洞察」';
  if (g.removed.length)
    run.warn(
      'grounding-removed',
      `${where}: removed ${g.removed.length} sentence(s) holding facts no entry gives: ${g.removed.join(' / ')}`,
    );
  if (g.numbers.length)
    run.warn('ungrounded-number', `${where}: ${g.numbers.join('、')} appear in none of the day's entries; check them before publishing`);
  if (g.names.length)
    run.warn('ungrounded-name', `${where}: ${g.names.join('、')} appear in none of the day's entries; check them before publishing`);
  return g.frame;
}
