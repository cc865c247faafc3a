// Is this article about AI? Asked of every article whatever its feed: an all-topics feed (TechCrunch, Hacker News,
// a marketing blog) mixes AI stories with drones, data breaches and SEO tips, and an off-topic story that reaches
// the digest costs more than an AI story missed (other outlets usually carry it too). So the test leans to
// precision: the headline and the publisher's own tags decide, the opening of the text can carry an article whose
// headline is vague, and the rest of the text only tips a close call. A passing "AI" deep in a story never does.
//
// Lexical and deterministic on purpose: over ten thousand articles a second (a night's feeds in well under a
// second), the same answer every run, and a reason that names its evidence. Measured on hand labels of real
// all-topics feeds (tests/select/relevance-labels.json). The term lists are exported for review.

import type { Article, FeedConfig } from '../types.js';

export interface Relevance {
  relevant: boolean;
  /** Weighted evidence; `relevant` is `score >= RELEVANCE_THRESHOLD`. */
  score: number;
  /** The evidence, e.g. `title: "LLM", "OpenAI"` or `no AI term in title; 1 weak mention in text`. */
  reason: string;
}

export type Strength = 'strong' | 'medium' | 'weak';

/**
 * strong: AI whatever the story (LLM, 人工智慧, ChatGPT). medium: AI in most tech news, but not alone (Nvidia,
 * robotics, self-driving). weak: AI only next to other evidence (model, robot, algorithm, 模型); weak terms
 * together never count for more than WEAK_CAP.
 */
export const TERM_WEIGHTS: Record<Strength, number> = { strong: 3, medium: 1.5, weak: 0.5 };
export const RELEVANCE_THRESHOLD = 3;
const WEAK_CAP = 1;
/** The opening of the text: what the article is about, in its own words. */
export const LEAD_CHARS = 500;
/** Nothing after this many characters is read: the subject of a story is settled long before. */
export const BODY_CHARS = 3000;
const CATEGORY_ALONE = 2;
const LEAD_FACTOR = 0.6; // a term in the lead counts 0.6 of a title term; each repeat 0.3
const LEAD_REPEAT_FACTOR = 0.3;
const LEAD_CAP = 4.5;
const BODY_FACTOR = 0.25; // each strong or medium mention after the lead; the body alone never reaches the threshold
const BODY_CAP = 1.5;

/** Latin-script words and phrases of 1–3 words, matched case-insensitively; a trailing plural "s" is ignored. */
// prettier-ignore
export const LATIN_TERMS: Record<Strength, readonly string[]> = {
  strong: [
    'artificial intelligence', 'machine learning', 'machinelearning', 'deep learning', 'reinforcement learning',
    'federated learning', 'self-supervised learning', 'contrastive learning', 'representation learning',
    'in-context learning', 'few-shot', 'zero-shot', 'neural network', 'neural net', 'large language',
    'language model', 'foundation model', 'frontier model', 'reasoning model', 'diffusion model', 'world model',
    'embedding model', 'vision-language', 'vision language model', 'multimodal model', 'generative ai',
    'computer vision', 'natural language processing', 'speech recognition', 'image generation', 'video generation',
    'text-to-image', 'text-to-video', 'text-to-speech', 'image generator', 'video generator', 'chatbot', 'chat bot',
    'chatgpt', 'openai', 'anthropic', 'deepmind', 'hugging face', 'huggingface', 'pytorch', 'tensorflow',
    'llama.cpp', 'ollama', 'vllm', 'midjourney', 'stable diffusion', 'nano banana', 'deepfake',
    'superintelligence', 'agentic', 'vibe coding', 'coding agent', 'ai agent', 'prompt injection',
    'prompt engineering', 'chain-of-thought', 'retrieval-augmented', 'fine-tuning', 'fine-tuned', 'open-weight',
    'model weight', 'training run', 'pretraining', 'pre-training', 'inference chip', 'ai chip', 'vision transformer',
    'transformer model', 'transformer architecture', 'transformer-based', 'robotaxi', 'waymo', 'zoox',
    'self-driving', 'autonomous driving', 'driverless', 'full self-driving', 'humanoid robot', 'robot learning',
    'embodied ai', 'groq', 'cerebras', 'coreweave', 'perplexity', 'character.ai', 'stability ai', 'scale ai',
    'mistral ai', 'alphafold', 'nemotron', 'gpt',
  ],
  medium: [
    'nvidia', 'robotics', 'humanoid', 'autonomous vehicle', 'neural', 'inference', 'hyperscaler', 'cuda',
    'semantic search', 'recommendation algorithm', 'facial recognition', 'face recognition', 'voice assistant',
    'smart glasses',
  ],
  weak: [
    'robot', 'algorithm', 'automation', 'automated', 'data center', 'datacenter', 'chip', 'semiconductor',
    'training data', 'benchmark', 'dataset', 'transformer', 'prompt', 'token', 'assistant', 'bot',
  ],
};

/**
 * Spellings that are AI only in this exact case: "AI" (not "ai"), "Grok" (not "to grok"), "Llama" (not the
 * animal), "Mistral" (not the wind), "Copilot" (not a co-pilot), "Gemini"/"Claude" handled in CONTEXT_RULES.
 */
// prettier-ignore
export const CASED_TERMS: Record<Strength, readonly string[]> = {
  strong: [
    'AI', 'AIs', 'GenAI', 'xAI', 'OpenAI', 'LLM', 'LLMs', 'VLM', 'VLMs', 'AGI', 'NLP', 'MCP', 'GLM', 'Grok',
    'Mistral', 'Mixtral', 'Copilot', 'Sora', 'Qwen', 'DeepSeek', 'MiniMax', 'Zhipu', 'SenseTime', 'iFlytek',
    'Baichuan', 'Hunyuan', 'Doubao', 'ERNIE', 'TPU', 'TPUs', 'NPU', 'NPUs', 'H100', 'H200', 'H20', 'B200', 'B300',
    'GB200', 'GB300', 'MI300X', 'MI350', 'FSD',
  ],
  medium: [
    'Kimi', 'Gemma', 'RAG', 'Blackwell', 'Cursor', 'Codex', 'Alexa', 'Siri', 'Optimus', 'Tensor',
  ],
  weak: [],
};

/**
 * Ambiguous names: strong next to the words that make them the AI product, `otherwise` elsewhere, nothing where
 * the title or lead says they are something else ("Gemini" the star sign, "Claude" a person, "Llama" the animal,
 * "Transformers" the films, "GPU" in a gaming review).
 */
export interface ContextRule {
  /** Matched case-insensitively unless `cased`. */
  word: string;
  cased?: boolean;
  /** Next word (lower case) that makes it strong; `#` stands for any number. */
  next?: readonly string[];
  /** Previous word (lower case) that makes it strong. */
  prev?: readonly string[];
  otherwise: Strength | 'none';
  /** Words anywhere in the title or lead that take the word's evidence away (a graphics card review). */
  cancelledBy?: readonly string[];
}

export const CONTEXT_RULES: readonly ContextRule[] = [
  {
    word: 'Gemini',
    cased: true,
    next: ['#', 'pro', 'flash', 'ultra', 'nano', 'live', 'app', 'api', 'cli', 'model', 'advanced', 'enterprise', 'code', 'deep', 'ai'],
    prev: ['google'],
    // In tech news "Gemini" alone is most often Google's model (the star sign, the crypto exchange and NASA's
    // programme are told apart by their context), but a phone review names it in passing too.
    otherwise: 'medium',
    cancelledBy: [
      'horoscope',
      'zodiac',
      'astrology',
      'star sign',
      '雙子座',
      '双子座',
      '星座',
      'winklevoss',
      'crypto',
      'bitcoin',
      'nasa',
      'spacecraft',
    ],
  },
  {
    word: 'Claude',
    cased: true,
    next: ['#', 'code', 'opus', 'sonnet', 'haiku', 'ai', 'app', 'instant', 'model', 'chrome'],
    prev: ['anthropic'],
    otherwise: 'weak',
  },
  { word: 'Llama', cased: true, next: ['#', 'model', 'guard', 'stack'], prev: ['meta'], otherwise: 'none' },
  {
    word: 'Transformers',
    cased: true,
    next: ['#', 'v5', 'library', 'model'],
    otherwise: 'weak',
    cancelledBy: ['movie', 'film', 'toy', 'hasbro', 'autobot', 'decepticon'],
  },
  {
    word: 'GPU',
    next: ['cluster', 'cloud', 'compute', 'server', 'training', 'inference', 'kernel', 'shortage', 'capacity', 'rental'],
    prev: ['ai', 'h100', 'datacenter'],
    otherwise: 'medium',
    cancelledBy: [
      'gaming',
      'gamer',
      'game',
      'games',
      'graphics card',
      'geforce',
      'radeon',
      'fps',
      'frame rate',
      'ray tracing',
      'steam deck',
      '顯示卡',
      '显卡',
      '遊戲',
      '游戏',
    ],
  },
  {
    word: 'agent',
    next: ['framework', 'sdk', 'platform', 'workflow', 'builder', 'api', 'mode'],
    prev: ['coding', 'autonomous', 'software', 'browser', 'computer-use', 'voice', 'research', 'llm', 'web', 'shopping'],
    otherwise: 'weak',
  },
  {
    word: 'model',
    prev: [
      'ai',
      'ml',
      'language',
      'foundation',
      'frontier',
      'reasoning',
      'diffusion',
      'generative',
      'multimodal',
      'open-source',
      'open-weight',
      'embedding',
      'video',
      'image',
      'coding',
      'vision',
      'speech',
      'voice',
    ],
    otherwise: 'weak',
  },
];

/** Chinese terms (Traditional and Simplified both listed), matched as substrings. */
// prettier-ignore
export const CJK_TERMS: Record<Strength, readonly string[]> = {
  strong: [
    '人工智慧', '人工智能', '生成式', '大模型', '大語言模型', '大语言模型', '語言模型', '语言模型', '機器學習', '机器学习', '深度學習', '深度学习', '強化學習', '强化学习',
    '神經網路', '神經網絡', '神经网络', '類神經', '类神经', '聊天機器人', '聊天机器人', '智能體', '智能体', '具身智能', '多模態', '多模态', '通用人工智慧', '通用人工智能',
    '深偽', '深度偽造', '深度伪造', '提示詞', '提示词', '推理模型', '電腦視覺', '计算机视觉', '計算機視覺', '影像生成', '圖像生成', '图像生成', '文生圖', '文生图',
    '文生影片', '文生视频', '算力', '文心一言', '通義千問', '通义千问', '智譜', '智谱', '月之暗面', '商湯', '商汤', '科大訊飛', '科大讯飞', '寒武紀', '寒武纪',
    '機器人計程車', '萝卜快跑', '蘿蔔快跑', '人形機器人', '人形机器人', '智慧駕駛', '智能驾驶', '智駕', '智驾',
  ],
  medium: [
    // A steamed bun and a Taoist term as well as ByteDance's and Tencent's models.
    '自動駕駛', '自动驾驶', '自駕', '自驾', '無人車', '无人车', '輝達', '英偉達', '英伟达', '語音辨識', '语音识别', '機器人', '机器人', '智慧眼鏡', '智能眼镜', '豆包',
    '混元',
  ],
  weak: [
    '模型', '演算法', '算法', '晶片', '芯片', '伺服器', '服务器', '資料中心', '数据中心', '數據中心', '訓練', '训练',
  ],
};

/** Publisher tags that say the article is about AI (TechCrunch's "AI", arXiv's "cs.CL"). */
// prettier-ignore
export const AI_CATEGORIES: readonly string[] = [
  'ai', 'a.i.', 'artificial intelligence', 'generative ai', 'genai', 'machine learning', 'deep learning', 'llm',
  'llms', 'large language models', 'chatgpt', 'openai', 'ai agents', 'robotics & ai', 'cs.ai', 'cs.cl', 'cs.cv',
  'cs.lg', 'cs.ne', 'stat.ml', '人工智慧', '人工智能', '生成式ai', '大模型',
];

/** Notices near the top that name a tool of the publisher, not the subject ("Summary created by Smart Answers AI"). */
const BOILERPLATE =
  /\b(?:(?:summary|article|post|translation|image)\s+(?:was\s+)?(?:created|generated|written|produced)\s+(?:by|with)\s+[^.\n]{0,40}?\bAI|AI-generated summary|(?:written|proof-?read|edited|translated)\s+(?:with|by)\s+(?:the help of\s+)?(?:an?\s+)?(?:AI|LLM))\b/gi;

interface Term {
  label: string;
  strength: Strength;
}

interface Hit extends Term {
  /** Character offset in the text searched. */
  at: number;
}

// ---- matching ---------------------------------------------------------------------------------------------------
//
// Every Latin word of the text is hashed (lower-case FNV-1a over its character codes) and looked up by hash; the
// few words that hit are checked character by character. Nothing is allocated for the words the lists do not
// know, which are nearly all of them: this is what makes a few thousand characters cost microseconds.

interface Phrase {
  /** Hashes of the words after the first. */
  rest: number[];
  term: Term;
}

interface CompiledRule {
  rule: ContextRule;
  next: Set<number>;
  prev: Set<number>;
  anyNumberNext: boolean;
}

/** What the lists say about one lower-case word. */
interface WordEntry {
  /** Phrases that start with the word, longest first. */
  phrases: Phrase[];
  rule?: CompiledRule;
  /** The word alone, any case. */
  single?: Term;
  /** Exact spellings (AI, Grok). */
  cased: Array<[string, Term]>;
}

interface TermIndex {
  words: Map<number, Array<[string, WordEntry]>>;
  /** A 1 for every low 16 bits of a known word's hash. */
  seen: Uint8Array;
  cjk: Map<string, Term[]>;
}

/** The words of a text, as offsets and hashes (typed arrays reused from call to call: nothing to collect). */
interface Words {
  count: number;
  /** Indices of the words that may be in the lists (the rest certainly are not), and how many. */
  candidates: Int32Array;
  candidateCount: number;
  /** Whether the text has Han characters (then the Chinese terms are searched too). */
  han: boolean;
  start: Int32Array;
  end: Int32Array;
  hash: Int32Array;
  /** Hash without a plural "s" (the same as `hash` when the word is not plural-like). */
  singularHash: Int32Array;
}

const FNV_OFFSET = 0x811c9dc5 | 0; // as an int32, so that the hash never leaves integer registers
const FNV_PRIME = 0x01000193;
// Kept within V8's small integers, so that the hashes are Map keys without boxing.
const HASH_MASK = 0x3fffffff;
const SEEN_MASK = 0xffff;
/** A 1 at the low 16 bits of every known word's hash: most words are dismissed without a Map lookup. */
const SEEN = new Uint8Array(SEEN_MASK + 1);

/** Lower-case code of an ASCII letter or digit, 0 for anything else (a word boundary). */
const WORD_CODE = new Uint8Array(128);
for (let c = 48; c <= 57; c++) WORD_CODE[c] = c;
for (let c = 97; c <= 122; c++) WORD_CODE[c] = c;
for (let c = 65; c <= 90; c++) WORD_CODE[c] = c + 32;

function lowerCode(c: number): number {
  return c < 128 ? WORD_CODE[c]! || c : c;
}

let scratch: Words = newWords(1024);

function newWords(capacity: number): Words {
  const ints = () => new Int32Array(capacity);
  return { count: 0, candidates: ints(), candidateCount: 0, han: false, start: ints(), end: ints(), hash: ints(), singularHash: ints() };
}

/**
 * Latin words of `s`: "GPT-5.2" → GPT, 5, 2; "self-driving" → self, driving; a possessive "’s" is dropped.
 * The result lives until the next call.
 */
function scanWords(s: string): Words {
  if (scratch.start.length < s.length / 2 + 1) scratch = newWords(Math.ceil(s.length / 2) + 1);
  const out = scratch;
  const seen = SEEN;
  let count = 0;
  let candidates = 0;
  let han = false;
  let start = -1;
  let h = FNV_OFFSET;
  let beforeLast = FNV_OFFSET;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    const w = c < 128 ? WORD_CODE[c]! : 0;
    if (w !== 0) {
      if (start < 0) {
        start = i;
        h = FNV_OFFSET;
      }
      beforeLast = h;
      h = Math.imul(h ^ w, FNV_PRIME);
      continue;
    }
    if (c >= 0x3400 && (c <= 0x9fff || (c >= 0xf900 && c <= 0xfaff))) han = true;
    if (start < 0) continue;
    const len = i - start;
    const before = s.charCodeAt(start - 1);
    const possessive = len === 1 && lowerCode(s.charCodeAt(start)) === 115 && (before === 39 || before === 0x2019);
    if (!possessive) {
      const plural = len > 3 && lowerCode(s.charCodeAt(i - 1)) === 115 && lowerCode(s.charCodeAt(i - 2)) !== 115;
      const hash = h & HASH_MASK;
      const singular = (plural ? beforeLast : h) & HASH_MASK;
      out.start[count] = start;
      out.end[count] = i;
      out.hash[count] = hash;
      out.singularHash[count] = singular;
      if (seen[hash & SEEN_MASK] !== 0 || seen[singular & SEEN_MASK] !== 0) out.candidates[candidates++] = count;
      count++;
    }
    start = -1;
  }
  out.count = count;
  out.candidateCount = candidates;
  out.han = han;
  return out;
}

function lookupWord(index: TermIndex, s: string, start: number, end: number, hash: number): WordEntry | undefined {
  if (index.seen[hash & SEEN_MASK] === 0) return undefined; // the usual case, without touching the Map
  const list = index.words.get(hash);
  if (!list) return undefined;
  for (const [word, entry] of list) {
    if (end - start !== word.length) continue;
    let same = true;
    for (let i = start; i < end && same; i++) same = lowerCode(s.charCodeAt(i)) === word.charCodeAt(i - start);
    if (same) return entry;
  }
  return undefined;
}

function sameCase(s: string, start: number, end: number, spelling: string): boolean {
  if (end - start !== spelling.length) return false;
  for (let i = start; i < end; i++) if (s.charCodeAt(i) !== spelling.charCodeAt(i - start)) return false;
  return true;
}

/** The title and lead, which settle the ambiguous words; lower-cased only when one of them asks. */
class Context {
  private lower?: string;
  constructor(private readonly text: string) {}
  includes(word: string): boolean {
    this.lower ??= this.text.toLowerCase();
    return this.lower.includes(word);
  }
}

/** All term hits in `s`, in order. */
function findTerms(s: string, context: Context): Hit[] {
  if (!s) return [];
  const index = INDEX;
  const hits: Hit[] = [];
  const text = s.includes('A.I.') ? s.replace(/\bA\.I\./g, 'AI  ') : s;
  const w = scanWords(text);
  const n = w.count;
  let next = 0; // words before this one are taken by a phrase
  for (let c = 0; c < w.candidateCount; c++) {
    const i = w.candidates[c]!;
    if (i < next) continue;
    const start = w.start[i]!;
    const end = w.end[i]!;
    const e =
      lookupWord(index, text, start, end, w.hash[i]!) ??
      (w.singularHash[i] !== w.hash[i] ? lookupWord(index, text, start, end - 1, w.singularHash[i]!) : undefined);
    if (!e) continue;
    // Longest phrase first ("large language model" before "language model"), then the ambiguous words, then the
    // exact spellings, then the word alone.
    const phrase = matchPhrase(e, w, i, n);
    if (phrase) {
      hits.push({ label: phrase.term.label, strength: phrase.term.strength, at: start });
      next = i + 1 + phrase.rest.length;
      continue;
    }
    if (e.rule) {
      const strength = applyRule(e.rule, text, w, i, context);
      if (strength !== 'none') hits.push({ label: e.rule.rule.word, strength, at: start });
      continue;
    }
    let term = e.single;
    for (const [spelling, t] of e.cased) if (sameCase(text, start, end, spelling)) term = t;
    if (term) hits.push({ label: term.label, strength: term.strength, at: start });
  }
  if (w.han) hits.push(...findCjk(index, s));
  return hits;
}

function matchPhrase(e: WordEntry, w: Words, i: number, n: number): Phrase | undefined {
  for (const p of e.phrases) {
    const last = p.rest.length - 1;
    if (i + 1 + last >= n) continue;
    let k = 0;
    while (k <= last && (p.rest[k] === w.hash[i + 1 + k] || (k === last && p.rest[k] === w.singularHash[i + 1 + k]))) k++;
    if (k > last) return p;
  }
  return undefined;
}

function applyRule(c: CompiledRule, s: string, w: Words, i: number, context: Context): Strength | 'none' {
  const { rule } = c;
  if (rule.cased && s.charCodeAt(w.start[i]!) !== rule.word.charCodeAt(0)) return 'none';
  if (rule.cancelledBy?.some((word) => context.includes(word))) return 'none';
  const next = i + 1 < w.count ? i + 1 : -1;
  const nextOk =
    next >= 0 &&
    (c.next.has(w.hash[next]!) || c.next.has(w.singularHash[next]!) || (c.anyNumberNext && isDigit(s.charCodeAt(w.start[next]!))));
  const prevOk = i > 0 && c.prev.has(w.hash[i - 1]!);
  return nextOk || prevOk ? 'strong' : rule.otherwise;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function findCjk(index: TermIndex, s: string): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < s.length; i++) {
    const candidates = index.cjk.get(s[i]!);
    if (!candidates) continue;
    for (const term of candidates) {
      if (s.startsWith(term.label, i)) {
        hits.push({ ...term, at: i });
        i += term.label.length - 1;
        break;
      }
    }
  }
  return hits;
}

function buildIndex(): TermIndex {
  const entries = new Map<string, WordEntry>();
  const entryOf = (word: string): WordEntry => {
    let e = entries.get(word);
    if (!e) entries.set(word, (e = { phrases: [], cased: [] }));
    return e;
  };
  const hashOf = (word: string) => scanWords(word).hash[0]!;
  const seen = SEEN;
  const cjk = new Map<string, Term[]>();
  for (const strength of ['weak', 'medium', 'strong'] as const) {
    for (const phrase of LATIN_TERMS[strength]) {
      const words = wordsOf(phrase);
      const term = { label: phrase, strength };
      if (words.length === 1) entryOf(words[0]!).single = term;
      else entryOf(words[0]!).phrases.push({ rest: words.slice(1).map(hashOf), term });
    }
    for (const spelling of CASED_TERMS[strength]) entryOf(spelling.toLowerCase()).cased.push([spelling, { label: spelling, strength }]);
    for (const label of CJK_TERMS[strength]) {
      const list = cjk.get(label[0]!) ?? [];
      list.push({ label, strength });
      cjk.set(label[0]!, list);
    }
  }
  for (const rule of CONTEXT_RULES) {
    const hashes = (words: readonly string[] = []) =>
      new Set(
        words
          .filter((x) => x !== '#')
          .flatMap(wordsOf)
          .map(hashOf),
      );
    entryOf(rule.word.toLowerCase()).rule = {
      rule,
      next: hashes(rule.next),
      prev: hashes(rule.prev),
      anyNumberNext: rule.next?.includes('#') ?? false,
    };
  }
  for (const list of cjk.values()) list.sort((a, b) => b.label.length - a.label.length);
  const words = new Map<number, Array<[string, WordEntry]>>();
  for (const [word, entry] of entries) {
    entry.phrases.sort((a, b) => b.rest.length - a.rest.length);
    const h = hashOf(word);
    words.set(h, [...(words.get(h) ?? []), [word, entry]]);
    seen[h & SEEN_MASK] = 1;
  }
  return { words, seen, cjk };
}

/** The lower-case words of a list entry, split as the text is. */
function wordsOf(phrase: string): string[] {
  const w = scanWords(phrase);
  const words: string[] = [];
  for (let k = 0; k < w.count; k++) words.push(phrase.slice(w.start[k], w.end[k]).toLowerCase());
  return words;
}

// ---- the judge --------------------------------------------------------------------------------------------------

/** Judges one article; a feed declared `onTopic` skips the test. */
export function judgeRelevance(article: Article, feed?: FeedConfig): Relevance {
  if (feed?.onTopic) return { relevant: true, score: RELEVANCE_THRESHOLD, reason: 'feed declared on-topic' };

  const raw = article.text.length > BODY_CHARS ? article.text.slice(0, BODY_CHARS) : article.text;
  const lead = raw.length > LEAD_CHARS ? raw.slice(0, LEAD_CHARS) : raw;
  const stripped = stripBoilerplate(lead);
  const text = stripped === lead ? raw : stripped + raw.slice(lead.length);
  const leadEnd = Math.min(text.length, LEAD_CHARS);
  const context = new Context(`${article.title}\n${text.slice(0, leadEnd)}`);

  const titleHits = findTerms(article.title, context);
  const textHits = findTerms(text, context);
  const leadHits = textHits.filter((h) => h.at < leadEnd);
  const bodyHits = textHits.filter((h) => h.at >= leadEnd && h.strength !== 'weak');
  const categories = (article.categories ?? []).filter(isAiCategory);

  let weak = 0;
  const addWeak = (w: number): number => {
    const room = Math.max(0, WEAK_CAP - weak);
    const add = Math.min(room, w);
    weak += add;
    return add;
  };

  let titleScore = 0;
  const counted = new Set<string>();
  for (const h of titleHits) {
    if (counted.has(h.label)) continue; // "AI … AI" in a headline is one piece of evidence
    counted.add(h.label);
    titleScore += h.strength === 'weak' ? addWeak(TERM_WEIGHTS.weak) : TERM_WEIGHTS[h.strength];
  }
  // A publisher's tag is evidence, but tags are handed out generously ("AI" on a Black Friday sales story): one tag
  // alone falls short of the threshold; two distinct AI tags, or a tag and any AI term in the title or lead, reach it.
  const distinctTags = new Set(categories.map((c) => c.trim().toLowerCase())).size;
  const corroborated = [...titleHits, ...leadHits].some((h) => h.strength !== 'weak');
  const categoryScore = distinctTags === 0 ? 0 : distinctTags > 1 || corroborated ? TERM_WEIGHTS.strong : CATEGORY_ALONE;

  let leadScore = 0;
  const inLead = new Set<string>();
  for (const h of leadHits) {
    const factor = inLead.has(h.label) ? LEAD_REPEAT_FACTOR : LEAD_FACTOR;
    inLead.add(h.label);
    const w = TERM_WEIGHTS[h.strength] * factor;
    leadScore += h.strength === 'weak' ? addWeak(w) : w;
  }
  leadScore = Math.min(LEAD_CAP, leadScore);
  const bodyScore = Math.min(BODY_CAP, bodyHits.length * BODY_FACTOR);

  const score = round2(titleScore + categoryScore + leadScore + bodyScore);
  const relevant = score >= RELEVANCE_THRESHOLD;
  return { relevant, score, reason: explain(titleHits, categories, leadHits, bodyHits) };
}

function isAiCategory(category: string): boolean {
  const c = category.trim().toLowerCase();
  return (
    AI_CATEGORY_SET.has(c) ||
    c.startsWith('ai ') ||
    c.endsWith(' ai') ||
    c.includes('artificial intelligence') ||
    c.includes('machine learning')
  );
}

/** Blanks the notices out, keeping every other character where it was. */
function stripBoilerplate(text: string): string {
  return text.includes('AI') || text.includes('LLM') ? text.replace(BOILERPLATE, (m) => ' '.repeat(m.length)) : text;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

// ---- the reason -------------------------------------------------------------------------------------------------

function explain(title: Hit[], categories: string[], lead: Hit[], body: Hit[]): string {
  const titleStrong = labels(title, false);
  const titleWeak = labels(title, true);
  let reason = titleStrong.length
    ? `title: ${quoted(titleStrong)}${titleWeak.length ? ` (weak: ${quoted(titleWeak)})` : ''}`
    : `no AI term in title${titleWeak.length ? ` (weak: ${quoted(titleWeak)})` : ''}`;
  // Tags come from the feed: quoted as JSON so that nothing in them can pass for our own wording.
  if (categories.length) reason += `; category: ${categories.map((c) => JSON.stringify(c)).join(', ')}`;
  const leadStrong = lead.filter((h) => h.strength !== 'weak');
  if (leadStrong.length === 0 && body.length === 0) {
    const weak = lead.length;
    return `${reason}; ${weak ? `${weak} weak mention${weak > 1 ? 's' : ''} in text` : 'no AI term in text'}`;
  }
  if (leadStrong.length) reason += `; lead: ${counted(leadStrong, 5)}`;
  if (body.length) reason += `; ${body.length} later mention${body.length > 1 ? 's' : ''} (${counted(body, 3)})`;
  return reason;
}

/** Distinct labels of the strong and medium (or the weak) hits, in order. */
function labels(hits: Hit[], weak: boolean): string[] {
  const out: string[] = [];
  for (const h of hits) if ((h.strength === 'weak') === weak && !out.includes(h.label)) out.push(h.label);
  return out;
}

function quoted(labels: string[]): string {
  return labels.map((l) => `"${l}"`).join(', ');
}

function counted(hits: Hit[], limit: number): string {
  const order: string[] = [];
  const counts: number[] = [];
  for (const h of hits) {
    const k = order.indexOf(h.label);
    if (k < 0) {
      order.push(h.label);
      counts.push(1);
    } else counts[k]!++;
  }
  const items = order.slice(0, limit).map((l, k) => (counts[k]! > 1 ? `"${l}" ×${counts[k]}` : `"${l}"`));
  return items.join(', ') + (order.length > limit ? ', …' : '');
}

const AI_CATEGORY_SET = new Set(AI_CATEGORIES);
const INDEX = buildIndex();
