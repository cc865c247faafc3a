import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateDigest } from '../../src/eval/evaluate-digest.js';
import { findFailures, parseFailOn } from '../../src/eval/find-failures.js';
import { parseRunReport } from '../../src/eval/parse-run-report.js';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const parsed = parseRunReport(fixture('day-a.report.json'));
const a = evaluateDigest({ file: 'day-a.md', text: fixture('day-a.md'), report: parsed.ok ? parsed.figures : undefined });
const b = evaluateDigest({ file: 'day-b.md', text: fixture('day-b.md') });

describe('--fail-on', () => {
  it('parses a comma-separated list and names the first unknown rule', () => {
    expect(parseFailOn('simplified, duplicates,simplified')).toEqual({ rules: ['simplified', 'duplicates'] });
    expect(parseFailOn('simplified,typos')).toEqual({ unknown: 'typos' });
    expect(parseFailOn(',')).toEqual({ unknown: ',' });
  });

  it('names every condition that holds, per digest', () => {
    const all = parseFailOn('failed-topics,simplified,ungrounded,duplicates,violations');
    if (!('rules' in all)) throw new Error('rules expected');
    expect(findFailures([a], all.rules)).toEqual({
      failures: [
        'day-a.md: failed-topics: 1 failed topic',
        'day-a.md: simplified: 2 Simplified characters (数这)',
        'day-a.md: ungrounded: 3 ungrounded numbers, 1 ungrounded name',
        'day-a.md: duplicates: 1 headline repeat, 2 duplicate pairs',
        'day-a.md: violations: 5 format violations (run `digest check day-a.md`)',
      ],
      notEvaluated: [],
    });
  });

  it('holds nothing against a clean digest, and says which rules needed the report it lacks', () => {
    expect(findFailures([b], ['simplified', 'duplicates', 'violations', 'ungrounded'])).toEqual({
      failures: [],
      notEvaluated: ['day-b.md: ungrounded: no run report'],
    });
  });
});
