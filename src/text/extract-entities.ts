// Names that survive translation: Latin-script names (also inside Chinese text) and model/version tokens.
// Used by the offline writer for 關鍵實體, tags and keywords.

const NOT_NAMES = new Set(
  'A An The This That These Those It Its In On At For From To Of And Or But If As By With Without How Why What When Where Who Which Is Are Was Were Be Can Could Will Would Should May Might Must Not No Yes New Now Here There We You They He She I Our Your Their His Her My After Before Over Under Into About Than Then So Also Just More Most Less Many Some All Any Each Every First Last One Two Three Today Tomorrow Yesterday Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Read Watch Here Why Inside Meet Exclusive Update Opinion Analysis Report Study Review Video Podcast Abstract We Our Results Paper Authors Based Using Via Per Like Even Still Yet While Though Because Since Until Among Between Across Against During Through Toward Upon Within Without Despite'.split(' '),
);

const NAME = /[A-Z][A-Za-z0-9]*(?:[-.'’&][A-Za-z0-9]+)*(?:\s+(?:[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*|of|de|for|and)){0,3}/g;

function trimName(raw: string): string {
  const words = raw.split(/\s+/);
  while (words.length && NOT_NAMES.has(words[0]!)) words.shift();
  while (words.length && /^(of|de|for|and)$/.test(words[words.length - 1]!)) words.pop();
  return words.join(' ').replace(/['’]s$/, '');
}

/** Candidate names of a text with their counts, in order of first appearance. */
export function extractNames(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(NAME)) {
    const name = trimName(m[0]);
    if (name.length < 2 || NOT_NAMES.has(name)) continue;
    // A lone capitalised common word at the start of an English sentence is not a name; one with a digit,
    // an inner capital or in Chinese text is.
    const single = !name.includes(' ');
    if (single && /^[A-Z][a-z]+$/.test(name) && name.length < 4) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/** The top names over weighted texts (a title counts more than body text), best first. */
export function topNames(texts: { text: string; weight: number }[], limit: number): string[] {
  const score = new Map<string, number>();
  const order = new Map<string, number>();
  for (const { text, weight } of texts) {
    for (const [name, n] of extractNames(text)) {
      score.set(name, (score.get(name) ?? 0) + n * weight);
      if (!order.has(name)) order.set(name, order.size);
    }
  }
  // A name inside a longer chosen name ("Snowflake" in "Snowflake AI Data Cloud") adds nothing.
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1] || order.get(a[0])! - order.get(b[0])!).map(([n]) => n);
  const chosen: string[] = [];
  for (const name of ranked) {
    if (chosen.some((c) => c.includes(name) || name.includes(c))) continue;
    chosen.push(name);
    if (chosen.length >= limit) break;
  }
  return chosen;
}
