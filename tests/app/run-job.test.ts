// The nightly job around the pipeline (src/app/run-job.ts), as a scheduler sees it: the lock against
// overlapping runs (and taking over a dead run's lock), a kill mid-way leaving nothing half-written, skip-if-exists
// and --force, the window a past --date picks, usage errors with exit code 2, and the cover image.
// In-process runs use runMain with a fake io; where a second real process is needed the CLI is spawned.
// Nothing here waits on a timer: a child is "working" once it has opened a named pipe posing as a feed fixture,
// or once a local feed server (that never answers) has seen its request.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  closeSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { checkDigest } from '../../src/check/check-digest.js';
import { runMain } from '../../src/cli.js';
import { EXIT, type CliIo } from '../../src/cli/cli-io.js';
import { escapeXml } from '../../src/render/render-cover.js';
import { processStartOf } from '../../src/util/run-lock.js';
import { testIo as baseTestIo } from '../helpers/test-io.js';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/digest.mjs');
const day = '2025-12-05';
const dayFixtures = path.join(root, 'fixtures', day);
const mdName = `${day}-ai-intel.md`;
const reportName = `${day}-ai-intel.report.json`;
const coverName = `${day}-ai-intel.svg`;

function testIo(overrides: Partial<CliIo> = {}): CliIo & { out: string[]; err: string[] } {
  // A temp working directory: no developer's .env can change the run.
  return baseTestIo({ env: { DIGEST_LOG_LEVEL: 'warn' }, cwd: tmp('digest-cwd-'), ...overrides });
}

function tmp(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Every file under dir (relative paths), dot-folders included. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

function dryRun(out: string, extra: string[] = []): string[] {
  return ['run', '--dry-run', '--fixtures', dayFixtures, '--date', day, '--out', out, ...extra];
}

const sourceUrls = (md: string): string[] =>
  [...md.matchAll(/^\*\*來源\*\*：(.*)$/gm)].flatMap((m) => [...m[1]!.matchAll(/\]\((https?:[^)]+)\)/g)].map((x) => x[1]!));

// --- real processes --------------------------------------------------------------------------------------------

interface Child {
  proc: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** `node bin/digest.mjs ...args` in `cwd`, with no model key from the test's own environment. */
function spawnDigest(args: string[], cwd: string, env: Record<string, string> = {}): Child {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OPENAI_') && !k.startsWith('DIGEST_')));
  const proc = spawn(process.execPath, [bin, ...args], {
    cwd,
    env: { ...clean, DIGEST_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout!.on('data', (d) => (stdout += d));
  proc.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    proc.on('error', reject);
    proc.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { proc, done };
}

interface HangingServer {
  port: number;
  /** Resolves at the first request. */
  firstRequest: Promise<void>;
  close: () => Promise<void>;
}

/** A feed server on 127.0.0.1 that accepts every request and never answers. */
async function startHangingServer(): Promise<HangingServer> {
  let seen: () => void = () => {};
  const firstRequest = new Promise<void>((r) => (seen = r));
  const server = createServer(() => seen());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    firstRequest,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const hasMkfifo = process.platform !== 'win32' && spawnSync('mkfifo', ['--version'], { stdio: 'ignore' }).status === 0;

/**
 * A copy of the recorded day whose techcrunch-ai feed is a named pipe: a dry run on it takes the lock, reads the
 * other feeds and then waits on the pipe. Opening the pipe for writing returns once the run has opened it (so the
 * run is under way and holds the lock); writing the recorded bytes and closing lets it finish with the same digest.
 */
function fifoFixture(): { dir: string; fifo: string; bytes: Buffer } {
  const dir = tmp('digest-fifo-fixture-');
  cpSync(dayFixtures, dir, { recursive: true });
  const fifo = path.join(dir, 'feeds', 'techcrunch-ai.xml');
  const bytes = readFileSync(fifo);
  rmSync(fifo);
  const r = spawnSync('mkfifo', [fifo]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
  return { dir, fifo, bytes };
}

/** The fixture day's feeds.yaml with every URL pointing at the local server. */
function localFeedsFile(dir: string, port: number): string {
  const doc = parseYaml(readFileSync(path.join(dayFixtures, 'feeds.yaml'), 'utf8')) as { feeds: Array<{ id: string; url: string }> };
  for (const f of doc.feeds) f.url = `http://127.0.0.1:${port}/feeds/${f.id}.xml`;
  const file = path.join(dir, 'feeds.yaml');
  writeFileSync(file, stringifyYaml(doc));
  return file;
}

/** A pid that belonged to a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

const servers: HangingServer[] = [];
const children: Child[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

// The reference: the recorded day's digest as a dry run writes it.
let reference = '';
beforeAll(async () => {
  const out = tmp('digest-ref-');
  const io = testIo();
  expect(await runMain(dryRun(out), io), io.err.join('')).toBe(EXIT.ok);
  reference = readFileSync(path.join(out, mdName), 'utf8');
});

describe('the lock: two runs for the same date and --out never overlap', () => {
  it.skipIf(!hasMkfifo)(
    'a second run exits 4 while the first holds the lock; the first finishes intact, and a later run is skipped (3)',
    async () => {
      const work = tmp('digest-lock-');
      const out = path.join(work, 'out');
      const fixture = fifoFixture();
      const first = spawnDigest(['run', '--dry-run', '--fixtures', fixture.dir, '--date', day, '--out', out], work);
      children.push(first);
      // The run takes the lock before it reads a feed: once it has opened the pipe, the lock is held.
      const pipe = await Promise.race([
        open(fixture.fifo, 'w'),
        first.done.then((r) => {
          closeSync(openSync(fixture.fifo, constants.O_RDONLY | constants.O_NONBLOCK)); // unblocks our open()
          throw new Error(`the first run ended before it read the pipe (code ${r.code}): ${r.stderr}`);
        }),
      ]);
      const lockFile = path.join(out, '.digest-state', 'run.lock');
      expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({
        host: hostname(),
        pid: first.proc.pid,
        processStart: processStartOf(first.proc.pid!),
      });

      const io = testIo();
      expect(await runMain(dryRun(out), io)).toBe(EXIT.locked);
      expect(io.err.join('')).toBe(
        `digest: another digest run (pid ${first.proc.pid}) holds ${lockFile}; wait for it to finish, or remove the file if that process is not a digest run\n`,
      );
      expect(existsSync(path.join(out, mdName))).toBe(false);

      await pipe.writeFile(fixture.bytes);
      await pipe.close();
      const r = await first.done;
      expect(r.code, r.stderr).toBe(EXIT.ok);
      expect(r.stdout).toMatch(new RegExp(`^digest ${day}: ok \\|`, 'm'));
      const md = readFileSync(path.join(out, mdName), 'utf8');
      expect(md).toBe(reference);
      expect(checkDigest(md)).toEqual([]);
      expect(JSON.parse(readFileSync(path.join(out, reportName), 'utf8')).status).toBe('ok');
      expect(existsSync(lockFile)).toBe(false);

      const again = testIo();
      expect(await runMain(dryRun(out), again)).toBe(EXIT.skipped);
      expect(readFileSync(path.join(out, mdName), 'utf8')).toBe(md);
    },
    60_000,
  );

  it('two runs started together: one writes the digest, the other exits 4 (locked) or 3 (skipped)', async () => {
    const work = tmp('digest-race-');
    const out = path.join(work, 'out');
    const runs = [spawnDigest(dryRun(out), work), spawnDigest(dryRun(out), work)];
    children.push(...runs);
    const results = await Promise.all(runs.map((c) => c.done));
    const codes = results.map((r) => r.code).sort();
    expect(
      [
        [EXIT.ok, EXIT.skipped],
        [EXIT.ok, EXIT.locked],
      ],
      results.map((r) => r.stderr).join('\n'),
    ).toContainEqual(codes);
    const loser = results.find((r) => r.code !== EXIT.ok)!;
    expect(loser.code === EXIT.locked ? loser.stderr : loser.stdout).toMatch(
      loser.code === EXIT.locked ? /another digest run \(pid \d+\) holds/ : /skipped — .* exists/,
    );
    const md = readFileSync(path.join(out, mdName), 'utf8');
    expect(md).toBe(reference);
    expect(checkDigest(md)).toEqual([]);
    expect(listFiles(out)).toEqual([path.join('.digest-state', 'stories.json'), reportName, mdName, `images/${coverName}`].sort());
  }, 60_000);

  it('takes over a stale lock whose process is gone', async () => {
    const out = tmp('digest-stale-');
    const lockFile = path.join(out, '.digest-state', 'run.lock');
    mkdirSync(path.dirname(lockFile), { recursive: true });
    const pid = deadPid();
    writeFileSync(lockFile, `${pid}\n`);
    const io = testIo();
    expect(await runMain(dryRun(out), io), io.err.join('')).toBe(EXIT.ok);
    expect(readFileSync(path.join(out, mdName), 'utf8')).toBe(reference);
    expect(existsSync(lockFile)).toBe(false);
  });

  it('does not take over a lock whose process is alive and is the one that took it', async () => {
    const out = tmp('digest-live-lock-');
    const lockFile = path.join(out, '.digest-state', 'run.lock');
    mkdirSync(path.dirname(lockFile), { recursive: true });
    const sleeper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      const owner = JSON.stringify({
        host: hostname(),
        pid: sleeper.pid,
        processStart: processStartOf(sleeper.pid!),
        takenAt: new Date().toISOString(),
      });
      writeFileSync(lockFile, owner);
      const io = testIo();
      expect(await runMain(dryRun(out), io)).toBe(EXIT.locked);
      expect(io.err.join('')).toContain(`pid ${sleeper.pid}`);
      expect(readFileSync(lockFile, 'utf8')).toBe(owner);
      expect(existsSync(path.join(out, mdName))).toBe(false);
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it.skipIf(!existsSync('/proc/self/stat'))(
    'takes over a lock whose pid now belongs to an unrelated live process, and says so in the report',
    async () => {
      const out = tmp('digest-reused-pid-');
      const lockFile = path.join(out, '.digest-state', 'run.lock');
      mkdirSync(path.dirname(lockFile), { recursive: true });
      const unrelated = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      try {
        // The lock's run died long ago; its pid was reused by a process that started at another time.
        writeFileSync(
          lockFile,
          JSON.stringify({ host: hostname(), pid: unrelated.pid, processStart: '1', takenAt: '2025-12-04T22:45:00Z' }),
        );
        const io = testIo();
        expect(await runMain(dryRun(out), io), io.err.join('')).toBe(EXIT.ok);
        const report = JSON.parse(readFileSync(path.join(out, reportName), 'utf8'));
        expect(report.warnings).toContainEqual({
          code: 'lock-taken-over',
          message: expect.stringContaining(`pid ${unrelated.pid} now belongs to another process`),
        });
        expect(existsSync(lockFile)).toBe(false);
      } finally {
        unrelated.kill('SIGKILL');
      }
    },
  );

  it('takes over a lock older than the maximum age, whoever holds it (a lock from another host)', async () => {
    const out = tmp('digest-old-lock-');
    const lockFile = path.join(out, '.digest-state', 'run.lock');
    mkdirSync(path.dirname(lockFile), { recursive: true });
    writeFileSync(lockFile, JSON.stringify({ host: 'another-host', pid: 12345, takenAt: '2025-12-01T00:00:00Z' }));
    const old = new Date(Date.now() - 5 * 3600_000);
    utimesSync(lockFile, old, old);
    const io = testIo();
    expect(await runMain(dryRun(out), io), io.err.join('')).toBe(EXIT.ok);
    // A fresh lock from another host is respected: its pid cannot be checked from here.
    writeFileSync(lockFile, JSON.stringify({ host: 'another-host', pid: 12345, takenAt: new Date().toISOString() }));
    expect(await runMain([...dryRun(out), '--force'], testIo())).toBe(EXIT.locked);
  });
});

describe('a run killed mid-way', () => {
  it('leaves no digest, no report and no temp file; only its lock, which the next run takes over', async () => {
    const work = tmp('digest-kill-');
    const out = path.join(work, 'out');
    const feeds = await startHangingServer();
    servers.push(feeds);
    const run = spawnDigest(['run', '--date', day, '--out', out, '--feeds', localFeedsFile(work, feeds.port), '--offline'], work);
    children.push(run);
    await feeds.firstRequest;
    run.proc.kill('SIGKILL');
    const r = await run.done;
    expect(r.signal).toBe('SIGKILL');

    const left = listFiles(out);
    expect(left.filter((f) => f.endsWith('.md') || f.endsWith('.json') || f.endsWith('.svg') || f.endsWith('.tmp'))).toEqual([]);
    expect(left).toEqual([path.join('.digest-state', 'run.lock')]);

    const io = testIo();
    expect(await runMain(dryRun(out), io), io.err.join('')).toBe(EXIT.ok);
    expect(readFileSync(path.join(out, mdName), 'utf8')).toBe(reference);
    expect(listFiles(out).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);
  }, 60_000);
});

describe('an existing digest', () => {
  it('is kept byte for byte (exit 3), and --force overwrites it', async () => {
    const out = tmp('digest-skip-');
    expect(await runMain(dryRun(out), testIo())).toBe(EXIT.ok);
    const mdFile = path.join(out, mdName);
    const reportFile = path.join(out, reportName);
    const edited = `${reference.replace('## 今日焦點', '<!-- edited by hand -->\n## 今日焦點')}`;
    writeFileSync(mdFile, edited);
    const report = readFileSync(reportFile, 'utf8');
    const reportMtime = statSync(reportFile).mtimeMs;

    const io = testIo();
    expect(await runMain(dryRun(out), io)).toBe(EXIT.skipped);
    expect(io.out.join('')).toMatch(new RegExp(`^digest ${day}: skipped — .*${mdName} exists \\(use --force to overwrite\\)$`, 'm'));
    expect(readFileSync(mdFile, 'utf8')).toBe(edited);
    expect(readFileSync(reportFile, 'utf8')).toBe(report);
    expect(statSync(reportFile).mtimeMs).toBe(reportMtime);

    const forced = testIo();
    expect(await runMain(dryRun(out, ['--force']), forced), forced.err.join('')).toBe(EXIT.ok);
    expect(readFileSync(mdFile, 'utf8')).toBe(reference);
    expect(listFiles(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

// --- the window of a past --date ------------------------------------------------------------------------------

// 2025-11-20 at 06:45 Taipei is 2025-11-19T22:45Z: the window is [2025-11-18T22:45Z, 2025-11-19T22:45Z).
// With --cutoff 10:00 it is [2025-11-19T02:00Z, 2025-11-20T02:00Z). Each item is its own story.
const ITEMS = [
  {
    key: 'before-start',
    at: '2025-11-18T22:44:59Z',
    feed: 'wire',
    title: 'Quantum chip maker Qubitron raises $90 million for error-corrected processors',
  },
  { key: 'at-start', at: '2025-11-18T22:45:00Z', feed: 'lab', title: 'Mistral releases Devstral coding model under Apache license' },
  { key: 'overnight', at: '2025-11-19T01:30:00Z', feed: 'wire', title: 'Nvidia reports record data-center revenue of $51 billion' },
  { key: 'midday', at: '2025-11-19T10:00:00Z', feed: 'lab', title: 'Google DeepMind publishes weather model WeatherNext 2' },
  { key: 'before-end', at: '2025-11-19T22:44:59Z', feed: 'wire', title: 'Taiwan semiconductor exports hit new high on AI server demand' },
  { key: 'at-end', at: '2025-11-19T22:45:00Z', feed: 'lab', title: 'Anthropic opens Claude Opus 4.5 to enterprise customers' },
  { key: 'late', at: '2025-11-20T01:30:00Z', feed: 'wire', title: 'Stanford study measures hallucination rates in legal research tools' },
  { key: 'next-day', at: '2025-11-20T23:00:00Z', feed: 'lab', title: 'Hugging Face launches open robotics dataset with 10,000 episodes' },
  { key: 'next-day-2', at: '2025-11-21T03:00:00Z', feed: 'wire', title: 'Samsung unveils HBM4 memory samples for AI accelerators' },
] as const;

type ItemKey = (typeof ITEMS)[number]['key'];
const urlOf = (key: string) => `https://news.example.com/2025/11/${key}`;

function rfc822(iso: string): string {
  return new Date(iso).toUTCString(); // "Tue, 18 Nov 2025 22:44:59 GMT"
}

/** A recorded day of our own: an RSS 2.0 feed and an Atom feed with items on both sides of each cut-off. */
function buildWindowFixture(): string {
  const dir = tmp('digest-window-fixture-');
  mkdirSync(path.join(dir, 'feeds'));
  writeFileSync(
    path.join(dir, 'feeds.yaml'),
    [
      'feeds:',
      // Declared on-topic: these tests are about windows, not about the relevance test.
      '  - { id: wire, name: Example Wire, url: "https://news.example.com/feed.xml", lang: en, onTopic: true }',
      '  - { id: lab, name: Example Lab, url: "https://news.example.com/atom.xml", lang: en, onTopic: true }',
      '',
    ].join('\n'),
  );
  const text = (title: string) =>
    `${title}. The announcement was made on the day and covered by several outlets; the company gave figures and a timeline for availability.`;
  const rss = ITEMS.filter((i) => i.feed === 'wire')
    .map(
      (i) =>
        `    <item>\n      <title>${i.title}</title>\n      <link>${urlOf(i.key)}</link>\n      <guid>${urlOf(i.key)}</guid>\n      <pubDate>${rfc822(i.at)}</pubDate>\n      <description>${text(i.title)}</description>\n    </item>`,
    )
    .join('\n');
  writeFileSync(
    path.join(dir, 'feeds', 'wire.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n  <channel>\n    <title>Example Wire</title>\n    <link>https://news.example.com/</link>\n    <description>test feed</description>\n${rss}\n  </channel>\n</rss>\n`,
  );
  const atom = ITEMS.filter((i) => i.feed === 'lab')
    .map(
      (i) =>
        `  <entry>\n    <title>${i.title}</title>\n    <link href="${urlOf(i.key)}"/>\n    <id>${urlOf(i.key)}</id>\n    <published>${i.at}</published>\n    <updated>${i.at}</updated>\n    <summary>${text(i.title)}</summary>\n  </entry>`,
    )
    .join('\n');
  writeFileSync(
    path.join(dir, 'feeds', 'lab.xml'),
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n  <title>Example Lab</title>\n  <id>https://news.example.com/atom.xml</id>\n  <updated>2025-11-21T03:00:00Z</updated>\n${atom}\n</feed>\n`,
  );
  return dir;
}

describe('a past --date collects what that morning’s run would have', () => {
  let fixture = '';
  beforeAll(() => {
    fixture = buildWindowFixture();
  });

  async function runWindow(args: string[], env: Record<string, string> = {}) {
    const out = tmp('digest-window-');
    const io = testIo({ env: { DIGEST_LOG_LEVEL: 'warn', ...env } });
    const code = await runMain(['run', '--fixtures', fixture, '--out', out, ...args], io);
    expect(code, io.err.join('') + io.out.join('')).toBe(EXIT.ok);
    const date = args[args.indexOf('--date') + 1]!;
    const md = readFileSync(path.join(out, `${date}-ai-intel.md`), 'utf8');
    const report = JSON.parse(readFileSync(path.join(out, `${date}-ai-intel.report.json`), 'utf8'));
    expect(checkDigest(md)).toEqual([]);
    return { md, report };
  }

  function expectCited(r: { md: string; report: { counts: { articles: number } } }, keys: ItemKey[]): void {
    expect(r.report.counts.articles).toBe(keys.length);
    expect([...new Set(sourceUrls(r.md))].sort()).toEqual(keys.map(urlOf).sort());
    expect(sourceUrls(r.md)).toHaveLength(keys.length);
    expect(r.md).toContain(`*資料來源：${keys.length} 篇文章 |`);
    const allLinks = [...r.md.matchAll(/\]\((https?:[^)]+)\)/g)].map((m) => m[1]!);
    for (const url of allLinks) expect(keys.map(urlOf)).toContain(url);
  }

  it('default cut-off 06:45: the 24 hours before 2025-11-20 06:45 Taipei, start included, end excluded', async () => {
    const r = await runWindow(['--date', '2025-11-20']);
    expect(r.report.window).toEqual({ start: '2025-11-18T22:45:00.000Z', end: '2025-11-19T22:45:00.000Z' });
    expect(r.report.generatedAt).toBe('2025-11-20T06:45:00+08:00');
    expectCited(r, ['at-start', 'overnight', 'midday', 'before-end']);
  });

  it('--cutoff 10:00 moves the window to the 24 hours before 10:00 Taipei', async () => {
    const r = await runWindow(['--date', '2025-11-20', '--cutoff', '10:00']);
    expect(r.report.window).toEqual({ start: '2025-11-19T02:00:00.000Z', end: '2025-11-20T02:00:00.000Z' });
    expectCited(r, ['midday', 'before-end', 'at-end', 'late']);
  });

  it('DIGEST_CUTOFF sets the cut-off, and --cutoff wins over it', async () => {
    const fromEnv = await runWindow(['--date', '2025-11-20'], { DIGEST_CUTOFF: '10:00' });
    expectCited(fromEnv, ['midday', 'before-end', 'at-end', 'late']);
    const flagWins = await runWindow(['--date', '2025-11-20', '--cutoff', '06:45'], { DIGEST_CUTOFF: '10:00' });
    expectCited(flagWins, ['at-start', 'overnight', 'midday', 'before-end']);
  });

  it('the next --date takes the next 24 hours', async () => {
    const r = await runWindow(['--date', '2025-11-21']);
    expect(r.report.window).toEqual({ start: '2025-11-19T22:45:00.000Z', end: '2025-11-20T22:45:00.000Z' });
    expectCited(r, ['at-end', 'late']);
  });
});

// --- usage and configuration errors ---------------------------------------------------------------------------

describe('a usage or configuration error exits 2 with one line naming the flag, file or variable', () => {
  async function usage(args: string[], env: Record<string, string> = {}) {
    const out = tmp('digest-usage-');
    const io = testIo({ env: { DIGEST_LOG_LEVEL: 'warn', ...env } });
    const code = await runMain([...args, '--out', out], io);
    const lines = io.err.join('').split('\n').filter(Boolean);
    expect(listFiles(out)).toEqual([]);
    expect(io.err.join('')).not.toMatch(/^\s+at /m); // no stack trace
    return { code, lines };
  }

  it('a bad --date', async () => {
    for (const bad of ['2025-02-30', '2025-13-01', '20251205', 'yesterday']) {
      const r = await usage(['run', '--dry-run', '--date', bad]);
      expect(r.code).toBe(EXIT.usage);
      expect(r.lines[0]).toBe(
        `error: option '--date <YYYY-MM-DD>' argument '${bad}' is invalid. expected a date as YYYY-MM-DD, e.g. 2025-12-05`,
      );
      // commander adds one hint line after the error
      expect(r.lines.slice(1)).toEqual(['(run `digest --help` for usage)']);
    }
  });

  it('a bad --cutoff', async () => {
    const r = await usage(['run', '--dry-run', '--date', day, '--cutoff', '6:45']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.lines[0]).toMatch(/^error: option '--cutoff <HH:MM>' argument '6:45' is invalid\. expected a time as HH:MM/);
  });

  it('a feeds.yaml with a bad field, bad YAML, or no such file', async () => {
    const dir = tmp('digest-badfeeds-');
    const badField = path.join(dir, 'bad-field.yaml');
    writeFileSync(badField, 'feeds:\n  - { id: wire, name: Wire, url: "https://example.com/feed", lang: fr }\n');
    let r = await usage(['run', '--dry-run', '--fixtures', dayFixtures, '--date', day, '--feeds', badField]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.lines).toEqual([`digest: ${badField}: feed "wire": lang: must be "en" or "zh"`]);

    const badYaml = path.join(dir, 'bad-yaml.yaml');
    writeFileSync(badYaml, 'feeds:\n  - { id: wire, name: "Wire\n');
    r = await usage(['run', '--dry-run', '--fixtures', dayFixtures, '--date', day, '--feeds', badYaml]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(new RegExp(`^digest: ${badYaml.replaceAll('.', '\\.')}(:\\d+)?: not valid YAML`));

    const missing = path.join(dir, 'missing.yaml');
    r = await usage(['run', '--dry-run', '--fixtures', dayFixtures, '--date', day, '--feeds', missing]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.lines).toEqual([`digest: ${missing}: cannot read the feeds file (ENOENT); pass --feeds FILE or create feeds.yaml`]);
  });

  it('a bad environment variable', async () => {
    const r = await usage(['run', '--dry-run', '--fixtures', dayFixtures, '--date', day], { DIGEST_COVER: 'sometimes' });
    expect(r.code).toBe(EXIT.usage);
    expect(r.lines).toEqual(['digest: environment variable DIGEST_COVER: must be "generate" or "off"']);
  });
});

// --- the cover image ------------------------------------------------------------------------------------------

describe('the cover image the front matter names', () => {
  const frontMatterTitle = (md: string) => /^title: "(.*) — \d{4}\/\d\d\/\d\d"$/m.exec(md)![1]!;

  it('is written as <out>/images/<date>-ai-intel.svg: well-formed, with the date and the escaped title', async () => {
    const out = tmp('digest-cover-');
    const io = testIo();
    expect(await runMain(dryRun(out), io), io.err.join('')).toBe(EXIT.ok);
    const md = readFileSync(path.join(out, mdName), 'utf8');
    expect(md).toContain(`cover:\n  image: "/images/${coverName}"\n`);
    const svg = readFileSync(path.join(out, 'images', coverName), 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1200" height="630"/);
    expect(svg).toContain('2025/12/05');
    expect(svg).toContain(`<title>AI Daily — ${escapeXml(JSON.parse(`"${frontMatterTitle(md)}"`))} — ${day}</title>`);
    const report = JSON.parse(readFileSync(path.join(out, reportName), 'utf8'));
    expect(report.warnings.filter((w: { code: string }) => w.code === 'cover-failed')).toEqual([]);
    expect(listFiles(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('goes to DIGEST_COVER_DIR when set (relative to the working directory), e.g. a Hugo site’s static/images', async () => {
    const cwd = tmp('digest-cover-cwd-');
    const out = path.join(cwd, 'site', 'content', 'posts');
    const io = testIo({ cwd, env: { DIGEST_LOG_LEVEL: 'warn', DIGEST_COVER_DIR: 'site/static/images' } });
    expect(await runMain(dryRun(out), io), io.err.join('')).toBe(EXIT.ok);
    expect(XMLValidator.validate(readFileSync(path.join(cwd, 'site', 'static', 'images', coverName), 'utf8'))).toBe(true);
    expect(existsSync(path.join(out, 'images'))).toBe(false);
  });

  it('DIGEST_COVER=off draws nothing, and the front matter still names the path', async () => {
    const out = tmp('digest-cover-off-');
    const io = testIo({ env: { DIGEST_LOG_LEVEL: 'warn', DIGEST_COVER: 'off' } });
    expect(await runMain(dryRun(out), io), io.err.join('')).toBe(EXIT.ok);
    const md = readFileSync(path.join(out, mdName), 'utf8');
    expect(md).toBe(reference);
    expect(md).toContain(`  image: "/images/${coverName}"`);
    expect(listFiles(out)).toEqual([path.join('.digest-state', 'stories.json'), reportName, mdName].sort());
  });

  it('a cover that cannot be written is a warning in the report, not a failed run', async () => {
    const out = tmp('digest-cover-fail-');
    const notADir = path.join(out, 'file');
    writeFileSync(notADir, 'x');
    const io = testIo({ env: { DIGEST_LOG_LEVEL: 'silent', DIGEST_COVER_DIR: notADir } });
    expect(await runMain(dryRun(out), io), io.err.join('')).toBe(EXIT.ok);
    expect(readFileSync(path.join(out, mdName), 'utf8')).toBe(reference);
    const report = JSON.parse(readFileSync(path.join(out, reportName), 'utf8'));
    expect(report.status).toBe('ok');
    expect(report.warnings).toContainEqual({ code: 'cover-failed', message: expect.stringContaining(notADir) });
    expect(io.out.join('')).toMatch(/ok \|.*\| 1 warnings/);
  });
});
