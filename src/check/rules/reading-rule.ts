// 延伸閱讀與資源: its three parts in order, recommended articles as "* [title](url) — why", background terms as
// "* 術語（English）：explanation", and 8–15 keywords.

import { READING_PARTS } from '../../render/section-titles.js';
import { splitBlocks, type Block, type Violation } from '../digest-doc.js';
import type { LinkBook } from './links.js';

export function checkReading(section: Block, links: LinkBook): Violation[] {
  const v: Violation[] = [];
  const { blocks: parts } = splitBlocks(section.lines, '### ');
  READING_PARTS.forEach((p, i) => {
    const part = parts.find((b) => b.title === p);
    if (!part) v.push({ line: section.line, message: `延伸閱讀與資源 lacks "### ${p}"` });
    else if (parts.indexOf(part) !== i) v.push({ line: part.line, message: `"### ${p}" is out of order` });
  });
  for (const l of parts.find((b) => b.title === '深度文章推薦')?.lines ?? []) {
    if (!l.text.startsWith('* ')) continue;
    const m = /^\* \[([^\]]+)\]\(([^)\s]*)\) — \S/.exec(l.text);
    if (!m) v.push({ line: l.line, message: 'a recommended article must read "* [title](url) — why read it"' });
    else links.check(m[2]!, l.line, v);
  }
  for (const l of (parts.find((b) => b.title === '相關技術背景')?.lines ?? []).filter((x) => x.text.startsWith('* '))) {
    if (!/^\* [^：]+：\S/.test(l.text))
      v.push({ line: l.line, message: 'a background term must read "* 術語（English term）：explanation"' });
  }
  const kwPart = parts.find((b) => b.title === '本日關鍵詞');
  if (kwPart) {
    const kws = kwPart.lines.flatMap((l) => l.text.match(/`[^`]+`/g) ?? []);
    if (kws.length < 8 || kws.length > 15) v.push({ line: kwPart.line, message: `本日關鍵詞 has ${kws.length} keywords; it needs 8–15` });
  }
  return v;
}
