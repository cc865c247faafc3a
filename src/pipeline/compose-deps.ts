// The composition root: the one place that decides which adapters a run gets, live or replayed.
//   live     HTTP feeds, the model writer when a key (or a local server) is configured
//   dry-run  feeds from fixtures/<date>/, recorded model answers where they exist, the offline writer elsewhere;
//            no network at all (a fetch that escapes is an error)
//   record   live, and every feed body and model answer saved under fixtures/<date>/

import type { Logger } from 'pino';
import path from 'node:path';
import { createFixtureFeedFetcher, createFixturePageFetcher } from '../collect/fixture-feed-fetcher.js';
import { createHttpFeedFetcher } from '../collect/http-feed-fetcher.js';
import type { Article, DigestWriter, Topic } from '../types.js';
import { writeOffline } from '../write/offline-writer.js';
import type { RunDeps } from './run-digest.js';
import type { RunReport } from './run-report.js';

export interface ComposeOptions {
  mode: RunReport['mode'];
  env: Record<string, string | undefined>;
  fixtureDir?: string;
  outDir: string;
  cwd: string;
  offline: boolean;
  model?: string;
  concurrency?: number;
  date: string;
  log: Logger;
  now: () => Date;
}

export interface AfterWrite {
  date: string;
  generatedAt: string;
  topics: Topic[];
  articles: Article[];
  markdown: string;
}

export interface ComposedDeps extends Omit<RunDeps, 'log'> {
  writerName: string;
  /** Releases what the adapters hold (sockets, state files). */
  close?: () => Promise<void>;
  /** Runs once the digest is on disk: remember its stories, draw its cover. */
  afterWrite?: (done: AfterWrite) => Promise<void>;
}

export async function composeDeps(o: ComposeOptions): Promise<ComposedDeps> {
  if (o.mode === 'dry-run') {
    const writer: DigestWriter = writeOffline;
    return {
      fetchFeed: createFixtureFeedFetcher(o.fixtureDir!),
      // Pages recorded with the day are replayed; a page that was not recorded keeps the feed's text.
      fetchPage: createFixturePageFetcher(o.fixtureDir!),
      writer,
      writerName: 'offline',
      now: o.now,
    };
  }
  const http = createHttpFeedFetcher({ stateFile: path.join(o.outDir, '.digest-state', 'http-cache.json'), log: (e) => o.log.debug(e) });
  return {
    fetchFeed: http,
    fetchPage: http.fetchPage,
    writer: writeOffline,
    writerName: 'offline',
    now: o.now,
    close: () => http.close(),
  };
}
