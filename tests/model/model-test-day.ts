// A small synthetic day for the model writer's tests and benchmark: topics of one to three articles, with
// numbers in the text so grounding has something to check.

import type { Article, DigestWriter, Topic, WriteInput } from '../../src/types.js';

export function makeArticle(id: string, title: string, text: string, extra: Partial<Article> = {}): Article {
  return {
    id,
    feedId: 'feed-a',
    source: 'Example News',
    url: `https://news.example.com/${id}`,
    title,
    text,
    publishedAt: '2025-12-04T10:00:00.000Z',
    lang: 'en',
    ...extra,
  };
}

/** `topics` topics; topic i has 1 + (i % 3) articles. */
export function makeDay(topics: number, date = '2025-12-05'): WriteInput {
  const articles: Article[] = [];
  const ts: Topic[] = [];
  for (let i = 1; i <= topics; i++) {
    const ids: string[] = [];
    for (let j = 1; j <= 1 + ((i - 1) % 3); j++) {
      const id = `a${i}-${j}`;
      ids.push(id);
      articles.push(
        makeArticle(
          id,
          `Story ${i} report ${j}: Acme releases model ${i}.${j}`,
          `Acme said on Thursday that model ${i}.${j} scores 87.5% on the benchmark and raised $200 million. `.repeat(6),
          { source: j === 1 ? 'TechCrunch' : 'The Verge', url: `https://news.example.com/story-${i}/report-${j}` },
        ),
      );
    }
    ts.push({ id: `t${i}`, articleIds: ids, representativeId: ids[0]!, keywords: [`story${i}`] });
  }
  return { date, topics: ts, articles };
}

/** A stand-in for the offline writer: deterministic, marks its text so tests can tell who wrote what. */
export const fakeOffline: DigestWriter = async (input) => ({
  entries: input.topics.map((t) => ({
    topicId: t.id,
    section: 'tools' as const,
    title: `離線：${t.id}`,
    summary: `離線摘要 ${t.id}`,
    details: [],
    useCases: [],
    entities: ['Acme'],
    importance: '中' as const,
    importanceReason: '離線判斷。',
    sources: [],
  })),
  frame: {
    title: '離線框架',
    tags: ['a', 'b', 'c', 'd', 'e'],
    description: '離線',
    summary: '離線',
    headlineTopicIds: input.topics.slice(0, 3).map((t) => t.id),
    insight: { trends: ['離線'], context: ['離線'], outlook: ['離線'], watchList: ['1', '2', '3', '4', '5'] },
    reading: [],
    background: [],
    keywords: [],
  },
  failedTopics: [],
  warnings: [],
  writers: { offline: input.topics.length, model: 0, replay: 0 },
  usage: {},
});

const CHINESE = '輝達發表新一代資料中心晶片，效能較前代提升百分之三十，並預計明年第二季開始出貨給雲端業者。';

/** A day of long Chinese articles (`articles` per topic, `chars` characters each): the case `chars / 4` undercounts. */
export function makeChineseDay(topics: number, o: { articles?: number; chars?: number } = {}, date = '2025-12-05'): WriteInput {
  const articles: Article[] = [];
  const ts: Topic[] = [];
  for (let i = 1; i <= topics; i++) {
    const ids: string[] = [];
    for (let j = 1; j <= (o.articles ?? 3); j++) {
      const id = `z${i}-${j}`;
      ids.push(id);
      const text = `${CHINESE.repeat(Math.ceil((o.chars ?? 3000) / CHINESE.length))}`.slice(0, o.chars ?? 3000);
      articles.push(
        makeArticle(id, `Story ${i} report ${j}: 晶片大廠發表第 ${i} 代加速器`, text, {
          lang: 'zh',
          source: j === 1 ? 'iThome' : '數位時代',
          url: `https://news.example.tw/${i}/${j}`,
        }),
      );
    }
    ts.push({ id: `t${i}`, articleIds: ids, representativeId: ids[0]!, keywords: [`story${i}`] });
  }
  return { date, topics: ts, articles };
}
