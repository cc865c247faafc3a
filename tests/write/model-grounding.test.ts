import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/types.js';
import { extractNumbers, findUngroundedNumbers } from '../../src/write/model-grounding.js';
import { makeArticle } from '../model/model-test-day.js';

const entry = (summary: string, extra: Partial<Entry> = {}): Entry => ({
  topicId: 't1',
  section: 'market',
  title: '標題',
  summary,
  details: [],
  useCases: [],
  entities: [],
  importance: '中',
  importanceReason: '理由。',
  sources: [],
  ...extra,
});

describe('number grounding', () => {
  const articles = [
    makeArticle(
      'a',
      'Anthropic signs $200M deal with Snowflake',
      'The deal brings models to 12,600 customers. GPT-5.2 scored 87.5% on three of twelve tests; revenue grew 1.5 billion dollars.',
      {
        publishedAt: '2025-12-04T10:00:00.000Z',
      },
    ),
    makeArticle('b', '螞蟻集團發布新模型', '參數量達到 1 兆，訓練資料 20 萬小時。', { lang: 'zh' }),
  ];

  it('extracts numbers with their units', () => {
    expect(extractNumbers('2 億美元、1.26 萬家、87.5%、$200M、GPT-5.2').map((n) => [n.text, n.scaled])).toEqual([
      ['2 億', 2e8],
      ['1.26 萬', 12600],
      ['87.5', 87.5],
      ['200M', 2e8],
      ['5.2', 5.2],
    ]);
  });

  it('accepts what translation does to a number', () => {
    const e = entry(
      'Anthropic 與 Snowflake 簽下 2 億美元合約，觸及約 1.26 萬家客戶；GPT-5.2 在 12 項中的 3 項測試得分 87.5%，營收增加 15 億美元；參數量 1 兆、資料 20 萬小時，2025 年 12 月 4 日公布。',
    );
    expect(findUngroundedNumbers(e, articles)).toEqual([]);
  });

  it('flags numbers found in no article, as written, once each', () => {
    const e = entry('營收 999 億美元，成長 42%。', { details: ['成長 42%', '估值 3 億'] });
    expect(findUngroundedNumbers(e, articles)).toEqual(['999 億', '42', '3 億']);
  });

  it('does not let a stray small number ground an amount', () => {
    // "3" occurs (three tests), but 3 億 is an amount no article states.
    expect(findUngroundedNumbers(entry('估值 3 億美元'), articles)).toEqual(['3 億']);
  });
});
