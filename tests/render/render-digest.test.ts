import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { checkDigest } from '../../src/check/check-digest.js';
import { checkSafety } from '../../src/check/check-safety.js';
import { renderDigest } from '../../src/render/render-digest.js';
import { INSIGHT_TITLE, markdownUrl, READING_TITLE, SECTION_TITLES } from '../../src/render/section-titles.js';
import { NEWS_SECTIONS } from '../../src/types.js';
import { GOOD_TITLES, HOSTILE, hostileArticleUrls, hostileDigest } from './hostile-digest.js';
import { sampleDigest } from './sample-digest.js';

const golden = readFileSync(new URL('./golden/sample-digest.md', import.meta.url), 'utf8');

function safety(md: string, articleUrls?: ReadonlySet<string>) {
  const lines = md.split('\n').map((text, i) => ({ text, line: i + 1 }));
  return checkSafety(lines, md.split('\n').indexOf('---', 1) + 2, { articleUrls });
}

function frontMatter(md: string, version: '1.1' | '1.2') {
  const doc = parseDocument(/^---\n([\s\S]*?)\n---\n/.exec(md)![1]!, { version });
  expect(doc.errors).toEqual([]);
  return doc.toJS() as Record<string, unknown>;
}

describe('renderDigest', () => {
  it('renders the sample digest exactly as the reviewed golden file', () => {
    expect(renderDigest(sampleDigest)).toBe(golden);
  });

  it('writes front matter that a YAML 1.1 reader keeps as strings (yes stays "yes", the date stays text)', () => {
    const data = frontMatter(renderDigest(sampleDigest), '1.1');
    expect(data.tags).toContain('yes');
    expect(typeof data.date).toBe('string');
    expect(data.summary).toBe('涵蓋 Anthropic–Snowflake 與 "懺悔訓練"。');
  });

  it('keeps links safe: brackets in link text and parentheses in URLs cannot break the Markdown', () => {
    const md = renderDigest(sampleDigest);
    expect(md).toContain('[A ［bracketed］ title](https://example.com/a_%28b%29)');
    expect(md).toContain('[Tech ［Crunch］](https://techcrunch.com/2025/12/04/nexus/)');
  });

  it('produces a digest the checker accepts', () => {
    expect(
      checkDigest(
        renderDigest({ ...sampleDigest, frame: { ...sampleDigest.frame, keywords: 'abcdefghij'.split('').map((c) => `kw-${c}`) } }),
      ),
    ).toEqual([]);
  });
});

describe('renderDigest with hostile text in every field', () => {
  const md = renderDigest(hostileDigest);
  const body = md.slice(md.indexOf('\n---\n\n---\n'));

  it('still writes a digest that passes the format check and the safety check', () => {
    expect(checkDigest(md, { articleUrls: hostileArticleUrls })).toEqual([]);
    expect(safety(md, hostileArticleUrls)).toEqual([]);
  });

  it('keeps the structure: the eight ## sections and nothing else at ## level, one ### per entry', () => {
    const h2 = [...md.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    expect(h2).toEqual([...NEWS_SECTIONS.map((s) => SECTION_TITLES[s]), INSIGHT_TITLE, READING_TITLE]);
    const entries = hostileDigest.sections.headlines.length + hostileDigest.sections.market.length;
    expect(body.split(`\n## ${INSIGHT_TITLE}`)[0]!.match(/^### /gm)).toHaveLength(entries);
    for (const t of GOOD_TITLES) expect(md).toContain(`\n### ${t}\n`);
  });

  it('lets no shortcode delimiter, tag, control or bidi character into the file', () => {
    expect(md).not.toMatch(/\{\{|\}\}/);
    expect(md).not.toMatch(/<[A-Za-z/!?]/);
    expect(md).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/);
  });

  it('starts no line, list item or heading of the body with block syntax the layout did not write', () => {
    const lines = body.split('\n').filter((l) => l !== '---' && !l.startsWith('## '));
    const content = lines.map((l) => l.replace(/^(?:### |- |\d\. |\* )/, ''));
    expect(content.filter((c) => !c.startsWith('**') && c !== '').length).toBeGreaterThan(HOSTILE.length * 3);
    for (const c of content) expect(c, c).not.toMatch(/^(#|>|[-+*]\s|\d+[.)](\s|$)|=+$|-+$|:|\||```|~~~|\s|<)/);
  });

  it('writes front matter every YAML reader keeps as the same plain strings', () => {
    for (const version of ['1.1', '1.2'] as const) {
      const data = frontMatter(md, version);
      expect(data.title).toBe('＜script＞alert(1)＜/script＞ ｛｛＜ gist a b ＞｝｝ yes: no — 2025/12/05');
      expect(data.tags).toEqual(['yes', 'on', '*alias', '&anchor', '｛｛＜ gist a b ＞｝｝', 'ab']);
      expect(data.draft).toBe(false);
      expect(data.date).toBe('2025-12-05T06:45:04+08:00');
    }
    // Keys, order and quoting as in the golden file.
    expect(md.split('\n').slice(0, 9)).toEqual([
      '---',
      'cover:',
      '  image: "/images/2025-12-05-ai-intel.svg"',
      '  alt: "AI Daily"',
      '  relative: true',
      'title: "＜script＞alert(1)＜/script＞ ｛｛＜ gist a b ＞｝｝ yes: no — 2025/12/05"',
      'date: "2025-12-05T06:45:04+08:00"',
      'draft: false',
      'tags:',
    ]);
  });

  it('links only the article URLs, with text that cannot leave the link', () => {
    // A link is a `](` whose `]` is not escaped (an even run of backslashes before it); hostile text holds
    // plenty of escaped `\](`, and link text ending in an escaped backslash `\\](`.
    const targets = [...body.matchAll(/(?<=(?:^|[^\\])(?:\\\\)*)\]\(([^)\s]*)\)/g)].map((m) => m[1]);
    expect(new Set(targets)).toEqual(new Set([...hostileArticleUrls].map(markdownUrl)));
    expect(md).toContain('](https://news.example/a_%28b%29?q=1&amp;copy;=2&x=%7By%7D)');
  });
});
