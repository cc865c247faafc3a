import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answersDir, composeWriter, type WriterSetup } from '../../src/app/compose-writer.js';
import { MODE_TRAITS } from '../../src/app/run-mode.js';
import { silentLog } from '../../src/model/chat-client.js';
import { loadModelConfig } from '../../src/model/model-config.js';
import type { RunMode } from '../../src/types.js';
import { writeOffline } from '../../src/write/offline-writer.js';
import { useTempDirs } from '../helpers/temp-dirs.js';
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai-server.js';
import { dashscope, startPersonalityServer } from '../helpers/server-personalities.js';
import { readFile } from 'node:fs/promises';
import { makeDay } from '../model/model-test-day.js';

let server: FakeOpenAi | undefined;
const tempDir = useTempDirs('setup-');
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function setup(mode: RunMode, env: Record<string, string>, cacheDir: string | null, extra: Partial<WriterSetup> = {}): WriterSetup {
  return {
    traits: MODE_TRAITS[mode],
    offline: false,
    config: loadModelConfig(env),
    workspace: { answerCacheDir: cacheDir },
    log: silentLog,
    warn: () => {},
    ...extra,
  };
}

describe('composeWriter: one call per run mode', () => {
  it('live without a model configured is the offline writer', async () => {
    const c = await composeWriter(setup('live', {}, null));
    expect(c.writerName).toBe('offline');
    expect(c.writer).toBe(writeOffline);
  });

  it('record then dry run: the same output, the second with no server at all', async () => {
    server = await startFakeOpenAi();
    const cwd = await tempDir();
    const fixtureDir = path.join(cwd, 'fixtures', '2025-12-05');
    const cacheDir = path.join(cwd, 'state', 'model-cache');
    const env = { OPENAI_BASE_URL: server.url, OPENAI_MODEL: 'recorded-model' };
    const day = makeDay(4);

    const rec = await composeWriter(setup('record', env, cacheDir, { fixtureDir }));
    expect(rec.writerName).toBe('model');
    const live = await rec.writer(day);
    expect(live.writers.model).toBe(4);
    expect(await readdir(answersDir(fixtureDir))).toHaveLength(5);
    // The cache went to the workspace's answer cache.
    expect(await readdir(cacheDir)).toHaveLength(5);
    await server.close();
    server = undefined;

    const dry = await composeWriter(setup('dry-run', {}, cacheDir, { fixtureDir }));
    expect(dry.writerName).toBe('replay');
    const replayed = await dry.writer(day);
    expect(replayed.entries).toEqual(live.entries);
    expect(replayed.frame).toEqual(live.frame);
    expect(replayed.writers).toEqual({ model: 0, replay: 4, offline: 0 });
  });

  it('a live model on a recorded day calls the model, caches in its own namespace and never writes the recording', async () => {
    server = await startFakeOpenAi();
    const cwd = await tempDir();
    const fixtureDir = path.join(cwd, 'fixtures', '2025-12-05');
    const cacheDir = path.join(cwd, 'state', 'model-cache');
    const c = await composeWriter(setup('live-model', { OPENAI_BASE_URL: server.url }, cacheDir, { fixtureDir }));
    expect(c.writerName).toBe('model');
    expect((await c.writer(makeDay(2))).writers.model).toBe(2);
    expect(server.requests).toHaveLength(3);
    expect(await readdir(path.join(cacheDir, 'recorded-days'))).toHaveLength(3);
    await expect(readdir(answersDir(fixtureDir))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a dry run on a day without answers is offline, with the real offline writer per topic', async () => {
    const cwd = await tempDir();
    const c = await composeWriter(setup('dry-run', {}, null, { fixtureDir: path.join(cwd, 'fixtures', 'x') }));
    expect(c.writerName).toBe('offline');
    const out = await c.writer(makeDay(3));
    expect(out.writers).toEqual({ model: 0, replay: 0, offline: 3 });
    expect(out.entries).toEqual((await writeOffline(makeDay(3))).entries);
  });

  it('--model overrides the environment for every prompt', async () => {
    server = await startFakeOpenAi();
    const c = await composeWriter(
      setup('live', { OPENAI_BASE_URL: server.url, OPENAI_MODEL_ENTRY: 'entry-model' }, null, { model: 'cli-model' }),
    );
    await c.writer(makeDay(2));
    expect(new Set(server.requests.map((r) => r.body.model))).toEqual(new Set(['cli-model']));
  });

  it("remembers what the server needed in the workspace's model profile, so the next night wastes no call", async () => {
    const s = await startPersonalityServer(dashscope({ model: 'qwen3-32b' }));
    try {
      const cwd = await tempDir();
      const modelProfileFile = path.join(cwd, 'state', 'model-profile.json');
      const env = { OPENAI_BASE_URL: s.baseUrl, OPENAI_MODEL: 'qwen3-32b', DIGEST_MODEL_SERVER: 'generic' };
      const night = async () =>
        (await composeWriter(setup('live', env, null, { workspace: { answerCacheDir: null, modelProfileFile } }))).writer(makeDay(3));
      expect((await night()).writers.model).toBe(3);
      expect(s.personality.rejected.map((r) => r.reason)).toEqual(['enable_thinking-required-false']);
      const saved = JSON.parse(await readFile(modelProfileFile, 'utf8')) as { models: Record<string, { extraBody?: unknown }> };
      expect(saved.models[`${s.baseUrl} qwen3-32b`]!.extraBody).toEqual({ enable_thinking: false });
      const calls = s.server.requests.length;
      expect((await night()).writers.model).toBe(3);
      expect(s.personality.rejected).toHaveLength(1);
      expect(s.server.requests.length - calls).toBe(4);
    } finally {
      await s.close();
    }
  });
});
