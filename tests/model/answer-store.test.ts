import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { answerKey } from '../../src/model/answer-key.js';
import { createAnswerCache, parseStoredAnswer, readReplayStore, type StoredAnswer } from '../../src/model/answer-store.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
async function tempDir() {
  const d = await mkdtemp(path.join(tmpdir(), 'answers-'));
  dirs.push(d);
  return d;
}

const messages = [
  { role: 'system' as const, content: 'rules' },
  { role: 'user' as const, content: 'data' },
];
const stored = (model = 'm1', content = 'data'): StoredAnswer => {
  const key = answerKey({ prompt: 'entry', version: '1', model, messages: [messages[0]!, { role: 'user', content }] });
  return { key, prompt: 'entry', version: '1', model, answer: { title: 'x' }, usage: { inputTokens: 10, outputTokens: 2 } };
};

describe('answer key', () => {
  it('is a sha256 of prompt, version, model and messages', () => {
    const k = answerKey({ prompt: 'entry', version: '1', model: 'm', messages });
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(
      answerKey({ prompt: 'entry', version: '1', model: 'm', messages: messages.map((m) => ({ content: m.content, role: m.role })) }),
    ).toBe(k);
    expect(answerKey({ prompt: 'entry', version: '2', model: 'm', messages })).not.toBe(k);
    expect(answerKey({ prompt: 'frame', version: '1', model: 'm', messages })).not.toBe(k);
    expect(answerKey({ prompt: 'entry', version: '1', model: 'n', messages })).not.toBe(k);
    expect(answerKey({ prompt: 'entry', version: '1', model: 'm', messages: [messages[0]!, { role: 'user', content: 'data!' }] })).not.toBe(
      k,
    );
  });
});

describe('answer cache', () => {
  it('stores and finds answers by key, atomically', async () => {
    const dir = await tempDir();
    const cache = createAnswerCache(path.join(dir, 'nested'));
    const a = stored();
    expect(await cache.get(a.key)).toBeUndefined();
    await cache.put(a);
    expect(await cache.get(a.key)).toEqual(a);
    expect(await readdir(path.join(dir, 'nested'))).toEqual([`${a.key}.json`]);
  });

  it('treats an unreadable entry as a miss', async () => {
    const dir = await tempDir();
    const a = stored();
    await writeFile(path.join(dir, `${a.key}.json`), '{"key": "trunc');
    expect(await createAnswerCache(dir).get(a.key)).toBeUndefined();
  });
});

describe('replay store', () => {
  it('loads a recorded day and knows its models', async () => {
    const dir = await tempDir();
    const cache = createAnswerCache(dir);
    await cache.put(stored('m1', 'a'));
    await cache.put(stored('m1', 'b'));
    await cache.put(stored('m2', 'c'));
    const replay = await readReplayStore(dir);
    expect(replay.size).toBe(3);
    expect(replay.models('entry')).toEqual(['m1', 'm2']);
    expect(replay.models('frame')).toEqual([]);
    expect(replay.get(stored('m2', 'c').key)?.model).toBe('m2');
  });

  it('is empty when the day has no answers folder', async () => {
    expect((await readReplayStore(path.join(await tempDir(), 'none'))).size).toBe(0);
  });

  it('rejects a broken recording with the file named', async () => {
    const dir = await tempDir();
    const a = stored();
    await writeFile(path.join(dir, `${a.key}.json`), JSON.stringify({ ...a, usage: { inputTokens: -1, outputTokens: 0 } }));
    await expect(readReplayStore(dir)).rejects.toThrow(new RegExp(`${a.key}\\.json: not a stored model answer \\(usage.inputTokens`));
    await writeFile(path.join(dir, `${a.key}.json`), JSON.stringify({ ...stored('m9'), answer: 1 }));
    await expect(readReplayStore(dir)).rejects.toThrow(/holds the answer for key .* not for its file name/);
  });

  it('parses with zod and says what to do', () => {
    expect(() => parseStoredAnswer('nope', 'x.json')).toThrow(ConfigError);
    expect(() => parseStoredAnswer('{}', 'x.json')).toThrow(/x.json: not a stored model answer \(key: .*record the day again/);
  });
});
