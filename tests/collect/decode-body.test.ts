import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/collect/decode-body.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

const BIG5_TITLE = '台灣大學發表新的人工智慧模型，繁體中文理解能力大幅提升';
const GBK_TITLE = '国产大模型发布新版本，推理能力明显提升';

describe('decodeBody', () => {
  it('decodes Big5 and GBK declared in the prolog', () => {
    const big5 = decodeBody(fixture('big5-declared.xml'));
    expect(big5).toMatchObject({ charset: 'big5', source: 'xml-prolog' });
    expect(big5.text).toContain(BIG5_TITLE);
    const gbk = decodeBody(fixture('gbk-declared.xml'));
    expect(gbk).toMatchObject({ charset: 'gb18030', source: 'xml-prolog' });
    expect(gbk.text).toContain(GBK_TITLE);
  });

  it('sniffs Big5 and GBK when nothing declares them', () => {
    const big5 = decodeBody(fixture('big5-undeclared.xml'));
    expect(big5).toMatchObject({ charset: 'big5', source: 'sniff' });
    expect(big5.text).toContain(BIG5_TITLE);
    const gbk = decodeBody(fixture('gbk-undeclared.xml'));
    expect(gbk).toMatchObject({ charset: 'gb18030', source: 'sniff' });
    expect(gbk.text).toContain(GBK_TITLE);
  });

  it('takes the charset from the HTTP header over the prolog', () => {
    const body = bytes('<?xml version="1.0" encoding="utf-8"?><t>', [0xa4, 0x48, 0xa4, 0x75], '</t>'); // 人工 in Big5
    const d = decodeBody(body, { 'content-type': 'application/rss+xml; charset="Big5"' });
    expect(d).toMatchObject({ charset: 'big5', source: 'header' });
    expect(d.text).toContain('<t>人工</t>');
  });

  it('lets a BOM win and strips it', () => {
    const d = decodeBody(bytes([0xef, 0xbb, 0xbf], '<t>Caf', [0xc3, 0xa9], '</t>'), { 'content-type': 'text/xml; charset=iso-8859-1' });
    expect(d).toEqual({ text: '<t>Café</t>', charset: 'utf-8', source: 'bom' });
    const le = decodeBody(new Uint8Array([0xff, 0xfe, ...Buffer.from('<t>é</t>', 'utf16le')]));
    expect(le.text).toBe('<t>é</t>');
  });

  it('recognises BOM-less UTF-16 and UTF-32 by their zero bytes', () => {
    expect(decodeBody(new Uint8Array(Buffer.from('<?xml version="1.0"?><t>智</t>', 'utf16le'))).text).toBe('<?xml version="1.0"?><t>智</t>');
    const be32 = new Uint8Array([...'<t>é</t>'].flatMap((c) => [0, 0, 0, c.codePointAt(0)!]));
    expect(decodeBody(be32).text).toBe('<t>é</t>');
  });

  it('believes UTF-8 bytes over a latin-1 label, and cp1252 bytes over a false UTF-8 label', () => {
    const utf8 = bytes('<?xml version="1.0" encoding="ISO-8859-1"?><t>Caf', [0xc3, 0xa9], '</t>');
    expect(decodeBody(utf8).text).toContain('Café');
    const cp1252 = bytes('<?xml version="1.0" encoding="utf-8"?><t>Euro ', [0x80], ' don', [0x92], 't</t>');
    expect(decodeBody(cp1252).text).toContain('Euro € don’t');
  });

  it('decodes windows-1252 per WHATWG (Node 20 alone decodes 0x80 as a control character)', () => {
    const d = decodeBody(bytes('<?xml version="1.0" encoding="windows-1252"?><t>', [0x80, 0x93, 0x94, 0xe9], '</t>'));
    expect(d.text).toContain('<t>€“”é</t>');
  });

  it('finds <meta charset> of HTML pages even after the first kilobyte', () => {
    const page = bytes('<html><head>', '<!-- padding -->'.repeat(100), '<meta charset="iso-8859-1"></head><body>Caf', [0xe9], '</body></html>');
    const d = decodeBody(page);
    expect(d.source).toBe('html-meta');
    expect(d.text).toContain('Café');
  });

  it('ignores bogus labels and still produces text', () => {
    const d = decodeBody(bytes('<?xml version="1.0" encoding="invalid"?><t>Caf', [0xc3, 0xa9], '</t>'));
    expect(d.text).toContain('Café');
  });
});
