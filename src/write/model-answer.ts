// One structured answer for one rendered prompt: from the recording (dry run), from the cache, or from the model
// with one repair attempt that shows it its error. Only answers that pass validation are cached or recorded,
// so a bad answer is never replayed. The model's side of it: the prompt shortened to the model's context (and again
// after an overflow), an answer cut at its budget asked again with a bigger budget rather than repaired, reasoning
// text never taken for the answer, and usage a server did not report estimated and said so.

import type { z } from 'zod';
import { DigestError } from '../errors.js';
import { answerKey } from '../model/answer-key.js';
import type { AnswerStore, ReplayStore, StoredAnswer } from '../model/answer-store.js';
import type { ChatClient, ChatMessage, ChatRequest, ChatResult, ModelLog, TokenUsage } from '../model/chat-client.js';
import { estimateMessagesTokens } from '../model/estimate-tokens.js';
import type { PriceTable } from '../model/model-config.js';
import { ModelCallError, ModelOutputError } from '../model/model-errors.js';
import { jsonCandidates, parseJsonAnswer, stripReasoning } from '../model/read-json-answer.js';
import { addCall } from '../model/model-usage.js';
import type { ModelUsage } from '../types.js';
import type { PromptTemplate } from './prompt-template.js';

export type AnswerSource = 'model' | 'cache' | 'replay';

/** Neither a recording nor a model can answer (a dry run without a recorded answer): the caller writes offline. */
export class NoAnswerError extends DigestError {
  constructor(what: string) {
    super('NoAnswerError', `${what}: no recorded answer and no model configured; the offline writer is used`);
  }
}

export interface AnswerRequest<S extends z.ZodType> {
  /** Names the call in logs and errors, e.g. `entry t3`. */
  label: string;
  prompt: PromptTemplate;
  model: string;
  messages: ChatMessage[];
  schema: { name: string; zod: S };
  /** Checks zod cannot express (ids, counts that depend on the input); returns the problems, empty when fine. */
  refine: (value: z.output<S>) => string[];
  /** The answer's budget when not the prompt's `max_tokens` (a frame written in two calls). */
  maxTokens?: number;
  /** Makes the messages fit `room` prompt tokens, or says it cannot (undefined); `deps.fit` when absent. */
  fit?: FitMessages;
}

/** Shortens a prompt to at most `room` tokens (estimate-tokens.ts); undefined when it cannot. */
export type FitMessages = (messages: ChatMessage[], room: number) => ChatMessage[] | undefined;

export interface AnswerDeps {
  chat?: ChatClient;
  cache?: AnswerStore;
  replay?: ReplayStore;
  record?: AnswerStore;
  /** The stage's counters, updated in place. */
  usage: ModelUsage;
  prices: PriceTable;
  log: ModelLog;
  warn: (code: string, message: string) => void;
  /** The stage's way to shorten its prompts for a small context, for requests that bring none. */
  fit?: FitMessages;
}

type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** A prompt's budget goes down to this share before the prompt is shortened further. */
const MIN_BUDGET_SHARE = 0.6;

/** What the chat adapter is asked, from the request and its prompt's front matter. */
function chatShape<S extends z.ZodType>(
  req: Pick<AnswerRequest<S>, 'prompt' | 'model' | 'schema' | 'maxTokens'>,
): Omit<ChatRequest, 'messages'> {
  const p = req.prompt;
  return {
    model: req.model,
    schema: req.schema,
    temperature: p.temperature,
    maxTokens: req.maxTokens ?? p.maxTokens,
    prompt: p.name,
    ...(p.reasoningEffort !== undefined ? { reasoningEffort: p.reasoningEffort } : {}),
    ...(p.reasoningMaxTokens !== undefined ? { reasoningTokens: p.reasoningMaxTokens } : {}),
    ...(p.extraBody ? { extraBody: p.extraBody } : {}),
  };
}

/** Prompt tokens a request may hold on its model (see ChatClient.promptRoom); undefined when unknown. */
export function promptRoomFor<S extends z.ZodType>(
  req: Pick<AnswerRequest<S>, 'prompt' | 'model' | 'schema' | 'maxTokens'>,
  deps: Pick<AnswerDeps, 'chat'>,
  assumeContext?: number,
): number | undefined {
  return deps.chat?.promptRoom?.(chatShape(req), assumeContext);
}

/**
 * The messages shortened to fit the model's known context: with the whole budget if they can, else with the budget
 * lowered to MIN_BUDGET_SHARE (the adapter lowers it to what is left). Unchanged when the window is unknown or the
 * messages fit; undefined when they cannot be made to fit.
 */
function fitToContext<S extends z.ZodType>(
  req: AnswerRequest<S>,
  messages: ChatMessage[],
  deps: AnswerDeps,
  room?: number,
): ChatMessage[] | undefined {
  const full = room ?? promptRoomFor(req, deps);
  if (full === undefined || estimateMessagesTokens(messages) <= full) return messages;
  const fit = req.fit ?? deps.fit;
  if (!fit) return messages;
  const budget = req.maxTokens ?? req.prompt.maxTokens;
  const least =
    room ?? (budget !== undefined ? promptRoomFor({ ...req, maxTokens: Math.ceil(budget * MIN_BUDGET_SHARE) }, deps) : undefined);
  for (const r of [full, least]) {
    if (r === undefined || r <= 0) continue;
    const fitted = fit(messages, r);
    if (fitted) return fitted;
  }
  return undefined;
}

/**
 * The answer, where it came from, and the messages it answers: the request's own, or shortened to fit the model's
 * context. A follow-up turn (a repair of the answer) continues from these.
 */
export async function answerPrompt<S extends z.ZodType>(
  req: AnswerRequest<S>,
  deps: AnswerDeps,
): Promise<{ value: z.output<S>; source: AnswerSource; messages: ChatMessage[] }> {
  const keyFor = (model: string, messages: ChatMessage[]) =>
    answerKey({ prompt: req.prompt.name, version: req.prompt.version, model, messages });

  if (deps.replay) {
    // A dry run may not know which model the recording used: try the recording's own models too.
    for (const model of new Set([req.model, ...deps.replay.models(req.prompt.name)])) {
      const stored = deps.replay.get(keyFor(model, req.messages));
      if (!stored) continue;
      const c = validate(stored.answer, req);
      if (c.ok) {
        deps.usage.replayed += 1;
        return { value: c.value, source: 'replay', messages: req.messages };
      }
      deps.warn(
        'replay-invalid',
        `${req.label}: the recorded answer ${stored.key}.json no longer passes validation (${c.problems.slice(0, 3).join('; ')}); not used`,
      );
    }
  }

  // A small context (DIGEST_MODEL_CONTEXT, or learnt from the server) shortens the prompt before it is looked up:
  // the cache holds answers to the messages actually sent.
  const fitted = fitToContext(req, req.messages, deps);
  if (!fitted) throw doesNotFit(req, deps);
  if (fitted !== req.messages) noteFitted(req, deps);
  let messages: ChatMessage[] = fitted;
  const key = keyFor(req.model, messages);

  if (deps.cache) {
    const stored = await deps.cache.get(key);
    if (stored && stored.prompt === req.prompt.name && stored.model === req.model) {
      const c = validate(stored.answer, req);
      if (c.ok) {
        deps.usage.cacheHits += 1;
        await save(deps, stored);
        return { value: c.value, source: 'cache', messages };
      }
      deps.log.debug({ key, problems: c.problems }, 'cached answer fails validation; asking the model again');
    }
  }

  if (!deps.chat) throw new NoAnswerError(req.label);
  const chat = deps.chat;

  const call = async (conversation: ChatMessage[], extra: Partial<ChatRequest> = {}): Promise<ChatResult> => {
    const r = await chat.complete({ ...chatShape(req), messages: conversation, ...extra });
    // Cost is estimated for the model we asked for; the server may name a dated snapshot of it.
    if (!addCall(deps.usage, req.model, r.usage, deps.prices))
      deps.warn('model-price-unknown', `no price for model ${req.model}; its cost is counted as 0 (set DIGEST_MODEL_PRICES)`);
    if (r.usage.estimated) {
      deps.warn(
        'model-usage-estimated',
        'the model server reports no token usage: tokens are estimated locally (a CJK character 1 token, other text 3.6 characters a token) and counted in estimatedCalls',
      );
    }
    return r;
  };

  // A context overflow (or a prompt the server cut) is answered by a shorter prompt, at most twice.
  let first: ChatResult | undefined;
  for (let refits = 0; !first;) {
    try {
      first = await call(messages);
    } catch (err) {
      const shorter: ChatMessage[] | undefined =
        err instanceof ModelCallError && err.failure === 'context' && refits < 2 ? refit(req, messages, err, deps) : undefined;
      if (!shorter) throw err;
      messages = shorter;
      refits++;
    }
  }
  const answered: ChatMessage[] = messages;
  let c = check(first, req);
  let final = first;
  const used: TokenUsage = { inputTokens: first.usage.inputTokens, outputTokens: first.usage.outputTokens };
  const add = (r: ChatResult) => {
    used.inputTokens += r.usage.inputTokens;
    used.outputTokens += r.usage.outputTokens;
  };
  // An answer cut at the budget (or a budget spent on reasoning) needs more room, not a plea for brevity: the same
  // request again with twice the budget. What works is remembered by the adapter for the next calls and nights.
  if (!c.ok && first.finishReason === 'length') {
    deps.log.warn(
      { label: req.label, reasoningTokens: first.reasoningTokens },
      'model answer cut at its budget; once more with twice the budget',
    );
    final = await call(answered, { budgetScale: 2 });
    add(final);
    c = check(final, req);
  }
  if (!c.ok && final.finishReason !== 'length') {
    deps.log.warn({ label: req.label, problems: c.problems.slice(0, 5) }, 'model answer unusable; one repair attempt');
    const repair: ChatMessage[] = [
      ...answered,
      { role: 'assistant', content: stripReasoning(final.text) || '(empty answer)' },
      { role: 'user', content: repairMessage(c.problems) },
    ];
    final = await call(repair);
    add(final);
    c = check(final, req);
  }
  if (!c.ok) {
    const cut =
      final.finishReason === 'length'
        ? ` The answer was cut at its budget even with twice the tokens: raise max_tokens${final.reasoningTokens ? ' or reasoning_max_tokens, or lower reasoning_effort,' : ''} in prompts/${req.prompt.name}.md.`
        : '';
    throw new ModelOutputError(
      `${req.label}: the model's answer was unusable after one repair (${c.problems.slice(0, 3).join('; ')}); the topic is left out.${cut} Try another model (OPENAI_MODEL) or raise max_tokens in prompts/${req.prompt.name}.md`,
      final.text,
      c.problems,
      used,
    );
  }
  const stored: StoredAnswer = {
    key: keyFor(req.model, answered),
    prompt: req.prompt.name,
    version: req.prompt.version,
    model: req.model,
    answer: c.value,
    usage: used,
  };
  await save(deps, stored, deps.cache);
  return { value: c.value, source: 'model', messages: answered };
}

/** The prompt shortened after the server showed it does not fit; undefined when it cannot shrink further. */
function refit<S extends z.ZodType>(
  req: AnswerRequest<S>,
  messages: ChatMessage[],
  err: ModelCallError,
  deps: AnswerDeps,
): ChatMessage[] | undefined {
  if (err.context?.truncated) {
    deps.warn(
      'prompt-truncated',
      `the model server cut ${req.prompt.name} prompts to ${err.context.contextTokens ?? 'its context of'} tokens without an error (Ollama's default num_ctx) and answered from the rest; those answers were discarded and the prompts shortened. Raise OLLAMA_CONTEXT_LENGTH on the server (or PARAMETER num_ctx in a Modelfile) and set DIGEST_MODEL_CONTEXT to match`,
    );
  }
  const now = estimateMessagesTokens(messages);
  // The adapter now knows the window; when it does not, aim well below what was just too long.
  const known = promptRoomFor(req, deps);
  const room = Math.min(known ?? Number.POSITIVE_INFINITY, Math.floor(now * 0.8));
  const shorter = fitToContext(req, messages, deps, room);
  if (!shorter || estimateMessagesTokens(shorter) >= now) return undefined;
  noteFitted(req, deps);
  return shorter;
}

function noteFitted<S extends z.ZodType>(req: AnswerRequest<S>, deps: AnswerDeps): void {
  deps.warn(
    'prompt-shortened',
    `${req.prompt.name} prompts were shortened to fit the model's context window (fewer article characters, fewer stories' details); raise the server's context and DIGEST_MODEL_CONTEXT for fuller prompts`,
  );
}

function doesNotFit<S extends z.ZodType>(req: AnswerRequest<S>, deps: AnswerDeps): ModelCallError {
  const need = estimateMessagesTokens(req.messages);
  return new ModelCallError(
    `${req.label}: the prompt (about ${need} tokens, shortened as far as it goes) and its answer do not fit the model's context window (room for ${promptRoomFor(req, deps) ?? '?'} prompt tokens); raise the server's context and DIGEST_MODEL_CONTEXT, or lower max_tokens in prompts/${req.prompt.name}.md`,
    'context',
    undefined,
    0,
  );
}

/** A disk problem must not cost the answer we already paid for: it becomes a warning. */
async function save(deps: AnswerDeps, stored: StoredAnswer, cache?: AnswerStore): Promise<void> {
  const put = async (store: AnswerStore | undefined, code: string, what: string) => {
    try {
      await store?.put(stored);
    } catch (err) {
      deps.warn(code, `could not save answer ${stored.key} to the ${what} (${(err as Error).message}); check the disk`);
    }
  };
  await Promise.all([put(cache, 'cache-write-failed', 'cache'), put(deps.record, 'record-write-failed', 'recording')]);
}

/**
 * The answer's JSON, validated: reasoning blocks are removed first, and among the JSON objects in the text the last
 * one that validates wins (drafts come first). Problems are reported for the likeliest candidate.
 */
function check<S extends z.ZodType>(r: ChatResult, req: AnswerRequest<S>): Checked<z.output<S>> {
  if (r.refusal) return { ok: false, problems: [`the model declined to answer: ${r.refusal}`] };
  if (!stripReasoning(r.text).trim()) {
    const why = r.finishReason === 'length' ? ' (the budget ran out before the answer began: reasoning used it up)' : '';
    return { ok: false, problems: [`the answer is empty${why}`] };
  }
  const candidates = jsonCandidates(r.text);
  if (candidates.length === 0) {
    let message = 'no JSON object found';
    try {
      parseJsonAnswer(r.text);
    } catch (err) {
      message = (err as Error).message;
    }
    const cut = r.finishReason === 'length' ? ' (the answer was cut off at its budget)' : '';
    return { ok: false, problems: [`the answer is not valid JSON: ${message}${cut}`] };
  }
  let firstProblems: string[] | undefined;
  for (const raw of candidates) {
    const v = validate(raw, req);
    if (v.ok) return v;
    firstProblems ??= v.problems;
  }
  return { ok: false, problems: firstProblems! };
}

function validate<S extends z.ZodType>(raw: unknown, req: AnswerRequest<S>): Checked<z.output<S>> {
  const r = req.schema.zod.safeParse(raw);
  if (!r.success) return { ok: false, problems: r.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || 'answer'}: ${i.message}`) };
  const problems = req.refine(r.data);
  return problems.length ? { ok: false, problems } : { ok: true, value: r.data };
}

/** JSON.parse, tolerating reasoning blocks, code fences and prose some servers wrap around JSON (read-json-answer.ts). */
export { parseJsonAnswer };

function repairMessage(problems: string[]): string {
  return [
    'Your answer could not be used:',
    ...problems.slice(0, 10).map((p) => `- ${p}`),
    'Reply again with the complete, corrected JSON object only, following the schema. Use only the ids you were given.',
  ].join('\n');
}
