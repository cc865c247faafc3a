// One feed item → one Article, or the reason it cannot be one. Pure: the fetch time comes in as an argument.

import type { Article, FeedConfig } from '../types.js';
import { articleId } from './article-id.js';
import { canonicalUrl } from './canonical-url.js';
import { detectLang } from './detect-lang.js';
import type { FeedItem } from './feed-item.js';
import { htmlToText } from './html-to-text.js';
import { parseDate } from './parse-date.js';

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

export function normaliseItem(item: FeedItem, ctx: NormaliseContext): NormaliseResult {
  const url = canonicalUrl(item.link, ctx.baseUrl) ?? canonicalUrl(item.guid, ctx.baseUrl);
  if (!url) {
    return { ok: false, reason: item.link ? `link is not an http(s) URL: ${item.link.slice(0, 80)}` : 'no link' };
  }
  const text = htmlToText(item.contentHtml) || htmlToText(item.summaryHtml);
  let title = cleanTitle(htmlToText(item.titleHtml));
  if (!title) title = text.slice(0, 80);
  if (!title) return { ok: false, reason: 'no title and no text' };
  if (title.length > MAX_TITLE) title = `${title.slice(0, MAX_TITLE - 1)}…`;

  const date = parseDate(item.published) ?? parseDate(item.updated);
  const article: Article = {
    id: articleId(url),
    feedId: ctx.feed.id,
    source: item.sourceName && item.sourceName.length <= 60 ? item.sourceName : ctx.feed.name,
    url,
    title,
    text,
    publishedAt: (date ?? ctx.fetchedAt).toISOString(),
    lang: detectLang(`${title} ${text}`, ctx.feed.lang),
  };
  if (item.authors.length) article.authors = [...item.authors];
  if (item.categories.length) article.categories = [...item.categories];
  if (!date) article.undated = true;
  return { ok: true, article };
}
