// Sentence splitting good enough for extractive summaries of English and Chinese news text.

const ABBREVIATIONS =
  /\b(Mr|Mrs|Ms|Dr|Prof|Inc|Ltd|Co|Corp|vs|etc|e\.g|i\.e|U\.S|U\.K|No|Fig|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/i;

export function splitSentences(text: string): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return [];
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < clean.length; i++) {
    const ch = clean[i]!;
    const cjkEnd = ch === '。' || ch === '！' || ch === '？' || ch === '；';
    const latinEnd = (ch === '.' || ch === '!' || ch === '?') && (clean[i + 1] === ' ' || i === clean.length - 1);
    if (!cjkEnd && !latinEnd) continue;
    const piece = clean.slice(start, i + 1).trim();
    // "Dr. Smith", "U.S. firms", "2.5 billion": not the end of a sentence.
    if (latinEnd && (ABBREVIATIONS.test(piece) || /\b[A-Z]\.$/.test(piece))) continue;
    if (piece) out.push(piece);
    start = i + 1;
  }
  const rest = clean.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** The first sentences of a text, up to about `max` characters (at least one sentence, cut at a boundary). */
export function leadSentences(text: string, max: number): string {
  const sentences = splitSentences(text);
  let out = '';
  for (const s of sentences) {
    if (out && out.length + s.length > max) break;
    out = out ? `${out}${/[。！？；]$/.test(out) ? '' : ' '}${s}` : s;
  }
  if (out.length > max * 1.6) out = `${out.slice(0, max).replace(/\s+\S*$/, '')}…`;
  return out;
}
