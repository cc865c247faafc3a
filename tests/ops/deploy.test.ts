// The scheduling recipes (deploy/ and .github/workflows/nightly-digest.yml), tested where they can be on one
// machine: the schedules are 06:45 Asia/Taipei, the commands they run exist, the units pass systemd-analyze, and
// the workflow's and crontab's shell really treat exit 3 (skipped) as success and commit what a run wrote.
// External programs (`npx`) are replaced by a stub on PATH; nothing here reaches the network.

import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildProgram } from '../../src/cli.js';
import { EXIT, type CliIo } from '../../src/cli/cli-io.js';
import { parseRunEnv } from '../../src/config/run-env.js';
import { taipeiToday } from '../../src/util/taipei-time.js';

const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: { digest: string } };
const defaultCutoff = parseRunEnv({}).DIGEST_CUTOFF; // 06:45
const hasTaipeiZone = existsSync('/usr/share/zoneinfo/Asia/Taipei');

const tmp = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));

/** The digest's commands, as the CLI registers them. */
function commandNames(): string[] {
  const io: CliIo = { stdout: () => {}, stderr: () => {}, env: {}, cwd: root, now: () => new Date(), isTty: false };
  return buildProgram(io, () => {}).commands.map((c) => c.name());
}

/** A directory holding a fake `npx` that logs its arguments to $STUB_LOG and exits with $STUB_CODE. */
function npxStub(): string {
  const dir = tmp('digest-stub-');
  const file = path.join(dir, 'npx');
  writeFileSync(file, '#!/bin/sh\necho "npx $*" >> "$STUB_LOG"\necho "digest stub summary line"\nexit "${STUB_CODE:-0}"\n');
  chmodSync(file, 0o755);
  return dir;
}

/** 22:45 UTC → "06:45" in Taipei (UTC+8). */
function taipeiClock(utcHour: number, utcMinute: number): string {
  const d = new Date(Date.UTC(2025, 11, 4, utcHour, utcMinute) + 8 * 3600_000);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

// Each cron field: a number in range, `*`, a step, a range or a list of those.
const CRON_FIELD_RANGES: Array<[number, number]> = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];
function validCronField(field: string, [lo, hi]: [number, number]): boolean {
  return field.split(',').every((part) => {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) return false;
    const nums = [m[2], m[3]].filter((x): x is string => x !== undefined).map(Number);
    return nums.every((n) => n >= lo && n <= hi) && (m[4] === undefined || Number(m[4]) > 0);
  });
}

describe('the package runs what the recipes call', () => {
  it('`digest` is the package bin, the file exists, and `run` is one of its commands', () => {
    expect(pkg.bin.digest).toBe('bin/digest.mjs');
    expect(existsSync(path.join(root, pkg.bin.digest))).toBe(true);
    expect(commandNames()).toContain('run');
  });
});

// --- crontab ---------------------------------------------------------------------------------------------------

describe('deploy/crontab', () => {
  const text = readFileSync(path.join(root, 'deploy/crontab'), 'utf8');
  const lines = text.split('\n').filter((l) => l.trim() && !l.trimStart().startsWith('#'));
  const envLines = lines.filter((l) => /^[A-Z_]+=/.test(l));
  const jobs = lines.filter((l) => !/^[A-Z_]+=/.test(l));

  it('sets CRON_TZ=Asia/Taipei and a PATH, and has one job line with five valid fields at 06:45', () => {
    expect(envLines).toContain('CRON_TZ=Asia/Taipei');
    expect(envLines.some((l) => l.startsWith('PATH=') && l.includes('/usr/bin'))).toBe(true);
    expect(jobs).toHaveLength(1);
    const fields = jobs[0]!.split(/\s+/).slice(0, 5);
    fields.forEach((f, i) => expect(validCronField(f, CRON_FIELD_RANGES[i]!), `field ${i + 1}: ${f}`).toBe(true));
    expect(fields).toEqual(['45', '6', '*', '*', '*']);
    expect(`${fields[1]!.padStart(2, '0')}:${fields[0]}`).toBe(defaultCutoff);
  });

  it('gives, for a cron without CRON_TZ on a UTC server, the same instant: 22:45 UTC', () => {
    const alt = /^#\s+(\d+) (\d+) \* \* \* (cd \/srv\/ai-daily && npx --no-install digest run .*)$/m.exec(text);
    expect(alt).not.toBeNull();
    expect(taipeiClock(Number(alt![2]), Number(alt![1]))).toBe(defaultCutoff);
  });

  it('runs `cd /srv/ai-daily && npx --no-install digest run`, appending to a log, and names the exit codes', () => {
    const command = jobs[0]!.split(/\s+/).slice(5).join(' ');
    expect(command).toMatch(/^cd \/srv\/ai-daily && npx --no-install digest run >> output\/digest\.log 2>&1;/);
    expect(command).not.toContain('%'); // cron turns % into a newline
    for (const [name, code] of Object.entries(EXIT)) expect(text, name).toMatch(new RegExp(`\\b${code} [a-z]`));
  });

  it('prints (so cron mails) only when the run really failed: not on 0 or 3', () => {
    const stub = npxStub();
    const command = jobs[0]!.split(/\s+/).slice(5).join(' ');
    for (const code of [EXIT.ok, EXIT.failed, EXIT.usage, EXIT.skipped, EXIT.locked]) {
      const home = tmp('digest-cron-');
      mkdirSync(path.join(home, 'output'));
      const log = path.join(home, 'stub.log');
      const r = spawnSync('/bin/sh', ['-c', command.replaceAll('/srv/ai-daily', home)], {
        encoding: 'utf8',
        env: { PATH: `${stub}:/usr/bin:/bin`, STUB_CODE: String(code), STUB_LOG: log },
      });
      expect(readFileSync(log, 'utf8')).toBe('npx --no-install digest run\n');
      expect(readFileSync(path.join(home, 'output', 'digest.log'), 'utf8')).toBe('digest stub summary line\n');
      if (code === EXIT.ok || code === EXIT.skipped) expect(r.stdout, `exit ${code}`).toBe('');
      else expect(r.stdout, `exit ${code}`).toContain(`digest run failed with exit code ${code}`);
    }
  });
});

// --- systemd ---------------------------------------------------------------------------------------------------

/** `Key=Value` lines per [Section] (comments and blank lines skipped; repeated keys collected). */
function parseUnit(text: string): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const s = /^\[(.+)\]$/.exec(line);
    if (s) {
      section = s[1]!;
      out[section] ??= {};
      continue;
    }
    const eq = line.indexOf('=');
    ((out[section]![line.slice(0, eq)] ??= []) as string[]).push(line.slice(eq + 1));
  }
  return out;
}

const hasSystemdAnalyze = spawnSync('systemd-analyze', ['--version'], { stdio: 'ignore' }).status === 0;

describe('deploy/systemd', () => {
  const unitDir = path.join(root, 'deploy/systemd');
  const service = parseUnit(readFileSync(path.join(unitDir, 'ai-daily.service'), 'utf8'));
  const timer = parseUnit(readFileSync(path.join(unitDir, 'ai-daily.timer'), 'utf8'));

  it('the service is a oneshot in the project folder, reads .env, runs `digest run`, and counts exit 3 as success', () => {
    const s = service.Service!;
    expect(s.Type).toEqual(['oneshot']);
    expect(s.WorkingDirectory).toEqual(['/srv/ai-daily']);
    expect(s.EnvironmentFile).toEqual(['-/srv/ai-daily/.env']);
    expect(s.SuccessExitStatus).toEqual([String(EXIT.skipped)]);
    const [node, script, command, ...rest] = s.ExecStart![0]!.split(/\s+/);
    expect(path.isAbsolute(node!)).toBe(true);
    expect(path.basename(node!)).toBe('node');
    expect(script).toBe(pkg.bin.digest);
    expect(command).toBe('run');
    expect(rest).toEqual([]);
    expect(service.Unit!.After).toEqual(['network-online.target']);
  });

  it('the timer fires at 06:45 Asia/Taipei, catches up a missed run, and starts the service', () => {
    const t = timer.Timer!;
    expect(t.OnCalendar).toEqual([`*-*-* ${defaultCutoff}:00 Asia/Taipei`]);
    expect(t.Persistent).toEqual(['true']);
    expect(t.Unit).toEqual(['ai-daily.service']);
    expect(timer.Install!.WantedBy).toEqual(['timers.target']);
  });

  it.skipIf(!hasSystemdAnalyze)('both units pass `systemd-analyze verify` (skipped without systemd-analyze)', () => {
    const dir = tmp('digest-units-');
    // The unit names the server's node; verify checks that the executable exists, so point it at this one.
    const serviceText = readFileSync(path.join(unitDir, 'ai-daily.service'), 'utf8').replace(
      /^ExecStart=\S+/m,
      `ExecStart=${process.execPath}`,
    );
    writeFileSync(path.join(dir, 'ai-daily.service'), serviceText);
    cpSync(path.join(unitDir, 'ai-daily.timer'), path.join(dir, 'ai-daily.timer'));
    const r = spawnSync('systemd-analyze', ['verify', '--man=no', path.join(dir, 'ai-daily.service'), path.join(dir, 'ai-daily.timer')], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.includes('ai-daily'))).toEqual([]);
  });

  it.skipIf(!hasSystemdAnalyze || !hasTaipeiZone)(
    'systemd reads OnCalendar as 22:45 UTC (skipped without systemd-analyze or tzdata)',
    () => {
      const r = spawnSync('systemd-analyze', ['calendar', '--iterations=2', timer.Timer!.OnCalendar![0]!], {
        encoding: 'utf8',
        env: { ...process.env, TZ: 'UTC' },
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain(`Normalized form: *-*-* 06:45:00 Asia/Taipei`);
      expect([...r.stdout.matchAll(/(?:Next elapse|Iter\. #2): \w+ \d{4}-\d\d-\d\d (\d\d:\d\d:\d\d) UTC/g)].map((m) => m[1])).toEqual([
        '22:45:00',
        '22:45:00',
      ]);
    },
  );
});

// --- GitHub Actions --------------------------------------------------------------------------------------------

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

describe('.github/workflows/nightly-digest.yml', () => {
  const wf = parseYaml(readFileSync(path.join(root, '.github/workflows/nightly-digest.yml'), 'utf8')) as {
    on: { schedule: Array<{ cron: string }>; workflow_dispatch: { inputs: Record<string, unknown> } };
    permissions: Record<string, string>;
    concurrency: { group: string; 'cancel-in-progress': boolean };
    jobs: { digest: { 'runs-on': string; env: Record<string, string>; steps: Step[] } };
  };
  const steps = wf.jobs.digest.steps;
  const run = steps.find((s) => s.id === 'digest')!;
  const commit = steps.find((s) => s.run?.includes('git push'))!;

  it('runs nightly at 22:45 UTC = 06:45 Asia/Taipei, and by hand with an optional date and --force', () => {
    expect(wf.on.schedule).toHaveLength(1);
    const fields = wf.on.schedule[0]!.cron.split(' ');
    fields.forEach((f, i) => expect(validCronField(f, CRON_FIELD_RANGES[i]!)).toBe(true));
    expect(fields).toEqual(['45', '22', '*', '*', '*']);
    expect(taipeiClock(Number(fields[1]), Number(fields[0]))).toBe(defaultCutoff);
    expect(Object.keys(wf.on.workflow_dispatch.inputs).sort()).toEqual(['date', 'force']);
    expect(wf.permissions.contents).toBe('write');
    expect(wf.concurrency['cancel-in-progress']).toBe(false);
  });

  it('checks out, sets up Node 20, installs with npm ci, runs the digest with the key from secrets, then commits', () => {
    const uses = steps.map((s) => s.uses?.split('@')[0]);
    const at = (pred: (s: Step) => boolean) => steps.findIndex(pred);
    const checkout = at((s) => s.uses?.startsWith('actions/checkout@') ?? false);
    const node = at((s) => s.uses?.startsWith('actions/setup-node@') ?? false);
    const ci = at((s) => /^npm ci\b/.test(s.run ?? ''));
    expect(uses).toContain('actions/checkout');
    expect(String(steps[node]!.with!['node-version'])).toBe('20');
    expect(checkout).toBeLessThan(node);
    expect(node).toBeLessThan(ci);
    expect(ci).toBeLessThan(steps.indexOf(run));
    expect(steps.indexOf(run)).toBeLessThan(steps.indexOf(commit));
    expect(run.env!.OPENAI_API_KEY).toBe('${{ secrets.OPENAI_API_KEY }}');
    expect(run.run).toContain('npx --no-install digest "${args[@]}"');
    expect(commit.if).toBe("steps.digest.outputs.code == '0'");
  });

  it('puts no ${{ }} expression inside a script (inputs reach scripts only through env)', () => {
    for (const s of steps) if (s.run) expect(s.run, s.name).not.toContain('${{');
  });

  /** Runs a step's script the way GitHub's bash shell does. */
  function runStep(step: Step, env: Record<string, string>, cwd: string) {
    const script = path.join(tmp('digest-step-'), 'step.sh');
    writeFileSync(script, step.run!);
    return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    });
  }

  it('the digest step passes --date and --force, and fails only on exit codes other than 0 and 3', () => {
    const stub = npxStub();
    const cases: Array<[number, number]> = [
      [EXIT.ok, 0],
      [EXIT.skipped, 0],
      [EXIT.failed, EXIT.failed],
      [EXIT.usage, EXIT.usage],
      [EXIT.locked, EXIT.locked],
    ];
    for (const [code, stepStatus] of cases) {
      const dir = tmp('digest-wf-');
      const output = path.join(dir, 'github-output');
      const log = path.join(dir, 'stub.log');
      writeFileSync(output, '');
      const r = runStep(
        run,
        {
          PATH: `${stub}:${process.env.PATH}`,
          GITHUB_OUTPUT: output,
          STUB_CODE: String(code),
          STUB_LOG: log,
          DIGEST_OUT: 'output',
          INPUT_DATE: '2025-12-04',
          INPUT_FORCE: 'true',
        },
        dir,
      );
      expect(r.status, `npx exit ${code}: ${r.stdout}${r.stderr}`).toBe(stepStatus);
      expect(readFileSync(output, 'utf8')).toBe(`date=2025-12-04\ncode=${code}\n`);
      expect(readFileSync(log, 'utf8')).toBe('npx --no-install digest run --date 2025-12-04 --out output --force\n');
      if (code === EXIT.skipped) expect(r.stdout).toContain('::notice::');
    }
  });

  it.skipIf(!hasTaipeiZone)('with no date given, the digest step runs for today in Asia/Taipei', () => {
    const stub = npxStub();
    const dir = tmp('digest-wf-');
    const output = path.join(dir, 'github-output');
    const log = path.join(dir, 'stub.log');
    writeFileSync(output, '');
    const before = taipeiToday(new Date());
    const r = runStep(
      run,
      {
        PATH: `${stub}:${process.env.PATH}`,
        GITHUB_OUTPUT: output,
        STUB_LOG: log,
        DIGEST_OUT: 'output',
        INPUT_DATE: '',
        INPUT_FORCE: 'false',
      },
      dir,
    );
    const after = taipeiToday(new Date());
    expect(r.status, r.stderr).toBe(0);
    const date = /^date=(.*)$/m.exec(readFileSync(output, 'utf8'))![1]!;
    expect([before, after]).toContain(date);
    expect(readFileSync(log, 'utf8')).toBe(`npx --no-install digest run --date ${date} --out output\n`);
  });

  it('the commit step commits the digest, its report and its cover once, and nothing when they did not change', () => {
    const work = tmp('digest-git-');
    const git = (cwd: string, ...args: string[]) => {
      const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], {
        cwd,
        encoding: 'utf8',
        env: { ...gitEnv, PATH: process.env.PATH },
      });
      expect(r.status, `git ${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r.stdout;
    };
    const gitEnv = { HOME: work, GIT_CONFIG_NOSYSTEM: '1' };
    git(work, 'init', '-q', '--bare', 'origin.git');
    git(work, 'clone', '-q', 'origin.git', 'repo');
    const repo = path.join(work, 'repo');
    writeFileSync(path.join(repo, '.gitignore'), 'output/*\n!output/.gitkeep\n.digest-state/\n');
    git(repo, 'add', '.gitignore');
    git(repo, 'commit', '-q', '-m', 'init');
    git(repo, 'push', '-q', '-u', 'origin', 'HEAD');

    const date = '2025-12-05';
    mkdirSync(path.join(repo, 'output', 'images'), { recursive: true });
    mkdirSync(path.join(repo, 'output', '.digest-state'));
    writeFileSync(path.join(repo, 'output', `${date}-ai-intel.md`), '# digest\n');
    writeFileSync(path.join(repo, 'output', `${date}-ai-intel.report.json`), '{}\n');
    writeFileSync(path.join(repo, 'output', 'images', `${date}-ai-intel.svg`), '<svg/>\n');
    writeFileSync(path.join(repo, 'output', '.digest-state', 'run.lock'), '1\n');
    const env = { ...gitEnv, DATE: date, DIGEST_OUT: 'output', DIGEST_COVER_DIR: '' };

    const first = runStep(commit, env, repo);
    expect(first.status, first.stderr).toBe(0);
    expect(git(work, '--git-dir', 'origin.git', 'log', '--format=%s')).toBe(`digest: ${date}\ninit\n`);
    expect(git(work, '--git-dir', 'origin.git', 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual(
      [`output/${date}-ai-intel.md`, `output/${date}-ai-intel.report.json`, `output/images/${date}-ai-intel.svg`].sort(),
    );

    const second = runStep(commit, env, repo);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('nothing changed');
    expect(git(work, '--git-dir', 'origin.git', 'rev-list', '--count', 'HEAD').trim()).toBe('2');
  });
});
