// Feed text → items, for RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0/0.3 and JSON Feed. Pure: no I/O, no clock.
//
// We parse with fast-xml-parser rather than rss-parser: rss-parser (xml2js/sax in strict mode) returns no
// items at all on an undeclared entity like &nbsp; and knows nothing of xml:base, while fast-xml-parser is
// lenient, fast, and with stop nodes keeps HTML fields as raw markup for cheerio. Where even that fails,
// items are recovered one by one, so one broken item does not lose the feed.
//
// The document is third-party text: no error message here quotes it (a parser's message often does, so those
// are described in our own words), and no feed costs more than its first MAX_FEED_ITEMS items.

import { XMLParser } from 'fast-xml-parser';
import { resolveUrl } from './canonical-url.js';
import { FeedParseError } from './collect-errors.js';
import type { FeedItem, ParsedFeed } from './feed-item.js';
import { htmlToText, textToHtml } from './html-to-text.js';
import { parseJsonFeed } from './parse-json-feed.js';
import { atomKind, rawToHtml, xmlCharacterContent, type MarkupKind } from './raw-markup.js';

const HTML_FIELDS = ['title', 'description', 'summary', 'content', 'encoded', 'body', 'fullitem', 'subtitle', 'tagline'];
const REPEATED = new Set(['item', 'entry', 'link', 'category', 'author', 'creator', 'subject', 'contributor']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  allowBooleanAttributes: true,
  stopNodes: HTML_FIELDS.map((f) => `*.${f}`),
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && REPEATED.has(name),
});

type Node = Record<string, unknown>;

const DOCTYPE = /<!DOCTYPE[^[>]*(?:\[[\s\S]*?\]\s*)?>/i;

/** Items read from one feed; the rest are counted, not read (a 100,000-item feed must not cost the run). */
export const MAX_FEED_ITEMS = 500;

export interface ParseFeedOptions {
  /** Default MAX_FEED_ITEMS. */
  maxItems?: number;
}

/** Parses feed text; `baseUrl` (the document's URL) resolves relative links. Throws FeedParseError. */
export function parseFeed(text: string, baseUrl?: string, options: ParseFeedOptions = {}): ParsedFeed {
  const maxItems = options.maxItems ?? MAX_FEED_ITEMS;
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed === '') throw new FeedParseError('empty document: the server sent no content');
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return capItems(parseJsonFeed(trimmed, baseUrl), maxItems);
  if (/^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(trimmed)) throw htmlPageError();
  if (!trimmed.startsWith('<')) throw new FeedParseError(`not XML or JSON: ${describeBody(trimmed)}, starting with neither "<" nor "{"`);

  // The DOCTYPE goes: feeds use it only to declare HTML entities (which the parser knows anyway), parameter
  // entities in it make fast-xml-parser give up, and entity expansion is an attack surface we do not need.
  const xml = trimmed.replace(DOCTYPE, '');
  const short = withoutItemsPast(xml, maxItems);
  if (short) {
    // Parsing 100,000 items only to ignore them costs seconds: the document without them, if that still parses.
    try {
      const parsed = fromDocument(parser.parse(short.xml) as Node, baseUrl, maxItems);
      if (parsed.items.length + (parsed.droppedItems?.length ?? 0) === maxItems) return { ...parsed, ignoredItems: short.ignored };
    } catch {
      // the cut went wrong (an end tag inside CDATA, say): parse the whole document as it is
    }
  }
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (err) {
    return repair(xml, baseUrl, err, maxItems);
  }
  return fromDocument(doc, baseUrl, maxItems);
}

const ITEM_END = /<\/(?:[\w-]+:)?(?:item|entry)\s*>/gi;

/** The document with the items after the first `maxItems` cut out (what follows the last item is kept), or null. */
function withoutItemsPast(xml: string, maxItems: number): { xml: string; ignored: number } | null {
  let count = 0;
  let cutAt = -1;
  let lastEnd = -1;
  ITEM_END.lastIndex = 0;
  for (let m = ITEM_END.exec(xml); m; m = ITEM_END.exec(xml)) {
    count++;
    lastEnd = m.index + m[0].length;
    if (count === maxItems) cutAt = lastEnd;
  }
  if (count <= maxItems || cutAt < 0) return null;
  return { xml: xml.slice(0, cutAt) + xml.slice(lastEnd), ignored: count - maxItems };
}

function capItems(feed: ParsedFeed, maxItems: number): ParsedFeed {
  if (feed.items.length <= maxItems) return feed;
  return { ...feed, items: feed.items.slice(0, maxItems), ignoredItems: feed.items.length - maxItems };
}

/**
 * Reads raw items with `read`, up to `maxItems`. An item that throws is dropped with the reason and the others
 * are kept: one pathological item must not cost its feed.
 */
function readItems(
  raw: unknown[],
  read: (node: Node) => FeedItem,
  maxItems: number,
): Pick<ParsedFeed, 'items' | 'ignoredItems' | 'droppedItems'> {
  const items: FeedItem[] = [];
  const dropped: string[] = [];
  const limit = Math.min(raw.length, maxItems);
  for (let i = 0; i < limit; i++) {
    try {
      items.push(read(asNode(raw[i])));
    } catch (err) {
      dropped.push(`item ${i + 1} could not be read: ${describeError(err)}`);
    }
  }
  return {
    items,
    ...(raw.length > limit ? { ignoredItems: raw.length - limit } : {}),
    ...(dropped.length ? { droppedItems: dropped } : {}),
  };
}

const BARE_AMP = /&(?!(?:[A-Za-z][A-Za-z0-9]*|#\d+|#x[0-9A-Fa-f]+);)/g;
const BARE_LT = /<(?![A-Za-z_:/!?])/g;

/**
 * The usual breakage of hand-made feeds is a bare `&` or `<` in text ("R&D", "a < b"): escape those and try
 * again; if the document still does not parse, recover its items one by one.
 */
function repair(xml: string, baseUrl: string | undefined, cause: unknown, maxItems: number): ParsedFeed {
  const reason = describeXmlError(cause);
  const fixed = xml.replace(BARE_AMP, '&amp;').replace(BARE_LT, '&lt;');
  if (fixed !== xml) {
    try {
      const parsed = fromDocument(parser.parse(fixed) as Node, baseUrl, maxItems);
      return { ...parsed, repaired: `malformed XML (${reason}); bare & and < were escaped` };
    } catch {
      // still broken: fall through to item-by-item recovery
    }
  }
  return salvage(fixed, baseUrl, cause, maxItems);
}

function fromDocument(doc: Node, baseUrl: string | undefined, maxItems: number): ParsedFeed {
  const rootName = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#') && !k.startsWith('@_'));
  const root = asNode(first(doc[rootName ?? '']));
  switch (rootName?.toLowerCase()) {
    case 'rss':
    case 'channel':
      return fromRss(root, rootName.toLowerCase() === 'channel' ? root : asNode(first(root.channel)), baseUrl, 'rss', maxItems);
    case 'rdf':
      return fromRss(root, asNode(first(root.channel)), baseUrl, 'rdf', maxItems);
    case 'feed':
      return fromAtom(root, baseUrl, maxItems);
    case 'entry':
      // A lone Atom entry document (RFC 4287 §4.1.2): a feed of one.
      return fromAtom({ entry: [root] }, baseUrl, maxItems);
    case 'html':
      throw htmlPageError();
    case undefined:
      throw new FeedParseError('no XML element found: the document is empty or not XML');
    default:
      throw new FeedParseError(`not a feed: the root element is ${describeRoot(rootName ?? '')}, expected <rss>, <rdf:RDF> or <feed>`);
  }
}

function fromRss(root: Node, channel: Node, baseUrl: string | undefined, format: 'rss' | 'rdf', maxItems: number): ParsedFeed {
  const docBase = resolveUrl(attr(root, 'base'), baseUrl) ?? baseUrl;
  const channelBase = resolveUrl(attr(channel, 'base'), docBase) ?? docBase;
  const link = rssLink(channel.link, channelBase);
  // Relative item links are resolved against the channel's own link when it has one (feed-rs relurl cases).
  const itemBase = link ?? channelBase;
  // RSS 1.0 puts items beside the channel; some RSS 0.9x feeds do too.
  const rawItems = [...arr(channel.item), ...arr(root.item)];
  return {
    format,
    title: htmlToText(fieldHtml(channel.title, 'html')),
    ...(link ? { link } : {}),
    ...readItems(rawItems, (it) => rssItem(it, itemBase), maxItems),
  };
}

export function rssItem(it: Node, base: string | undefined): FeedItem {
  const itemBase = resolveUrl(attr(it, 'base'), base) ?? base;
  const guidNode = first(it.guid);
  const guid = text(guidNode);
  const guidIsLink = guid !== undefined && /^https?:\/\//i.test(guid) && attr(guidNode, 'isPermaLink')?.toLowerCase() !== 'false';
  // feedburner:origLink is the publisher's URL behind the feedburner redirect.
  const rawLink = text(it.origLink) ?? rssLinkText(it.link) ?? (guidIsLink ? guid : undefined) ?? attr(it, 'about');
  const contentHtml = fieldHtml(it.encoded, 'html') || fieldHtml(it.body, 'xhtml') || fieldHtml(it.fullitem, 'html');
  return compact({
    titleHtml: fieldHtml(it.title, 'html'),
    link: resolveUrl(rawLink, itemBase) ?? rawLink,
    guid,
    published: text(it.pubDate) ?? text(it.date) ?? text(it.published) ?? text(it.issued),
    updated: text(it.updated) ?? text(it.modified) ?? text(it.lastBuildDate),
    summaryHtml: fieldHtml(it.description, 'html') || fieldHtml(it.summary, 'html'),
    contentHtml,
    authors: people([...arr(it.author), ...arr(it.creator)]),
    categories: terms([...arr(it.category), ...arr(it.subject)]),
    sourceName: text(first(it.source))?.trim() || undefined,
    announceType: text(it.announce_type),
  });
}

function fromAtom(feed: Node, baseUrl: string | undefined, maxItems: number): ParsedFeed {
  const base = resolveUrl(attr(feed, 'base'), baseUrl) ?? baseUrl;
  const link = atomLink(feed.link, base);
  return {
    format: 'atom',
    title: htmlToText(atomText(feed.title)),
    ...(link ? { link } : {}),
    ...readItems(arr(feed.entry), (e) => atomEntry(e, base), maxItems),
  };
}

export function atomEntry(entry: Node, base: string | undefined): FeedItem {
  const entryBase = resolveUrl(attr(entry, 'base'), base) ?? base;
  const id = text(entry.id);
  const contentNode = first(entry.content);
  const outOfLine = attr(contentNode, 'src');
  const link = atomLink(entry.link, entryBase) ?? resolveUrl(outOfLine, entryBase) ?? (id && /^https?:\/\//i.test(id) ? id : undefined);
  return compact({
    titleHtml: atomText(entry.title),
    link,
    guid: id,
    published: text(entry.published) ?? text(entry.issued) ?? text(entry.created),
    updated: text(entry.updated) ?? text(entry.modified),
    summaryHtml: atomText(entry.summary),
    contentHtml: atomContent(entry.content),
    authors: people(arr(entry.author)),
    categories: terms(arr(entry.category)),
  });
}

// ---- recovery of malformed documents ----

const ITEM_OPEN = /<((?:[\w-]+:)?(?:item|entry))\b/gi;

/**
 * The `<item>…</item>` and `<entry>…</entry>` blocks of a document, in order, as a lazy regex would find them,
 * but in linear time: a regex that looks for a close tag from every open tag of a document with none is
 * quadratic (20,000 unclosed items took 12 s). A name found unclosed once is not looked for again.
 */
function* itemBlocks(text: string): Generator<{ name: string; block: string }> {
  const unclosedAfter = new Map<string, number>();
  ITEM_OPEN.lastIndex = 0;
  for (let m = ITEM_OPEN.exec(text); m; m = ITEM_OPEN.exec(text)) {
    const name = m[1]!;
    const key = name.toLowerCase();
    const gt = text.indexOf('>', m.index);
    if (gt < 0) return; // no tag after this one can end either
    if ((unclosedAfter.get(key) ?? Infinity) <= m.index) continue;
    const close = new RegExp(`</${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*>`, 'gi');
    close.lastIndex = gt + 1;
    const end = close.exec(text);
    if (!end) {
      unclosedAfter.set(key, m.index);
      continue;
    }
    yield { name, block: text.slice(m.index, end.index + end[0].length) };
    ITEM_OPEN.lastIndex = end.index + end[0].length;
  }
}

/** Parses each <item>/<entry> on its own when the whole document is not well-formed enough to parse. */
function salvage(text: string, baseUrl: string | undefined, cause: unknown, maxItems: number): ParsedFeed {
  const reason = describeXmlError(cause);
  const atom = /<(?:[\w-]+:)?feed\b/i.test(text.slice(0, 4096));
  const rdf = /<(?:[\w-]+:)?RDF\b/.test(text.slice(0, 4096));
  const items: FeedItem[] = [];
  const dropped: string[] = [];
  let seen = 0;
  const channelLink = /<link>\s*([^<\s]+)\s*<\/link>/i.exec(text)?.[1];
  const base = resolveUrl(channelLink, baseUrl) ?? baseUrl;
  for (const { name, block } of itemBlocks(text)) {
    if (++seen > maxItems) continue; // counted, not read
    const isEntry = name.toLowerCase().endsWith('entry');
    try {
      const doc = parser.parse(`<x>${block}</x>`) as Node;
      const node = asNode(first(asNode(doc.x)[isEntry ? 'entry' : 'item']));
      items.push(isEntry ? atomEntry(node, baseUrl) : rssItem(node, base));
    } catch (err) {
      // this item is broken too: skip it, keep the others, and say so
      dropped.push(`item ${seen} could not be read: ${describeXmlError(err)}`);
    }
  }
  // The parser's error quotes the document: it is not kept as the cause.
  if (items.length === 0) throw new FeedParseError(`not well-formed XML and no item could be recovered: ${reason}`);
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1] ?? '';
  return {
    format: atom ? 'atom' : rdf ? 'rdf' : 'rss',
    title: htmlToText(rawToHtml(title, 'html')),
    ...(base ? { link: base } : {}),
    items,
    ...(seen > maxItems ? { ignoredItems: seen - maxItems } : {}),
    ...(dropped.length ? { droppedItems: dropped } : {}),
    repaired: `malformed XML (${reason}); recovered ${items.length} item(s) one by one`,
  };
}

// ---- field helpers ----

function htmlPageError(): FeedParseError {
  return new FeedParseError(
    'an HTML page, not a feed: the URL may point at a web page, an error page or a consent wall; set the feed URL itself',
  );
}

// ---- describing the document without quoting it ----

/** What fast-xml-parser's messages mean, in words of our own: its messages quote the document. */
const XML_PROBLEMS: Array<[RegExp, string]> = [
  [/nested tags/i, 'elements nested deeper than 100 levels'],
  [
    /DOCTYPE|entit|notation|SYSTEM|PUBLIC|content model|Element Expression|attribute (?:name|type)/i,
    'a malformed DOCTYPE or entity declaration',
  ],
  [/not closed|Unexpected end|Unclosed|Unterminated/i, 'a tag, comment or CDATA section that is never closed'],
  [/Invalid tag name|Invalid element name|readTagExp|Unpaired tag|reserved JavaScript keyword/i, 'an invalid tag'],
];

function describeXmlError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  for (const [pattern, description] of XML_PROBLEMS) if (pattern.test(message)) return description;
  return 'markup the XML parser could not read';
}

/** An error of ours or a runtime error: its name only, unless it is one of ours (whose messages never quote). */
function describeError(err: unknown): string {
  if (err instanceof FeedParseError) return err.message;
  if (err instanceof RangeError) return 'too deeply nested or too large to process';
  return err instanceof Error ? `${err.name} while reading it` : 'an unexpected failure';
}

/** The length and kind of a document, for messages that must not quote it. */
function describeBody(text: string): string {
  const sample = text.slice(0, 4096);
  const odd = (sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length;
  const kind = odd > sample.length * 0.05 ? 'binary data' : /<(?:html|body|div|p|script)\b/i.test(sample) ? 'HTML' : 'plain text';
  return `${text.length} characters that look like ${kind}`;
}

/** Root elements worth naming (a sitemap, an OPML list, a storage error); any other name is not repeated. */
const KNOWN_ROOTS = new Set([
  'opml',
  'urlset',
  'sitemapindex',
  'error',
  'svg',
  'xhtml',
  'body',
  'soap:envelope',
  'envelope',
  'listbucketresult',
]);

function describeRoot(name: string): string {
  return KNOWN_ROOTS.has(name.toLowerCase()) ? `<${name}>` : `an unknown element (a name of ${name.length} characters)`;
}

function asNode(v: unknown): Node {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : {};
}

function arr(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

/** The character data of a simple element (already entity-decoded by the parser). */
function text(v: unknown): string | undefined {
  const x = first(v);
  if (typeof x === 'string') return x.trim() || undefined;
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  if (x !== null && typeof x === 'object' && '#text' in x) return text((x as Node)['#text']);
  return undefined;
}

function attr(v: unknown, name: string): string | undefined {
  const x = first(v);
  if (x === null || typeof x !== 'object') return undefined;
  const value = (x as Node)[`@_${name}`];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The raw markup of a stop-node field (string, or object with #text when it has attributes). */
function raw(v: unknown): string {
  const x = first(v);
  if (typeof x === 'string') return x;
  if (x !== null && typeof x === 'object' && '#text' in x) return String((x as Node)['#text'] ?? '');
  return '';
}

function fieldHtml(v: unknown, kind: MarkupKind): string {
  return rawToHtml(raw(v), kind).trim();
}

function atomText(v: unknown): string {
  const type = attr(v, 'type');
  if (attr(v, 'mode')?.toLowerCase() === 'base64') {
    // Atom 0.3 could carry content base64-encoded; decode it, then read it by its type.
    const decoded = Buffer.from(xmlCharacterContent(raw(v)), 'base64').toString('utf8');
    const kind = atomKind(type, undefined);
    return kind === 'html' ? decoded.trim() : kind === 'text' ? textToHtml(decoded).trim() : '';
  }
  const kind = atomKind(type, attr(v, 'mode'));
  return kind === 'binary' ? '' : fieldHtml(v, kind);
}

function atomContent(v: unknown): string {
  if (attr(v, 'src')) return ''; // out-of-line content: nothing to read here
  return atomText(v);
}

function rssLinkText(v: unknown): string | undefined {
  for (const l of arr(v)) {
    const t = text(l);
    if (t) return t;
  }
  // <atom:link href="..."/> inside an RSS item
  for (const l of arr(v)) {
    const rel = attr(l, 'rel') ?? 'alternate';
    const href = attr(l, 'href');
    if (href && rel === 'alternate') return href;
  }
  return undefined;
}

function rssLink(v: unknown, base: string | undefined): string | undefined {
  return resolveUrl(rssLinkText(v), base);
}

function atomLink(v: unknown, base: string | undefined): string | undefined {
  const links = arr(v).map((l) => ({
    rel: attr(l, 'rel') ?? 'alternate',
    href: attr(l, 'href') ?? text(l),
    type: attr(l, 'type'),
    base: attr(l, 'base'),
  }));
  const pick =
    links.find((l) => l.rel === 'alternate' && l.href && (!l.type || /html/i.test(l.type))) ??
    links.find((l) => l.rel === 'alternate' && l.href) ??
    links.find((l) => l.href && !['self', 'edit', 'enclosure', 'replies', 'hub', 'next', 'previous', 'first', 'last'].includes(l.rel));
  if (!pick?.href) return undefined;
  return resolveUrl(pick.href, resolveUrl(pick.base, base) ?? base) ?? pick.href;
}

/** Names of RSS authors ("jane@example.com (Jane Doe)"), dc:creators and Atom persons. */
function people(values: unknown[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const node = asNode(first(v));
    let name = text(node.name) ?? text(v);
    if (!name) continue;
    const paren = /^\S+@\S+\s*\(([^)]+)\)$/.exec(name);
    if (paren) name = paren[1]!;
    name = htmlToText(name);
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/** RSS <category>text</category>, dc:subject, Atom <category term label/>. */
function terms(values: unknown[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const t = attr(v, 'label') ?? attr(v, 'term') ?? text(v);
    const clean = t ? htmlToText(t) : '';
    if (clean && !out.includes(clean)) out.push(clean);
  }
  return out;
}

/** Drops undefined and empty-string optional fields so items compare and serialise cleanly. */
function compact(item: FeedItem): FeedItem {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (v !== undefined && v !== '') out[k] = v;
  return { authors: [], categories: [], titleHtml: '', ...out } as FeedItem;
}
