// The collect stage: feeds → in-window, de-duplicated articles plus a health line per feed.
// All I/O goes through deps (fetchFeed / fetchPage / now); one feed's failure never aborts the run,
// except a NetworkEscapeError, which means a dry run was wired to the network: that is a bug, not a feed problem.
// Nor does one item's failure lose its feed: a pathological item is skipped with the reason. Warnings and log
// events describe feed content, never quote it.

import { NetworkEscapeError, errorMessage } from '../errors.js';
import type { Article, FeedConfig, FeedHealth, FeedResponse, FeedStatus, Warning, Window } from '../types.js';
import { stripUnsafeChars } from '../text/strip-unsafe-chars.js';
import { decodeBody } from './decode-body.js';
import { extractMainText } from './extract-main-text.js';
import type { ParsedFeed } from './feed-item.js';
import { boundNesting } from './html-to-text.js';
import { normaliseItem, type NormaliseResult } from './normalise-item.js';
import { parseDate } from './parse-date.js';
import { MAX_FEED_ITEMS, parseFeed } from './parse-feed.js';

export interface CollectInput {
  feeds: FeedConfig[];
  window: Window;
}

export interface CollectDeps {
  /** Raw bytes of a feed; throws on failure (network, HTTP status, missing fixture). */
  fetchFeed: (feed: FeedConfig) => Promise<FeedResponse>;
  /** Raw bytes of an article page, for feeds with `fullText: true`; without it full text is skipped. */
  fetchPage?: (url: string) => Promise<FeedResponse>;
  /** The clock: the date given to undated items. */
  now: () => Date;
  log?: (event: Record<string, unknown>) => void;
  /** A feed whose newest item is older than this many days before the window's end is `stale` (default 7). */
  staleAfterDays?: number;
  /** Items read per feed; more are ignored with a `too-many-items` warning (default 500). */
  maxItemsPerFeed?: number;
}

export interface CollectOutput {
  /** In-window articles without duplicate URLs, sorted by publishedAt, then url. */
  articles: Article[];
  /** One entry per enabled feed, in feeds order. */
  health: FeedHealth[];
  warnings: Warning[];
  /** Items seen in all feeds, inside the window or not. */
  totalItems: number;
}

interface FeedOutcome {
  articles: Article[];
  health: FeedHealth;
  warnings: Warning[];
}

const DAY_MS = 86_400_000;

export async function collectArticles(input: CollectInput, deps: CollectDeps): Promise<CollectOutput> {
  const feeds = input.feeds.filter((f) => f.enabled !== false);
  // Fetch in parallel: the fetcher adapter owns the concurrency limits.
  const outcomes = await Promise.all(
    feeds.map(async (feed): Promise<FeedOutcome> => {
      const started = performance.now();
      try {
        return await collectFeed(feed, input.window, deps);
      } catch (err) {
        // A bug of ours on one feed's odd content must not cost the other feeds either.
        if (err instanceof NetworkEscapeError) throw err;
        return failedOutcome(
          feed,
          `unexpected error while reading the feed: ${errorMessage(err)}`,
          Math.round(performance.now() - started),
          0,
          deps,
        );
      }
    }),
  );

  const seen = new Set<string>();
  const articles: Article[] = [];
  const warnings: Warning[] = [];
  for (const outcome of outcomes) {
    warnings.push(...outcome.warnings);
    for (const article of outcome.articles) {
      if (seen.has(article.url)) continue; // the same link from another feed (or twice in one): keep the first
      seen.add(article.url);
      articles.push(article);
    }
  }

  if (deps.fetchPage) {
    const fullTextFeeds = new Map(feeds.filter((f) => f.fullText).map((f) => [f.id, f]));
    warnings.push(...(await addFullText(articles, fullTextFeeds, deps.fetchPage, deps)));
  } else if (feeds.some((f) => f.fullText)) {
    deps.log?.({ event: 'fulltext-skipped', reason: 'no page fetcher' });
  }

  articles.sort((a, b) =>
    a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : a.url < b.url ? -1 : a.url > b.url ? 1 : 0,
  );
  return {
    articles,
    health: outcomes.map((o) => o.health),
    warnings,
    totalItems: outcomes.reduce((n, o) => n + o.health.items, 0),
  };
}

async function collectFeed(feed: FeedConfig, window: Window, deps: CollectDeps): Promise<FeedOutcome> {
  const started = performance.now();
  const fetchedAt = deps.now();
  const health = (status: FeedStatus, extra: Partial<FeedHealth> = {}): FeedHealth => ({
    feedId: feed.id,
    name: feed.name,
    status,
    items: 0,
    inWindow: 0,
    bytes: 0,
    durationMs: Math.round(performance.now() - started),
    ...extra,
  });
  const failed = (reason: string, bytes = 0): FeedOutcome =>
    failedOutcome(feed, reason, Math.round(performance.now() - started), bytes, deps);

  let response: FeedResponse;
  try {
    response = await deps.fetchFeed(feed);
  } catch (err) {
    if (err instanceof NetworkEscapeError) throw err;
    return failed(errorMessage(err));
  }
  const bytes = response.body.byteLength;
  const notModified = response.status === 304;
  if (!notModified && (response.status < 200 || response.status > 299)) return failed(`HTTP ${response.status}`, bytes);

  let parsed: ParsedFeed;
  let replaced: number | undefined;
  let charset: string;
  const maxItems = deps.maxItemsPerFeed ?? MAX_FEED_ITEMS;
  try {
    const decoded = decodeBody(response.body, response.headers);
    ({ replaced, charset } = decoded);
    parsed = parseFeed(decoded.text, response.url || feed.url, { maxItems });
  } catch (err) {
    return failed(errorMessage(err), bytes);
  }

  const warnings: Warning[] = [];
  if (replaced) {
    warnings.push({
      code: 'charset',
      feedId: feed.id,
      message: `${feed.name} (${feed.id}): ${replaced} invalid byte sequence(s) in the ${charset} feed were replaced with U+FFFD; the rest was read as ${charset}`,
    });
  }
  if (parsed.repaired) warnings.push({ code: 'feed-repaired', feedId: feed.id, message: `${feed.name} (${feed.id}): ${parsed.repaired}` });
  if (parsed.ignoredItems) {
    const total = parsed.items.length + (parsed.droppedItems?.length ?? 0) + parsed.ignoredItems;
    warnings.push({
      code: 'too-many-items',
      feedId: feed.id,
      message: `${feed.name} (${feed.id}): the feed has ${total} items; only the first ${maxItems} were read`,
    });
  }

  const articles: Article[] = [];
  // Items the parser could not read count as skipped too: they are the feed's, and the report should say so.
  const skipped: string[] = [...(parsed.droppedItems ?? [])];
  let newest: number | undefined;
  const start = Date.parse(window.start);
  const end = Date.parse(window.end);
  let candidates = 0;
  for (const item of parsed.items) {
    // Dates first: most items of a feed are older than the window, and their HTML need not be parsed at all.
    const dated = parseDate(item.published) ?? parseDate(item.updated);
    if (dated) {
      const t = dated.getTime();
      newest = Math.max(newest ?? t, t);
      if (t < start || t >= end) continue;
    }
    candidates++;
    let result: NormaliseResult;
    try {
      result = normaliseItem(item, { feed, fetchedAt, baseUrl: response.url || feed.url });
    } catch (err) {
      // A bug of ours on one odd item: that item, not the feed. The error's name, not its message (it may quote).
      result = { ok: false, reason: `could not be read (${err instanceof Error ? err.name : 'unexpected failure'})` };
    }
    if (!result.ok) {
      skipped.push(result.reason);
      continue;
    }
    const a = result.article;
    // An undated item carries the fetch time, which is usually the window's end itself: include the end for it.
    const t = Date.parse(a.publishedAt);
    if (a.undated !== true || (t >= start && t <= end)) articles.push(a);
  }
  if (skipped.length) {
    const unread = parsed.droppedItems?.length ?? 0;
    const inWindow = skipped.length - unread;
    const parts = [
      ...(inWindow ? [`${inWindow} of ${candidates} item(s) in the window skipped`] : []),
      ...(unread ? [`${unread} unreadable item(s) skipped`] : []),
    ];
    warnings.push({
      code: 'items-skipped',
      feedId: feed.id,
      message: `${feed.name} (${feed.id}): ${parts.join(', ')} (first: ${skipped[0]})`,
    });
  }

  const counts = { items: parsed.items.length, inWindow: articles.length, bytes };
  let status: FeedStatus = notModified ? 'not-modified' : 'ok';
  let reason: string | undefined = parsed.repaired;
  const staleDays = deps.staleAfterDays ?? 7;
  if (parsed.items.length === 0) {
    status = 'empty';
    reason = parsed.droppedItems?.length ? `none of its ${parsed.droppedItems.length} item(s) could be read` : 'the feed has no items';
    warnings.push({ code: 'feed-empty', feedId: feed.id, message: `${feed.name} (${feed.id}): ${reason}` });
  } else if (newest !== undefined && end - newest > staleDays * DAY_MS) {
    status = 'stale';
    const days = Math.floor((end - newest) / DAY_MS);
    reason = `no new item for ${days} days (newest ${new Date(newest).toISOString().slice(0, 10)})`;
    warnings.push({ code: 'feed-stale', feedId: feed.id, message: `${feed.name} (${feed.id}): ${reason}` });
  } else if (notModified) {
    reason = 'unchanged since the last run (HTTP 304); the stored copy was used';
  }
  deps.log?.({ event: 'feed-collected', feedId: feed.id, status, ...counts, format: parsed.format });
  return { articles, health: health(status, { ...counts, ...(reason ? { reason } : {}) }), warnings };
}

function failedOutcome(feed: FeedConfig, reason: string, durationMs: number, bytes: number, deps: CollectDeps): FeedOutcome {
  deps.log?.({ event: 'feed-failed', feedId: feed.id, reason });
  return {
    articles: [],
    health: { feedId: feed.id, name: feed.name, status: 'failed', reason, items: 0, inWindow: 0, bytes, durationMs },
    warnings: [{ code: 'feed-failed', feedId: feed.id, message: `${feed.name} (${feed.id}): ${reason}` }],
  };
}

async function addFullText(
  articles: Article[],
  feeds: Map<string, FeedConfig>,
  fetchPage: (url: string) => Promise<FeedResponse>,
  deps: CollectDeps,
): Promise<Warning[]> {
  const failures = new Map<string, { count: number; total: number; first: string }>();
  await Promise.all(
    articles.map(async (article) => {
      if (!feeds.has(article.feedId)) return;
      const tally = failures.get(article.feedId) ?? { count: 0, total: 0, first: '' };
      failures.set(article.feedId, tally);
      tally.total++;
      try {
        const res = await fetchPage(article.url);
        if (res.status < 200 || res.status > 299) throw new Error(`HTTP ${res.status}`);
        // The page is as hostile as the feed: nesting bounded before cheerio parses it, unsafe characters removed.
        const text = stripUnsafeChars(extractMainText(boundNesting(decodeBody(res.body, res.headers).text)));
        if (!text) throw new Error('no main text found on the page');
        if (text.length > article.text.length) article.text = text;
      } catch (err) {
        if (err instanceof NetworkEscapeError) throw err;
        tally.count++;
        if (!tally.first) tally.first = `${article.url}: ${errorMessage(err)}`;
        deps.log?.({ event: 'fulltext-failed', feedId: article.feedId, url: article.url, reason: errorMessage(err) });
      }
    }),
  );
  const warnings: Warning[] = [];
  for (const [feedId, t] of failures) {
    if (t.count === 0) continue;
    warnings.push({
      code: 'fulltext-failed',
      feedId,
      message: `${feeds.get(feedId)!.name} (${feedId}): ${t.count} of ${t.total} article page(s) could not be read, kept the feed text (first: ${t.first})`,
    });
  }
  return warnings;
}
