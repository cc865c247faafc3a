import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/util/create-logger.js';

describe('createLogger', () => {
  it('writes JSON lines and never logs a key or an auth header', () => {
    const out: string[] = [];
    const log = createLogger((t) => void out.push(t), { pretty: false });
    log.info({ apiKey: 'sk-secret-1', headers: { authorization: 'Bearer sk-secret-2' }, config: { apiKey: 'sk-secret-3' } }, 'calling');
    const text = out.join('');
    expect(text).not.toMatch(/sk-secret/);
    const line = JSON.parse(text.trim());
    expect(line.msg).toBe('calling');
    expect(line.apiKey).toBe('[redacted]');
    expect(line.headers.authorization).toBe('[redacted]');
  });
  it('writes readable single lines on a terminal', () => {
    const out: string[] = [];
    const log = createLogger((t) => void out.push(t), { pretty: true });
    log.info({ feeds: 3 }, 'run started');
    expect(out.join('')).toMatch(/INFO.*run started.*feeds.*3/);
    expect(out.join('').trim().split('\n')).toHaveLength(1);
  });
});
