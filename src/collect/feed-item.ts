// What parseFeed gives back: the fields of one item as the feed had them, before normalisation.

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

export interface FeedItem {
  /** Title as HTML (entities and possibly tags); normaliseItem makes it plain text. */
  titleHtml: string;
  /** The item's link, resolved against xml:base / the feed link / the document URL when relative. */
  link?: string;
  guid?: string;
  /** Raw date strings, parsed by normaliseItem. */
  published?: string;
  updated?: string;
  /** Short form (RSS description, Atom summary) and long form (content:encoded, Atom content) as HTML. */
  summaryHtml?: string;
  contentHtml?: string;
  authors: string[];
  categories: string[];
  /** RSS 2.0 <source>: the outlet an aggregating feed took the item from (its name is the link text in 來源). */
  sourceName?: string;
  /** arXiv's <arxiv:announce_type> (new, cross, replace, replace-cross), as the feed wrote it. */
  announceType?: string;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string;
  link?: string;
  items: FeedItem[];
  /** Set when the document was malformed and items were recovered one by one; says what was wrong. */
  repaired?: string;
  /** Items past the per-feed cap (MAX_FEED_ITEMS): counted, not read. */
  ignoredItems?: number;
  /** Items that could not be read (broken or pathological markup), one reason each; the others are in `items`. */
  droppedItems?: string[];
}
