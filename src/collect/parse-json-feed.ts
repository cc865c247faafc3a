// JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1). A trust boundary: the document is checked with zod,
// each item on its own, so one odd item does not cost the others.

import { z } from 'zod';
import { resolveUrl } from './canonical-url.js';
import { FeedParseError } from './collect-errors.js';
import type { FeedItem, ParsedFeed } from './feed-item.js';
import { textToHtml } from './html-to-text.js';
import { describeZodIssue } from '../errors.js';

const Str = z.string();
const Person = z.object({ name: Str.optional() });

const JsonFeedSchema = z.object({
  version: Str.refine((v) => v.includes('jsonfeed.org'), 'must be a jsonfeed.org version URL'),
  title: Str.optional(),
  home_page_url: Str.optional(),
  feed_url: Str.optional(),
  items: z.array(z.unknown()),
});

const JsonItemSchema = z.object({
  id: z.union([Str, z.number()]).optional(),
  url: Str.optional(),
  external_url: Str.optional(),
  title: Str.optional(),
  content_html: Str.optional(),
  content_text: Str.optional(),
  summary: Str.optional(),
  date_published: Str.optional(),
  date_modified: Str.optional(),
  author: Person.optional(),
  authors: z.array(Person).optional(),
  tags: z.array(z.union([Str, z.number()])).optional(),
});

export function parseJsonFeed(text: string, baseUrl?: string): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // JSON.parse's message quotes the text around the error: the body is third-party, so say where, not what.
    const at = /position (\d+)/.exec((err as Error).message)?.[1];
    throw new FeedParseError(`not valid JSON: ${text.length} characters with a syntax error${at ? ` at position ${at}` : ''}`);
  }
  const feed = JsonFeedSchema.safeParse(data);
  if (!feed.success) {
    throw new FeedParseError(`not a JSON Feed: ${describeZodIssue(feed.error.issues[0]!, 'document')}`, { cause: feed.error });
  }
  const base = resolveUrl(feed.data.home_page_url, baseUrl) ?? baseUrl;
  const items: FeedItem[] = [];
  for (const raw of feed.data.items) {
    const it = JsonItemSchema.safeParse(raw);
    if (!it.success) continue;
    const d = it.data;
    const id = d.id === undefined ? undefined : String(d.id);
    const rawLink = d.url ?? d.external_url ?? (id && /^https?:\/\//i.test(id) ? id : undefined);
    const names = [...(d.authors ?? []), ...(d.author ? [d.author] : [])].map((p) => p.name?.trim()).filter((n): n is string => Boolean(n));
    const item: FeedItem = {
      titleHtml: textToHtml(d.title ?? ''),
      authors: [...new Set(names)],
      categories: [...new Set((d.tags ?? []).map((t) => String(t).trim()).filter(Boolean))],
    };
    const link = resolveUrl(rawLink, base) ?? rawLink;
    if (link) item.link = link;
    if (id) item.guid = id;
    if (d.date_published) item.published = d.date_published;
    if (d.date_modified) item.updated = d.date_modified;
    if (d.summary) item.summaryHtml = textToHtml(d.summary);
    const content = d.content_html ?? (d.content_text !== undefined ? textToHtml(d.content_text) : undefined);
    if (content) item.contentHtml = content;
    items.push(item);
  }
  const link = resolveUrl(feed.data.home_page_url, baseUrl);
  return { format: 'json', title: feed.data.title ?? '', ...(link ? { link } : {}), items };
}
