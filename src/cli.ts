// The composition of the command line: each command lives in its own file under src/cli/.
// Only this layer turns outcomes into exit codes.

import { Command, CommanderError } from 'commander';
import { loadEnvFile } from './config/read-env.js';
import { formatError } from './cli/format-error.js';
import { createRedactor } from './util/redact-secrets.js';
import { EXIT, processIo, type CliIo } from './cli/cli-io.js';
import { registerCheckCommand } from './cli/check-command.js';
import { registerClusterCommand } from './cli/cluster-command.js';
import { registerEvalCommand } from './cli/eval-command.js';
import { registerCollectCommand } from './cli/collect-command.js';
import { registerFeedsCommand } from './cli/feeds-command.js';
import { registerRecordCommand } from './cli/record-command.js';
import { registerRunCommand } from './cli/run-command.js';

export function buildProgram(io: CliIo, setCode: (code: number) => void): Command {
  const program = new Command('digest')
    .description('Writes the daily AI-news digest (Traditional Chinese, Hugo Markdown) from RSS/Atom/RDF feeds')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run `digest --help` for usage)');
  registerRunCommand(program, io, setCode);
  registerRecordCommand(program, io, setCode);
  registerCheckCommand(program, io, setCode);
  registerCollectCommand(program, io, setCode);
  registerFeedsCommand(program, io, setCode);
  registerClusterCommand(program, io, setCode);
  registerEvalCommand(program, io, setCode);
  return program;
}

/** Runs the CLI with the given arguments (without `node` and the script) and returns the exit code. */
export async function runMain(argv: string[], rawIo: CliIo = processIo()): Promise<number> {
  const io = redactedIo(rawIo);
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version are "errors" to commander; they succeeded.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    const f = formatError(err, { debug: /^(debug|trace)$/i.test(io.env.DIGEST_LOG_LEVEL ?? '') });
    io.stderr(`${f.line}\n`);
    return f.code;
  }
}

/**
 * Everything the CLI prints (the summary, errors, every log line) passes through the redactor built from the
 * environment and .env, so no secret reaches a terminal, a log file or cron mail.
 */
function redactedIo(io: CliIo): CliIo {
  let env = io.env;
  try {
    env = loadEnvFile(io.cwd, io.env);
  } catch {
    // an unreadable .env is reported by the command itself; the process environment still names the secrets
  }
  const redact = createRedactor(env);
  return { ...io, stdout: (t) => io.stdout(redact(t)), stderr: (t) => io.stderr(redact(t)) };
}
