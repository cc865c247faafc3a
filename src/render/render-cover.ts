// The cover image the front matter names (`cover.image`): a 1200×630 SVG card with the day's date, title and up
// to six keywords. Pure: text in, SVG text out; the job writes it (see coverWriter in src/app/compose-app.ts).
// SVG rather than PNG: no native rasteriser dependency, the text stays crisp, and Hugo serves it from static/.
// The card names a list of CJK-capable fonts; the viewer's first installed one draws the Chinese text.

import { parse as parseYaml } from 'yaml';
import { READING_PARTS } from './section-titles.js';

export interface CoverInput {
  /** The digest's day, `YYYY-MM-DD`. */
  date: string;
  /** The day's headline, without the ` — YYYY/MM/DD` suffix. */
  title: string;
  /** The day's keywords; the first six that fit are drawn. */
  keywords: string[];
}

export const COVER_WIDTH = 1200;
export const COVER_HEIGHT = 630;
export const COVER_MAX_KEYWORDS = 6;
export const COVER_FONT_FAMILY =
  "'Noto Sans CJK TC', 'Noto Sans TC', 'Source Han Sans TC', 'PingFang TC', 'Microsoft JhengHei', 'Heiti TC', 'WenQuanYi Zen Hei', 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";

/** `2025-12-05` → `2025-12-05-ai-intel.svg`: the cover's file name. */
export function coverFileName(date: string): string {
  return `${date}-ai-intel.svg`;
}

/** The site path the front matter names; Hugo serves `static/images/` there. */
export function coverImagePath(date: string): string {
  return `/images/${coverFileName(date)}`;
}

// XML 1.0 forbids most C0 controls and lone surrogates even when escaped: drop them.
const INVALID_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe inside an XML element or a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

/** Estimated advance of one character in ems: no font metrics at hand, so generous for Latin, 1 em for CJK. */
function charWidth(ch: string): number {
  if (WIDE.test(ch)) return 1;
  if (ch === ' ') return 0.3;
  if (/[A-Z@%&mwMW]/.test(ch)) return 0.7;
  return 0.56;
}

function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/** Break points: each CJK character stands alone, a Latin word stays whole, spaces separate. */
function tokens(text: string): string[] {
  return text.match(/\s+|[^\s\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60]+|./gsu) ?? [];
}

/** Cuts `text` to at most `maxEm` ems, ending with `…` when it was cut. */
function clip(text: string, maxEm: number): string {
  if (textWidth(text) <= maxEm) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(out + ch) + 1 > maxEm) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/** Greedy line filling; a word longer than a line is cut by characters. Returns all lines (caller limits them). */
function wrap(text: string, maxEm: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens(text)) {
    if (/^\s+$/.test(tok)) {
      if (line) line += ' ';
      continue;
    }
    if (textWidth(line + tok) <= maxEm) {
      line += tok;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    let rest = tok;
    while (textWidth(rest) > maxEm) {
      let head = '';
      for (const ch of rest) {
        if (textWidth(head + ch) > maxEm) break;
        head += ch;
      }
      lines.push(head);
      rest = rest.slice(head.length);
    }
    line = rest;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

interface TitleLayout {
  size: number;
  lines: string[];
}

const MARGIN = 80;
const CONTENT_WIDTH = COVER_WIDTH - 2 * MARGIN;

/** The largest size at which the title fits its lines (without a widow); at the smallest, the last line is cut with `…`. */
function layoutTitle(title: string): TitleLayout {
  const options = [
    { size: 64, maxLines: 2 },
    { size: 56, maxLines: 3 },
    { size: 48, maxLines: 3 },
  ];
  for (const [i, o] of options.entries()) {
    const lines = wrap(title, CONTENT_WIDTH / o.size);
    // A last line of one or two characters reads badly: a smaller size may keep them with the rest.
    const widow = lines.length > 1 && textWidth(lines[lines.length - 1]!) < 3 && i < options.length - 1;
    if (lines.length <= o.maxLines && !widow) return { size: o.size, lines };
  }
  const last = options[options.length - 1]!;
  const maxEm = CONTENT_WIDTH / last.size;
  const lines = wrap(title, maxEm).slice(0, last.maxLines);
  let tail = [...lines[lines.length - 1]!];
  while (tail.length && textWidth(tail.join('')) + 1 > maxEm) tail = tail.slice(0, -1);
  lines[lines.length - 1] = `${tail.join('').trimEnd()}…`;
  return { size: last.size, lines };
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function dateLabel(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = Number.isNaN(d.getTime()) ? '' : `（${WEEKDAYS[d.getUTCDay()]}）`;
  return `${date.replaceAll('-', '/')}${weekday}`;
}

interface Chip {
  x: number;
  y: number;
  width: number;
  text: string;
}

const CHIP_FONT = 26;
const CHIP_HEIGHT = 50;
const CHIP_PAD = 22;
const CHIP_GAP = 16;

/** Keyword chips in at most two rows from the bottom margin up; a keyword that does not fit is left out. */
function layoutChips(keywords: string[]): Chip[] {
  const rows: Chip[][] = [[]];
  let x = MARGIN;
  for (const raw of keywords.slice(0, COVER_MAX_KEYWORDS)) {
    const text = clip(raw.replace(/\s+/g, ' ').trim(), 18);
    if (!text) continue;
    const width = Math.ceil(textWidth(text) * CHIP_FONT + 2 * CHIP_PAD);
    if (x + width > COVER_WIDTH - MARGIN) {
      if (rows.length === 2) continue;
      rows.push([]);
      x = MARGIN;
    }
    rows[rows.length - 1]!.push({ x, y: 0, width, text });
    x += width + CHIP_GAP;
  }
  const used = rows.filter((r) => r.length > 0);
  const bottom = COVER_HEIGHT - 64;
  return used.flatMap((row, i) => row.map((c) => ({ ...c, y: bottom - (used.length - i) * (CHIP_HEIGHT + 14) + 14 })));
}

/** The cover card as a standalone SVG document (UTF-8, ends with a newline). */
export function renderCover(input: CoverInput): string {
  const title = layoutTitle(input.title.replace(/\s+/g, ' ').trim() || 'AI 每日情報');
  const chips = layoutChips(input.keywords);
  const lineHeight = Math.round(title.size * 1.28);
  const titleTop = 262;
  const titleText = title.lines
    .map(
      (l, i) =>
        `    <text x="${MARGIN}" y="${titleTop + i * lineHeight}" font-size="${title.size}" font-weight="700" fill="#f8fafc">${escapeXml(l)}</text>`,
    )
    .join('\n');
  const chipText = chips
    .map(
      (c) =>
        `    <g>\n      <rect x="${c.x}" y="${c.y}" width="${c.width}" height="${CHIP_HEIGHT}" rx="25" fill="#1e40af" fill-opacity="0.55" stroke="#60a5fa" stroke-width="2"/>\n` +
        `      <text x="${c.x + c.width / 2}" y="${c.y + CHIP_HEIGHT / 2 + 9}" font-size="${CHIP_FONT}" text-anchor="middle" fill="#dbeafe">${escapeXml(c.text)}</text>\n    </g>`,
    )
    .join('\n');
  const label = `AI Daily — ${input.title} — ${input.date}`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${COVER_WIDTH}" height="${COVER_HEIGHT}" viewBox="0 0 ${COVER_WIDTH} ${COVER_HEIGHT}" role="img" aria-label="${escapeXml(label)}">`,
    `  <title>${escapeXml(label)}</title>`,
    `  <defs>`,
    `    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">`,
    `      <stop offset="0" stop-color="#0b1220"/>`,
    `      <stop offset="1" stop-color="#1e3a8a"/>`,
    `    </linearGradient>`,
    `  </defs>`,
    `  <rect width="${COVER_WIDTH}" height="${COVER_HEIGHT}" fill="url(#bg)"/>`,
    `  <rect x="0" y="0" width="12" height="${COVER_HEIGHT}" fill="#38bdf8"/>`,
    `  <g font-family="${COVER_FONT_FAMILY.replaceAll('"', '&quot;')}">`,
    `    <text x="${MARGIN}" y="104" font-size="30" font-weight="700" letter-spacing="2" fill="#7dd3fc">AI Daily ｜ AI 每日情報</text>`,
    `    <text x="${MARGIN}" y="166" font-size="40" fill="#cbd5e1">${escapeXml(dateLabel(input.date))}</text>`,
    titleText,
    chipText,
    `  </g>`,
    `</svg>`,
    '',
  ]
    .filter((l) => l !== '')
    .join('\n')
    .concat('\n');
}

/**
 * What the cover shows, read back from a rendered digest: the front matter title without its ` — YYYY/MM/DD`
 * suffix and the backquoted words under `### 本日關鍵詞`. Missing parts give an empty title or no keywords.
 */
export function coverInputFromMarkdown(markdown: string, date: string): CoverInput {
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  let title = '';
  if (fm) {
    try {
      const data = parseYaml(fm[1]!) as { title?: unknown } | null;
      if (typeof data?.title === 'string') title = data.title.replace(/\s+—\s+\d{4}\/\d\d\/\d\d\s*$/, '');
    } catch {
      // A digest that passed the check always has YAML front matter; a broken one just gets no title.
    }
  }
  const heading = `### ${READING_PARTS[2]}`;
  const lines = markdown.split('\n');
  const at = lines.findIndex((l) => l.trim() === heading);
  const keywordLine = at < 0 ? undefined : lines.slice(at + 1).find((l) => l.trim() !== '');
  const keywords = keywordLine ? [...keywordLine.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.trim()).filter(Boolean) : [];
  return { date, title, keywords };
}
