// `--fail-on`: the conditions under which `digest eval` exits 1, so a CI job or a prompt change can be gated on
// the figures. Everything else about eval is a report and exits 0.

import type { DigestEvaluation } from './evaluate-digest.js';

export const FAIL_ON_RULES = {
  'failed-topics': 'the run report lists a topic the model could not write',
  simplified: 'the digest holds a Simplified-only character',
  ungrounded: 'the run report has an ungrounded-number or ungrounded-name warning',
  duplicates: 'a headline repeated in a section, or two entries with a shared source URL or near-identical titles',
  violations: '`digest check` finds a format violation',
} as const;

export type FailOnRule = keyof typeof FAIL_ON_RULES;

/** `a,b` → the rules, or the first name that is not a rule. */
export function parseFailOn(value: string): { rules: FailOnRule[] } | { unknown: string } {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = names.find((n) => !(n in FAIL_ON_RULES));
  if (bad !== undefined || names.length === 0) return { unknown: bad ?? value };
  return { rules: [...new Set(names as FailOnRule[])] };
}

export interface Failures {
  /** `file: rule: why`, one per condition that holds. */
  failures: string[];
  /** Rules that need a run report, for digests without one. */
  notEvaluated: string[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function findFailures(evaluations: DigestEvaluation[], rules: FailOnRule[]): Failures {
  const out: Failures = { failures: [], notEvaluated: [] };
  for (const ev of evaluations) {
    const fail = (rule: FailOnRule, why: string) => out.failures.push(`${ev.file}: ${rule}: ${why}`);
    for (const rule of rules) {
      const r = ev.report;
      if ((rule === 'failed-topics' || rule === 'ungrounded') && !r) {
        out.notEvaluated.push(`${ev.file}: ${rule}: no run report`);
        continue;
      }
      if (rule === 'failed-topics' && r!.failedTopics > 0) fail(rule, plural(r!.failedTopics, 'failed topic'));
      if (rule === 'ungrounded') {
        const [n, m] = [r!.ungroundedNumbers.items, r!.ungroundedNames.items];
        if (n + m > 0) fail(rule, `${plural(n, 'ungrounded number')}, ${plural(m, 'ungrounded name')}`);
      }
      if (rule === 'simplified' && ev.simplified.count > 0)
        fail(rule, `${plural(ev.simplified.count, 'Simplified character')} (${ev.simplified.characters.join('')})`);
      if (rule === 'duplicates' && ev.headlineRepeats.length + ev.duplicates.length > 0) {
        fail(rule, `${plural(ev.headlineRepeats.length, 'headline repeat')}, ${plural(ev.duplicates.length, 'duplicate pair')}`);
      }
      if (rule === 'violations' && ev.violations > 0)
        fail(rule, `${plural(ev.violations, 'format violation')} (run \`digest check ${ev.file}\`)`);
    }
  }
  return out;
}
