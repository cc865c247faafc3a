// The cover card: a well-formed 1200×630 SVG with the date, the escaped title and at most six keywords,
// read back from a rendered digest by coverInputFromMarkdown.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  COVER_FONT_FAMILY,
  coverFileName,
  coverImagePath,
  coverInputFromMarkdown,
  escapeXml,
  renderCover,
} from '../../src/render/render-cover.js';
import { renderDigest } from '../../src/render/render-digest.js';
import { sampleDigest } from './sample-digest.js';

interface SvgText {
  '#text'?: string | number;
  '@_font-size'?: string;
}

/** Every <text> of the card, in document order, as the XML parser reads them back (entities decoded). */
function texts(svg: string): { text: string; size: number }[] {
  const doc = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'text' || name === 'g',
    processEntities: true,
    htmlEntities: false,
  }).parse(svg);
  const out: { text: string; size: number }[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'text') for (const t of value as SvgText[]) out.push({ text: String(t['#text'] ?? ''), size: Number(t['@_font-size']) });
      else if (!key.startsWith('@_')) (Array.isArray(value) ? value : [value]).forEach(walk);
    }
  };
  walk(doc.svg);
  return out;
}

const base = { date: '2025-12-05', title: '資料平台與代理人工智慧的轉捩點', keywords: ['Agentic AI', '前沿 AI 代理', '單步生成模型'] };

describe('renderCover', () => {
  it('is a well-formed 1200×630 SVG document with the date and the title', () => {
    const svg = renderCover(base);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(
      svg.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630"',
      ),
    ).toBe(true);
    expect(svg.endsWith('</svg>\n')).toBe(true);
    const all = texts(svg).map((t) => t.text);
    expect(all).toContain('2025/12/05（五）');
    expect(all).toContain(base.title);
    expect(all).toEqual(expect.arrayContaining(base.keywords));
  });

  it('escapes markup in the title and keywords, so the text reads back exactly', () => {
    const title = `<script>"x" & 'y'`;
    const svg = renderCover({ date: '2025-12-05', title, keywords: ['R&D', '<b>', `"q"`] });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain(escapeXml(title));
    const all = texts(svg).map((t) => t.text);
    expect(all).toContain(title);
    expect(all).toEqual(expect.arrayContaining(['R&D', '<b>', '"q"']));
  });

  it('drops characters XML cannot hold (controls, lone surrogates) instead of breaking the document', () => {
    const svg = renderCover({ date: '2025-12-05', title: 'bad\u0001 \u0008title \uD800x', keywords: ['k\u001F'] });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(texts(svg).map((t) => t.text)).toEqual(expect.arrayContaining(['bad title x', 'k']));
  });

  it('draws at most six keywords', () => {
    const keywords = ['一一', '二二', '三三', '四四', '五五', '六六', '七七', '八八'];
    const all = texts(renderCover({ ...base, keywords })).map((t) => t.text);
    expect(all.filter((t) => keywords.includes(t))).toEqual(keywords.slice(0, 6));
  });

  it('wraps a long title onto at most three lines inside the card, cutting the rest with …', () => {
    const title = '這是一個非常非常長的標題，'.repeat(12);
    const svg = renderCover({ ...base, title });
    const lines = texts(svg).filter((t) => t.size >= 48);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines.at(-1)!.text.endsWith('…')).toBe(true);
    // CJK glyphs are at most 1 em wide: every line fits the 1040 px between the margins.
    for (const l of lines) expect([...l.text].length * l.size).toBeLessThanOrEqual(1040);
    expect(
      title.startsWith(
        lines
          .map((l) => l.text)
          .join('')
          .replace(/…$/, ''),
      ),
    ).toBe(true);
  });

  it('keeps a Latin word whole when it wraps', () => {
    const title = 'Anthropic Snowflake partnership brings Claude models to enterprise data platforms worldwide';
    const lines = texts(renderCover({ ...base, title })).filter((t) => t.size >= 48);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((l) => l.text).join(' ')).toBe(title);
  });

  it('names CJK-capable fonts, and a generic family last', () => {
    const svg = renderCover(base);
    expect(svg).toContain(`font-family="${COVER_FONT_FAMILY}"`);
    expect(COVER_FONT_FAMILY).toMatch(/Noto Sans CJK TC/);
    expect(COVER_FONT_FAMILY).toMatch(/Microsoft JhengHei/);
    expect(COVER_FONT_FAMILY).toMatch(/sans-serif$/);
  });

  it('is deterministic, and still a card with no title or keywords', () => {
    expect(renderCover(base)).toBe(renderCover(base));
    const svg = renderCover({ date: '2025-12-05', title: '', keywords: [] });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('<rect x="80"');
  });

  it('names the file the front matter points at', () => {
    expect(coverFileName('2025-12-05')).toBe('2025-12-05-ai-intel.svg');
    expect(coverImagePath('2025-12-05')).toBe('/images/2025-12-05-ai-intel.svg');
  });
});

describe('coverInputFromMarkdown', () => {
  it('reads the title (without the date suffix) and the keywords back from a rendered digest', () => {
    const md = renderDigest(sampleDigest);
    expect(coverInputFromMarkdown(md, '2025-12-05')).toEqual({
      date: '2025-12-05',
      title: '資料平台與代理人工智慧',
      keywords: ['Agentic AI', '單步生成'],
    });
  });

  it('gives an empty title and no keywords for text that is not a digest', () => {
    expect(coverInputFromMarkdown('just text\n', '2025-12-05')).toEqual({ date: '2025-12-05', title: '', keywords: [] });
    expect(coverInputFromMarkdown('---\ntitle: [unclosed\n---\n', '2025-12-05')).toEqual({ date: '2025-12-05', title: '', keywords: [] });
  });
});
