// One URL per story link: the id of an article is derived from it, and duplicate detection compares it.

const TRACKING_PARAM = /^(utm_[a-z0-9_]*|fbclid|gclid)$/i;

/**
 * The canonical absolute http(s) form of `raw` (resolved against `base` when relative), without tracking
 * parameters (utm_*, fbclid, gclid) and fragment; null when it is not an http(s) URL (javascript:, mailto:, junk).
 */
export function canonicalUrl(raw: string | undefined | null, base?: string): string | null {
  const trimmed = raw?.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  url.hash = '';
  if (url.search) {
    // Split by hand instead of URLSearchParams, which would re-encode the parameters we keep
    // (e.g. %20 → +) and so change the id of every URL that has a query.
    const kept = url.search
      .slice(1)
      .split('&')
      .filter((part) => part !== '' && !TRACKING_PARAM.test(safeDecode(part.split('=')[0] ?? '')));
    url.search = kept.length ? `?${kept.join('&')}` : '';
  }
  return url.href;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Resolves `raw` against `base` without any other change; undefined when that is impossible. */
export function resolveUrl(raw: string | undefined | null, base?: string): string | undefined {
  const trimmed = raw?.trim();
  if (!trimmed) return undefined;
  try {
    return base ? new URL(trimmed, base).href : new URL(trimmed).href;
  } catch {
    return undefined;
  }
}
