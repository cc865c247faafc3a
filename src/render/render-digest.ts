// Digest data → the exact Markdown of format.md. Pure: nothing reaches the file without passing through here,
// so this is also where model text is made safe for Markdown and YAML.

import type { Digest, Entry, NewsSection } from '../types.js';
import { NEWS_SECTIONS } from '../types.js';
import { INSIGHT_PARTS, INSIGHT_TITLE, markdownUrl, READING_TITLE, SECTION_TITLES, WATCH_LIST_LABEL } from './section-titles.js';

/** One line of prose: no line breaks, no Markdown block syntax at the start, no stray surrounding space. */
export function inline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(#+|>|[-*+]\s|\d+\.\s|---+)\s*/, '');
}

/** Link text cannot hold square brackets; full-width ones read the same in Chinese text. */
function linkText(text: string): string {
  return inline(text).replaceAll('[', '［').replaceAll(']', '］') || 'link';
}

function link(text: string, url: string): string {
  return `[${linkText(text)}](${markdownUrl(url)})`;
}

/** A YAML double-quoted scalar: JSON's string escapes are valid YAML, and quoting keeps yes/no/on strings. */
function yamlString(text: string): string {
  return JSON.stringify(inline(text));
}

function renderFrontMatter(d: Digest): string {
  const lines = [
    '---',
    'cover:',
    `  image: ${yamlString(d.coverImage)}`,
    '  alt: "AI Daily"',
    '  relative: true',
    `title: ${yamlString(`${inline(d.frame.title)} — ${d.date.replaceAll('-', '/')}`)}`,
    `date: ${JSON.stringify(d.generatedAt)}`,
    'draft: false',
    'tags:',
    ...d.frame.tags.map((t) => `  - ${yamlString(t)}`),
    `description: ${yamlString(d.frame.description)}`,
    `summary: ${yamlString(d.frame.summary)}`,
    '---',
  ];
  return lines.join('\n');
}

function bullets(items: string[]): string {
  return items.map((i) => `- ${inline(i)}  `).join('\n');
}

export function renderEntry(e: Entry): string {
  const parts = [`### ${inline(e.title)}`, '', '**核心摘要**  ', inline(e.summary)];
  const details = e.details.map(inline).filter(Boolean);
  const uses = e.useCases.map(inline).filter(Boolean);
  if (details.length) parts.push('', '**技術細節**  ', bullets(details));
  if (uses.length) parts.push('', '**應用場景**  ', bullets(uses));
  parts.push(
    '',
    `**關鍵實體**：${e.entities.map(inline).filter(Boolean).join('、')}  `,
    `**重要性**：${e.importance} — ${inline(e.importanceReason)}  `,
    `**來源**： ${e.sources.map((s) => link(s.name, s.url)).join(' | ')}`,
  );
  return parts.join('\n');
}

function renderSection(section: NewsSection, entries: Entry[]): string {
  const blocks = entries.map((e) => `${renderEntry(e)}\n\n---\n`);
  return [`## ${SECTION_TITLES[section]}`, '', ...blocks].join('\n');
}

function paragraphs(items: string[]): string {
  return items.map(inline).filter(Boolean).join('\n\n');
}

function renderInsight(d: Digest): string {
  const { trends, context, outlook, watchList } = d.frame.insight;
  const texts = [trends, context, outlook];
  const parts = [`## ${INSIGHT_TITLE}`, ''];
  INSIGHT_PARTS.forEach((title, i) => parts.push(`### ${title}`, '', paragraphs(texts[i]!), ''));
  parts.push(WATCH_LIST_LABEL, '', watchList.map((w, i) => `${i + 1}. ${inline(w)}  `).join('\n'), '', '---', '');
  return parts.join('\n');
}

function renderReading(d: Digest): string {
  const f = d.frame;
  return [
    `## ${READING_TITLE}`,
    '',
    '### 深度文章推薦',
    '',
    f.reading.map((r) => `* ${link(r.title, r.url)} — ${inline(r.reason)}  `).join('\n'),
    '',
    '### 相關技術背景',
    '',
    f.background.map((b) => `* ${inline(b.term)}（${inline(b.english)}）：${inline(b.explanation)}  `).join('\n'),
    '',
    '### 本日關鍵詞',
    '',
    f.keywords.map((k) => `\`${inline(k).replaceAll('`', '')}\``).join(' '),
    '',
    '---',
    '',
  ].join('\n');
}

function renderFooter(d: Digest, clock: string): string {
  return [
    `*資料來源：${d.articleCount} 篇文章 | 分析主題：${d.topicCount} 個*  `,
    `*資料收集時間：${d.windowLabel} | 報告生成時間：${clock} CST*`,
    '',
    '---',
    '',
  ].join('\n');
}

export function renderDigest(d: Digest): string {
  const clock = d.generatedAt.slice(0, 19).replace('T', ' ').replaceAll('-', '/');
  const body = [
    renderFrontMatter(d),
    '',
    '---',
    '',
    ...NEWS_SECTIONS.map((s) => renderSection(s, d.sections[s])),
    renderInsight(d),
    renderReading(d),
    renderFooter(d, clock),
  ];
  return body.join('\n');
}
