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
