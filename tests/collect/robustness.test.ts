// The robustness suite over real malformed and edge-case feeds in ../shared/data/robustness (feedparser, miniflux,
// rss-parser and feed-rs corpora): every file is parsed or rejected with a one-line reason, nothing crashes or hangs,
// charsets decode to the strings miniflux expects, and no script content or javascript: URL reaches an article.
// Skipped, with a message, when ../shared/data is absent (a user's clone has no ../shared).

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../src/collect/canonical-url.js';
import { FeedParseError } from '../../src/collect/collect-errors.js';
import { decodeBody } from '../../src/collect/decode-body.js';
import type { FeedItem, ParsedFeed } from '../../src/collect/feed-item.js';
import { htmlToText } from '../../src/collect/html-to-text.js';
import { normaliseItem } from '../../src/collect/normalise-item.js';
import { parseFeed } from '../../src/collect/parse-feed.js';
import type { Article, FeedConfig } from '../../src/types.js';

const ROOT = fileURLToPath(new URL('../../../shared/data/robustness', import.meta.url));
const present = existsSync(ROOT);
if (!present) console.warn(`robustness suite skipped: ${ROOT} not found (it ships with CI's ../shared/data)`);

const FEED: FeedConfig = { id: 'robustness', name: 'Robustness', url: 'https://robustness.example.com/feed', lang: 'en' };
const FETCHED_AT = new Date('2025-12-05T00:00:00Z');
const PER_FILE_MS = 2_000;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Feed documents only: not the READMEs, manifests and expected outputs that sit beside them. */
function corpusFiles(): string[] {
  return walk(ROOT)
    .filter((p) => /\.(xml|rss|atom|json|html)$/i.test(p))
    .filter((p) => !p.endsWith('.serde.json') && !p.includes(`${path.sep}expected-output${path.sep}`))
    .sort();
}

/** feedparser's simulated HTTP headers (EXPECTATIONS.tsv, 4th column: `Content-type: ...`). */
function feedparserHeaders(): Map<string, Record<string, string>> {
  const map = new Map<string, Record<string, string>>();
  const tsv = path.join(ROOT, 'feedparser-tests', 'EXPECTATIONS.tsv');
  if (!existsSync(tsv)) return map;
  for (const line of readFileSync(tsv, 'utf8').split('\n').slice(1)) {
    const cols = line.split('\t');
    const header = cols[3]?.replace(/^"|"$/g, '').replace(/""/g, '"').trim();
    const m = header ? /^content-type:\s*(.+)$/i.exec(header) : null;
    if (m) map.set(path.join(ROOT, 'feedparser-tests', cols[0]!), { 'content-type': m[1]!.trim() });
  }
  return map;
}

type Outcome =
  | { kind: 'parsed'; feed: ParsedFeed; articles: Article[]; text: string; ms: number }
  | { kind: 'rejected'; reason: string; text: string; ms: number }
  | { kind: 'crashed'; error: unknown; ms: number };

function run(file: string, headers: Record<string, string> = {}, linkFallback = false, normalise = true): Outcome {
  const t0 = performance.now();
  let text = '';
  try {
    text = decodeBody(new Uint8Array(readFileSync(file)), headers).text;
    const feed = parseFeed(text, FEED.url);
    const articles: Article[] = [];
    if (normalise)
      feed.items.forEach((item: FeedItem, i) => {
        // The sanitize cases have no links; give them one so their text goes all the way to an article.
        const withLink = linkFallback && !item.link ? { ...item, link: `https://robustness.example.com/item/${i}` } : item;
        const r = normaliseItem(withLink, { feed: FEED, fetchedAt: FETCHED_AT, baseUrl: FEED.url });
        if (r.ok) articles.push(r.article);
      });
    return { kind: 'parsed', feed, articles, text, ms: performance.now() - t0 };
  } catch (err) {
    if (err instanceof FeedParseError) return { kind: 'rejected', reason: err.message, text, ms: performance.now() - t0 };
    return { kind: 'crashed', error: err, ms: performance.now() - t0 };
  }
}

describe.skipIf(!present)('robustness corpus', () => {
  it('parses or rejects every file with a one-line reason: zero crashes, zero hangs', () => {
    const headers = feedparserHeaders();
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(900);
    const counts = { parsed: 0, rejected: 0, crashed: 0 };
    const crashes: string[] = [];
    const slow: string[] = [];
    const badReasons: string[] = [];
    const rejectedFiles: string[] = [];
    for (const file of files) {
      const o = run(file, headers.get(file), true);
      counts[o.kind]++;
      const rel = path.relative(ROOT, file);
      if (o.ms > PER_FILE_MS) slow.push(`${rel} (${Math.round(o.ms)} ms)`);
      if (o.kind === 'crashed') crashes.push(`${rel}: ${(o.error as Error)?.stack ?? String(o.error)}`);
      if (o.kind === 'rejected') {
        rejectedFiles.push(`${rel}: ${o.reason}`);
        if (o.reason.includes('\n') || o.reason.length === 0 || o.reason.length > 300) badReasons.push(rel);
      }
    }
    console.log(`robustness: ${files.length} files: parsed ${counts.parsed} / rejected ${counts.rejected} / crashed ${counts.crashed}`);
    console.log(`rejected:\n  ${rejectedFiles.join('\n  ')}`);
    expect(crashes).toEqual([]);
    expect(slow).toEqual([]);
    expect(badReasons).toEqual([]);
    expect(counts.crashed).toBe(0);
    // Rejections must be the documents that are not feeds at all (HTML pages, bare XML, empty or junk files).
    expect(counts.rejected).toBeLessThan(files.length * 0.05);
  });

  describe('miniflux encoding cases decode to the strings its README gives', () => {
    const mf = (name: string) => path.join(ROOT, 'miniflux-testdata', name);
    const decoded = (name: string, headers: Record<string, string> = {}) =>
      decodeBody(new Uint8Array(readFileSync(mf(name))), headers).text;
    const cases: Array<[string, Record<string, string>, string[]]> = [
      ['encoding__utf8.xml', {}, ['Café']],
      ['encoding__iso-8859-1.xml', {}, ['Café']],
      ['encoding__iso-8859-1.xml', { 'content-type': 'application/xml; charset=ISO-8859-1' }, ['Café']],
      ['encoding__windows-1252.xml', {}, ['Euro €']],
      ['encoding__invalid-prolog.xml', {}, ['Café']],
      ['encoding__utf8-incorrect-prolog.xml', {}, ['Café']],
      ['encoding__windows-1252-incorrect-prolog.xml', {}, ['Euro €']],
      ['encoding__utf8.html', {}, ['Café']],
      ['encoding__iso-8859-1.html', {}, ['Café']],
      ['encoding__utf8-meta-after-1024.html', {}, ['Café']],
      ['encoding__iso-8859-1-meta-after-1024.html', {}, ['Café']],
      ['encoding__koi8r.xml', {}, ['Пример RSS ленты', 'Привет мир! Ёжик, чай, Москва, Санкт-Петербург.']],
      [
        'encoding__koi8r.xml',
        { 'content-type': 'application/rss+xml; charset=koi8-r' },
        ['Пример RSS ленты', 'Привет мир! Ёжик, чай, Москва, Санкт-Петербург.'],
      ],
      ['xml__koi8r.xml', {}, ['Пример RSS ленты', 'Привет мир! Ёжик, чай, Москва, Санкт-Петербург.']],
      ['xml__koi8r.xml', { 'content-type': 'text/xml; charset=KOI8-R' }, ['Пример RSS ленты']],
      ['xml__iso88591.xml', {}, ['Anaïs', 'Jürgen']],
    ];
    for (const [name, headers, expected] of cases) {
      it.skipIf(!existsSync(mf(name)))(`${name}${headers['content-type'] ? ` (${headers['content-type']})` : ''}`, () => {
        const text = decoded(name, headers);
        for (const s of expected) expect(text).toContain(s);
        expect(text).not.toContain('Ã'); // no double decoding of UTF-8
      });
    }

    it.skipIf(!existsSync(mf('xml__iso88591_utf8_mismatch.xml')))(
      'xml__iso88591_utf8_mismatch.xml: latin-1 bytes under a UTF-8 prolog parse without a crash',
      () => {
        // miniflux drops the invalid bytes ("Anas"); we see that the bytes are not UTF-8 and read them as cp1252,
        // which recovers the names instead of losing letters.
        const text = decoded('xml__iso88591_utf8_mismatch.xml');
        expect(text).toContain('Anaïs');
        expect(text).toContain('Jürgen');
      },
    );

    it('the real-world charset feeds parse with readable titles', () => {
      const titles = (name: string) => {
        const o = run(mf(name));
        expect(o.kind).toBe('parsed');
        return o.kind === 'parsed' ? o.articles.map((a) => a.title).join('\n') : '';
      };
      expect(titles('parser__encoding_WINDOWS-1251.xml')).toMatch(/Цитата #\d+/);
      expect(titles('parser__encoding_ISO-8859-1.xml')).toMatch(/[äöüß]/);
      expect(titles('parser__no_encoding_ISO-8859-1.xml')).toMatch(/[éèà]/);
      expect(titles('parser__urdu_UTF8.xml')).toMatch(/[\u0600-\u06ff]/);
      for (const name of ['parser__large_rss.xml', 'parser__large_atom.xml', 'parser__small_atom.xml', 'parser__rdf_UTF8.xml'])
        expect(titles(name).length).toBeGreaterThan(0);
    });
  });

  it('no <script> content, event handler or javascript: URL from the sanitize cases reaches an article', () => {
    const dir = path.join(ROOT, 'feedparser-tests', 'wellformed', 'sanitize');
    const files = walk(dir).filter((f) => f.endsWith('.xml'));
    expect(files.length).toBeGreaterThan(100);
    const FORBIDDEN =
      /location\.href|alert\(|executeMe|javascript:|<script|onclick|onerror|onload|onmouse|bogus\(|evil\.css|document\.|background-image/i;
    const leaks: string[] = [];
    let articles = 0;
    let safeDescriptions = 0;
    let safeExpected = 0;
    for (const file of files) {
      const o = run(file, {}, true);
      expect(o.kind, path.basename(file)).not.toBe('crashed');
      if (o.kind !== 'parsed') continue;
      articles += o.articles.length;
      const fields = [o.feed.title, ...o.articles.flatMap((a) => [a.title, a.text, a.url, ...(a.authors ?? []), ...(a.categories ?? [])])];
      for (const f of fields) if (FORBIDDEN.test(f)) leaks.push(`${path.basename(file)}: ${f.slice(0, 120)}`);
      // Where feedparser expects exactly "safe description", our plain text must say exactly that.
      const expectation = /Expect:\s*(.*)/.exec(readFileSync(file, 'latin1'))?.[1] ?? '';
      // Text inside a closed <iframe>…</iframe> is never displayed by a browser; we drop it, feedparser keeps it.
      if (path.basename(file) === 'entry_summary_iframe.xml') continue;
      if (/^not bozo and entries\[0\]\[[^\]]+\](?:\[0\]\['value'\])? == 'safe description'$/.test(expectation.trim())) {
        safeExpected++;
        if (o.articles.some((a) => a.text === 'safe description' || a.title === 'safe description')) safeDescriptions++;
      }
    }
    console.log(
      `sanitize: ${files.length} files, ${articles} articles, ${leaks.length} leaks, "safe description" reproduced in ${safeDescriptions}/${safeExpected}`,
    );
    expect(leaks).toEqual([]);
    // Items whose only content was a script or an image have no title and no text left: no article, as it should be.
    expect(articles).toBeGreaterThan(40);
    expect(safeDescriptions).toBe(safeExpected);
  });

  it('agrees with rss-parser’s expected output on item counts, titles and links', () => {
    const dir = path.join(ROOT, 'rss-parser-npm');
    const mismatches: string[] = [];
    let compared = 0;
    for (const out of readdirSync(path.join(dir, 'expected-output'))) {
      const base = out.replace(/\.json$/, '');
      const input = readdirSync(path.join(dir, 'input')).find((f) => f.replace(/\.(rss|atom|xml)$/, '') === base);
      if (!input) continue;
      let expected: { feed?: { items?: Array<{ title?: string; link?: string }> } };
      try {
        expected = JSON.parse(readFileSync(path.join(dir, 'expected-output', out), 'utf8'));
      } catch {
        continue; // one expected file is not UTF-8 JSON
      }
      const items = expected.feed?.items ?? [];
      const o = run(path.join(dir, 'input', input));
      if (o.kind !== 'parsed') {
        mismatches.push(`${input}: ${o.kind}`);
        continue;
      }
      compared++;
      // Items past the per-feed cap are counted, not read (giantbomb-podcast.rss has 730).
      const total = o.feed.items.length + (o.feed.ignoredItems ?? 0);
      if (total !== items.length) mismatches.push(`${input}: ${total} items, rss-parser ${items.length}`);
      items.forEach((e, i) => {
        const ours = o.feed.items[i];
        if (!ours) return;
        // rss-parser decodes undeclared latin-1 as UTF-8 (U+FFFD in its titles), where we sniff cp1252: not comparable.
        if (e.title !== undefined && !e.title.includes('\ufffd') && htmlToText(e.title) !== htmlToText(ours.titleHtml)) {
          mismatches.push(`${input}#${i} title: ${JSON.stringify(htmlToText(ours.titleHtml))} vs ${JSON.stringify(htmlToText(e.title))}`);
        }
        // We take feedburner:origLink (the publisher's URL) over the feedburner redirect rss-parser keeps.
        const viaFeedburner = typeof e.link === 'string' && /\/~r\//.test(e.link);
        if (typeof e.link === 'string' && e.link.startsWith('http') && !viaFeedburner && canonicalUrl(ours.link) !== canonicalUrl(e.link)) {
          mismatches.push(`${input}#${i} link: ${ours.link} vs ${e.link}`);
        }
      });
    }
    console.log(
      `rss-parser parity: ${compared} files compared, ${mismatches.length} differences${mismatches.length ? `:\n  ${mismatches.join('\n  ')}` : ''}`,
    );
    expect(compared).toBeGreaterThan(20);
    expect(mismatches).toEqual([]);
  });

  it('agrees with feed-rs’s expected output on entry counts and titles', () => {
    const dir = path.join(ROOT, 'feed-rs-fixtures');
    const mismatches: string[] = [];
    let compared = 0;
    for (const serde of walk(dir).filter((f) => f.endsWith('.serde.json'))) {
      const input = [serde.replace(/\.serde\.json$/, '.xml'), serde.replace(/\.serde\.json$/, '.json')].find(existsSync);
      if (!input) continue;
      const expected = JSON.parse(readFileSync(serde, 'utf8')) as {
        entries: Array<{ title?: { content: string } | null; links?: Array<{ href: string }> }>;
      };
      const o = run(input);
      const rel = path.relative(dir, input);
      if (o.kind !== 'parsed') {
        mismatches.push(`${rel}: ${o.kind}`);
        continue;
      }
      compared++;
      if (o.feed.items.length !== expected.entries.length)
        mismatches.push(`${rel}: ${o.feed.items.length} entries, feed-rs ${expected.entries.length}`);
      expected.entries.forEach((e, i) => {
        const ours = o.feed.items[i];
        if (!ours || !e.title) return;
        const a = htmlToText(ours.titleHtml);
        const b = htmlToText(e.title.content);
        if (a !== b) mismatches.push(`${rel}#${i} title: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      });
    }
    console.log(
      `feed-rs parity: ${compared} files compared, ${mismatches.length} differences${mismatches.length ? `:\n  ${mismatches.join('\n  ')}` : ''}`,
    );
    expect(compared).toBeGreaterThan(50);
    expect(mismatches).toEqual([]);
  });
});

const SNAPSHOTS = fileURLToPath(new URL('../../../shared/data/rss-snapshots', import.meta.url));

describe.skipIf(!existsSync(SNAPSHOTS))('real feed snapshots of late 2025 (../shared/data/rss-snapshots)', () => {
  it('parses every snapshot; TechCrunch files hold their 20 items, all with a URL, a title and a date', () => {
    const files = walk(SNAPSHOTS).filter((f) => /\.(xml|json)$/.test(f));
    const failures: string[] = [];
    let items = 0;
    for (const file of files) {
      // Normalising 9,000 items (cheerio on each) would only slow the suite; TechCrunch's are checked in full.
      const o = run(file, {}, false, file.includes('techcrunch'));
      if (o.kind !== 'parsed') {
        failures.push(`${path.relative(SNAPSHOTS, file)}: ${o.kind === 'rejected' ? o.reason : String(o.error)}`);
        continue;
      }
      items += o.feed.items.length;
      if (file.includes('techcrunch') && !file.endsWith('manifest.tsv')) {
        expect(o.feed.items.length, file).toBe(20);
        expect(o.articles.length, file).toBe(20);
        for (const a of o.articles) {
          expect(a.url).toMatch(/^https:\/\/techcrunch\.com\//);
          expect(a.title.length).toBeGreaterThan(0);
          expect(a.undated).toBeUndefined();
        }
      }
    }
    console.log(`rss-snapshots: ${files.length} files, ${items} items, ${failures.length} failures`);
    expect(failures).toEqual([]);
  });

  it('reads the Hugging Face JSON Feed and RSS of the same day alike', () => {
    const dir = walk(SNAPSHOTS).filter((f) => f.includes('huggingface') && f.endsWith('.json'));
    let pairs = 0;
    for (const json of dir) {
      const xml = json.replace(/\.json$/, '.xml');
      if (!existsSync(xml)) continue;
      const a = run(json);
      const b = run(xml);
      if (a.kind !== 'parsed' || b.kind !== 'parsed') throw new Error(`${json} or ${xml} did not parse`);
      expect(new Set(a.articles.map((x) => x.url))).toEqual(new Set(b.articles.map((x) => x.url)));
      pairs++;
    }
    expect(pairs).toBeGreaterThan(0);
  });
});
