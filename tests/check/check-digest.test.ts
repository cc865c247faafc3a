import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDigest } from '../../src/check/check-digest.js';
import { renderDigest } from '../../src/render/render-digest.js';
import { sampleDigest } from '../render/sample-digest.js';

const EXAMPLES = new URL('../../../shared/examples/', import.meta.url);
const hasExamples = existsSync(EXAMPLES);
const example = (name: string) => readFileSync(new URL(name, EXAMPLES), 'utf8');
const messages = (text: string) => checkDigest(text).map((v) => `${v.line}: ${v.message}`);

const good = renderDigest({ ...sampleDigest, frame: { ...sampleDigest.frame, keywords: 'abcdefgh'.split('').map((c) => `kw-${c}`) } });

describe('checkDigest on the example digests', () => {
  it.skipIf(!hasExamples)('2025-12-05: finds the non-URL link, the placeholders, the Simplified name and the story cited twice', () => {
    const m = messages(example('2025-12-05-ai-intel.md'));
    expect(m).toContain('57: link target "1" is not an absolute http(s) URL');
    expect(m.filter((x) => x.includes('placeholder entry')).map((x) => x.split(':')[0])).toEqual(['396', '547', '876', '963']);
    expect(m.some((x) => x.startsWith('64: Simplified characters') && x.includes('恺'))).toBe(true);
    expect(
      m.some(
        (x) => x.startsWith('904: URL https://techcrunch.com/2025/12/04/nexus-isnt-going-all-in-on-ai') && x.includes('same story twice'),
      ),
    ).toBe(true);
    // The structure itself conforms: all eight sections are found, in order.
    expect(m.filter((x) => x.includes('section'))).toEqual([]);
  });

  it.skipIf(!hasExamples)('2025-11-29: finds the non-URL links, the unquoted date and the URLs cited by two entries', () => {
    const m = messages(example('2025-11-29-ai-intel.md'));
    expect(m.filter((x) => x.includes('is not an absolute http(s) URL')).map((x) => x.split(':')[0])).toEqual(['221', '426', '491', '592']);
    expect(m).toContain('426: link target "TechCrunch-2025-11-27" is not an absolute http(s) URL');
    expect(m.some((x) => x.startsWith('7: date must be a quoted ISO 8601 time'))).toBe(true);
    expect(m.filter((x) => x.includes('same story twice'))).toHaveLength(2);
    expect(m.filter((x) => x.includes('section'))).toEqual([]);
  });

  it.skipIf(!hasExamples)('2025-12-12: finds a 來源 that is text, a link to "TechCrunch", and bare importance levels', () => {
    const m = messages(example('2025-12-12-ai-intel.md'));
    expect(m).toContain('695: link target "TechCrunch" is not an absolute http(s) URL');
    expect(m.some((x) => x.startsWith('845: **來源** holds text that is not a [name](url) link'))).toBe(true);
    expect(m.filter((x) => x.includes('**重要性** must be a level')).length).toBeGreaterThan(10);
    expect(m.filter((x) => x.includes('section'))).toEqual([]);
  });
});

describe('checkDigest on a rendered digest', () => {
  it('accepts a conforming digest', () => {
    expect(checkDigest(good)).toEqual([]);
  });

  it('reports a URL cited twice in one 來源 line, with its line number', () => {
    const bad = good.replace(
      '| [AI Business](https://aibusiness.com/generative-ai/snowflake-deal)',
      '| [AI Business](https://techcrunch.com/2025/12/04/anthropic-signs-200m-deal/)',
    );
    const line = bad.split('\n').findIndex((l) => l.startsWith('**來源**： [TechCrunch](https://techcrunch.com/2025/12/04/anthropic')) + 1;
    expect(messages(bad)).toContain(
      `${line}: URL https://techcrunch.com/2025/12/04/anthropic-signs-200m-deal/ appears twice in one **來源** line`,
    );
  });

  it('reports links that are not the URL of a collected article when the articles are known', () => {
    const v = checkDigest(good, { articleUrls: new Set(['https://techcrunch.com/2025/12/04/anthropic-signs-200m-deal/']) });
    expect(
      v.some((x) => x.message === 'link https://aibusiness.com/generative-ai/snowflake-deal is not the URL of a collected article'),
    ).toBe(true);
  });

  it('reports a missing section, a wrong watch list, an unquoted date and Simplified text', () => {
    const bad = good
      .replace('## 工具與資源（Tools & Resources）\n', '')
      .replace('5. 五  \n', '')
      .replace('date: "2025-12-05T06:45:04+08:00"', 'date: 2025-12-05T06:45:04+08:00')
      .replace('摘要。', '摘要软件。');
    const m = checkDigest(bad).map((v) => v.message);
    expect(m).toContain('missing section "## 工具與資源（Tools & Resources）"');
    expect(m).toContain('關注清單 has 4 items; it must have exactly 5');
    expect(m.some((x) => x.startsWith('date must be a quoted ISO 8601 time'))).toBe(true);
    expect(m.some((x) => x.startsWith('Simplified characters in a Traditional text: 软'))).toBe(true);
  });

  it('reports a bare importance level, a missing 來源 and a placeholder entry', () => {
    const bad = good
      .replace('**重要性**：高 — 三個來源同時報導。', '**重要性**：高')
      .replace('**來源**： [arXiv cs.CV](https://arxiv.org/abs/2512.02012)', '')
      .replace('### Meta 測試 AI 客服\n\n**核心摘要**  \n摘要。', '### Meta 測試 AI 客服\n\n（已列為今日焦點，此處不再重複。）');
    const m = checkDigest(bad).map((v) => v.message);
    expect(m.some((x) => x.startsWith('**重要性** must be a level'))).toBe(true);
    expect(m).toContain('entry "iMF 單步生成" lacks **來源**');
    expect(m.some((x) => x.startsWith('placeholder entry "Meta 測試 AI 客服"'))).toBe(true);
  });

  it('reports CRLF line endings and a missing final newline', () => {
    const m = checkDigest(good.replace('\n', '\r\n').trimEnd()).map((v) => v.message);
    expect(m).toContain('CR line ending; the file must use LF only');
    expect(m).toContain('file does not end with a newline');
  });
});
