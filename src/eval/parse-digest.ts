// A digest's Markdown back into its parts, for measuring it. Lenient where `checkDigest` is strict: it reads the
// example digests with their defects (links that are not URLs, a bare 重要性, paragraphs under 技術細節) so that a
// digest can be measured whatever is wrong with it; judging the format is checkDigest's job.

import { splitBlocks, type Block, type Line } from '../check/digest-doc.js';
import { parseDocument } from 'yaml';
import { INSIGHT_TITLE, READING_TITLE, SECTION_TITLES, WATCH_LIST_LABEL } from '../render/section-titles.js';
import { IMPORTANCE_LEVELS, NEWS_SECTIONS, type NewsSection, type ReadingItem, type SourceLink } from '../types.js';

export interface DigestEntry {
  section: NewsSection;
  title: string;
  /** 1-based line of the `### ` heading. */
  line: number;
  /** 核心摘要, its lines joined. */
  summary: string;
  /** 技術細節: one item per bullet (a paragraph written instead of bullets is one item). */
  details: string[];
  /** 應用場景, as details. */
  useCases: string[];
  /** 關鍵實體, split on 、 (and ，). */
  entities: string[];
  /** The level, when 重要性 starts with one. */
  importance?: string;
  importanceReason: string;
  /** Every `[name](target)` of 來源, targets as written (not necessarily URLs). */
  sources: SourceLink[];
}

export interface ParsedDigest {
  /** The YAML front matter; undefined when there is none or it is not valid YAML. */
  frontMatter?: Record<string, unknown>;
  sections: Record<NewsSection, DigestEntry[]>;
  insight: { trends: string[]; context: string[]; outlook: string[]; watchList: string[] };
  reading: ReadingItem[];
  /** 相關技術背景 lines, without the bullet. */
  background: string[];
  keywords: string[];
  /** `*資料來源：N 篇文章 | 分析主題：M 個*`. */
  footer?: { articles: number; topics: number };
}

// Link text may hold backslash-escaped brackets (the renderer makes feed and model text inert: `\[`, `\]`).
const LINK = /\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)/g;
const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&amp;': '&' };

/** Text as the page shows it: backslash escapes of ASCII punctuation and the entities the renderer writes undone. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/&(?:lt|gt|quot|amp);/g, (e) => ENTITIES[e]!);
}

const linkOf = (m: RegExpMatchArray): SourceLink => ({ name: unescapeMarkdown(m[1]!), url: m[2]!.replace(/&amp;/g, '&') });
const LABELS = {
  核心摘要: 'summary',
  技術細節: 'details',
  應用場景: 'useCases',
  關鍵實體: 'entities',
  重要性: 'importance',
  來源: 'sources',
} as const;
const LABEL_LINE = /^\*\*(核心摘要|技術細節|應用場景|關鍵實體|重要性|來源)\*\*[:：]?\s*(.*)$/;

/** Headings are matched on their Chinese part, so `Editor's` with a straight apostrophe still counts. */
const chinesePart = (title: string) => title.split(/[（(]/)[0]!.trim();
const NEWS_BY_TITLE = new Map(NEWS_SECTIONS.map((s) => [chinesePart(SECTION_TITLES[s]), s]));

/** A Markdown line without its hard break (two trailing spaces) and surrounding space. */
const clean = (text: string) => text.replace(/\s+$/, '').trim();

function parseEntry(section: NewsSection, block: Block): DigestEntry {
  const entry: DigestEntry = {
    section,
    title: unescapeMarkdown(block.title),
    line: block.line,
    summary: '',
    details: [],
    useCases: [],
    entities: [],
    importanceReason: '',
    sources: [],
  };
  const summary: string[] = [];
  let field: (typeof LABELS)[keyof typeof LABELS] | undefined;
  for (const { text } of block.lines) {
    const t = clean(text);
    if (!t || t === '---') continue;
    const label = LABEL_LINE.exec(t);
    if (label) {
      field = LABELS[label[1] as keyof typeof LABELS];
      const rest = label[2]!.trim();
      if (field === 'sources') {
        entry.sources = [...rest.matchAll(LINK)].map(linkOf);
        continue;
      }
      if (field === 'entities')
        entry.entities = unescapeMarkdown(rest)
          .split(/[、，]/)
          .map((e) => e.trim())
          .filter(Boolean);
      else if (field === 'importance') {
        const m = new RegExp(`^(${IMPORTANCE_LEVELS.join('|')})(?:\\s*[—–-]+\\s*(.*))?$`).exec(rest);
        entry.importance = m?.[1];
        entry.importanceReason = unescapeMarkdown(m ? (m[2] ?? '').trim() : rest);
      } else if (rest && field === 'summary') summary.push(unescapeMarkdown(rest));
      continue;
    }
    const item = unescapeMarkdown(t.replace(/^[-*+]\s+/, ''));
    if (field === 'summary') summary.push(unescapeMarkdown(t));
    else if (field === 'details') entry.details.push(item);
    else if (field === 'useCases') entry.useCases.push(item);
  }
  entry.summary = summary.join('\n');
  return entry;
}

function paragraphs(lines: Line[]): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  for (const { text } of [...lines, { text: '', line: 0 }]) {
    const t = clean(text);
    if (t && t !== '---' && !t.startsWith('**')) cur.push(unescapeMarkdown(t));
    else if (cur.length) {
      out.push(cur.join('\n'));
      cur = [];
    }
  }
  return out;
}

function parseFrontMatter(raw: string[]): { frontMatter?: Record<string, unknown>; bodyStart: number } {
  if (raw[0] !== '---') return { bodyStart: 0 };
  const end = raw.indexOf('---', 1);
  if (end < 0) return { bodyStart: 0 };
  const doc = parseDocument(raw.slice(1, end).join('\n'), { version: '1.1' });
  const value: unknown = doc.errors.length ? undefined : doc.toJS();
  const frontMatter = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  return { frontMatter, bodyStart: end + 1 };
}

export function parseDigest(text: string): ParsedDigest {
  const raw = text.replace(/\r/g, '').split('\n');
  const { frontMatter, bodyStart } = parseFrontMatter(raw);
  const body = raw.map((t, i) => ({ text: t, line: i + 1 })).slice(bodyStart);
  const digest: ParsedDigest = {
    frontMatter,
    sections: Object.fromEntries(NEWS_SECTIONS.map((s) => [s, []])) as unknown as Record<NewsSection, DigestEntry[]>,
    insight: { trends: [], context: [], outlook: [], watchList: [] },
    reading: [],
    background: [],
    keywords: [],
  };
  for (const section of splitBlocks(body, '## ').blocks) {
    const name = chinesePart(section.title);
    const news = NEWS_BY_TITLE.get(name);
    if (news) {
      digest.sections[news].push(...splitBlocks(section.lines, '### ').blocks.map((b) => parseEntry(news, b)));
    } else if (name === chinesePart(INSIGHT_TITLE)) {
      const parts = splitBlocks(section.lines, '### ').blocks;
      const part = (title: string) => parts.find((p) => p.title === title)?.lines ?? [];
      const outlook = part('未來展望');
      const labelAt = outlook.findIndex((l) => clean(l.text) === WATCH_LIST_LABEL);
      const watch = labelAt < 0 ? [] : outlook.slice(labelAt + 1);
      digest.insight = {
        trends: paragraphs(part('今日趨勢總結')),
        context: paragraphs(part('技術發展脈絡')),
        outlook: paragraphs(labelAt < 0 ? outlook : outlook.slice(0, labelAt)),
        watchList: watch.filter((l) => /^\d+\.\s+\S/.test(l.text)).map((l) => unescapeMarkdown(clean(l.text).replace(/^\d+\.\s+/, ''))),
      };
    } else if (name === READING_TITLE) {
      const parts = splitBlocks(section.lines, '### ').blocks;
      const part = (title: string) => parts.find((p) => p.title === title)?.lines ?? [];
      for (const { text: t } of part('深度文章推薦')) {
        const m = /^\*\s+\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)\s*(?:[—–-]+\s*(.*))?$/.exec(clean(t));
        if (m) digest.reading.push({ title: unescapeMarkdown(m[1]!), url: linkOf(m).url, reason: unescapeMarkdown((m[3] ?? '').trim()) });
      }
      digest.background = part('相關技術背景')
        .filter((l) => /^\*\s/.test(l.text))
        .map((l) => unescapeMarkdown(clean(l.text).replace(/^\*\s+/, '')));
      digest.keywords = part('本日關鍵詞')
        .flatMap((l) => l.text.match(/`[^`]+`/g) ?? [])
        .map((k) => k.slice(1, -1));
      const footer = section.lines.map((l) => /^\*資料來源：(\d+) 篇文章 \| 分析主題：(\d+) 個\*/.exec(l.text)).find(Boolean);
      if (footer) digest.footer = { articles: Number(footer[1]), topics: Number(footer[2]) };
    }
  }
  return digest;
}

/** Every news entry in digest order (今日焦點 first). */
export function allEntries(d: ParsedDigest): DigestEntry[] {
  return NEWS_SECTIONS.flatMap((s) => d.sections[s]);
}
