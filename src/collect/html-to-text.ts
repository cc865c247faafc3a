// Plain text from feed HTML. parse5 (cheerio's default parser) reads markup the way a browser does, so
// the tricks of feedparser's "crazy" sanitize cases (split <script> tags, comments around tags) end up as
// elements we can drop rather than as text.

import { load } from 'cheerio';

/**
 * Elements whose content is code, raw markup, plugin or media fallback, or page chrome: never article text.
 * <object>, <applet> and <form> are not here: their children are ordinary content and are kept.
 */
const DROPPED =
  'script, style, noscript, template, iframe, frame, frameset, noframes, noembed, svg, math, canvas, audio, video, head, title, meta, link, base, select, textarea, button, input';

/** Elements that end a line of text: a space stands in for them so words of adjacent blocks do not fuse. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'td', 'th', 'tr', 'ul', 'caption', 'img',
]);

interface DomNode {
  type: string;
  name?: string;
  data?: string;
  children?: DomNode[];
}

/** Whitespace runs (including no-break and ideographic spaces) become one space; zero-width characters go. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\u200b-\u200d\u2060]/g, '').replace(/\s+/g, ' ').trim();
}

/** Plain text of an HTML fragment: tags, comments, scripts and styles removed, entities decoded, whitespace collapsed. */
export function htmlToText(html: string | undefined | null): string {
  if (!html) return '';
  // Most titles are plain text: skip the parser when there is nothing to parse.
  if (!/[<&]/.test(html)) return collapseWhitespace(html);
  // XHTML habits: a self-closed <iframe/> would make the rest of the text the iframe's raw content in HTML.
  const $ = load(html.replace(/<(iframe|noscript|textarea|title|style)\b([^>]*?)\/>/gi, '<$1$2></$1>'), null, false);
  $(DROPPED).remove();
  const parts: string[] = [];
  const walk = (node: DomNode): void => {
    if (node.type === 'text') {
      parts.push(node.data ?? '');
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return; // comments, directives, CDATA
    const block = node.name !== undefined && BLOCK.has(node.name);
    if (block) parts.push(' ');
    for (const child of node.children ?? []) walk(child);
    if (block) parts.push(' ');
  };
  walk($.root()[0] as unknown as DomNode);
  return collapseWhitespace(parts.join(''));
}

/** HTML for a piece of plain text that may still hold entity references (`&amp;`, an undeclared `&nbsp;`). */
export function textToHtml(text: string): string {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
