// Two consecutive recorded days into one output folder: the second day leaves out the story the first one covered
// (fixtures/2025-12-06/README.md names it) and marks the ones that bring new facts as follow-ups (「後續」).

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDigest } from '../../src/check/check-digest.js';
import { runMain } from '../../src/cli.js';
import { testIo } from '../helpers/test-io.js';

const REPEAT = 'https://www.technologyreview.com/2025/12/05/1128927/the-download-political-chatbot-persuasion-gene-editing-adverts/';
const AWS_FOLLOW_UP = 'https://techcrunch.com/2025/12/05/aws-reinvent-was-an-all-in-pitch-for-ai-customers-might-not-be-ready/';
const META = 'https://techcrunch.com/2025/12/05/meta-acquires-ai-device-startup-limitless/';

describe('cross-day story memory over fixtures 2025-12-05 → 2025-12-06', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'digest-memory-'));
  let day2 = '';
  let report: {
    skippedTopics: { title: string; reason: string; earlierDate: string }[];
    counts: { articles: number; skippedTopics: number };
  };

  beforeAll(async () => {
    expect(await runMain(['run', '--dry-run', '--date', '2025-12-05', '--out', out], testIo())).toBe(0);
    expect(await runMain(['run', '--dry-run', '--date', '2025-12-06', '--out', out], testIo())).toBe(0);
    day2 = readFileSync(path.join(out, '2025-12-06-ai-intel.md'), 'utf8');
    report = JSON.parse(readFileSync(path.join(out, '2025-12-06-ai-intel.report.json'), 'utf8'));
  });

  it('leaves out the story already covered, and says why in the report', () => {
    expect(day2).not.toContain(REPEAT);
    expect(report.counts.skippedTopics).toBe(1);
    expect(report.skippedTopics[0]).toMatchObject({
      earlierDate: '2025-12-05',
      reason: expect.stringMatching(/already covered on 2025-12-05/),
    });
  });

  it('writes a story with new facts as a follow-up, its title marked 後續', () => {
    const entry = day2.split('\n### ').find((e) => e.includes(AWS_FOLLOW_UP))!;
    expect(entry.startsWith('後續：')).toBe(true);
  });

  it('remembers only what was published: a story the first day left out (off-topic) is new on the second', () => {
    // 12-05's "Meta plans to slash its Metaverse budget" says nothing of AI in its title or text: the selection left
    // it out, so the ledger never saw it, and 12-06's Meta story (the budget moves to AI wearables) is not a repeat.
    const entry = day2.split('\n### ').find((e) => e.includes(META))!;
    expect(entry.startsWith('後續：')).toBe(false);
  });

  it('keeps the digest conforming, and a re-run of the second day does not match itself', async () => {
    expect(checkDigest(day2)).toEqual([]);
    expect(await runMain(['run', '--dry-run', '--date', '2025-12-06', '--out', out, '--force'], testIo())).toBe(0);
    expect(readFileSync(path.join(out, '2025-12-06-ai-intel.md'), 'utf8')).toBe(day2);
  });

  it('without the first day, nothing is left out', async () => {
    const alone = mkdtempSync(path.join(tmpdir(), 'digest-memory-'));
    expect(await runMain(['run', '--dry-run', '--date', '2025-12-06', '--out', alone], testIo())).toBe(0);
    const md = readFileSync(path.join(alone, '2025-12-06-ai-intel.md'), 'utf8');
    expect(md).toContain(REPEAT);
    expect(md).not.toMatch(/^### 後續/m);
  });
});
