// The day's frame built from the written entries by rules: headlines by coverage, themes by counts, terms by
// what the articles mention. Says only what the entries say, and labels expectation as expectation.

import { topNames } from '../text/extract-entities.js';
import type { Article, Entry, Frame, ReadingItem, Topic } from '../types.js';
import { GLOSSARY } from './glossary.js';
import { orderEntries } from '../pipeline/order-entries.js';
import { topicArticles } from './topic-sources.js';

const SECTION_NAMES = {
  research: '模型與研究',
  tools: '工具與資源',
  applications: '產業應用',
  trends: '趨勢觀點',
  market: '市場動態',
} as const;
const FALLBACK_TAGS = ['AI 日報', '生成式 AI', '模型研究', '產業應用', 'AI 工具', '市場動態'];

function quoteTitle(e: Entry): string {
  const t = e.title.length > 40 ? `${e.title.slice(0, 38)}…` : e.title;
  return `「${t}」`;
}

export function writeOfflineFrame(entries: Entry[], topics: Topic[], byId: ReadonlyMap<string, Article>): Frame {
  const topicById = new Map(topics.map((t) => [t.id, t]));
  const ranked = orderEntries(
    entries.map((entry) => {
      const topic = topicById.get(entry.topicId)!;
      return { entry, topic, members: topicArticles(topic, byId) };
    }),
  );
  const multi = ranked.filter((r) => r.entry.sources.length > 1);
  const headlineCount = Math.min(ranked.length, Math.max(3, Math.min(6, multi.length)));
  const headlines = ranked.slice(0, headlineCount);

  // Tags and keywords: the names most topics share (each topic is one group), headlines weighing more.
  const names = topNames(
    ranked.flatMap((r, i) => [
      { text: r.entry.title, weight: i < headlineCount ? 3 : 1, group: r.topic.id },
      { text: r.entry.entities.join(', '), weight: i < headlineCount ? 3 : 1, group: r.topic.id },
    ]),
    20,
  ).filter((n) => n.length <= 24);
  // Two-letter names (US, UK, PR) are real entities but say nothing as a tag.
  const tags = [...new Set([...names.filter((n) => n.length >= 3).slice(0, 6), ...FALLBACK_TAGS])].slice(0, 6);
  // The title names what leads each headline story (its first entity), not the day's most frequent words.
  const lead = [...new Set(headlines.map((r) => r.entry.entities[0]).filter((e): e is string => Boolean(e)))].slice(0, 3);
  const title = lead.length ? `${lead.join('、')}：今日 AI 焦點` : 'AI 產業與技術要聞';

  const perSection = Object.entries(SECTION_NAMES)
    .map(([s, label]) => [label, entries.filter((e) => e.section === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label} ${n} 則`)
    .join('、');
  const articleCount = new Set(ranked.flatMap((r) => r.members.map((a) => a.id))).size;
  const trends = [`本日整理 ${articleCount} 篇文章、${entries.length} 個主題：${perSection}。`];
  trends.push(
    multi.length
      ? `獲多個來源同時報導的主題有 ${multi.length} 個：${multi
          .slice(0, 5)
          .map((r) => `${quoteTitle(r.entry)}（${r.entry.sources.length} 個來源）`)
          .join('、')}。`
      : '今日沒有獲多個來源同時報導的主題，以下各則皆為單一訊號，尚不足以稱為趨勢。',
  );
  const research = ranked.filter((r) => r.entry.section === 'research');
  const tools = ranked.filter((r) => r.entry.section === 'tools');
  const context: string[] = [];
  if (research.length)
    context.push(
      `研究與模型面共 ${research.length} 則，包括 ${research
        .slice(0, 3)
        .map((r) => quoteTitle(r.entry))
        .join('、')}。`,
    );
  if (tools.length)
    context.push(
      `工具與資源面共 ${tools.length} 則，包括 ${tools
        .slice(0, 3)
        .map((r) => quoteTitle(r.entry))
        .join('、')}。`,
    );
  if (!context.length) context.push(`今日的技術類消息較少，主題集中在 ${perSection || '產業動態'}。`);
  const outlook = [
    `以下為預期而非事實：今日焦點 ${headlines.map((r) => quoteTitle(r.entry)).join('、')} 的後續進展（產品上線、數據公開、各方回應）值得持續追蹤。`,
  ];

  const watchList = ranked
    .slice(0, 5)
    .map((r) => `${quoteTitle(r.entry)}的後續發展（${[...new Set(r.entry.sources.map((s) => s.name))].join('、')}）`);
  for (const [s, label] of Object.entries(SECTION_NAMES)) {
    if (watchList.length >= 5) break;
    if (!entries.some((e) => e.section === s)) watchList.push(`${label}方面是否出現新的消息`);
  }
  while (watchList.length < 5) watchList.push(`明日是否有來源跟進今日的其他主題（第 ${watchList.length + 1} 項）`);

  const reading: ReadingItem[] = [];
  for (const r of ranked) {
    if (reading.length >= 3) break;
    const best = [...r.members].sort((a, b) => b.text.length - a.text.length || a.url.localeCompare(b.url))[0];
    if (!best) continue;
    reading.push({
      title: best.title,
      url: best.url,
      reason: `${best.source} 對${quoteTitle(r.entry)}的報導，是這則主題中內容最完整的一篇。`,
    });
  }

  const corpus = ranked.map((r) => `${r.entry.title} ${r.members.map((a) => `${a.title} ${a.text.slice(0, 800)}`).join(' ')}`);
  const glossary = GLOSSARY.map((g, i) => ({ g, i, n: corpus.filter((t) => g.pattern.test(t)).length }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .map((x) => x.g);
  for (const g of GLOSSARY) if (glossary.length < 4 && !glossary.includes(g)) glossary.push(g);
  const background = glossary.slice(0, 6).map(({ term, english, explanation }) => ({ term, english, explanation }));

  const keywords = [...new Set([...names, ...ranked.flatMap((r) => r.topic.keywords)])]
    .filter((k) => k.length >= 2 && k.length <= 30 && !k.includes('`'))
    .slice(0, 12);
  for (const g of background) if (keywords.length < 8) keywords.push(g.term);
  for (const t of FALLBACK_TAGS) if (keywords.length < 8 && !keywords.includes(t)) keywords.push(t);

  const focus = headlines
    .slice(0, 3)
    .map((r) => quoteTitle(r.entry))
    .join('、');
  return {
    title,
    tags,
    description: `整理本日 AI 產業與技術要聞：${entries.length} 個主題，涵蓋${perSection || '各領域'}。`,
    summary: `焦點包括${focus || '各領域消息'}等。`,
    headlineTopicIds: headlines.map((r) => r.topic.id),
    insight: { trends, context, outlook, watchList },
    reading,
    background,
    keywords,
  };
}
