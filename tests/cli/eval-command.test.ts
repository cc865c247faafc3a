import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../../src/cli.js';
import { testIo } from '../helpers/test-io.js';

// The hand-written fixtures, copied so that tests can add and break reports beside them.
const fixtures = path.resolve(import.meta.dirname, '../eval/fixtures');
const dir = mkdtempSync(path.join(tmpdir(), 'eval-cli-'));
for (const f of ['day-a.md', 'day-a.report.json', 'day-b.md']) copyFileSync(path.join(fixtures, f), path.join(dir, f));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const io = () => testIo({ cwd: dir });

function cells(out: string, label: string): string[] {
  const line = out.split('\n').find((l) => l.startsWith(`| ${label} `));
  return line
    ? line
        .split('|')
        .slice(2, -1)
        .map((c) => c.trim())
    : [];
}

describe('digest eval', () => {
  it('prints the table of one digest with the report beside it, and exits 0 whatever it finds', async () => {
    const t = io();
    expect(await runMain(['eval', 'day-a.md'], t)).toBe(0);
    const out = t.out.join('');
    expect(cells(out, 'figure')).toEqual(['day-a.md']);
    expect(cells(out, 'model calls')).toEqual(['9']);
    expect(cells(out, 'failed topics')).toEqual(['1']);
    expect(cells(out, 'duplicate stories (pairs)')).toEqual(['2']);
    expect(out).not.toContain('only in');
    expect(t.err.join('')).toBe('');
  });

  it('puts two digests side by side and lists the stories each lacks', async () => {
    const t = io();
    expect(await runMain(['eval', 'day-a.md', 'day-b.md'], t)).toBe(0);
    const out = t.out.join('');
    expect(cells(out, 'entries')).toEqual(['8', '5']);
    expect(cells(out, 'model calls')).toEqual(['9', '—']);
    expect(out).toContain('day-b.md: no run report (looked for day-b.report.json); model figures are shown as —');
    expect(out).toContain('only in day-a.md (3):\n  - 輝達公布季度財報\n  - 新型擴散模型研究提升影像畫質\n  - 人工智慧人才需求持續升溫\n');
    expect(out).toContain('only in day-b.md (2):\n  - 蘋果推出新晶片\n  - Anthropic 收購新創\n');
  });

  it('prints the figures as JSON with --json', async () => {
    const t = io();
    expect(await runMain(['eval', 'day-a.md', 'day-b.md', '--json'], t)).toBe(0);
    const json = JSON.parse(t.out.join(''));
    expect(json.digests.map((d: { file: string }) => d.file)).toEqual(['day-a.md', 'day-b.md']);
    expect(json.digests[0].report.ungroundedNumbers).toEqual({ items: 3, entries: 2, per100Entries: 37.5 });
    expect(json.digests[0].lengths.summaryMedian).toBe(115);
    expect(json.digests[1].report).toBeUndefined();
    expect(json.comparison).toEqual({
      matched: [5, 3],
      onlyInFirst: ['輝達公布季度財報', '新型擴散模型研究提升影像畫質', '人工智慧人才需求持續升溫'],
      onlyInSecond: ['蘋果推出新晶片', 'Anthropic 收購新創'],
    });
  });

  it('reads --report for each digest in order', async () => {
    const t = io();
    expect(await runMain(['eval', 'day-b.md', 'day-a.md', '--report', 'day-a.report.json', '--json'], t)).toBe(0);
    const json = JSON.parse(t.out.join(''));
    // day-b gets the named report, day-a its own default one.
    expect(json.digests.map((d: { report?: { model: { calls: number } } }) => d.report?.model.calls)).toEqual([9, 9]);
  });

  it('exits 1 when a --fail-on condition holds, naming it, and 0 when none does', async () => {
    const t = io();
    expect(await runMain(['eval', 'day-a.md', '--fail-on', 'simplified,violations'], t)).toBe(1);
    expect(t.err.join('')).toBe(
      'eval: fails --fail-on: day-a.md: simplified: 2 Simplified characters (数这)\neval: fails --fail-on: day-a.md: violations: 5 format violations (run `digest check day-a.md`)\n',
    );
    expect(cells(t.out.join(''), 'entries')).toEqual(['8']);
    const clean = io();
    expect(await runMain(['eval', 'day-b.md', '--fail-on', 'simplified,duplicates,violations,failed-topics'], clean)).toBe(0);
    expect(clean.err.join('')).toBe('eval: --fail-on not evaluated: day-b.md: failed-topics: no run report\n');
  });

  it('exits 2 with one line for a missing digest, a missing named report, a broken report or an unknown rule', async () => {
    const missing = io();
    expect(await runMain(['eval', 'nope.md'], missing)).toBe(2);
    expect(missing.err.join('')).toBe('digest: nope.md: cannot read (ENOENT); pass an existing digest file\n');

    const noReport = io();
    expect(await runMain(['eval', 'day-b.md', '--report', 'gone.json'], noReport)).toBe(2);
    expect(noReport.err.join('')).toMatch(/^digest: gone\.json: cannot read the run report \(ENOENT\); [^\n]+\n$/);

    writeFileSync(path.join(dir, 'broken.md'), '## 今日焦點（Top Headlines）\n');
    writeFileSync(path.join(dir, 'broken.report.json'), '{"reportVersion": "one"}');
    const broken = io();
    expect(await runMain(['eval', 'broken.md'], broken)).toBe(2);
    expect(broken.err.join('')).toMatch(/^digest: broken\.report\.json: not a run report: reportVersion: [^\n]+\n$/);

    const rule = io();
    expect(await runMain(['eval', 'day-a.md', '--fail-on', 'typos'], rule)).toBe(2);
    expect(rule.err.join('')).toContain('"typos" is not a rule');
    expect(rule.out.join('')).toBe('');

    expect(await runMain(['eval', 'day-a.md', '--report', 'a.json', '--report', 'b.json'], io())).toBe(2);
  });

  it('documents the rules and exit codes in --help', async () => {
    const t = io();
    expect(await runMain(['eval', '--help'], t)).toBe(0);
    const help = t.out.join('');
    for (const s of [
      '--report <file>',
      '--json',
      '--fail-on <rules>',
      'failed-topics',
      'simplified',
      'ungrounded',
      'duplicates',
      'violations',
      'Exit codes:',
    ])
      expect(help).toContain(s);
  });
});
