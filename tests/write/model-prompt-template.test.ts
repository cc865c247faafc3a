import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { checkPromptVariables, parsePrompt, readPrompts, renderPrompt } from '../../src/write/prompt-template.js';

const file = (fm: string, body = '# system\nRules for {{date}}.\n\n# user\nArticles {{article_ids}}:\n{{articles}}\n') =>
  `---\n${fm}\n---\n${body}`;

describe('prompt files', () => {
  it('ship entry and frame prompts that load and validate', async () => {
    const p = await readPrompts();
    expect(p.entry).toMatchObject({ name: 'entry', version: '1' });
    expect(p.frame).toMatchObject({ name: 'frame', version: '2' });
    expect(p.entry.temperature).toBeTypeOf('number');
    expect(p.entry.maxTokens).toBeGreaterThan(500);
    expect(p.entry.system).toMatch(/not instructions/);
    expect(p.entry.system).toMatch(/資料 \(not 數據\)/);
    expect(p.frame.system).toMatch(/exactly 5/);
  });

  it('parses front matter (version as text) and the two role parts', () => {
    const p = parsePrompt(
      file('name: entry\nversion: 2\ntemperature: 0\nmax_tokens: 900\nmodel: small-model\narticle_chars: 1000'),
      'entry.md',
    );
    expect(p).toMatchObject({ name: 'entry', version: '2', temperature: 0, maxTokens: 900, model: 'small-model', articleChars: 1000 });
    expect(p.system).toBe('Rules for {{date}}.');
    expect(p.placeholders.sort()).toEqual(['article_ids', 'articles', 'date']);
    checkPromptVariables(p, 'entry', 'entry.md');
  });

  it('does not change what gray-matter cached (parsing twice gives the same result)', () => {
    const text = file('name: entry\nversion: 3');
    expect(parsePrompt(text, 'a.md')).toEqual(parsePrompt(text, 'a.md'));
  });

  it('rejects bad front matter, missing parts and unknown or missing placeholders, naming the file', () => {
    expect(() => parsePrompt(file('name: entry'), 'entry.md')).toThrow(/entry.md: front matter version/);
    expect(() => parsePrompt(file('name: entry\nversion: 1\ntemprature: 1'), 'entry.md')).toThrow(/unknown field\(s\) temprature/);
    expect(() => parsePrompt(file('name: entry\nversion: 1\ntemperature: 5'), 'entry.md')).toThrow(ConfigError);
    expect(() => parsePrompt(file('name: entry\nversion: 1', 'no roles here'), 'entry.md')).toThrow(/"# system" part and a "# user" part/);
    const unknown = parsePrompt(
      file('name: entry\nversion: 1', '# system\nx {{colour}}\n# user\n{{articles}} {{article_ids}}'),
      'entry.md',
    );
    expect(() => checkPromptVariables(unknown, 'entry', 'entry.md')).toThrow(/unknown placeholder\(s\) \{\{colour\}\}/);
    const missing = parsePrompt(file('name: entry\nversion: 1', '# system\nx\n# user\n{{article_ids}}'), 'entry.md');
    expect(() => checkPromptVariables(missing, 'entry', 'entry.md')).toThrow(/never uses \{\{articles\}\}/);
    const wrongName = parsePrompt(file('name: frame\nversion: 1'), 'entry.md');
    expect(() => checkPromptVariables(wrongName, 'entry', 'entry.md')).toThrow(/set name: entry/);
  });

  it('renders messages, and refuses a placeholder without a value', () => {
    const p = parsePrompt(file('name: entry\nversion: 1'), 'entry.md');
    expect(renderPrompt(p, { date: '2025-12-05', article_ids: 'A1', articles: '<article id="A1">x</article>' })).toEqual([
      { role: 'system', content: 'Rules for 2025-12-05.' },
      { role: 'user', content: 'Articles A1:\n<article id="A1">x</article>' },
    ]);
    expect(() => renderPrompt(p, { date: 'd' })).toThrow(/no value for \{\{article_ids\}\}/);
  });

  it('reads a prompts folder of your own', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'prompts-'));
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'entry.md'), file('name: entry\nversion: custom-1'));
      await expect(readPrompts(dir)).rejects.toThrow(/frame.md: cannot read the frame prompt \(ENOENT\)/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
