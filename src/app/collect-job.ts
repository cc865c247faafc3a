// The collect stage alone, for `digest collect` and `digest feeds`: the same day, feeds, state folder and
// adapters as `digest run` (see resolve-day.ts and compose-app.ts), so what these commands show is what the
// nightly run will get.

import { collectArticles, type CollectOutput } from '../collect/collect-articles.js';
import type { AppIo } from './app-io.js';
import { composeFeedSource, createAppContext, workspaceOf } from './compose-app.js';
import { resolveDay, type Day, type DayOptions } from './resolve-day.js';

export interface CollectOptions extends DayOptions {
  /** Conditional GET with the state folder's HTTP cache (default true). */
  cache?: boolean;
  /** Per-request timeout of live fetches. */
  timeoutMs?: number;
}

export interface Collection {
  result: CollectOutput;
  day: Day;
}

export async function collectDay(opts: CollectOptions, io: AppIo): Promise<Collection> {
  const ctx = createAppContext(io);
  const feeds = opts.fixtures ? 'fixtures' : 'network';
  const day = await resolveDay(
    opts,
    { cwd: io.cwd, now: io.now, defaultCutoff: ctx.runEnv.DIGEST_CUTOFF },
    { readFixtures: feeds === 'fixtures' },
  );
  const source = composeFeedSource(ctx, {
    traits: { feeds, records: false },
    workspace: workspaceOf(ctx, undefined),
    day,
    conditionalGet: opts.cache !== false,
    timeoutMs: opts.timeoutMs,
  });
  try {
    const result = await collectArticles(
      { feeds: day.feeds, window: day.window },
      { fetchFeed: source.fetchFeed, fetchPage: source.fetchPage, now: source.itemClock, log: (e) => ctx.log.debug(e) },
    );
    result.warnings.unshift(...ctx.warnings);
    return { result, day };
  } finally {
    await source.close();
  }
}
