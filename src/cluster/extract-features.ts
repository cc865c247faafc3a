// Turns one article into weighted sparse features. Everything is lower-case and NFKC-normalised, Simplified Han
// characters are folded to Traditional so a Simplified and a Traditional report of one story share bigrams.
//
// Feature keys carry a prefix for their kind:
//   w:<stem>    a Latin-script word (English words, and names inside Chinese text: "openai", "gpt5.1")
//   c:<bigram>  two adjacent Han characters
//   #:<amount>  a number, with currency/scale applied ("#:200000000", "#:%40")
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
  lang?: string;
}

export interface ArticleFeatures {
  /** Feature key → term frequency weight (fields already weighted). */
  weights: Map<string, number>;
  /** True when the title is written mainly in Han characters. */
  cjk: boolean;
  /** First surface form seen for each word key (for readable keywords). */
  surface: Map<string, string>;
}

export interface FeatureWeights {
  title: number;
  text: number;
  slug: number;
  /** Characters of body text used (the lead carries the story; the rest adds noise and time). */
  textChars: number;
  /** Weight of two adjacent content words as one feature ("air defence", "grand coalition"); 0 turns them off. */
  phrases: number;
}

export const DEFAULT_FEATURE_WEIGHTS: FeatureWeights = { title: 3, text: 1, slug: 1, textChars: 1500, phrases: 0 };

let simplifiedToTraditional: Map<string, string> | undefined;
function s2t(): Map<string, string> {
  if (!simplifiedToTraditional) {
    simplifiedToTraditional = new Map();
    for (const entry of (STCharacters as string).split('|')) {
      const [from, to] = entry.split(' ');
      if (from && to && from !== to) simplifiedToTraditional.set(from, to);
    }
  }
  return simplifiedToTraditional;
}

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_TOKEN = /[a-z0-9]+(?:\.[0-9]+)*/g;
const ARXIV_ID = /(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d.])/g;

/** Normalises text for matching: NFKC (full-width → ASCII), lower case, Simplified → Traditional characters. */
export function normalizeText(text: string): string {
  const nfkc = text.normalize('NFKC').toLowerCase().replace(/[’‘`]/g, "'");
  if (!HAN.test(nfkc)) return nfkc;
  const map = s2t();
  let out = '';
  for (const ch of nfkc) out += map.get(ch) ?? ch;
  return out;
}

export function isCjkTitle(title: string): boolean {
  let han = 0;
  let latin = 0;
  for (const ch of title) {
    if (HAN.test(ch)) han++;
    else if (/[A-Za-z]/.test(ch)) latin++;
  }
  // Chinese titles carry Latin names ("OpenAI 推出 GPT-5.1"); one Han character per four Latin letters is plenty.
  return han >= 2 && han * 4 >= latin;
}

export function extractFeatures(input: FeatureInput, fw: FeatureWeights = DEFAULT_FEATURE_WEIGHTS): ArticleFeatures {
  const weights = new Map<string, number>();
  const surface = new Map<string, string>();
  addField(weights, surface, input.title, fw.title, fw.phrases);
  if (input.text) addField(weights, surface, input.text.slice(0, fw.textChars), fw.text, fw.phrases);
  if (input.url) addSlug(weights, surface, input.url, fw.slug);
  return { weights, surface, cjk: isCjkTitle(input.title) };
}

function addField(weights: Map<string, number>, surface: Map<string, string>, raw: string, fieldWeight: number, phraseWeight = 0): void {
  if (!raw || fieldWeight <= 0) return;
  const text = normalizeText(raw);
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

  // Latin words; a word directly followed by a version number is also joined ("gpt-5.1", "gpt 5.1" → "gpt5.1").
  let prev: { word: string; end: number } | undefined;
  let prevStem: { stem: string; end: number } | undefined;
  const phrases = new Map<string, number>();
  for (const m of text.matchAll(LATIN_TOKEN)) {
    const tok = m[0];
    const start = m.index ?? 0;
    const isNumber = /^\d/.test(tok);
    if (!isNumber) {
      if (tok.length >= 2 && !ENGLISH_STOP_WORDS.has(tok)) {
        const stem = stemWord(tok);
        const key = 'w:' + stem;
        bump(key);
        if (!surface.has(key)) surface.set(key, tok);
        if (phraseWeight > 0 && prevStem && /^[\s-]*$/.test(text.slice(prevStem.end, start))) {
          const pk = 'p:' + prevStem.stem + ' ' + stem;
          phrases.set(pk, (phrases.get(pk) ?? 0) + 1);
        }
        prevStem = { stem, end: start + tok.length };
      } else prevStem = undefined;
    } else if (prev && start - prev.end <= 1 && /^[- ]?$/.test(text.slice(prev.end, start))) {
      const key = 'w:' + prev.word + tok;
      bump(key);
      if (!surface.has(key)) surface.set(key, prev.word + '-' + tok);
    } else if (/[a-z]/.test(tok) && !/^\d+(?:\.\d+)?(?:k|m|mn|b|bn|t|tn)$/.test(tok)) {
      // Mixed tokens that start with a digit ("4o", "3d"); "13bn" and "7b" are amounts, handled below.
      bump('w:' + tok);
    }
    prev = isNumber ? undefined : { word: tok, end: start + tok.length };
  }

  for (const a of findAmounts(text)) bump('#:' + a.key);
  for (const m of text.matchAll(ARXIV_ID)) bump('id:' + m[1]);

  for (const m of text.matchAll(HAN_RUN)) {
    const run = m[0];
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) {
      const a = chars[i]!;
      const b = chars[i + 1]!;
      if (CJK_STOP_CHARS.has(a) || CJK_STOP_CHARS.has(b)) continue;
      const key = 'c:' + a + b;
      bump(key);
      if (!surface.has(key)) surface.set(key, a + b);
    }
  }

  for (const [key, n] of counts) weights.set(key, (weights.get(key) ?? 0) + fieldWeight * (1 + Math.log(n)));
  for (const [key, n] of phrases) weights.set(key, (weights.get(key) ?? 0) + phraseWeight * fieldWeight * (1 + Math.log(n)));
}

// The slug of a canonical URL often is the headline as the editor wrote it ("openai-launches-gpt-5-1").
function addSlug(weights: Map<string, number>, surface: Map<string, string>, url: string, fieldWeight: number): void {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return;
  }
  for (const m of path.matchAll(ARXIV_ID)) weights.set('id:' + m[1], (weights.get('id:' + m[1]) ?? 0) + fieldWeight * 3);
  const segments = path.split('/').filter(Boolean);
  const slug = segments.reverse().find((s) => /[a-z].*[-_].*[a-z]/i.test(s));
  if (!slug) return;
  const words = decodeSafe(slug)
    .replace(/\.[a-z0-9]{2,5}$/i, '')
    .split(/[-_+]+/)
    .filter((w) => /^[a-z]+$/i.test(w));
  if (words.length < 2) return;
  addField(weights, surface, words.join(' '), fieldWeight);
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
