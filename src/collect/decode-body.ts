// Bytes → text. We decode ourselves because feeds lie about their charset in every possible way:
// a BOM is unambiguous and wins (as in the WHATWG encoding standard), and so does the zero-byte pattern of
// BOM-less UTF-16/32; then the HTTP header, then the XML
// prolog or HTML <meta>; each declaration is checked against the bytes before it is believed; the rest is sniffed.
// UTF-8 with a few bad bytes is still UTF-8: one stray 0xFF in a Chinese feed must cost one character (U+FFFD,
// counted in `replaced` so the feed can be warned about), not the whole feed read as windows-1251.

export type CharsetSource = 'bom' | 'header' | 'pattern' | 'xml-prolog' | 'html-meta' | 'sniff';

export interface DecodedBody {
  text: string;
  /** The WHATWG name of the charset used (`utf-8`, `big5`, `gbk`, `windows-1252`, ...). */
  charset: string;
  source: CharsetSource;
  /** Invalid byte sequences decoded as U+FFFD; absent when there were none. */
  replaced?: number;
}

/** Decodes a feed or page body; `headers` are lower-cased HTTP headers (only content-type is read). */
export function decodeBody(bytes: Uint8Array, headers: Record<string, string> = {}): DecodedBody {
  const bom = bomCharset(bytes);
  if (bom) return finish(bytes.subarray(bom.length), bom.charset, 'bom');

  const declared: Array<{ label: string; source: CharsetSource }> = [];
  // Zero bytes in the first characters cannot be ASCII-compatible, whatever a header says.
  const pattern = wideCharsetFromPattern(bytes);
  if (pattern) declared.push({ label: pattern, source: 'pattern' });
  const header = headerCharset(headers['content-type']);
  if (header) declared.push({ label: header, source: 'header' });
  const head = latin1(bytes.subarray(0, 65_536));
  const prolog = /^\s*<\?xml[^>]*?encoding\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/.exec(head.slice(0, 1024))?.[1];
  if (prolog) declared.push({ label: prolog, source: 'xml-prolog' });
  // Pages may put <meta charset> after the first kilobyte (miniflux's meta-after-1024 cases): scan 64 KB.
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head)?.[1];
  if (meta) declared.push({ label: meta, source: 'html-meta' });

  for (const { label, source } of declared) {
    const charset = normaliseLabel(label);
    if (!charset) continue; // unknown or bogus label ("invalid"): ignore it, as browsers do
    const checked = checkDeclared(bytes, charset, source);
    if (checked) return finish(bytes, checked, source);
  }
  return finish(bytes, sniffCharset(bytes), 'sniff');
}

interface Bom {
  charset: string;
  length: number;
}

function bomCharset(b: Uint8Array): Bom | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return { charset: 'utf-32be', length: 4 };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00) return { charset: 'utf-32le', length: 4 };
  if (b[0] === 0xfe && b[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  if (b[0] === 0xff && b[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  return null;
}

/** UTF-16/32 without a BOM, recognised by where the zero bytes of the first `<` fall (XML 1.0, appendix F). */
function wideCharsetFromPattern(b: Uint8Array): string | null {
  if (b.length < 4) return null;
  const [a, c, d, e] = [b[0], b[1], b[2], b[3]];
  if (a === 0 && c === 0 && d === 0 && e !== 0) return 'utf-32be';
  if (a !== 0 && c === 0 && d === 0 && e === 0) return 'utf-32le';
  if (a === 0 && c !== 0 && d === 0 && e !== 0) return 'utf-16be';
  if (a !== 0 && c === 0 && d !== 0 && e === 0) return 'utf-16le';
  return null;
}

function headerCharset(contentType: string | undefined): string | null {
  if (!contentType) return null;
  return /charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(contentType)?.[1] ?? null;
}

/** The WHATWG name for a label, or null when TextDecoder does not know it. UTF-32 we decode ourselves. */
export function normaliseLabel(label: string): string | null {
  const l = label.trim().toLowerCase();
  if (l === 'utf-32' || l === 'utf32' || l === 'ucs-4' || l === 'utf-32be') return 'utf-32be';
  if (l === 'utf-32le') return 'utf-32le';
  // x-mac-roman & co. are too rare to matter; gb2312 and gbk are decoded as gb18030, their superset.
  if (l === 'gb2312' || l === 'gbk' || l === 'x-gbk' || l === 'cp936' || l === 'gb18030') return 'gb18030';
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
}

const SINGLE_BYTE = /^(windows-125\d|iso-8859-\d+|koi8-[ru]|ibm866|macintosh|x-mac-cyrillic)$/;

/**
 * Is the declaration believable for these bytes? Returns the charset to use or null to try the next one.
 * Declarations are wrong in predictable ways: UTF-8 bytes labelled latin-1 (servers default to it), and
 * "UTF-8" on bytes that are not.
 */
function checkDeclared(bytes: Uint8Array, charset: string, source: CharsetSource): string | null {
  if (charset.startsWith('utf-16') || charset.startsWith('utf-32')) {
    // A prolog or header we could read as ASCII cannot be right about a 2- or 4-byte encoding.
    const pattern = wideCharsetFromPattern(bytes);
    if (source === 'pattern') return charset;
    if (!pattern) return null;
    return pattern.slice(0, 6) === charset.slice(0, 6) ? pattern : null;
  }
  if (charset === 'utf-8') return isMostlyUtf8(bytes) ? 'utf-8' : null;
  if (SINGLE_BYTE.test(charset) && hasHighBytes(bytes) && isMostlyUtf8(bytes)) return 'utf-8';
  if (!SINGLE_BYTE.test(charset) && !fatalOk(bytes, charset) && isMostlyUtf8(bytes)) return 'utf-8';
  return charset;
}

function finish(bytes: Uint8Array, charset: string, source: CharsetSource): DecodedBody {
  let text = charset.startsWith('utf-32')
    ? decodeUtf32(bytes, charset === 'utf-32le')
    : charset === 'windows-1252'
      ? decodeWindows1252(bytes)
      : new TextDecoder(charset).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // UTF-8 is counted on the bytes (a real U+FFFD in the feed is not a replacement); other charsets by the
  // U+FFFDs of the decoding, which they can rarely encode themselves.
  const replaced = charset === 'utf-8' ? utf8Sequences(bytes).invalid : countReplacements(text);
  return replaced > 0 ? { text, charset, source, replaced } : { text, charset, source };
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/**
 * Valid multi-byte sequences and invalid ones (each one U+FFFD, counted as the WHATWG decoder replaces them:
 * a lead byte with the valid start of its sequence is one error).
 */
export function utf8Sequences(b: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < b.length;) {
    const x = b[i]!;
    if (x < 0x80) {
      i++;
      continue;
    }
    const need = x >= 0xc2 && x <= 0xdf ? 1 : x >= 0xe0 && x <= 0xef ? 2 : x >= 0xf0 && x <= 0xf4 ? 3 : 0;
    if (need === 0) {
      invalid++;
      i++;
      continue;
    }
    // The second byte's range is narrower after E0, ED, F0 and F4 (no overlong forms, surrogates or > U+10FFFF).
    let lo = x === 0xe0 ? 0xa0 : x === 0xf0 ? 0x90 : 0x80;
    let hi = x === 0xed ? 0x9f : x === 0xf4 ? 0x8f : 0xbf;
    let j = 1;
    for (; j <= need; j++) {
      const y = b[i + j];
      if (y === undefined || y < lo || y > hi) break;
      lo = 0x80;
      hi = 0xbf;
    }
    if (j > need) valid++;
    else invalid++;
    i += j;
  }
  return { valid, invalid };
}

/**
 * UTF-8 with at most a few bad bytes: at least 8 valid multi-byte characters and no more than one bad sequence
 * for every 20 of them. Text in any other charset read as UTF-8 has far more bad sequences than good ones
 * (measured on the Big5, GBK, KOI8-R and windows-125x fixtures: good ones are rare), so this does not mistake them.
 */
export function isMostlyUtf8(bytes: Uint8Array): boolean {
  const { valid, invalid } = utf8Sequences(bytes);
  return invalid === 0 || (valid >= 8 && invalid * 20 <= valid);
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function hasHighBytes(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i]! >= 0x80) return true;
  return false;
}

function fatalOk(bytes: Uint8Array, charset: string): boolean {
  try {
    new TextDecoder(charset, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function isUtf8(bytes: Uint8Array): boolean {
  return fatalOk(bytes, 'utf-8');
}

// Node 20's TextDecoder decodes windows-1252 (and so iso-8859-1, which WHATWG maps to it) as plain latin-1:
// bytes 0x80–0x9F come out as C1 control characters instead of € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  return latin1(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function decodeUtf32(b: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out: string[] = [];
  for (let i = 0; i + 3 < b.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    out.push(cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\ufffd');
  }
  return out.join('');
}

// The most frequent Chinese characters, in both scripts: right decodings of Chinese text are full of them,
// wrong ones (Big5 bytes read as GBK or the other way) almost never hit them.
const COMMON_HAN = new Set(
  '的一是不了在人有我他這这個个們们中來来上大為为和國国地到以說说時时要就出會会可也你對对生能而子那得於于著着下自之年過过發发後后作裡里用道行所然家種种事成方多經经麼么去法學学如都同現现當当沒没動动面起看定天分還还進进好小部其些主樣样理心她本前開开但因只從从想實实日新業业技術术智慧模型數数據据網网路電电腦脑公司資资訊讯台灣湾科研究報报導导今將将與与及或更最等已並并',
);
/** Cyrillic letters that make up most of Russian text, lower case (upper case dominates in a wrong decoding). */
const COMMON_CYRILLIC = new Set('оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё');

/** Guesses the charset of undeclared (or wrongly declared) bytes. */
export function sniffCharset(bytes: Uint8Array): string {
  if (!hasHighBytes(bytes) || isMostlyUtf8(bytes)) return 'utf-8';
  // Latin text has isolated high bytes (Café); CJK and Cyrillic have runs of them.
  let high = 0;
  let paired = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    high++;
    if ((i > 0 && bytes[i - 1]! >= 0x80) || (i + 1 < bytes.length && bytes[i + 1]! >= 0x80)) paired++;
  }
  if (paired / high < 0.5) return 'windows-1252';
  let best = { charset: 'windows-1252', score: 0.1 };
  for (const charset of ['gb18030', 'big5', 'euc-kr', 'shift_jis']) {
    const score = scoreDecoding(
      bytes,
      charset,
      (ch) =>
        COMMON_HAN.has(ch) ||
        (charset === 'euc-kr' && /[\uac00-\ud7a3]/.test(ch)) ||
        (charset === 'shift_jis' && /[\u3040-\u30ff]/.test(ch)),
    );
    if (score > best.score) best = { charset, score };
  }
  if (best.charset !== 'windows-1252') return best.charset;
  for (const charset of ['windows-1251', 'koi8-r']) {
    const score = scoreDecoding(bytes, charset, (ch) => COMMON_CYRILLIC.has(ch));
    if (score > best.score + 0.2) best = { charset, score };
  }
  return best.charset;
}

/** Share of the non-ASCII characters of the decoding that `good` accepts; 0 when the bytes are invalid. */
function scoreDecoding(bytes: Uint8Array, charset: string, good: (ch: string) => boolean): number {
  let text: string;
  try {
    text = new TextDecoder(charset, { fatal: true }).decode(bytes);
  } catch {
    return 0;
  }
  let total = 0;
  let hits = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    total++;
    if (good(ch)) hits++;
  }
  return total === 0 ? 0 : hits / total;
}
