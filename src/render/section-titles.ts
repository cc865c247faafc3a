// The exact headings of format.md, shared by the renderer and the checker so they cannot drift apart.

import type { NewsSection } from '../types.js';

export const SECTION_TITLES: Record<NewsSection, string> = {
  headlines: '今日焦點（Top Headlines）',
  research: '模型與技術更新（Model & Research Updates）',
  tools: '工具與資源（Tools & Resources）',
  applications: '產業與應用動態（Industry Applications）',
  trends: '產業趨勢與觀點（Industry Trends & Insights）',
  market: '市場動態精選（Key Market Updates）',
};

export const INSIGHT_TITLE = '編輯洞察（Editor’s Insight）';
export const READING_TITLE = '延伸閱讀與資源';
export const INSIGHT_PARTS = ['今日趨勢總結', '技術發展脈絡', '未來展望'] as const;
export const READING_PARTS = ['深度文章推薦', '相關技術背景', '本日關鍵詞'] as const;
export const WATCH_LIST_LABEL = '**關注清單**：';

/** `2025-12-05` → `2025-12-05-ai-intel.md`: the digest's file name. */
export function digestFileName(date: string): string {
  return `${date}-ai-intel.md`;
}

const UTF8 = new TextEncoder();

/**
 * A collected URL as a Markdown link target, the same resource either way: characters that would end the target
 * or change its meaning there are percent-encoded — parentheses and spaces (the target ends), `<` `>` `\` `"`
 * `` ` ``, braces (Hugo's shortcode lexer reads the raw file), whatever is not printable ASCII (controls, bidi
 * marks); an `&` that would start a character reference becomes `&amp;`: Goldmark decodes references in targets
 * (a backslash does not stop it there), so the page links to the URL as collected.
 */
export function markdownUrl(url: string): string {
  return url
    .replace(/\p{Cs}/gu, '')
    .replace(/[^\x21-\x7E]|[()<>\\"`{}]/gu, (c) =>
      [...UTF8.encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
    )
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;');
}
