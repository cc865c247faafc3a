import { describe, expect, it } from 'vitest';
import { announceTypeOf, arxivIdOf } from '../../src/select/arxiv-id.js';

describe('arxivIdOf', () => {
  it.each([
    ['https://arxiv.org/abs/2512.01234', '2512.01234'],
    ['http://arxiv.org/abs/2512.01234v3', '2512.01234'],
    ['https://export.arxiv.org/abs/2512.01234v1', '2512.01234'],
    ['https://www.arxiv.org/abs/2512.01234?context=cs.CL#x', '2512.01234'],
    ['https://arxiv.org/pdf/2512.01234', '2512.01234'],
    ['https://arxiv.org/pdf/2512.01234v2', '2512.01234'],
    ['https://arxiv.org/pdf/2512.01234v2.pdf', '2512.01234'],
    ['https://arxiv.org/pdf/2512.01234.pdf', '2512.01234'],
    ['https://arxiv.org/html/2512.01234v1', '2512.01234'],
    ['oai:arXiv.org:2512.01234v1', '2512.01234'],
    ['arXiv:2512.01234v2 Announce Type: replace \nAbstract: We study', '2512.01234'],
    ['see arXiv: 2512.01234 for details', '2512.01234'],
    ['https://huggingface.co/papers/2512.01234', '2512.01234'],
    ['https://huggingface.co/papers/2512.01234v1', '2512.01234'],
    // Four-digit numbers before 2015.
    ['https://arxiv.org/abs/1412.6980v9', '1412.6980'],
    // Old-style ids keep their archive (and subject class).
    ['https://arxiv.org/abs/cs/0101001', 'cs/0101001'],
    ['http://arxiv.org/abs/hep-th/9901001v2', 'hep-th/9901001'],
    ['https://arxiv.org/pdf/math.GT/0309136v1', 'math.GT/0309136'],
    ['oai:arXiv.org:cs/0101001', 'cs/0101001'],
    ['arXiv:cond-mat/0011267', 'cond-mat/0011267'],
  ])('%s → %s', (input, id) => {
    expect(arxivIdOf(input)).toBe(id);
  });

  it.each([
    ['https://techcrunch.com/2025/12/23/some-story/', 'an ordinary URL'],
    ['The deal is worth 2512.01234 dollars', 'a bare number in prose'],
    ['https://arxiv.org/abs/2513.01234', 'month 13'],
    ['https://arxiv.org/abs/2512.123', 'three digits after the dot'],
    ['https://arxiv.org/abs/2512.123456', 'six digits after the dot'],
    ['https://arxiv.org/list/cs.CL/new', 'a listing page'],
    ['https://huggingface.co/blog/transformers-v5', 'a Hugging Face blog post'],
    ['', 'an empty string'],
  ])('%s: none (%s)', (input) => {
    expect(arxivIdOf(input)).toBeUndefined();
  });
});

describe('announceTypeOf', () => {
  it.each([
    ['arXiv:2512.17781v1 Announce Type: new \nAbstract: Computing geodesic distances', 'new'],
    ['arXiv:2512.17781v1 Announce Type: cross \nAbstract: x', 'cross'],
    ['arXiv:2511.01234v2 Announce Type: replace \nAbstract: x', 'replace'],
    ['arXiv:2511.01234v3 Announce Type: replace-cross \nAbstract: x', 'replace-cross'],
    // As the collector leaves it after stripping HTML: one line, doubled space.
    ['arXiv:2511.01234v2 Announce Type: replace-cross  Abstract: x', 'replace-cross'],
    ['announce type: REPLACE abstract', 'replace'],
  ])('%s → %s', (text, type) => {
    expect(announceTypeOf(text)).toBe(type);
  });

  it.each([['Abstract: a paper whose description has no announcement line'], ['Announce Type: withdrawn'], ['Announce Type: newer'], ['']])(
    '%s → none',
    (text) => {
      expect(announceTypeOf(text)).toBeUndefined();
    },
  );
});
