import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildChatBody, outputBudget } from '../../src/model/chat-body.js';
import { estimateMessagesTokens, estimateTokens } from '../../src/model/estimate-tokens.js';
import { detectFamily, detectProfile, detectServer, effortFor, resolveProfile } from '../../src/model/model-profile.js';
import { profileKey, readProfileStore } from '../../src/model/profile-store.js';
import { jsonCandidates, parseJsonAnswer, stripReasoning } from '../../src/model/read-json-answer.js';
import { useTempDirs } from '../helpers/temp-dirs.js';
import { z } from 'zod';

const tempDir = useTempDirs('model-profile-');

describe('servers and model families', () => {
  it.each([
    [undefined, 'openai'],
    ['https://api.openai.com/v1', 'openai'],
    ['https://res.openai.azure.com/openai/v1/', 'azure'],
    ['https://res.cognitiveservices.azure.com/openai/deployments/gpt4o', 'azure'],
    ['https://api.deepseek.com', 'deepseek'],
    ['https://generativelanguage.googleapis.com/v1beta/openai/', 'gemini'],
    ['https://dashscope-intl.aliyuncs.com/compatible-mode/v1', 'dashscope'],
    ['https://openrouter.ai/api/v1', 'openrouter'],
    ['http://127.0.0.1:11434/v1', 'ollama'],
    ['http://gpu-box:8000/v1', 'generic'],
  ])('%s is %s', (url, server) => expect(detectServer(url)).toBe(server));

  it.each([
    ['gpt-5', 'reasoning'],
    ['gpt-5-mini', 'reasoning'],
    ['gpt-5-chat-latest', 'chat'],
    ['o4-mini', 'reasoning'],
    ['openai/o3', 'reasoning'],
    ['gpt-oss:20b', 'reasoning'],
    ['deepseek-reasoner', 'reasoning'],
    ['DeepSeek-R1-Distill-Qwen-7B-Q4_K_M.gguf', 'reasoning'],
    ['gemini-2.5-flash', 'reasoning'],
    ['gemini-2.5-flash-lite', 'chat'],
    ['Qwen/Qwen3-8B', 'hybrid'],
    ['qwen3:8b', 'hybrid'],
    ['Qwen3-30B-A3B-Instruct-2507', 'chat'],
    ['deepseek-chat', 'chat'],
    ['gpt-4.1-mini', 'chat'],
    ['qwen2.5:14b', 'chat'],
  ])('%s is %s', (model, family) => expect(detectFamily(model)).toBe(family));

  it('what each server gets by default', () => {
    expect(detectProfile('https://api.openai.com/v1', 'gpt-4.1-mini')).toMatchObject({
      tokenParam: 'max_completion_tokens',
      temperature: true,
      efforts: [],
      jsonMode: 'json_schema',
      maxOutput: 32_768,
    });
    expect(detectProfile('https://api.openai.com/v1', 'gpt-5')).toMatchObject({
      tokenParam: 'max_completion_tokens',
      temperature: false,
      efforts: ['minimal', 'low', 'medium', 'high'],
      reasoningBudget: true,
    });
    expect(detectProfile('http://127.0.0.1:11434/v1', 'gpt-oss:20b')).toMatchObject({ tokenParam: 'max_tokens' });
    expect(detectProfile('https://api.deepseek.com', 'deepseek-chat')).toMatchObject({
      jsonMode: 'json_object',
      tokenParam: 'max_tokens',
      maxOutput: 8192,
    });
    expect(detectProfile('https://dashscope.aliyuncs.com/compatible-mode/v1', 'qwen3-32b').extraBody).toEqual({ enable_thinking: false });
    expect(detectProfile('http://127.0.0.1:11434/v1', 'qwen3:8b').extraBody).toEqual({ reasoning_effort: 'none' });
    expect(detectProfile('http://gpu:8000/v1', 'Qwen/Qwen3-8B').extraBody).toEqual({ chat_template_kwargs: { enable_thinking: false } });
    expect(detectProfile('https://generativelanguage.googleapis.com/v1beta/openai/', 'Qwen3-32B').extraBody).toEqual({});
    expect(detectProfile('https://api.deepseek.com', 'deepseek-v4-flash').extraBody).toEqual({ thinking: { type: 'disabled' } });
  });

  it('learnt beats detected, configured beats learnt', () => {
    const p = resolveProfile(
      'http://x/v1',
      'digest',
      { temperature: false, reasoningBudget: true, contextTokens: 8192, jsonMode: 'json_object' },
      { jsonMode: 'json_schema', contextTokens: 4096, tokenParam: 'max_completion_tokens' },
    );
    expect(p).toMatchObject({
      temperature: false,
      reasoningBudget: true,
      contextTokens: 4096,
      jsonMode: 'json_schema',
      jsonFallback: false,
      tokenParam: 'max_completion_tokens',
    });
    expect(resolveProfile('http://x/v1', 'm', { server: 'dashscope' }, { jsonMode: 'auto', family: 'hybrid' }).extraBody).toEqual({
      enable_thinking: false,
    });
  });

  it('effort: the wish if the model takes it, else the nearest stronger', () => {
    expect(effortFor('minimal', ['low', 'medium', 'high'])).toBe('low');
    expect(effortFor('low', ['minimal', 'low'])).toBe('low');
    expect(effortFor('low', [])).toBeUndefined();
    expect(effortFor(undefined, ['low'])).toBeUndefined();
  });
});

describe('the request body', () => {
  const schema = {
    name: 'a',
    strict: true,
    schema: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: {}, additionalProperties: false },
  };
  const req = {
    model: 'm',
    messages: [
      { role: 'system' as const, content: 'S' },
      { role: 'user' as const, content: 'U' },
    ],
    schema: { name: 'a', zod: z.object({}) },
    temperature: 0.2,
    maxTokens: 2000,
    reasoningEffort: 'low',
    reasoningTokens: 6000,
    prompt: 'entry',
  };

  it('a reasoning model: answer + reasoning budget, no temperature, effort; never $schema', () => {
    const p = detectProfile('https://api.openai.com/v1', 'o4-mini');
    const b = buildChatBody(req, p, schema, { extraBody: {} }).body;
    expect(b).toMatchObject({ max_completion_tokens: 8000, reasoning_effort: 'low' });
    expect(b.temperature).toBeUndefined();
    expect(JSON.stringify(b)).not.toContain('$schema');
    // Scaled by what a cut answer taught, capped by the model's limit.
    expect(outputBudget({ ...req, budgetScale: 20 }, p)).toBe(100_000);
  });

  it('extras: profile, then environment, then prompt; refused fields dropped', () => {
    const p = { ...detectProfile('http://gpu:8000/v1', 'Qwen/Qwen3-8B'), dropFields: ['top_k'] };
    const b = buildChatBody({ ...req, extraBody: { chat_template_kwargs: { enable_thinking: true } } }, p, schema, {
      extraBody: { top_k: 5, min_p: 0.1 },
    }).body;
    expect(b).toMatchObject({ chat_template_kwargs: { enable_thinking: true }, min_p: 0.1, max_tokens: 2000, temperature: 0.2 });
    expect(b.top_k).toBeUndefined();
  });

  it('JSON mode puts the schema in the system prompt', () => {
    const p = detectProfile('https://api.deepseek.com', 'deepseek-chat');
    const built = buildChatBody(req, p, schema, { extraBody: {} });
    expect(built.body.response_format).toEqual({ type: 'json_object' });
    expect(built.messages[0]!.content).toMatch(/^S\n\nAnswer with one JSON object only/);
  });
});

describe('token estimates', () => {
  it('count a CJK character as a token (chars/4 undercounts Chinese 3-4×)', () => {
    expect(estimateTokens('輝達發表新晶片')).toBe(7);
    expect(estimateTokens('a'.repeat(36))).toBe(10);
    expect(estimateMessagesTokens([{ role: 'user', content: '資料' }])).toBe(2 + 4 + 3);
  });
});

describe('JSON in answers', () => {
  const answer = '{"title":"final","sourceIds":["A1"]}';
  it('skips reasoning blocks with braces and fences, and prefers the last object', () => {
    const think = '<think>\nDraft: ```json\n{"title": "draft"}\n``` no, {that} is wrong\n</think>\n\n';
    expect(stripReasoning(think + answer)).toBe(answer);
    expect(parseJsonAnswer(think + answer)).toEqual({ title: 'final', sourceIds: ['A1'] });
    expect(parseJsonAnswer(`<thought>x {y}</thought>${answer}`)).toEqual({ title: 'final', sourceIds: ['A1'] });
    expect(jsonCandidates(`First {"title":"draft"} then ${answer}`)).toEqual([{ title: 'final', sourceIds: ['A1'] }, { title: 'draft' }]);
    expect(jsonCandidates('<think>never closed {"a":1}')).toEqual([]);
    expect(jsonCandidates('prose with "quotes" and {"a":"}"} tail')).toEqual([{ a: '}' }]);
  });
});

describe('the profile file', () => {
  it('remembers by base URL and model, and moves a corrupt file aside with a warning', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'model-profile.json');
    const store = await readProfileStore(file, { warn: () => {} });
    store.update(profileKey('http://x/v1/', 'm'), { temperature: false, outputScale: { entry: 2 } });
    store.update(profileKey('http://x/v1', 'm'), { outputScale: { frame: 2 } });
    await store.flush();
    const again = await readProfileStore(file, { warn: () => {} });
    expect(again.get('http://x/v1 m')).toMatchObject({ temperature: false, outputScale: { entry: 2, frame: 2 } });
    expect(JSON.parse(await readFile(file, 'utf8')).version).toBe(1);

    await writeFile(file, '{"version":1,"models":{"k":{"contextTokens":-5}}}');
    const warnings: string[] = [];
    const fresh = await readProfileStore(file, { warn: (w) => warnings.push(w.code) });
    expect(fresh.get('k')).toEqual({});
    expect(warnings).toEqual(['state-quarantined']);
    expect((await readdir(dir)).some((f) => f.startsWith('model-profile.json.corrupt-'))).toBe(true);
  });
});
