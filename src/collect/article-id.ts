import { createHash } from 'node:crypto';

/** Stable article id: the first 12 hex digits of the SHA-1 of the canonical URL. */
export function articleId(canonical: string): string {
  return createHash('sha1').update(canonical).digest('hex').slice(0, 12);
}
