// Dry runs must not touch the network. The guard has two parts:
// - fetchFeed/fetchPage stand-ins that always throw NetworkEscapeError, for wiring a dry run where no fixture applies;
// - install(), which blocks every way out of the process we know of (global fetch, undici's global dispatcher,
//   node:http/https) and makes our own HTTP fetcher refuse too, until the returned restore function is called.

import http from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import { Dispatcher, getGlobalDispatcher, setGlobalDispatcher } from 'undici';
import { NetworkEscapeError } from '../errors.js';
import type { FeedConfig, FeedResponse } from '../types.js';

export interface OfflineGuard {
  fetchFeed: (feed: FeedConfig) => Promise<FeedResponse>;
  fetchPage: (url: string) => Promise<FeedResponse>;
  /** Blocks the network for the whole process; returns the function that lifts the block. Nests. */
  install: () => () => void;
}

let depth = 0;
let saved:
  | {
      fetch: typeof globalThis.fetch;
      dispatcher: Dispatcher;
      http: typeof http.request;
      httpGet: typeof http.get;
      https: typeof https.request;
      httpsGet: typeof https.get;
    }
  | undefined;

/** True while an offline guard is installed. */
export function isNetworkBlocked(): boolean {
  return depth > 0;
}

/** Throws NetworkEscapeError for `url` while an offline guard is installed; the HTTP fetcher calls it first. */
export function assertNetworkAllowed(url: string): void {
  if (depth > 0) throw new NetworkEscapeError(url);
}

class BlockingDispatcher extends Dispatcher {
  override dispatch(options: Dispatcher.DispatchOptions): boolean {
    throw new NetworkEscapeError(`${String(options.origin ?? '')}${options.path}`);
  }
}

function describe(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  if (arg instanceof URL) return arg.href;
  if (arg && typeof arg === 'object') {
    const o = arg as { protocol?: string; hostname?: string; host?: string; path?: string; url?: string };
    if (o.url) return o.url;
    return `${o.protocol ?? 'http:'}//${o.hostname ?? o.host ?? 'localhost'}${o.path ?? '/'}`;
  }
  return String(arg);
}

export function createOfflineGuard(): OfflineGuard {
  return {
    fetchFeed: async (feed) => {
      throw new NetworkEscapeError(feed.url);
    },
    fetchPage: async (url) => {
      throw new NetworkEscapeError(url);
    },
    install: () => {
      if (depth++ === 0) {
        saved = {
          fetch: globalThis.fetch,
          dispatcher: getGlobalDispatcher(),
          http: http.request,
          httpGet: http.get,
          https: https.request,
          httpsGet: https.get,
        };
        const block = (arg: unknown): never => {
          throw new NetworkEscapeError(describe(arg));
        };
        globalThis.fetch = (async (input: unknown) => block(input)) as typeof globalThis.fetch;
        setGlobalDispatcher(new BlockingDispatcher());
        http.request = block as unknown as typeof http.request;
        http.get = block as unknown as typeof http.get;
        https.request = block as unknown as typeof https.request;
        https.get = block as unknown as typeof https.get;
        syncBuiltinESMExports();
      }
      let lifted = false;
      return () => {
        if (lifted) return;
        lifted = true;
        if (--depth === 0 && saved) {
          globalThis.fetch = saved.fetch;
          setGlobalDispatcher(saved.dispatcher);
          http.request = saved.http;
          http.get = saved.httpGet;
          https.request = saved.https;
          https.get = saved.httpsGet;
          syncBuiltinESMExports();
          saved = undefined;
        }
      };
    },
  };
}
