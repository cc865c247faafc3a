// A CliIo for tests: captured stdout/stderr, an empty environment, a fixed clock, the project root as cwd, and
// waits between retries that take no time (a test that is about the waits passes its own `sleep`).

import path from 'node:path';
import type { CliIo } from '../../src/cli/cli-io.js';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

export function testIo(overrides: Partial<CliIo> = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    env: {},
    cwd: projectRoot,
    now: () => new Date('2026-01-10T00:00:00Z'),
    sleep: async () => {},
    isTty: false,
    ...overrides,
  };
}
