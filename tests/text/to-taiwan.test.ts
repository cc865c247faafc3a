import { describe, expect, it } from 'vitest';
import { findSimplified, toTaiwan } from '../../src/text/to-taiwan.js';

describe('toTaiwan', () => {
  it('converts Simplified text to Taiwan wording', () => {
    expect(toTaiwan('何恺明团队发布训练范式，软件和数据')).toBe('何愷明團隊釋出訓練範式，軟體和資料');
  });
  it('leaves URLs, code spans and Latin names untouched', () => {
    const s = '见 [量子位](https://www.qbitai.com/2025/12/数据.html) 与 `软件` 及 https://例子.com/软件 GPT-5 发布';
    const out = toTaiwan(s);
    expect(out).toContain('(https://www.qbitai.com/2025/12/数据.html)');
    expect(out).toContain('`软件`');
    expect(out).toContain('https://例子.com/软件');
    expect(out).toContain('GPT-5 釋出');
    expect(out.startsWith('見')).toBe(true);
  });
  it('finds Simplified-only characters but not shared ones', () => {
    expect(findSimplified('何恺明的蚂蚁')).toEqual(['恺', '蚂', '蚁']);
    expect(findSimplified('台灣的里程碑，面向開發者')).toEqual([]);
    expect(findSimplified('[x](https://a.com/软件)')).toEqual([]);
  });
});
