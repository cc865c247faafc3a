// Transform a text except where a pattern matches: the pieces between matches go through `outside`, each match
// through `inside`. Converting prose around URLs, decoding XML around CDATA sections: one loop for both.

export function mapOutsideMatches(
  text: string,
  pattern: RegExp,
  outside: (piece: string) => string,
  inside: (match: RegExpMatchArray) => string,
): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    out += outside(text.slice(last, m.index));
    out += inside(m);
    last = m.index! + m[0].length;
  }
  return out + outside(text.slice(last));
}
