// Dates are Asia/Taipei days (UTC+8, no DST), so fixed-offset arithmetic is exact and needs no tz database.

import type { Window } from '../types.js';

const OFFSET_MS = 8 * 3600_000;
const DATE_RE = /^\d{4}-\d\d-\d\d$/;
const CUTOFF_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidDate(date: string): boolean {
  if (!DATE_RE.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** Today's date in Taipei. */
export function taipeiToday(now: Date): string {
  return new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** `2025-12-05T06:45:04+08:00` for an instant. */
export function toTaipeiIso(instant: Date): string {
  const s = new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 19);
  return `${s}+08:00`;
}

/** `2025/12/05 06:45:04` for an instant, as the footer prints it. */
export function toTaipeiClock(instant: Date): string {
  return toTaipeiIso(instant).slice(0, 19).replace('T', ' ').replaceAll('-', '/');
}

/** The instant of `date` at `cutoff` (HH:MM) Taipei time. */
export function cutoffInstant(date: string, cutoff: string): Date {
  if (!isValidDate(date)) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  if (!CUTOFF_RE.test(cutoff)) throw new RangeError(`not a cut-off time (HH:MM): ${cutoff}`);
  return new Date(Date.parse(`${date}T${cutoff}:00+08:00`));
}

/** The 24 hours before the day's cut-off: what that morning's run collects. */
export function windowFor(date: string, cutoff: string, hours = 24): Window {
  const end = cutoffInstant(date, cutoff);
  return { start: new Date(end.getTime() - hours * 3600_000).toISOString(), end: end.toISOString() };
}

export function inWindow(publishedAt: string, window: Window): boolean {
  const t = Date.parse(publishedAt);
  return t >= Date.parse(window.start) && t < Date.parse(window.end);
}
