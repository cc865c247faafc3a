// Flag values shared by several commands, checked where commander reads them so a bad one is a usage error (exit 2).

import { InvalidArgumentError } from 'commander';
import { isValidDate } from '../util/taipei-time.js';

export function parseDateOption(value: string): string {
  if (!isValidDate(value)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD, e.g. 2025-12-05');
  return value;
}

export function parseCutoffOption(value: string): string {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) throw new InvalidArgumentError('expected a time as HH:MM (Asia/Taipei), e.g. 06:45');
  return value;
}

export function parseConcurrencyOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('expected a whole number from 1 to 64');
  return n;
}

export function parseMaxEntriesOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 500) throw new InvalidArgumentError('expected a whole number from 1 to 500');
  return n;
}
