import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { DEFAULT_PRICES, describeModelConfig, loadModelConfig, modelForPrompt } from '../../src/model/model-config.js';
import { addCall, estimateCost, zeroUsage } from '../../src/model/model-usage.js';

describe('model config from an env object', () => {
  it('has defaults for everything but the server', () => {
    const c = loadModelConfig({});
    expect(c).toMatchObject({
      apiKey: undefined,
      baseUrl: undefined,
      model: 'gpt-4.1-mini',
      modelByPrompt: {},
      concurrency: 6,
      timeoutMs: 120_000,
      maxRetries: 3,
      retryAfterCapMs: 30_000,
      baseDelayMs: 1000,
      jsonMode: 'auto',
      cacheDir: undefined,
    });
    expect(c.prices).toEqual(DEFAULT_PRICES);
  });

  it('treats blank values (as a copied .env.example has) as unset', () => {
    const c = loadModelConfig({
      OPENAI_API_KEY: '',
      OPENAI_BASE_URL: '',
      OPENAI_MODEL: ' ',
      OPENAI_MODEL_ENTRY: '',
      DIGEST_MODEL_CONCURRENCY: '',
    });
    expect(c.apiKey).toBeUndefined();
    expect(c.model).toBe('gpt-4.1-mini');
    expect(c.modelByPrompt).toEqual({});
    expect(c.concurrency).toBe(6);
  });

  it('reads overrides, per-prompt models and prices', () => {
    const c = loadModelConfig({
      OPENAI_API_KEY: 'sk-x',
      OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
      OPENAI_MODEL: 'qwen2.5:14b',
      OPENAI_MODEL_ENTRY: 'qwen2.5:7b',
      DIGEST_MODEL_CONCURRENCY: '2',
      DIGEST_MODEL_CACHE_DIR: 'off',
      DIGEST_MODEL_PRICES: '{"qwen2.5:14b":{"input":0,"output":0},"gpt-4.1-mini":{"input":1,"output":2}}',
    });
    expect(c.baseUrl).toBe('http://127.0.0.1:11434/v1');
    expect(c.concurrency).toBe(2);
    expect(c.cacheDir).toBeNull();
    expect(c.prices['gpt-4.1-mini']).toEqual({ input: 1, output: 2 });
    expect(c.prices['gpt-4o']).toEqual(DEFAULT_PRICES['gpt-4o']);
    expect(modelForPrompt(c, 'entry', 'from-front-matter')).toBe('qwen2.5:7b');
    expect(modelForPrompt(c, 'frame', 'from-front-matter')).toBe('from-front-matter');
    expect(modelForPrompt(c, 'frame')).toBe('qwen2.5:14b');
  });

  it('names the variable and the fix when a value is wrong', () => {
    expect(() => loadModelConfig({ DIGEST_MODEL_CONCURRENCY: 'many' })).toThrow(/DIGEST_MODEL_CONCURRENCY: must be a number/);
    expect(() => loadModelConfig({ DIGEST_MODEL_CONCURRENCY: '0' })).toThrow(/at least 1/);
    expect(() => loadModelConfig({ OPENAI_BASE_URL: 'localhost:11434' })).toThrow(/OPENAI_BASE_URL: must be an absolute http\(s\) URL/);
    expect(() => loadModelConfig({ DIGEST_MODEL_JSON_MODE: 'xml' })).toThrow(ConfigError);
    expect(() => loadModelConfig({ DIGEST_MODEL_PRICES: '{bad' })).toThrow(/DIGEST_MODEL_PRICES: not JSON/);
    expect(() => loadModelConfig({ DIGEST_MODEL_PRICES: '{"m":{"input":"cheap"}}' })).toThrow(/DIGEST_MODEL_PRICES: m.input/);
  });

  it('never shows the key', () => {
    const d = JSON.stringify(describeModelConfig(loadModelConfig({ OPENAI_API_KEY: 'sk-secret-123' })));
    expect(d).not.toContain('sk-secret');
    expect(d).toContain('"apiKey":"set"');
  });
});

describe('model server settings', () => {
  it('reads the profile overrides, the context window and extra request fields', () => {
    const c = loadModelConfig({
      DIGEST_MODEL_SERVER: 'vllm',
      DIGEST_MODEL_PROFILE: 'hybrid',
      DIGEST_MODEL_TOKEN_PARAM: 'max_tokens',
      DIGEST_MODEL_CONTEXT: '4096',
      DIGEST_MODEL_EXTRA_BODY: '{"chat_template_kwargs":{"enable_thinking":false},"top_k":20}',
    });
    expect(c).toMatchObject({
      server: 'vllm',
      family: 'hybrid',
      tokenParam: 'max_tokens',
      contextTokens: 4096,
      extraBody: { chat_template_kwargs: { enable_thinking: false }, top_k: 20 },
    });
    expect(loadModelConfig({})).toMatchObject({ extraBody: {} });
    expect(loadModelConfig({}).server).toBeUndefined();
    expect(describeModelConfig(c)).toMatchObject({
      server: 'vllm',
      profile: 'hybrid',
      context: 4096,
      extraBody: ['chat_template_kwargs', 'top_k'],
    });
  });

  it('refuses bad values with the variable and the fix', () => {
    expect(() => loadModelConfig({ DIGEST_MODEL_SERVER: 'lmstudio' })).toThrow(/DIGEST_MODEL_SERVER: must be auto or one of openai, azure/);
    expect(() => loadModelConfig({ DIGEST_MODEL_PROFILE: 'smart' })).toThrow(/DIGEST_MODEL_PROFILE/);
    expect(() => loadModelConfig({ DIGEST_MODEL_CONTEXT: '512' })).toThrow(/DIGEST_MODEL_CONTEXT: must be at least 1024/);
    expect(() => loadModelConfig({ DIGEST_MODEL_EXTRA_BODY: '{enable_thinking:false}' })).toThrow(/DIGEST_MODEL_EXTRA_BODY: not JSON/);
    expect(() => loadModelConfig({ DIGEST_MODEL_EXTRA_BODY: '[1]' })).toThrow(/DIGEST_MODEL_EXTRA_BODY: value: .*write a JSON object/);
    expect(() => loadModelConfig({ DIGEST_MODEL_EXTRA_BODY: '{"model":"x"}' })).toThrow(/must not set model, messages/);
  });

  it('Azure: a classic resource from AZURE_OPENAI_ENDPOINT, or from a base URL naming a deployment; v1 is a plain base URL', () => {
    const classic = loadModelConfig({
      AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com/',
      AZURE_OPENAI_API_KEY: 'k',
      OPENAI_MODEL: 'my-deployment',
    });
    expect(classic).toMatchObject({
      apiKey: 'k',
      baseUrl: undefined,
      azure: { endpoint: 'https://res.openai.azure.com', apiVersion: '2024-10-21' },
    });
    const named = loadModelConfig({
      OPENAI_BASE_URL: 'https://res.openai.azure.com/openai/deployments/gpt4o?api-version=2025-01-01-preview',
      OPENAI_API_KEY: 'k',
    });
    expect(named.azure).toEqual({ endpoint: 'https://res.openai.azure.com', apiVersion: '2025-01-01-preview', deployment: 'gpt4o' });
    expect(loadModelConfig({ OPENAI_BASE_URL: 'https://res.openai.azure.com/openai/v1/', OPENAI_API_KEY: 'k' }).azure).toBeUndefined();
    expect(() => loadModelConfig({ AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com' })).toThrow(/AZURE_OPENAI_API_KEY/);
    expect(() =>
      loadModelConfig({ AZURE_OPENAI_ENDPOINT: 'https://r.openai.azure.com', AZURE_OPENAI_API_KEY: 'k', OPENAI_API_VERSION: 'v1' }),
    ).toThrow(/OPENAI_API_VERSION/);
    expect(JSON.stringify(describeModelConfig(classic))).not.toContain('"k"');
  });

  it('prices common OpenAI, DeepSeek, Gemini and Qwen models, and a router name as its model', () => {
    for (const m of ['gpt-5', 'gpt-5-mini', 'o4-mini', 'deepseek-chat', 'gemini-2.5-flash', 'qwen-plus'])
      expect(DEFAULT_PRICES[m], m).toBeDefined();
    expect(estimateCost('openai/gpt-4.1-mini', { inputTokens: 1_000_000, outputTokens: 0 }, DEFAULT_PRICES)).toBeCloseTo(0.4);
  });
});

describe('usage and cost', () => {
  it('estimates cost per model, matching dated snapshot names', () => {
    expect(estimateCost('gpt-4.1-mini', { inputTokens: 1_000_000, outputTokens: 500_000 }, DEFAULT_PRICES)).toBeCloseTo(1.2);
    expect(estimateCost('gpt-4.1-mini-2025-04-14', { inputTokens: 1_000_000, outputTokens: 0 }, DEFAULT_PRICES)).toBeCloseTo(0.4);
    expect(estimateCost('llama3', { inputTokens: 1, outputTokens: 1 }, DEFAULT_PRICES)).toBeUndefined();
  });

  it('adds calls and tokens', () => {
    const u = zeroUsage();
    expect(addCall(u, 'gpt-4o-mini', { inputTokens: 1000, outputTokens: 100 }, DEFAULT_PRICES)).toBe(true);
    expect(addCall(u, 'local', { inputTokens: 10, outputTokens: 1 }, DEFAULT_PRICES)).toBe(false);
    expect(u).toMatchObject({ calls: 2, inputTokens: 1010, outputTokens: 101 });
    expect(u.costUsd).toBeCloseTo(0.00021);
    expect(u.estimatedCalls).toBeUndefined();
    addCall(u, 'gpt-4o-mini', { inputTokens: 10, outputTokens: 1, estimated: true }, DEFAULT_PRICES);
    expect(u.estimatedCalls).toBe(1);
  });
});
