// The run report beside a digest, read for `digest eval`. A missing default report is normal (a digest from
// elsewhere, or an example): eval shows the model figures as "—". A report that was named and is missing, or one
// that is not a run report, is a usage error the user must fix.

import { readFile } from 'node:fs/promises';
import { ConfigError } from '../errors.js';
import { parseRunReport, type RunReportFigures } from './parse-run-report.js';

/** `<name>.report.json` for `<name>.md`: where `digest run` writes a digest's report. */
export function defaultReportPath(digestPath: string): string {
  return `${digestPath.replace(/\.md$/i, '')}.report.json`;
}

/**
 * The report's figures, or undefined when `required` is false and there is no file. `shown` is the path as the
 * user gave it (or as derived from the digest's), for messages.
 */
export async function readRunReport(file: string, shown: string, required: boolean): Promise<RunReportFigures | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !required) return undefined;
    throw new ConfigError(
      `${shown}: cannot read the run report (${code ?? 'error'}); pass the .report.json that \`digest run\` wrote beside the digest`,
      { cause: err },
    );
  }
  const parsed = parseRunReport(text);
  if (!parsed.ok) throw new ConfigError(`${shown}: ${parsed.reason}; pass the .report.json that \`digest run\` wrote, or --report FILE`);
  return parsed.figures;
}
