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

// Longest alternatives first, so "百萬" wins over "萬" and "mn" over "m".
const SCALE_WORDS = Object.keys(SCALE).sort((a, b) => b.length - a.length);
const LATIN_SCALE = SCALE_WORDS.filter((w) => /^[a-z]/.test(w)).join('|');
const CJK_SCALE = SCALE_WORDS.filter((w) => !/^[a-z]/.test(w)).join('|');

// [currency] number [scale] [percent]; the text is already NFKC-normalised and lower-cased.
// A Latin scale word must end at a word boundary ("5m" yes, "5mb" no); a CJK one needs none.
const AMOUNT = new RegExp(
  String.raw`(?:(us\$|nt\$|hk\$|\$|€|£|¥)\s?)?(\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(${CJK_SCALE})|(\s?)(${LATIN_SCALE})(?![a-z0-9]))?\s?(%|percent\b|per cent\b|個百分點|个百分点)?`,
  'g',
);

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
export function findAmounts(text: string): Amount[] {
  const out: Amount[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const [, currency, digits, cjkScale, latinSpace, latinScale, percent] = m;
    const start = m.index ?? 0;
    // A digit run glued to letters before it ("gpt5", "h100") is part of a name, not an amount.
    if (!currency && start > 0 && /[a-z]/.test(text[start - 1]!)) continue;
    const base = Number(digits!.replace(/,/g, ''));
    if (!Number.isFinite(base)) continue;
    const scaleWord = cjkScale ?? latinScale;
    // A lone "m"/"b"/"k" counts only glued to the number ("$200m", "7b"); "5 m" is more likely a unit.
    if (latinScale && latinScale.length === 1 && latinSpace) {
      out.push({ key: String(base), qualified: Boolean(currency) });
      continue;
    }
    if (percent) out.push({ key: '%' + String(base), qualified: true });
    // A bare small integer ("3 models", "3月") or a bare year says too little to match two articles on.
    else if (!scaleWord && !currency && Number.isInteger(base) && (base < 100 || (base >= 1990 && base <= 2039))) continue;
    // Bare numbers stay exact (2025 is a year, not "2030"); scaled amounts are rounded because translations round.
    else if (scaleWord) out.push({ key: canonical(base * SCALE[scaleWord]!), qualified: true });
    else out.push({ key: String(base), qualified: Boolean(currency) });
  }
  return out;
}

function canonical(v: number): string {
  if (v === 0) return '0';
  return String(Number(v.toPrecision(3)));
}
