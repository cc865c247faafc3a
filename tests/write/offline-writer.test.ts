import { describe, expect, it } from 'vitest';
import { findSimplified } from '../../src/text/to-taiwan.js';
import type { Article, FeedConfig, Topic } from '../../src/types.js';
import { writeOffline } from '../../src/write/offline-writer.js';

const art = (id: string, over: Partial<Article>): Article => ({
  id,
  feedId: 'techcrunch-ai',
  source: 'TechCrunch',
  url: `https://example.com/${id}`,
  title: `Title ${id}`,
  text: '',
  publishedAt: '2025-12-04T10:00:00.000Z',
  lang: 'en',
  ...over,
});

const feeds: FeedConfig[] = [
  { id: 'techcrunch-ai', name: 'TechCrunch', url: 'https://techcrunch.com/feed/', lang: 'en' },
  { id: 'qbitai', name: '量子位', url: 'https://www.qbitai.com/feed', lang: 'zh' },
  { id: 'arxiv-cs-cv', name: 'arXiv cs.CV', url: 'https://export.arxiv.org/rss/cs.CV', lang: 'en', section: 'research' },
  { id: 'ai-business', name: 'AI Business', url: 'https://aibusiness.com/rss.xml', lang: 'en' },
];

const articles: Article[] = [
  art('a1', {
    title: 'Anthropic signs $200M deal to bring its LLMs to Snowflake’s customers',
    text: 'Anthropic signed a $200 million multi-year deal with Snowflake. The deal makes Claude models available to Snowflake’s 12,600 customers. Snowflake CEO Sridhar Ramaswamy called it a milestone.',
  }),
  art('a2', {
    feedId: 'qbitai',
    source: '量子位',
    lang: 'zh',
    url: 'https://www.qbitai.com/2025/12/1.html',
    title: 'Anthropic与Snowflake签下2亿美元大单',
    text: 'Anthropic与Snowflake签署了一份价值2亿美元的多年协议，Claude模型将进入Snowflake的数据平台。这笔交易显示企业软件正加速整合大模型。',
  }),
  art('a3', {
    feedId: 'ai-business',
    source: 'AI Business',
    url: 'https://aibusiness.com/x',
    title: 'Snowflake deal an example of Anthropic influence',
    text: 'Analysts say the Snowflake agreement shows Anthropic’s growing enterprise reach.',
  }),
  art('a4', {
    feedId: 'arxiv-cs-cv',
    source: 'arXiv cs.CV',
    url: 'https://arxiv.org/abs/2512.02012',
    title: 'Improved Mean Flows: On the Challenges of Fastforward Generative Models',
    text: 'We present iMF, a one-step generative model. iMF-XL/2 reaches FID 1.72 on ImageNet 256x256 with a single function evaluation.',
  }),
  art('a5', {
    title: 'Meta tests an AI support assistant',
    text: 'Meta is centralising Facebook and Instagram support and testing an AI assistant for users.',
  }),
];
const topics: Topic[] = [
  { id: 't1', articleIds: ['a1', 'a2', 'a3'], representativeId: 'a1', keywords: ['snowflake', 'anthropic'] },
  { id: 't2', articleIds: ['a4'], representativeId: 'a4', keywords: ['imf'] },
  { id: 't3', articleIds: ['a5'], representativeId: 'a5', keywords: ['meta'] },
];

describe('writeOffline', async () => {
  const out = await writeOffline({ date: '2025-12-05', topics, articles, feeds });
  const byTopic = new Map(out.entries.map((e) => [e.topicId, e]));

  it('writes one entry per topic, citing every member article once, with no model', () => {
    expect(out.entries.map((e) => e.topicId)).toEqual(['t1', 't2', 't3']);
    expect(byTopic.get('t1')!.sources.map((s) => s.url)).toEqual([
      'https://example.com/a1',
      'https://www.qbitai.com/2025/12/1.html',
      'https://aibusiness.com/x',
    ]);
    expect(out.writers).toEqual({ offline: 3, model: 0, replay: 0 });
  });

  it('leads a cross-language story with its Chinese article, converted to Taiwan Traditional', () => {
    const e = byTopic.get('t1')!;
    expect(e.title).toBe('Anthropic與Snowflake簽下2億美元大單');
    expect(e.summary).toContain('2億美元');
    expect(findSimplified(JSON.stringify(out))).toEqual([]);
  });

  it('takes every sentence from the articles (extractive)', () => {
    const e = byTopic.get('t2')!;
    const source = articles[3]!.text;
    expect(source).toContain(e.summary.replace(/…$/, ''));
    for (const d of e.details) expect(source.includes(d) || d.includes('：')).toBe(true);
  });

  it('files stories by feed hint and keywords, and rates importance by coverage', () => {
    expect(byTopic.get('t2')!.section).toBe('research');
    expect(byTopic.get('t1')!.importance).toBe('高');
    expect(byTopic.get('t1')!.importanceReason).toContain('3 個來源');
    expect(byTopic.get('t3')!.importance).toBe('中');
    expect(byTopic.get('t1')!.entities).toContain('Snowflake');
  });

  it('frames the day: headlines, exactly five watch items, reading from the articles, 8–15 keywords', () => {
    const f = out.frame;
    expect(f.headlineTopicIds[0]).toBe('t1');
    expect(f.headlineTopicIds.length).toBe(3);
    expect(f.insight.watchList).toHaveLength(5);
    expect(f.tags.length).toBeGreaterThanOrEqual(5);
    expect(f.tags.length).toBeLessThanOrEqual(6);
    expect(f.keywords.length).toBeGreaterThanOrEqual(8);
    expect(f.keywords.length).toBeLessThanOrEqual(15);
    const urls = new Set(articles.map((a) => a.url));
    for (const r of f.reading) expect(urls.has(r.url)).toBe(true);
    expect(f.background.length).toBeGreaterThanOrEqual(4);
  });

  it('is deterministic', async () => {
    const again = await writeOffline({ date: '2025-12-05', topics, articles, feeds });
    expect(JSON.stringify(again)).toBe(JSON.stringify(out));
  });
});
