// 編輯洞察: its three parts, in order, each with text, and a 關注清單 of exactly five items.

import { INSIGHT_PARTS, WATCH_LIST_LABEL } from '../../render/section-titles.js';
import { splitBlocks, type Block, type Violation } from '../digest-doc.js';

export function checkInsight(section: Block): Violation[] {
  const v: Violation[] = [];
  const { blocks: parts } = splitBlocks(section.lines, '### ');
  INSIGHT_PARTS.forEach((p, i) => {
    const part = parts.find((b) => b.title === p);
    if (!part) v.push({ line: section.line, message: `編輯洞察 lacks "### ${p}"` });
    else if (parts.indexOf(part) !== i) v.push({ line: part.line, message: `"### ${p}" is out of order` });
    else if (!part.lines.some((l) => l.text.trim() && !l.text.startsWith('**') && !/^\d+\.\s/.test(l.text) && l.text.trim() !== '---')) {
      v.push({ line: part.line, message: `"### ${p}" has no text` });
    }
  });
  const labelAt = section.lines.findIndex((l) => l.text.trim() === WATCH_LIST_LABEL);
  if (labelAt < 0) v.push({ line: section.line, message: `編輯洞察 lacks the ${WATCH_LIST_LABEL} list` });
  else {
    const items = section.lines.slice(labelAt + 1).filter((l) => /^\d+\.\s+\S/.test(l.text));
    if (items.length !== 5)
      v.push({ line: section.lines[labelAt]!.line, message: `關注清單 has ${items.length} items; it must have exactly 5` });
  }
  return v;
}
