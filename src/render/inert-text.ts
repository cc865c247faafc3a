// The one gate between third-party text (feeds, article pages, model answers) and the Markdown of a digest.
// Whatever goes in comes out as text on the page: never a Hugo shortcode, HTML, a Markdown link, image, block or
// emphasis, nor a control or bidi character. Each neutralisation was checked with Hugo 0.111's Goldmark, with
// markup.goldmark.renderer.unsafe false and true (tests/hostile/ builds hostile digests both ways).
//
//   shortcodes  `{{<` `{{%` `>}}` `%}}`: every brace of a `{{` or `}}` run is backslash-escaped (and `<` `>`
//               become entities), so the bytes Hugo's shortcode lexer looks for never occur.
//   attributes  a trailing `{#id .class key=value}` (Goldmark heading attributes: class, id, style on the page)
//               gets its `{` escaped; `\{` rather than `&#123;`, which would leak into the heading's id. A
//               brace that can do neither (`{+1, -1}` in an arXiv title) is left as written.
//   HTML        `<` `>` → `&lt;` `&gt;`; `&` → `&amp;` where it would start a character reference, so a
//               double-escaped `&amp;lt;script&amp;gt;` or `&#x202E;` shows as those characters, not as markup.
//   links       `[` `]` escaped (links, images, footnotes, reference definitions, task boxes); the `:` of
//               `http(s)://` / `ftp://`, the `.` of `www.` and the `@` of an e-mail address escaped, which is what
//               Goldmark's linkify matches on (raw bytes, so an escape there stops it).
//   inline      `*` `` ` `` `~` `\` always escaped, `_` where it is not inside a word (CommonMark: intraword `_`
//               never opens emphasis, so `gpt_4o` stays as it is).
//   blocks      one line only; leading heading, quote and list markers stripped (`# 標題` is a title, not a
//               heading); whatever could still start a block (`#` `+` `-` `=` `:` `|`, `1.` `1)`) escaped.
// Ordinary Chinese and English text is unchanged, in the file and on the page. Where escapes cannot work (a code
// span, a front matter value that templates show as is), the few characters that matter become full-width.

/**
 * Characters no published text may hold: C0 controls but TAB and LF, DEL, C1 controls, lone surrogates,
 * noncharacters, the bidi controls of Trojan Source (embeddings, overrides, isolates, LRM, RLM, ALM), and the
 * invisible BOM, interlinear annotation and tag characters (the same set as src/text/strip-unsafe-chars.ts).
 */
export const FORBIDDEN_CHARS =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\p{Cs}\p{Noncharacter_Code_Point}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF\uFFF9-\uFFFB\u{E0000}-\u{E007F}]/gu;

/** A character reference CommonMark would decode (`&lt;`, `&#60;`, `&#x3C;`). */
const CHARACTER_REFERENCE = /^&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)/;

/** Markers a model or a feed puts before a line that mean nothing inside one: heading, quote, bullet, rule. */
const LEADING_MARKER = /^(?:#{1,6}(?=\s|$)|>|[-*+](?=\s)|\d{1,9}[.)](?=\s)|-{3,})\s*/;

const ALWAYS_ESCAPED = new Set(['\\', '`', '*', '~', '[', ']']);

/** A trailing `{...}` that Goldmark could read as heading attributes: `{#id}`, `{.class}`, `{key=value}`, `{}`. */
const TRAILING_ATTRIBUTES = /\{(?=\s*[#.A-Za-z_:}])[^{}]*\}$/u;

/** Removes control, bidi and noncharacter code points. */
export function stripControls(text: string): string {
  return text.replace(FORBIDDEN_CHARS, '');
}

/** One line: whitespace runs (line breaks, NEL included) become one space, forbidden characters go. */
function oneLine(text: string): string {
  return stripControls(text.replace(/[\s\u0085]+/g, ' '))
    .replace(/ {2,}/g, ' ')
    .trim();
}

function stripLeadingMarkers(text: string): string {
  let t = text;
  for (let prev = ''; prev !== t;) {
    prev = t;
    t = t.replace(LEADING_MARKER, '');
  }
  return t;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

function escapeChars(text: string): string {
  const chars = [...text];
  const attributes = TRAILING_ATTRIBUTES.exec(text);
  const attributesAt = attributes ? [...text.slice(0, attributes.index)].length : -1;
  let out = '';
  chars.forEach((c, i) => {
    if (ALWAYS_ESCAPED.has(c)) out += `\\${c}`;
    else if (c === '{') out += chars[i - 1] === '{' || chars[i + 1] === '{' || i === attributesAt ? '\\{' : '{';
    else if (c === '}') out += chars[i - 1] === '}' || chars[i + 1] === '}' ? '\\}' : '}';
    else if (c === '<') out += '&lt;';
    else if (c === '>') out += '&gt;';
    else if (c === '&') out += CHARACTER_REFERENCE.test(chars.slice(i, i + 42).join('')) ? '&amp;' : '&';
    else if (c === '_') out += isWordChar(chars[i - 1]) && isWordChar(chars[i + 1]) ? '_' : '\\_';
    else out += c;
  });
  return out;
}

/** What Goldmark's linkify would turn into a link: `http(s)://`, `ftp://`, `www.`, `name@host.tld`. */
function escapeLinkify(text: string): string {
  return text
    .replace(/(https?|ftp):\/\//gi, '$1\\://')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/([A-Za-z0-9._%+-])@(?=[A-Za-z0-9])/g, '$1\\@');
}

/** Whatever could still open a block at the start of a line, and a closing `#` run that a heading would drop. */
function escapeEdges(text: string): string {
  return text
    .replace(/^[#+\-=:|]/, (c) => `\\${c}`)
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/(^|\s)(#+)$/, '$1\\$2');
}

/** Third-party prose for one line of Markdown: shown as written, never read as markup. */
export function inertText(text: string): string {
  return escapeEdges(escapeLinkify(escapeChars(stripLeadingMarkers(oneLine(text)))));
}

/** Link text: as inertText, with square brackets full-width (they read the same in Chinese text). */
export function inertLinkText(text: string): string {
  const plain = stripLeadingMarkers(oneLine(text)).replaceAll('[', '［').replaceAll(']', '］');
  return escapeEdges(escapeLinkify(escapeChars(plain))) || 'link';
}

/** ASCII punctuation → its full-width form (`<` → `＜`), which reads the same in Chinese text and means nothing. */
const fullWidth = (c: string) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0);

/**
 * Text that stays text where Markdown is applied with no escapes to help: shortcodes lose their double braces
 * (Hugo's markdownify runs shortcodes, checked with 0.111), tags, links and images their brackets, linkify its
 * `://`, `www.` and e-mail `@`, character references their `&`, all to full-width look-alikes.
 */
function fullWidthInert(text: string): string {
  return text
    .replace(/\{\{+|\}\}+/g, (run) => [...run].map(fullWidth).join(''))
    .replace(/[<>[\]]/g, fullWidth)
    .replace(/:\/\//g, '：//')
    .replace(/(www)\./gi, '$1．')
    .replace(/([A-Za-z0-9._%+-])@(?=[A-Za-z0-9])/g, '$1＠')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '＆');
}

/**
 * A front matter value Hugo shows through its templates (title, description, tags), which escape HTML: plain
 * text on one line, no Markdown escapes (they would show). Made full-width where Markdown or shortcodes would
 * act, so a theme that markdownifies its titles or descriptions gets no shortcode, tag, link, image or hidden
 * character out of one either.
 */
export function plainText(text: string): string {
  return fullWidthInert(stripLeadingMarkers(oneLine(text)));
}

/**
 * Text inside a code span (本日關鍵詞): escapes and entities show literally there, so nothing can be escaped.
 * As plainText (the safety check reads lines without knowing the span), without the backtick that would end
 * the span, and with braces full-width: Hugo finds shortcodes before Markdown and a code span does not hide them.
 */
export function inertCode(text: string): string {
  return plainText(text).replaceAll('`', '').replace(/[{}]/g, fullWidth).trim();
}
