// The main text of an article page, for feeds that publish only a teaser (`fullText: true`).
// Not a full readability port: the block with the most paragraph text wins, after page furniture is removed.

import { load } from 'cheerio';
import { collapseWhitespace, htmlToText } from './html-to-text.js';

const FURNITURE =
  'script, style, noscript, template, iframe, svg, nav, header, footer, aside, form, button, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"], .share, .social, .related, .comments, #comments, .advert, .ad, .newsletter';
const CANDIDATES =
  'article, main, [role="main"], [itemprop="articleBody"], .entry-content, .post-content, .article-content, .article-body, .story-body, #content, .content';

/** Plain text of the page's main content; '' when the page has none worth keeping. */
export function extractMainText(html: string): string {
  const $ = load(html);
  $(FURNITURE).remove();
  let bestText = '';
  let bestScore = 0;
  const consider = (htmlOfBlock: string): void => {
    const $block = load(htmlOfBlock, null, false);
    // Paragraph text counts; link lists (menus, tag clouds) do not.
    const paragraphs = $block('p, li, blockquote, pre, h2, h3')
      .toArray()
      .map((p) => collapseWhitespace($block(p).text()))
      .filter((t) => t.length >= 25);
    const score = paragraphs.reduce((n, t) => n + t.length, 0);
    if (score > bestScore) {
      bestScore = score;
      bestText = htmlToText(htmlOfBlock);
    }
  };
  for (const el of $(CANDIDATES).toArray()) consider($.html(el));
  if (bestScore === 0) consider($('body').html() ?? '');
  return bestScore >= 200 ? bestText : '';
}
