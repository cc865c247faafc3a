import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../../src/cli.js';
import type { Article } from '../../src/types.js';
import { testIo } from '../helpers/test-io.js';

/** The shared test io, in `cwd`, quiet, on the recorded day's clock. */
const fakeIo = (cwd: string, now = '2025-12-05T00:00:00Z') =>
  testIo({ cwd, env: { DIGEST_LOG_LEVEL: 'silent' }, now: () => new Date(now) });

const item = (title: string, link: string, date: string) =>
  `<item><title>${title}</title><link>${link}</link><pubDate>${date}</pubDate><description>About ${title}</description></item>`;
const rss = (...items: string[]) =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title><link>https://example.com/</link>${items.join('')}</channel></rss>`;

// A recorded day in the fixture layout: <day>/feeds.yaml + <day>/feeds/<id>.xml. Cut-off 06:45 Taipei = 22:45Z the day before.
const root = mkdtempSync(path.join(tmpdir(), 'collect-cli-'));
const day = path.join(root, 'fixtures', '2025-12-05');
mkdirSync(path.join(day, 'feeds'), { recursive: true });
writeFileSync(
  path.join(day, 'feeds.yaml'),
  `feeds:
  - { id: lab, name: Lab Blog, url: "https://lab.example.com/feed", lang: en }
  - { id: tw, name: 科技新報, url: "https://tw.example.com/feed", lang: zh }
  - { id: gone, name: Gone, url: "https://gone.example.com/feed", lang: en }
  - { id: off, name: Off, url: "https://off.example.com/feed", lang: en, enabled: false }
`,
);
writeFileSync(
  path.join(day, 'feeds', 'lab.xml'),
  rss(
    item('New model', 'https://lab.example.com/new?utm_source=rss', 'Thu, 04 Dec 2025 12:00:00 GMT'),
    item('Old news', 'https://lab.example.com/old', 'Mon, 01 Dec 2025 12:00:00 GMT'),
  ),
);
writeFileSync(
  path.join(day, 'feeds', 'tw.xml'),
  rss(item('台灣新創發表語言模型', 'https://tw.example.com/1', 'Fri, 05 Dec 2025 06:00:00 +0800')),
);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('digest collect', () => {
  it('writes the in-window articles of a recorded day as JSON lines, then the health table', async () => {
    const io = fakeIo(root);
    const code = await runMain(['collect', '--fixtures', 'fixtures/2025-12-05'], io);
    expect(code).toBe(0);
    const articles = io.out
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Article);
    expect(articles.map((a) => [a.feedId, a.title, a.url])).toEqual([
      ['lab', 'New model', 'https://lab.example.com/new'],
      ['tw', '台灣新創發表語言模型', 'https://tw.example.com/1'],
    ]);
    expect(Object.keys(articles[0]!)).toEqual(['id', 'feedId', 'source', 'url', 'title', 'text', 'publishedAt', 'lang']);
    expect(articles[1]).toMatchObject({ source: '科技新報', lang: 'zh', publishedAt: '2025-12-04T22:00:00.000Z' });
    const err = io.err.join('');
    expect(err).toMatch(/^feed\s+status\s+items\s+in window/m);
    expect(err).toMatch(/^gone\s+failed\s.*no fixture for feed "gone"/m);
    expect(err).not.toMatch(/^off\s/m);
    expect(err).toContain('collect 2025-12-05 (2025-12-03T22:45:00.000Z – 2025-12-04T22:45:00.000Z)');
    expect(err).toContain('2 articles in the window from 3 items; 2 of 3 feeds worked (1 failed)');
  });

  it('writes to --out and prints the table on stdout', async () => {
    const io = fakeIo(root);
    const code = await runMain(['collect', '--fixtures', day, '--out', 'out/articles.jsonl'], io);
    expect(code).toBe(0);
    const lines = readFileSync(path.join(root, 'out', 'articles.jsonl'), 'utf8')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(2);
    expect(io.out.join('')).toContain('written to out/articles.jsonl');
  });

  it('takes --date over the folder name and --cutoff for the window', async () => {
    const io = fakeIo(root);
    expect(await runMain(['collect', '--fixtures', day, '--date', '2025-12-02', '--cutoff', '08:00'], io)).toBe(0);
    const articles = io.out
      .join('')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Article);
    expect(articles.map((a) => a.title)).toEqual(['Old news']);
  });

  it('exits 1 when every feed failed', async () => {
    writeFileSync(path.join(root, 'broken.yaml'), 'feeds:\n  - { id: gone, name: Gone, url: "https://gone.example.com/feed", lang: en }\n');
    const io = fakeIo(root);
    expect(await runMain(['collect', '--fixtures', day, '--feeds', 'broken.yaml'], io)).toBe(1);
    expect(io.err.join('')).toContain('0 of 1 feeds worked (1 failed)');
  });

  it('exits 2 on a bad flag or a missing feeds file, with a message that says what to do', async () => {
    const io = fakeIo(root);
    expect(await runMain(['collect', '--date', '2025-13-01'], io)).toBe(2);
    expect(io.err.join('')).toContain('expected a date as YYYY-MM-DD');
    const io2 = fakeIo(root);
    expect(await runMain(['collect', '--fixtures', day, '--feeds', 'nope.yaml'], io2)).toBe(2);
    expect(io2.err.join('')).toMatch(/nope\.yaml: cannot read the feeds file/);
  });

  it('documents every option in --help', async () => {
    const io = fakeIo(root);
    expect(await runMain(['collect', '--help'], io)).toBe(0);
    const help = io.out.join('');
    for (const flag of [
      '--feeds <file>',
      '--date <YYYY-MM-DD>',
      '--out <file.jsonl>',
      '--fixtures <dir>',
      '--cutoff <HH:MM>',
      '--no-cache',
      '--timeout <ms>',
      'Exit codes:',
    ])
      expect(help).toContain(flag);
  });
});

describe('digest collect, live against local feeds', () => {
  const server = http.createServer((req, res) => {
    if (req.url === '/good') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      return res.end(rss(item('Live story', 'https://live.example.com/1', 'Thu, 04 Dec 2025 12:00:00 GMT')));
    }
    if (req.url === '/html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<!doctype html><html><body>login</body></html>');
    }
    res.writeHead(404);
    res.end();
  });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    writeFileSync(
      path.join(root, 'live.yaml'),
      `feeds:\n  - { id: good, name: Good, url: "${base}/good", lang: en }\n  - { id: html, name: Html, url: "${base}/html", lang: en }\n  - { id: missing, name: Missing, url: "${base}/missing", lang: en }\n`,
    );
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it('collects from the working feeds and names each broken one and why', async () => {
    const io = fakeIo(root);
    const code = await runMain(['collect', '--feeds', 'live.yaml', '--date', '2025-12-05', '--no-cache', '--timeout', '2000'], io);
    expect(code).toBe(0);
    expect(io.out.join('')).toContain('"title":"Live story"');
    const err = io.err.join('');
    expect(err).toMatch(/^html\s+failed\s.*an HTML page, not a feed/m);
    expect(err).toMatch(/^missing\s+failed\s.*HTTP 404 Not Found/m);
  });
});
