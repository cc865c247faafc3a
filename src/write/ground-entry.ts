// What the model wrote, held against what its articles say. Numbers and names that no article of the story
// contains are where invented facts show. By policy (DIGEST_GROUNDING):
//   warn    publish, and list them in the report (ungrounded-number / ungrounded-name)
//   repair  (default) one repair call quoting them and asking for a correction from the articles or a removal;
//           what still fails is taken out where it can be (a bullet, an entity), else the entry is marked
//   strict  as repair, but an entry whose title or summary still holds one is left out
// Pure, apart from the repair call it is given.

import type { Article, Entry } from '../types.js';
import { findUngroundedNumbers } from './model-grounding.js';
import { findUngroundedNames } from './name-grounding.js';

export const GROUNDING_POLICIES = ['warn', 'repair', 'strict'] as const;
export type GroundingPolicy = (typeof GROUNDING_POLICIES)[number];

export interface Ungrounded {
  numbers: string[];
  names: string[];
}

export function findUngrounded(entry: Entry, articles: Article[]): Ungrounded {
  return { numbers: findUngroundedNumbers(entry, articles), names: findUngroundedNames(entry, articles) };
}

export function isGrounded(u: Ungrounded): boolean {
  return u.numbers.length === 0 && u.names.length === 0;
}

/** The repair request: what is wrong, in the model's own terms. */
export function groundingRepairMessage(u: Ungrounded): string {
  const parts = [
    'Some facts in your entry appear in none of the articles you were given:',
    ...(u.numbers.length ? [`- numbers: ${u.numbers.join(', ')}`] : []),
    ...(u.names.length ? [`- names: ${u.names.join(', ')}`] : []),
    'For each one: correct it to what the articles say, or remove it (and the sentence or bullet that needs it). Add nothing',
    'the articles do not state. Reply with the complete, corrected JSON object only, following the schema.',
  ];
  return parts.join('\n');
}

export type GroundingOutcome =
  /** Nothing to fix, or fixed by the model's repair. */
  | { kind: 'grounded'; entry: Entry; repaired?: Ungrounded }
  /** Bullets or entities holding ungrounded facts were taken out; `left` is what remains (in title or summary). */
  | { kind: 'trimmed'; entry: Entry; removed: string[]; left: Ungrounded }
  /** strict: the title or summary holds an ungrounded fact. */
  | { kind: 'rejected'; left: Ungrounded };

/** Takes out the bullets and entities that hold an ungrounded number or name; the rest of the entry stays. */
export function trimUngrounded(entry: Entry, u: Ungrounded): { entry: Entry; removed: string[] } {
  const bad = [...u.numbers, ...u.names];
  const holds = (s: string) => bad.some((b) => s.includes(b));
  const removed = [...entry.details, ...entry.useCases, ...entry.entities].filter(holds);
  const entities = entry.entities.filter((s) => !holds(s));
  return {
    entry: {
      ...entry,
      details: entry.details.filter((s) => !holds(s)),
      useCases: entry.useCases.filter((s) => !holds(s)),
      // An entry needs its 關鍵實體: the outlets that told the story are named by the articles themselves.
      entities: entities.length ? entities : [...new Set(entry.sources.map((s) => s.name))],
    },
    removed,
  };
}

/**
 * Grounds one entry by the policy. `repair` asks the model once and returns its corrected entry (or undefined when
 * the call failed); it is only called under the repair and strict policies.
 */
export async function groundEntry(
  entry: Entry,
  articles: Article[],
  policy: GroundingPolicy,
  repair: (u: Ungrounded) => Promise<Entry | undefined>,
): Promise<GroundingOutcome> {
  const first = findUngrounded(entry, articles);
  if (isGrounded(first) || policy === 'warn')
    return isGrounded(first) ? { kind: 'grounded', entry } : { kind: 'trimmed', entry, removed: [], left: first };
  const repaired = await repair(first);
  const current = repaired ?? entry;
  const after = repaired ? findUngrounded(repaired, articles) : first;
  if (isGrounded(after)) return { kind: 'grounded', entry: current, repaired: first };
  const { entry: trimmed, removed } = trimUngrounded(current, after);
  const left = findUngrounded(trimmed, articles);
  if (!isGrounded(left) && policy === 'strict') return { kind: 'rejected', left };
  return { kind: 'trimmed', entry: trimmed, removed, left };
}
