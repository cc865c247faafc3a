import { describe, expect, it } from 'vitest';
import { findAmounts } from '../../src/cluster/find-amounts.js';
import { normalizeText } from '../../src/cluster/extract-features.js';

const keys = (text: string) => findAmounts(normalizeText(text)).map((a) => a.key);

describe('findAmounts', () => {
  it('reduces English and Chinese amounts to one value', () => {
    const value = '200000000';
    expect(keys('Anthropic signs $200M deal')).toEqual([value]);
    expect(keys('200 million dollars')).toEqual([value]);
    expect(keys('2 億美元')).toEqual([value]);
    expect(keys('2亿美元')).toEqual([value]);
    expect(keys('$57bn revenue')).toEqual(keys('營收 570 億美元'));
    expect(keys('a 7B model')).toEqual(keys('70 億參數'));
  });

  it('keeps percentages apart from plain numbers', () => {
    expect(keys('grew 40% this year')).toEqual(['%40']);
    expect(keys('成長 40 個百分點')).toEqual(['%40']);
  });

  it('reads full-width digits and thousands separators', () => {
    expect(keys('１，０００ users')).toEqual(['1000']);
  });

  it('leaves out years, small bare integers and digits inside names', () => {
    expect(keys('In 2025, 3 labs trained GPT5 on H100 chips')).toEqual([]);
  });

  it('marks currency and scale as qualified, bare numbers as not', () => {
    expect(findAmounts('$5 and 358 and 1.72').map((a) => [a.key, a.qualified])).toEqual([
      ['5', true],
      ['358', false],
      ['1.72', false],
    ]);
  });
});
