// The format contract (../shared/format.md) as code. Pure: text in, violations out, each with its line, so
// `digest check` can print `file:line: what is wrong` and the pipeline can refuse to write a bad digest.
// Each part of the contract is a rule in rules/ (and check-safety.ts: nothing third-party text may do on the
// site); this only reads the document and runs them.

import { INSIGHT_TITLE, READING_TITLE } from '../render/section-titles.js';
import { checkSafety } from './check-safety.js';
import { readDigestDoc, type Violation } from './digest-doc.js';
import { checkNewsSection } from './rules/entry-rule.js';
import { checkFile } from './rules/file-rule.js';
import { checkFooter } from './rules/footer-rule.js';
import { checkFrontMatter } from './rules/front-matter-rule.js';
import { checkInsight } from './rules/insight-rule.js';
import { createLinkBook } from './rules/links.js';
import { checkReading } from './rules/reading-rule.js';
import { checkScript } from './rules/script-rule.js';
import { checkHeadlineCount, checkSections, NEWS_TITLES } from './rules/sections-rule.js';

export type { Violation } from './digest-doc.js';
export { isAbsoluteHttpUrl } from './rules/links.js';

export interface CheckOptions {
  /** When given, every link must be one of these (the URLs of the collected articles). */
  articleUrls?: ReadonlySet<string>;
}

export function checkDigest(text: string, options: CheckOptions = {}): Violation[] {
  const v = checkFile(text);
  const read = readDigestDoc(text);
  if ('fatal' in read) return [...v, read.fatal].sort(byLine);
  const doc = read.doc;
  // Safety first and whatever else fails: nothing a feed or a model wrote may act as markup on the site.
  v.push(...checkSafety(doc.lines, doc.frontMatterEnd + 2, options));
  const fm = checkFrontMatter(doc);
  v.push(...fm.violations);
  if (fm.stop) return v.sort(byLine);

  v.push(...checkSections(doc.sections, doc.lines.length));
  const links = createLinkBook(options.articleUrls);
  const entryTitles = new Map<string, number>();
  for (const section of doc.sections) {
    if (NEWS_TITLES.includes(section.title)) v.push(...checkNewsSection(section, links, entryTitles));
    else if (section.title === INSIGHT_TITLE) v.push(...checkInsight(section));
    else if (section.title === READING_TITLE) v.push(...checkReading(section, links), ...checkFooter(section, fm.facts.date));
  }
  v.push(...checkHeadlineCount(doc.sections), ...checkScript(doc.lines));
  return distinct(v).sort(byLine);
}

/** The safety and link rules may both find a link that is not a collected article: say it once. */
function distinct(v: Violation[]): Violation[] {
  const seen = new Set<string>();
  return v.filter((x) => !seen.has(`${x.line}\n${x.message}`) && seen.add(`${x.line}\n${x.message}`));
}

function byLine(a: Violation, b: Violation): number {
  return a.line - b.line;
}
