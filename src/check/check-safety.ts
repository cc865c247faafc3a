// The safety rules of `digest check`: nothing in a digest may act on the published page. Third-party text is
// made inert by src/render/inert-text.ts; this is the independent check of the result, written from what Hugo
// and Goldmark do with the raw file, not from what the renderer means to do.
//   - Hugo finds shortcodes in the raw bytes before Markdown (a backslash does not hide `{{<`); its markdownify,
//     which themes apply to titles and descriptions, runs them in front matter values too.
//   - Goldmark passes HTML through (live with markup.goldmark.renderer.unsafe = true), makes images, links,
//     autolinks and, with linkify (on by default), links of bare URLs and e-mail addresses; it decodes
//     character references; it renders a front matter `summary` as Markdown too.
//   - Hugo's YAML reader refuses control characters, and a bidi control reorders the text around it.

import { LineCounter, parseDocument, isScalar, visit } from 'yaml';
import { FORBIDDEN_CHARS } from '../render/inert-text.js';
import { markdownUrl } from '../render/section-titles.js';
import type { Line, Violation } from './digest-doc.js';

export interface SafetyOptions {
  /** When given, every link target must be one of these (the URLs of the collected articles). */
  articleUrls?: ReadonlySet<string>;
}

const FORBIDDEN = new RegExp(FORBIDDEN_CHARS.source, 'u');
/** A heading whose trailing `{...}` Goldmark could read as attributes (`{+1, -1}` it cannot). */
const HEADING_ATTRIBUTES = /^#{1,6} .*\{(?=\s*[#.A-Za-z_:}])[^{}]*\}\s*$/;
const SHORTCODE = /\{\{\s*[<%]|[>%]\s*\}\}/;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
/** Stands in for an escaped character: matches none of the rules below. */
const MASK = '\uE000';

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const quote = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);

/** A backslash escape and the character it escapes become MASK MASK: what is left is what Goldmark parses. */
function maskEscapes(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length && ASCII_PUNCT.test(text[i + 1]!)) {
      out += MASK + MASK;
      i++;
    } else out += text[i];
  }
  return out;
}

function forbiddenIn(text: string): string | undefined {
  const m = FORBIDDEN.exec(text);
  return m ? codePoint(m[0]) : undefined;
}

/** What Goldmark would make of one line of Markdown that it should not: markup, links, hidden characters. */
function markdownFindings(raw: string, known: ReadonlySet<string> | undefined): string[] {
  const found: string[] = [];
  let text = maskEscapes(raw);

  const autolink = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>?|<[^\s<>@]+@[^\s<>]+>/.exec(text);
  if (autolink) found.push(`autolink ${quote(autolink[0])}: Goldmark makes it a link; links are [name](url) of collected articles`);
  const html = /<(?:[A-Za-z][A-Za-z0-9-]*|\/[A-Za-z][A-Za-z0-9-]*|!--|!\[CDATA\[|![A-Za-z]|\?)/.exec(text);
  if (html && !autolink) found.push(`raw HTML ${quote(html[0])}: Goldmark passes it to the page (live where unsafe = true); write "&lt;"`);
  if (text.includes('![')) found.push('image "![": it would load a third-party image (a tracking pixel) on the page');
  if (/^ {0,3}\[[^\]]+\]:/.test(text)) found.push('link reference definition "[...]:": it would turn "[...]" anywhere into a link');

  // Inline links: each target (read from the unmasked text: escapes are part of a target) is checked, then
  // blanked so the bare-URL rule below does not see it again. Masking keeps positions.
  text = text.replace(/\]\(\s*(<[^>]*>|[^\s)]*)/g, (all: string, target: string, at: number) => {
    const start = at + all.length - target.length;
    const url = raw.slice(start, start + target.length).replace(/^<|>$/g, '');
    if (!/^https?:\/\/[^/\s]/i.test(url)) found.push(`link target "${url}" is not an absolute http(s) URL`);
    else if (known && !known.has(url)) found.push(`link ${url} is not the URL of a collected article`);
    return `](${' '.repeat(all.length - 2)}`;
  });
  const bare = /(?:https?|ftp):\/\/\S*|www\.[A-Za-z0-9-]\S*/i.exec(text);
  if (bare) found.push(`bare URL ${quote(bare[0])}: Goldmark's linkify makes it a link; links are [name](url) of collected articles`);
  const email = /[A-Za-z0-9._%+-]@[A-Za-z0-9-]+\.[A-Za-z]/.exec(text);
  if (email) found.push(`e-mail address near ${quote(email[0])}: Goldmark's linkify makes it a mailto: link; escape the "@" as "\\@"`);

  for (const m of text.matchAll(/&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lrm|rlm));/g)) {
    const cp = m[3] ? (m[3] === 'lrm' ? 0x200e : 0x200f) : parseInt(m[1] ?? m[2]!, m[1] ? 16 : 10);
    const c = cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    if (c && FORBIDDEN.test(c))
      found.push(`character reference ${m[0]} puts ${codePoint(c)} (a control or bidi character) on the page; write "&amp;"`);
  }
  return found;
}

function checkFrontMatter(
  fm: Line[],
  add: (line: number, message: string) => void,
  known: ReadonlySet<string> | undefined,
  rawFlagged: Set<number>,
): void {
  if (fm.length < 2 || fm[0]!.text !== '---' || fm[fm.length - 1]!.text !== '---') return;
  const yamlLines = fm.slice(1, -1);
  const lineOf = (i: number) => yamlLines[Math.min(Math.max(i, 0), yamlLines.length - 1)]?.line ?? fm[0]!.line;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlLines.map((l) => l.text).join('\n'), {
    version: '1.2',
    strict: true,
    uniqueKeys: true,
    prettyErrors: false,
    lineCounter,
  });
  for (const e of doc.errors) {
    add(lineOf(lineCounter.linePos(e.pos[0]).line - 1), `front matter is not valid YAML 1.2 (strict): ${e.message.split('\n')[0]}`);
  }
  if (doc.errors.length) return;
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.value) || typeof pair.value.value !== 'string') return;
      const value = pair.value.value;
      const line = lineOf(lineCounter.linePos(pair.value.range?.[0] ?? 0).line - 1);
      const hidden = forbiddenIn(value);
      if (hidden && !rawFlagged.has(line))
        add(line, `front matter value holds ${hidden} (a control or bidi character, written as an escape); remove it`);
      const sc = SHORTCODE.exec(value);
      if (sc)
        add(
          line,
          `front matter value holds the Hugo shortcode delimiter ${quote(sc[0])}: themes that markdownify it run the shortcode; write "｛｛" for "{{"`,
        );
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (key === 'summary')
        for (const f of markdownFindings(value, known)) add(line, `front matter summary (Hugo renders it as Markdown): ${f}`);
    },
  });
}

/**
 * The safety rules over a digest's numbered lines; `bodyStartLine` is the first line after the front matter's
 * closing `---` (1 when there is no front matter).
 */
export function checkSafety(lines: Line[], bodyStartLine: number, options: SafetyOptions = {}): Violation[] {
  const v: Violation[] = [];
  const add = (line: number, message: string) => void v.push({ line, message });
  // Link targets are written with markdownUrl, so a collected URL may appear encoded: accept either form.
  const known = options.articleUrls && new Set([...options.articleUrls].flatMap((u) => [u, markdownUrl(u)]));
  const rawFlagged = new Set<number>();

  for (const l of lines) {
    const hidden = forbiddenIn(l.text);
    if (hidden) {
      rawFlagged.add(l.line);
      add(l.line, `${hidden} (a control or bidi character) in the text: it breaks Hugo's YAML or reorders the text around it; remove it`);
    }
    if (l.line < bodyStartLine) continue;
    const sc = SHORTCODE.exec(l.text);
    if (sc)
      add(l.line, `Hugo shortcode delimiter ${quote(sc[0])}: Hugo runs shortcodes before Markdown, even escaped ones; write "\\{" for "{"`);
    if (HEADING_ATTRIBUTES.test(maskEscapes(l.text)))
      add(l.line, 'heading ends in "{...}": Goldmark reads it as attributes of the heading (id, class, style); write "\\{"');
    for (const f of markdownFindings(l.text, known)) add(l.line, f);
  }
  checkFrontMatter(
    lines.filter((l) => l.line < bodyStartLine),
    add,
    known,
    rawFlagged,
  );
  return v.sort((a, b) => a.line - b.line);
}
