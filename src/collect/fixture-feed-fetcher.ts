// Dry-run adapters: feed bytes from a recorded fixture day (`fixtures/<date>/feeds/<feedId>.xml`), no network.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FeedConfig, FeedResponse } from '../types.js';
import { articleId } from './article-id.js';
import { canonicalUrl } from './canonical-url.js';
import { FixtureMissingError } from './collect-errors.js';

const FEED_EXTENSIONS: Array<[string, string]> = [
  ['.xml', 'application/xml'],
  ['.atom', 'application/atom+xml'],
  ['.rss', 'application/rss+xml'],
  ['.json', 'application/feed+json'],
];

/**
 * A fetchFeed that reads `<dir>/feeds/<feed.id>.xml` (or .atom, .rss, .json) as bytes with status 200.
 * A missing file is a FixtureMissingError naming the file, which the collect stage reports as a failed feed.
 */
export function createFixtureFeedFetcher(dir: string): (feed: FeedConfig) => Promise<FeedResponse> {
  return async (feed) => {
    const base = path.join(dir, 'feeds', feed.id);
    for (const [ext, contentType] of FEED_EXTENSIONS) {
      const body = await readIfExists(base + ext);
      if (body) return { status: 200, headers: { 'content-type': contentType }, body, url: feed.url };
    }
    throw new FixtureMissingError(
      `no fixture for feed "${feed.id}": ${base}.xml does not exist (nor .atom/.rss/.json); record the day with \`digest record\` or set enabled: false for the feed`,
    );
  };
}

/** Where a recorded article page lives: `<dir>/pages/<articleId of the canonical URL>.html`. */
export function fixturePagePath(dir: string, url: string): string {
  return path.join(dir, 'pages', `${articleId(canonicalUrl(url) ?? url)}.html`);
}

/** A fetchPage for dry runs: recorded pages only; a page that was not recorded fails (the feed text is kept). */
export function createFixturePageFetcher(dir: string): (url: string) => Promise<FeedResponse> {
  return async (url) => {
    const file = fixturePagePath(dir, url);
    const body = await readIfExists(file);
    if (!body) throw new FixtureMissingError(`no recorded page for ${url} (${file})`);
    return { status: 200, headers: { 'content-type': 'text/html' }, body, url };
  };
}

async function readIfExists(file: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new FixtureMissingError(`cannot read fixture ${file}: ${(err as Error).message}`, { cause: err });
  }
}
