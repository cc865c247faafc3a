import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeedsConfig, readFeedsConfig } from '../../src/config/feeds-config.js';

const ok = 'feeds:\n  - { id: techcrunch-ai, name: TechCrunch, url: "https://techcrunch.com/feed/", lang: en }\n';

describe('feeds.yaml', () => {
  it('parses the project feeds.yaml: the outlets the example digests cite', () => {
    const feeds = parseFeedsConfig(readFileSync(new URL('../../feeds.yaml', import.meta.url), 'utf8'), 'feeds.yaml');
    expect(feeds.length).toBeGreaterThanOrEqual(16);
    const names = feeds.map((f) => f.name);
    for (const n of [
      'TechCrunch',
      'The Guardian',
      '量子位',
      'Towards Data Science',
      'KDnuggets',
      'AI News',
      'AI Business',
      'AI-Tech Park',
      'Hugging Face Blog',
      'OpenAI',
      'AWS Machine Learning Blog',
      'ScienceDaily',
      'MIT Technology Review',
    ]) {
      expect(names).toContain(n);
    }
    expect(feeds.filter((f) => f.id.startsWith('arxiv-')).map((f) => f.section)).toEqual(['research', 'research', 'research', 'research']);
  });

  it('accepts a minimal feed', () => {
    expect(parseFeedsConfig(ok, 'f.yaml')).toEqual([
      { id: 'techcrunch-ai', name: 'TechCrunch', url: 'https://techcrunch.com/feed/', lang: 'en' },
    ]);
  });

  it.each([
    ['a feed without url', 'feeds:\n  - { id: a, name: A, lang: en }\n', /^f\.yaml: feed "a": url: must be an absolute http\(s\) URL$/],
    ['a bad language', 'feeds:\n  - { id: a, name: A, url: "https://a.com/rss", lang: fr }\n', /feed "a": lang: must be "en" or "zh"/],
    [
      'an unknown field',
      'feeds:\n  - { id: a, name: A, url: "https://a.com/rss", lang: en, fulltext: true }\n',
      /feed "a": entry: unknown field\(s\) fulltext/,
    ],
    [
      'a bad section',
      'feeds:\n  - { id: a, name: A, url: "https://a.com/rss", lang: en, section: news }\n',
      /feed "a": section: must be one of research, tools/,
    ],
    [
      'an ftp url',
      'feeds:\n  - { id: a, name: A, url: "ftp://a.com/rss", lang: en }\n',
      /feed "a": url: must be an absolute http\(s\) URL/,
    ],
    ['an entry without id', 'feeds:\n  - { name: A, url: "https://a.com/rss", lang: en }\n', /feeds\[0\]: id:/],
    [
      'a duplicate id',
      `${ok}  - { id: techcrunch-ai, name: T2, url: "https://t.com/feed/", lang: en }\n`,
      /feed "techcrunch-ai": id: duplicate id/,
    ],
    ['no feeds key', 'sources: []\n', /f\.yaml: (feeds|top level)/],
    ['broken YAML', 'feeds:\n  - { id: a, name: [\n', /^f\.yaml(:\d+)?: not valid YAML/],
  ])('rejects %s with a one-line error naming the file, feed and field', (_what, text, pattern) => {
    let message = '';
    try {
      parseFeedsConfig(text, 'f.yaml');
    } catch (err) {
      expect((err as Error).name).toBe('ConfigError');
      message = (err as Error).message;
    }
    expect(message).toMatch(pattern);
    expect(message).not.toContain('\n');
  });

  it('says which file could not be read', async () => {
    await expect(readFeedsConfig('/nonexistent/feeds.yaml')).rejects.toThrow(
      /\/nonexistent\/feeds.yaml: cannot read the feeds file \(ENOENT\)/,
    );
  });
});
