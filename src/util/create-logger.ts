// pino for machines (JSON lines on stderr when it is not a terminal), readable lines for people on a terminal.
// Keys and auth headers are redacted by field name wherever they appear in a log event; the writer the logger is
// given redacts secret values in any field (src/util/redact-secrets.ts, applied by the CLI to everything it prints).

import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export const REDACT_PATHS = [
  'apiKey',
  '*.apiKey',
  'key',
  '*.key',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'headers["api-key"]',
  'OPENAI_API_KEY',
  '*.OPENAI_API_KEY',
];

export function createLogger(write: (text: string) => void, options: { pretty: boolean; level?: string }): Logger {
  const sink = new Writable({
    write(chunk, _enc, done) {
      write(chunk.toString());
      done();
    },
  });
  const stream = options.pretty
    ? pretty({ destination: sink, colorize: false, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', singleLine: true, sync: true })
    : sink;
  return pino({ level: options.level ?? 'info', redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: undefined }, stream);
}
