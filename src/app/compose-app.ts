// The composition root: the one place that builds adapters. Every command comes here for its settings (the
// environment read once), its paths (workspace.ts), its clock and its adapters, live, recorded or replayed
// (run-mode.ts). Commands only parse flags and print; the pipeline only calls what it is given.

import path from 'node:path';
import type { Logger } from 'pino';
import { applyStoryLedger, readStoryLedger, recordStories, writeStoryLedger } from '../cluster/story-ledger.js';
import type { CollectDeps } from '../collect/collect-articles.js';
import { createFixtureFeedFetcher, createFixturePageFetcher, fixturePagePath } from '../collect/fixture-feed-fetcher.js';
import { createHttpFeedFetcher } from '../collect/http-feed-fetcher.js';
import { parseFetchAllow } from '../collect/network-policy.js';
import { createOfflineGuard } from '../collect/offline-guard.js';
import { loadEnvFile, type Env } from '../config/read-env.js';
import { parseRunEnv, type RunEnv } from '../config/run-env.js';
import { ConfigError, errorMessage } from '../errors.js';
import { loadModelConfig, type ModelConfig } from '../model/model-config.js';
import { estimateCost } from '../model/model-usage.js';
import type { Triage } from '../select/model-triage.js';
import type { BudgetEstimate } from '../select/select-stories.js';
import { readSelectionPolicy, type SelectionPolicy } from '../select/selection-policy.js';
import { createOpenAIEmbedder } from '../model/openai-embedder.js';
import type { StoryMemory } from '../pipeline/run-digest.js';
import { coverFileName, coverInputFromMarkdown, renderCover } from '../render/render-cover.js';
import type { Article, Embedder, FeedConfig, FeedResponse, Topic, Warning, Window } from '../types.js';
import { createLogger } from '../util/create-logger.js';
import { createRedactor, type Redactor } from '../util/redact-secrets.js';
import type { StateWarning } from '../util/read-state-file.js';
import { realSleep } from '../util/retry-policy.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import type { AppIo } from './app-io.js';
import { composeTriage } from './compose-triage.js';
import { composeWriter, type WriterChoice } from './compose-writer.js';
import type { Day } from './resolve-day.js';
import { MODE_TRAITS, type ModeTraits, type RunMode } from './run-mode.js';
import { resolveWorkspace, type Workspace } from './workspace.js';

/** What every command starts from: the environment read once, the logger, the clock and the waits. */
export interface AppContext {
  io: AppIo;
  env: Env;
  runEnv: RunEnv;
  log: Logger;
  sleep: (ms: number) => Promise<void>;
  /** Warnings raised while wiring (a corrupt state file moved aside); they go into the run report. */
  warnings: Warning[];
  warnState: (w: StateWarning) => void;
  /** Removes every secret of the environment (and secret-shaped text) from text that leaves the process. */
  redact: Redactor;
}

export function createAppContext(io: AppIo): AppContext {
  const env = loadEnvFile(io.cwd, io.env);
  const runEnv = parseRunEnv(env);
  const log = createLogger(io.stderr, { pretty: io.isTty, level: runEnv.DIGEST_LOG_LEVEL });
  const warnings: Warning[] = [];
  return {
    io,
    env,
    runEnv,
    log,
    sleep: io.sleep ?? realSleep,
    warnings,
    redact: createRedactor(env),
    warnState: (w) => {
      log.warn({ code: w.code }, w.message);
      warnings.push(w);
    },
  };
}

export function workspaceOf(ctx: AppContext, out: string | undefined, model?: ModelConfig): Workspace {
  return resolveWorkspace({ cwd: ctx.io.cwd, out, runEnv: ctx.runEnv, model });
}

export interface FeedSource extends Pick<CollectDeps, 'fetchFeed' | 'fetchPage'> {
  /** The date given to undated items. */
  itemClock: () => Date;
  close: () => Promise<void>;
}

export interface FeedSourceOptions {
  traits: Pick<ModeTraits, 'feeds' | 'records'>;
  workspace: Workspace;
  day: Pick<Day, 'window' | 'fixtureDir'>;
  /** Conditional GET with the state folder's HTTP cache (collect --no-cache turns it off). */
  conditionalGet?: boolean;
  timeoutMs?: number;
  /**
   * With recorded feeds, block every way out of the process (default). A live model on a recorded day needs the
   * network for the model, so only the feeds are kept off it (they come from files either way).
   */
  isolate?: boolean;
}

/**
 * Feeds and full-text pages from the network or from a recorded day. A recorded day blocks every way out of the
 * process until closed, so a fetch that escapes the fixtures is an error, not a request.
 */
export function composeFeedSource(ctx: AppContext, o: FeedSourceOptions): FeedSource {
  const itemClock = collectionClock(o.traits.feeds, o.day.window, ctx.io.now);
  if (o.traits.feeds === 'fixtures') {
    const lift = o.isolate === false ? () => {} : createOfflineGuard().install();
    return {
      fetchFeed: createFixtureFeedFetcher(o.day.fixtureDir!),
      // Pages recorded with the day are replayed; a page that was not recorded keeps the feed's text.
      fetchPage: createFixturePageFetcher(o.day.fixtureDir!),
      itemClock,
      close: async () => lift(),
    };
  }
  const http = createHttpFeedFetcher({
    stateFile: o.conditionalGet === false ? null : o.workspace.httpCacheFile,
    warnState: ctx.warnState,
    timeoutMs: o.timeoutMs,
    // Redirect targets and full-text pages never reach loopback, private or link-local addresses unless allowed.
    networkPolicy: parseFetchAllow(ctx.runEnv.DIGEST_FETCH_ALLOW),
    sleep: ctx.sleep,
    log: (e) => ctx.log.debug(e),
  });
  const fixtureDir = o.day.fixtureDir;
  const recordTo = o.traits.records && fixtureDir ? fixtureDir : undefined;
  return {
    fetchFeed: recordTo ? recording(http, (feed: FeedConfig) => path.join(recordTo, 'feeds', `${feed.id}.xml`)) : http,
    fetchPage: recordTo ? recording(http.fetchPage, (url: string) => fixturePagePath(recordTo, url)) : http.fetchPage,
    itemClock,
    close: () => http.close(),
  };
}

/**
 * The time an undated item is given. A recorded day is replayed as of its cut-off, so it lands the same way every
 * time; the nightly job, which runs just after the cut-off, counts an undated item as the day's last; a run for a
 * long-past date leaves it out (it is dated now, outside the window).
 */
function collectionClock(feeds: ModeTraits['feeds'], window: Window, now: () => Date): () => Date {
  const lastInWindow = Date.parse(window.end) - 1;
  return () => {
    const t = now().getTime();
    if (feeds === 'fixtures' || (t > lastInWindow && t - lastInWindow < 3600_000)) return new Date(lastInWindow);
    return new Date(t);
  };
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

/** The optional embeddings adapter (DIGEST_EMBEDDINGS_MODEL), caching in the state folder. */
export function composeEmbedder(ctx: AppContext, config: ModelConfig, ws: Workspace): Embedder | undefined {
  const e = config.embeddings;
  if (!e) return undefined;
  return createOpenAIEmbedder({ model: e.model, apiKey: e.apiKey, baseURL: e.baseUrl, cacheDir: ws.embeddingsCacheDir, sleep: ctx.sleep });
}

export interface AfterWrite {
  date: string;
  /** The topics written into the digest, with the titles the digest gave them. */
  written: { topic: Topic; title: string }[];
  articles: Article[];
  markdown: string;
}

export interface RunOptions {
  mode: RunMode;
  out?: string;
  offline: boolean;
  model?: string;
  concurrency?: number;
  promptsDir?: string;
  /** The selection policy file (default: selection.yaml when it exists). */
  policy?: string;
  maxEntries?: number;
}

export interface ComposedRun extends FeedSource {
  workspace: Workspace;
  writer: WriterChoice;
  memory: StoryMemory;
  embedder?: Embedder;
  triage?: Triage;
  policy: SelectionPolicy;
  /** What writing costs when a model writes (absent for the offline and replay writers). */
  budget?: BudgetEstimate;
  /** Once the digest is on disk: remember its stories, draw its cover. Returns warnings for the report. */
  afterWrite: (done: AfterWrite) => Promise<Warning[]>;
}

/** Everything a digest run needs for its mode. The caller closes it (feed connections, the offline guard). */
export async function composeRun(ctx: AppContext, o: RunOptions, day: Day): Promise<ComposedRun> {
  const traits = MODE_TRAITS[o.mode];
  const config = loadModelConfig(ctx.env);
  if (o.concurrency !== undefined) config.concurrency = o.concurrency;
  const workspace = workspaceOf(ctx, o.out, config);
  const writer = await composeWriter({
    traits,
    offline: o.offline,
    config,
    workspace,
    fixtureDir: day.fixtureDir,
    log: ctx.log,
    model: o.model,
    grounding: ctx.runEnv.DIGEST_GROUNDING,
    promptsDir: o.promptsDir,
    sleep: ctx.sleep,
    warn: ctx.warnState,
  });
  // A live digest written without a model is not one an editor would publish: say so instead of degrading silently.
  if (traits.answers === 'model' && writer.writerName === 'offline' && !o.offline) {
    throw new ConfigError(
      'no model is configured: set OPENAI_API_KEY (or OPENAI_BASE_URL for a local server) in the environment or .env, or pass --offline for the extractive writer',
    );
  }
  ctx.log.info({ writer: writer.writerName }, writer.note);
  const policy = await readSelectionPolicy(path.resolve(ctx.io.cwd, o.policy ?? 'selection.yaml'), {
    required: o.policy !== undefined,
    maxEntries: o.maxEntries ?? ctx.runEnv.DIGEST_MAX_ENTRIES,
  });
  const ledger = await readStoryLedger(workspace.ledgerFile, ctx.warnState);
  const source = composeFeedSource(ctx, { traits, workspace, day, isolate: traits.answers === 'recording' });
  return {
    ...source,
    workspace,
    writer,
    embedder: traits.feeds === 'network' ? composeEmbedder(ctx, config, workspace) : undefined,
    policy,
    triage: await composeTriage(writer.sources, policy),
    budget: writer.writerName === 'model' ? estimateBudget(config, o.model) : undefined,
    memory: { filter: (topics, articles) => applyStoryLedger(topics, articles, ledger, day.date) },
    afterWrite: composeAfterWrite(ctx, workspace),
  };
}

/**
 * What follows a digest on disk: its stories into the ledger (read afresh, so a later completion of an earlier run
 * never loses what came between), and its cover. Returns warnings for the report.
 */
export function composeAfterWrite(ctx: AppContext, ws: Workspace): (done: AfterWrite) => Promise<Warning[]> {
  const cover = coverWriter(ctx, ws);
  return async (done) => {
    const ledger = await readStoryLedger(ws.ledgerFile, ctx.warnState);
    await writeStoryLedger(ws.ledgerFile, recordStories(ledger, done.date, done.written, done.articles));
    return (await cover?.(done)) ?? [];
  };
}

/** Where the cover goes (DIGEST_COVER_DIR, default <out>/images). */
export function coverDir(ctx: AppContext, ws: Workspace): string {
  return path.resolve(ws.cwd, ctx.runEnv.DIGEST_COVER_DIR ?? path.join(ws.outDir, 'images'));
}

// Typical sizes of one call, measured on the recorded days (bench:model: ~600 input tokens an article, 2–3 articles a
// story, the prompt itself ~1,100): what the budget assumes before a single call is made.
const ENTRY_TOKENS = { inputTokens: 2_500, outputTokens: 700 };
const FRAME_TOKENS = { inputTokens: 8_000, outputTokens: 2_000 };
/** A repair now and then: one call in ten. */
const CALLS_PER_ENTRY = 1.1;

/** The estimated calls and cost of writing, by the price table (an unknown price counts 0, as the report does). */
function estimateBudget(config: ModelConfig, cliModel: string | undefined): BudgetEstimate {
  const entryModel = cliModel ?? config.modelByPrompt.entry ?? config.model;
  const frameModel = cliModel ?? config.modelByPrompt.frame ?? config.model;
  return {
    callsPerEntry: CALLS_PER_ENTRY,
    costPerEntryUsd: CALLS_PER_ENTRY * (estimateCost(entryModel, ENTRY_TOKENS, config.prices) ?? 0),
    fixedCalls: 1,
    fixedCostUsd: estimateCost(frameModel, FRAME_TOKENS, config.prices) ?? 0,
  };
}

/** The cover the front matter names: an SVG card in DIGEST_COVER_DIR (default <out>/images); DIGEST_COVER=off skips it. */
function coverWriter(ctx: AppContext, ws: Workspace): ((done: AfterWrite) => Promise<Warning[]>) | undefined {
  if (ctx.runEnv.DIGEST_COVER === 'off') return undefined;
  const dir = coverDir(ctx, ws);
  return async (done) => {
    try {
      await writeFileAtomic(path.join(dir, coverFileName(done.date)), renderCover(coverInputFromMarkdown(done.markdown, done.date)));
      return [];
    } catch (err) {
      return [
        {
          code: 'cover-failed',
          message: `could not write the cover image in ${dir}: ${errorMessage(err)}; set DIGEST_COVER_DIR to a writable folder or DIGEST_COVER=off`,
        },
      ];
    }
  };
}
