import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterArticles } from '../../src/cluster/cluster-articles.js';
import { readFeedsConfig } from '../../src/config/feeds-config.js';
import type { Entry } from '../../src/types.js';
import { findUngroundedNames } from '../../src/write/name-grounding.js';
import { writeOffline } from '../../src/write/offline-writer.js';
import { loadFixtureDay } from '../cluster/load-fixture-day.js';
import { makeArticle } from '../model/model-test-day.js';

const entry = (fields: Partial<Entry>): Entry => ({
  topicId: 't1',
  section: 'research',
  title: '標題',
  summary: '摘要。',
  details: [],
  useCases: [],
  entities: [],
  importance: '中',
  importanceReason: '值得關注。',
  sources: [],
  ...fields,
});

// Two English reports of one story, as a zh-TW entry is written from them.
const english = [
  makeArticle(
    'a',
    "OpenAI's GPT-5.2 tops SWE-bench Verified",
    "OpenAI's GPT-5.2 scored 80% on SWE-bench Verified, ahead of Anthropic's Claude Opus 4.5 and Google's Gemini 3 Pro. Chief executive Sam Altman said it reaches ChatGPT users this week. The model was trained on Nvidia GB200 systems and is served through Microsoft Azure.",
  ),
  makeArticle(
    'b',
    'DeepSeek V3.2 and Qwen3-235B-A22B trail on coding',
    'Open-weight models DeepSeek V3.2 and Alibaba’s Qwen3-235B-A22B were tested with RAG and without; Amazon and Tencent did not comment.',
    { source: 'The Verge' },
  ),
];

// A Chinese report in Simplified characters, as 量子位 writes.
const chinese = [
  makeArticle('c', '蚂蚁集团发布百灵大模型', '何恺明团队参与评测，模型在英伟达 H20 上训练，浙江大学提供数据。', {
    lang: 'zh',
    source: '量子位',
  }),
];

describe('findUngroundedNames', () => {
  it('accepts the names of a zh-TW entry written from English reports: variants, possessives, translations, glossary terms', () => {
    const e = entry({
      title: 'OpenAI 發表 GPT-5.2，SWE-bench 成績領先',
      summary:
        'OpenAI 的 GPT-5.2 在 SWE-bench Verified 拿下 80%，領先 Anthropic 的 Claude Opus 4.5 與谷歌的 Gemini 3 Pro；執行長（CEO）Sam Altman 表示本週開放 ChatGPT 使用者。模型以輝達 GB200 訓練，透過微軟 Azure 提供 API。',
      details: [
        '開源模型 DeepSeek-V3.2 與阿里巴巴的 Qwen3-235B-A22B 在有無 RAG 的條件下測試。',
        '亞馬遜與騰訊未回應；Openai’s 與 deepseek v3.2 的寫法也指同一名稱。',
      ],
      useCases: ['December 起，US 與 EU 的企業可在 GPU 上以 LLM 與 AI Agent 部署 Top Headlines 所列工具。'],
      entities: ['OpenAI', 'GPT-5.2', 'SWE-bench', 'Sam Altman', '輝達', 'Microsoft'],
      importanceReason: 'The Verge 與 Example News 均報導。',
    });
    expect(findUngroundedNames(e, english)).toEqual([]);
  });

  it('flags an invented model, person, benchmark and company, as written, once each, in order', () => {
    const e = entry({
      title: 'OpenAI 發表 GPT-7，超越 Claude Opus 5',
      summary: 'Zorblax 執行長 Jane Kowalski 表示，GPT-7 在 MegaBench-Pro 上領先 GPT-5.2。',
      details: ['Zorblax 將於明年整合 GPT-7。', 'DeepSeek-V4 尚未公布。'],
      entities: ['OpenAI', 'GPT-7', 'Jane Kowalski', 'MegaBench-Pro', 'Zorblax'],
    });
    expect(findUngroundedNames(e, english)).toEqual(['GPT-7', 'Claude Opus 5', 'Zorblax', 'Jane Kowalski', 'MegaBench-Pro', 'DeepSeek-V4']);
  });

  it('flags a Chinese company name the table knows when neither its Chinese nor its English form is in the reports', () => {
    const e = entry({ summary: '百度與字節跳動也在測試同類模型；亞馬遜未回應。' });
    // Amazon is in report b; Baidu and ByteDance are in neither report, in any language.
    expect(findUngroundedNames(e, english)).toEqual(['百度', '字節跳動']);
  });

  it('reads the translation table both ways and folds Simplified to Traditional', () => {
    const e = entry({
      title: '螞蟻集團發布百靈大模型',
      summary: '何愷明團隊參與評測，模型以 Nvidia H20 訓練，浙江大學提供資料。',
      entities: ['螞蟻集團', '何愷明', 'Nvidia', '浙江大學'],
    });
    expect(findUngroundedNames(e, chinese)).toEqual([]);
  });

  it('flags a Chinese institution or key entity that a Chinese report of the story never names', () => {
    const e = entry({ summary: '華星集團與清遠大學合作，由螞蟻集團出資。', entities: ['螞蟻集團', '李小龍'] });
    expect(findUngroundedNames(e, chinese)).toEqual(['華星集團', '清遠大學', '李小龍']);
  });

  it('does not take a capitalised word opening an English sentence for a name, nor a unit, a size or vocabulary in a compound', () => {
    const e = entry({
      details: [
        'Researchers say the gain holds at 3GB, 70B and 5G.',
        'Analysts expect more. 研究團隊未披露 FLOPS 與 AI-powered、LLM-based 的細節。',
      ],
    });
    expect(findUngroundedNames(e, english)).toEqual([]);
  });

  it('takes the glossary from the options: a term listed there is vocabulary', () => {
    const e = entry({ summary: '研究以 Sparse Autoencoder 分析模型。' });
    expect(findUngroundedNames(e, english)).toEqual(['Sparse Autoencoder']);
    expect(findUngroundedNames(e, english, { glossary: [{ english: 'Sparse Autoencoder, SAE' }] })).toEqual([]);
  });
});

describe('findUngroundedNames on the offline writer of the recorded day', async () => {
  // The offline writer only copies article text, so every name it writes is grounded: any flag is a false positive.
  const day = await loadFixtureDay('2025-12-05');
  const feeds = await readFeedsConfig(path.resolve(import.meta.dirname, '../../fixtures/2025-12-05/feeds.yaml'));
  const topics = clusterArticles(day.articles);
  const { entries } = await writeOffline({ date: '2025-12-05', topics, articles: day.articles, feeds });
  const byId = new Map(day.articles.map((a) => [a.id, a]));

  it('finds no ungrounded name in any of its entries', () => {
    expect(entries.length).toBeGreaterThan(50);
    const flagged = entries.flatMap((e) => {
      const members = topics.find((t) => t.id === e.topicId)!.articleIds.map((id) => byId.get(id)!);
      return findUngroundedNames(e, members).map((n) => `${e.topicId}: ${n}`);
    });
    expect(flagged).toEqual([]);
  });

  it('does flag names when an entry is checked against another story (the check is not vacuous)', () => {
    const [first, second] = [entries[0]!, entries[1]!];
    const others = topics.find((t) => t.id === second.topicId)!.articleIds.map((id) => byId.get(id)!);
    expect(findUngroundedNames(first, others).length).toBeGreaterThan(0);
  });
});
