// The feed health table that `digest collect` and `digest feeds` print: one line per feed, for people.

import type { FeedHealth } from '../types.js';

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function formatHealthTable(health: FeedHealth[]): string {
  const rows = health.map((h) => [
    h.feedId,
    h.status,
    String(h.items),
    String(h.inWindow),
    bytes(h.bytes),
    `${h.durationMs} ms`,
    h.reason ?? '',
  ]);
  const header = ['feed', 'status', 'items', 'in window', 'bytes', 'time', 'reason'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((r) => r[i]!.length)));
  const numeric = new Set([2, 3, 4, 5]);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** `18 of 20 feeds worked (1 failed, 1 stale)`. */
export function summariseHealth(health: FeedHealth[]): string {
  const worked = health.filter((h) => h.status !== 'failed').length;
  const byStatus = new Map<string, number>();
  for (const h of health) if (h.status !== 'ok') byStatus.set(h.status, (byStatus.get(h.status) ?? 0) + 1);
  const detail = [...byStatus].map(([s, n]) => `${n} ${s}`).join(', ');
  return `${worked} of ${health.length} feeds worked${detail ? ` (${detail})` : ''}`;
}
