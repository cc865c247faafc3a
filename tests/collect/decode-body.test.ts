import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBody, isMostlyUtf8, utf8Sequences } from '../../src/collect/decode-body.js';

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
    expect(decodeBody(new Uint8Array(Buffer.from('<?xml version="1.0"?><t>智</t>', 'utf16le'))).text).toBe(
      '<?xml version="1.0"?><t>智</t>',
    );
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
    const page = bytes(
      '<html><head>',
      '<!-- padding -->'.repeat(100),
      '<meta charset="iso-8859-1"></head><body>Caf',
      [0xe9],
      '</body></html>',
    );
    const d = decodeBody(page);
    expect(d.source).toBe('html-meta');
    expect(d.text).toContain('Café');
  });

  it('keeps UTF-8 with one stray byte as UTF-8 (it was read as windows-1251), and counts the replacement', () => {
    const utf8 = new Uint8Array(
      Buffer.from(`<rss><channel><title>${BIG5_TITLE}</title><item><title>${BIG5_TITLE}</title></item></channel></rss>`, 'utf8'),
    );
    const stray = new Uint8Array([...utf8.subarray(0, 20), 0xff, ...utf8.subarray(20)]);
    const sniffed = decodeBody(stray);
    expect(sniffed).toMatchObject({ charset: 'utf-8', source: 'sniff', replaced: 1 });
    expect(sniffed.text).toContain(`<title>${BIG5_TITLE}</title>`);
    expect(sniffed.text.match(/\ufffd/g)).toHaveLength(1);
    expect(decodeBody(stray, { 'content-type': 'application/rss+xml; charset=utf-8' })).toMatchObject({
      charset: 'utf-8',
      source: 'header',
      replaced: 1,
    });
    expect(decodeBody(stray, { 'content-type': 'text/xml; charset=iso-8859-1' })).toMatchObject({ charset: 'utf-8', replaced: 1 });
    // A truncated sequence (lead byte and one of two continuation bytes) is one replacement, as TextDecoder makes it.
    const truncated = new Uint8Array([...utf8.subarray(0, 20), 0xe5, 0x8f, ...utf8.subarray(20)]);
    expect(decodeBody(truncated)).toMatchObject({ charset: 'utf-8', replaced: 1 });
    // A real U+FFFD in the feed is not a replacement.
    expect(decodeBody(new Uint8Array(Buffer.from(`<t>${BIG5_TITLE}\ufffd</t>`, 'utf8'))).replaced).toBeUndefined();
  });

  it('does not take Big5, GBK or windows-1252 bytes for UTF-8 with a few errors', () => {
    for (const name of ['big5-undeclared.xml', 'gbk-undeclared.xml', 'big5-declared.xml', 'gbk-declared.xml'])
      expect(isMostlyUtf8(fixture(name))).toBe(false);
    const cp1252 = bytes('<t>Caf', [0xe9], ' cr', [0xe8], 'me br', [0xfb], 'l', [0xe9], 'e ', [0x93], 'quoted', [0x94], '</t>');
    expect(isMostlyUtf8(cp1252)).toBe(false);
    expect(decodeBody(cp1252).text).toContain('Café crème brûlée “quoted”');
    // Big5 with one invalid byte stays Big5: the bad byte is the replacement, not the whole feed.
    const big5 = fixture('big5-undeclared.xml');
    const at = big5.indexOf(0x3c, 100);
    const broken = new Uint8Array([...big5.subarray(0, at), 0x81, ...big5.subarray(at)]); // a lead byte with no trail byte
    const d = decodeBody(broken, { 'content-type': 'application/rss+xml; charset=big5' });
    expect(d).toMatchObject({ charset: 'big5', replaced: 1 });
    expect(d.text).toContain(BIG5_TITLE);
  });

  it('counts UTF-8 sequences the way the decoder replaces them', () => {
    expect(utf8Sequences(new Uint8Array(Buffer.from('aé人😀', 'utf8')))).toEqual({ valid: 3, invalid: 0 });
    // overlong, surrogate, lone continuation, lead at the end
    expect(utf8Sequences(new Uint8Array([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x80, 0xe4]))).toEqual({
      valid: 0,
      invalid: new TextDecoder().decode(new Uint8Array([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x80, 0xe4])).match(/\ufffd/g)!.length,
    });
  });

  it('ignores bogus labels and still produces text', () => {
    const d = decodeBody(bytes('<?xml version="1.0" encoding="invalid"?><t>Caf', [0xc3, 0xa9], '</t>'));
    expect(d.text).toContain('Café');
  });
});
