// YAML the user writes (feeds.yaml, selection.yaml), read once the same way: a syntax error names the file and
// line, and a document that expands into a bomb (aliases of aliases) is refused, not evaluated.

import { parseDocument } from 'yaml';
import { ConfigError } from '../errors.js';

/** Aliases a hand-written config needs: a few. Thousands mean an expansion attack. */
const MAX_ALIAS_COUNT = 50;

export function parseYamlConfig(text: string, file: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line;
    throw new ConfigError(`${file}${line ? `:${line}` : ''}: not valid YAML (${e.message.split('\n')[0]}); fix the syntax`, { cause: e });
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    throw new ConfigError(
      `${file}: the YAML expands too far (more than ${MAX_ALIAS_COUNT} aliases); write the values out instead of using anchors`,
      { cause: err },
    );
  }
}
