import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDigests } from '../../src/eval/compare-digests.js';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

describe('compareDigests', () => {
  it('matches stories by a shared source URL and lists, by title, what each digest lacks', () => {
    // day-b cites openai-gpt-5-2, diffusion-quality and bank-chatbot of day-a, and two stories of its own.
    expect(compareDigests(fixture('day-a.md'), fixture('day-b.md'))).toEqual({
      // day-a: both OpenAI entries, the diffusion headline, the bank entry and the market entry citing it.
      matched: [5, 3],
      onlyInFirst: ['輝達公布季度財報', '新型擴散模型研究提升影像畫質', '人工智慧人才需求持續升溫'],
      onlyInSecond: ['蘋果推出新晶片', 'Anthropic 收購新創'],
    });
  });

  it('finds nothing missing between a digest and itself', () => {
    expect(compareDigests(fixture('day-b.md'), fixture('day-b.md'))).toEqual({ matched: [5, 5], onlyInFirst: [], onlyInSecond: [] });
  });
});
