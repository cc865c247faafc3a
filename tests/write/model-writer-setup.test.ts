import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLog } from '../../src/model/chat-client.js';
import { answersDir, setupModelWriter } from '../../src/write/model-writer-setup.js';
import { writeOffline } from '../../src/write/offline-writer.js';
import { useTempDirs } from '../helpers/temp-dirs.js';
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai-server.js';
import { makeDay } from '../model/model-test-day.js';

let server: FakeOpenAi | undefined;
const tempDir = useTempDirs('setup-');
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('setupModelWriter: one call per run mode', () => {
  it('live without a model configured is the offline writer', async () => {
    const c = await setupModelWriter({ mode: 'live', env: {}, cwd: await tempDir(), offline: writeOffline, log: silentLog });
    expect(c.writerName).toBe('offline');
    expect(c.writer).toBe(writeOffline);
  });

  it('record then dry run: the same output, the second with no server at all', async () => {
    server = await startFakeOpenAi();
    const cwd = await tempDir();
    const fixtureDir = path.join(cwd, 'fixtures', '2025-12-05');
    const env = { OPENAI_BASE_URL: server.url, OPENAI_MODEL: 'recorded-model' };
    const day = makeDay(4);

    const rec = await setupModelWriter({ mode: 'record', env, cwd, fixtureDir, offline: writeOffline, log: silentLog });
    expect(rec.writerName).toBe('model');
    const live = await rec.writer(day);
    expect(live.writers.model).toBe(4);
    expect(await readdir(answersDir(fixtureDir))).toHaveLength(5);
    // The cache went to DIGEST_MODEL_CACHE_DIR under the working directory.
    expect(await readdir(path.join(cwd, '.digest-state', 'model-cache'))).toHaveLength(5);
    await server.close();
    server = undefined;

    const dry = await setupModelWriter({ mode: 'dry-run', env: {}, cwd, fixtureDir, offline: writeOffline, log: silentLog });
    expect(dry.writerName).toBe('replay');
    const replayed = await dry.writer(day);
    expect(replayed.entries).toEqual(live.entries);
    expect(replayed.frame).toEqual(live.frame);
    expect(replayed.writers).toEqual({ model: 0, replay: 4, offline: 0 });
  });

  it('a dry run on a day without answers is offline, with the real offline writer per topic', async () => {
    const cwd = await tempDir();
    const c = await setupModelWriter({ mode: 'dry-run', env: {}, cwd, fixtureDir: path.join(cwd, 'fixtures', 'x'), offline: writeOffline, log: silentLog });
    expect(c.writerName).toBe('offline');
    const out = await c.writer(makeDay(3));
    expect(out.writers).toEqual({ model: 0, replay: 0, offline: 3 });
    expect(out.entries).toEqual((await writeOffline(makeDay(3))).entries);
  });

  it('--model and --concurrency override the environment', async () => {
    server = await startFakeOpenAi();
    const cwd = await tempDir();
    const c = await setupModelWriter({
      mode: 'live',
      env: { OPENAI_BASE_URL: server.url, OPENAI_MODEL_ENTRY: 'entry-model', DIGEST_MODEL_CACHE_DIR: 'off' },
      cwd,
      offline: writeOffline,
      log: silentLog,
      model: 'cli-model',
      concurrency: 2,
    });
    expect(c.config.concurrency).toBe(2);
    await c.writer(makeDay(2));
    expect(new Set(server.requests.map((r) => r.body.model))).toEqual(new Set(['cli-model']));
  });
});
