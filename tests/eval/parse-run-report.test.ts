import { describe, expect, it } from 'vitest';
import { parseRunReport } from '../../src/eval/parse-run-report.js';

describe('parseRunReport', () => {
  it('ignores fields it does not use and fills the ones an older or partial report lacks', () => {
    const r = parseRunReport(
      JSON.stringify({
        reportVersion: 2,
        somethingNew: { x: 1 },
        counts: { failedTopics: 2, other: 5 },
        model: { total: { calls: 3 } },
        warnings: [{ code: 'x' }],
      }),
    );
    expect(r).toEqual({
      ok: true,
      figures: {
        model: { calls: 3, cacheHits: 0, replayed: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 },
        failedTopics: 2,
        warnings: [{ code: 'x', message: '' }],
      },
    });
  });

  it('counts failed topics from the list when there is one', () => {
    const r = parseRunReport(
      JSON.stringify({ reportVersion: 1, counts: { failedTopics: 5 }, failedTopics: [{ topicId: 't1', reason: 'x' }] }),
    );
    expect(r.ok && r.figures.failedTopics).toBe(1);
  });

  it('says why a file is not a run report', () => {
    expect(parseRunReport('{"reportVersion": 1,')).toMatchObject({ ok: false, reason: expect.stringMatching(/^not JSON/) });
    expect(parseRunReport('[1, 2]')).toMatchObject({ ok: false, reason: expect.stringMatching(/^not a run report/) });
    expect(parseRunReport('{"date": "2025-12-05"}')).toMatchObject({ ok: false, reason: expect.stringContaining('reportVersion') });
    expect(parseRunReport('{"reportVersion": 1, "model": {"total": {"calls": "nine"}}}')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('model.total.calls'),
    });
  });
});
