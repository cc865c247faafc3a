// The README's main command end to end on the recorded day, checked against the fixture's hand labelling
// (fixtures/2025-12-05/clusters.json lists every in-window article URL), not against our own collector.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDigest } from '../../src/check/check-digest.js';
import { runMain } from '../../src/cli.js';
import { testIo } from '../helpers/test-io.js';

const root = path.resolve(import.meta.dirname, '../..');
// The real path: the scorer runs its CLI only when argv[1] is its own (resolved) file.
const scorerPath = path.resolve(root, '../shared/tools/score-digest.mjs');
const scorer = existsSync(scorerPath) ? realpathSync(scorerPath) : scorerPath;

const labelled = JSON.parse(readFileSync(path.join(root, 'fixtures/2025-12-05/clusters.json'), 'utf8')) as {
  stories: { label: string; urls: string[] }[];
};
const fixtureUrls = labelled.stories.flatMap((s) => s.urls);

describe('digest run --dry-run --date 2025-12-05', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'digest-dry-'));
  const file = path.join(out, '2025-12-05-ai-intel.md');
  let code = -1;
  let md = '';
  const io = testIo();

  beforeAll(async () => {
    code = await runMain(['run', '--dry-run', '--date', '2025-12-05', '--out', out], io);
    md = existsSync(file) ? readFileSync(file, 'utf8') : '';
  });

  it('writes the digest and its report, and ends with a one-line summary', () => {
    expect(code, io.err.join('')).toBe(0);
    expect(md.length).toBeGreaterThan(1000);
    expect(existsSync(path.join(out, '2025-12-05-ai-intel.report.json'))).toBe(true);
    expect(io.out.join('')).toMatch(/^digest 2025-12-05: ok \| 91 articles → \d+ candidates → \d+ written \| feeds 18\/18 ok/m);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('passes digest check', () => {
    expect(checkDigest(md)).toEqual([]);
  });

  it('accounts for every in-window fixture article once: cited by one entry, or listed as dropped in the report', () => {
    const cited = [...md.matchAll(/^\*\*來源\*\*：(.*)$/gm)].flatMap((m) => [...m[1]!.matchAll(/\]\((https?:[^)]+)\)/g)].map((x) => x[1]!));
    const report = JSON.parse(readFileSync(path.join(out, '2025-12-05-ai-intel.report.json'), 'utf8')) as {
      selection: { droppedStories: { code: string; urls: string[] }[] };
    };
    const dropped = report.selection.droppedStories.flatMap((d) => d.urls);
    expect([...cited, ...dropped].sort()).toEqual([...fixtureUrls].sort());
    // A tidy AI-news day keeps most of its stories; what it drops is off-topic, or arXiv papers past the research cap.
    expect(cited.length).toBeGreaterThan(fixtureUrls.length / 2);
    const codes = report.selection.droppedStories.map((d) => d.code);
    expect(codes.every((c) => c === 'off-topic' || c === 'section-cap')).toBe(true);
    const capped = report.selection.droppedStories.filter((d) => d.code === 'section-cap').flatMap((d) => d.urls);
    expect(capped.every((u) => u.includes('arxiv.org'))).toBe(true);
    expect(cited.filter((u) => u.includes('arxiv.org/abs/')).length).toBeLessThanOrEqual(20);
    const allLinks = [...md.matchAll(/\]\((https?:[^)]+)\)/g)].map((m) => m[1]!);
    for (const url of allLinks) expect(fixtureUrls).toContain(url);
  });

  it('counts in the footer the collected articles and the topics written', () => {
    const foot = /\*資料來源：(\d+) 篇文章 \| 分析主題：(\d+) 個\*/.exec(md)!;
    expect(Number(foot[1])).toBe(fixtureUrls.length);
    const entries = md.split('\n## 編輯洞察')[0]!.match(/^### /gm)!.length;
    expect(Number(foot[2])).toBe(entries);
    const report = JSON.parse(readFileSync(path.join(out, '2025-12-05-ai-intel.report.json'), 'utf8'));
    expect(report.counts.articles).toBe(fixtureUrls.length);
    expect(report.counts.written).toBe(entries);
    expect(report.writers.offline).toBe(entries);
    expect(report.status).toBe('ok');
  });

  it('is reproducible: a second dry run writes the same bytes', async () => {
    const out2 = mkdtempSync(path.join(tmpdir(), 'digest-dry-'));
    expect(await runMain(['run', '--dry-run', '--date', '2025-12-05', '--out', out2], testIo())).toBe(0);
    expect(readFileSync(path.join(out2, '2025-12-05-ai-intel.md'), 'utf8')).toBe(md);
  });

  it.skipIf(!existsSync(scorer))('passes the independent scorer with no defect', () => {
    const r = spawnSync(process.execPath, [scorer, file, '--json'], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const [s] = JSON.parse(r.stdout);
    expect(s.errors).toEqual([]);
    expect({
      placeholders: s.placeholders,
      missingFields: s.missingFields,
      badLinks: s.badLinks,
      dupLinksInItem: s.dupLinksInItem,
      urlsInTwoItems: s.urlsInTwoItems,
      simplifiedChars: s.simplifiedChars,
      watchList: s.watchList,
    }).toEqual({
      placeholders: 0,
      missingFields: 0,
      badLinks: 0,
      dupLinksInItem: 0,
      urlsInTwoItems: 0,
      simplifiedChars: 0,
      watchList: 5,
    });
    expect(s.keywords).toBeGreaterThanOrEqual(8);
    expect(s.keywords).toBeLessThanOrEqual(15);
  });
});
