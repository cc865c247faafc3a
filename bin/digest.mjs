#!/usr/bin/env node
// The `digest` command. tsx's loader lets the TypeScript sources run as they are, so `npm ci` is the whole set-up.
import { register } from 'tsx/esm/api';

// `digest check ... | head`: a reader that stops reading is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

register();
const { runMain } = await import('../src/cli.ts');
process.exitCode = await runMain(process.argv.slice(2));
