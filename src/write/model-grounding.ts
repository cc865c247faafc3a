// Numbers are where invented facts show: an amount, a percentage, a count or a version in an entry that none of
// its articles contains is flagged in the run report. The comparison allows what translation does to a number
// (US$200 million ↔ 2 億美元, 12,600 ↔ 1.26 萬, "three" ↔ 3), not arithmetic.

import type { Article, Entry } from '../types.js';

interface NumberMention {
  /** As written, for the report. */
  text: string;
  /** The number without its unit. */
  value: number;
  /** The number times its unit (萬, 億, million, B, ...). */
  scaled: number;
  hasUnit: boolean;
}

const UNITS: Record<string, number> = {
  兆: 1e12,
  億: 1e8,
  千萬: 1e7,
  百萬: 1e6,
  萬: 1e4,
  万: 1e4,
  亿: 1e8,
  千: 1e3,
  trillion: 1e12,
  billion: 1e9,
  bn: 1e9,
  million: 1e6,
  mn: 1e6,
  thousand: 1e3,
  t: 1e12,
  b: 1e9,
  m: 1e6,
  k: 1e3,
};

// Longer units first so 千萬 wins over 千; Latin single-letter units only when no letter follows (7B, not 7Bn-ish words).
const NUMBER_RE =
  /(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*(兆|億|亿|千萬|百萬|萬|万|千|trillion|billion|million|thousand|bn|mn|[TtBbMmKk](?![A-Za-z])))?/g;

const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  dozen: 12,
  half: 50,
  double: 2,
  twice: 2,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const HAN_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  兩: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  百: 100,
  半: 50,
};

export function extractNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const value = Number(m[1]!.replaceAll(',', ''));
    if (!Number.isFinite(value)) continue;
    const unit = m[2];
    const scale = unit ? (UNITS[unit] ?? UNITS[unit.toLowerCase()] ?? 1) : 1;
    out.push({ text: m[0].trim(), value, scaled: value * scale, hasUnit: scale !== 1 });
  }
  return out;
}

function close(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 0.005;
}

/** The numbers of an entry that appear in none of its articles (nor in their dates), as written in the entry. */
export function findUngroundedNumbers(entry: Entry, articles: Article[]): string[] {
  const known = new Set<number>();
  const knownScaled: number[] = [];
  for (const a of articles) {
    const text = `${a.title}\n${a.text}`;
    for (const n of extractNumbers(text)) {
      known.add(n.value);
      knownScaled.push(n.scaled);
    }
    for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) if (WORDS[w] !== undefined) known.add(WORDS[w]);
    for (const ch of text) if (HAN_DIGITS[ch] !== undefined) known.add(HAN_DIGITS[ch]);
    // The article's own date grounds "12 月 4 日" and "2025 年".
    const d = new Date(a.publishedAt);
    if (!Number.isNaN(d.getTime())) for (const v of [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]) known.add(v);
  }
  const entryText = [entry.title, entry.summary, ...entry.details, ...entry.useCases, ...entry.entities, entry.importanceReason].join('\n');
  const flagged: string[] = [];
  for (const n of extractNumbers(entryText)) {
    // "2 億" is grounded by an amount of 2e8, not by any stray 2 in the article.
    if (!n.hasUnit && known.has(n.value)) continue;
    if (knownScaled.some((k) => close(k, n.scaled))) continue;
    if (!flagged.includes(n.text)) flagged.push(n.text);
  }
  return flagged;
}
