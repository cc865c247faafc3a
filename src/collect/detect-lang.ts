import type { Lang } from '../types.js';

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const LATIN_WORD = /[A-Za-z]{2,}/g;

/**
 * The article's language: the feed's, unless the text clearly says otherwise. A Chinese character carries
 * about a word, so Han characters are weighed against Latin words: mostly Han → zh; no Han at all in a
 * text of some length → en. Mixed texts (Chinese with English names) keep the feed's language.
 */
export function detectLang(text: string, feedLang: Lang): Lang {
  const han = text.match(HAN)?.length ?? 0;
  const words = text.match(LATIN_WORD)?.length ?? 0;
  if (han >= 4 && han > words) return 'zh';
  if (han === 0 && words >= 8) return 'en';
  return feedLang;
}
