// The renderer on its own, whatever the collector and the writers do first (defence in depth): hostile text in
// every field of a digest goes straight into renderDigest, and the result is built by the real Hugo with raw
// HTML off and on. Nothing on the page may come from the hostile text but text.

import { describe, expect, it } from 'vitest';
import { renderDigest } from '../../src/render/render-digest.js';
import { GOOD_TITLES, hostileArticleUrls, hostileDigest } from '../render/hostile-digest.js';
import { activeProblems, buildDigestPage, hugo, MARKDOWNIFY_LIST_LAYOUT, pageProblems, plain } from './hugo-page.js';

if (!hugo) console.warn('tests/hostile/hostile-render.test.ts: skipped — `hugo` is not on PATH (install it: apt-get install -y hugo)');

const name = '2025-12-05-ai-intel';
const cover = hostileDigest.coverImage;

describe.skipIf(!hugo)(`the hostile digest from the renderer, built by ${hugo ?? 'hugo'}`, () => {
  const md = renderDigest(hostileDigest);
  const layout = { 'layouts/_default/list.html': MARKDOWNIFY_LIST_LAYOUT };
  const pages = { safe: buildDigestPage(md, name, false, layout), unsafe: buildDigestPage(md, name, true, layout) };

  for (const [mode, page] of Object.entries(pages)) {
    describe(`with unsafe = ${mode === 'unsafe'}`, () => {
      it('builds without an error (no shortcode ran, none was missing)', () => {
        expect(page.status, page.log).toBe(0);
        expect(page.log).not.toMatch(/ERROR|WARN/);
      });

      it('has nothing on the page that the hostile text could have put there', () => {
        expect(pageProblems(page.$, hostileArticleUrls, cover)).toEqual([]);
      });

      it('shows the hostile text as text, and every good title', () => {
        const text = plain(page.$('.post-content').text());
        for (const shown of ['Octopus {{< gist attacker 0123456789abcdef >}} agent', '<script>alert(1)</script>', '![t](http://tracker.example/pixel.png)', '&lt;script&gt;', '> ## Fake Section'.slice(5)]) {
          expect(text).toContain(plain(shown));
        }
        const h3 = page.$('.post-content h3').map((_, e) => plain(page.$(e).text())).get();
        for (const t of GOOD_TITLES) expect(h3).toContain(plain(t));
      });

      it('keeps the front matter inert where a theme renders it: .Summary, and title, description, tags markdownified', () => {
        expect(activeProblems(page.home$, hostileArticleUrls, cover)).toEqual([]);
        expect(page.home$('.card .summary').text()).toContain(plain('Octopus {{< gist attacker 0123456789abcdef >}} agent'));
        expect(page.home$('.card .title').text()).toContain('＜script＞alert(1)＜/script＞');
        expect(page.home$('.card .tags li').length).toBe(6);
      });
    });
  }

  it('is the same page whether raw HTML is allowed or not: none reached Goldmark', () => {
    expect(pages.unsafe.html).toBe(pages.safe.html);
    expect(pages.safe.html.length).toBeGreaterThan(10_000);
  });
});

// The page check must not be blind: the same attacks written raw into a digest (what the renderer did before
// issue 11) are each found on the built page.
const RAW = `---
title: "raw <img src=x onerror=alert(1)>"
date: "2025-12-05T06:45:04+08:00"
description: "[d](https://evil.example/d) https://evil.example/bare-d {{< gist frontmatter abcd >}}"
summary: "<img src=y onerror=alert(2)> [s](https://evil.example/s)"
cover:
  image: "${cover}"
---

Octopus {{< gist attacker 0123456789abcdef >}} agent

{{< youtube dQw4w9WgXcQ >}}

{{< figure src="https://tracker.example/fig.png" >}}

<img src=x onerror=alert(1)> <svg onload=alert(1)></svg>

![t](http://tracker.example/pixel.png) [the official OpenAI page](https://openai.com.account-verify.example/login) https://evil.example/bare

## Fake Section

### Title {.evil}

*em* a\u202eb
`;

describe.skipIf(!hugo)('the page check, on the attacks written raw', () => {
  it.each([false, true])('finds each of them (unsafe = %s)', (unsafe) => {
    const page = buildDigestPage(RAW, name, unsafe, { 'layouts/_default/list.html': MARKDOWNIFY_LIST_LAYOUT });
    expect(page.status, page.log).toBe(0);
    const found = pageProblems(page.$, hostileArticleUrls, cover).join('\n');
    for (const expected of [
      /active element: <script [^>]*src="https:\/\/gist\.github\.com\/attacker/,
      /active element: <iframe/,
      /figure \(shortcode output\?\)/,
      /image that is not the cover: <img src="http:\/\/tracker\.example\/pixel\.png"/,
      /href to a URL that is no collected article: https:\/\/openai\.com\.account-verify\.example\/login/,
      /href to a URL that is no collected article: https:\/\/evil\.example\/bare/,
      /section headings are not the eight of the format/,
      /attribute class on <h3>/,
      /emphasis outside the footer/,
      /U\+202E in the page text/,
      unsafe ? /event handler onerror="alert\(1\)" on <img>/ : /HTML comment in the content: <!-- raw HTML omitted -->/,
    ]) {
      expect(found).toMatch(expected);
    }
    const home = activeProblems(page.home$, hostileArticleUrls, cover).join('\n');
    for (const url of ['https://evil.example/d', 'https://evil.example/bare-d', 'https://evil.example/s']) expect(home).toContain(`no collected article: ${url}`);
    // markdownify runs shortcodes: a {{< >}} one's output is not Markdown, so it is live even with unsafe = false.
    expect(home).toMatch(/active element: <script [^>]*src="https:\/\/gist\.github\.com\/frontmatter\/abcd\.js"/);
    if (unsafe) expect(home).toMatch(/event handler onerror="alert\(1\)"[\s\S]*event handler onerror="alert\(2\)"/);
  });
});

