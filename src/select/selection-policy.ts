// The editor's rules for choosing the day's stories: how many, how many per section and per feed, how many arXiv
// papers, and what a run may spend. Defaults keep to the size of the example digests (30–70 stories); users edit
// `selection.yaml` (or pass --policy FILE), validated here. parseSelectionPolicy is pure; readSelectionPolicy does I/O.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { parseYamlConfig } from '../config/parse-yaml.js';
import { ConfigError, describeZodIssue } from '../errors.js';
import { ENTRY_SECTIONS } from '../types.js';

const count = (max: number) =>
  z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 or more').max(max, `must be at most ${max}`);

export const DEFAULT_SECTION_CAPS: Record<(typeof ENTRY_SECTIONS)[number], number> = {
  research: 20,
  tools: 15,
  applications: 20,
  trends: 15,
  market: 12,
};

const SectionCapsSchema = z
  .strictObject(
    Object.fromEntries(ENTRY_SECTIONS.map((s) => [s, count(500).default(DEFAULT_SECTION_CAPS[s])])) as Record<
      (typeof ENTRY_SECTIONS)[number],
      z.ZodDefault<ReturnType<typeof count>>
    >,
  )
  .default(DEFAULT_SECTION_CAPS);

export const SelectionPolicySchema = z.strictObject({
  /** Entries in the digest at most (the headlines are among them). */
  maxEntries: count(500).default(70),
  /** Entries per section at most (research also caps arXiv papers, see arxivMax). */
  sectionCaps: SectionCapsSchema,
  /** arXiv papers at most, whatever section they land in. */
  arxivMax: count(500).default(20),
  /** Entries whose main article comes from one feed, at most. */
  maxPerFeed: count(500).default(15),
  budget: z
    .strictObject({
      /** Model calls a run may make (entries, triage, frame, repairs estimated). */
      maxCalls: count(10_000).default(150),
      /** Estimated cost in USD a run may spend (by the price table; unknown prices count 0). */
      maxCostUsd: z.number({ error: 'must be a number' }).min(0, 'must be 0 or more').default(1),
    })
    .default({ maxCalls: 150, maxCostUsd: 1 }),
  triage: z
    .strictObject({
      /** Ask the model to score the top candidates' relevance and importance (only when a model writes). */
      enabled: z.boolean({ error: 'must be true or false' }).default(true),
      /** Candidates sent to triage at most (the deterministic ranking's top ones): keeps calls flat on big days. */
      maxCandidates: count(5_000).default(300),
      /** Candidates per triage call. */
      batchSize: count(500).min(1, 'must be at least 1').default(150),
    })
    .default({ enabled: true, maxCandidates: 300, batchSize: 150 }),
});

export type SelectionPolicy = z.output<typeof SelectionPolicySchema>;

export function defaultSelectionPolicy(): SelectionPolicy {
  return SelectionPolicySchema.parse({});
}

/** The cap of a section. */
export function sectionCap(policy: SelectionPolicy, section: (typeof ENTRY_SECTIONS)[number]): number {
  return policy.sectionCaps[section];
}

export function parseSelectionPolicy(text: string, file: string): SelectionPolicy {
  const r = SelectionPolicySchema.safeParse(parseYamlConfig(text, file) ?? {});
  if (!r.success)
    throw new ConfigError(`${file}: ${describeZodIssue(r.error.issues[0]!)}; see README "Selection" for the fields`, { cause: r.error });
  return r.data;
}

/** The policy file when given or present (`selection.yaml`), else the defaults; `maxEntries` overrides it. */
export async function readSelectionPolicy(file: string, options: { required: boolean; maxEntries?: number }): Promise<SelectionPolicy> {
  let policy = defaultSelectionPolicy();
  if (existsSync(file)) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw new ConfigError(`${file}: cannot read the selection policy (${(err as NodeJS.ErrnoException).code ?? 'error'})`, {
        cause: err,
      });
    }
    policy = parseSelectionPolicy(text, file);
  } else if (options.required) {
    throw new ConfigError(`${file}: no such file; pass an existing selection policy to --policy`);
  }
  return options.maxEntries === undefined ? policy : { ...policy, maxEntries: options.maxEntries };
}
