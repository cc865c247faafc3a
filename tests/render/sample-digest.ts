// A small hand-written digest: the renderer's golden file (golden/sample-digest.md) was reviewed line by line
// against ../shared/format.md.

import type { Digest, Entry } from '../../src/types.js';

/** An entry with placeholder fields, for hand-written digests of tests. */
export const sampleEntry = (over: Partial<Entry> & Pick<Entry, 'topicId' | 'title'>): Entry => ({
  section: 'research',
  summary: '摘要。',
  details: [],
  useCases: [],
  entities: ['OpenAI'],
  importance: '中',
  importanceReason: '理由。',
  sources: [],
  ...over,
});

export const sampleDigest: Digest = {
  date: '2025-12-05',
  generatedAt: '2025-12-05T06:45:04+08:00',
  coverImage: '/images/2025-12-05-ai-intel.png',
  articleCount: 5,
  topicCount: 4,
  windowLabel: '過去 24 小時',
  frame: {
    title: '資料平台與代理人工智慧',
    tags: ['資料平台', 'Agent', 'LLM', 'yes', '單步生成'],
    description: '整理今日 AI 產業與技術要聞。',
    summary: '涵蓋 Anthropic–Snowflake 與 "懺悔訓練"。',
    headlineTopicIds: ['t1', 't2', 't3'],
    insight: {
      trends: ['第一段。', '第二段\n換行。'],
      context: ['脈絡。'],
      outlook: ['展望。'],
      watchList: ['一', '二', '三', '四', '五'],
    },
    reading: [{ title: 'A [bracketed] title', url: 'https://example.com/a_(b)', reason: '值得一讀。' }],
    background: [{ term: '檢索增強生成', english: 'RAG', explanation: '先檢索再生成。' }],
    keywords: ['Agentic AI', '單步`生成'],
  },
  sections: {
    headlines: [
      sampleEntry({
        topicId: 't1',
        section: 'market',
        title: 'Anthropic 與 Snowflake 簽 2 億美元合約',
        summary: 'Anthropic 與 Snowflake 簽訂約 2 億美元長約。',
        details: ['細節一', '細節二'],
        useCases: ['場景一'],
        entities: ['Anthropic', 'Snowflake'],
        importance: '高',
        importanceReason: '三個來源同時報導。',
        sources: [
          { name: 'TechCrunch', url: 'https://techcrunch.com/2025/12/04/anthropic-signs-200m-deal/' },
          { name: 'AI Business', url: 'https://aibusiness.com/generative-ai/snowflake-deal' },
        ],
      }),
      sampleEntry({ topicId: 't2', title: '# iMF 單步生成', sources: [{ name: 'arXiv cs.CV', url: 'https://arxiv.org/abs/2512.02012' }] }),
      sampleEntry({
        topicId: 't3',
        section: 'applications',
        title: 'Meta 測試 AI 客服',
        importance: '低',
        sources: [{ name: 'TechCrunch', url: 'https://techcrunch.com/2025/12/04/meta/' }],
      }),
    ],
    research: [],
    tools: [],
    applications: [],
    trends: [],
    market: [
      sampleEntry({
        topicId: 't4',
        section: 'market',
        title: 'Nexus 新基金',
        importance: '中偏高',
        summary: '多行\n摘要',
        sources: [{ name: 'Tech [Crunch]', url: 'https://techcrunch.com/2025/12/04/nexus/' }],
      }),
    ],
  },
};
