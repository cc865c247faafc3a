#!/usr/bin/env node
// `npm test`: the type check, the linter and the formatter check (each counts as one test), then vitest; prints the suite's wall
// time and the one closing line CI reads: `N passed, N failed[, N skipped]`. With arguments (a file or a filter for
// vitest) only vitest runs.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const started = Date.now();
const vitestArgs = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
if (vitestArgs.length === 0) {
  // The three checks run side by side: each is one process, and together they take the time of the slowest.
  const checks = [
    ['tsc --noEmit', ['tsc', '--noEmit']],
    ['eslint', ['eslint', 'src', 'tests', 'bench', 'scripts', 'bin']],
    ['prettier --check', ['prettier', '--check', '--log-level', 'warn', '.']],
  ];
  const results = await Promise.all(
    checks.map(
      ([name, cmd]) =>
        new Promise((resolve) => {
          const child = spawn('npx', cmd, { stdio: ['ignore', 'pipe', 'pipe'] });
          let output = '';
          child.stdout.on('data', (d) => (output += d));
          child.stderr.on('data', (d) => (output += d));
          child.on('close', (code) => resolve({ name, code, output }));
        }),
    ),
  );
  for (const r of results) {
    if (r.output.trim()) process.stdout.write(r.output);
    console.log(`${r.name}: ${r.code === 0 ? 'ok' : 'FAILED (npm run lint:fix fixes formatting and what ESLint can)'}`);
    if (r.code === 0) passed++;
    else failed++;
  }
}

const report = '.vitest-report.json';
rmSync(report, { force: true });
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...vitestArgs];
const res = spawnSync('npx', args, { stdio: 'inherit' });
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  // A file that fails to load has no failed test of its own: count it once.
  const brokenFiles = (r.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  failed += r.numFailedTests + brokenFiles;
  skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
} catch {
  failed = Math.max(failed, 1);
}
if (res.status !== 0 && failed === 0) failed = 1;
console.log(`suite wall time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
