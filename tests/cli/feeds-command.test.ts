import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../../src/cli.js';
import type { FeedHealth } from '../../src/types.js';
import { testIo } from '../helpers/test-io.js';

/** The shared test io, in `cwd`, quiet, on the recorded day's clock. */
const fakeIo = (cwd: string) => testIo({ cwd, env: { DIGEST_LOG_LEVEL: 'silent' }, now: () => new Date('2025-12-05T00:00:00Z') });

const root = mkdtempSync(path.join(tmpdir(), 'feeds-cli-'));
const day = path.join(root, '2025-12-05');
mkdirSync(path.join(day, 'feeds'), { recursive: true });
writeFileSync(
  path.join(day, 'feeds.yaml'),
  `feeds:
  - { id: fresh, name: Fresh, url: "https://fresh.example.com/feed", lang: en }
  - { id: quiet, name: Quiet, url: "https://quiet.example.com/feed", lang: en }
  - { id: nothing, name: Nothing, url: "https://nothing.example.com/feed", lang: en }
  - { id: missing, name: Missing, url: "https://missing.example.com/feed", lang: en }
`,
);
const rss = (items: string) => `<rss version="2.0"><channel><title>t</title><link>https://example.com/</link>${items}</channel></rss>`;
writeFileSync(
  path.join(day, 'feeds', 'fresh.xml'),
  rss('<item><title>Today</title><link>https://fresh.example.com/1</link><pubDate>Thu, 04 Dec 2025 12:00:00 GMT</pubDate></item>'),
);
writeFileSync(
  path.join(day, 'feeds', 'quiet.xml'),
  rss('<item><title>Ages ago</title><link>https://quiet.example.com/1</link><pubDate>Sat, 01 Nov 2025 12:00:00 GMT</pubDate></item>'),
);
writeFileSync(path.join(day, 'feeds', 'nothing.xml'), rss(''));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('digest feeds', () => {
  it('prints one health line per feed: ok, stale, empty, failed', async () => {
    const io = fakeIo(root);
    expect(await runMain(['feeds', '--fixtures', day], io)).toBe(0);
    const out = io.out.join('');
    expect(out).toMatch(/^fresh\s+ok\s+1\s+1\s/m);
    expect(out).toMatch(/^quiet\s+stale\s+1\s+0\s.*no new item for 33 days \(newest 2025-11-01\)/m);
    expect(out).toMatch(/^nothing\s+empty\s+0\s+0\s.*the feed has no items/m);
    expect(out).toMatch(/^missing\s+failed\s.*no fixture for feed "missing"/m);
    expect(out).toContain('feeds 2025-12-05: 3 of 4 feeds worked (1 stale, 1 empty, 1 failed)');
  });

  it('prints JSON with --json', async () => {
    const io = fakeIo(root);
    expect(await runMain(['feeds', '--fixtures', day, '--json'], io)).toBe(0);
    const health = JSON.parse(io.out.join('')) as FeedHealth[];
    expect(health.map((h) => h.status)).toEqual(['ok', 'stale', 'empty', 'failed']);
  });

  it('exits non-zero when every feed failed', async () => {
    writeFileSync(path.join(root, 'bad.yaml'), 'feeds:\n  - { id: missing, name: M, url: "https://m.example.com/f", lang: en }\n');
    const io = fakeIo(root);
    expect(await runMain(['feeds', '--fixtures', day, '--feeds', 'bad.yaml'], io)).toBe(1);
  });

  it('has full --help', async () => {
    const io = fakeIo(root);
    expect(await runMain(['feeds', '--help'], io)).toBe(0);
    const help = io.out.join('');
    for (const flag of ['--feeds <file>', '--fixtures <dir>', '--json', 'Exit codes:', 'stale']) expect(help).toContain(flag);
  });
});
