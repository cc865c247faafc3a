// Figures of tests/eval/fixtures/day-a.md, counted by hand from how it was written (see the comments), and of its
// report day-a.report.json.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateDigest, nearIdenticalTitles } from '../../src/eval/evaluate-digest.js';
import { parseRunReport } from '../../src/eval/parse-run-report.js';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const parsed = parseRunReport(fixture('day-a.report.json'));
const report = parsed.ok ? parsed.figures : undefined;

describe('evaluateDigest on day-a (8 entries)', () => {
  const ev = evaluateDigest({ file: 'day-a.md', text: fixture('day-a.md'), report });

  it('counts entries per section and reads the footer', () => {
    expect(ev.entries).toEqual({ total: 8, bySection: { headlines: 3, research: 1, tools: 1, applications: 1, trends: 1, market: 1 } });
    expect(ev.footer).toEqual({ articles: 20, topics: 8 });
  });

  it('takes model use, failures and warnings from the report', () => {
    expect(ev.report).toEqual({
      model: { calls: 9, cacheHits: 2, replayed: 1, inputTokens: 12345, outputTokens: 2345, costUsd: 0.0123 },
      failedTopics: 1,
      warningsByCode: {
        'feed-failed': 1,
        'grounding-removed': 1,
        'grounding-repaired': 1,
        'topic-failed': 1,
        'ungrounded-name': 1,
        'ungrounded-number': 2,
      },
      // 999 億、42 in t1 and 3 億 in t8: 3 numbers in 2 entries, 3 / 8 entries × 100.
      ungroundedNumbers: { items: 3, entries: 2, per100Entries: 37.5 },
      ungroundedNames: { items: 1, entries: 1, per100Entries: 12.5 },
      groundingRepaired: 1,
      groundingRemoved: 1,
    });
  });

  it('measures the entries against the brief', () => {
    // Summaries: 160, 180, 90, 120, 100, 170, 110, 60 characters → sorted the middle two are 110 and 120.
    expect(ev.lengths.summaryMedian).toBe(115);
    // Within 100–170: 160, 120, 100, 170, 110.
    expect(ev.lengths.summary).toEqual({ within: 5, of: 8, share: 5 / 8 });
    // Details 5, 1, 0 (headlines: 2–5 required) · 3 (research) · 0 (tools, optional) · 6 (applications) · 0 (trends) · 2 (market, none belong).
    expect(ev.lengths.details).toEqual({ within: 4, of: 8, share: 0.5 });
    // Use cases 2, 0, 4 · 1 · 3 · 0 · 1 (trends: none belong) · 0.
    expect(ev.lengths.useCases).toEqual({ within: 5, of: 8, share: 5 / 8 });
    // Entities 3, 2, 7 · 6 · 1 · 4 · 2 · 5.
    expect(ev.lengths.entities).toEqual({ within: 6, of: 8, share: 0.75 });
  });

  it('finds the repeated headline, the duplicates, the Simplified characters and the violations', () => {
    expect(ev.headlineRepeats).toEqual([{ title: 'OpenAI 發表 GPT-5.2 模型', section: 'research', by: ['title', 'url'] }]);
    expect(ev.duplicates).toEqual([
      { titles: ['新型擴散模型研究提升影像品質', '新型擴散模型研究提升影像畫質'], by: 'title' },
      { titles: ['銀行導入客服機器人', '銀行科技新創募資一億美元'], by: 'url', url: 'https://example.com/news/bank-chatbot' },
    ]);
    expect(ev.simplified).toEqual({ count: 2, characters: ['数', '这'] });
    // The repeated title, its URL, the market entry's URL, and the two lines with Simplified characters.
    expect(ev.violations).toBe(5);
  });

  it('leaves the report figures out, with the note, when there is no report', () => {
    const bare = evaluateDigest({ file: 'day-a.md', text: fixture('day-a.md'), reportNote: 'no run report' });
    expect(bare.report).toBeUndefined();
    expect(bare.reportNote).toBe('no run report');
    expect(bare.entries.total).toBe(8);
  });

  it('measures an empty digest without dividing by zero', () => {
    const ev0 = evaluateDigest({ file: 'x.md', text: '## 今日焦點（Top Headlines）\n', report });
    expect(ev0.lengths.summaryMedian).toBeNull();
    expect(ev0.lengths.summary.share).toBeNull();
    expect(ev0.report?.ungroundedNumbers.per100Entries).toBeNull();
  });
});

describe('nearIdenticalTitles', () => {
  it('matches titles that differ in a character or in punctuation, not in a number or in substance', () => {
    expect(nearIdenticalTitles('新型擴散模型研究提升影像品質', '新型擴散模型研究提升影像畫質')).toBe(true);
    expect(nearIdenticalTitles('OpenAI 發表 GPT-5.2！', 'openai發表gpt-5.2')).toBe(true);
    expect(nearIdenticalTitles('OpenAI 發表 GPT-5.2 模型', 'OpenAI 發表 GPT-5.1 模型')).toBe(false);
    expect(nearIdenticalTitles('銀行導入客服機器人', '銀行科技新創募資一億美元')).toBe(false);
  });
});
