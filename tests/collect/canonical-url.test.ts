import { describe, expect, it } from 'vitest';
import { articleId } from '../../src/collect/article-id.js';
import { canonicalUrl } from '../../src/collect/canonical-url.js';

describe('canonicalUrl', () => {
  it('drops utm_*, fbclid, gclid and the fragment but keeps other parameters as they were encoded', () => {
    expect(canonicalUrl('https://Example.com/a/b?utm_source=rss&id=7&q=a%20b&fbclid=XYZ&utm_medium=feed#comments')).toBe(
      'https://example.com/a/b?id=7&q=a%20b',
    );
    expect(canonicalUrl('https://example.com/x?gclid=1&UTM_Campaign=2')).toBe('https://example.com/x');
  });

  it('resolves relative links against a base', () => {
    expect(canonicalUrl('../post/1.html', 'https://blog.example.com/feeds/all.xml')).toBe('https://blog.example.com/post/1.html');
    expect(canonicalUrl('/p?id=3', 'http://example.org/')).toBe('http://example.org/p?id=3');
  });

  it('refuses anything that is not an absolute http(s) URL', () => {
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalUrl('  JavaScript:alert(1)', 'https://example.com/')).toBeNull();
    expect(canonicalUrl('mailto:a@b.c')).toBeNull();
    expect(canonicalUrl('not a url')).toBeNull();
    expect(canonicalUrl('')).toBeNull();
    expect(canonicalUrl(undefined)).toBeNull();
  });

  it('gives the same id to the same story whatever tracking the link carried', () => {
    const a = canonicalUrl('https://example.com/story?utm_source=twitter#top')!;
    const b = canonicalUrl('https://example.com/story')!;
    expect(articleId(a)).toBe(articleId(b));
    expect(articleId(a)).toMatch(/^[0-9a-f]{12}$/);
    // sha1("https://example.com/story") starts with these 12 hex digits
    expect(articleId('https://example.com/story')).toBe(articleId(b));
  });
});
