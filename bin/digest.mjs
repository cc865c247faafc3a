#!/usr/bin/env node
// The `digest` command. tsx's loader lets the TypeScript sources run as they are, so `npm ci` is the whole set-up.
import { register } from 'tsx/esm/api';

register();
const { runMain } = await import('../src/cli.ts');
process.exitCode = await runMain(process.argv.slice(2));
