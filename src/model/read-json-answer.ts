// The JSON inside a model's answer. Servers without a reasoning parser leave the model's thinking in `content`
// (`<think>…</think>`, with drafts, braces and ```json fences inside), and models in JSON-less modes wrap the object
// in prose or fences. A first-`{`-to-last-`}` cut grabs braces from the thinking; instead the reasoning block is
// removed first, and every complete JSON object is a candidate, the last one first: the answer comes after drafts.

const REASONING_TAG = /^<(think|thinking|reasoning|thought)>/i;

/** The answer without leading reasoning blocks; empty when a block never closes (the budget ran out inside it). */
export function stripReasoning(text: string): string {
  let t = text.trimStart();
  for (;;) {
    const m = REASONING_TAG.exec(t);
    if (!m) return t;
    const close = t.toLowerCase().indexOf(`</${m[1]!.toLowerCase()}>`);
    if (close < 0) return '';
    t = t.slice(close + m[1]!.length + 3).trimStart();
  }
}

/** Spans of the top-level `{…}` objects in text; quotes count only inside an object, where JSON strings are. */
function objectSpans(text: string): string[] {
  const spans: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (depth > 0 && inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"' && depth > 0) inString = true;
    else if (ch === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === '}' && depth > 0) {
      depth--;
      if (depth === 0) spans.push(text.slice(start, i + 1));
    }
  }
  return spans;
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Parsed JSON values in the answer, most likely the answer first: the whole text, fenced blocks, then objects, last first. */
export function jsonCandidates(text: string): unknown[] {
  const t = stripReasoning(text).trim();
  if (!t) return [];
  const out: unknown[] = [];
  const seen = new Set<string>();
  const add = (s: string) => {
    const key = s.trim();
    if (seen.has(key)) return;
    seen.add(key);
    const r = tryParse(key);
    if (r.ok) out.push(r.value);
  };
  add(t);
  for (const m of [...t.matchAll(/```(?:json)?\s*([\s\S]*?)```/g)].reverse()) add(m[1]!);
  for (const s of objectSpans(t).reverse()) add(s);
  return out;
}

/** The most likely JSON value of an answer; throws JSON.parse's error when there is none. */
export function parseJsonAnswer(text: string): unknown {
  const [first] = jsonCandidates(text);
  if (first !== undefined) return first;
  return JSON.parse(stripReasoning(text).trim());
}
