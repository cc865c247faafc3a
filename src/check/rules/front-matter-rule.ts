// The front matter: valid YAML as the strictest reader (YAML 1.1: unquoted yes/no/on are booleans) reads it, the
// keys of format.md, a quoted ISO date with +08:00, a title ending " — YYYY/MM/DD" of the same day, and the body
// starting with a blank line and `---`.

import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { DigestDoc, Violation } from '../digest-doc.js';

const FrontMatterSchema = z.object({
  cover: z.object({ image: z.string().min(1), alt: z.string().min(1), relative: z.boolean() }),
  title: z.string().min(1),
  date: z.string(),
  draft: z.boolean(),
  tags: z.array(z.string().min(1)).min(5, 'needs 5–6 tags').max(6, 'needs 5–6 tags'),
  description: z.string().min(1),
  summary: z.string().min(1),
});

export interface FrontMatterFacts {
  /** The digest's day from the `date` key (`YYYY-MM-DD`), when it has the required form. */
  date?: string;
}

/** Violations, and what later rules need (the day); `stop` when the YAML cannot be read at all. */
export function checkFrontMatter(doc: DigestDoc): { violations: Violation[]; facts: FrontMatterFacts; stop: boolean } {
  const v: Violation[] = [];
  const fmLines = doc.lines.slice(1, doc.frontMatterEnd).map((l) => l.text);
  const keyLine = (key: string) => {
    const i = fmLines.findIndex((l) => l.startsWith(`${key}:`));
    return i < 0 ? 1 : i + 2;
  };
  const yaml = parseDocument(fmLines.join('\n'), { version: '1.1' });
  if (yaml.errors.length) {
    const e = yaml.errors[0]!;
    return {
      violations: [{ line: (e.linePos?.[0]?.line ?? 0) + 1, message: `front matter is not valid YAML: ${e.message.split('\n')[0]}` }],
      facts: {},
      stop: true,
    };
  }
  let value: unknown;
  try {
    value = yaml.toJS({ maxAliasCount: 50 });
  } catch {
    return {
      violations: [{ line: 1, message: 'front matter expands too far (aliases of aliases); write the values out' }],
      facts: {},
      stop: true,
    };
  }
  const fm = FrontMatterSchema.safeParse(value);
  if (!fm.success) {
    for (const issue of fm.error.issues)
      v.push({
        line: keyLine(String(issue.path[0] ?? 'front matter')),
        message: `front matter ${issue.path.join('.') || 'block'}: ${issue.message}`,
      });
  }
  const dateLine = fmLines.find((l) => l.startsWith('date:')) ?? '';
  const date = /^date: "(\d{4}-\d\d-\d\d)T\d\d:\d\d:\d\d\+08:00"$/.exec(dateLine)?.[1];
  if (!date)
    v.push({ line: keyLine('date'), message: 'date must be a quoted ISO 8601 time with +08:00, e.g. "2025-12-05T06:45:04+08:00"' });
  if (fm.success) {
    const titleDate = / — (\d{4})\/(\d\d)\/(\d\d)$/.exec(fm.data.title);
    if (!titleDate) v.push({ line: keyLine('title'), message: 'title must end with " — YYYY/MM/DD"' });
    else if (date && `${titleDate[1]}-${titleDate[2]}-${titleDate[3]}` !== date) {
      v.push({ line: keyLine('title'), message: `title date ${titleDate.slice(1).join('/')} differs from the front matter date ${date}` });
    }
  }
  const after = doc.lines.slice(doc.frontMatterEnd + 1, doc.frontMatterEnd + 3).map((l) => l.text);
  if (after[0] !== '' || after[1] !== '---')
    v.push({ line: doc.frontMatterEnd + 2, message: 'the body must start with a blank line and a "---" line' });
  return { violations: v, facts: date ? { date } : {}, stop: false };
}
