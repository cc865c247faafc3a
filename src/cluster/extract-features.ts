// Turns one article into weighted sparse features. Everything is lower-case and NFKC-normalised, Simplified Han
// characters are folded to Traditional so a Simplified and a Traditional report of one story share bigrams.
//
// Feature keys carry a prefix for their kind:
//   w:<stem>    a Latin-script word (English words, and names inside Chinese text: "openai", "gpt5.1")
//   c:<bigram>  two adjacent Han characters
//   #:<amount>  an amount: a number with a currency, scale or percent ("#:200000000", "#:%40")
//   n:<number>  any other number worth keeping ("n:1.72", "n:358")
//   id:<arxiv>  an arXiv identifier (the paper and the blog post about it meet here)
// Latin words, numbers and ids are the "universal" kinds: they survive translation.

import STCharacters from 'opencc-js/dict/STCharacters';
import { findAmounts } from './find-amounts.js';
import { stemWord } from './stem-word.js';
import { CJK_STOP_CHARS, ENGLISH_STOP_WORDS } from './stop-words.js';

export interface FeatureInput {
  title: string;
  text?: string;
  url?: string;
}

export type FeatureKind = 'w' | 'c' | '#' | 'n' | 'id';

/** Numeric codes of the feature kinds (Vocabulary.kinds). */
export const KIND_CODE = { w: 0, c: 1, '#': 2, n: 3, id: 4 } as const satisfies Record<FeatureKind, number>;
const DIGIT = /\d/;

/**
 * The features of one run, interned: each distinct feature gets an integer id the first time it is seen (so ids, and
 * everything after, follow input order). One map per kind keeps "w:" keys from being built for every token.
 */
export class Vocabulary {
  /** Term id → feature key (`w:openai`, `c:模型`, `#:200000000`, `id:2512.02012`). */
  readonly terms: string[] = [];
  /** Term id → the first surface form seen (for readable keywords: "gpt-5.1", "launches"). */
  readonly surface: string[] = [];
  /** Term id → its kind (KIND_CODE), so later stages need not look at the key strings. */
  readonly kinds: number[] = [];
  /** Term id → 1 when the feature key holds an ASCII digit. */
  readonly digits: number[] = [];
  private readonly maps = {
    w: new Map<string, number>(),
    c: new Map<string, number>(),
    '#': new Map<string, number>(),
    n: new Map<string, number>(),
    id: new Map<string, number>(),
  };
  // Token → id of its stem, in an open-addressing hash table over the token's characters: a known token is found
  // without cutting it out of the text, and without a Map or an object per entry (string slicing, hashing and Map
  // lookups per token dominated the run time). The stored token is compared to confirm a hit.
  private wordSlots: Int32Array = new Int32Array(1 << 16).fill(-1);
  private readonly wordTokens: string[] = [];
  private readonly wordIds: number[] = [];
  private readonly wordHashes: number[] = [];
  // Han bigram → id, the same kind of table keyed by the two UTF-16 codes.
  private bigramSlots: Int32Array = new Int32Array(1 << 14).fill(-1);
  private readonly bigramKeys: number[] = [];
  private readonly bigramIds: number[] = [];
  /** Scratch counters for extractFeatures (per field, per article). */
  readonly fieldCounts = new Counter();
  readonly docWeights = new Counter();
  /** Storage for the features' ids and weights (and the vectors built from them). */
  readonly intPool = new Int32Pool();
  readonly floatPool = new Float64Pool();
  private scratchKeys = new Float64Array(1024);
  private scratchValues = new Float64Array(1024);

  /** Scratch arrays for sorting an article's n terms. */
  sortScratch(n: number): { keys: Float64Array; values: Float64Array } {
    if (n > this.scratchKeys.length) {
      this.scratchKeys = new Float64Array(2 * n);
      this.scratchValues = new Float64Array(2 * n);
      this.scratch = { keys: this.scratchKeys, values: this.scratchValues };
    }
    return this.scratch;
  }
  private scratch = { keys: this.scratchKeys, values: this.scratchValues };

  /**
   * The id of the Latin word text[start, end), stemmed ("launches" → `w:launch`), or -1 for a stop word.
   * `hash` is any 32-bit hash of the token's characters (the scanner computes it on the way).
   */
  word(text: string, start: number, end: number, hash: number, hasDigit = false): number {
    const len = end - start;
    const mask = this.wordSlots.length - 1;
    let slot = hash & mask;
    for (let e = this.wordSlots[slot]!; e >= 0; e = this.wordSlots[slot]!) {
      const token = this.wordTokens[e]!;
      if (this.wordHashes[e] === hash && token.length === len && text.startsWith(token, start)) return this.wordIds[e]!;
      slot = (slot + 1) & mask;
    }
    const token = text.slice(start, end);
    // Stop words are remembered as -1, so they too are recognised without slicing.
    // A token with digits is a name or a code ("h100", "tapako9"): nothing to stem.
    const id = ENGLISH_STOP_WORDS.has(token) ? -1 : this.id('w', hasDigit ? token : stemWord(token), token);
    this.wordSlots[slot] = this.wordTokens.length;
    this.wordTokens.push(token);
    this.wordIds.push(id);
    this.wordHashes.push(hash);
    if (this.wordTokens.length * 2 > this.wordSlots.length) this.wordSlots = rehash(this.wordSlots, this.wordHashes);
    return id;
  }

  /** The id of the Han bigram of the two UTF-16 codes a and b. */
  bigram(a: number, b: number): number {
    const key = a * 65536 + b;
    const hash = Math.imul(a, 0x9e3779b1) ^ b;
    const mask = this.bigramSlots.length - 1;
    let slot = hash & mask;
    for (let e = this.bigramSlots[slot]!; e >= 0; e = this.bigramSlots[slot]!) {
      if (this.bigramKeys[e] === key) return this.bigramIds[e]!;
      slot = (slot + 1) & mask;
    }
    const bg = String.fromCharCode(a, b);
    const id = this.id('c', bg, bg);
    this.bigramSlots[slot] = this.bigramKeys.length;
    this.bigramKeys.push(key);
    this.bigramIds.push(id);
    if (this.bigramKeys.length * 2 > this.bigramSlots.length) {
      this.bigramSlots = rehash(
        this.bigramSlots,
        this.bigramKeys.map((k) => Math.imul(Math.floor(k / 65536), 0x9e3779b1) ^ (k % 65536)),
      );
    }
    return id;
  }

  id(kind: FeatureKind, key: string, shown: string): number {
    const m = this.maps[kind];
    let t = m.get(key);
    if (t === undefined) {
      t = this.terms.length;
      m.set(key, t);
      this.terms.push(kind + ':' + key);
      this.surface.push(shown);
      this.kinds.push(KIND_CODE[kind]);
      // (The kind prefixes hold no digit, so this is "the feature key has a digit".)
      this.digits.push(kind === 'c' ? 0 : DIGIT.test(key) ? 1 : 0);
    }
    return t;
  }
}

// A table twice the size, every entry placed again by its hash (linear probing).
function rehash(slots: Int32Array, hashes: readonly number[]): Int32Array {
  const grown = new Int32Array(slots.length * 2).fill(-1);
  const mask = grown.length - 1;
  for (let e = 0; e < hashes.length; e++) {
    let slot = hashes[e]! & mask;
    while (grown[slot]! >= 0) slot = (slot + 1) & mask;
    grown[slot] = e;
  }
  return grown;
}

export interface ArticleFeatures {
  /** Term ids (in the run's Vocabulary), each once, ascending. */
  ids: Int32Array;
  /** Term frequency weight of each id (fields already weighted). */
  tfs: Float64Array;
  /** True when the title is written mainly in Han characters. */
  cjk: boolean;
}

// Scratch space for counting terms without a map per article: a small open-addressing table of (term id, value),
// emptied after each field / article. Small and local on purpose: a dense array over the whole vocabulary made every
// count a cache miss.
class Counter {
  private keys = new Int32Array(256).fill(-1);
  private vals = new Float64Array(256);
  /** Slots in use, in order of first use. */
  private used: number[] = [];

  add(t: number, x: number): void {
    const mask = this.keys.length - 1;
    let slot = Math.imul(t, 0x9e3779b1) & mask;
    for (let k = this.keys[slot]!; k >= 0; k = this.keys[slot]!) {
      if (k === t) {
        this.vals[slot]! += x;
        return;
      }
      slot = (slot + 1) & mask;
    }
    this.keys[slot] = t;
    this.vals[slot] = x;
    this.used.push(slot);
    if (this.used.length * 2 > this.keys.length) this.grow();
  }

  /** Adds weight·(1 + ln value) of every entry to `into`, in order of first use, and empties the counter. */
  drainSublinear(into: Counter, weight: number): void {
    const used = this.used;
    for (let k = 0; k < used.length; k++) {
      const slot = used[k]!;
      into.add(this.keys[slot]!, weight * (1 + Math.log(this.vals[slot]!)));
      this.keys[slot] = -1;
    }
    used.length = 0;
  }

  /** Writes entry k (in order of first use) as key t·65536 + k and value, and empties the counter. */
  drainInto(keys: Float64Array, values: Float64Array): void {
    const used = this.used;
    for (let k = 0; k < used.length; k++) {
      const slot = used[k]!;
      keys[k] = this.keys[slot]! * 65536 + k;
      values[k] = this.vals[slot]!;
      this.keys[slot] = -1;
    }
    used.length = 0;
  }

  get size(): number {
    return this.used.length;
  }

  private grow(): void {
    const entries = this.used.map((slot) => [this.keys[slot]!, this.vals[slot]!] as const);
    this.keys = new Int32Array(this.keys.length * 2).fill(-1);
    this.vals = new Float64Array(this.keys.length);
    this.used = [];
    for (const [t, v] of entries) this.add(t, v);
  }
}

export interface FeatureWeights {
  title: number;
  text: number;
  slug: number;
  /** Characters of body text used (the lead carries the story; the rest adds noise and time). */
  textChars: number;
}

export const DEFAULT_FEATURE_WEIGHTS: FeatureWeights = { title: 3, text: 1, slug: 1, textChars: 1500 };

// Simplified → Traditional, one UTF-16 code to one (the BMP characters news text uses); 0 = unchanged.
let simplifiedToTraditional: Uint16Array | undefined;
function s2t(): Uint16Array {
  if (!simplifiedToTraditional) {
    simplifiedToTraditional = new Uint16Array(65536);
    for (const entry of (STCharacters as string).split('|')) {
      const [from, to] = entry.split(' ');
      if (from && to && from !== to && from.length === 1 && to.length === 1) simplifiedToTraditional[from.charCodeAt(0)] = to.charCodeAt(0);
    }
  }
  return simplifiedToTraditional;
}

const HAN = /\p{Script=Han}/u;
const ARXIV_ID = /(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d.])/g;

/** Normalises text for matching: NFKC (full-width → ASCII), lower case, Simplified → Traditional characters. */
export function normalizeText(text: string): string {
  // Plain ASCII needs no Unicode normalisation (most English text): skip the costly part.
  if (ASCII_ONLY.test(text)) {
    const lower = text.toLowerCase();
    return lower.includes('`') ? lower.replace(/`/g, "'") : lower;
  }
  const nfkc = text.normalize('NFKC').toLowerCase().replace(/[’‘`]/g, "'");
  if (!HAN.test(nfkc)) return nfkc;
  const map = s2t();
  // Most text needs no folding at all (Traditional already): then the string itself is the answer.
  let folds = false;
  for (let k = 0; k < nfkc.length && !folds; k++) folds = map[nfkc.charCodeAt(k)]! !== 0;
  if (!folds) return nfkc;
  if (foldScratch.length < nfkc.length) foldScratch = new Uint16Array(2 * nfkc.length);
  const codes = foldScratch;
  for (let k = 0; k < nfkc.length; k++) {
    const c = nfkc.charCodeAt(k);
    codes[k] = map[c] || c;
  }
  let out = '';
  for (let k = 0; k < nfkc.length; k += 8192)
    out += String.fromCharCode.apply(null, codes.subarray(k, Math.min(nfkc.length, k + 8192)) as unknown as number[]);
  return out;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;
let foldScratch = new Uint16Array(4096);

export function isCjkTitle(title: string): boolean {
  let han = 0;
  let latin = 0;
  for (let k = 0; k < title.length; k++) {
    const c = title.charCodeAt(k);
    if (isHan(c)) han++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  // Chinese titles carry Latin names ("OpenAI 推出 GPT-5.1"); one Han character per four Latin letters is plenty.
  return han >= 2 && han * 4 >= latin;
}

export function extractFeatures(input: FeatureInput, vocab: Vocabulary, fw: FeatureWeights = DEFAULT_FEATURE_WEIGHTS): ArticleFeatures {
  addField(vocab, input.title, fw.title);
  if (input.text) addField(vocab, input.text.length > fw.textChars ? input.text.slice(0, fw.textChars) : input.text, fw.text);
  if (input.url) addSlug(vocab, input.url, fw.slug);
  // Ascending term ids (a native sort of packed (id, position) keys), the order every sparse vector keeps. The keys
  // and values live in scratch arrays, the result in views of pooled chunks: a fresh ArrayBuffer per article made
  // the young-generation collections of a cold process the largest single cost of extraction.
  const n = vocab.docWeights.size;
  const scratch = vocab.sortScratch(n);
  const keys = scratch.keys;
  const values = scratch.values;
  vocab.docWeights.drainInto(keys, values);
  keys.subarray(0, n).sort();
  const ids = vocab.intPool.take(n);
  const tfs = vocab.floatPool.take(n);
  for (let r = 0; r < n; r++) {
    const pos = keys[r]! % 65536;
    ids[r] = (keys[r]! - pos) / 65536;
    tfs[r] = values[pos]!;
  }
  return { ids, tfs, cjk: isCjkTitle(input.title) };
}

/** Fixed-size views cut from large chunks (one ArrayBuffer per chunk instead of one per vector). */
class TypedPool<T extends Int32Array | Float64Array> {
  private chunk: T;
  private used = 0;
  constructor(
    private readonly make: (n: number) => T,
    private readonly chunkSize = 1 << 16,
  ) {
    this.chunk = make(0);
  }
  take(n: number): T {
    if (this.used + n > this.chunk.length) {
      this.chunk = this.make(Math.max(this.chunkSize, n));
      this.used = 0;
    }
    const view = this.chunk.subarray(this.used, this.used + n) as T;
    this.used += n;
    return view;
  }
}

export class Int32Pool extends TypedPool<Int32Array> {
  constructor(chunkSize?: number) {
    super((n) => new Int32Array(n), chunkSize);
  }
}

export class Float64Pool extends TypedPool<Float64Array> {
  constructor(chunkSize?: number) {
    super((n) => new Float64Array(n), chunkSize);
  }
}

// Social handles ("via @sejournal, @MattGSouthern") name the outlet or author, not the story: two articles by one
// author would otherwise share their rarest words.
const HANDLES = /(?:\bvia\s+)?@[a-z0-9_]+(?:\s*,\s*@[a-z0-9_]+)*/g;

function addField(vocab: Vocabulary, raw: string, fieldWeight: number): void {
  if (!raw || fieldWeight <= 0) return;
  let text = normalizeText(raw);
  if (text.includes('@')) text = text.replace(HANDLES, ' ');
  const counts = vocab.fieldCounts;

  // One pass over the characters (a hand-written scanner: regex match objects dominated the run time).
  // Latin tokens are [a-z0-9] runs that may continue with ".<digit>" ("gpt5.1", "3.2"); a word directly followed by
  // a number is also joined ("gpt-5.1", "gpt 5.1" → "gpt5.1"); Han runs give bigrams.
  let sawDigit = false;
  let prevWord = '';
  let prevStart = 0;
  let prevEnd = -10;
  const len = text.length;
  let p = 0;
  while (p < len) {
    const c = text.charCodeAt(p);
    if (isLatin(c)) {
      const start = p;
      let hasDigit = false;
      let hasAlpha = false;
      let hash = 0;
      while (p < len) {
        const d = text.charCodeAt(p);
        if (d >= 97 && d <= 122) hasAlpha = true;
        else if (d >= 48 && d <= 57) hasDigit = true;
        else if (!(d === 46 && p + 1 < len && isDigit(text.charCodeAt(p + 1)) && hasDigit)) break;
        hash = (Math.imul(hash, 31) + d) | 0;
        p++;
      }
      if (hasDigit) sawDigit = true;
      if (!isDigit(c)) {
        // Letters first: a word. Stop words and one-letter tokens are not features.
        const t = p - start >= 2 ? vocab.word(text, start, p, hash, hasDigit) : -1;
        if (t >= 0) counts.add(t, 1);
        // Remembered for joining with a following number ("gpt 5"); only when one comes, so slice lazily.
        prevWord = t >= 0 || p - start === 1 ? '\u0000' : '';
        prevStart = start;
        prevEnd = p;
        continue;
      }
      const tok = text.slice(start, p);
      const gap = start - prevEnd;
      if (prevWord && (gap === 0 || (gap === 1 && (text[prevEnd] === '-' || text[prevEnd] === ' ')))) {
        const word = text.slice(prevStart, prevEnd);
        counts.add(vocab.id('w', word + tok, word + '-' + tok), 1);
      } else if (hasAlpha && !AMOUNT_TOKEN.test(tok)) {
        // Mixed tokens that start with a digit ("4o", "3d"); "13bn" and "7b" are amounts, handled below.
        counts.add(vocab.id('w', tok, tok), 1);
      }
      prevWord = '';
      continue;
    }
    if (isHan(c)) {
      const start = p;
      while (p < len && isHan(text.charCodeAt(p))) p++;
      for (let k = start; k + 1 < p; k++) {
        const a = text.charCodeAt(k);
        const b = text.charCodeAt(k + 1);
        if (CJK_STOP_CODES.has(a) || CJK_STOP_CODES.has(b)) continue;
        counts.add(vocab.bigram(a, b), 1);
      }
      prevWord = '';
      continue;
    }
    p++;
  }

  if (sawDigit) {
    const amounts = findAmounts(text);
    for (let k = 0; k < amounts.length; k++) {
      const a = amounts[k]!;
      counts.add(vocab.id(a.qualified ? '#' : 'n', a.key, a.key), 1);
    }
    // The regular expression only where an id can be (dddd.dddd): most texts with digits have none.
    if (mayHoldArxivId(text)) for (const m of text.matchAll(ARXIV_ID)) counts.add(vocab.id('id', m[1]!, m[1]!), 1);
  }

  // Sublinear term frequency per field, then fields summed with their weights.
  const doc = vocab.docWeights;
  counts.drainSublinear(doc, fieldWeight);
}

/** False when no "." in the text has four digits before and after it (so ARXIV_ID cannot match). */
function mayHoldArxivId(text: string): boolean {
  for (let d = text.indexOf('.', 4); d >= 0 && d + 4 < text.length; d = text.indexOf('.', d + 1)) {
    if (
      isDigit(text.charCodeAt(d - 1)) &&
      isDigit(text.charCodeAt(d - 2)) &&
      isDigit(text.charCodeAt(d - 3)) &&
      isDigit(text.charCodeAt(d - 4)) &&
      isDigit(text.charCodeAt(d + 1)) &&
      isDigit(text.charCodeAt(d + 2)) &&
      isDigit(text.charCodeAt(d + 3)) &&
      isDigit(text.charCodeAt(d + 4))
    )
      return true;
  }
  return false;
}

const AMOUNT_TOKEN = /^\d+(?:\.\d+)?(?:k|m|mn|b|bn|t|tn)$/;
const CJK_STOP_CODES: ReadonlySet<number> = new Set([...CJK_STOP_CHARS].map((ch) => ch.charCodeAt(0)));

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLatin(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

// CJK Unified Ideographs and Extension A (the BMP blocks news text uses).
function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

// The slug of a canonical URL often is the headline as the editor wrote it ("openai-launches-gpt-5-1").
// The path of an absolute URL, without parsing the whole URL (a URL object per article was a tenth of the run).
const URL_PATH = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i;

function addSlug(vocab: Vocabulary, url: string, fieldWeight: number): void {
  const path = URL_PATH.exec(url)?.[1];
  if (!path) return;
  if (/\d{4}\.\d{4}/.test(path))
    for (const m of path.matchAll(ARXIV_ID)) vocab.docWeights.add(vocab.id('id', m[1]!, m[1]!), fieldWeight * 3);
  // The last path segment that looks like words joined by dashes or underscores.
  let end = path.length;
  while (end > 0) {
    const start = path.lastIndexOf('/', end - 1) + 1;
    const segment = path.slice(start, end);
    if (/[a-z].*[-_].*[a-z]/i.test(segment)) {
      const words = decodeSafe(segment)
        .replace(/\.[a-z0-9]{2,5}$/i, '')
        .split(/[-_+]+/)
        .filter((w) => /^[a-z]+$/i.test(w));
      if (words.length >= 2) addField(vocab, words.join(' '), fieldWeight);
      return;
    }
    end = start - 1;
  }
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
