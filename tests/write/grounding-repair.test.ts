// Grounding against a local model server that plants a wrong number and an invented name: repaired by one call,
// trimmed when the model insists, left out under the strict policy, only reported under warn.

import { afterEach, describe, expect, it } from 'vitest';
import { silentLog } from '../../src/model/chat-client.js';
import { loadModelConfig } from '../../src/model/model-config.js';
import { createOpenAiChat } from '../../src/model/openai-chat.js';
import type { WriteOutput } from '../../src/types.js';
import type { GroundingPolicy } from '../../src/write/ground-entry.js';
import { createModelWriter } from '../../src/write/model-writer.js';
import { readPrompts } from '../../src/write/prompt-template.js';
import {
  goodEntry,
  goodModel,
  startFakeOpenAi,
  type FakeHandler,
  type FakeOpenAi,
  type FakeRequest,
} from '../helpers/fake-openai-server.js';
import { fakeOffline, makeArticle, makeDay } from '../model/model-test-day.js';

const prompts = await readPrompts();
let server: FakeOpenAi | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const WRONG_NUMBER = 'US$987 million';
const INVENTED = 'Zorblax-9';
const storyOf = (req: FakeRequest) => Number(/Story (\d+) report 1:/.exec(req.text)?.[1] ?? 0);
const isGroundingRepair = (req: FakeRequest) => req.body.messages.at(-1)!.content.includes('appear in none of the articles');

/** Every third story's first answer holds a wrong amount (in the summary and a detail) and an invented model name. */
function planted(req: FakeRequest) {
  return goodEntry(req.text, {
    summary: `Acme 宣布新模型，並獲得 ${WRONG_NUMBER} 投資。`,
    details: ['作者說明了方法的主要設計。', `${INVENTED} 在評測中勝出。`],
    entities: ['TechCrunch', INVENTED],
  });
}

function handler(repairs: 'fix' | 'insist'): FakeHandler {
  return (req) => {
    if (req.kind !== 'entry' || storyOf(req) % 3 !== 0) return goodModel(req);
    if (isGroundingRepair(req) && repairs === 'fix') return { json: goodEntry(req.text) };
    return { json: planted(req) };
  };
}

async function write(policy: GroundingPolicy, repairs: 'fix' | 'insist', topics = 9): Promise<WriteOutput> {
  server = await startFakeOpenAi({ handler: handler(repairs) });
  const config = loadModelConfig({ OPENAI_BASE_URL: server.url, DIGEST_MODEL_TIMEOUT_MS: '5000' });
  const writer = createModelWriter({
    chat: createOpenAiChat(config),
    offline: fakeOffline,
    prompts,
    concurrency: 3,
    log: silentLog,
    models: { default: config.model, byPrompt: {} },
    prices: config.prices,
    grounding: policy,
  });
  return writer(makeDay(topics));
}

const published = (out: WriteOutput) => JSON.stringify(out.entries);

describe('grounding with a model that plants facts in every third entry', () => {
  it('repair: one repair call per planted entry, and none of the planted facts is published', async () => {
    const out = await write('repair', 'fix');
    expect(published(out)).not.toContain('987');
    expect(published(out)).not.toContain(INVENTED);
    expect(out.entries).toHaveLength(9);
    const repairs = server!.requests.filter(isGroundingRepair);
    expect(repairs).toHaveLength(3);
    // The repair quotes what is wrong, in the same conversation.
    expect(repairs[0]!.body.messages.at(-1)!.content).toMatch(/numbers: .*987[\s\S]*names: .*Zorblax-9/);
    expect(repairs[0]!.body.messages.at(-2)!.role).toBe('assistant');
    const fixed = out.warnings.filter((w) => w.code === 'grounding-repaired');
    expect(fixed.map((w) => w.topicId).sort()).toEqual(['t3', 't6', 't9']);
    expect(fixed[0]!.message).toMatch(/corrected by the model: .*987.*Zorblax-9/);
    expect(out.warnings.some((w) => w.code === 'ungrounded-number' || w.code === 'ungrounded-name')).toBe(false);
    expect(server!.requests).toHaveLength(9 + 3 + 1);
  });

  it('repair, when the model insists: the bullet and entity holding them go, the summary is reported', async () => {
    const out = await write('repair', 'insist');
    const t3 = out.entries.find((e) => e.topicId === 't3')!;
    expect(t3.details.join()).not.toContain(INVENTED);
    expect(t3.entities).not.toContain(INVENTED);
    expect(t3.summary).toContain('987');
    expect(
      out.warnings
        .filter((w) => w.code === 'grounding-removed')
        .map((w) => w.topicId)
        .sort(),
    ).toEqual(['t3', 't6', 't9']);
    expect(
      out.warnings
        .filter((w) => w.code === 'ungrounded-number')
        .map((w) => w.topicId)
        .sort(),
    ).toEqual(['t3', 't6', 't9']);
    expect(out.warnings.find((w) => w.code === 'ungrounded-number')!.message).toMatch(/「.*」: 987 million appear in none of its articles/);
  });

  it('strict: an entry that still holds an unsupported fact in its summary is left out', async () => {
    const out = await write('strict', 'insist');
    expect(out.entries.map((e) => e.topicId)).toEqual(['t1', 't2', 't4', 't5', 't7', 't8']);
    expect(out.failedTopics.map((f) => f.topicId)).toEqual(['t3', 't6', 't9']);
    expect(out.failedTopics[0]!.reason).toMatch(/ungrounded facts in the title or summary: 987 million/);
    expect(published(out)).not.toContain('987');
  });

  it('warn: no repair call; the planted facts are published and listed', async () => {
    const out = await write('warn', 'insist', 3);
    expect(server!.requests.filter(isGroundingRepair)).toHaveLength(0);
    expect(out.warnings.filter((w) => w.code === 'ungrounded-name').map((w) => w.message)).toEqual([
      expect.stringContaining(`${INVENTED} appear in none of its articles`),
    ]);
  });
});

describe('grounding that must not fire', () => {
  it('names the articles give in another script, and the glossary terms, need no repair', async () => {
    server = await startFakeOpenAi({
      handler: (req) =>
        req.kind === 'entry'
          ? { json: goodEntry(req.text, { summary: '輝達與亞馬遜合作推出新的 LLM 推論服務。', entities: ['輝達', '亞馬遜', 'LLM'] }) }
          : goodModel(req),
    });
    const config = loadModelConfig({ OPENAI_BASE_URL: server.url });
    const writer = createModelWriter({
      chat: createOpenAiChat(config),
      offline: fakeOffline,
      prompts,
      concurrency: 2,
      log: silentLog,
      models: { default: config.model, byPrompt: {} },
      prices: config.prices,
    });
    const day = {
      date: '2025-12-05',
      topics: [{ id: 't1', articleIds: ['n1'], representativeId: 'n1', keywords: [] }],
      articles: [
        makeArticle(
          'n1',
          'Nvidia and Amazon launch an inference service',
          'Nvidia and Amazon said the large language model service runs on GPUs.',
        ),
      ],
    };
    const out = await writer(day);
    expect(server.requests.filter(isGroundingRepair)).toHaveLength(0);
    expect(out.warnings.filter((w) => w.code.startsWith('ungrounded') || w.code.startsWith('grounding'))).toEqual([]);
  });
});
