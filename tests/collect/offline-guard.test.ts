import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { createOfflineGuard, isNetworkBlocked } from '../../src/collect/offline-guard.js';
import { NetworkEscapeError } from '../../src/errors.js';

describe('createOfflineGuard', () => {
  it('gives fetchers that always throw NetworkEscapeError', async () => {
    const guard = createOfflineGuard();
    await expect(guard.fetchFeed({ id: 'a', name: 'A', url: 'https://a.example.com/feed', lang: 'en' })).rejects.toBeInstanceOf(
      NetworkEscapeError,
    );
    await expect(guard.fetchPage('https://a.example.com/p')).rejects.toThrow(/dry run tried to fetch https:\/\/a\.example\.com\/p/);
  });

  it('blocks global fetch and node:http while installed, and restores them after', async () => {
    const realFetch = globalThis.fetch;
    const restore = createOfflineGuard().install();
    try {
      expect(isNetworkBlocked()).toBe(true);
      await expect(fetch('https://example.com/')).rejects.toBeInstanceOf(NetworkEscapeError);
      expect(() => http.get('http://127.0.0.1:9/')).toThrow(NetworkEscapeError);
    } finally {
      restore();
    }
    expect(isNetworkBlocked()).toBe(false);
    expect(globalThis.fetch).toBe(realFetch);
  });

  it('nests: the network stays blocked until the last guard is lifted', () => {
    const a = createOfflineGuard().install();
    const b = createOfflineGuard().install();
    a();
    a(); // lifting twice is harmless
    expect(isNetworkBlocked()).toBe(true);
    b();
    expect(isNetworkBlocked()).toBe(false);
  });
});
