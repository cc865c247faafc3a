// Feed dates come as RFC 822 (RSS), W3C/ISO 8601 (Atom, dc:date, JSON Feed) and many broken variants.
// A date without a zone is read as UTC: the machine's own zone must never change what a feed means.

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  sept: 8,
  oct: 9,
  nov: 10,
  dec: 11,
  january: 0,
  february: 1,
  march: 2,
  april: 3,
  june: 5,
  july: 6,
  august: 7,
  september: 8,
  october: 9,
  november: 10,
  december: 11,
};

/** Offsets in minutes. US zones as RFC 822 defines them; the rest are the ones real feeds use. */
const ZONES: Record<string, number> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  wet: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  bst: 60,
  ist: 330,
  cet: 60,
  cest: 120,
  met: 60,
  mest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  hkt: 480,
  sgt: 480,
  awst: 480,
  jst: 540,
  kst: 540,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
};

const ISO_RE = /^(\d{4})-?(\d\d)(?:-?(\d\d))?(?:[T\s]+(\d\d):?(\d\d)(?::?(\d\d)(?:[.,](\d+))?)?)?\s*(Z|[+-]\d\d(?::?\d\d)?|UTC|GMT)?$/i;
const RFC822_RE =
  /^(?:[A-Za-z]+\.?,?\s*)?(\d{1,2})[\s-]+([A-Za-z]+)\.?,?[\s-]+(\d{2,4})(?:,?\s+(\d{1,2}):(\d\d)(?::(\d\d)(?:\.\d+)?)?)?\s*(.*)$/;
/** `Dec 5, 2025 10:00:00 GMT` and `Tue Jun 10 2003 04:00:00 GMT+0000` (JavaScript's toString). */
const US_RE =
  /^(?:[A-Za-z]+\.?,?\s+)?([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d\d)(?::(\d\d))?\s*([AaPp][Mm])?)?\s*(.*)$/;
/** `2025年12月5日 10:00`, `2025/12/05 10:00`. */
const CJK_RE = /^(\d{4})\s*[年/.]\s*(\d{1,2})\s*[月/.]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2}):(\d\d)(?::(\d\d))?)?\s*(.*)$/;

/** Parses a feed date; null when the text is not a date we can trust. */
export function parseDate(raw: string | undefined | null): Date | null {
  if (!raw) return null;
  const s = raw.trim().replace(/\s*\([^)]*\)\s*$/, ''); // "+0000 (UTC)": the comment repeats the zone
  if (!s) return null;

  let m = ISO_RE.exec(s);
  if (m) {
    const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    return build(+m[1]!, +m[2]! - 1, m[3] ? +m[3] : 1, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, ms, zoneOffset(m[8] ?? ''));
  }
  m = RFC822_RE.exec(s);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (month !== undefined) {
      return build(fullYear(m[3]!), month, +m[1]!, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, 0, zoneOffset(m[7]!));
    }
  }
  m = US_RE.exec(s);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    if (month !== undefined) {
      let hour = m[4] ? +m[4] : 0;
      const ampm = m[7]?.toLowerCase();
      if (ampm === 'pm' && hour < 12) hour += 12;
      if (ampm === 'am' && hour === 12) hour = 0;
      return build(+m[3]!, month, +m[2]!, hour, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, 0, zoneOffset(m[8]!));
    }
  }
  m = CJK_RE.exec(s);
  if (m) {
    return build(+m[1]!, +m[2]! - 1, +m[3]!, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, 0, zoneOffset(m[7]!));
  }
  return null;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  // RFC 822 two-digit years: 70–99 are 19xx, the rest 20xx (the RFC 2822 rule).
  return n >= 70 ? 1900 + n : 2000 + n;
}

/** Minutes east of UTC for a zone token; 0 for none; null when the token is not a zone. */
function zoneOffset(token: string): number | null {
  const t = token.trim().toLowerCase();
  if (t === '') return 0;
  const m = /^(?:gmt|utc|ut)?\s*([+-])(\d{1,2})(?::?(\d\d))?$/.exec(t);
  if (m) {
    const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
    return m[1] === '-' ? -minutes : minutes;
  }
  const named = ZONES[t];
  return named ?? null;
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  offset: number | null,
): Date | null {
  if (offset === null) return null;
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return null;
  // Years outside this range are typos or placeholders (0001-01-01); toISOString would even throw past 9999.
  if (year < 1970 || year > 2200) return null;
  const t = Date.UTC(year, month, day, hour, minute, second, ms) - offset * 60_000;
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? null : d;
}
