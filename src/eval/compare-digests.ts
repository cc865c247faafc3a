// Which stories one digest has that the other lacks: two runs of a day (models, prompts, a fix) differ in what they
// kept. A story is matched by its sources, the one thing both digests take from the same collected articles;
// titles are written anew by every run.

import { allEntries, parseDigest } from './parse-digest.js';

export interface DigestComparison {
  /** Entries of each digest whose story the other also tells (a source URL in common). */
  matched: [number, number];
  /** Titles of the entries of the first digest that the second lacks, in digest order. */
  onlyInFirst: string[];
  onlyInSecond: string[];
}

export function compareDigests(first: string, second: string): DigestComparison {
  const [a, b] = [allEntries(parseDigest(first)), allEntries(parseDigest(second))];
  const urls = (entries: typeof a) => new Set(entries.flatMap((e) => e.sources.map((s) => s.url)));
  const [urlsA, urlsB] = [urls(a), urls(b)];
  const lacking = (entries: typeof a, other: Set<string>) => entries.filter((e) => !e.sources.some((s) => other.has(s.url)));
  const [onlyA, onlyB] = [lacking(a, urlsB), lacking(b, urlsA)];
  const titles = (entries: typeof a) => [...new Set(entries.map((e) => e.title))];
  return { matched: [a.length - onlyA.length, b.length - onlyB.length], onlyInFirst: titles(onlyA), onlyInSecond: titles(onlyB) };
}
