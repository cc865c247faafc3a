import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSafety } from '../../src/check/check-safety.js';
import { renderDigest } from '../../src/render/render-digest.js';
import { hostileArticleUrls, hostileDigest } from '../render/hostile-digest.js';

const golden = readFileSync(new URL('../render/golden/sample-digest.md', import.meta.url), 'utf8');
const goldenUrls = new Set([...golden.matchAll(/\]\((https:[^)]+)\)/g)].map((m) => m[1]!.replaceAll('%28', '(').replaceAll('%29', ')')));
const BODY_LINE = golden.split('\n').indexOf('Anthropic 與 Snowflake 簽訂約 2 億美元長約。') + 1;

/** The golden digest with one line replaced; returns the violations as `line: message`. */
function check(md: string, options: { articleUrls?: ReadonlySet<string> } = { articleUrls: goldenUrls }) {
  const raw = md.split('\n');
  const lines = raw.map((text, i) => ({ text, line: i + 1 }));
  return checkSafety(lines, raw.indexOf('---', 1) + 2, options).map((v) => `${v.line}: ${v.message}`);
}
const withLine = (line: number, text: string) =>
  golden
    .split('\n')
    .map((l, i) => (i + 1 === line ? text : l))
    .join('\n');
const inBody = (text: string, options?: { articleUrls?: ReadonlySet<string> }) => check(withLine(BODY_LINE, text), options);
const frontMatterLine = (key: string) => golden.split('\n').findIndex((l) => l.startsWith(`${key}:`)) + 1;

describe('checkSafety on clean digests', () => {
  it('finds nothing in the golden file, with or without the article URLs', () => {
    expect(BODY_LINE).toBeGreaterThan(20);
    expect(check(golden)).toEqual([]);
    expect(check(golden, {})).toEqual([]);
  });

  it('finds nothing in the renderer’s output for hostile text in every field', () => {
    expect(check(renderDigest(hostileDigest), { articleUrls: hostileArticleUrls })).toEqual([]);
  });

  it('reads escaped syntax as the text it is', () => {
    for (const t of [
      '\\{\\{&lt; gist a b &gt;\\}\\} &lt;script&gt; &amp;#x202E; !\\[t\\](http\\://x.example/p.png)',
      '\\[x\\](https\\://evil.example) &lt;https\\://evil.example&gt; www\\.evil.example bob\\@evil.example',
      'x {a=b} y, AT&T, 2 &lt; 3, Q&A, a_b, @handle',
    ]) {
      expect(inBody(t)).toEqual([]);
    }
  });
});

describe('checkSafety rules, each reporting the line', () => {
  it('Hugo shortcode delimiters, even backslash-escaped ones (Hugo reads raw bytes)', () => {
    expect(inBody('Octopus {{< gist attacker 0123456789abcdef >}} agent')).toEqual([
      `${BODY_LINE}: Hugo shortcode delimiter "{{<": Hugo runs shortcodes before Markdown, even escaped ones; write "\\{" for "{"`,
    ]);
    expect(inBody('{{% youtube x %}}')[0]).toMatch(/shortcode delimiter "\{\{%"/);
    expect(inBody('\\{{< ref "x" >}}')[0]).toMatch(/shortcode delimiter/);
    expect(inBody('end %}}')[0]).toMatch(/shortcode delimiter "%}}"/);
  });

  it('raw HTML: tags, closing tags, comments, processing instructions, declarations', () => {
    for (const [t, shown] of [
      ['<img src=x onerror=alert(1)>', '<img'],
      ['text </div> text', '</div'],
      ['<!-- more -->', '<!--'],
      ['<?php echo 1 ?>', '<?'],
      ['<!DOCTYPE html>', '<!D'],
      ['<svg onload=alert(1)>', '<svg'],
    ]) {
      expect(inBody(t!)).toEqual([
        `${BODY_LINE}: raw HTML "${shown}": Goldmark passes it to the page (live where unsafe = true); write "&lt;"`,
      ]);
    }
  });

  it('autolinks and images', () => {
    expect(inBody('see <https://evil.example/x>')[0]).toBe(
      `${BODY_LINE}: autolink "<https://evil.example/x>": Goldmark makes it a link; links are [name](url) of collected articles`,
    );
    expect(inBody('<bob@evil.example>')[0]).toMatch(/^\d+: autolink/);
    expect(inBody('![t](https://techcrunch.com/2025/12/04/meta/)')).toEqual([
      `${BODY_LINE}: image "![": it would load a third-party image (a tracking pixel) on the page`,
    ]);
  });

  it('links anywhere (not only in 來源) that are not collected articles, or not http(s) at all', () => {
    expect(inBody('請見 [the official OpenAI page](https://openai.com.account-verify.example/login)。')).toEqual([
      `${BODY_LINE}: link https://openai.com.account-verify.example/login is not the URL of a collected article`,
    ]);
    // Without the article list, an http(s) link is not judged; a javascript: link always is.
    expect(inBody('[x](https://openai.com.account-verify.example/login)', {})).toEqual([]);
    expect(inBody('[x](javascript:alert(1))', {})).toEqual([
      `${BODY_LINE}: link target "javascript:alert(1" is not an absolute http(s) URL`,
    ]);
    expect(inBody('[known](https://techcrunch.com/2025/12/04/meta/) and [encoded](https://example.com/a_%28b%29)')).toEqual([]);
    expect(inBody('[ref]: https://evil.example/ref')[0]).toMatch(/^\d+: link reference definition/);
  });

  it('bare URLs and e-mail addresses that linkify would make links', () => {
    expect(inBody('see https://evil.example/x now')).toEqual([
      `${BODY_LINE}: bare URL "https://evil.example/x": Goldmark's linkify makes it a link; links are [name](url) of collected articles`,
    ]);
    expect(inBody('www.evil.example')[0]).toMatch(/^\d+: bare URL "www.evil.example"/);
    expect(inBody('mail bob@evil.example')[0]).toMatch(/^\d+: e-mail address/);
  });

  it('control and bidi characters, raw or as character references, in the body and the front matter', () => {
    expect(inBody('a\u202eb')).toEqual([
      `${BODY_LINE}: U+202E (a control or bidi character) in the text: it breaks Hugo's YAML or reorders the text around it; remove it`,
    ]);
    for (const c of ['\u2066', '\u0007', '\u007f', '\u009c', '\ufffe', '\u200f']) expect(inBody(`a${c}b`)).toHaveLength(1);
    expect(inBody('a &#x202E; b &#127; &#8238; &rlm;')).toEqual(
      ['&#x202E;', '&#127;', '&#8238;', '&rlm;'].map(
        (r) =>
          `${BODY_LINE}: character reference ${r} puts ${{ '&#x202E;': 'U+202E', '&#127;': 'U+007F', '&#8238;': 'U+202E', '&rlm;': 'U+200F' }[r]} (a control or bidi character) on the page; write "&amp;"`,
      ),
    );
    const title = frontMatterLine('title');
    expect(check(withLine(title, 'title: "資料\u007f平台 — 2025/12/05"'))).toEqual([
      `${title}: U+007F (a control or bidi character) in the text: it breaks Hugo's YAML or reorders the text around it; remove it`,
    ]);
    expect(check(withLine(title, 'title: "資料\\u202e平台 — 2025/12/05"'))).toEqual([
      `${title}: front matter value holds U+202E (a control or bidi character, written as an escape); remove it`,
    ]);
  });

  it('front matter that a YAML 1.2 reader cannot read', () => {
    const title = frontMatterLine('title');
    expect(check(withLine(title, 'title: "a" b'))[0]).toMatch(new RegExp(`^${title}: front matter is not valid YAML 1.2`));
    expect(check(withLine(title, 'description: "again"'))[0]).toMatch(/front matter is not valid YAML 1\.2.*unique/i);
    expect(check(withLine(title, 'title: [unclosed'))[0]).toMatch(/front matter is not valid YAML 1\.2/);
  });

  it('the front matter summary as Markdown (Hugo renders it), but not the other values', () => {
    const summary = frontMatterLine('summary');
    expect(check(withLine(summary, 'summary: "<img src=x onerror=alert(1)> [x](https://evil.example)"'))).toEqual([
      `${summary}: front matter summary (Hugo renders it as Markdown): raw HTML "<img": Goldmark passes it to the page (live where unsafe = true); write "&lt;"`,
      `${summary}: front matter summary (Hugo renders it as Markdown): link https://evil.example is not the URL of a collected article`,
    ]);
    const description = frontMatterLine('description');
    expect(check(withLine(description, 'description: "<b>x</b> [x](https://evil.example)"'))).toEqual([]);
  });

  it('shortcode delimiters in any front matter value, raw or escaped (markdownify runs them)', () => {
    const description = frontMatterLine('description');
    expect(check(withLine(description, 'description: "x {{% gist a b %}}"'))).toEqual([
      `${description}: front matter value holds the Hugo shortcode delimiter "{{%": themes that markdownify it run the shortcode; write "｛｛" for "{{"`,
    ]);
    expect(check(withLine(description, 'description: "x \\x7B{< gist a b >}}"'))[0]).toMatch(/shortcode delimiter "\{\{<"/);
  });

  it('heading attributes, but not a brace that cannot be one', () => {
    const heading = golden.split('\n').indexOf('### Meta 測試 AI 客服') + 1;
    expect(check(withLine(heading, '### Meta 測試 AI 客服 {onclick="x" .evil}'))).toEqual([
      `${heading}: heading ends in "{...}": Goldmark reads it as attributes of the heading (id, class, style); write "\\{"`,
    ]);
    expect(check(withLine(heading, '### Meta 測試 AI 客服 \\{#id}'))).toEqual([]);
    expect(check(withLine(heading, '### Fairy2i: Parameters in {+1, -1, +i, -i}'))).toEqual([]);
  });
});
