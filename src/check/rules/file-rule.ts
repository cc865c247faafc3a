// The file as bytes: LF line endings and a final newline (format.md, "File").

import type { Violation } from '../digest-doc.js';

export function checkFile(text: string): Violation[] {
  const v: Violation[] = [];
  const crAt = text.indexOf('\r');
  if (crAt >= 0) v.push({ line: text.slice(0, crAt).split('\n').length, message: 'CR line ending; the file must use LF only' });
  if (!text.endsWith('\n')) v.push({ line: text.split('\n').length, message: 'file does not end with a newline' });
  return v;
}
