import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../../src/cli.js';
import { defaultSelectionPolicy, parseSelectionPolicy, readSelectionPolicy, sectionCap } from '../../src/select/selection-policy.js';
import { projectRoot, testIo } from '../helpers/test-io.js';

describe('the selection policy', () => {
  it('ships as selection.yaml with exactly the built-in defaults', async () => {
    expect(await readSelectionPolicy(path.join(projectRoot, 'selection.yaml'), { required: true })).toEqual(defaultSelectionPolicy());
    expect(defaultSelectionPolicy()).toMatchObject({
      maxEntries: 70,
      arxivMax: 20,
      maxPerFeed: 15,
      budget: { maxCalls: 150, maxCostUsd: 1 },
      triage: { enabled: true, maxCandidates: 300, batchSize: 150 },
    });
  });

  it('fills what a file leaves out, and --max-entries wins over the file', async () => {
    const p = parseSelectionPolicy('maxEntries: 40\nsectionCaps: { research: 8 }\n', 'x.yaml');
    expect(p.maxEntries).toBe(40);
    expect(sectionCap(p, 'research')).toBe(8);
    expect(sectionCap(p, 'market')).toBe(12);
    const dir = mkdtempSync(path.join(tmpdir(), 'policy-'));
    writeFileSync(path.join(dir, 'p.yaml'), 'maxEntries: 40\n');
    expect((await readSelectionPolicy(path.join(dir, 'p.yaml'), { required: true, maxEntries: 12 })).maxEntries).toBe(12);
  });

  it('names the file and the field of a mistake', () => {
    expect(() => parseSelectionPolicy('maxEntries: -3\n', 'selection.yaml')).toThrow(/^selection\.yaml: maxEntries: must be 0 or more/);
    expect(() => parseSelectionPolicy('sectionCaps: { science: 3 }\n', 'selection.yaml')).toThrow(
      /selection\.yaml: sectionCaps: unknown field\(s\) science/,
    );
    expect(() => parseSelectionPolicy('maxEntries: [\n', 'selection.yaml')).toThrow(/selection\.yaml(:\d+)?: not valid YAML/);
  });

  it('a missing --policy file is exit 2 with one line; a bad DIGEST_MAX_ENTRIES too', async () => {
    const io = testIo();
    expect(
      await runMain(
        ['run', '--dry-run', '--date', '2025-12-05', '--policy', 'no-such.yaml', '--out', mkdtempSync(path.join(tmpdir(), 'policy-out-'))],
        io,
      ),
    ).toBe(2);
    expect(io.err.join('')).toMatch(/no-such\.yaml: no such file; pass an existing selection policy to --policy/);
    const env = testIo({ env: { DIGEST_MAX_ENTRIES: 'many' } });
    expect(await runMain(['run', '--dry-run', '--date', '2025-12-05', '--out', mkdtempSync(path.join(tmpdir(), 'policy-out-'))], env)).toBe(
      2,
    );
    expect(env.err.join('')).toMatch(/environment variable DIGEST_MAX_ENTRIES: must be a number/);
  });

  it('--max-entries cuts the recorded day to that many entries', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'policy-max-'));
    const io = testIo();
    expect(await runMain(['run', '--dry-run', '--date', '2025-12-05', '--max-entries', '12', '--out', out], io)).toBe(0);
    expect(io.out.join('')).toMatch(/→ 12 written/);
  });
});
