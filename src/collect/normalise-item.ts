// One feed item → one Article, or the reason it cannot be one. Pure: the fetch time comes in as an argument.
// Every string that leaves here passes stripUnsafeChars: controls, noncharacters and bidi overrides from a feed
// never reach the digest. Reasons describe the item without quoting it.

import { announceTypeOf, arxivIdOf } from '../select/arxiv-id.js';
import type { AnnounceType, Article, FeedConfig } from '../types.js';
import { articleId } from './article-id.js';
import { canonicalUrl } from './canonical-url.js';
import { detectLang } from './detect-lang.js';
import type { FeedItem } from './feed-item.js';
import { htmlToText } from './html-to-text.js';
import { parseDate } from './parse-date.js';
import { stripUnsafeChars } from '../text/strip-unsafe-chars.js';

export interface NormaliseContext {
  feed: FeedConfig;
  /** Stands in for the date of an undated item (which is then flagged `undated: true`). */
  fetchedAt: Date;
  /** Resolves relative item links (the feed's final URL). */
  baseUrl?: string;
}

export type NormaliseResult = { ok: true; article: Article } | { ok: false; reason: string };

/** Titles longer than this are someone's whole post in the title field. */
const MAX_TITLE = 300;

/** arXiv's listing appends "(arXiv:2512.02012v1 [cs.CV] UPDATED)" and a period to every title: not part of it. */
export function cleanTitle(title: string): string {
  return title.replace(/\.?\s*\(arXiv:[^)]*\)\s*$/, '').trim();
}

/** Plain, safe text: stripped of unsafe characters after the HTML is gone (entities decode to them too). */
function plain(html: string | undefined): string {
  return collapse(stripUnsafeChars(htmlToText(html)));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The first `max` characters without cutting a surrogate pair in two. */
function cut(text: string, max: number): string {
  const end = /[\ud800-\udbff]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, end);
}

/** What kind of link an item has, for a reason that must not repeat it (it is third-party text). */
function describeLink(link: string): string {
  const scheme = /^\s*([a-z][a-z0-9+.-]{0,15}):/i.exec(link)?.[1];
  return scheme ? `a ${scheme.toLowerCase()}: link` : 'a relative or malformed link';
}

/**
 * arXiv's listings open every description with `arXiv:2512.01234v2 Announce Type: replace Abstract:`: what kind
 * of announcement it is (also in <arxiv:announce_type>), and boilerplate that is no part of the abstract.
 */
export function arxivListing(text: string, declared: string | undefined): { text: string; announceType?: AnnounceType } {
  const announceType = announceTypeOf(`Announce Type: ${declared ?? ''}`) ?? announceTypeOf(text.slice(0, 200));
  const m = /^arXiv:\S+\s+Announce Type:\s*[\w-]+\s*(?:Abstract:\s*)?/i.exec(text);
  return { text: m ? text.slice(m[0].length) : text, ...(announceType ? { announceType } : {}) };
}

export function normaliseItem(item: FeedItem, ctx: NormaliseContext): NormaliseResult {
  const url = canonicalUrl(item.link, ctx.baseUrl) ?? canonicalUrl(item.guid, ctx.baseUrl);
  if (!url) {
    return { ok: false, reason: item.link ? `link is not an http(s) URL (${describeLink(item.link)})` : 'no link' };
  }
  const arxiv = arxivListing(plain(item.contentHtml) || plain(item.summaryHtml), item.announceType);
  const text = arxiv.text;
  let title = cleanTitle(plain(item.titleHtml));
  if (!title) title = cut(text, 80).trim();
  if (!title) return { ok: false, reason: 'no title and no text' };
  if (title.length > MAX_TITLE) title = `${cut(title, MAX_TITLE - 1)}…`;
  const sourceName = item.sourceName ? collapse(stripUnsafeChars(item.sourceName)) : '';

  const date = parseDate(item.published) ?? parseDate(item.updated);
  const article: Article = {
    id: articleId(url),
    feedId: ctx.feed.id,
    source: sourceName && sourceName.length <= 60 ? sourceName : stripUnsafeChars(ctx.feed.name),
    url,
    title,
    text,
    publishedAt: (date ?? ctx.fetchedAt).toISOString(),
    lang: detectLang(`${title} ${text}`, ctx.feed.lang),
  };
  const authors = item.authors.map((a) => collapse(stripUnsafeChars(a))).filter(Boolean);
  const categories = item.categories.map((c) => collapse(stripUnsafeChars(c))).filter(Boolean);
  if (authors.length) article.authors = authors;
  if (categories.length) article.categories = categories;
  if (!date) article.undated = true;
  const paper = arxivIdOf(url) ?? arxivIdOf(item.guid ?? '') ?? arxivIdOf(text);
  if (paper) article.arxivId = paper;
  if (arxiv.announceType) article.announceType = arxiv.announceType;
  return { ok: true, article };
}
