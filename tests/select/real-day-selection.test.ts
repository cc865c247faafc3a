// The selection on a real day (2025-12-24 assembled from ../shared/data: arXiv cs.AI/cs.CL/cs.CV in today's RSS
// format with replacements and cross-lists, TechCrunch all topics, the Hacker News front page, Hugging Face, lab
// blogs, Taiwanese AI news), judged against hand labels of the real articles (tests/select/relevance-labels.json).
// Skips when ../shared/data is absent.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../../src/cli.js';
import { readFeedsConfig } from '../../src/config/feeds-config.js';
import { assembleRealDay, SHARED_DATA } from '../helpers/real-volume-day.js';
import { useTempDirs } from '../helpers/temp-dirs.js';
import { testIo } from '../helpers/test-io.js';

const HAVE_DATA = existsSync(SHARED_DATA);
const labels = JSON.parse(readFileSync(path.join(import.meta.dirname, 'relevance-labels.json'), 'utf8')) as
  { labels: { url: string; ai: boolean }[] } | { url: string; ai: boolean }[];
const labelList = Array.isArray(labels) ? labels : labels.labels;

describe.skipIf(!HAVE_DATA)(`the dry run of the real day 2025-12-24${HAVE_DATA ? '' : ' (skipped: ../shared/data is absent)'}`, () => {
  const tempDir = useTempDirs('real-day-select-');

  it('writes 20–75 entries: no replacement, no off-topic story, at most 25 arXiv papers, every multi-outlet story and primary post kept', async () => {
    const day = (await assembleRealDay(await tempDir()))!;
    const out = await tempDir();
    const io = testIo();
    expect(await runMain(['run', '--dry-run', '--fixtures', day.fixtureDir, '--date', day.date, '--out', out], io), io.err.join('')).toBe(
      0,
    );
    const md = readFileSync(path.join(out, `${day.date}-ai-intel.md`), 'utf8');
    const report = JSON.parse(readFileSync(path.join(out, `${day.date}-ai-intel.report.json`), 'utf8'));
    const cited = [...md.matchAll(/^\*\*來源\*\*：(.*)$/gm)].flatMap((m) => [...m[1]!.matchAll(/\]\((https?:[^)]+)\)/g)].map((x) => x[1]!));

    expect(report.counts.written).toBeGreaterThanOrEqual(20);
    expect(report.counts.written).toBeLessThanOrEqual(75);
    expect(cited.filter((u) => /arxiv\.org\/abs\//.test(u)).length).toBeLessThanOrEqual(25);
    expect(report.selection.dropped.replacement).toBeGreaterThan(0);
    // No story the hand labels call non-AI is cited.
    const offTopic = new Set(labelList.filter((l) => !l.ai).map((l) => l.url));
    expect(cited.filter((u) => offTopic.has(u))).toEqual([]);
    // A story told by several outlets, or a lab's own post, is cut only when it is not about AI.
    const feeds = await readFeedsConfig(day.feedsFile);
    const primary = new Set(feeds.filter((f) => f.primary).map((f) => f.id));
    const wronglyCut = report.selection.droppedStories.filter(
      (d: { code: string; feeds: string[] }) =>
        !['off-topic', 'replacement'].includes(d.code) && (new Set(d.feeds).size > 1 || d.feeds.some((f) => primary.has(f))),
    );
    expect(wronglyCut).toEqual([]);
    // Every article of the day is cited or listed as dropped.
    expect(cited.length + report.selection.droppedStories.flatMap((d: { urls: string[] }) => d.urls).length).toBe(report.counts.articles);
  });
});
