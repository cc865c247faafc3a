// The day's frame written by the model from the written entries (not the raw articles). A frame that cannot be
// had (no entries, a fatal error earlier, a failed call, no recorded answer) is the offline writer's frame over
// the written topics only, so it cannot name a topic the digest lacks.
//
// The frame prompt must fit an 8K context even on a 70-story day, and less when the model's window is known to be
// smaller: stories shrink from full blocks to one line each, then to short lines; when one call still cannot hold
// prompt and answer, the frame is written in two calls (overview, then insight) with part of the budget each; the
// last resort lists only the most important stories. The choice depends only on the day and the window, never on
// the server's mood, so a recorded frame replays.

import { z } from 'zod';
import { ConfigError, errorMessage } from '../errors.js';
import { schemaNoteTokens } from '../model/chat-body.js';
import type { ChatMessage } from '../model/chat-client.js';
import { contextMargin, estimateMessagesTokens } from '../model/estimate-tokens.js';
import type { Entry, Frame, WriterName } from '../types.js';
import { answerPrompt, NoAnswerError, promptRoomFor, type AnswerSource } from './model-answer.js';
import {
  checkFrameAnswer,
  frameContext,
  frameFormats,
  framePartInstruction,
  framePromptVars,
  FrameAnswerSchema,
  FrameInsightSchema,
  FrameOverviewSchema,
  toFrame,
  type FrameAnswer,
  type FrameContext,
  type FrameFormat,
  type FramePart,
} from './model-frame.js';
import { writerOf, type ModelWriteRun } from './model-write-run.js';
import { renderPrompt, type PromptTemplate } from './prompt-template.js';

/** The window every frame prompt fits, whatever the model: small local models have 8K, and replays need one rule. */
export const FRAME_ASSUMED_CONTEXT = 8192;
const DEFAULT_FRAME_TOKENS = 3000;

type CallPart = 'all' | FramePart;
type PartSchema = { name: string; zod: z.ZodType<Partial<FrameAnswer>> };
const SCHEMAS: Record<CallPart, PartSchema> = {
  all: { name: 'digest_frame', zod: FrameAnswerSchema },
  overview: { name: 'digest_frame_overview', zod: FrameOverviewSchema },
  insight: { name: 'digest_frame_insight', zod: FrameInsightSchema },
};

/** Budget shares tried per call, largest first (a split frame's parts together get a little more than one call). */
const BUDGET_SHARES: Record<CallPart, number[]> = { all: [1, 0.6], overview: [0.45, 0.3], insight: [0.65, 0.45] };

// Tokens the schema adds to the prompt outside json_schema mode, always reserved so the plan does not depend on it.
const noteTokens = new Map<CallPart, number>();
function schemaAllowance(part: CallPart): number {
  let t = noteTokens.get(part);
  if (t === undefined) {
    t = schemaNoteTokens(z.toJSONSchema(SCHEMAS[part].zod) as Record<string, unknown>);
    noteTokens.set(part, t);
  }
  return t;
}

interface FrameCall {
  part: CallPart;
  messages: ChatMessage[];
  /** Undefined: the prompt's max_tokens. */
  maxTokens: number | undefined;
}

function render(prompt: PromptTemplate, date: string, ctx: FrameContext, f: FrameFormat, part: CallPart): ChatMessage[] {
  const m = renderPrompt(prompt, framePromptVars(date, ctx, f));
  if (part === 'all') return m;
  return m.map((x, i) => (i === m.length - 1 ? { ...x, content: `${x.content}\n\n${framePartInstruction(part)}` } : x));
}

/** The richest rendering within `room` tokens; the most-important-stories-only ones only when `top`. */
function fitted(
  prompt: PromptTemplate,
  date: string,
  ctx: FrameContext,
  part: CallPart,
  room: number,
  top: boolean,
): ChatMessage[] | undefined {
  for (const f of frameFormats(ctx)) {
    if (f.only && !top) break;
    const m = render(prompt, date, ctx, f, part);
    if (estimateMessagesTokens(m) <= room) return m;
  }
  return undefined;
}

/** One call when it fits (full budget, then less), else two, else one over the most important stories. */
export function planFrame(
  prompt: PromptTemplate,
  date: string,
  ctx: FrameContext,
  roomFor: (part: CallPart, maxTokens: number) => number,
): FrameCall[] {
  const full = prompt.maxTokens ?? DEFAULT_FRAME_TOKENS;
  const first = (part: CallPart, top: boolean): FrameCall | undefined => {
    for (const share of BUDGET_SHARES[part]) {
      const maxTokens = Math.ceil(full * share);
      const messages = fitted(prompt, date, ctx, part, roomFor(part, maxTokens), top);
      if (messages) return { part, messages, maxTokens: share === 1 ? undefined : maxTokens };
    }
    return undefined;
  };
  const single = first('all', false);
  if (single) return [single];
  const overview = first('overview', false);
  const insight = first('insight', false);
  if (overview && insight) return [overview, insight];
  return [first('all', true) ?? { part: 'all', messages: render(prompt, date, ctx, { format: 'full' }, 'all'), maxTokens: undefined }];
}

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
  const model = run.modelFor(prompt);
  const deps = run.answerDeps('frame');
  const date = run.input.date;
  const roomFor = (part: CallPart, maxTokens: number) => {
    const assumed = FRAME_ASSUMED_CONTEXT - maxTokens - contextMargin(FRAME_ASSUMED_CONTEXT) - schemaAllowance(part);
    const known = promptRoomFor({ prompt, model, schema: SCHEMAS[part], maxTokens }, deps);
    return Math.min(assumed, known ?? Number.POSITIVE_INFINITY);
  };
  try {
    const calls = planFrame(prompt, date, ctx, roomFor);
    const answers: Partial<FrameAnswer>[] = [];
    const sources: AnswerSource[] = [];
    for (const call of calls) {
      const schema = SCHEMAS[call.part];
      const { value, source } = await answerPrompt(
        {
          label: call.part === 'all' ? 'frame' : `frame ${call.part}`,
          prompt,
          model,
          messages: call.messages,
          schema,
          refine: (a) => checkFrameAnswer(a, ctx),
          ...(call.maxTokens !== undefined ? { maxTokens: call.maxTokens } : {}),
          // After an overflow the richest rendering that fits the smaller room, down to the most important stories.
          fit: (_messages, room) => fitted(prompt, date, ctx, call.part, room, true),
        },
        deps,
      );
      answers.push(value);
      sources.push(source);
    }
    const frameWriter = sources.every((s) => s === 'replay') ? 'replay' : writerOf(sources.find((s) => s !== 'replay') ?? 'model');
    return { frame: toFrame(Object.assign({}, ...answers) as FrameAnswer, ctx), frameWriter };
  } catch (err) {
    if (err instanceof NoAnswerError) return offlineFrame();
    if (err instanceof ConfigError) throw err;
    run.deps.log.warn(
      { error: err instanceof Error ? err.name : 'Error', message: errorMessage(err) },
      'frame call failed; using the offline frame',
    );
    run.warn('frame-failed', `the frame call failed (${errorMessage(err)}); the offline writer's frame is used`);
    return offlineFrame();
  }
}
