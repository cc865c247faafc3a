// The writer that needs no model: deterministic and extractive, so the whole pipeline runs with no key,
// and the model writer has something to fall back on per topic.

import { toTaiwan } from '../text/to-taiwan.js';
import type { DigestWriter, Entry, Frame, WriteOutput } from '../types.js';
import { writeOfflineEntry } from './offline-entry.js';
import { writeOfflineFrame } from './offline-frame.js';

export function entryToTaiwan(e: Entry): Entry {
  return {
    ...e,
    title: toTaiwan(e.title),
    summary: toTaiwan(e.summary),
    details: e.details.map(toTaiwan),
    useCases: e.useCases.map(toTaiwan),
    entities: e.entities.map(toTaiwan),
    importanceReason: toTaiwan(e.importanceReason),
  };
}

export function frameToTaiwan(f: Frame): Frame {
  return {
    ...f,
    title: toTaiwan(f.title),
    tags: f.tags.map(toTaiwan),
    description: toTaiwan(f.description),
    summary: toTaiwan(f.summary),
    insight: {
      trends: f.insight.trends.map(toTaiwan),
      context: f.insight.context.map(toTaiwan),
      outlook: f.insight.outlook.map(toTaiwan),
      watchList: f.insight.watchList.map(toTaiwan),
    },
    reading: f.reading.map((r) => ({ ...r, title: toTaiwan(r.title), reason: toTaiwan(r.reason) })),
    background: f.background.map((b) => ({ term: toTaiwan(b.term), english: b.english, explanation: toTaiwan(b.explanation) })),
    keywords: f.keywords.map(toTaiwan),
  };
}

export const writeOffline: DigestWriter = async (input): Promise<WriteOutput> => {
  const byId = new Map(input.articles.map((a) => [a.id, a]));
  const feeds = new Map((input.feeds ?? []).map((f) => [f.id, f]));
  const entries = input.topics.map((t) => {
    const e = entryToTaiwan(writeOfflineEntry(t, byId, feeds));
    input.onTopicDone?.();
    return e;
  });
  const frame = frameToTaiwan(writeOfflineFrame(entries, input.topics, byId));
  return {
    entries,
    frame,
    failedTopics: [],
    warnings: [],
    writers: { offline: entries.length, model: 0, replay: 0 },
    usage: {},
  };
};
