// Errors of the collect stage. Each has a stable name (tests, logs and the run report match on it),
// a message that says what happened and what to do, and the underlying cause.

import { DigestError } from '../errors.js';

/** The bytes are not a feed we can read (not XML/JSON, HTML page, unknown root element). */
export class FeedParseError extends DigestError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('FeedParseError', message, options);
  }
}

/** An HTTP fetch gave up: network error, timeout, too many redirects, body too large, or a non-2xx answer. */
export class FetchError extends DigestError {
  constructor(
    message: string,
    readonly url: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super('FetchError', message, options);
  }
}

/** A dry run asked for a feed or page that the fixture day does not contain. */
export class FixtureMissingError extends DigestError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('FixtureMissingError', message, options);
  }
}

/**
 * The guarded connector would not connect: the address is inside the network (loopback, private, link-local, ...)
 * and DIGEST_FETCH_ALLOW does not name the host or a range that holds it. Raised at connect time, below HTTP,
 * so it knows the host and address but not the URL; the fetcher turns it into a FetchRefusedError.
 */
export class AddressRefusedError extends DigestError {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly kind: string,
    readonly range: string,
  ) {
    super(
      'AddressRefusedError',
      `${host === address ? 'the address is' : `${host} resolves to ${address}, which is`} ${kind} (${range}); add it to DIGEST_FETCH_ALLOW if you trust it`,
    );
  }
}

/** A fetch of an address that third-party text pointed at (a redirect, an article link) was refused: not retried. */
export class FetchRefusedError extends FetchError {
  constructor(url: string, refused: AddressRefusedError, redirectedFrom?: string) {
    super(`refused to fetch ${url}${redirectedFrom ? ` (a redirect from ${redirectedFrom})` : ''}: ${refused.message}`, url, undefined, {
      cause: refused,
    });
    this.name = 'FetchRefusedError';
  }
}
