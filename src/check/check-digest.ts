// The format contract (../shared/format.md) as code. Pure: text in, violations out, each with its line,
// so `digest check` can print `file:line: what is wrong` and the pipeline can refuse to write a bad digest.

import { parseDocument } from 'yaml';
import { z } from 'zod';
import { findSimplified } from '../text/to-taiwan.js';
import { IMPORTANCE_LEVELS, NEWS_SECTIONS } from '../types.js';
import { INSIGHT_PARTS, INSIGHT_TITLE, markdownUrl, READING_PARTS, READING_TITLE, SECTION_TITLES, WATCH_LIST_LABEL } from '../render/section-titles.js';

export interface Violation {
  line: number;
  message: string;
}

export interface CheckOptions {
  /** When given, every link must be one of these (the URLs of the collected articles). */
  articleUrls?: ReadonlySet<string>;
}

const PLACEHOLDER = /(不再重複|已列為|見前述|見前文|已於本節|已分別|此處不再|上述.*已)/;
const LINK = /\[([^\]]*)\]\(([^)\s]*)\)/g;
const IMPORTANCE = new RegExp(`^\\*\\*重要性\\*\\*：(${IMPORTANCE_LEVELS.join('|')}) — \\S`);
const NEWS_TITLES = NEWS_SECTIONS.map((s) => SECTION_TITLES[s]);
const ALL_TITLES = [...NEWS_TITLES, INSIGHT_TITLE, READING_TITLE];

const FrontMatterSchema = z.object({
  cover: z.object({ image: z.string().min(1), alt: z.string().min(1), relative: z.boolean() }),
  title: z.string().min(1),
  date: z.string(),
  draft: z.boolean(),
  tags: z.array(z.string().min(1)).min(5, 'needs 5–6 tags').max(6, 'needs 5–6 tags'),
  description: z.string().min(1),
  summary: z.string().min(1),
});

export function isAbsoluteHttpUrl(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    const u = new URL(url);
    return /\.[a-z0-9-]+$/i.test(u.hostname) || u.hostname === 'localhost';
  } catch {
    return false;
  }
}

interface Block {
  title: string;
  line: number;
  lines: { text: string; line: number }[];
}

function splitBlocks(lines: { text: string; line: number }[], prefix: string): { head: Block['lines']; blocks: Block[] } {
  const head: Block['lines'] = [];
  const blocks: Block[] = [];
  let cur: Block | undefined;
  for (const l of lines) {
    if (l.text.startsWith(prefix)) {
      cur = { title: l.text.slice(prefix.length).trim(), line: l.line, lines: [] };
      blocks.push(cur);
    } else if (cur) cur.lines.push(l);
    else head.push(l);
  }
  return { head, blocks };
}

export function checkDigest(text: string, options: CheckOptions = {}): Violation[] {
  const v: Violation[] = [];
  const add = (line: number, message: string) => v.push({ line, message });
  const crAt = text.indexOf('\r');
  if (crAt >= 0) add(text.slice(0, crAt).split('\n').length, 'CR line ending; the file must use LF only');
  if (!text.endsWith('\n')) add(text.split('\n').length, 'file does not end with a newline');
  const raw = text.replace(/\r/g, '').split('\n');
  const numbered = raw.map((t, i) => ({ text: t, line: i + 1 }));

  // Front matter.
  if (raw[0] !== '---') {
    add(1, 'no front matter: the file must start with a "---" line');
    return v;
  }
  const fmEnd = raw.indexOf('---', 1);
  if (fmEnd < 0) {
    add(1, 'front matter is not closed by a "---" line');
    return v;
  }
  const fmLines = raw.slice(1, fmEnd);
  const keyLine = (key: string) => {
    const i = fmLines.findIndex((l) => l.startsWith(`${key}:`));
    return i < 0 ? 1 : i + 2;
  };
  // YAML 1.1 is what makes unquoted yes/no/on booleans: check as the strictest reader would.
  const doc = parseDocument(fmLines.join('\n'), { version: '1.1' });
  if (doc.errors.length) {
    add((doc.errors[0]!.linePos?.[0]?.line ?? 0) + 1, `front matter is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
    return v;
  }
  const fm = FrontMatterSchema.safeParse(doc.toJS());
  if (!fm.success) {
    for (const issue of fm.error.issues) {
      const key = String(issue.path[0] ?? 'front matter');
      add(keyLine(key), `front matter ${issue.path.join('.') || 'block'}: ${issue.message}`);
    }
  }
  const dateLine = fmLines.find((l) => l.startsWith('date:')) ?? '';
  const dateMatch = /^date: "(\d{4}-\d\d-\d\d)T\d\d:\d\d:\d\d\+08:00"$/.exec(dateLine);
  if (!dateMatch) add(keyLine('date'), 'date must be a quoted ISO 8601 time with +08:00, e.g. "2025-12-05T06:45:04+08:00"');
  const title = fm.success ? fm.data.title : '';
  const titleDate = / — (\d{4})\/(\d\d)\/(\d\d)$/.exec(title);
  if (fm.success && !titleDate) add(keyLine('title'), 'title must end with " — YYYY/MM/DD"');
  else if (titleDate && dateMatch && `${titleDate[1]}-${titleDate[2]}-${titleDate[3]}` !== dateMatch[1]) {
    add(keyLine('title'), `title date ${titleDate.slice(1).join('/')} differs from the front matter date ${dateMatch[1]}`);
  }
  if (raw[fmEnd + 1] !== '' || raw[fmEnd + 2] !== '---') add(fmEnd + 2, 'the body must start with a blank line and a "---" line');

  // Sections.
  const body = numbered.slice(fmEnd + 1);
  const { blocks: sections } = splitBlocks(body, '## ');
  const titles = sections.map((s) => s.title.replace("Editor's", 'Editor’s'));
  ALL_TITLES.forEach((t, i) => {
    const at = titles.indexOf(t);
    if (at < 0) add(sections[i]?.line ?? raw.length, `missing section "## ${t}"`);
    else if (at !== i) add(sections[at]!.line, `section "## ${t}" is out of order (expected position ${i + 1})`);
  });
  sections.forEach((s, i) => {
    if (!ALL_TITLES.includes(titles[i]!)) add(s.line, `unexpected section "## ${s.title}"; the digest has exactly the eight sections of format.md`);
  });

  // Links are rendered with markdownUrl, so a collected URL may appear encoded: accept either form.
  const known = options.articleUrls && new Set([...options.articleUrls].flatMap((u) => [u, markdownUrl(u)]));
  const citedBy = new Map<string, number>();
  const entryTitles = new Map<string, number>();
  const checkUrl = (url: string, line: number) => {
    if (!isAbsoluteHttpUrl(url)) {
      add(line, `link target "${url}" is not an absolute http(s) URL`);
      return false;
    }
    if (known && !known.has(url)) {
      add(line, `link ${url} is not the URL of a collected article`);
    }
    return true;
  };
  let newsEntries = 0;
  let headlineEntries = -1;

  for (const section of sections) {
    const sTitle = section.title.replace("Editor's", 'Editor’s');
    if (NEWS_TITLES.includes(sTitle)) {
      const { blocks: entries } = splitBlocks(section.lines, '### ');
      if (sTitle === SECTION_TITLES.headlines) headlineEntries = entries.length;
      for (const e of entries) {
        newsEntries++;
        const prev = entryTitles.get(e.title);
        if (prev) add(e.line, `entry "${e.title}" repeats the entry at line ${prev}: every story appears once`);
        else entryTitles.set(e.title, e.line);
        const textLines = e.lines.filter((l) => l.text.trim() && l.text.trim() !== '---');
        const joined = textLines.map((l) => l.text).join('\n');
        if (PLACEHOLDER.test(joined) && !joined.includes('**核心摘要**')) {
          add(e.line, `placeholder entry "${e.title}" instead of content: every story appears exactly once, with its content`);
          continue;
        }
        const find = (prefix: string) => textLines.find((l) => l.text.startsWith(prefix));
        const summary = find('**核心摘要**');
        if (!summary) add(e.line, `entry "${e.title}" lacks **核心摘要**`);
        else {
          const next = textLines[textLines.indexOf(summary) + 1];
          if (!next || next.text.startsWith('**')) add(summary.line, '**核心摘要** has no paragraph after it');
        }
        const entities = find('**關鍵實體**：');
        if (!entities) add(e.line, `entry "${e.title}" lacks **關鍵實體**`);
        else if (!entities.text.replace('**關鍵實體**：', '').trim()) add(entities.line, '**關鍵實體** is empty');
        const importance = find('**重要性**：');
        if (!importance) add(e.line, `entry "${e.title}" lacks **重要性**`);
        else if (!IMPORTANCE.test(importance.text)) {
          add(importance.line, `**重要性** must be a level (${IMPORTANCE_LEVELS.join('/')}), then " — " and a reason`);
        }
        const sources = find('**來源**：');
        if (!sources) {
          add(e.line, `entry "${e.title}" lacks **來源**`);
          continue;
        }
        const srcText = sources.text.replace('**來源**：', '');
        const links = [...srcText.matchAll(LINK)];
        if (links.length === 0) add(sources.line, '**來源** has no link');
        const leftover = srcText.replace(LINK, '').replace(/[|\s]/g, '');
        if (leftover) add(sources.line, `**來源** holds text that is not a [name](url) link: "${leftover.slice(0, 40)}"`);
        const inLine = new Set<string>();
        for (const m of links) {
          const url = m[2]!;
          if (!checkUrl(url, sources.line)) continue;
          if (inLine.has(url)) add(sources.line, `URL ${url} appears twice in one **來源** line`);
          inLine.add(url);
          const other = citedBy.get(url);
          if (other !== undefined && other !== e.line) add(sources.line, `URL ${url} is also cited by the entry at line ${other}: the same story twice`);
          else citedBy.set(url, e.line);
        }
      }
    } else if (sTitle === INSIGHT_TITLE) {
      const { blocks: parts } = splitBlocks(section.lines, '### ');
      INSIGHT_PARTS.forEach((p, i) => {
        const part = parts.find((b) => b.title === p);
        if (!part) add(section.line, `編輯洞察 lacks "### ${p}"`);
        else if (parts.indexOf(part) !== i) add(part.line, `"### ${p}" is out of order`);
        else if (!part.lines.some((l) => l.text.trim() && !l.text.startsWith('**') && !/^\d+\.\s/.test(l.text) && l.text.trim() !== '---')) add(part.line, `"### ${p}" has no text`);
      });
      const labelAt = section.lines.findIndex((l) => l.text.trim() === WATCH_LIST_LABEL);
      if (labelAt < 0) add(section.line, `編輯洞察 lacks the ${WATCH_LIST_LABEL} list`);
      else {
        const items = section.lines.slice(labelAt + 1).filter((l) => /^\d+\.\s+\S/.test(l.text));
        if (items.length !== 5) add(section.lines[labelAt]!.line, `關注清單 has ${items.length} items; it must have exactly 5`);
      }
    } else if (sTitle === READING_TITLE) {
      const { blocks: parts } = splitBlocks(section.lines, '### ');
      READING_PARTS.forEach((p, i) => {
        const part = parts.find((b) => b.title === p);
        if (!part) add(section.line, `延伸閱讀與資源 lacks "### ${p}"`);
        else if (parts.indexOf(part) !== i) add(part.line, `"### ${p}" is out of order`);
      });
      const reading = parts.find((b) => b.title === '深度文章推薦');
      for (const l of reading?.lines ?? []) {
        if (!l.text.startsWith('* ')) continue;
        const m = /^\* \[([^\]]+)\]\(([^)\s]*)\) — \S/.exec(l.text);
        if (!m) add(l.line, 'a recommended article must read "* [title](url) — why read it"');
        else checkUrl(m[2]!, l.line);
      }
      const background = parts.find((b) => b.title === '相關技術背景');
      const terms = (background?.lines ?? []).filter((l) => l.text.startsWith('* '));
      for (const l of terms) if (!/^\* [^：]+：\S/.test(l.text)) add(l.line, 'a background term must read "* 術語（English term）：explanation"');
      const kwPart = parts.find((b) => b.title === '本日關鍵詞');
      if (kwPart) {
        const kws = kwPart.lines.flatMap((l) => l.text.match(/`[^`]+`/g) ?? []);
        if (kws.length < 8 || kws.length > 15) add(kwPart.line, `本日關鍵詞 has ${kws.length} keywords; it needs 8–15`);
      }
      const footer = section.lines.find((l) => l.text.startsWith('*資料來源：'));
      if (!footer || !/^\*資料來源：\d+ 篇文章 \| 分析主題：\d+ 個\*/.test(footer.text)) add(section.line, 'footer line "*資料來源：N 篇文章 | 分析主題：M 個*" is missing');
      const time = section.lines.find((l) => l.text.startsWith('*資料收集時間：'));
      const tm = time && /報告生成時間：(\d{4})\/(\d\d)\/(\d\d) \d\d:\d\d:\d\d CST\*$/.exec(time.text);
      if (!tm) add(footer?.line ?? section.line, 'footer line "*資料收集時間：… | 報告生成時間：YYYY/MM/DD HH:MM:SS CST*" is missing');
      else if (dateMatch && `${tm[1]}-${tm[2]}-${tm[3]}` !== dateMatch[1]) add(time!.line, 'footer generation date differs from the front matter date');
    }
  }
  if (headlineEntries >= 0 && (headlineEntries > 6 || (headlineEntries < 3 && newsEntries >= 3))) {
    add(sections.find((s) => s.title === SECTION_TITLES.headlines)!.line, `今日焦點 has ${headlineEntries} entries; it needs 3–6`);
  }

  // Script: no Simplified-only characters anywhere (front matter included).
  for (const l of numbered) {
    const found = findSimplified(l.text);
    if (found.length) add(l.line, `Simplified characters in a Traditional text: ${[...new Set(found)].join('')}; convert with OpenCC (s2twp)`);
  }
  return v.sort((a, b) => a.line - b.line);
}
