// Names are the other place invented facts show: a model that writes "GPT-6", a person, a benchmark or a company
// its articles never mention has made it up or brought it from elsewhere. The entry's names are compared with the
// text of its story's articles, allowing what writing a Chinese entry from English (or Chinese) reports does to a
// name: case, possessives and hyphens (OpenAI's / OpenAI, DeepSeek-V3.2 / DeepSeek V3.2), Simplified / Traditional
// (何恺明 / 何愷明), and a translation table (Nvidia / 輝達 / 英伟达). Vocabulary is not a name: glossary terms,
// common acronyms (AI, GPU, CEO), units, months and a capitalised word that merely starts an English sentence.

import { INSIGHT_TITLE, SECTION_TITLES } from '../render/section-titles.js';
import { isTitleCase } from '../text/extract-entities.js';
import { toTaiwan } from '../text/to-taiwan.js';
import type { Article, BackgroundTerm, Entry } from '../types.js';
import { GLOSSARY } from './glossary.js';
import { NAME_TRANSLATIONS, type NameTranslation } from './name-translations.js';

export interface NameGroundingOptions {
  /** Terms that are vocabulary, not names (default: the offline writer's glossary). */
  glossary?: readonly Pick<BackgroundTerm, 'english'>[];
  /** Chinese ↔ English name pairs (default: NAME_TRANSLATIONS). */
  translations?: readonly NameTranslation[];
}

const COMMON_ACRONYMS =
  'AI AGI ASI AIGC GenAI API GPU CPU TPU NPU LPU HBM DRAM SSD ASIC SoC FPGA CEO CTO CFO COO CIO CISO CPO CSO VP SVP EVP US USA UK EU UN IPO SPAC M&A R&D SaaS PaaS IaaS SDK IDE CLI GUI UI UX OS PC IT HR PR ML DL NLP CV LLM SLM VLM MLLM RL RLHF SFT DPO PPO GRPO RAG MoE CoT SOTA KV AR VR XR MR IoT EV ESG B2B B2C KPI ROI GDP FAQ PDF URL HTTP HTTPS JSON SQL CSV HTML XML REST OK FY YoY QoQ ETF VC PE PhD MBA TV DNA ID QA Q&A AM PM GMT UTC CST PST EST';
const UNITS =
  'GB TB MB KB PB EB Gb Tb GHz MHz kHz Hz kW MW GW TW kWh MWh GWh TWh mAh FPS FLOPS FLOP TFLOPS PFLOPS EFLOPS TOPS Gbps Mbps Tbps USD NTD NT TWD RMB CNY HKD EUR JPY GBP KRW INR';
const CALENDAR =
  'January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday';
// Capitalised words that are not names wherever they stand, and the AI vocabulary Chinese text keeps in English.
const PLAIN =
  'The A An This That These Those It Its In On At For From To Of And Or But If As By With How Why What When Where Who Which Is Are Was Were Be Can Will New Now Here There We You They He She Our Their After Before Over Into About Also More Most Many Some All Each Every First Last Today Yesterday Tomorrow Mr Mrs Ms Dr Prof Inc Ltd Corp Co LLC Agent Agents Agentic Token Tokens Transformer Transformers Prompt Prompts Benchmark Benchmarks Chatbot Chatbots Scaling Law Laws Pretraining Pre-training Post-training Fine-tuning Embedding Embeddings Inference Reasoning Open Source Multimodal Diffusion Vibe Coding';
// The digest's own headings ("Top Headlines", "Key Market Updates") are layout, not names.
const SECTION_WORDS = [...Object.values(SECTION_TITLES), INSIGHT_TITLE].join(' ').match(/[A-Za-z]+/g) ?? [];

const lowerSet = (words: string[]) => new Set(words.map((w) => w.toLowerCase()));
const NOT_NAMES = lowerSet([...COMMON_ACRONYMS.split(' '), ...CALENDAR.split(' '), ...PLAIN.split(' '), ...SECTION_WORDS]);
const UNIT_SET = new Set(UNITS.split(' '));

// A Latin word: letters and digits, with inner - . ' ’ & _ + joining parts (GPT-5.2, SWE-bench, AT&T, llama.cpp).
const WORD = /[\p{Script=Latin}\p{N}](?:[\p{Script=Latin}\p{N}]|[-.'’&_+](?=[\p{Script=Latin}\p{N}]))*/gu;
const VERSION = /^\d{1,2}(\.\d+)*$/;
const QUANTITY_AFTER = /^\s*[年月日號号個个名家位億亿萬万千百倍項项款台臺顆颗張张次歲岁天週周小時时分秒元%％]/u;
const SENTENCE_START = /(^|[.!?:;。！？：；「『“"(（\n•—-])\s*$/u;
const ZH_ORG = /([\p{Script=Han}]{2,4})(集團|大學|研究院|研究所|實驗室|銀行|基金會|委員會)/gu;
// Words before an institution that make it generic (多所大學, 該集團) or that belong to the sentence (由, 與).
const ZH_GENERIC_PREFIX =
  /^(多|各|一|這|那|該|本|其|此|頂尖|知名|名校|國內|海外|全球|美國|中國|英國|日本|台灣|臺灣|大型|主要|旗下|母|子|新|兩|三|數|幾|相關|研究|科技|金融|投資)/u;
const ZH_FUNCTION_CHARS = /^[的與和及在是將被向對從為讓據而並也已把由於或及同跟給]+/u;

/** NFKC (full-width Latin), no diacritics, no possessive: the form names are compared in. */
function latinForm(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]s(?![\p{L}\p{N}])/gu, '');
}

/** Lower-case alphanumeric tokens; a version keeps its dot (5.2, v3.2), anything else splits. */
function tokens(text: string): string[] {
  return (
    latinForm(text)
      .toLowerCase()
      .match(/[a-z0-9]+(?:\.[0-9]+)*/g) ?? []
  );
}

const compact = (text: string) => tokens(text).join('');

/** Chinese text as compared: Taiwan Traditional (as every entry is), no spaces. */
function zhForm(text: string): string {
  return toTaiwan(text.normalize('NFKC')).replace(/\s+/g, '');
}

interface Support {
  /** Every run of up to 8 consecutive tokens, joined: "DeepSeek V3.2" grounds "DeepSeek-V3.2" and "DeepSeekV3.2". */
  latin: Set<string>;
  zh: string;
  /** The story has Chinese reports, so a Chinese name that is not a translation can be looked up in them. */
  hasChinese: boolean;
}

function supportOf(articles: Article[]): Support {
  const latin = new Set<string>();
  const texts = articles.map((a) => `${a.source}\n${a.title}\n${a.text}`);
  for (const text of texts) {
    const t = tokens(text);
    for (let i = 0; i < t.length; i++) {
      let joined = '';
      for (let k = i; k < Math.min(t.length, i + 8); k++) {
        joined += t[k]!;
        latin.add(joined);
      }
    }
  }
  const hasChinese = articles.some((a) => a.lang === 'zh' || /\p{Script=Han}{4}/u.test(a.title));
  return { latin, zh: zhForm(texts.join('\n')), hasChinese };
}

const singular = (c: string) => (c.endsWith('s') && c.length > 3 ? c.slice(0, -1) : c);

function latinGrounded(c: string, support: Support): boolean {
  return c !== '' && (support.latin.has(c) || support.latin.has(singular(c)) || support.latin.has(`${c}s`));
}

interface Translations {
  pairs: readonly NameTranslation[];
  /** Compact English form → the pairs it belongs to. */
  byEnglish: Map<string, NameTranslation[]>;
  /** Every Chinese form (as compared), longest first, with its pair. */
  chinese: { form: string; pair: NameTranslation }[];
}

const translationCache = new WeakMap<readonly NameTranslation[], Translations>();

function translationsOf(pairs: readonly NameTranslation[]): Translations {
  const cached = translationCache.get(pairs);
  if (cached) return cached;
  const byEnglish = new Map<string, NameTranslation[]>();
  for (const p of pairs) for (const en of p.en) byEnglish.set(compact(en), [...(byEnglish.get(compact(en)) ?? []), p]);
  const chinese = pairs
    .flatMap((pair) => [...new Set(pair.zh.map(zhForm))].map((form) => ({ form, pair })))
    .sort((a, b) => b.form.length - a.form.length);
  const t = { pairs, byEnglish, chinese };
  translationCache.set(pairs, t);
  return t;
}

/** Either side of the pair is in the articles. English forms keep the case of their first letter: "Fed", not "fed". */
function pairGrounded(pair: NameTranslation, support: Support, raw: string): boolean {
  if (pair.zh.some((z) => support.zh.includes(zhForm(z)))) return true;
  return pair.en.some((en) => {
    const [first, ...rest] = [...latinForm(en)];
    const body = rest
      .map((ch) => (/\p{L}/u.test(ch) ? `[${ch.toLowerCase()}${ch.toUpperCase()}]` : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    return new RegExp(`(?<![\\p{L}\\p{N}])${first!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${body}(?![\\p{L}\\p{N}])`, 'u').test(raw);
  });
}

interface LatinWord {
  text: string;
  start: number;
  end: number;
  /** `other`: a lower-case word (prose, or a term like "in-context"), which ends a run of names. */
  kind: 'name' | 'number' | 'other';
}

function kindOf(word: string, titleCase: boolean): LatinWord['kind'] {
  if (/^\p{N}[\p{N}.,]*$/u.test(word)) return 'number';
  if (!/\p{L}/u.test(word) || [...word].length < 2) return 'other';
  // An English headline in Title Case capitalises every word; only inner capitals and digits mark names there.
  if (titleCase && /^\p{Lu}\p{Ll}+$/u.test(word)) return 'other';
  const uppers = word.match(/\p{Lu}/gu)?.length ?? 0;
  // 70B, 5G, 3D, 2nm, 3GB are sizes and units; 1-NFE, 01.AI are names.
  if (/^\p{N}/u.test(word)) return uppers >= 2 && !UNIT_SET.has(word.replace(/^[\p{N}.,-]+/u, '')) ? 'name' : 'other';
  if (uppers > 0 || /\p{N}/u.test(word)) return 'name';
  return 'other';
}

function isVocabulary(word: string, terms: ReadonlySet<string>): boolean {
  // "AI-powered", "LLM-based": vocabulary joined to an ordinary word is still vocabulary.
  const parts = word.split(/[-_]/);
  if (parts.length > 1 && parts.every((p) => /^\p{Ll}+$/u.test(p) || isVocabulary(p, terms))) return true;
  const bare = word.replace(/['’]s$/, '');
  const lower = bare.toLowerCase().replace(/\./g, '');
  if (NOT_NAMES.has(bare.toLowerCase()) || NOT_NAMES.has(lower) || NOT_NAMES.has(lower.replace(/s$/, ''))) return true;
  if (UNIT_SET.has(bare)) return true;
  return terms.has(compact(bare)) || terms.has(singular(compact(bare)));
}

interface Flag {
  name: string;
  at: number;
}

/** Runs of capitalised or alphanumeric words (a name and its version: "Claude Opus 4.5"), each checked as a whole, then word by word. */
function checkLatin(text: string, support: Support, terms: ReadonlySet<string>, tr: Translations, raw: string): Flag[] {
  const titleCase = !/\p{Script=Han}/u.test(text) && isTitleCase(text);
  const words: LatinWord[] = [...text.matchAll(WORD)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
    kind: kindOf(m[0], titleCase),
  }));
  const runs: LatinWord[][] = [];
  let cur: LatinWord[] = [];
  const close = () => {
    if (cur.length) runs.push(cur);
    cur = [];
  };
  words.forEach((w, i) => {
    const joined = i > 0 && /^[ \t]+$/.test(text.slice(words[i - 1]!.end, w.start));
    if (!joined) close();
    if (w.kind === 'other') return close();
    // A number belongs to the name before it only as its version ("Opus 4.5", "Gemini 3"), not as a quantity
    // ("OpenAI 300 名員工", "2025 年"): numbers are the number check's business.
    if (w.kind === 'number') {
      const prev = cur[cur.length - 1];
      if (prev?.kind === 'name' && VERSION.test(w.text) && !QUANTITY_AFTER.test(text.slice(w.end))) cur.push(w);
      else close();
      return;
    }
    cur.push(w);
  });
  close();

  const flags: Flag[] = [];
  const translated = (c: string) => (tr.byEnglish.get(c) ?? []).some((p) => pairGrounded(p, support, raw));
  for (const run of runs) {
    const first = run[0]!;
    // "Researchers found ...": a plain capitalised word opening an English sentence is an ordinary word.
    if (
      run.length === 1 &&
      /^\p{Lu}\p{Ll}+$/u.test(first.text) &&
      SENTENCE_START.test(text.slice(0, first.start)) &&
      /^\s+\p{Ll}/u.test(text.slice(first.end))
    )
      continue;
    const whole = compact(text.slice(first.start, run[run.length - 1]!.end));
    if (terms.has(whole) || terms.has(singular(whole))) continue;
    if (latinGrounded(whole, support) || translated(whole)) continue;
    // Word by word, each name with the version number that follows it ("Opus 4.5", "Gemini 3").
    const named = run.map((w, i) => ({ w, i })).filter(({ w }) => w.kind === 'name' && !isVocabulary(w.text, terms));
    if (named.length === 0) continue;
    const ungrounded = named.some(({ w, i }) => {
      const next = run[i + 1];
      const unit = compact(next?.kind === 'number' ? text.slice(w.start, next.end) : w.text);
      return !latinGrounded(unit, support) && !translated(unit);
    });
    if (!ungrounded) continue;
    const last = named[named.length - 1]!;
    const lastEnd = run[last.i + 1]?.kind === 'number' ? run[last.i + 1]!.end : last.w.end;
    flags.push({ name: text.slice(named[0]!.w.start, lastEnd).replace(/['’]s$/, ''), at: named[0]!.w.start });
  }
  return flags;
}

/** Chinese names the table knows, longest first so 美超微 is not read as 超微. */
function checkTranslated(zh: string, support: Support, tr: Translations, raw: string): { flags: Flag[]; covered: boolean[] } {
  const covered = new Array<boolean>(zh.length).fill(false);
  const flags: Flag[] = [];
  for (const { form, pair } of tr.chinese) {
    let from = 0;
    for (let at = zh.indexOf(form, from); at >= 0; at = zh.indexOf(form, from)) {
      from = at + form.length;
      if (covered.slice(at, from).some(Boolean)) continue;
      covered.fill(true, at, from);
      if (!pairGrounded(pair, support, raw)) flags.push({ name: form, at });
    }
  }
  return { flags, covered };
}

/** Institutions named by their suffix (螞蟻集團, 浙江大學): grounded when some ending of the name is in the articles. */
function checkInstitutions(zh: string, support: Support, covered: boolean[]): Flag[] {
  const flags: Flag[] = [];
  for (const m of zh.matchAll(ZH_ORG)) {
    const [, prefix, suffix] = m as unknown as [string, string, string];
    if (covered.slice(m.index, m.index + m[0].length).some(Boolean)) continue;
    const forms = [2, 3, 4].filter((k) => k <= prefix.length).map((k) => prefix.slice(-k) + suffix);
    if (ZH_GENERIC_PREFIX.test(prefix.slice(-2)) || ZH_GENERIC_PREFIX.test(forms[0]!)) continue;
    if (forms.some((f) => support.zh.includes(f))) continue;
    const name = prefix.replace(ZH_FUNCTION_CHARS, '') + suffix;
    if (name.length > suffix.length + 1) flags.push({ name, at: m.index + (m[0].length - name.length) });
  }
  return flags;
}

/**
 * The names in an entry (title, summary, details, use cases, entities, importance reason) that no article of its
 * story contains, as written in the entry, each once, in the order they appear. Links are made by code and not
 * checked. A Chinese name outside the translation table is checked only when the story has Chinese reports: from
 * English reports alone, a Chinese rendering cannot be told from an invention.
 */
export function findUngroundedNames(entry: Entry, articles: Article[], options: NameGroundingOptions = {}): string[] {
  const support = supportOf(articles);
  const raw = latinForm(articles.map((a) => `${a.source}\n${a.title}\n${a.text}`).join('\n'));
  const tr = translationsOf(options.translations ?? NAME_TRANSLATIONS);
  const terms = new Set(
    (options.glossary ?? GLOSSARY).flatMap((g) => g.english.split(/,\s*/)).flatMap((t) => [compact(t), singular(compact(t))]),
  );

  const found: string[] = [];
  const add = (flags: Flag[]) => {
    for (const f of flags.sort((a, b) => a.at - b.at)) if (!found.includes(f.name)) found.push(f.name);
  };
  const prose = [entry.title, entry.summary, ...entry.details, ...entry.useCases, ...entry.entities, entry.importanceReason];
  for (const text of prose) {
    const latin = latinForm(text);
    const zh = zhForm(text);
    const { flags: tableFlags, covered } = checkTranslated(zh, support, tr, raw);
    add([
      ...checkLatin(latin, support, terms, tr, raw),
      ...tableFlags.map((f) => ({ ...f, at: f.at + latin.length })),
      ...(support.hasChinese ? checkInstitutions(zh, support, covered) : []).map((f) => ({ ...f, at: f.at + latin.length })),
    ]);
  }
  // 關鍵實體 are names by definition: a Chinese one (何愷明, 螞蟻集團) must be in a Chinese report of the story.
  if (support.hasChinese) {
    for (const entity of entry.entities) {
      const zh = zhForm(entity).replace(/[·•・]/g, '');
      if (!/^\p{Script=Han}{2,12}$/u.test(zh) || found.includes(zh)) continue;
      if (tr.chinese.some((c) => c.form === zh)) continue;
      if (!support.zh.replace(/[·•・]/g, '').includes(zh)) found.push(zh);
    }
  }
  return found;
}
