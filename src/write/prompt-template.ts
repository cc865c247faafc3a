// Prompts are Markdown files in prompts/: gray-matter front matter (name, version, model parameters), then the
// template with `# system` and `# user` parts and {{placeholders}}. parsePrompt is pure; readPrompts does the I/O.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { z } from 'zod';
import { ConfigError, describeZodIssue } from '../errors.js';
import type { ChatMessage } from '../model/chat-client.js';
import { ExtraBodySchema } from '../model/model-config.js';
import { REASONING_EFFORTS } from '../model/model-profile.js';

const FrontMatterSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
  // YAML reads `version: 1` as a number; the cache key wants the text.
  version: z.union([z.string().min(1), z.number()]).transform(String),
  description: z.string().optional(),
  model: z.string().min(1).optional(),
  temperature: z.number().min(0).max(2).optional(),
  max_tokens: z.number().int().min(16).max(200_000).optional(),
  /** Longest article text quoted in the prompt, in characters. */
  article_chars: z.number().int().min(200).max(100_000).optional(),
  /** For models that take reasoning_effort (mapped to the nearest value a model takes). */
  reasoning_effort: z.enum(REASONING_EFFORTS).optional(),
  /** Output budget for hidden reasoning, added to max_tokens for reasoning models. */
  reasoning_max_tokens: z.number().int().min(0).max(200_000).optional(),
  /** Request fields sent as given (enable_thinking, chat_template_kwargs, provider routing, ...). */
  extra_body: ExtraBodySchema.optional(),
});

export interface PromptTemplate {
  name: string;
  version: string;
  model?: string;
  temperature?: number;
  maxTokens?: number;
  articleChars?: number;
  reasoningEffort?: string;
  reasoningMaxTokens?: number;
  extraBody?: Record<string, unknown>;
  system: string;
  user: string;
  /** Placeholders the template uses. */
  placeholders: string[];
}

export interface PromptSet {
  entry: PromptTemplate;
  frame: PromptTemplate;
}

/** The prompts of a run: the writer's (PromptSet) and the selection's triage. */
export type PromptName = keyof PromptSet | 'triage';

/** The placeholders each prompt may use, and the ones it must (without them the model would not see its input). */
export const PROMPT_VARIABLES: Record<PromptName, { allowed: string[]; required: string[] }> = {
  entry: { allowed: ['date', 'articles', 'article_ids', 'follow_up', 'section_hint'], required: ['articles', 'article_ids'] },
  frame: {
    allowed: ['date', 'topics', 'topic_ids', 'topic_count', 'headline_min', 'headline_max', 'reading_min', 'reading_max'],
    required: ['topics', 'topic_ids'],
  },
  triage: { allowed: ['date', 'count', 'ids', 'candidates'], required: ['candidates', 'ids'] },
};

const PLACEHOLDER = /\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/g;

export function parsePrompt(text: string, file: string): PromptTemplate {
  let parsed: { data: unknown; content: string };
  try {
    // gray-matter caches by input and hands back shared objects: read them, never mutate.
    parsed = matter(text);
  } catch (err) {
    throw new ConfigError(
      `${file}: the front matter is not valid YAML (${(err as Error).message.split('\n')[0]}); fix the block between the --- lines`,
      { cause: err },
    );
  }
  const fm = FrontMatterSchema.safeParse(parsed.data);
  if (!fm.success) {
    const issue = fm.error.issues[0]!;
    const msg =
      issue.code === 'unrecognized_keys'
        ? `unknown field(s) ${issue.keys.join(', ')}; allowed: ${Object.keys(FrontMatterSchema.shape).join(', ')}`
        : describeZodIssue(issue);
    throw new ConfigError(`${file}: front matter ${msg}`, { cause: fm.error });
  }
  const parts = splitRoles(parsed.content);
  if (!parts.system.trim() || !parts.user.trim()) {
    throw new ConfigError(`${file}: the template needs a "# system" part and a "# user" part (each a line of its own)`);
  }
  const placeholders = [...new Set([...`${parts.system}\n${parts.user}`.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
  const d = fm.data;
  return {
    name: d.name,
    version: d.version,
    model: d.model,
    temperature: d.temperature,
    maxTokens: d.max_tokens,
    articleChars: d.article_chars,
    reasoningEffort: d.reasoning_effort,
    reasoningMaxTokens: d.reasoning_max_tokens,
    // A copy: gray-matter caches parses and hands back shared objects.
    extraBody: d.extra_body ? structuredClone(d.extra_body) : undefined,
    system: parts.system.trim(),
    user: parts.user.trim(),
    placeholders,
  };
}

function splitRoles(content: string): { system: string; user: string } {
  const out = { system: '', user: '' };
  let role: 'system' | 'user' | undefined;
  for (const line of content.split('\n')) {
    const m = /^# (system|user)\s*$/.exec(line);
    if (m) {
      role = m[1] as 'system' | 'user';
      continue;
    }
    if (role) out[role] += `${line}\n`;
  }
  return out;
}

/** Checks a prompt against what its stage provides. */
export function checkPromptVariables(prompt: PromptTemplate, stage: PromptName, file: string): void {
  const spec = PROMPT_VARIABLES[stage];
  const unknown = prompt.placeholders.filter((p) => !spec.allowed.includes(p));
  if (unknown.length)
    throw new ConfigError(
      `${file}: unknown placeholder(s) ${unknown.map((u) => `{{${u}}}`).join(', ')}; this prompt can use ${spec.allowed.map((a) => `{{${a}}}`).join(', ')}`,
    );
  const missing = spec.required.filter((r) => !prompt.placeholders.includes(r));
  if (missing.length)
    throw new ConfigError(
      `${file}: the template never uses ${missing.map((m) => `{{${m}}}`).join(', ')}; the model would not see its input`,
    );
  if (prompt.name !== stage)
    throw new ConfigError(`${file}: front matter name is "${prompt.name}" but this file is the ${stage} prompt; set name: ${stage}`);
}

/** The messages of one call. Every placeholder the template uses must have a value. */
export function renderPrompt(prompt: PromptTemplate, vars: Record<string, string | number>): ChatMessage[] {
  const fill = (t: string) =>
    t.replace(PLACEHOLDER, (_, name: string) => {
      const v = vars[name];
      if (v === undefined) throw new ConfigError(`prompt ${prompt.name}: no value for {{${name}}}`);
      return String(v);
    });
  return [
    { role: 'system', content: fill(prompt.system) },
    { role: 'user', content: fill(prompt.user) },
  ];
}

/** The prompts shipped in the project's prompts/ folder. */
export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

/** One prompt, `<dir>/<name>.md`, parsed and checked against what its stage provides. */
export async function readPrompt(name: PromptName, dir: string = DEFAULT_PROMPTS_DIR): Promise<PromptTemplate> {
  const file = path.join(dir, `${name}.md`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: cannot read the ${name} prompt (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { cause: err });
  }
  const p = parsePrompt(text, file);
  checkPromptVariables(p, name, file);
  return p;
}

export async function readPrompts(dir: string = DEFAULT_PROMPTS_DIR): Promise<PromptSet> {
  return { entry: await readPrompt('entry', dir), frame: await readPrompt('frame', dir) };
}
