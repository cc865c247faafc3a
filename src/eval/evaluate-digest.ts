// The figures that say how good a digest is, from the digest and its run report: what the model cost, what it got
// wrong (failed topics, ungrounded numbers and names), whether the entries have the shape ../shared/editorial.md
// asks for, and whether a story is told twice. Pure: text and report in, figures out.

import { checkDigest } from '../check/check-digest.js';
import { findSimplified } from '../text/to-taiwan.js';
import { NEWS_SECTIONS, type ModelUsage, type NewsSection } from '../types.js';
import type { RunReportFigures } from './parse-run-report.js';
import { allEntries, parseDigest, type DigestEntry, type ParsedDigest } from './parse-digest.js';

/** The brief of editorial.md, as ranges (inclusive). */
export const BRIEF = {
  /** 核心摘要: the sections' medians run from ~95 to ~165 characters. */
  summaryChars: [100, 170],
  detailBullets: [2, 5],
  useCaseBullets: [1, 3],
  entities: [2, 6],
} as const;

/**
 * Where 技術細節 and 應用場景 belong (editorial.md): always in headlines and research, optional in tools and
 * applications (none at all fits there too), never in trends and market.
 */
export const BULLETS_EXPECTED: Record<NewsSection, 'required' | 'optional' | 'none'> = {
  headlines: 'required',
  research: 'required',
  tools: 'optional',
  applications: 'optional',
  trends: 'none',
  market: 'none',
};

export interface Share {
  within: number;
  of: number;
  /** within / of; null when there is nothing to measure. */
  share: number | null;
}

export interface GroundingFigure {
  /** Names or numbers listed by the warnings. */
  items: number;
  /** Warnings, one per entry. */
  entries: number;
  /** items per 100 entries of the digest; null for an empty digest. */
  per100Entries: number | null;
}

export interface ReportFigures {
  model: ModelUsage;
  failedTopics: number;
  warningsByCode: Record<string, number>;
  ungroundedNumbers: GroundingFigure;
  ungroundedNames: GroundingFigure;
  groundingRepaired: number;
  groundingRemoved: number;
}

export interface DigestEvaluation {
  file: string;
  entries: { total: number; bySection: Record<NewsSection, number> };
  footer?: { articles: number; topics: number };
  /** Undefined without a run report (see reportNote). */
  report?: ReportFigures;
  reportNote?: string;
  simplified: { count: number; characters: string[] };
  lengths: {
    /** Characters of 核心摘要 (code points, whitespace not counted); null without entries. */
    summaryMedian: number | null;
    summary: Share;
    details: Share;
    useCases: Share;
    entities: Share;
  };
  /** 今日焦點 entries that appear again in another section (same title or a shared source URL). */
  headlineRepeats: { title: string; section: NewsSection; by: ('title' | 'url')[] }[];
  /** Other pairs of entries telling one story: a source URL cited by both, or near-identical titles. */
  duplicates: { titles: [string, string]; by: 'url' | 'title'; url?: string }[];
  /** What `digest check` finds. */
  violations: number;
}

export interface EvaluateInput {
  file: string;
  text: string;
  report?: RunReportFigures;
  reportNote?: string;
}

const chars = (text: string) => [...text.replace(/\s+/g, '')].length;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function share(entries: DigestEntry[], fits: (e: DigestEntry) => boolean): Share {
  const within = entries.filter(fits).length;
  return { within, of: entries.length, share: entries.length ? within / entries.length : null };
}

const inRange = (n: number, [lo, hi]: readonly [number, number]) => n >= lo && n <= hi;

function bulletsFit(e: DigestEntry, n: number, range: readonly [number, number]): boolean {
  const expected = BULLETS_EXPECTED[e.section];
  if (expected === 'none') return n === 0;
  return inRange(n, range) || (expected === 'optional' && n === 0);
}

/** The names or numbers a grounding warning lists: `t3 「title」: A、B appear in none of its articles ...`. */
function listedItems(message: string): number {
  const m = /[:：]\s*(.+?)\s+appears?\s+in\s+none/.exec(message);
  return m ? m[1]!.split('、').filter((s) => s.trim()).length : 1;
}

function groundingFigure(warnings: RunReportFigures['warnings'], code: string, entries: number): GroundingFigure {
  const ws = warnings.filter((w) => w.code === code);
  const items = ws.reduce((n, w) => n + listedItems(w.message), 0);
  return { items, entries: ws.length, per100Entries: entries ? Math.round((items / entries) * 1000) / 10 : null };
}

function reportFigures(r: RunReportFigures, entries: number): ReportFigures {
  const byCode: Record<string, number> = {};
  for (const w of [...r.warnings].sort((a, b) => a.code.localeCompare(b.code))) byCode[w.code] = (byCode[w.code] ?? 0) + 1;
  return {
    model: r.model,
    failedTopics: r.failedTopics,
    warningsByCode: byCode,
    ungroundedNumbers: groundingFigure(r.warnings, 'ungrounded-number', entries),
    ungroundedNames: groundingFigure(r.warnings, 'ungrounded-name', entries),
    groundingRepaired: byCode['grounding-repaired'] ?? 0,
    groundingRemoved: byCode['grounding-removed'] ?? 0,
  };
}

/** Titles compared without case, spaces and punctuation. */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function bigrams(s: string): string[] {
  const cs = [...s];
  return cs.slice(1).map((c, i) => cs[i]! + c);
}

/** Near-identical titles: character bigrams overlap ≥ 80% (Dice) and the same numbers (GPT-5.1 ≠ GPT-5.2). */
export function nearIdenticalTitles(a: string, b: string): boolean {
  const ka = titleKey(a);
  const kb = titleKey(b);
  if (ka === kb) return true;
  if ((a.match(/\d+/g) ?? []).join(' ') !== (b.match(/\d+/g) ?? []).join(' ')) return false;
  const ga = bigrams(ka);
  const pool = new Map<string, number>();
  for (const g of bigrams(kb)) pool.set(g, (pool.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of ga) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(g, n - 1);
    }
  }
  const total = ga.length + bigrams(kb).length;
  return total > 0 && (2 * shared) / total >= 0.8;
}

function repeatsAndDuplicates(d: ParsedDigest): Pick<DigestEvaluation, 'headlineRepeats' | 'duplicates'> {
  const entries = allEntries(d);
  const headlineRepeats: DigestEvaluation['headlineRepeats'] = [];
  const repeatPairs = new Set<string>();
  const pairKey = (a: DigestEntry, b: DigestEntry) => [a.line, b.line].sort((x, y) => x - y).join(':');
  for (const h of d.sections.headlines) {
    for (const e of entries) {
      if (e.section === 'headlines') continue;
      const by: ('title' | 'url')[] = [];
      if (titleKey(h.title) === titleKey(e.title)) by.push('title');
      if (h.sources.some((s) => e.sources.some((o) => o.url === s.url))) by.push('url');
      if (by.length === 0) continue;
      headlineRepeats.push({ title: h.title, section: e.section, by });
      repeatPairs.add(pairKey(h, e));
    }
  }
  const duplicates: DigestEvaluation['duplicates'] = [];
  entries.forEach((a, i) => {
    for (const b of entries.slice(i + 1)) {
      if (repeatPairs.has(pairKey(a, b))) continue;
      const url = a.sources.find((s) => b.sources.some((o) => o.url === s.url))?.url;
      if (url) duplicates.push({ titles: [a.title, b.title], by: 'url', url });
      else if (nearIdenticalTitles(a.title, b.title)) duplicates.push({ titles: [a.title, b.title], by: 'title' });
    }
  });
  return { headlineRepeats, duplicates };
}

export function evaluateDigest(input: EvaluateInput): DigestEvaluation {
  const d = parseDigest(input.text);
  const entries = allEntries(d);
  const bySection = Object.fromEntries(NEWS_SECTIONS.map((s) => [s, d.sections[s].length])) as Record<NewsSection, number>;
  const simplified = findSimplified(input.text);
  return {
    file: input.file,
    entries: { total: entries.length, bySection },
    footer: d.footer,
    report: input.report && reportFigures(input.report, entries.length),
    reportNote: input.reportNote,
    simplified: { count: simplified.length, characters: [...new Set(simplified)] },
    lengths: {
      summaryMedian: median(entries.map((e) => chars(e.summary))),
      summary: share(entries, (e) => inRange(chars(e.summary), BRIEF.summaryChars)),
      details: share(entries, (e) => bulletsFit(e, e.details.length, BRIEF.detailBullets)),
      useCases: share(entries, (e) => bulletsFit(e, e.useCases.length, BRIEF.useCaseBullets)),
      entities: share(entries, (e) => inRange(e.entities.length, BRIEF.entities)),
    },
    ...repeatsAndDuplicates(d),
    violations: checkDigest(input.text).length,
  };
}
