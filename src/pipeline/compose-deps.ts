// The composition root: the one place that decides which adapters a run gets, live or replayed.
//   live     HTTP feeds, the model writer when a key (or a local server) is configured
//   dry-run  feeds from fixtures/<date>/, recorded model answers where they exist, the offline writer elsewhere;
//            no network at all (a fetch that escapes is an error)
//   record   live, and every feed body and model answer saved under fixtures/<date>/

import type { Logger } from 'pino';
import path from 'node:path';
import { createFixtureFeedFetcher, createFixturePageFetcher, fixturePagePath } from '../collect/fixture-feed-fetcher.js';
import { createHttpFeedFetcher } from '../collect/http-feed-fetcher.js';
import type { RunEnv } from '../config/run-env.js';
import { ConfigError, errorMessage } from '../errors.js';
import { applyStoryLedger, readStoryLedger, recordStories, storyLedgerPath, writeStoryLedger } from '../cluster/story-ledger.js';
import { coverFileName, coverInputFromMarkdown, renderCover } from '../render/render-cover.js';
import type { Article, DigestWriter, FeedConfig, FeedResponse, Topic, Warning } from '../types.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { embedderFromEnv } from '../model/openai-embedder.js';
import { setupModelWriter } from '../write/model-writer-setup.js';
import { writeOffline } from '../write/offline-writer.js';
import type { RunDeps } from './run-digest.js';
import type { RunReport } from './run-report.js';

export interface ComposeOptions {
  mode: RunReport['mode'];
  env: Record<string, string | undefined>;
  runEnv: RunEnv;
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
  /** The topics written into the digest, with the titles the digest gave them. */
  written: { topic: Topic; title: string }[];
  articles: Article[];
  markdown: string;
}

export interface ComposedDeps extends Omit<RunDeps, 'log'> {
  writerName: string;
  /** Releases what the adapters hold (sockets, state files). */
  close?: () => Promise<void>;
  /** Runs once the digest is on disk: remember its stories, draw its cover. Warnings go into the run report. */
  afterWrite?: (done: AfterWrite) => Promise<Warning[] | void>;
}

/**
 * A recording saves each body where the fixture fetchers will look for it: feeds at fixtures/<date>/feeds/<id>.xml,
 * full-text article pages at fixtures/<date>/pages/<articleId>.html.
 */
function recording<K>(fetch: (key: K) => Promise<FeedResponse>, fileOf: (key: K) => string) {
  return async (key: K): Promise<FeedResponse> => {
    const res = await fetch(key);
    if (res.body.byteLength > 0) await writeFileAtomic(fileOf(key), Buffer.from(res.body));
    return res;
  };
}

async function chooseWriter(o: ComposeOptions) {
  if (o.offline) return { writer: writeOffline, writerName: 'offline', note: '--offline' };
  const choice = await setupModelWriter({ mode: o.mode, env: o.env, cwd: o.cwd, fixtureDir: o.fixtureDir, offline: writeOffline, log: o.log, model: o.model, concurrency: o.concurrency });
  // A live digest written without a model is not one an editor would publish: say so instead of degrading silently.
  if (o.mode !== 'dry-run' && choice.writerName === 'offline') {
    throw new ConfigError('no model is configured: set OPENAI_API_KEY (or OPENAI_BASE_URL for a local server) in the environment or .env, or pass --offline for the extractive writer');
  }
  return choice;
}

/** The cover the front matter names: an SVG card in DIGEST_COVER_DIR (default <out>/images); DIGEST_COVER=off skips it. */
function coverAfterWrite(o: ComposeOptions): ComposedDeps['afterWrite'] {
  if (o.runEnv.DIGEST_COVER === 'off') return undefined;
  const dir = path.resolve(o.cwd, o.runEnv.DIGEST_COVER_DIR ?? path.join(o.outDir, 'images'));
  return async (done) => {
    try {
      await writeFileAtomic(path.join(dir, coverFileName(done.date)), renderCover(coverInputFromMarkdown(done.markdown, done.date)));
      return [];
    } catch (err) {
      return [{ code: 'cover-failed', message: `could not write the cover image in ${dir}: ${errorMessage(err)}; set DIGEST_COVER_DIR to a writable folder or DIGEST_COVER=off` }];
    }
  };
}

/**
 * Cross-day memory, kept beside the output (<out>/.digest-state/stories.json): stories of the last 7 digests are
 * left out today unless they bring new facts; a written digest adds its stories.
 */
async function storyMemory(o: ComposeOptions): Promise<{ memory: RunDeps['memory']; remember: NonNullable<ComposedDeps['afterWrite']> }> {
  const file = storyLedgerPath(o.outDir);
  const ledger = await readStoryLedger(file);
  return {
    memory: { filter: (topics, articles) => applyStoryLedger(topics, articles, ledger, o.date) },
    remember: async (done) => {
      await writeStoryLedger(file, recordStories(ledger, done.date, done.written, done.articles));
    },
  };
}

export async function composeDeps(o: ComposeOptions): Promise<ComposedDeps> {
  const { writer, writerName, note } = await chooseWriter(o);
  o.log.info({ writer: writerName }, note);
  const cover = coverAfterWrite(o);
  const { memory, remember } = await storyMemory(o);
  const afterWrite: ComposedDeps['afterWrite'] = async (done) => {
    await remember(done);
    return (await cover?.(done)) ?? [];
  };
  if (o.mode === 'dry-run') {
    return {
      afterWrite,
      memory,
      fetchFeed: createFixtureFeedFetcher(o.fixtureDir!),
      // Pages recorded with the day are replayed; a page that was not recorded keeps the feed's text.
      fetchPage: createFixturePageFetcher(o.fixtureDir!),
      writer,
      writerName,
      now: o.now,
    };
  }
  const embedder = embedderFromEnv(o.env, path.resolve(o.cwd, '.digest-state', 'embeddings-cache'));
  const http = createHttpFeedFetcher({ stateFile: path.join(o.outDir, '.digest-state', 'http-cache.json'), log: (e) => o.log.debug(e) });
  return {
    afterWrite,
    memory,
    embedder,
    fetchFeed: o.mode === 'record' ? recording(http, (feed: FeedConfig) => path.join(o.fixtureDir!, 'feeds', `${feed.id}.xml`)) : http,
    fetchPage: o.mode === 'record' ? recording(http.fetchPage, (url: string) => fixturePagePath(o.fixtureDir!, url)) : http.fetchPage,
    writer,
    writerName,
    now: o.now,
    close: () => http.close(),
  };
}
