import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allEntries, parseDigest } from '../../src/eval/parse-digest.js';

const dayA = readFileSync(path.join(import.meta.dirname, 'fixtures/day-a.md'), 'utf8');

describe('parseDigest', () => {
  const d = parseDigest(dayA);

  it('reads the entries of each section, in order, with the line of their heading', () => {
    expect(Object.fromEntries(Object.entries(d.sections).map(([s, es]) => [s, es.map((e) => e.title)]))).toEqual({
      headlines: ['OpenAI 發表 GPT-5.2 模型', '輝達公布季度財報', '新型擴散模型研究提升影像品質'],
      research: ['OpenAI 發表 GPT-5.2 模型'],
      tools: ['新型擴散模型研究提升影像畫質'],
      applications: ['銀行導入客服機器人'],
      trends: ['人工智慧人才需求持續升溫'],
      market: ['銀行科技新創募資一億美元'],
    });
    expect(d.sections.headlines[0]!.line).toBe(23);
    expect(allEntries(d)).toHaveLength(8);
  });

  it('reads every field of an entry', () => {
    const h1 = d.sections.headlines[0]!;
    expect(h1.details).toEqual(['細節第1點說明', '細節第2點說明', '細節第3點說明', '細節第4點說明', '細節第5點說明']);
    expect(h1.useCases).toEqual(['場景第1點說明', '場景第2點說明']);
    expect(h1.entities).toEqual(['OpenAI', 'GPT-5.2', 'ChatGPT']);
    expect([h1.importance, h1.importanceReason]).toEqual(['極高', '前沿模型更新。']);
    expect(h1.sources).toEqual([{ name: 'TechCrunch', url: 'https://example.com/news/openai-gpt-5-2' }]);
    expect(h1.summary).toBe('模型在測試中表現穩定'.repeat(16));
    expect(d.sections.applications[0]!.sources.map((s) => s.name)).toEqual(['數位時代', '經濟日報']);
  });

  it('reads the front matter, insight, reading, keywords and footer', () => {
    expect(d.frontMatter?.tags).toEqual(['模型', '財報', '人才', '金融', '研究']);
    expect(d.insight.trends).toEqual(['模型更新與財報是今日兩條主線。']);
    expect(d.insight.outlook).toEqual(['預期更多企業導入客服機器人。']);
    expect(d.insight.watchList).toEqual([
      'GPT-5.2 的實際表現',
      '輝達下季財測',
      '擴散模型的開源版本',
      '銀行客服的使用者回饋',
      '人才市場的薪資變化',
    ]);
    expect(d.reading).toEqual([{ title: 'OpenAI GPT-5.2', url: 'https://example.com/news/openai-gpt-5-2', reason: '了解新模型。' }]);
    expect(d.background).toEqual(['擴散模型（Diffusion Model）：從雜訊逐步還原影像的生成模型。']);
    expect(d.keywords).toEqual(['GPT-5.2', '輝達', '擴散模型', '客服機器人', '人才', '募資', '金融', '財報']);
    expect(d.footer).toEqual({ articles: 20, topics: 8 });
  });

  it("reads the example digests' defects instead of failing on them", () => {
    const text = [
      '## 今日焦點（Top Headlines）',
      '',
      '### 懺悔訓練',
      '',
      '**核心摘要**  ',
      '第一行。',
      '第二行。',
      '',
      '**技術細節**  ',
      '一段文字而非條列。',
      '',
      '**關鍵實體**：OpenAI、GPT-5-Thinking  ',
      '**重要性**：強化安全。  ',
      '**來源**： [量子位節選](1)',
      '',
      "## 編輯洞察（Editor's Insight）",
    ].join('\n');
    const [e] = allEntries(parseDigest(text));
    expect(e).toMatchObject({
      summary: '第一行。\n第二行。',
      details: ['一段文字而非條列。'],
      importance: undefined,
      importanceReason: '強化安全。',
      sources: [{ name: '量子位節選', url: '1' }],
    });
    expect(parseDigest(text).frontMatter).toBeUndefined();
  });
});

describe('parseDigest on inert text', () => {
  it('reads escaped Markdown and entities back as the page shows them', () => {
    const text = [
      '## 工具與資源（Tools & Resources）',
      '',
      '### \\[Show HN\\] gpt\\_4o \\*fast\\* &lt;b&gt;',
      '',
      '**核心摘要**  ',
      'A \\`tick\\` and 1 &amp;lt; 2.',
      '',
      '**關鍵實體**：AT&T、R\\&D  ',
      '**重要性**：中 — 值得關注。  ',
      '**來源**： [The \\[Verge\\]](https://example.com/a?x=1&amp;y=2) | [B](https://example.com/b)',
    ].join('\n');
    const [e] = allEntries(parseDigest(text));
    expect(e!.title).toBe('[Show HN] gpt_4o *fast* <b>');
    expect(e!.summary).toBe('A `tick` and 1 &lt; 2.');
    expect(e!.entities).toEqual(['AT&T', 'R&D']);
    expect(e!.sources).toEqual([
      { name: 'The [Verge]', url: 'https://example.com/a?x=1&y=2' },
      { name: 'B', url: 'https://example.com/b' },
    ]);
  });
});
