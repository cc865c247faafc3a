import { describe, expect, it } from 'vitest';
import { clusterArticles, topicLabels, type ClusterInput } from '../../src/cluster/cluster-articles.js';

// A small day: three multi-article stories (one reported in English and Chinese), and unrelated single stories that
// share common words ("OpenAI", "model", "AI") with them.
const day: ClusterInput[] = [
  {
    id: 'a1',
    title: 'OpenAI launches GPT-5.1 with faster reasoning for ChatGPT users',
    text: 'OpenAI on Wednesday released GPT-5.1, an update to its flagship model that it says reasons faster and follows instructions better. GPT-5.1 Instant and GPT-5.1 Thinking roll out to paid ChatGPT users first.',
    lang: 'en',
    url: 'https://example.com/2025/11/12/openai-launches-gpt-5-1',
  },
  {
    id: 'b1',
    title: 'Anthropic raises $13bn at a $183bn valuation',
    text: 'Anthropic has closed a $13 billion funding round that values the Claude maker at $183 billion, led by ICONIQ.',
    lang: 'en',
    url: 'https://news.example.org/anthropic-raises-13bn-series-f',
  },
  {
    id: 'c1',
    title: 'Hugging Face releases SmolLM3, a 3B model that runs on a laptop',
    text: 'SmolLM3 is a 3 billion parameter open model with long context, trained on 11 trillion tokens.',
    lang: 'en',
  },
  {
    id: 'a2',
    title: 'GPT-5.1 is here: OpenAI updates ChatGPT with Instant and Thinking models',
    text: 'The new GPT-5.1 Instant model is warmer and more conversational, while GPT-5.1 Thinking adapts how long it reasons, OpenAI said.',
    lang: 'en',
    url: 'https://other.example.net/ai/gpt-5-1-chatgpt-instant-thinking',
  },
  {
    id: 'd1',
    title: 'OpenAI signs $38bn cloud deal with Amazon Web Services',
    text: 'OpenAI will buy $38 billion of computing capacity from AWS over seven years, using Nvidia GB200 and GB300 chips.',
    lang: 'en',
  },
  {
    id: 'b2',
    title: 'Anthropic 完成 130 億美元融資，估值達 1830 億美元',
    text: 'Claude 開發商 Anthropic 宣布完成 F 輪 130 億美元融資，投後估值 1830 億美元，由 ICONIQ 領投。',
    lang: 'zh',
  },
  {
    id: 'e1',
    title: '輝達發表新一代 Rubin 晶片，效能提升 3.3 倍',
    text: 'Nvidia 執行長黃仁勳表示 Rubin 將於明年量產。',
    lang: 'zh',
  },
  {
    id: 'a3',
    title: 'OpenAI 推出 GPT-5.1，ChatGPT 推理更快',
    text: 'OpenAI 發布 GPT-5.1 Instant 與 GPT-5.1 Thinking 兩款模型，先向付費 ChatGPT 用戶開放。',
    lang: 'zh',
  },
  {
    id: 'f1',
    title: 'Why AI agents still struggle with long tasks',
    text: 'An essay on the reliability of language model agents in enterprise software.',
    lang: 'en',
  },
];

function groups(input: ClusterInput[]): string[][] {
  return clusterArticles(input).map((t) => [...t.articleIds].sort());
}

describe('clusterArticles', () => {
  it('returns no topics for no articles', () => {
    expect(clusterArticles([])).toEqual([]);
  });

  it('groups reworded and cross-language reports of one story, and keeps other stories apart', () => {
    const g = groups(day);
    expect(g).toContainEqual(['a1', 'a2', 'a3']);
    expect(g).toContainEqual(['b1', 'b2']);
    expect(g).toContainEqual(['c1']);
    expect(g).toContainEqual(['d1']);
    expect(g).toContainEqual(['e1']);
    expect(g).toContainEqual(['f1']);
  });

  it('puts every article in exactly one topic, numbers topics t1.. and lists the representative first', () => {
    const topics = clusterArticles(day);
    const all = topics.flatMap((t) => t.articleIds);
    expect([...all].sort()).toEqual(day.map((a) => a.id).sort());
    expect(topics.map((t) => t.id)).toEqual(topics.map((_, k) => `t${k + 1}`));
    for (const t of topics) expect(t.articleIds[0]).toBe(t.representativeId);
  });

  it('orders topics by size, then by the position of their earliest article', () => {
    const topics = clusterArticles(day);
    expect(topics.map((t) => t.articleIds.length)).toEqual([3, 2, 1, 1, 1, 1]);
    // Singles in input order: c1 (2), d1 (4), e1 (6), f1 (8).
    expect(topics.slice(2).map((t) => t.articleIds[0])).toEqual(['c1', 'd1', 'e1', 'f1']);
  });

  it('is deterministic: the same input gives the same topics', () => {
    expect(clusterArticles(day)).toEqual(clusterArticles(day.map((a) => ({ ...a }))));
  });

  it('gives keywords that name the story', () => {
    const [gpt] = clusterArticles(day);
    expect(gpt!.keywords.length).toBeGreaterThan(0);
    expect(gpt!.keywords.join(' ')).toMatch(/gpt-5\.1|chatgpt|openai/i);
  });

  it('works on titles alone ({id, title} lines)', () => {
    const titles = day.map(({ id, title }) => ({ id, title }));
    const g = groups(titles);
    // Without text the Chinese GPT-5.1 title still shares "OpenAI", "GPT-5.1" and "ChatGPT" with the English ones.
    expect(g).toContainEqual(['a1', 'a2', 'a3']);
    expect(g.flat().sort()).toEqual(day.map((a) => a.id).sort());
  });

  it('matches amounts across languages: "$13bn" and "130 億美元" are one number', () => {
    const g = groups([
      { id: 'x', title: 'Mistral raises $2bn led by ASML', lang: 'en' },
      { id: 'y', title: 'Mistral 獲 20 億美元融資，ASML 領投', lang: 'zh' },
      { id: 'z', title: 'ASML reports quarterly results', lang: 'en' },
    ]);
    expect(g).toContainEqual(['x', 'y']);
  });

  it('does not join a Chinese and an English article on one shared company name alone', () => {
    const g = groups([
      { id: 'x', title: 'OpenAI signs $38bn cloud deal with Amazon Web Services', lang: 'en' },
      { id: 'y', title: 'OpenAI 執行長談人工智慧泡沫', lang: 'zh' },
    ]);
    expect(g).toEqual([['x'], ['y']]);
  });

  it('treats Simplified and Traditional Chinese as one script', () => {
    const g = groups([
      { id: 'x', title: '阿里巴巴发布通义千问新模型 Qwen3-Max', lang: 'zh' },
      { id: 'y', title: '阿里巴巴發布通義千問新模型 Qwen3-Max', lang: 'zh' },
      { id: 'z', title: '百度發表文心大模型 5.0', lang: 'zh' },
    ]);
    expect(g).toContainEqual(['x', 'y']);
    expect(g).toContainEqual(['z']);
  });

  it('puts two items with the same canonical URL in one topic', () => {
    const g = groups([
      { id: 'x', title: 'Completely different words here', url: 'https://a.example/post/1' },
      { id: 'y', title: 'Nothing in common at all', url: 'https://a.example/post/1' },
    ]);
    expect(g).toEqual([['x', 'y']]);
  });

  it('labels articles by topic index in input order', () => {
    const topics = clusterArticles(day);
    const labels = topicLabels(day, topics);
    expect(labels[0]).toBe(labels[3]);
    expect(labels[0]).toBe(labels[7]);
    expect(labels[1]).toBe(labels[5]);
    expect(new Set(labels).size).toBe(topics.length);
  });

  it('treats an option given as undefined as not given', () => {
    expect(clusterArticles(day, { threshold: undefined, linkage: undefined })).toEqual(clusterArticles(day));
  });

  it('uses dense vectors when given: articles with no shared word can be linked', () => {
    const input = [
      { id: 'x', title: 'Rocket lab launches satellite' },
      { id: 'y', title: '火箭成功發射衛星' },
      { id: 'z', title: 'Chip maker quarterly earnings' },
    ];
    expect(groups(input)).toEqual([['x'], ['y'], ['z']]);
    const dense = [
      [1, 0.1, 0],
      [0.95, 0.12, 0.02],
      [0, 0.1, 1],
    ];
    expect(clusterArticles(input, { dense }).map((t) => [...t.articleIds].sort())).toEqual([['x', 'y'], ['z']]);
    expect(() => clusterArticles(input, { dense: dense.slice(1) })).toThrow(RangeError);
  });

  it('scales: 3,000 synthetic titles cluster fast and into their 600 stories', () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({
      id: `a${i}`,
      title: `story${i % 600} topic word${i % 600}x launch ${i % 7 === 0 ? 'update' : 'report'}`,
    }));
    const t0 = performance.now();
    const topics = clusterArticles(many);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(topics.length).toBe(600);
  });
});
