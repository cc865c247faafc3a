// The Editor's Insight held against the day's entries (it is written from them, not from the articles): numbers
// and names no entry gives are reported, and under the repair and strict policies the sentences holding them are
// taken out of their paragraph when the paragraph keeps a sentence. The watch list keeps its five items (the format
// needs five): an ungrounded one is reported.

import type { Article, Entry, Frame } from '../types.js';
import { findUngrounded, type GroundingPolicy } from './ground-entry.js';

export interface InsightGrounding {
  frame: Frame;
  removed: string[];
  numbers: string[];
  names: string[];
}

/** The day's entries as the material the insight may draw on. */
function entriesAsArticles(entries: Entry[]): Article[] {
  return entries.map((e) => ({
    id: e.topicId,
    feedId: 'digest',
    source: e.sources.map((s) => s.name).join(' '),
    url: e.sources[0]?.url ?? '',
    title: e.title,
    text: [e.summary, ...e.details, ...e.useCases, e.entities.join('、'), e.importanceReason].join('\n'),
    publishedAt: '',
    lang: 'zh',
  }));
}

function asEntry(text: string): Entry {
  return {
    topicId: 'frame',
    section: 'trends',
    title: '',
    summary: text,
    details: [],
    useCases: [],
    entities: [],
    importance: '中',
    importanceReason: '',
    sources: [],
  };
}

const SENTENCE = /[^。！？!?]+[。！？!?]?/g;

export function groundInsight(frame: Frame, entries: Entry[], policy: GroundingPolicy): InsightGrounding {
  const material = entriesAsArticles(entries);
  const numbers = new Set<string>();
  const names = new Set<string>();
  const removed: string[] = [];
  const check = (text: string) => {
    const u = findUngrounded(asEntry(text), material);
    // Small bare counts ("兩大趨勢", "第 3 項", "5 個主題") count the day's own stories, not facts from a source.
    return { ...u, numbers: u.numbers.filter((n) => !/^\d{1,2}$/.test(n) || Number(n) > 12) };
  };
  const paragraph = (p: string): string => {
    const u = check(p);
    if (!u.numbers.length && !u.names.length) return p;
    if (policy === 'warn') {
      u.numbers.forEach((n) => numbers.add(n));
      u.names.forEach((n) => names.add(n));
      return p;
    }
    const sentences = p.match(SENTENCE) ?? [p];
    const kept = sentences.filter((s) => {
      const su = check(s);
      return !su.numbers.length && !su.names.length;
    });
    if (kept.length === 0) {
      u.numbers.forEach((n) => numbers.add(n));
      u.names.forEach((n) => names.add(n));
      return p;
    }
    removed.push(...sentences.filter((s) => !kept.includes(s)).map((s) => s.trim()));
    return kept.join('').trim();
  };
  const insight = {
    trends: frame.insight.trends.map(paragraph),
    context: frame.insight.context.map(paragraph),
    outlook: frame.insight.outlook.map(paragraph),
    watchList: frame.insight.watchList,
  };
  for (const w of frame.insight.watchList) {
    const u = check(w);
    u.numbers.forEach((n) => numbers.add(n));
    u.names.forEach((n) => names.add(n));
  }
  return { frame: { ...frame, insight }, removed, numbers: [...numbers], names: [...names] };
}
