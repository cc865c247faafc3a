// A digest file as the checker reads it: numbered lines, the front matter block and the `##` sections, each
// split into its `###` blocks. Every rule (rules/*.ts) reads this and returns violations with line numbers.

export interface Violation {
  line: number;
  message: string;
}

export interface Line {
  text: string;
  /** 1-based. */
  line: number;
}

export interface Block {
  title: string;
  line: number;
  lines: Line[];
}

export interface DigestDoc {
  text: string;
  /** Lines without CR, numbered. */
  lines: Line[];
  /** Index in `lines` of the closing `---` of the front matter (the opening one is index 0). */
  frontMatterEnd: number;
  /** The `##` sections of the body, with "Editor's" spelled as the format does. */
  sections: Block[];
}

/** Splits lines at every line starting with `prefix`: what comes before the first, and the blocks. */
export function splitBlocks(lines: Line[], prefix: string): { head: Line[]; blocks: Block[] } {
  const head: Line[] = [];
  const blocks: Block[] = [];
  let cur: Block | undefined;
  for (const l of lines) {
    if (l.text.startsWith(prefix)) {
      cur = { title: l.text.slice(prefix.length).trim(), line: l.line, lines: [] };
      blocks.push(cur);
    } else if (cur) cur.lines.push(l);
    else head.push(l);
  }
  return { head, blocks };
}

/** The document, or the violation that stops every other check (no front matter to find the body by). */
export function readDigestDoc(text: string): { doc: DigestDoc } | { fatal: Violation } {
  const raw = text.replace(/\r/g, '').split('\n');
  const lines = raw.map((t, i) => ({ text: t, line: i + 1 }));
  if (raw[0] !== '---') return { fatal: { line: 1, message: 'no front matter: the file must start with a "---" line' } };
  const frontMatterEnd = raw.indexOf('---', 1);
  if (frontMatterEnd < 0) return { fatal: { line: 1, message: 'front matter is not closed by a "---" line' } };
  const { blocks } = splitBlocks(lines.slice(frontMatterEnd + 1), '## ');
  const sections = blocks.map((b) => ({ ...b, title: b.title.replace("Editor's", 'Editor’s') }));
  return { doc: { text, lines, frontMatterEnd, sections } };
}
