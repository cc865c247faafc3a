// A deliberately light English stemmer (plural and -ing/-ed/-ly endings only). News titles are short, so the aim is
// to make "launches", "launched" and "launching" meet without merging words that differ in meaning (Porter's
// "university"/"universe" → "univers" is the kind of collision a full stemmer adds).

// (Character tests rather than regular expressions: every new word of a run is stemmed once.)
const VOWELS = 'aeiouy';
const DOUBLED = 'bdfgmnprt';

/** Whether w[0, end) holds a vowel (y included). */
function hasVowel(w: string, end: number): boolean {
  for (let k = 0; k < end; k++) if (VOWELS.includes(w[k]!)) return true;
  return false;
}

// Words the rules below would break ("news" → "new", "series" → "sery", "gpus" kept as "gpus").
const KEEP = new Set([
  'news',
  'series',
  'species',
  'always',
  'perhaps',
  'various',
  'during',
  'thing',
  'bring',
  'spring',
  'string',
  'king',
  'ring',
  'wing',
  'sing',
  'need',
  'speed',
  'seed',
  'feed',
  'embed',
]);
const IRREGULAR: Record<string, string> = { gpus: 'gpu', tpus: 'tpu', cpus: 'cpu', npus: 'npu' };

// Stemming is pure, and news repeats its words: a bounded cache saves most of the work.
const cache = new Map<string, string>();

export function stemWord(word: string): string {
  let stem = cache.get(word);
  if (stem === undefined) {
    if (cache.size >= 100_000) cache.clear();
    stem = stemUncached(word);
    cache.set(word, stem);
  }
  return stem;
}

function stemUncached(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (KEEP.has(w)) return w;
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  // Plurals and 3rd person.
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('s') && !(w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) && w.length > 3) w = w.slice(0, -1);
  // -ing / -ed, only when a vowel stays in the stem ("bring", "red" stay).
  if (w.endsWith('ing') && w.length > 5 && hasVowel(w, w.length - 3)) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ed') && w.length > 4 && hasVowel(w, w.length - 2)) w = undouble(w.slice(0, -2));
  // -ly adverbs: "reportedly" → "reported" → handled above on the next form only; strip once.
  if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  // Make "launche" (from "launches"/"launched") and "launch" one stem.
  if (w.endsWith('che') || w.endsWith('she') || w.endsWith('sse') || w.endsWith('xe') || w.endsWith('ze')) w = w.slice(0, -1);
  // A final silent e is dropped so "release"/"released"/"releasing" meet at "releas".
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

// "stopped" → "stopp" → "stop"; but "fall"/"miss"/"buzz" keep their double letter.
function undouble(w: string): string {
  if (w.length > 3 && w.charCodeAt(w.length - 1) === w.charCodeAt(w.length - 2) && DOUBLED.includes(w[w.length - 1]!))
    return w.slice(0, -1);
  return w;
}
