import { describe, expect, it } from 'vitest';
import { inertCode, inertLinkText, inertText, plainText } from '../../src/render/inert-text.js';
import { markdownUrl } from '../../src/render/section-titles.js';

describe('inertText', () => {
  it('leaves ordinary Chinese and English news text exactly as written', () => {
    for (const t of [
      'OpenAI 發布 GPT-5.1，推理速度提升 30%（比前代快）。',
      'Anthropic signs $200M deal: "Claude on Snowflake" — AT&T, Q&A, R&D (it\'s 2x)!',
      'gpt_4o-mini and snake_case_names stay readable; C# and F# too',
      'Fairy2i: Training Complex LLMs with All Parameters in {+1, -1, +i, -i}',
      '台積電 2 奈米製程 100% 良率？ 5 reasons why!',
    ]) {
      expect(inertText(t)).toBe(t);
    }
  });

  it('folds text into one line and strips heading, quote and list markers from its start, however nested', () => {
    expect(inertText('# 標題\n第二行')).toBe('標題 第二行');
    expect(inertText('- 項目')).toBe('項目');
    expect(inertText('---')).toBe('');
    expect(inertText('> ## Fake Section')).toBe('Fake Section');
    expect(inertText('> > - ### 1. 深層')).toBe('深層');
    expect(inertText('  多行\r\n\t摘要  ')).toBe('多行 摘要');
  });

  it('neutralises Hugo shortcode delimiters (every brace of a {{ or }} run escaped, < > as entities)', () => {
    expect(inertText('Octopus {{< gist attacker 0123456789abcdef >}} agent')).toBe(
      'Octopus \\{\\{&lt; gist attacker 0123456789abcdef &gt;\\}\\} agent',
    );
    expect(inertText('{{% youtube x %}}')).toBe('\\{\\{% youtube x %\\}\\}');
    for (const t of ['{{< ref "x" >}}', '{{%/* c */%}}', '{{{<x>}}}', 'a{{<b']) expect(inertText(t)).not.toMatch(/\{\{|\}\}/);
  });

  it('escapes a trailing {...} that Goldmark would read as heading attributes, and no other brace', () => {
    expect(inertText('Title {onclick="alert(1)" .evil #evil}')).toBe('Title \\{onclick="alert(1)" .evil #evil}');
    expect(inertText('Title {#id}')).toBe('Title \\{#id}');
    expect(inertText('Title {}')).toBe('Title \\{}');
    expect(inertText('x {a=b} y')).toBe('x {a=b} y');
  });

  it('turns every < > into entities and & into &amp; where it would start a character reference', () => {
    expect(inertText('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(inertText('<https://evil.example>')).toBe('&lt;https\\://evil.example&gt;');
    expect(inertText('&lt;script&gt; &#x202E; &#127; &copy;')).toBe('&amp;lt;script&amp;gt; &amp;#x202E; &amp;#127; &amp;copy;');
    expect(inertText('AT&T & Q&A &nbsp')).toBe('AT&T & Q&A &nbsp');
  });

  it('escapes what makes links, images and footnotes, and what linkify matches (scheme, www., e-mail @)', () => {
    expect(inertText('![t](http://tracker.example/p.png)')).toBe('!\\[t\\](http\\://tracker.example/p.png)');
    expect(inertText('[the official OpenAI page](https://openai.com.account-verify.example/login)')).toBe(
      '\\[the official OpenAI page\\](https\\://openai.com.account-verify.example/login)',
    );
    expect(inertText('[ref]: x [^1]')).toBe('\\[ref\\]: x \\[^1\\]');
    expect(inertText('see HTTPS://a.example ftp://b.example www.c.example bob@d.example @handle')).toBe(
      'see HTTPS\\://a.example ftp\\://b.example www\\.c.example bob\\@d.example @handle',
    );
  });

  it('escapes emphasis, code and strikethrough marks (an underscore only at a word boundary) and backslashes', () => {
    expect(inertText('**bold** *em* _em_ ~~del~~ `code`')).toBe('\\*\\*bold\\*\\* \\*em\\* \\_em\\_ \\~\\~del\\~\\~ \\`code\\`');
    expect(inertText('a_b 中_文 _x')).toBe('a_b 中_文 \\_x');
    expect(inertText('path\\to\\')).toBe('path\\\\to\\\\');
  });

  it('escapes what could still open a block at the start of a line, and a closing # run', () => {
    expect(inertText('===')).toBe('\\===');
    expect(inertText(': definition')).toBe('\\: definition');
    expect(inertText('| a | b |')).toBe('\\| a | b |');
    expect(inertText('+1 for this')).toBe('\\+1 for this');
    expect(inertText('-5% today')).toBe('\\-5% today');
    expect(inertText('#hashtag')).toBe('\\#hashtag');
    expect(inertText('1)')).toBe('1\\)');
    expect(inertText('```js')).toBe('\\`\\`\\`js');
    expect(inertText('~~~')).toBe('\\~\\~\\~');
    expect(inertText('Issue #')).toBe('Issue \\#');
  });

  it('removes control, noncharacter and bidi characters, and lone surrogates', () => {
    expect(
      inertText('a\u0000b\u0007c\u007fd\u0085e\u009cf\ufffeg\uffffh\ud800i\u202ej\u2066k\u2069l\u200fm\u061cn\u{1fffe}o\ufff9p\u{e0041}q'),
    ).toBe('abcd efghijklmnopq');
    // Paired surrogates (emoji) and the joiners emoji need stay.
    expect(inertText('👩‍💻 ok')).toBe('👩‍💻 ok');
  });
});

describe('inertLinkText', () => {
  it('keeps the full-width brackets of the golden file, escapes the rest like inertText, and is never empty', () => {
    expect(inertLinkText('Tech [Crunch]')).toBe('Tech ［Crunch］');
    expect(inertLinkText('**x** <b> https://a.example')).toBe('\\*\\*x\\*\\* &lt;b&gt; https\\://a.example');
    expect(inertLinkText('  \u202e ')).toBe('link');
  });
});

describe('inertCode', () => {
  it('drops backticks and makes full-width what a code span cannot escape', () => {
    expect(inertCode('單步`生成')).toBe('單步生成');
    expect(inertCode('Agentic AI')).toBe('Agentic AI');
    expect(inertCode('{{< gist a b >}}')).toBe('｛｛＜ gist a b ＞｝｝');
    expect(inertCode('[x](https://evil.example) bob@evil.example www.evil.example &#x202E;')).toBe(
      '［x］(https：//evil.example) bob＠evil.example www．evil.example ＆#x202E;',
    );
  });
});

describe('plainText (front matter title, description, tags)', () => {
  it('is one clean line with angle and square brackets full-width, and no Markdown escapes', () => {
    expect(plainText('# <script>alert(1)</script> [x](y) *a* \u202e')).toBe('＜script＞alert(1)＜/script＞ ［x］(y) *a*');
    expect(plainText('資料平台與代理人工智慧')).toBe('資料平台與代理人工智慧');
    // What markdownify (in some themes) would still link or decode.
    expect(plainText('{{< gist a b >}} {{% x %}} {+1, -1}')).toBe('｛｛＜ gist a b ＞｝｝ ｛｛% x %｝｝ {+1, -1}');
    expect(plainText('see https://a.example www.b.example bob@c.example &#x202E; AT&T @handle')).toBe(
      'see https：//a.example www．b.example bob＠c.example ＆#x202E; AT&T @handle',
    );
  });
});

describe('markdownUrl', () => {
  it('percent-encodes what would end or alter a link target, and leaves ordinary URLs alone', () => {
    expect(markdownUrl('https://techcrunch.com/2025/12/04/nexus/?p=1&q=2')).toBe('https://techcrunch.com/2025/12/04/nexus/?p=1&q=2');
    expect(markdownUrl('https://example.com/a_(b) c')).toBe('https://example.com/a_%28b%29%20c');
    expect(markdownUrl('https://example.com/<x>{{y}}\\"`')).toBe('https://example.com/%3Cx%3E%7B%7By%7D%7D%5C%22%60');
    expect(markdownUrl('https://example.com/é\u202e\u0001')).toBe('https://example.com/%C3%A9%E2%80%AE%01');
    expect(markdownUrl('https://example.com/?a=1&copy;=2&#64;')).toBe('https://example.com/?a=1&amp;copy;=2&amp;#64;');
  });
});
