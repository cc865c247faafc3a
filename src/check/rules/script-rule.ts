// Script: no Simplified-only characters anywhere in the file, front matter included.

import { findSimplified } from '../../text/to-taiwan.js';
import type { Line, Violation } from '../digest-doc.js';

export function checkScript(lines: Line[]): Violation[] {
  const v: Violation[] = [];
  for (const l of lines) {
    const found = findSimplified(l.text);
    if (found.length)
      v.push({
        line: l.line,
        message: `Simplified characters in a Traditional text: ${[...new Set(found)].join('')}; convert with OpenCC (s2twp)`,
      });
  }
  return v;
}
