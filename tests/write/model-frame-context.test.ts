// The frame of a long day against small contexts: 70 stories with Chinese titles and summaries must fit an 8K window
// (one line per story), and a 4K window (two calls, or only the most important stories) without overflowing.

import { afterEach, describe, expect, it } from 'vitest';
import { silentLog } from '../../src/model/chat-client.js';
import { estimateMessagesTokens } from '../../src/model/estimate-tokens.js';
import { loadModelConfig } from '../../src/model/model-config.js';
import { createOpenAiChat } from '../../src/model/openai-chat.js';
import type { Entry } from '../../src/types.js';
import { toEntry } from '../../src/write/model-entry.js';
import { frameContext, frameFormats, framePromptVars } from '../../src/write/model-frame.js';
import { createModelWriter } from '../../src/write/model-writer.js';
import { readPrompts, renderPrompt } from '../../src/write/prompt-template.js';
import { FRAME_ASSUMED_CONTEXT, planFrame } from '../../src/write/write-model-frame.js';
import { goodEntry, goodFrame, type FakeRequest } from '../helpers/fake-openai-server.js';
import { estimateTokens, ollama, startPersonalityServer, type PersonalityServer } from '../helpers/server-personalities.js';
import { fakeOffline, makeChineseDay } from '../model/model-test-day.js';

const prompts = await readPrompts();
let running: PersonalityServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const TITLE = '晶片大廠發表新一代資料中心加速器，效能提升三成並鎖定生成式人工智慧推論市場';
const SUMMARY =
  '報導指出，該公司發表新一代資料中心加速器，宣稱推論效能較前代提升百分之三十，並已與多家雲端業者簽約，預計明年第二季開始出貨；分析師認為此舉將加劇與對手在生成式人工智慧市場的競爭，也可能影響伺服器供應鏈的訂單分配與價格。';

/** A model that writes entries as long as real ones (a 38-character title, a 120-character summary). */
const answerer = (req: FakeRequest) =>
  req.kind === 'entry' ? { json: goodEntry(req.text, { title: TITLE, summary: SUMMARY }) } : { json: goodFrame(req.text) };

function longDay(n: number) {
  const day = makeChineseDay(n, { articles: 2, chars: 400 });
  const byId = new Map(day.articles.map((a) => [a.id, a]));
  const entries: Entry[] = day.topics.map((t, i) =>
    toEntry(
      {
        title: `${TITLE}${i}`,
        section: 'research',
        summary: SUMMARY,
        details: [],
        useCases: [],
        entities: ['Acme'],
        importance: i % 5 === 0 ? '高' : '中',
        importanceReason: '理由。',
        sourceIds: ['A1'],
      },
      t,
      byId,
    ),
  );
  return { day, ctx: frameContext(entries, day.topics, byId) };
}

describe('frame prompt sizes', () => {
  it('70 stories in full blocks overflow 8K; one line per story fits beside the whole answer budget', () => {
    const { day, ctx } = longDay(70);
    const tokens = (format: 'full' | 'line' | 'short') =>
      estimateMessagesTokens(renderPrompt(prompts.frame, framePromptVars(day.date, ctx, { format })));
    expect(tokens('full')).toBeGreaterThan(FRAME_ASSUMED_CONTEXT);
    // With no window known the plan assumes 8K: one call, prompt + 3000 answer tokens within 8192.
    const plan = planFrame(prompts.frame, day.date, ctx, (_part, maxTokens) => FRAME_ASSUMED_CONTEXT - maxTokens - 262 - 450);
    expect(plan).toHaveLength(1);
    const text = plan[0]!.messages.map((m) => m.content).join('\n');
    expect(estimateMessagesTokens(plan[0]!.messages) + 3000).toBeLessThanOrEqual(FRAME_ASSUMED_CONTEXT);
    // The test servers' tokenizer stand-in agrees.
    expect(estimateTokens(text) + 3000).toBeLessThanOrEqual(FRAME_ASSUMED_CONTEXT);
    expect(text).toMatch(/^T70 \[research, 中\] /m);
  });

  it('the last resort lists the most important stories first', () => {
    const { ctx } = longDay(20);
    const formats = frameFormats(ctx);
    const top = formats.at(-1)!;
    expect(top.only!.size).toBe(6);
    // Every fifth story is 高: those come first.
    expect([...top.only!].slice(0, 4)).toEqual(['T1', 'T6', 'T11', 'T16']);
  });
});

describe('the frame of a 70-story day on small local models', () => {
  async function write(numCtx: number, context?: string) {
    const s = (running = await startPersonalityServer(ollama({ numCtx }), answerer));
    const config = loadModelConfig({
      OPENAI_BASE_URL: s.baseUrl,
      OPENAI_MODEL: s.personality.model,
      DIGEST_MODEL_TIMEOUT_MS: '20000',
      ...(context ? { DIGEST_MODEL_CONTEXT: context } : {}),
    });
    const writer = createModelWriter({
      chat: createOpenAiChat(config),
      offline: fakeOffline,
      prompts,
      concurrency: 8,
      log: silentLog,
      models: { default: config.model },
      prices: config.prices,
    });
    const out = await writer(longDay(70).day);
    return { s, out, frames: s.server.requests.filter((r) => r.kind === 'frame') };
  }

  it('8K window, nothing configured: one frame call that fits, beside its whole budget', async () => {
    const { s, out, frames } = await write(8192);
    expect(out.failedTopics).toEqual([]);
    expect(out.frameWriter).toBe('model');
    expect(frames).toHaveLength(1);
    const served = s.personality.served.find((x) => x.index === frames[0]!.index)!;
    expect(served.truncatedTo).toBeUndefined();
    expect(served.promptTokens + (served.budget ?? 0)).toBeLessThanOrEqual(8192);
  });

  it('4K window (DIGEST_MODEL_CONTEXT=4096): the frame still comes from the model, every call within 4096', async () => {
    const { s, out, frames } = await write(4096, '4096');
    expect(out.failedTopics).toEqual([]);
    expect(out.frameWriter).toBe('model');
    expect(frames.length).toBeLessThanOrEqual(2);
    for (const x of s.personality.served) {
      expect(x.truncatedTo).toBeUndefined();
      expect(x.promptTokens + (x.budget ?? 0)).toBeLessThanOrEqual(4096);
    }
    expect(out.frame.headlineTopicIds.length).toBeGreaterThanOrEqual(3);
    expect(out.frame.insight.watchList).toHaveLength(5);
  });
});
