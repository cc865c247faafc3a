// Builds a digest in a temp copy of our minimal Hugo site (tests/ops/hugo-site) with the real `hugo`, and lists
// everything on the built page that third-party text could have put there: elements and attributes our layout
// does not make, links to anything but the collected articles, shortcode output, hidden characters.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { FORBIDDEN_CHARS } from '../../src/render/inert-text.js';
import { INSIGHT_TITLE, READING_PARTS, READING_TITLE, SECTION_TITLES } from '../../src/render/section-titles.js';
import { NEWS_SECTIONS } from '../../src/types.js';

const siteTemplate = path.resolve(import.meta.dirname, '../ops/hugo-site');

const version = spawnSync('hugo', ['version'], { encoding: 'utf8' });
/** `hugo version`, or undefined when there is no hugo on PATH. */
export const hugo = version.status === 0 ? version.stdout.trim() : undefined;

export interface BuiltPage {
  /** hugo's exit status and output, for the assertion message. */
  status: number | null;
  log: string;
  html: string;
  $: CheerioAPI;
  /** The home page (the site's list layout, or one given in extraFiles). */
  home$: CheerioAPI;
}

/** Writes `markdown` as content/posts/<name>.md of a fresh site copy, with the given Goldmark `unsafe`, and builds it. */
export function buildDigestPage(markdown: string, name: string, unsafe: boolean, extraFiles: Record<string, string | Buffer> = {}): BuiltPage {
  const site = mkdtempSync(path.join(tmpdir(), `digest-hostile-${unsafe ? 'unsafe' : 'safe'}-`));
  cpSync(siteTemplate, site, { recursive: true });
  const config = path.join(site, 'config.toml');
  const toml = readFileSync(config, 'utf8');
  if (!/^\s*unsafe = false$/m.test(toml)) throw new Error(`${config}: no "unsafe = false" line to switch`);
  writeFileSync(config, toml.replace(/^(\s*)unsafe = false$/m, `$1unsafe = ${unsafe}`));
  for (const [file, body] of Object.entries({ [`content/posts/${name}.md`]: markdown, ...extraFiles })) {
    mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    writeFileSync(path.join(site, file), body);
  }
  const publicDir = path.join(site, 'public');
  const build = spawnSync('hugo', ['--source', site, '--destination', publicDir, '--cacheDir', path.join(site, '.hugo-cache')], { encoding: 'utf8', timeout: 60_000 });
  const log = `${build.stdout}\n${build.stderr}`;
  const read = (file: string) => {
    try {
      return readFileSync(path.join(publicDir, file), 'utf8');
    } catch {
      return ''; // the status and log say why
    }
  };
  const html = read(path.join('posts', name, 'index.html'));
  const home = read('index.html');
  rmSync(site, { recursive: true, force: true });
  return { status: build.status, log, html, $: load(html), home$: load(home) };
}

/** Goldmark's typographer curls quotes and dashes; compare text with straight ones. */
export function plain(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One spelling per URL: WHATWG-parsed, with the percent-encoding markdownUrl adds (`(` → `%28`) undone. */
function sameUrl(url: string): string | undefined {
  try {
    const href = new URL(url).href;
    try {
      return decodeURI(href);
    } catch {
      return href;
    }
  } catch {
    return undefined;
  }
}

/** What the layout and the digest format make inside .post-content; anything else came from somewhere else. */
const CONTENT_TAGS = new Set(['p', 'h2', 'h3', 'ul', 'ol', 'li', 'strong', 'em', 'br', 'hr', 'a', 'code']);
const ACTIVE = 'script, iframe, frame, frameset, svg, math, object, embed, applet, form, input, button, video, audio, source, track, link, style, base, template';

/** The start of an element's HTML, to name it in a problem. */
const snippet = ($: CheerioAPI, el: Parameters<CheerioAPI>[0]) => $.html(el as never).slice(0, 120);

/**
 * What third-party text may never do anywhere on a page, as readable lines (none for a clean page): active
 * elements, images but the cover, event handlers, script URLs, links to anything but `articleUrls`, hidden
 * characters.
 */
export function activeProblems($: CheerioAPI, articleUrls: ReadonlySet<string>, coverSrc: string): string[] {
  const problems: string[] = [];
  const allowed = new Set([...articleUrls].map(sameUrl));

  $(ACTIVE).each((_, el) => void problems.push(`active element: ${snippet($, el)}`));
  $('img').each((_, el) => {
    if (!($(el).parent().is('figure.post-cover') && $(el).attr('src') === coverSrc)) problems.push(`image that is not the cover: ${snippet($, el)}`);
  });
  $('figure').each((_, el) => {
    if (!$(el).is('.post-cover')) problems.push(`figure (shortcode output?): ${snippet($, el)}`);
  });
  $('*').each((_, el) => {
    for (const [name, value] of Object.entries((el as { attribs?: Record<string, string> }).attribs ?? {})) {
      if (/^on/i.test(name)) problems.push(`event handler ${name}="${value}" on <${(el as { name: string }).name}>`);
      if (/^\s*(javascript|data|vbscript):/i.test(value)) problems.push(`${name}="${value.slice(0, 60)}" on <${(el as { name: string }).name}>`);
      if (new RegExp(FORBIDDEN_CHARS.source, 'u').test(value)) problems.push(`control or bidi character in ${name}="${value.slice(0, 60)}"`);
    }
  });
  $('[href]').each((_, el) => {
    const href = $(el).attr('href')!;
    const url = sameUrl(href);
    if (!url) problems.push(`href that is not an absolute URL: ${href}`);
    else if (!allowed.has(url)) problems.push(`href to a URL that is no collected article: ${href}`);
  });
  $('[src]').each((_, el) => {
    if ($(el).attr('src') !== coverSrc) problems.push(`src that is not the cover: ${snippet($, el)}`);
  });
  const hidden = new RegExp(FORBIDDEN_CHARS.source, 'u').exec($.root().text().replace(/[\n\t\r]/g, ' '));
  if (hidden) problems.push(`control or bidi character U+${hidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} in the page text`);
  return problems;
}

/**
 * Everything wrong with a built digest page: activeProblems, and in .post-content anything the layout and the
 * format do not make (elements, attributes, emphasis, code, comments, sections).
 */
export function pageProblems($: CheerioAPI, articleUrls: ReadonlySet<string>, coverSrc: string): string[] {
  const problems = activeProblems($, articleUrls, coverSrc);
  const content = $('.post-content');
  if (content.length !== 1) problems.push('no .post-content on the page');
  content.find('*').each((_, el) => {
    const tag = (el as { name: string }).name;
    const attrs = Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {});
    if (!CONTENT_TAGS.has(tag)) problems.push(`element the layout does not make: ${snippet($, el)}`);
    const allowedAttrs = tag === 'a' ? ['href'] : tag === 'h2' || tag === 'h3' ? ['id'] : [];
    for (const a of attrs) if (!allowedAttrs.includes(a)) problems.push(`attribute ${a} on <${tag}>: ${snippet($, el)}`);
  });
  content.find('em').each((_, el) => {
    if (!/^資料(來源|收集時間)/.test($(el).text())) problems.push(`emphasis outside the footer: ${snippet($, el)}`);
  });
  content.find('code').each((_, el) => {
    if ($(el).parent().prev('h3').text() !== READING_PARTS[2]) problems.push(`code outside 本日關鍵詞: ${snippet($, el)}`);
  });
  // Comments: Goldmark's "raw HTML omitted" marks HTML that is live on a site with unsafe = true.
  content.contents().each(function walk(_, node) {
    if (node.type === 'comment') problems.push(`HTML comment in the content: <!--${(node as { data: string }).data}-->`);
    $(node).contents().each(walk);
  });
  const h2 = content.find('h2').map((_, e) => $(e).text()).get();
  const sections = [...NEWS_SECTIONS.map((s) => SECTION_TITLES[s]), INSIGHT_TITLE, READING_TITLE];
  if (JSON.stringify(h2) !== JSON.stringify(sections)) problems.push(`section headings are not the eight of the format: ${JSON.stringify(h2)}`);
  return problems;
}

/**
 * A home page that shows every front matter value the way careless themes do: the summary as Hugo renders it
 * (Markdown), title, description and tags through markdownify. No links of its own, so any link is an injection.
 */
export const MARKDOWNIFY_LIST_LAYOUT = `{{ define "main" }}{{ range .Site.RegularPages }}
<article class="card">
  <h2 class="title">{{ .Title | markdownify }}</h2>
  <p class="description">{{ .Description | markdownify }}</p>
  <div class="summary">{{ .Summary }}</div>
  <ul class="tags">{{ range .Params.tags }}<li>{{ . | markdownify }}</li>{{ end }}</ul>
</article>
{{ end }}{{ end }}
`;
