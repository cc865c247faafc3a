// The offline writer's 重要性: how widely a story was reported, and by whom. A model weighs content; this
// weighs coverage, and its reason says so.

import type { Article, Importance } from '../types.js';

/** Outlets whose single report already makes a story notable. */
const MAJOR_FEEDS = /^(techcrunch|guardian|openai|anthropic|deepmind|google|mit-tech)/;

export function rateImportance(articles: Article[]): { level: Importance; reason: string } {
  const sources = [...new Set(articles.map((a) => a.source))];
  const n = sources.length;
  const list = sources.join('、');
  if (n >= 4) return { level: '極高', reason: `${n} 個來源（${list}）同時報導，是今日最受關注的消息之一。` };
  if (n === 3) return { level: '高', reason: `${n} 個來源（${list}）同時報導，影響範圍廣。` };
  if (n === 2) return { level: '中偏高', reason: `${list} 兩個來源皆有報導，受到跨媒體關注。` };
  const major = articles.some((a) => MAJOR_FEEDS.test(a.feedId));
  if (major) return { level: '中', reason: `由主要媒體 ${list} 報導，值得產業關注。` };
  return { level: '低', reason: `僅 ${list} 單一來源報導，影響限於其領域。` };
}
