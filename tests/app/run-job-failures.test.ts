// The job when the machine or the input is against it: a full disk, a report that cannot be written after the
// digest was, temp files of killed runs, and the bad-input cases the README documents as one line and exit 2.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../../src/cli.js';
import { EXIT } from '../../src/cli/cli-io.js';
import { startFakeOpenAi } from '../helpers/fake-openai-server.js';
import { projectRoot, testIo } from '../helpers/test-io.js';

const day = '2025-12-05';
const mdName = `${day}-ai-intel.md`;
const reportName = `${day}-ai-intel.report.json`;
const tmp = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));
const dryRun = (out: string, ...more: string[]) => ['run', '--dry-run', '--date', day, '--out', out, ...more];

/** One line on stderr, no stack trace. */
function oneLine(err: string[]): string {
  const text = err.join('');
  expect(text.trim().split('\n'), text).toHaveLength(1);
  expect(text).not.toMatch(/\n\s+at /);
  return text.trim();
}

describe('bad input: one line, exit 2', () => {
  it('a feeds.yaml that is a YAML alias bomb', async () => {
    const dir = tmp('digest-bomb-');
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    lines.push('feeds: *i');
    writeFileSync(path.join(dir, 'feeds.yaml'), `${lines.join('\n')}\n`);
    const io = testIo({ cwd: dir });
    expect(await runMain(['run', '--offline', '--out', path.join(dir, 'out')], io)).toBe(EXIT.usage);
    expect(oneLine(io.err)).toMatch(/feeds\.yaml: the YAML expands too far/);
  });

  it('a .env that is a folder', async () => {
    const dir = tmp('digest-envdir-');
    mkdirSync(path.join(dir, '.env'));
    const io = testIo({ cwd: dir });
    expect(await runMain(['run', '--offline'], io)).toBe(EXIT.usage);
    expect(oneLine(io.err)).toMatch(/\.env: cannot read the settings file .*make \.env a text file/);
  });

  it('an --out that is a file', async () => {
    const dir = tmp('digest-outfile-');
    const file = path.join(dir, 'out');
    writeFileSync(file, 'not a folder');
    const io = testIo();
    expect(await runMain(dryRun(file), io)).toBe(EXIT.usage);
    expect(oneLine(io.err)).toMatch(/--out .*: is a file, not a folder/);
  });
});

describe('a run whose writes fail', () => {
  const mounted: string[] = [];
  afterAll(() => {
    for (const m of mounted) execFileSync('umount', [m]);
  });
  const canMount = (() => {
    if (process.getuid?.() !== 0) return false;
    const probe = tmp('digest-probe-');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', probe], { stdio: 'ignore' });
      execFileSync('umount', [probe]);
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!canMount)('a full disk: one line, exit 1, no half-written file; the next run with room writes the digest', async () => {
    const out = tmp('digest-enospc-');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24k', 'tmpfs', out]);
    mounted.push(out);
    const state = tmp('digest-state-');
    const io = testIo({ env: { DIGEST_STATE_DIR: state, DIGEST_COVER: 'off' } });
    expect(await runMain(dryRun(out), io)).toBe(EXIT.failed);
    expect(oneLine(io.err.filter((l) => l.startsWith('digest:')))).toMatch(
      /^digest: cannot write .*ai-intel\.md: no space left on the device/,
    );
    expect(readdirSync(out).filter((f) => f === mdName || f.endsWith('.tmp'))).toEqual([]);

    const roomy = tmp('digest-roomy-');
    const again = testIo({ env: { DIGEST_STATE_DIR: state, DIGEST_COVER: 'off' } });
    expect(await runMain(dryRun(roomy), again), again.err.join('')).toBe(EXIT.ok);
  });

  it('a run that died after writing the digest: the next run completes its ledger and report instead of skipping the day', async () => {
    const out = tmp('digest-died-');
    const ledger = path.join(out, '.digest-state', 'stories.json');
    // A folder where the report should go: the digest is written, the report is refused (EISDIR), exit 1.
    mkdirSync(path.join(out, reportName));
    const io = testIo();
    expect(await runMain(dryRun(out), io)).toBe(EXIT.failed);
    expect(oneLine(io.err.filter((l) => l.startsWith('digest:')))).toMatch(
      /^digest: cannot write .*report\.json: a folder stands where a file was expected/,
    );
    const md = readFileSync(path.join(out, mdName), 'utf8');
    // As a kill between the two writes would have left it: the digest on disk, no ledger, no report.
    rmSync(ledger);
    rmSync(path.join(out, reportName), { recursive: true });

    const next = testIo();
    expect(await runMain(dryRun(out), next), next.err.join('')).toBe(EXIT.ok);
    expect(next.out.join('')).toMatch(/^digest 2025-12-05: ok .*\(completed by this run\)$/m);
    expect(readFileSync(path.join(out, mdName), 'utf8')).toBe(md);
    const report = JSON.parse(readFileSync(path.join(out, reportName), 'utf8'));
    expect(report.status).toBe('ok');
    expect(report.warnings.some((w: { code: string }) => w.code === 'run-completed')).toBe(true);
    expect(JSON.parse(readFileSync(ledger, 'utf8')).days.map((d: { date: string }) => d.date)).toEqual([day]);
    // Completed once: the run after that is an ordinary skip.
    expect(await runMain(dryRun(out), testIo())).toBe(EXIT.skipped);
  });

  it('a state file that cannot be read (a folder in its place): one line naming it, exit 1, no digest', async () => {
    const out = tmp('digest-badstate-');
    mkdirSync(path.join(out, '.digest-state', 'stories.json'), { recursive: true });
    const io = testIo();
    expect(await runMain(dryRun(out), io)).toBe(EXIT.failed);
    expect(oneLine(io.err.filter((l) => l.startsWith('digest:')))).toMatch(
      /^digest: StateError: cannot read the state file .*stories\.json \(EISDIR\)/,
    );
    expect(existsSync(path.join(out, mdName))).toBe(false);
  });

  it('temp files of a killed run are removed when the next run starts, from the output and the cover folder', async () => {
    const out = tmp('digest-leftovers-');
    const covers = path.join(out, 'static', 'images');
    mkdirSync(covers, { recursive: true });
    // pid 2^22 + 1 is above Linux's pid_max: no such process.
    writeFileSync(path.join(covers, `.${day}-ai-intel.svg.4194305.0badc0de.tmp`), '<svg');
    writeFileSync(path.join(out, `.${mdName}.4194305.0badc0de.tmp`), '---\ntitle: "half');
    const io = testIo({ env: { DIGEST_COVER_DIR: covers } });
    expect(await runMain(dryRun(out), io), io.err.join('')).toBe(EXIT.ok);
    expect(readdirSync(covers)).toEqual([`${day}-ai-intel.svg`]);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('secrets never leave the process', () => {
  const key = 'sk-live-abcdefghijklmnop1234';
  let feedServer: Server;
  let feedsFile = '';
  beforeAll(async () => {
    const dir = tmp('digest-secret-feeds-');
    feedServer = createServer(
      (_req, res) =>
        void res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(readFileSync(path.join(projectRoot, 'fixtures', day, 'feeds', 'openai-news.xml'))),
    );
    await new Promise<void>((r) => feedServer.listen(0, '127.0.0.1', r));
    feedsFile = path.join(dir, 'feeds.yaml');
    writeFileSync(
      feedsFile,
      `feeds:\n  - { id: openai-news, name: OpenAI, url: "http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed", lang: en, onTopic: true }\n`,
    );
  });
  afterAll(() => new Promise<void>((r) => feedServer.close(() => r())));

  const scan = (out: string, io: { out: string[]; err: string[] }, secrets: string[]) => {
    const report = readFileSync(path.join(out, reportName), 'utf8');
    for (const s of secrets) {
      expect(io.err.join(''), 'logs').not.toContain(s);
      expect(io.out.join(''), 'summary').not.toContain(s);
      expect(report, 'report').not.toContain(s);
    }
    return report;
  };

  it('a server error that echoes the API key: redacted from the logs, the summary and the report', async () => {
    const model = await startFakeOpenAi({
      handler: () => ({
        status: 401,
        error: {
          message: `Incorrect API key provided: ${key}. You can find your API key at https://platform.openai.com/account/api-keys.`,
          type: 'invalid_request_error',
          code: 'invalid_api_key',
        },
      }),
    });
    try {
      const out = tmp('digest-secret-out-');
      const io = testIo({ env: { OPENAI_API_KEY: key, OPENAI_BASE_URL: model.url }, now: () => new Date('2025-12-04T22:46:00Z') });
      expect(await runMain(['run', '--date', day, '--feeds', feedsFile, '--out', out], io)).toBe(EXIT.failed);
      const report = scan(out, io, [key]);
      expect(report).toContain('Incorrect API key provided: [redacted]');
    } finally {
      await model.close();
    }
  });

  it('credentials inside OPENAI_BASE_URL are redacted wherever the URL is quoted', async () => {
    const out = tmp('digest-secret-url-');
    const io = testIo({
      env: { OPENAI_BASE_URL: 'http://admin:hunter2-secret@127.0.0.1:9/v1', DIGEST_MODEL_MAX_RETRIES: '0' },
      now: () => new Date('2025-12-04T22:46:00Z'),
    });
    await runMain(['run', '--date', day, '--feeds', feedsFile, '--out', out], io);
    scan(out, io, ['hunter2-secret']);
  });
});
