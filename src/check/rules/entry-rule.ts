// A news entry (sections 1–6): content, not a placeholder; its required fields; 重要性 as level + reason; 來源 as
// [name](url) links only, each URL once in the line and once in the digest; each story once.

import { IMPORTANCE_LEVELS } from '../../types.js';
import { splitBlocks, type Block, type Line, type Violation } from '../digest-doc.js';
import type { LinkBook } from './links.js';

const PLACEHOLDER = /(不再重複|已列為|見前述|見前文|已於本節|已分別|此處不再|上述.*已)/;
const LINK = /\[([^\]]*)\]\(([^)\s]*)\)/g;
const IMPORTANCE = new RegExp(`^\\*\\*重要性\\*\\*：(${IMPORTANCE_LEVELS.join('|')}) — \\S`);

/** The entries of one news section; `titles` remembers entry titles across sections. */
export function checkNewsSection(section: Block, links: LinkBook, titles: Map<string, number>): Violation[] {
  const v: Violation[] = [];
  for (const e of splitBlocks(section.lines, '### ').blocks) {
    const prev = titles.get(e.title);
    if (prev) v.push({ line: e.line, message: `entry "${e.title}" repeats the entry at line ${prev}: every story appears once` });
    else titles.set(e.title, e.line);
    v.push(...checkEntry(e, links));
  }
  return v;
}

export function checkEntry(e: Block, links: LinkBook): Violation[] {
  const textLines = e.lines.filter((l) => l.text.trim() && l.text.trim() !== '---');
  const joined = textLines.map((l) => l.text).join('\n');
  // A placeholder stands where an entry should be: that is the defect to report, not each field it lacks.
  if (PLACEHOLDER.test(joined) && !joined.includes('**核心摘要**')) {
    return [
      { line: e.line, message: `placeholder entry "${e.title}" instead of content: every story appears exactly once, with its content` },
    ];
  }
  const find = (prefix: string) => textLines.find((l) => l.text.startsWith(prefix));
  return [...checkFields(e, textLines, find), ...checkSources(e, find('**來源**：'), links)];
}

function checkFields(e: Block, textLines: Line[], find: (prefix: string) => Line | undefined): Violation[] {
  const v: Violation[] = [];
  const summary = find('**核心摘要**');
  if (!summary) v.push({ line: e.line, message: `entry "${e.title}" lacks **核心摘要**` });
  else {
    const next = textLines[textLines.indexOf(summary) + 1];
    if (!next || next.text.startsWith('**')) v.push({ line: summary.line, message: '**核心摘要** has no paragraph after it' });
  }
  const entities = find('**關鍵實體**：');
  if (!entities) v.push({ line: e.line, message: `entry "${e.title}" lacks **關鍵實體**` });
  else if (!entities.text.replace('**關鍵實體**：', '').trim()) v.push({ line: entities.line, message: '**關鍵實體** is empty' });
  const importance = find('**重要性**：');
  if (!importance) v.push({ line: e.line, message: `entry "${e.title}" lacks **重要性**` });
  else if (!IMPORTANCE.test(importance.text))
    v.push({ line: importance.line, message: `**重要性** must be a level (${IMPORTANCE_LEVELS.join('/')}), then " — " and a reason` });
  return v;
}

function checkSources(e: Block, sources: Line | undefined, links: LinkBook): Violation[] {
  if (!sources) return [{ line: e.line, message: `entry "${e.title}" lacks **來源**` }];
  const v: Violation[] = [];
  const srcText = sources.text.replace('**來源**：', '');
  const found = [...srcText.matchAll(LINK)];
  if (found.length === 0) v.push({ line: sources.line, message: '**來源** has no link' });
  const leftover = srcText.replace(LINK, '').replace(/[|\s]/g, '');
  if (leftover) v.push({ line: sources.line, message: `**來源** holds text that is not a [name](url) link: "${leftover.slice(0, 40)}"` });
  const inLine = new Set<string>();
  for (const m of found) {
    const url = m[2]!;
    if (!links.check(url, sources.line, v)) continue;
    if (inLine.has(url)) v.push({ line: sources.line, message: `URL ${url} appears twice in one **來源** line` });
    inLine.add(url);
    links.cite(url, e.line, sources.line, v);
  }
  return v;
}
