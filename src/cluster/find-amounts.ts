// Numbers survive translation: "$200m", "200 million dollars" and "2 億美元" are one fact. Amounts are reduced to a
// canonical value (3 significant digits) so the English and the Chinese report of it share a feature.

const SCALE: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  million: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
  t: 1e12,
  tn: 1e12,
  trillion: 1e12,
  千: 1e3,
  萬: 1e4,
  万: 1e4,
  十萬: 1e5,
  十万: 1e5,
  百萬: 1e6,
  百万: 1e6,
  千萬: 1e7,
  千万: 1e7,
  億: 1e8,
  亿: 1e8,
  十億: 1e9,
  十亿: 1e9,
  百億: 1e10,
  百亿: 1e10,
  千億: 1e11,
  千亿: 1e11,
  兆: 1e12,
};

// Longest first, so "百萬" wins over "萬" and "mn" over "m".
const SCALE_WORDS = Object.keys(SCALE).sort((a, b) => b.length - a.length);
const LATIN_SCALES = SCALE_WORDS.filter((w) => /^[a-z]/.test(w));
const CJK_SCALES = SCALE_WORDS.filter((w) => !/^[a-z]/.test(w));
const PERCENTS = ['%', 'percent', 'per cent', '個百分點', '个百分点'];
const CURRENCY_BEFORE = /(?:us\$|nt\$|hk\$|\$|€|£|¥)\s?$/;
// First characters of scale and percent words: most numbers are followed by neither, and this says so at once.
const SCALE_FIRST = new Set(SCALE_WORDS.map((w) => w.charCodeAt(0)));
const PERCENT_FIRST = new Set(PERCENTS.map((w) => w.charCodeAt(0)));

const NEXT_DIGIT = /[0-9]/g;

export interface Amount {
  /**
   * Canonical feature text: `%40` for percentages; scaled amounts to 3 significant digits (`200000000`); other
   * numbers exact. Bare integers below 100 and bare years are left out: they say too little to match two articles on.
   */
  key: string;
  /** True when a currency or a scale word made this more than a bare number. */
  qualified: boolean;
}

/** The numbers in a (normalised, lower-case) text, with scale words and currencies applied. */
// A hand-written scanner (it was a regular expression; this is several times faster on long texts). The text is
// already NFKC-normalised and lower-cased. Grammar: [currency] number [scale word] [percent], where a number is
// digits with optional ",ddd" groups and decimals; a Latin scale word must end at a word boundary ("5m", not "5mb").
export function findAmounts(text: string): Amount[] {
  const out: Amount[] = [];
  const len = text.length;
  let i = 0;
  while (i < len) {
    // The next digit, found by the regular expression engine's scan (a character loop here was most of the cost).
    NEXT_DIGIT.lastIndex = i;
    if (!NEXT_DIGIT.test(text)) break;
    i = NEXT_DIGIT.lastIndex - 1;
    const start = i;
    while (i < len && isDigit(codeAt(text, i))) i++;
    while (codeAt(text, i) === 44 /* , */ && isDigit3(text, i + 1)) i += 4;
    if (codeAt(text, i) === 46 /* . */ && isDigit(codeAt(text, i + 1))) {
      i++;
      while (i < len && isDigit(codeAt(text, i))) i++;
    }
    // The middle of a number ("12" of "3.12") is not a number of its own.
    if (start > 1 && (codeAt(text, start - 1) === 46 || codeAt(text, start - 1) === 44) && isDigit(codeAt(text, start - 2))) continue;
    // A digit run glued to letters before it ("gpt5", "h100") is part of a name, not an amount. (A currency sign
    // would stand between them, so this needs no currency check.)
    if (start > 0 && isLetter(codeAt(text, start - 1))) continue;
    const before = start > 0 ? codeAt(text, start - 1) : 0;
    const currency =
      (before === 36 || before === 0x20ac || before === 0xa3 || before === 0xa5 || isSpace(before)) &&
      CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 4), start));
    const digits = text.slice(start, i);
    // Scale word: CJK right after the number or after one space; Latin likewise, but must end the word.
    let scaleWord: string | undefined;
    let spaced = false;
    const afterSpace = isSpace(codeAt(text, i)) ? i + 1 : i;
    // At most two places: after the space (when there is one), then right after the number.
    for (let attempt = 0; attempt < 2; attempt++) {
      const at = attempt === 0 ? afterSpace : i;
      if (attempt === 1 && afterSpace === i) break;
      const c = codeAt(text, at);
      if (SCALE_FIRST.has(c)) {
        scaleWord = CJK_SCALES.find((w) => text.startsWith(w, at));
        if (scaleWord) {
          i = at + scaleWord.length;
          break;
        }
        scaleWord = LATIN_SCALES.find((w) => text.startsWith(w, at) && !isWordChar(codeAt(text, at + w.length)));
        if (scaleWord) {
          spaced = at !== i;
          i = at + scaleWord.length;
          break;
        }
      }
    }
    const pAt = isSpace(codeAt(text, i)) ? i + 1 : i;
    const percent = PERCENT_FIRST.has(codeAt(text, pAt))
      ? PERCENTS.find((p) => text.startsWith(p, pAt) && (p === '%' || p.charCodeAt(0) > 127 || !isWordChar(codeAt(text, pAt + p.length))))
      : undefined;
    if (percent) i = pAt + percent.length;

    const base = Number(digits.includes(',') ? digits.replace(/,/g, '') : digits);
    if (!Number.isFinite(base)) continue;
    // A lone "m"/"b"/"k" counts only glued to the number ("$200m", "7b"); "5 m" is more likely a unit.
    if (scaleWord && scaleWord.length === 1 && spaced && /[a-z]/.test(scaleWord)) scaleWord = undefined;
    if (percent) out.push({ key: '%' + String(base), qualified: true });
    // A bare small integer ("3 models", "3月") or a bare year says too little to match two articles on.
    else if (!scaleWord && !currency && Number.isInteger(base) && (base < 100 || (base >= 1990 && base <= 2039))) continue;
    // Bare numbers stay exact (2025 is a year, not "2030"); scaled amounts are rounded because translations round.
    else if (scaleWord) out.push({ key: canonical(base * SCALE[scaleWord]!), qualified: true });
    else out.push({ key: String(base), qualified: Boolean(currency) });
  }
  return out;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isDigit3(text: string, at: number): boolean {
  return isDigit(codeAt(text, at)) && isDigit(codeAt(text, at + 1)) && isDigit(codeAt(text, at + 2)) && !isDigit(codeAt(text, at + 3));
}

function isLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}

function isWordChar(c: number): boolean {
  return isLetter(c) || isDigit(c);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000;
}

function canonical(v: number): string {
  if (v === 0) return '0';
  return String(Number(v.toPrecision(3)));
}

// charCodeAt, but -1 past the end instead of NaN: a read past the end made V8 throw away the optimised scanner
// (an "out of bounds" deoptimisation) again and again. -1 is no digit, letter, space or first character either.
function codeAt(text: string, at: number): number {
  return at < text.length ? text.charCodeAt(at) : -1;
}
