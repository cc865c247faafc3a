// The composition of the command line: each command lives in its own file under src/cli/.
// Only this layer turns outcomes into exit codes.

import { Command, CommanderError } from 'commander';
import { ConfigError, DigestError, errorMessage } from './errors.js';
import { EXIT, processIo, type CliIo } from './cli/cli-io.js';
import { registerCheckCommand } from './cli/check-command.js';
import { registerClusterCommand } from './cli/cluster-command.js';
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
  return program;
}

/** Runs the CLI with the given arguments (without `node` and the script) and returns the exit code. */
export async function runMain(argv: string[], io: CliIo = processIo()): Promise<number> {
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
    if (err instanceof ConfigError) {
      io.stderr(`digest: ${err.message}\n`);
      return EXIT.usage;
    }
    if (err instanceof DigestError) {
      io.stderr(`digest: ${err.name}: ${err.message}\n`);
      return EXIT.failed;
    }
    io.stderr(`digest: unexpected error: ${errorMessage(err)}\n${err instanceof Error ? err.stack ?? '' : ''}\n`);
    return EXIT.failed;
  }
}
