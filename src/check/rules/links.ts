// Links across the whole digest: every target an absolute http(s) URL, with --articles one of the collected
// articles, and no URL cited by two entries (the same story twice). Shared by the entry and reading rules.

import { markdownUrl } from '../../render/section-titles.js';
import type { Violation } from '../digest-doc.js';

export function isAbsoluteHttpUrl(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    const u = new URL(url);
    return /\.[a-z0-9-]+$/i.test(u.hostname) || u.hostname === 'localhost';
  } catch {
    return false;
  }
}

export interface LinkBook {
  /** Checks one link target; false when it is not even a URL (callers then skip their own checks of it). */
  check(url: string, line: number, v: Violation[]): boolean;
  /** Records that the entry at `entryLine` cites `url`; reports a URL another entry cited already. */
  cite(url: string, entryLine: number, line: number, v: Violation[]): void;
}

export function createLinkBook(articleUrls: ReadonlySet<string> | undefined): LinkBook {
  // Links are rendered with markdownUrl, so a collected URL may appear encoded: accept either form.
  const known = articleUrls && new Set([...articleUrls].flatMap((u) => [u, markdownUrl(u)]));
  const citedBy = new Map<string, number>();
  return {
    check(url, line, v) {
      if (!isAbsoluteHttpUrl(url)) {
        v.push({ line, message: `link target "${url}" is not an absolute http(s) URL` });
        return false;
      }
      if (known && !known.has(url)) v.push({ line, message: `link ${url} is not the URL of a collected article` });
      return true;
    },
    cite(url, entryLine, line, v) {
      const other = citedBy.get(url);
      if (other !== undefined && other !== entryLine)
        v.push({ line, message: `URL ${url} is also cited by the entry at line ${other}: the same story twice` });
      else citedBy.set(url, entryLine);
    },
  };
}
