import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { checkDigest } from '../../src/check/check-digest.js';
import { inline, renderDigest } from '../../src/render/render-digest.js';
import { sampleDigest } from './sample-digest.js';

const golden = readFileSync(new URL('./golden/sample-digest.md', import.meta.url), 'utf8');

describe('renderDigest', () => {
  it('renders the sample digest exactly as the reviewed golden file', () => {
    expect(renderDigest(sampleDigest)).toBe(golden);
  });

  it('writes front matter that a YAML 1.1 reader keeps as strings (yes stays "yes", the date stays text)', () => {
    const fm = renderDigest(sampleDigest).split('\n---\n')[0]!.slice(4);
    const data = parseDocument(fm, { version: '1.1' }).toJS();
    expect(data.tags).toContain('yes');
    expect(typeof data.date).toBe('string');
    expect(data.summary).toBe('涵蓋 Anthropic–Snowflake 與 "懺悔訓練"。');
  });

  it('keeps links safe: brackets in link text and parentheses in URLs cannot break the Markdown', () => {
    const md = renderDigest(sampleDigest);
    expect(md).toContain('[A ［bracketed］ title](https://example.com/a_%28b%29)');
    expect(md).toContain('[Tech ［Crunch］](https://techcrunch.com/2025/12/04/nexus/)');
  });

  it('folds model text into one line and strips Markdown block syntax from its start', () => {
    expect(inline('# 標題\n第二行')).toBe('標題 第二行');
    expect(inline('- 項目')).toBe('項目');
    expect(inline('---')).toBe('');
  });

  it('produces a digest the checker accepts', () => {
    expect(checkDigest(renderDigest({ ...sampleDigest, frame: { ...sampleDigest.frame, keywords: 'abcdefghij'.split('').map((c) => `kw-${c}`) } }))).toEqual([]);
  });
});
