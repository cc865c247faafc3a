// The live feed adapter: HTTP GET with the manners and defences a nightly job needs.
// - a timeout per request (each redirect hop, body included), bounded retries with exponential backoff and
//   jitter on network errors, 5xx and 429 (Retry-After honoured, but capped);
// - overall and per-host concurrency (p-limit), so 20 feeds are fast and no site gets more than `perHost` at once;
// - redirects followed by hand (at most 5, loops detected), gzip/deflate/br decoded by hand, so the size cap
//   applies to what we really hold in memory;
// - conditional GET: ETag / Last-Modified remembered in a small state file with the last body, so a 304 gives
//   the parser the stored copy and the window decides what is new;
// - a network policy (network-policy.ts): the feed's own URL is the operator's and connects as it is; a redirect
//   to another host and every article page (fetchPage) come from third-party text and connect through a guarded
//   agent that refuses internal addresses (loopback, private, link-local, ...) at connect time.

import { STATUS_CODES } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import pLimit, { type LimitFunction } from 'p-limit';
import { Agent, request } from 'undici';
import { NetworkEscapeError, errorMessage } from '../errors.js';
import type { FeedConfig, FeedResponse } from '../types.js';
import { AddressRefusedError, FetchError, FetchRefusedError } from './collect-errors.js';
import type { StateWarning } from '../util/read-state-file.js';
import { createHttpStateStore, type HttpStateStore } from './http-state.js';
import { parseRetryAfter, realSleep, retryDelayMs, type RetryPolicy } from '../util/retry-policy.js';
import { createGuardedAgent, type LookupFunction, type NetworkPolicy } from './network-policy.js';
import { assertNetworkAllowed } from './offline-guard.js';

export const DEFAULT_USER_AGENT = 'ai-daily-digest/0.1 (+https://github.com/ai-daily-digest/ai-daily-digest; RSS digest bot)';

export interface HttpFetcherOptions {
  /** Per request (each redirect hop), body included (default 20 s). */
  timeoutMs?: number;
  /** Attempts after the first, for network errors, timeouts, 5xx and 429 (default 2). */
  retries?: number;
  /** First backoff delay; doubles each retry, with jitter (default 1 s). */
  backoffMs?: number;
  /** Longest Retry-After we are willing to wait (default 30 s). */
  maxRetryAfterMs?: number;
  /** Requests in flight overall (default 8) and per host (default 2). */
  concurrency?: number;
  perHost?: number;
  /** Largest body, after decompression (default 10 MB). */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  userAgent?: string;
  /** Conditional-GET state file (the workspace's http-cache.json); absent or null: no conditional GET. */
  stateFile?: string | null;
  /** A corrupt state file was moved aside (src/util/read-state-file.ts). */
  warnState?: (w: StateWarning) => void;
  log?: (event: Record<string, unknown>) => void;
  /**
   * What third-party addresses may reach (redirects to another host, article pages): internal addresses are
   * refused unless `allow` names the host or a CIDR holding the address (from DIGEST_FETCH_ALLOW). Default: none.
   */
  networkPolicy?: NetworkPolicy;
  /** The DNS lookup of guarded connections (default dns.lookup); tests answer names with it. */
  lookup?: LookupFunction;
  /** Replaceable in tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export type HttpFeedFetcher = ((feed: FeedConfig) => Promise<FeedResponse>) & {
  /** GET an article page (full text) under the same limits; no conditional GET. */
  fetchPage: (url: string) => Promise<FeedResponse>;
  /** Closes idle keep-alive connections. */
  close: () => Promise<void>;
  readonly stateFile: string | null;
};

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  url: string;
}

/** Errors not worth retrying: the answer would be the same. */
class FinalError extends FetchError {}

export function createHttpFeedFetcher(options: HttpFetcherOptions = {}): HttpFeedFetcher {
  const o = {
    timeoutMs: options.timeoutMs ?? 20_000,
    retries: options.retries ?? 2,
    backoffMs: options.backoffMs ?? 1_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000,
    maxBytes: options.maxBytes ?? 10 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    log: options.log,
  };
  const policy: RetryPolicy = { maxRetries: o.retries, baseDelayMs: o.backoffMs, capMs: o.maxRetryAfterMs };
  const stateFile = options.stateFile ?? null;
  const store: HttpStateStore | null = stateFile ? createHttpStateStore(stateFile, { warn: options.warnState }) : null;
  // Two pools, so a connection opened for a trusted feed URL is never reused for a guarded request.
  const agent = new Agent({ keepAliveTimeout: 2_000, connect: { timeout: o.timeoutMs } });
  const guardedAgent = createGuardedAgent(options.networkPolicy ?? { allow: [] }, { timeout: o.timeoutMs, lookup: options.lookup });
  const overall = pLimit(options.concurrency ?? 8);
  const perHost = options.perHost ?? 2;
  const hosts = new Map<string, LimitFunction>();
  const hostLimit = (url: string): LimitFunction => {
    const host = new URL(url).host;
    let limit = hosts.get(host);
    if (!limit) hosts.set(host, (limit = pLimit(perHost)));
    return limit;
  };

  /**
   * One GET of one URL (no redirects followed), body read and decompressed, inside both limits. The timeout
   * starts when the request leaves the queue: waiting for a free slot is not the server's slowness.
   */
  const getOnce = (url: string, headers: Record<string, string>, guarded: boolean): Promise<RawResponse> =>
    // Host first, then the global slot: a request queued behind its host does not hold a global slot.
    hostLimit(url)(() =>
      overall(async () => {
        assertNetworkAllowed(url);
        const signal = AbortSignal.timeout(o.timeoutMs);
        try {
          return await readResponse(url, headers, signal, guarded ? guardedAgent : agent);
        } catch (err) {
          if (err instanceof FetchError) throw err;
          const refused = findRefusal(err);
          if (refused) throw new FetchRefusedError(url, refused);
          if (signal.aborted) throw new FetchError(`timed out after ${o.timeoutMs} ms`, url, undefined, { cause: err });
          throw new FetchError(`network error: ${describeNetworkError(err)}`, url, undefined, { cause: err });
        }
      }),
    );

  const readResponse = async (
    url: string,
    headers: Record<string, string>,
    signal: AbortSignal,
    dispatcher: Agent,
  ): Promise<RawResponse> => {
    const res = await request(url, { method: 'GET', headers, signal, dispatcher });
    const h = flatHeaders(res.headers);
    if (REDIRECTS.has(res.statusCode) || res.statusCode === 304) {
      await res.body.dump();
      return { status: res.statusCode, headers: h, body: new Uint8Array(), url };
    }
    const declared = Number(h['content-length']);
    if (Number.isFinite(declared) && declared > o.maxBytes) {
      res.body.destroy();
      throw new FinalError(`body too large: ${declared} bytes announced, the limit is ${o.maxBytes}`, url, res.statusCode);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > o.maxBytes) {
        res.body.destroy();
        throw new FinalError(`body too large: more than ${o.maxBytes} bytes`, url, res.statusCode);
      }
      chunks.push(chunk as Buffer);
    }
    const body = await decompress(Buffer.concat(chunks), h['content-encoding'], o.maxBytes, url);
    return { status: res.statusCode, headers: h, body, url };
  };

  /**
   * One attempt: follows redirects by hand so that each hop is limited, checked and counted. With `trusted`, the
   * URL is the operator's: it and further hops on the same host (host and port) connect as they are, until the
   * chain leaves that host; from then on, and for an untrusted URL from the start, every hop is guarded.
   */
  const attempt = async (url: string, headers: Record<string, string>, trusted: boolean): Promise<RawResponse> => {
    const chain = [url];
    const trustedHost = new URL(url).host;
    let stillTrusted = trusted;
    let current = url;
    for (;;) {
      stillTrusted &&= new URL(current).host === trustedHost;
      let res: RawResponse;
      try {
        res = await getOnce(current, headers, !stillTrusted);
      } catch (err) {
        // Say where the redirect came from: the operator knows the feed URL, not the address it sent us to.
        if (err instanceof FetchRefusedError && chain.length > 1)
          throw new FetchRefusedError(current, err.cause as AddressRefusedError, chain.at(-2));
        throw err;
      }
      if (!REDIRECTS.has(res.status)) return res;
      const location = res.headers.location;
      if (!location) throw new FinalError(`HTTP ${res.status} redirect without a Location header`, current, res.status);
      const next = new URL(location, current).href;
      if (!/^https?:$/.test(new URL(next).protocol)) throw new FinalError(`redirect to a non-HTTP URL: ${next}`, current, res.status);
      if (chain.includes(next)) throw new FinalError(`redirect loop: ${[...chain, next].join(' → ')}`, url, res.status);
      if (chain.length > o.maxRedirects)
        throw new FinalError(`more than ${o.maxRedirects} redirects (${chain.join(' → ')} → …)`, url, res.status);
      chain.push(next);
      current = next;
    }
  };

  /** Attempts with retries; returns the final non-retryable answer (2xx, 304, 4xx) or throws. */
  const withRetries = async (url: string, headers: Record<string, string>, trusted: boolean): Promise<RawResponse> => {
    const attempts = o.retries + 1;
    for (let i = 0; ; i++) {
      let waitMs: number;
      let problem: string;
      try {
        const res = await attempt(url, headers, trusted);
        if (res.status !== 429 && res.status < 500) return res;
        problem = `HTTP ${res.status} ${STATUS_CODES[res.status] ?? ''}`.trim();
        waitMs = retryDelayMs(i, parseRetryAfter(res.headers, Date.now()), policy, o.random);
      } catch (err) {
        if (
          err instanceof FinalError ||
          err instanceof FetchRefusedError ||
          err instanceof NetworkEscapeError ||
          !(err instanceof FetchError)
        )
          throw err;
        problem = err.message;
        waitMs = retryDelayMs(i, undefined, policy, o.random);
      }
      if (i + 1 >= attempts) throw new FetchError(`${problem} (gave up after ${attempts} attempt${attempts > 1 ? 's' : ''})`, url);
      o.log?.({ event: 'http-retry', url, attempt: i + 1, problem, waitMs });
      await o.sleep(waitMs);
    }
  };

  const baseHeaders = (accept: string): Record<string, string> => ({
    'user-agent': o.userAgent,
    accept,
    'accept-encoding': 'gzip, deflate, br',
  });

  const fetchFeed = async (feed: FeedConfig): Promise<FeedResponse> => {
    const url = feed.url;
    const stored = store ? await store.get(url).catch(() => undefined) : undefined;
    const headers = baseHeaders(FEED_ACCEPT);
    if (stored?.entry.etag) headers['if-none-match'] = stored.entry.etag;
    if (stored?.entry.lastModified) headers['if-modified-since'] = stored.entry.lastModified;

    let res = await withRetries(url, headers, true);
    if (res.status === 304) {
      if (stored) {
        o.log?.({ event: 'http-not-modified', url });
        return {
          status: 304,
          headers: stored.entry.contentType ? { 'content-type': stored.entry.contentType } : {},
          body: stored.body,
          url: stored.entry.finalUrl,
        };
      }
      // A 304 we did not ask for (no stored copy): ask again, unconditionally.
      res = await withRetries(url, baseHeaders(FEED_ACCEPT), true);
    }
    if (res.status < 200 || res.status > 299) throw httpStatusError(res);
    if (store && (res.headers.etag || res.headers['last-modified'])) {
      await store
        .put(
          url,
          {
            etag: res.headers.etag,
            lastModified: res.headers['last-modified'],
            contentType: res.headers['content-type'],
            finalUrl: res.url,
          },
          res.body,
        )
        .catch((err: unknown) => o.log?.({ event: 'http-state-write-failed', file: store.file, reason: errorMessage(err) }));
    }
    return { status: res.status, headers: res.headers, body: res.body, url: res.url };
  };

  const fetchPage = async (url: string): Promise<FeedResponse> => {
    // An article link is third-party text: guarded from the first hop.
    const res = await withRetries(url, baseHeaders(PAGE_ACCEPT), false);
    if (res.status < 200 || res.status > 299) throw httpStatusError(res);
    return { status: res.status, headers: res.headers, body: res.body, url: res.url };
  };

  const close = async (): Promise<void> => {
    await Promise.all([agent.close(), guardedAgent.close()]);
  };
  return Object.assign(fetchFeed, { fetchPage, close, stateFile });
}

function httpStatusError(res: RawResponse): FetchError {
  const text = STATUS_CODES[res.status];
  return new FetchError(`HTTP ${res.status}${text ? ` ${text}` : ''} from ${res.url}`, res.url, res.status);
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

async function decompress(buf: Buffer, encoding: string | undefined, maxBytes: number, url: string): Promise<Uint8Array> {
  const enc = (encoding ?? '').trim().toLowerCase();
  if (enc === '' || enc === 'identity') return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const opts = { maxOutputLength: maxBytes };
  try {
    let out: Buffer;
    if (enc === 'gzip' || enc === 'x-gzip') out = await gunzip(buf, opts);
    else if (enc === 'br') out = await brotli(buf, opts);
    else if (enc === 'deflate')
      out = await inflate(buf, opts).catch(() => inflateRaw(buf, opts)); // servers send both kinds
    else throw new FinalError(`unsupported Content-Encoding "${encoding}"`, url);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (err) {
    if (err instanceof FetchError) throw err;
    if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new FinalError(`body too large: more than ${maxBytes} bytes after ${enc} decompression`, url, undefined, { cause: err });
    }
    throw new FinalError(`could not decompress the ${enc} body: ${errorMessage(err)}`, url, undefined, { cause: err });
  }
}

/** The connector's refusal, wherever undici put it in the chain of causes. */
function findRefusal(err: unknown): AddressRefusedError | undefined {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof AddressRefusedError) return e;
  }
  return undefined;
}

function describeNetworkError(err: unknown): string {
  const e = err as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = e.code ?? e.cause?.code;
  const msg = errorMessage(err);
  return code && !msg.includes(code) ? `${code} ${msg}` : msg;
}
