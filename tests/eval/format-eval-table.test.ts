import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDigests } from '../../src/eval/compare-digests.js';
import { evaluateDigest } from '../../src/eval/evaluate-digest.js';
import { formatEvalTable } from '../../src/eval/format-eval-table.js';
import { parseRunReport } from '../../src/eval/parse-run-report.js';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const parsed = parseRunReport(fixture('day-a.report.json'));
const a = evaluateDigest({ file: 'day-a.md', text: fixture('day-a.md'), report: parsed.ok ? parsed.figures : undefined });
const b = evaluateDigest({ file: 'day-b.md', text: fixture('day-b.md'), reportNote: 'no run report (looked for day-b.report.json)' });

/** The cells of the row with this label. */
function row(table: string, label: string): string[] {
  const line = table.split('\n').find((l) => l.startsWith(`| ${label} `));
  if (!line) throw new Error(`no row "${label}" in\n${table}`);
  return line
    .split('|')
    .slice(2, -1)
    .map((c) => c.trim());
}

describe('formatEvalTable', () => {
  const table = formatEvalTable([a, b], compareDigests(fixture('day-a.md'), fixture('day-b.md')));

  it('shows one column per digest, with the figures', () => {
    expect(row(table, 'figure')).toEqual(['day-a.md', 'day-b.md']);
    expect(row(table, 'entries')).toEqual(['8', '5']);
    expect(row(table, '  今日焦點')).toEqual(['3', '3']);
    expect(row(table, '  市場動態精選')).toEqual(['1', '0']);
    expect(row(table, 'input tokens')).toEqual(['12,345', '—']);
    expect(row(table, 'cost (USD)')).toEqual(['$0.0123', '—']);
    expect(row(table, 'warnings')).toEqual(['7', '—']);
    expect(row(table, '  ungrounded-number')).toEqual(['2', '—']);
    expect(row(table, 'ungrounded numbers / 100 entries')).toEqual(['37.5 (3 in 2 entries)', '—']);
    expect(row(table, 'ungrounded names / 100 entries')).toEqual(['12.5 (1 in 1 entry)', '—']);
    expect(row(table, 'Simplified characters')).toEqual(['2 (数这)', '0']);
    expect(row(table, '核心摘要 100–170 characters')).toEqual(['5/8 (63%)', '5/5 (100%)']);
    expect(row(table, 'headlines repeated in a section')).toEqual(['1', '0']);
    expect(row(table, 'duplicate stories (pairs)')).toEqual(['2', '0']);
    expect(row(table, 'format violations (digest check)')).toEqual(['5', '0']);
  });

  it('aligns the columns for a terminal, CJK counting two columns', () => {
    const lines = table.split('\n').filter((l) => l.startsWith('|'));
    const cols = (l: string) => [...l].reduce((n, ch) => n + (/[\p{Script=Han}\u3000-\u303f\uff00-\uff60]/u.test(ch) ? 2 : 1), 0);
    expect(new Set(lines.map(cols)).size).toBe(1);
  });

  it('names the repeats, the duplicates, the missing report and the stories each digest lacks', () => {
    expect(table).toContain('day-a.md: headline 「OpenAI 發表 GPT-5.2 模型」 is also in 模型與技術更新 (same title and url)');
    expect(table).toContain('both cite https://example.com/news/bank-chatbot');
    expect(table).toContain('day-b.md: no run report (looked for day-b.report.json)');
    expect(table).toContain('only in day-b.md (2):\n  - 蘋果推出新晶片\n  - Anthropic 收購新創\n');
  });
});
