// Names that survive translation: Latin-script names (also inside Chinese text) and model/version tokens.
// Used by the offline writer for 關鍵實體, tags and keywords.

const NOT_NAMES = new Set(
  'A An The This That These Those It Its In On At For From To Of And Or But If As By With Without How Why What When Where Who Which Is Are Was Were Be Can Could Will Would Should May Might Must Not No Yes New Now Here There We You They He She I Our Your Their His Her My After Before Over Under Into About Than Then So Also Just More Most Less Many Some All Any Each Every First Last One Two Three Today Tomorrow Yesterday Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Read Watch Inside Meet Exclusive Update Updated Opinion Analysis Report Study Review Video Podcast Abstract Results Paper Authors Based Using Via Per Like Even Still Yet While Though Because Since Until Among Between Across Against During Through Toward Upon Within Despite Announce Type Cross Listed Replace UPDATED CROSS LISTED REPLACED NEW AI'.split(
    ' ',
  ),
);

const NAME = /(?<![@\w.])[A-Z][A-Za-z0-9]*(?:[-.'’&][A-Za-z0-9]+)*(?:\s+(?:[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*|of|de|for|and)){0,3}/g;

/** arXiv's listing suffix and similar bracketed metadata carry no names. */
function stripMetadata(text: string): string {
  return text.replace(/\(arXiv:[^)]*\)/g, ' ').replace(/\[[a-z-]+\.[A-Z]{2}\]/g, ' ');
}

function trimName(raw: string): string {
  const words = raw.split(/\s+/);
  while (words.length && NOT_NAMES.has(words[0]!)) words.shift();
  while (words.length && (/^(of|de|for|and)$/.test(words[words.length - 1]!) || NOT_NAMES.has(words[words.length - 1]!))) words.pop();
  return words.join(' ').replace(/['’]s$/, '');
}

/** A headline in Title Case capitalises every word, so its capitals say nothing about names. */
export function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /^[A-Za-z]{4,}/.test(w));
  return words.length >= 4 && words.filter((w) => /^[A-Z]/.test(w)).length / words.length > 0.75;
}

export interface NameCount {
  count: number;
  /** Seen capitalised where an ordinary word would not be (not at the start of a sentence or a Title Case headline). */
  proper: boolean;
}

const PLAIN_WORD = /^[A-Z][a-z]+$/;

/** Candidate names of a text with their counts, in order of first appearance. */
export function extractNames(text: string): Map<string, NameCount> {
  const counts = new Map<string, NameCount>();
  const clean = stripMetadata(text);
  const titleCase = isTitleCase(clean);
  for (const m of clean.matchAll(NAME)) {
    const name = trimName(m[0]);
    if (name.length < 2 || NOT_NAMES.has(name)) continue;
    // A shouting phrase ("CROSS LISTED") is not a name; an acronym (NVIDIA, GPT-5) is.
    if (/^[A-Z]+(\s+[A-Z]+)+$/.test(name)) continue;
    if (PLAIN_WORD.test(name) && name.length < 4) continue;
    const before = clean.slice(Math.max(0, m.index - 3), m.index);
    const initial = m.index === 0 || /[.!?:;。！？：「“"(（]\s*$/.test(before);
    const proper = !PLAIN_WORD.test(name) || (!initial && !titleCase);
    const c = counts.get(name) ?? { count: 0, proper: false };
    c.count++;
    c.proper ||= proper;
    counts.set(name, c);
  }
  // Chinese names have no capitals; the ones news text marks reliably are teams and institutions.
  for (const m of clean.matchAll(CJK_NAME)) {
    const name = (m[1] ?? m[2])!;
    if (CJK_NOT_NAMES.test(name)) continue;
    const c = counts.get(name) ?? { count: 0, proper: true };
    c.count++;
    counts.set(name, c);
  }
  return counts;
}

// Short prefixes only: without word boundaries a longer run swallows the words before the name.
const CJK_NAME = /([\p{Script=Han}]{2,3})(?:团队|團隊|教授|院士)|([\p{Script=Han}]{2,4}(?:大学|大學|科技|集团|集團))/gu;
const CJK_NOT_NAMES = /^(这家|這家|该|該|一家|多家|研究|科技|公司|团队|團隊|国产|國產|新|本)/;

export interface WeightedText {
  text: string;
  weight: number;
  /** Texts with the same group count once for "how many places name it" (e.g. one article's title and body). */
  group?: string;
}

/**
 * The top names over weighted texts, best first. A name counts by its weighted mentions times the number of
 * groups that mention it, so a name several articles share beats a phrase one headline happens to capitalise.
 */
export function topNames(texts: WeightedText[], limit: number): string[] {
  const score = new Map<string, number>();
  const groups = new Map<string, Set<string>>();
  const order = new Map<string, number>();
  const proper = new Set<string>();
  const seenOutsideTitles = new Set<string>();
  texts.forEach(({ text, weight, group }, i) => {
    // Multi-word phrases from Title Case headlines are only trusted when they recur elsewhere.
    const titleCase = isTitleCase(text);
    for (const [name, n] of extractNames(text)) {
      if (n.proper) proper.add(name);
      if (!titleCase || !name.includes(' ')) seenOutsideTitles.add(name);
      const w = titleCase && name.includes(' ') ? weight * 0.25 : weight;
      score.set(name, (score.get(name) ?? 0) + n.count * w);
      const g = groups.get(name) ?? new Set<string>();
      g.add(group ?? String(i));
      groups.set(name, g);
      if (!order.has(name)) order.set(name, order.size);
    }
  });
  const value = (name: string) => score.get(name)! * groups.get(name)!.size;
  // "Trained", "Influence": a plain word only ever capitalised at the start of a sentence is not a name.
  // A multi-word phrase seen only in Title Case headlines ("Solving Reservoir Seepage Equations") is a title, not a name.
  const ranked = [...score.keys()]
    .filter((n) => proper.has(n) && (seenOutsideTitles.has(n) || groups.get(n)!.size > 1))
    .sort((a, b) => value(b) - value(a) || order.get(a)! - order.get(b)!);
  // A name inside a longer chosen name ("Snowflake" in "Snowflake AI Data Cloud") adds nothing.
  const chosen: string[] = [];
  for (const name of ranked) {
    if (chosen.some((c) => c.includes(name) || name.includes(c))) continue;
    chosen.push(name);
    if (chosen.length >= limit) break;
  }
  return chosen;
}
