// The eight `##` sections of format.md, each once, in order; 今日焦點 with 3–6 entries.

import { INSIGHT_TITLE, READING_TITLE, SECTION_TITLES } from '../../render/section-titles.js';
import { NEWS_SECTIONS } from '../../types.js';
import { splitBlocks, type Block, type Violation } from '../digest-doc.js';

export const NEWS_TITLES = NEWS_SECTIONS.map((s) => SECTION_TITLES[s]);
export const ALL_TITLES = [...NEWS_TITLES, INSIGHT_TITLE, READING_TITLE];

export function checkSections(sections: Block[], lastLine: number): Violation[] {
  const v: Violation[] = [];
  const titles = sections.map((s) => s.title);
  ALL_TITLES.forEach((t, i) => {
    const at = titles.indexOf(t);
    if (at < 0) v.push({ line: sections[i]?.line ?? lastLine, message: `missing section "## ${t}"` });
    else if (at !== i) v.push({ line: sections[at]!.line, message: `section "## ${t}" is out of order (expected position ${i + 1})` });
  });
  for (const s of sections) {
    if (!ALL_TITLES.includes(s.title))
      v.push({ line: s.line, message: `unexpected section "## ${s.title}"; the digest has exactly the eight sections of format.md` });
  }
  return v;
}

/** 今日焦點 holds 3–6 entries (fewer only when the whole digest has fewer than 3). */
export function checkHeadlineCount(sections: Block[]): Violation[] {
  const headlines = sections.find((s) => s.title === SECTION_TITLES.headlines);
  if (!headlines) return [];
  const count = splitBlocks(headlines.lines, '### ').blocks.length;
  const news = sections.filter((s) => NEWS_TITLES.includes(s.title)).reduce((n, s) => n + splitBlocks(s.lines, '### ').blocks.length, 0);
  if (count > 6 || (count < 3 && news >= 3)) return [{ line: headlines.line, message: `今日焦點 has ${count} entries; it needs 3–6` }];
  return [];
}
