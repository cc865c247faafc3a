// Digest data → the exact Markdown of format.md. Pure: nothing reaches the file without passing through here,
// and every string from a feed or a model passes through inert-text.ts on its way, so none becomes markup.

import { stringify } from 'yaml';
import type { Digest, Entry, NewsSection } from '../types.js';
import { NEWS_SECTIONS } from '../types.js';
import { inertCode, inertLinkText, inertText, plainText } from './inert-text.js';
import { INSIGHT_PARTS, INSIGHT_TITLE, markdownUrl, READING_TITLE, SECTION_TITLES, WATCH_LIST_LABEL } from './section-titles.js';

function link(text: string, url: string): string {
  return `[${inertLinkText(text)}](${markdownUrl(url)})`;
}

// Every string double-quoted (YAML 1.1 readers keep yes/no/on, `: `, `#`, a leading `*`/`&`/`!` as text), with
// JSON's escapes, and never folded: a value stays on its key's line.
const YAML_OPTIONS = { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', doubleQuotedAsJSON: true, lineWidth: 0 } as const;

function renderFrontMatter(d: Digest): string {
  const data = {
    cover: { image: d.coverImage, alt: 'AI Daily', relative: true },
    title: `${plainText(d.frame.title)} — ${d.date.replaceAll('-', '/')}`,
    date: d.generatedAt,
    draft: false,
    tags: d.frame.tags.map(plainText).filter(Boolean),
    description: plainText(d.frame.description),
    // Hugo renders a front matter summary as Markdown (.Summary), so it is made inert like the body.
    summary: inertText(d.frame.summary),
  };
  return `---\n${stringify(data, YAML_OPTIONS)}---`;
}

function bullets(items: string[]): string {
  return items.map((i) => `- ${i}  `).join('\n');
}

export function renderEntry(e: Entry): string {
  const parts = [`### ${inertText(e.title)}`, '', '**核心摘要**  ', inertText(e.summary)];
  const details = e.details.map(inertText).filter(Boolean);
  const uses = e.useCases.map(inertText).filter(Boolean);
  if (details.length) parts.push('', '**技術細節**  ', bullets(details));
  if (uses.length) parts.push('', '**應用場景**  ', bullets(uses));
  parts.push(
    '',
    `**關鍵實體**：${e.entities.map(inertText).filter(Boolean).join('、')}  `,
    `**重要性**：${e.importance} — ${inertText(e.importanceReason)}  `,
    `**來源**： ${e.sources.map((s) => link(s.name, s.url)).join(' | ')}`,
  );
  return parts.join('\n');
}

function renderSection(section: NewsSection, entries: Entry[]): string {
  const blocks = entries.map((e) => `${renderEntry(e)}\n\n---\n`);
  return [`## ${SECTION_TITLES[section]}`, '', ...blocks].join('\n');
}

function paragraphs(items: string[]): string {
  return items.map(inertText).filter(Boolean).join('\n\n');
}

function renderInsight(d: Digest): string {
  const { trends, context, outlook, watchList } = d.frame.insight;
  const texts = [trends, context, outlook];
  const parts = [`## ${INSIGHT_TITLE}`, ''];
  INSIGHT_PARTS.forEach((title, i) => parts.push(`### ${title}`, '', paragraphs(texts[i]!), ''));
  parts.push(WATCH_LIST_LABEL, '', watchList.map((w, i) => `${i + 1}. ${inertText(w)}  `).join('\n'), '', '---', '');
  return parts.join('\n');
}

function renderReading(d: Digest): string {
  const f = d.frame;
  return [
    `## ${READING_TITLE}`,
    '',
    '### 深度文章推薦',
    '',
    f.reading.map((r) => `* ${link(r.title, r.url)} — ${inertText(r.reason)}  `).join('\n'),
    '',
    '### 相關技術背景',
    '',
    f.background.map((b) => `* ${inertText(b.term)}（${inertText(b.english)}）：${inertText(b.explanation)}  `).join('\n'),
    '',
    '### 本日關鍵詞',
    '',
    f.keywords
      .map(inertCode)
      .filter(Boolean)
      .map((k) => `\`${k}\``)
      .join(' '),
    '',
    '---',
    '',
  ].join('\n');
}

function renderFooter(d: Digest, clock: string): string {
  return [
    `*資料來源：${d.articleCount} 篇文章 | 分析主題：${d.topicCount} 個*  `,
    `*資料收集時間：${inertText(d.windowLabel)} | 報告生成時間：${clock} CST*`,
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
