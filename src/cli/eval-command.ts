// `digest eval DIGEST.md [OTHER.md]`: the figures of a digest and its run report, or of two digests side by side
// (two runs of a day: models, prompts, a fix) with the stories one has and the other lacks.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { ConfigError } from '../errors.js';
import { compareDigests } from '../eval/compare-digests.js';
import { evaluateDigest, type DigestEvaluation } from '../eval/evaluate-digest.js';
import { FAIL_ON_RULES, findFailures, parseFailOn, type FailOnRule } from '../eval/find-failures.js';
import { formatEvalTable } from '../eval/format-eval-table.js';
import { defaultReportPath, readRunReport } from '../eval/read-run-report.js';
import { EXIT, type CliIo } from './cli-io.js';

function failOnOption(value: string): FailOnRule[] {
  const parsed = parseFailOn(value);
  if ('unknown' in parsed)
    throw new InvalidArgumentError(
      `"${parsed.unknown}" is not a rule; use a comma-separated list of ${Object.keys(FAIL_ON_RULES).join(', ')}`,
    );
  return parsed.rules;
}

const collect = (value: string, previous: string[]) => [...previous, value];

async function readDigest(io: CliIo, file: string): Promise<string> {
  try {
    return await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'}); pass an existing digest file`, {
      cause: err,
    });
  }
}

async function evaluateFile(
  io: CliIo,
  file: string,
  reportFile: string | undefined,
): Promise<{ text: string; evaluation: DigestEvaluation }> {
  const text = await readDigest(io, file);
  const shown = reportFile ?? defaultReportPath(file);
  const report = await readRunReport(path.resolve(io.cwd, shown), shown, reportFile !== undefined);
  const reportNote = report ? undefined : `no run report (looked for ${shown}); model figures are shown as —`;
  return { text, evaluation: evaluateDigest({ file, text, report, reportNote }) };
}

export function registerEvalCommand(program: Command, io: CliIo, setCode: (code: number) => void): void {
  const rules = Object.entries(FAIL_ON_RULES)
    .map(([rule, why]) => `  ${rule.padEnd(14)} ${why}`)
    .join('\n');
  program
    .command('eval')
    .description('measure a digest (and its run report): model use, grounding, entry shape, repeats; or compare two digests')
    .argument('<digest>', 'a digest Markdown file')
    .argument('[other]', 'a second digest (e.g. another run of the same day), shown side by side, with the stories each lacks')
    .option(
      '--report <file>',
      'the run report of the digest (give it twice for two digests; default: <name>.report.json beside <name>.md)',
      collect,
      [] as string[],
    )
    .option('--json', 'print the figures as JSON instead of the table')
    .option('--fail-on <rules>', 'exit 1 when one of these comma-separated conditions holds (see below)', failOnOption)
    .addHelpText(
      'after',
      `\n--fail-on rules:\n${rules}\n\nExit codes: ${EXIT.ok} measured (and no --fail-on condition holds), ${EXIT.failed} a --fail-on condition holds, ${EXIT.usage} bad arguments or an unreadable digest or report.`,
    )
    .action(async (digest: string, other: string | undefined, opts: { report: string[]; json?: boolean; failOn?: FailOnRule[] }) => {
      const files = other === undefined ? [digest] : [digest, other];
      if (opts.report.length > files.length)
        throw new ConfigError(
          `--report given ${opts.report.length} times for ${files.length} digest(s); give it once per digest, in the same order`,
        );
      const results = [];
      for (const [i, file] of files.entries()) results.push(await evaluateFile(io, file, opts.report[i]));
      const evaluations = results.map((r) => r.evaluation);
      const comparison = results.length === 2 ? compareDigests(results[0]!.text, results[1]!.text) : undefined;
      io.stdout(
        opts.json
          ? `${JSON.stringify({ digests: evaluations, ...(comparison && { comparison }) }, null, 2)}\n`
          : formatEvalTable(evaluations, comparison),
      );

      const { failures, notEvaluated } = findFailures(evaluations, opts.failOn ?? []);
      for (const n of notEvaluated) io.stderr(`eval: --fail-on not evaluated: ${n}\n`);
      for (const f of failures) io.stderr(`eval: fails --fail-on: ${f}\n`);
      setCode(failures.length ? EXIT.failed : EXIT.ok);
    });
}
