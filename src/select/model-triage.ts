// Triage: one model call per batch of candidates (titles and one line each, at most `batchSize` a call) scores
// relevance and importance before any entry is written. Answers go through answerPrompt like every other answer:
// structured, validated, cached, recorded and replayed. A batch the model cannot score is left to the
// deterministic ranking (a warning says so); the selection never waits on it.

import { z } from 'zod';
import { errorMessage } from '../errors.js';
import { zeroUsage } from '../model/model-usage.js';
import type { Article, ModelUsage, Topic, Warning } from '../types.js';
import { answerPrompt, NoAnswerError, type AnswerDeps } from '../write/model-answer.js';
import { escapeFence } from '../write/model-entry.js';
import { renderPrompt, type PromptTemplate } from '../write/prompt-template.js';
import type { TriageScore } from './select-stories.js';

export const TriageAnswerSchema = z.object({
  scores: z.array(z.object({ id: z.string(), relevance: z.number().int().min(0).max(3), importance: z.number().int().min(0).max(3) })),
});

export interface TriageCandidate {
  topic: Topic;
  members: Article[];
}

export interface TriageResult {
  scores: Map<string, TriageScore>;
  batches: number;
  failedBatches: number;
  warnings: Warning[];
  /** The triage stage's model use, for the run report. */
  usage: ModelUsage;
}

export type Triage = (date: string, candidates: readonly TriageCandidate[]) => Promise<TriageResult>;

export interface ModelTriageDeps {
  prompt: PromptTemplate;
  model: string;
  batchSize: number;
  /** The answer deps of the stage, counting into `usage`, warning into `warn`. */
  answers: (usage: ModelUsage, warn: AnswerDeps['warn']) => AnswerDeps;
}

const ONE_LINE = 160;

/** One line a candidate: its outlets and its representative title, then the start of its text. */
export function candidateLine(id: string, c: TriageCandidate): string {
  const lead = c.members[0]!;
  const outlets = [...new Set(c.members.map((a) => a.source))];
  const text = lead.text.replace(/\s+/g, ' ').slice(0, ONE_LINE);
  return `${id} [${escapeFence(outlets.join(', '))}] ${escapeFence(lead.title)}${text ? ` — ${escapeFence(text)}` : ''}`;
}

export function createModelTriage(deps: ModelTriageDeps): Triage {
  return async (date, candidates) => {
    const scores = new Map<string, TriageScore>();
    const warnings: Warning[] = [];
    let batches = 0;
    let failedBatches = 0;
    const usage = zeroUsage();
    for (let start = 0; start < candidates.length; start += deps.batchSize) {
      const batch = candidates.slice(start, start + deps.batchSize);
      const ids = batch.map((_, i) => `S${i + 1}`);
      batches++;
      try {
        const { value } = await answerPrompt(
          {
            label: `triage ${batches}`,
            prompt: deps.prompt,
            model: deps.model,
            messages: renderPrompt(deps.prompt, {
              date,
              count: batch.length,
              ids: `${ids[0]}–${ids.at(-1)}`,
              candidates: `<candidates>\n${batch.map((c, i) => candidateLine(ids[i]!, c)).join('\n')}\n</candidates>`,
            }),
            schema: { name: 'digest_triage', zod: TriageAnswerSchema },
            refine: (a) => checkTriageAnswer(a, ids),
          },
          deps.answers(usage, (code, message) => warnings.push({ code, message })),
        );
        for (const s of value.scores) scores.set(batch[ids.indexOf(s.id)]!.topic.id, { relevance: s.relevance, importance: s.importance });
      } catch (err) {
        // A replayed day recorded without a triage has no answer for it: the deterministic ranking decides, quietly.
        if (err instanceof NoAnswerError) break;
        failedBatches++;
        warnings.push({
          code: 'triage-failed',
          message: `triage batch ${batches} (${batch.length} stories): ${errorMessage(err)}; the deterministic ranking decides for them`,
        });
      }
    }
    return { scores, batches, failedBatches, warnings, usage };
  };
}

export function checkTriageAnswer(a: z.output<typeof TriageAnswerSchema>, ids: string[]): string[] {
  const problems: string[] = [];
  const known = new Set(ids);
  const unknown = a.scores.map((s) => s.id).filter((id) => !known.has(id));
  if (unknown.length)
    problems.push(`scores: unknown id(s) ${[...new Set(unknown)].slice(0, 10).join(', ')}; use only ${ids[0]}–${ids.at(-1)}`);
  const seen = new Set(a.scores.map((s) => s.id));
  if (seen.size !== a.scores.length) problems.push('scores: an id is scored twice');
  const missing = ids.filter((id) => !seen.has(id));
  if (missing.length)
    problems.push(
      `scores: ${missing.length} id(s) not scored (${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}); score every id`,
    );
  return problems;
}
