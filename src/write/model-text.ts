// Hygiene for every string a model wrote, before it reaches the digest: no links (code makes links), no stray
// bullet markers or line breaks that would break the Markdown layout, and Taiwan Traditional script.

import { toTaiwan } from '../text/to-taiwan.js';

const MD_LINK = /\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*\)/g;
const CJK = '[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef]';
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s，。、）)」\]]+/g;

/** One paragraph of model text, cleaned and converted. */
export function cleanModelText(text: string): string {
  const noLinks = text.replace(MD_LINK, '$1').replace(BARE_URL, '');
  const oneLine = noLinks.replace(/\s*\n\s*/g, ' ').replace(/[ \t]{2,}/g, ' ');
  // A line break between two Chinese characters is not a space in Chinese.
  return toTaiwan(oneLine.replace(new RegExp(`(${CJK}) (?=${CJK})`, 'gu'), '$1').trim());
}

/** A bullet: as a paragraph, without the marker the renderer adds itself. */
export function cleanBullet(text: string): string {
  return cleanModelText(text.replace(/^\s*(?:[-*•・●▪]\uFE0E?|\d{1,2}[.)、])\s+/, ''));
}

/** Bullets cleaned, empty ones dropped, repeats dropped. */
export function cleanList(items: string[], clean: (s: string) => string = cleanBullet): string[] {
  return [...new Set(items.map(clean).filter((s) => s.length > 0))];
}
