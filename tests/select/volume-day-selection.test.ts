// The selection on a high-volume recorded day (fixtures/2025-12-10: 595 items, four arXiv categories with
// cross-lists and replacements, all-topics feeds with non-AI stories), against the day's hand labels: what an editor
// would publish, and a live run that makes about one call per written entry, not one per article.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runMain } from '../../src/cli.js';
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai-server.js';
import { projectRoot, testIo } from '../helpers/test-io.js';

const date = '2025-12-10';
const dayDir = path.join(projectRoot, 'fixtures', date);
const Labels = z.object({
  offTopic: z.array(z.string()),
  mustKeep: z.array(z.object({ story: z.string(), urls: z.array(z.string()) })),
  replacements: z.array(z.string()),
  replacementReported: z.array(z.string()),
});
const labels = Labels.parse(JSON.parse(readFileSync(path.join(dayDir, 'labels.json'), 'utf8')));

interface Report {
  status: string;
  counts: { articles: number; written: number; topics: number };
  selection: {
    candidates: number;
    selected: number;
    dropped: Record<string, number>;
    droppedStories: { code: string; urls: string[] }[];
    triage?: { batches: number; candidates: number };
  };
  model: { total: { calls: number; cacheHits: number }; byStage: Record<string, { calls: number }> };
}

async function run(
  out: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ md: string; report: Report; code: number; err: string }> {
  const io = testIo({ env });
  const code = await runMain(['run', '--date', date, '--out', out, ...args], io);
  const md = readFileSync(path.join(out, `${date}-ai-intel.md`), 'utf8');
  const report = JSON.parse(readFileSync(path.join(out, `${date}-ai-intel.report.json`), 'utf8')) as Report;
  return { md, report, code, err: io.err.join('') };
}

const citedUrls = (md: string) =>
  new Set([...md.matchAll(/^\*\*來源\*\*：(.*)$/gm)].flatMap((m) => [...m[1]!.matchAll(/\]\((https?:[^)]+)\)/g)].map((x) => x[1]!)));

describe(`the dry run of ${date}`, () => {
  let r: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    r = await run(mkdtempSync(path.join(tmpdir(), 'digest-volume-')), ['--dry-run']);
  });

  it('writes an editor-sized digest: 20–75 entries from 424 articles', () => {
    expect(r.code, r.err).toBe(0);
    expect(r.report.counts.articles).toBe(424);
    expect(r.report.counts.written).toBeGreaterThanOrEqual(20);
    expect(r.report.counts.written).toBeLessThanOrEqual(75);
  });

  it('cites no off-topic story, no unreported arXiv replacement, and at most 25 arXiv papers', () => {
    const cited = citedUrls(r.md);
    expect(labels.offTopic.filter((u) => cited.has(u))).toEqual([]);
    expect(labels.replacements.filter((u) => cited.has(u))).toEqual([]);
    expect([...cited].filter((u) => /arxiv\.org\/abs\//.test(u)).length).toBeLessThanOrEqual(25);
    expect(r.report.selection.dropped.replacement).toBe(labels.replacements.length);
  });

  it('keeps every multi-outlet story, every primary-source announcement, and the replaced paper the news reported', () => {
    const cited = citedUrls(r.md);
    expect(labels.mustKeep.filter((s) => !s.urls.some((u) => cited.has(u))).map((s) => s.story)).toEqual([]);
    expect(labels.replacementReported.every((u) => cited.has(u))).toBe(true);
  });

  it('accounts for every article of the day: cited once, or listed with its reason in the report', () => {
    const cited = [...r.md.matchAll(/^\*\*來源\*\*：(.*)$/gm)].flatMap((m) =>
      [...m[1]!.matchAll(/\]\((https?:[^)]+)\)/g)].map((x) => x[1]!),
    );
    const dropped = r.report.selection.droppedStories.flatMap((d) => d.urls);
    expect(new Set([...cited, ...dropped]).size).toBe(cited.length + dropped.length);
    expect(cited.length + dropped.length).toBe(r.report.counts.articles);
  });
});

describe(`a live run of ${date} against a local model server`, () => {
  let model: FakeOpenAi;
  let first: Awaited<ReturnType<typeof run>>;
  const cache = mkdtempSync(path.join(tmpdir(), 'digest-volume-cache-'));
  beforeAll(async () => {
    model = await startFakeOpenAi();
    const env = { OPENAI_BASE_URL: model.url, OPENAI_MODEL: 'gpt-4.1-mini', DIGEST_MODEL_CACHE_DIR: cache };
    first = await run(mkdtempSync(path.join(tmpdir(), 'digest-volume-live-')), ['--fixtures', dayDir, '--live-model'], env);
  });
  afterAll(() => model.close());

  it('makes one call per written entry, plus the triage batches and the frame: not one per article', () => {
    expect(first.code, first.err).toBe(0);
    const s = first.report.model.byStage;
    expect(s.triage!.calls).toBe(first.report.selection.triage!.batches);
    expect(first.report.selection.triage!.batches).toBe(2); // 300 candidates at most, 150 a call
    expect(s.entry!.calls).toBe(first.report.counts.topics);
    expect(s.frame!.calls).toBe(1);
    expect(first.report.model.total.calls).toBe(model.requests.length);
    expect(model.requests.length).toBeLessThan(first.report.counts.articles / 4);
  });

  it('sends the triage titles and one line each, never whole articles, and scores every candidate', () => {
    const triage = model.requests.filter((q) => q.kind === 'triage');
    const lines = triage.flatMap((q) => /<candidates>\n([\s\S]*?)\n<\/candidates>/.exec(q.text)![1]!.split('\n'));
    expect(lines).toHaveLength(first.report.selection.triage!.candidates);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(400);
  });

  it('a second run of the same day costs nothing: triage and entries come from the cache', async () => {
    const before = model.requests.length;
    const second = await run(mkdtempSync(path.join(tmpdir(), 'digest-volume-live-')), ['--fixtures', dayDir, '--live-model'], {
      OPENAI_BASE_URL: model.url,
      OPENAI_MODEL: 'gpt-4.1-mini',
      DIGEST_MODEL_CACHE_DIR: cache,
    });
    expect(second.code, second.err).toBe(0);
    expect(model.requests.length).toBe(before);
    expect(second.md).toBe(first.md);
  });
});
