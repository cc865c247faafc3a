// A real Hugo build: the dry-run digest of the recorded day, written into a minimal site of our own layouts
// (tests/ops/hugo-site/), built by the `hugo` on PATH (Debian's 0.111 in CI; .ci/run installs it when missing).
// The built page must show the eight section headings, every entry title, every source link and the cover.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runMain } from '../../src/cli.js';
import { EXIT, type CliIo } from '../../src/cli/cli-io.js';
import { INSIGHT_TITLE, READING_TITLE, SECTION_TITLES } from '../../src/render/section-titles.js';
import { NEWS_SECTIONS } from '../../src/types.js';

const root = path.resolve(import.meta.dirname, '../..');
const siteTemplate = path.join(import.meta.dirname, 'hugo-site');
const day = '2025-12-05';

const hugoVersion = spawnSync('hugo', ['version'], { encoding: 'utf8' });
const hugo = hugoVersion.status === 0 ? hugoVersion.stdout.trim() : undefined;
if (!hugo)
  console.warn(
    'tests/ops/hugo-build.test.ts: skipped — `hugo` is not on PATH (install it: apt-get install -y hugo; .ci/run does this in CI)',
  );

/** Goldmark's typographer (on by default in Hugo) curls quotes; compare text with straight ones. */
function plain(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

describe.skipIf(!hugo)(`a Hugo site built with the digest (${hugo ?? 'hugo not on PATH: skipped'})`, () => {
  const site = mkdtempSync(path.join(tmpdir(), 'digest-hugo-'));
  const posts = path.join(site, 'content', 'posts');
  const publicDir = path.join(site, 'public');
  let md = '';
  let html = '';
  let $: ReturnType<typeof load>;

  beforeAll(async () => {
    cpSync(siteTemplate, site, { recursive: true });
    const err: string[] = [];
    const io: CliIo = {
      stdout: () => {},
      stderr: (t) => void err.push(t),
      env: { DIGEST_LOG_LEVEL: 'warn', DIGEST_COVER_DIR: 'static/images' },
      cwd: site,
      now: () => new Date('2026-01-10T00:00:00Z'),
      isTty: false,
    };
    const code = await runMain(
      ['run', '--dry-run', '--fixtures', path.join(root, 'fixtures', day), '--date', day, '--out', 'content/posts'],
      io,
    );
    expect(code, err.join('')).toBe(EXIT.ok);
    md = readFileSync(path.join(posts, `${day}-ai-intel.md`), 'utf8');

    const build = spawnSync(
      'hugo',
      ['--quiet', '--source', site, '--destination', publicDir, '--cacheDir', path.join(site, '.hugo-cache')],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    expect(build.stderr).not.toMatch(/ERROR/);
    html = readFileSync(path.join(publicDir, 'posts', `${day}-ai-intel`, 'index.html'), 'utf8');
    $ = load(html);
  }, 60_000);

  it('shows the eight section headings as <h2>, in order', () => {
    const h2 = $('.post-content h2')
      .map((_, e) => $(e).text())
      .get();
    expect(h2).toEqual([...NEWS_SECTIONS.map((s) => SECTION_TITLES[s]), INSIGHT_TITLE, READING_TITLE]);
  });

  it('shows every entry title of the six news sections as <h3>', () => {
    const newsMd = md.slice(0, md.indexOf(`\n## ${INSIGHT_TITLE}`));
    const titles = [...newsMd.matchAll(/^### (.+)$/gm)].map((m) => plain(m[1]!));
    expect(titles.length).toBeGreaterThan(20);
    const insight = $('.post-content h2').filter((_, e) => $(e).text() === INSIGHT_TITLE);
    const h3 = insight
      .prevAll('h3')
      .map((_, e) => plain($(e).text()))
      .get()
      .reverse();
    expect(h3).toEqual(titles);
  });

  it('links every source of every entry', () => {
    const sources = [...md.matchAll(/^\*\*來源\*\*：(.*)$/gm)].flatMap((m) =>
      [...m[1]!.matchAll(/\]\((https?:[^)]+)\)/g)].map((x) => new URL(x[1]!).href),
    );
    expect(sources.length).toBeGreaterThan(20);
    const hrefs = new Set(
      $('.post-content a[href]')
        .map((_, e) => new URL($(e).attr('href')!).href)
        .get(),
    );
    expect(sources.filter((u) => !hrefs.has(u))).toEqual([]);
  });

  it('renders the front matter: title, date, tags', () => {
    const fm = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(md)![1]!) as {
      title: string;
      date: string;
      tags: string[];
      cover: { image: string };
    };
    expect($('h1.post-title').text()).toBe(fm.title);
    expect($('time.post-date').attr('datetime')).toBe(fm.date);
    expect(
      $('.post-tags li')
        .map((_, e) => $(e).text())
        .get(),
    ).toEqual(fm.tags);
    // Every tag got its taxonomy page.
    expect(existsSync(path.join(publicDir, 'tags', 'index.html'))).toBe(true);
  });

  it('shows the cover image, and the SVG the front matter names is published', () => {
    expect(md).toContain(`  image: "/images/${day}-ai-intel.svg"`);
    expect($('.post-cover img').attr('src')).toBe(`/images/${day}-ai-intel.svg`);
    const published = path.join(publicDir, 'images', `${day}-ai-intel.svg`);
    expect(existsSync(published)).toBe(true);
    expect(readFileSync(published, 'utf8')).toBe(readFileSync(path.join(site, 'static', 'images', `${day}-ai-intel.svg`), 'utf8'));
    expect(readFileSync(published, 'utf8')).toContain('2025/12/05');
  });

  it('publishes neither the run report nor the job state (ignoreFiles)', () => {
    const files = readdirSync(publicDir, { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith('.report.json') || f.includes('.digest-state'))).toEqual([]);
    expect(existsSync(path.join(posts, `${day}-ai-intel.report.json`))).toBe(true);
  });
});
