// The run report as `digest eval` reads it: a trust boundary (the file may be old, new, hand-edited or not a
// report at all), so it is validated, and only the fields eval uses are required to make sense. Fields it does not
// use, and fields added by later report versions, are ignored.

import { z } from 'zod';
import type { ModelUsage } from '../types.js';
import { describeZodIssue } from '../errors.js';

const count = z.number().finite().nonnegative();
const UsageSchema = z.object({
  calls: count.default(0),
  cacheHits: count.default(0),
  replayed: count.default(0),
  inputTokens: count.default(0),
  outputTokens: count.default(0),
  costUsd: count.default(0),
  estimatedCalls: count.optional(),
});

const RunReportSchema = z.object({
  reportVersion: z.number().int().positive(),
  counts: z.object({ failedTopics: count.optional() }).optional(),
  model: z.object({ total: UsageSchema.optional() }).optional(),
  failedTopics: z.array(z.object({ topicId: z.string() })).optional(),
  warnings: z.array(z.object({ code: z.string(), message: z.string().default(''), topicId: z.string().optional() })).default([]),
});

/** What eval takes from a run report. */
export interface RunReportFigures {
  model: ModelUsage;
  failedTopics: number;
  warnings: { code: string; message: string; topicId?: string }[];
}

export type ParsedRunReport = { ok: true; figures: RunReportFigures } | { ok: false; reason: string };

export function parseRunReport(text: string): ParsedRunReport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `not JSON (${(err as Error).message.split('\n')[0]})` };
  }
  const r = RunReportSchema.safeParse(json);
  if (!r.success) {
    return { ok: false, reason: `not a run report: ${describeZodIssue(r.error.issues[0]!, 'the file')}` };
  }
  const { model, counts, failedTopics, warnings } = r.data;
  return {
    ok: true,
    figures: {
      model: model?.total ?? UsageSchema.parse({}),
      failedTopics: failedTopics?.length ?? counts?.failedTopics ?? 0,
      warnings,
    },
  };
}
