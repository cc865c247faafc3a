import { describe, expect, it } from 'vitest';
import { stripUnsafeChars } from '../../src/text/strip-unsafe-chars.js';

describe('stripUnsafeChars', () => {
  it('removes C0 controls but TAB and LF, DEL and C1 controls', () => {
    expect(stripUnsafeChars('a\u0000b\u0001c\u0008d\u001be\u001ff\u007fg\u0080h\u009ci\tj\nk')).toBe('abcdefghi\tj\nk');
  });

  it('turns line-breaking controls into LF, so the words on either side stay apart', () => {
    expect(stripUnsafeChars('a\r\nb\rc\u000bd\u000ce\u0085f\u2028g\u2029h')).toBe('a\nb\nc\nd\ne\nf\ng\nh');
  });

  it('removes noncharacters of every plane and lone surrogates, and keeps real pairs', () => {
    expect(stripUnsafeChars('a\ufffeb\uffffc\ufdd0d\ufdefe\u{1fffe}f\u{10ffff}g')).toBe('abcdefg');
    expect(stripUnsafeChars('x\ud800y\udc00z\udbff')).toBe('xyz');
    expect(stripUnsafeChars('emoji 😀 and 𠮷')).toBe('emoji 😀 and 𠮷');
  });

  it('removes bidi overrides, embeddings, isolates and marks, BOMs and tag characters', () => {
    // "Trojan Source": an override that shows "txt.exe" as "exe.txt"
    expect(stripUnsafeChars('report\u202etxt.exe')).toBe('reporttxt.exe');
    expect(stripUnsafeChars('\u202a1\u202b2\u202c3\u202d4\u20665\u20676\u20687\u20698\u200e9\u200f0\u061c!')).toBe('1234567890!');
    expect(stripUnsafeChars('\ufeffhidden\u{e0049}\u{e0067}\u{e006e}\u{e006f}\u{e0072}\u{e0065}')).toBe('hidden');
  });

  it('keeps ordinary text of every script, joiners and variation selectors', () => {
    const text = '台灣大學發表新模型 — Café naïve 👩‍💻 ❤️ שלום مرحبا\tend';
    expect(stripUnsafeChars(text)).toBe(text);
  });
});
