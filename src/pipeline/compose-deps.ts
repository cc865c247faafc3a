// The composition root: the one place that decides which adapters a run gets, live or replayed.
//   live     HTTP feeds, the model writer when a key (or a local server) is configured
//   dry-run  feeds from fixtures/<date>/, recorded model answers where they exist, the offline writer elsewhere;
//            no network at all (a fetch that escapes is an error)
//   record   live, and every feed body and model answer saved under fixtures/<date>/

import type { Logger } from 'pino';
import { NetworkEscapeError } from '../errors.js';
import { createFixtureFeedFetcher } from '../collect/fixture-feed-fetcher.js';
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
  /** Runs once the digest is on disk: remember its stories, draw its cover. */
  afterWrite?: (done: AfterWrite) => Promise<void>;
}

export async function composeDeps(o: ComposeOptions): Promise<ComposedDeps> {
  if (o.mode === 'dry-run') {
    const writer: DigestWriter = writeOffline;
    return {
      fetchFeed: createFixtureFeedFetcher(o.fixtureDir!),
      fetchPage: async (url: string) => {
        throw new NetworkEscapeError(url);
      },
      writer,
      writerName: 'offline',
      now: o.now,
    };
  }
  return {
    fetchFeed: createHttpFeedFetcher({}),
    writer: writeOffline,
    writerName: 'offline',
    now: o.now,
  };
}
