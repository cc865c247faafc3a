// The request body for one call, from the request and the model's profile: pure, so what each server gets is
// tested without a server. The output budget is answer + reasoning allowance for models that reason (their hidden
// reasoning is paid from the same budget), scaled by what a cut answer taught us, and capped by the model's limit.

import type { ChatMessage, ChatRequest } from './chat-client.js';
import { estimateTokens } from './estimate-tokens.js';
import { effortFor, type ModelProfile } from './model-profile.js';

/** Reasoning allowance when a prompt names none (OpenAI advises generous budgets for reasoning models). */
export const DEFAULT_REASONING_TOKENS = 6000;

/** JSON Schema of the answer as zodResponseFormat gives it. */
export interface JsonSchemaFormat {
  name: string;
  strict?: boolean | null;
  schema?: Record<string, unknown>;
}

export interface BuiltRequest {
  body: Record<string, unknown>;
  /** The messages sent (with the schema in the prompt outside json_schema mode). */
  messages: ChatMessage[];
  outputTokens: number | undefined;
}

/** The schema without `$schema`: Gemini refuses the key, and no server needs it. */
export function cleanSchema(schema: Record<string, unknown> | undefined): Record<string, unknown> {
  const { $schema: _drop, ...rest } = schema ?? {};
  return rest;
}

export function schemaNote(schema: Record<string, unknown>): string {
  return `\n\nAnswer with one JSON object only (no prose, no code fences) that conforms to this JSON Schema:\n${JSON.stringify(schema)}`;
}

/** Tokens the adapter adds to a prompt outside json_schema mode. */
export function schemaNoteTokens(schema: Record<string, unknown>): number {
  return estimateTokens(schemaNote(schema));
}

function withSchemaInPrompt(messages: ChatMessage[], schema: Record<string, unknown>): ChatMessage[] {
  const note = schemaNote(schema);
  const i = messages.findIndex((m) => m.role === 'system');
  // Appended to the existing system message: some chat templates (Mistral, Gemma) reject a second system turn.
  if (i < 0) return [{ role: 'system', content: note.trim() }, ...messages];
  return messages.map((m, j) => (j === i ? { ...m, content: m.content + note } : m));
}

/** The output budget to send, or undefined for none. */
export function outputBudget(req: Omit<ChatRequest, 'messages'>, p: ModelProfile): number | undefined {
  if (req.maxTokens === undefined) return undefined;
  const scale = Math.max(req.budgetScale ?? 1, (req.prompt && p.outputScale[req.prompt]) || 1);
  const out = Math.ceil((req.maxTokens + (p.reasoningBudget ? (req.reasoningTokens ?? DEFAULT_REASONING_TOKENS) : 0)) * scale);
  return p.maxOutput ? Math.min(out, p.maxOutput) : out;
}

export function buildChatBody(
  req: ChatRequest,
  p: ModelProfile,
  format: JsonSchemaFormat,
  o: { extraBody: Record<string, unknown>; outputTokens?: number },
): BuiltRequest {
  const schema = cleanSchema(format.schema);
  const messages = p.jsonMode === 'json_schema' ? req.messages : withSchemaInPrompt(req.messages, schema);
  // Vendor switches first, then the configured fields, then the prompt's: the most specific wins.
  const body: Record<string, unknown> = { ...p.extraBody, ...o.extraBody, ...req.extraBody, model: req.model, messages };
  if (p.jsonMode === 'json_schema')
    body.response_format = { type: 'json_schema', json_schema: { name: format.name, strict: true, schema } };
  else if (p.jsonMode === 'json_object') body.response_format = { type: 'json_object' };
  if (req.temperature !== undefined && p.temperature) body.temperature = req.temperature;
  const effort = effortFor(req.reasoningEffort, p.efforts);
  if (effort !== undefined) body.reasoning_effort = effort;
  const outputTokens = o.outputTokens ?? outputBudget(req, p);
  if (outputTokens !== undefined) body[p.tokenParam] = outputTokens;
  for (const f of p.dropFields) delete body[f];
  return { body, messages, outputTokens };
}
