// Simplified → Traditional (Taiwan, with phrases) for every text that reaches the digest.
// URLs and code spans are left exactly as they were: a converted URL is a broken link.

import * as OpenCC from 'opencc-js';
import STCharacters from 'opencc-js/dict/STCharacters';
import { mapOutsideMatches } from './map-outside-matches.js';

const convert = OpenCC.Converter({ from: 'cn', to: 'twp' });

// URLs, `code spans` and Markdown link targets are protected from conversion.
const PROTECTED = /(`[^`\n]*`|\]\([^)\s]*\)|https?:\/\/[^\s)\]>"'，。、]+)/g;

export function toTaiwan(text: string): string {
  if (!/\p{Script=Han}/u.test(text)) return text;
  return mapOutsideMatches(text, PROTECTED, convert, (m) => m[0]);
}

// Characters with a different Traditional form that are also ordinary Traditional characters
// (台, 干, 范 as a surname, 里程, 面, 只 ...): their presence proves nothing.
const TRADITIONAL_TOO = new Set([
  ...'台干云范采夸涌后里面发系只才占卷注余志丑谷斗致于征借游扎折仆朴吁合向签症据纤咸须并出冲准当划历累松凶克几家蒙沈姜舍群床峰灶',
]);

const SIMPLIFIED_ONLY: ReadonlySet<string> = new Set(
  (STCharacters as string)
    .split('|')
    .map((e) => e.split(' '))
    .filter(([k, v]) => k && v && v !== k && !TRADITIONAL_TOO.has(k))
    .map(([k]) => k!),
);

/** The Simplified-only characters of a text (URLs and link targets ignored), in order of appearance. */
export function findSimplified(text: string): string[] {
  const prose = text.replace(/\]\([^)]*\)/g, '](').replace(/https?:\/\/\S+/g, '');
  const found: string[] = [];
  for (const ch of prose) if (SIMPLIFIED_ONLY.has(ch)) found.push(ch);
  return found;
}
