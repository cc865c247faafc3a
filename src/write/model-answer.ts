// One structured answer for one rendered prompt: from the recording (dry run), from the cache, or from the model
// with one repair attempt that shows it its error. Only answers that pass validation are cached or recorded,
// so a bad answer is never replayed.

import type { z } from 'zod';
import { DigestError } from '../errors.js';
import { answerKey } from '../model/answer-key.js';
import type { AnswerStore, ReplayStore, StoredAnswer } from '../model/answer-store.js';
import type { ChatClient, ChatMessage, ChatResult, ModelLog, TokenUsage } from '../model/chat-client.js';
import type { PriceTable } from '../model/model-config.js';
import { ModelOutputError } from '../model/model-errors.js';
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
}

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
}

type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

export async function answerPrompt<S extends z.ZodType>(req: AnswerRequest<S>, deps: AnswerDeps): Promise<{ value: z.output<S>; source: AnswerSource }> {
  const keyFor = (model: string) => answerKey({ prompt: req.prompt.name, version: req.prompt.version, model, messages: req.messages });
  const key = keyFor(req.model);

  if (deps.replay) {
    // A dry run may not know which model the recording used: try the recording's own models too.
    for (const model of new Set([req.model, ...deps.replay.models(req.prompt.name)])) {
      const stored = deps.replay.get(keyFor(model));
      if (!stored) continue;
      const c = validate(stored.answer, req);
      if (c.ok) {
        deps.usage.replayed += 1;
        return { value: c.value, source: 'replay' };
      }
      deps.warn('replay-invalid', `${req.label}: the recorded answer ${stored.key}.json no longer passes validation (${c.problems.slice(0, 3).join('; ')}); not used`);
    }
  }

  if (deps.cache) {
    const stored = await deps.cache.get(key);
    if (stored && stored.prompt === req.prompt.name && stored.model === req.model) {
      const c = validate(stored.answer, req);
      if (c.ok) {
        deps.usage.cacheHits += 1;
        await save(deps, stored);
        return { value: c.value, source: 'cache' };
      }
      deps.log.debug({ key, problems: c.problems }, 'cached answer fails validation; asking the model again');
    }
  }

  if (!deps.chat) throw new NoAnswerError(req.label);

  const call = async (messages: ChatMessage[]): Promise<ChatResult> => {
    const r = await deps.chat!.complete({
      model: req.model,
      messages,
      schema: req.schema,
      temperature: req.prompt.temperature,
      maxTokens: req.prompt.maxTokens,
    });
    // Cost is estimated for the model we asked for; the server may name a dated snapshot of it.
    if (!addCall(deps.usage, req.model, r.usage, deps.prices)) deps.warn('model-price-unknown', `no price for model ${req.model}; its cost is counted as 0 (set DIGEST_MODEL_PRICES)`);
    return r;
  };

  const first = await call(req.messages);
  let c = check(first, req);
  let final = first;
  const used: TokenUsage = { ...first.usage };
  if (!c.ok) {
    deps.log.warn({ label: req.label, problems: c.problems.slice(0, 5) }, 'model answer unusable; one repair attempt');
    const repair: ChatMessage[] = [
      ...req.messages,
      { role: 'assistant', content: first.text || '(empty answer)' },
      { role: 'user', content: repairMessage(c.problems) },
    ];
    final = await call(repair);
    used.inputTokens += final.usage.inputTokens;
    used.outputTokens += final.usage.outputTokens;
    c = check(final, req);
    if (!c.ok) {
      throw new ModelOutputError(
        `${req.label}: the model's answer was unusable after one repair (${c.problems.slice(0, 3).join('; ')}); the topic is left out. Try another model (OPENAI_MODEL) or raise max_tokens in prompts/${req.prompt.name}.md`,
        final.text,
        c.problems,
        used,
      );
    }
  }
  const stored: StoredAnswer = { key, prompt: req.prompt.name, version: req.prompt.version, model: req.model, answer: c.value, usage: used };
  await save(deps, stored, deps.cache);
  return { value: c.value, source: 'model' };
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

function check<S extends z.ZodType>(r: ChatResult, req: AnswerRequest<S>): Checked<z.output<S>> {
  if (r.refusal) return { ok: false, problems: [`the model declined to answer: ${r.refusal}`] };
  let raw: unknown;
  try {
    raw = parseJsonAnswer(r.text);
  } catch (err) {
    const cut = r.finishReason === 'length' ? ' (the answer was cut off at max_tokens: be more concise)' : '';
    return { ok: false, problems: [`the answer is not valid JSON: ${(err as Error).message}${cut}`] };
  }
  return validate(raw, req);
}

function validate<S extends z.ZodType>(raw: unknown, req: AnswerRequest<S>): Checked<z.output<S>> {
  const r = req.schema.zod.safeParse(raw);
  if (!r.success) return { ok: false, problems: r.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || 'answer'}: ${i.message}`) };
  const problems = req.refine(r.data);
  return problems.length ? { ok: false, problems } : { ok: true, value: r.data };
}

/** JSON.parse, tolerating the code fence or prose some servers wrap around JSON in JSON mode. */
export function parseJsonAnswer(text: string): unknown {
  const t = text.trim();
  try {
    return JSON.parse(t);
  } catch (err) {
    const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(t)?.[1];
    if (fenced) return JSON.parse(fenced);
    const start = t.indexOf('{');
    const end = t.lastIndexOf('}');
    if (start >= 0 && end > start && (start > 0 || end < t.length - 1)) return JSON.parse(t.slice(start, end + 1));
    throw err;
  }
}

function repairMessage(problems: string[]): string {
  return [
    'Your answer could not be used:',
    ...problems.slice(0, 10).map((p) => `- ${p}`),
    'Reply again with the complete, corrected JSON object only, following the schema. Use only the ids you were given.',
  ].join('\n');
}
