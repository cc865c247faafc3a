// Plain text from feed HTML. parse5 (cheerio's default parser) reads markup the way a browser does, so
// the tricks of feedparser's "crazy" sanitize cases (split <script> tags, comments around tags) end up as
// elements we can drop rather than as text.
//
// Feed HTML is hostile, and parse5's tree construction costs time in proportion to the depth of the open
// elements for every tag: 100,000 nested <div>s took minutes (280 s here) and then overflowed the stack of a
// recursive walk. So the markup is bounded before parse5 sees it (boundNesting: a linear scan that drops tags
// nested deeper than MAX_NESTING and keeps their text), and the walk over the tree is iterative.

import { load } from 'cheerio';

/**
 * Elements whose content is code, raw markup, plugin or media fallback, or page chrome: never article text.
 * <object>, <applet> and <form> are not here: their children are ordinary content and are kept.
 */
const DROPPED_NAMES = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'noframes',
  'noembed',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'select',
  'textarea',
  'button',
  'input',
];
const DROPPED = DROPPED_NAMES.join(', ');
const DROPPED_SET = new Set(DROPPED_NAMES);

/** Elements that end a line of text: a space stands in for them so words of adjacent blocks do not fuse. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'tr',
  'ul',
  'caption',
  'img',
]);

/**
 * Deepest nesting of elements handed to parse5. Real articles stay far below it (Chromium's parser stops
 * nesting at 512); deeper tags are dropped and their text kept, so the text is the same and the parse is cheap.
 */
export const MAX_NESTING = 256;
/** Formatting elements (<b>, <i>, <a>, ...) parse5 may re-open after every block: their own, smaller bound. */
const MAX_FORMATTING = 64;
/** Longest markup parsed, in characters: more than any article, and a bound on the parser's time. */
export const MAX_HTML_CHARS = 2_000_000;

const VOID = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Elements whose content parse5 reads as text, up to their own end tag (scripting enabled, as cheerio sets it). */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'textarea', 'title', 'plaintext']);
const FORMATTING = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);
/** Inside these, parse5 does not treat <style>, <title>, ... as raw text (foreign content), or ignores them (select). */
const NOT_RAW_INSIDE = new Set(['svg', 'math', 'select']);

interface DomNode {
  type: string;
  name?: string;
  data?: string;
  children?: DomNode[];
}

/** Whitespace runs (including no-break and ideographic spaces) become one space; zero-width characters go. */
export function collapseWhitespace(text: string): string {
  return text
    .replace(/[\u200b-\u200d\u2060]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Plain text of an HTML fragment: tags, comments, scripts and styles removed, entities decoded, whitespace collapsed. */
export function htmlToText(html: string | undefined | null): string {
  if (!html) return '';
  // Most titles are plain text: skip the parser when there is nothing to parse.
  if (!/[<&]/.test(html)) return collapseWhitespace(html);
  // A cut inside a tag or a script is safe: parse5 drops an unfinished tag and an unclosed script is still a script.
  const bounded = boundNesting(html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html);
  // XHTML habits: a self-closed <iframe/> would make the rest of the text the iframe's raw content in HTML.
  const $ = load(bounded.replace(/<(iframe|noscript|textarea|title|style)\b([^>]*?)\/>/gi, '<$1$2></$1>'), null, false);
  $(DROPPED).remove();
  return collapseWhitespace(textOf($.root()[0] as unknown as DomNode));
}

/** The text under a node, depth first, blocks set apart by spaces; an explicit stack, never recursion. */
function textOf(root: DomNode): string {
  const parts: string[] = [];
  // A string on the stack is text to emit (a block's closing space); a node is to be visited.
  const stack: Array<DomNode | string> = [root];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      parts.push(item);
      continue;
    }
    if (item.type === 'text') {
      parts.push(item.data ?? '');
      continue;
    }
    if (item.type !== 'tag' && item.type !== 'root') continue; // comments, directives, CDATA
    const block = item.name !== undefined && BLOCK.has(item.name);
    if (block) {
      parts.push(' ');
      stack.push(' ');
    }
    const children = item.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return parts.join('');
}

/** HTML for a piece of plain text that may still hold entity references (`&amp;`, an undeclared `&nbsp;`). */
export function textToHtml(text: string): string {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// ---- bounding the nesting before parse5 sees the markup ----

const SLASH = 0x2f;
const GT = 0x3e;
const EQ = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const isWs = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
const isAlpha = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * The markup with every start tag nested deeper than MAX_NESTING (or formatting elements beyond MAX_FORMATTING)
 * removed, and the end tags that would close them; the text between them stays, a space stands in for a block.
 * A removed element whose content is never text (script, style, svg, ...) goes with its content.
 *
 * The scan tokenizes as parse5 does (tag, attribute, comment and raw-text states) but builds no tree, so its
 * depth is an estimate, built to err high: every start tag opens an element, an end tag closes one only when it
 * matches the innermost open element, and raw text is skipped only where parse5 also reads it as raw text (not
 * inside svg, math or select). parse5 then has fewer elements open (implied end tags, end tags that close
 * several), plus the formatting elements it re-opens, which MAX_FORMATTING bounds. The tricks that make parse5
 * nest deeper than the tags suggest (scope boundaries, the adoption agency, re-opened formatting) are in
 * tests/collect/hostile-parsing.test.ts. Erring high costs nothing: a flattened tree has the same text.
 */
export function boundNesting(html: string): string {
  // Fewer tags than the bound cannot nest deeper than it.
  let tags = 0;
  for (let i = html.indexOf('<'); i >= 0 && tags <= MAX_NESTING; i = html.indexOf('<', i + 1)) tags++;
  if (tags <= MAX_NESTING) return html;

  const out: string[] = [];
  const open: string[] = [];
  let formatting = 0;
  let notRaw = 0; // open svg, math or select
  let excess = 0; // start tags removed and not yet closed
  let copied = 0; // html[0, copied) has been decided
  const n = html.length;
  let i = 0;
  const drop = (from: number, to: number, replacement: string): void => {
    out.push(html.slice(copied, from), replacement);
    copied = to;
  };

  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0 || lt + 1 >= n) break;
    const c = html.charCodeAt(lt + 1);
    if (c === 0x21 /* ! */) {
      i = html.startsWith('<!--', lt) ? commentEnd(html, lt + 4) : afterGt(html, lt + 2);
      continue;
    }
    if (c === 0x3f /* ? */) {
      i = afterGt(html, lt + 2);
      continue;
    }
    if (c === SLASH) {
      if (lt + 2 >= n || !isAlpha(html.charCodeAt(lt + 2))) {
        i = html[lt + 2] === '>' ? lt + 3 : afterGt(html, lt + 2); // `</>` or a bogus comment
        continue;
      }
      const { name, end } = readTag(html, lt + 2);
      if (end < 0) break; // unfinished tag at the end: parse5 drops it
      if (excess > 0) {
        excess--;
        drop(lt, end, BLOCK.has(name) ? ' ' : '');
      } else if (open.length && open[open.length - 1] === name) {
        open.pop();
        if (FORMATTING.has(name)) formatting--;
        if (NOT_RAW_INSIDE.has(name)) notRaw--;
      }
      i = end;
      continue;
    }
    if (!isAlpha(c)) {
      i = lt + 1; // a bare `<` is text
      continue;
    }
    const { name, end } = readTag(html, lt + 1);
    if (end < 0) break;
    if (VOID.has(name)) {
      i = end;
      continue;
    }
    const raw = RAW_TEXT.has(name) && notRaw === 0;
    const tooDeep = open.length >= MAX_NESTING || (FORMATTING.has(name) && formatting >= MAX_FORMATTING);
    if (tooDeep) {
      // Never text: removed with everything in it (a script's words must not become the article's).
      if (raw) {
        const after = rawTextEnd(html, name, end);
        drop(lt, after, '');
        i = after;
      } else if (DROPPED_SET.has(name)) {
        const after = elementEnd(html, name, end);
        drop(lt, after, '');
        i = after;
      } else {
        excess++;
        drop(lt, end, BLOCK.has(name) ? ' ' : '');
        i = end;
      }
      continue;
    }
    if (raw) {
      i = rawTextEnd(html, name, end); // kept as it is; closed by its own end tag
      continue;
    }
    open.push(name);
    if (FORMATTING.has(name)) formatting++;
    if (NOT_RAW_INSIDE.has(name)) notRaw++;
    i = end;
  }
  if (copied === 0) return html;
  out.push(html.slice(copied));
  return out.join('');
}

function afterGt(html: string, from: number): number {
  const gt = html.indexOf('>', from);
  return gt < 0 ? html.length : gt + 1;
}

/** End of a comment whose `<!--` ended at `from`: `-->`, `--!>`, or the abrupt `<!-->` and `<!--->` (HTML spec). */
function commentEnd(html: string, from: number): number {
  if (html[from] === '>') return from + 1;
  if (html.startsWith('->', from)) return from + 2;
  const close = /--!?>/g;
  close.lastIndex = from;
  const m = close.exec(html);
  return m ? m.index + m[0].length : html.length;
}

const enum TagState {
  BeforeAttrName,
  AttrName,
  AfterAttrName,
  BeforeValue,
  UnquotedValue,
  AfterQuotedValue,
  SelfClosing,
}

/**
 * A tag's lower-cased name and the index just past its `>`, from the first letter of its name; end -1 when the
 * input ends inside the tag (parse5 then drops it). The attribute states of the HTML tokenizer, so that a `>`
 * inside a quoted value does not end the tag and a quote opens a value only where the tokenizer says it does.
 */
function readTag(html: string, from: number): { name: string; end: number } {
  const n = html.length;
  let i = from;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (isWs(c) || c === SLASH || c === GT) break;
    i++;
  }
  const name = html.slice(from, i).toLowerCase();
  let state = TagState.BeforeAttrName;
  while (i < n) {
    const c = html.charCodeAt(i);
    const ws = isWs(c);
    switch (state) {
      case TagState.BeforeAttrName:
        if (ws) i++;
        else if (c === SLASH) {
          state = TagState.SelfClosing;
          i++;
        } else if (c === GT) return { name, end: i + 1 };
        else {
          state = TagState.AttrName;
          if (c === EQ) i++; // `=` first in a name is part of the name
        }
        break;
      case TagState.AttrName:
        if (ws || c === SLASH || c === GT) state = TagState.AfterAttrName;
        else {
          if (c === EQ) state = TagState.BeforeValue;
          i++;
        }
        break;
      case TagState.AfterAttrName:
        if (c === GT) return { name, end: i + 1 };
        if (ws) i++;
        else if (c === SLASH) {
          state = TagState.SelfClosing;
          i++;
        } else if (c === EQ) {
          state = TagState.BeforeValue;
          i++;
        } else state = TagState.AttrName;
        break;
      case TagState.BeforeValue:
        if (ws) i++;
        else if (c === DQUOTE || c === SQUOTE) {
          const close = html.indexOf(c === DQUOTE ? '"' : "'", i + 1);
          if (close < 0) return { name, end: -1 };
          i = close + 1;
          state = TagState.AfterQuotedValue;
        } else if (c === GT) return { name, end: i + 1 };
        else state = TagState.UnquotedValue;
        break;
      case TagState.UnquotedValue:
        if (c === GT) return { name, end: i + 1 };
        if (ws) state = TagState.BeforeAttrName;
        i++;
        break;
      case TagState.AfterQuotedValue:
        if (c === GT) return { name, end: i + 1 };
        if (c === SLASH) {
          state = TagState.SelfClosing;
          i++;
        } else {
          state = TagState.BeforeAttrName; // missing whitespace between attributes: read on as a new name
          if (ws) i++;
        }
        break;
      case TagState.SelfClosing:
        if (c === GT) return { name, end: i + 1 };
        state = TagState.BeforeAttrName;
        break;
    }
  }
  return { name, end: -1 };
}

/** Index past the end tag that closes a raw-text element (`</script` + space, `/` or `>`), or the end of input. */
function rawTextEnd(html: string, name: string, from: number): number {
  if (name === 'plaintext') return html.length;
  const close = new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi');
  close.lastIndex = from;
  const m = close.exec(html);
  if (!m) return html.length;
  const { end } = readTag(html, m.index + 2);
  return end < 0 ? html.length : end;
}

/** Index past the end tag matching an element opened at `from` (same-name elements nest), or the end of input. */
function elementEnd(html: string, name: string, from: number): number {
  const tag = new RegExp(`<(/?)${name}[\\t\\n\\f\\r />]`, 'gi');
  tag.lastIndex = from;
  let depth = 1;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      const { end } = readTag(html, m.index + 2);
      return end < 0 ? html.length : end;
    }
  }
  return html.length;
}
