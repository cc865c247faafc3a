// The evaluation as a Markdown table (one column per digest, so two runs read side by side in a terminal or a pull
// request), then the notes that name what the figures count: repeats, duplicates, stories one digest lacks.

import { SECTION_TITLES } from '../render/section-titles.js';
import { NEWS_SECTIONS } from '../types.js';
import type { DigestComparison } from './compare-digests.js';
import { BRIEF, type DigestEvaluation, type GroundingFigure, type ReportFigures, type Share } from './evaluate-digest.js';

const NONE = '—';

/** Terminal columns: CJK and full-width characters take two. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(ch)
      ? 2
      : 1;
  return w;
}

const pad = (text: string, to: number) => text + ' '.repeat(Math.max(0, to - width(text)));
const int = (n: number) => n.toLocaleString('en-US');

function shareText(s: Share): string {
  return s.share === null ? NONE : `${s.within}/${s.of} (${Math.round(s.share * 100)}%)`;
}

function grounding(g: GroundingFigure): string {
  return g.per100Entries === null ? NONE : `${g.per100Entries} (${g.items} in ${g.entries} ${g.entries === 1 ? 'entry' : 'entries'})`;
}

function fromReport(ev: DigestEvaluation, f: (r: ReportFigures) => string): string {
  return ev.report ? f(ev.report) : NONE;
}

type Row = [label: string, value: (ev: DigestEvaluation) => string];

const ROWS: Row[] = [
  ['entries', (ev) => String(ev.entries.total)],
  ...NEWS_SECTIONS.map((s): Row => [`  ${SECTION_TITLES[s].split('（')[0]}`, (ev) => String(ev.entries.bySection[s])]),
  ['footer: articles / topics', (ev) => (ev.footer ? `${ev.footer.articles} / ${ev.footer.topics}` : NONE)],
  ['model calls', (ev) => fromReport(ev, (r) => int(r.model.calls))],
  ['cache hits', (ev) => fromReport(ev, (r) => int(r.model.cacheHits))],
  ['replayed', (ev) => fromReport(ev, (r) => int(r.model.replayed))],
  ['input tokens', (ev) => fromReport(ev, (r) => int(r.model.inputTokens))],
  ['output tokens', (ev) => fromReport(ev, (r) => int(r.model.outputTokens))],
  ['cost (USD)', (ev) => fromReport(ev, (r) => `$${r.model.costUsd.toFixed(4)}`)],
  ['failed topics', (ev) => fromReport(ev, (r) => String(r.failedTopics))],
  ['warnings', (ev) => fromReport(ev, (r) => String(Object.values(r.warningsByCode).reduce((n, c) => n + c, 0)))],
  ['ungrounded numbers / 100 entries', (ev) => fromReport(ev, (r) => grounding(r.ungroundedNumbers))],
  ['ungrounded names / 100 entries', (ev) => fromReport(ev, (r) => grounding(r.ungroundedNames))],
  ['grounding repaired / removed', (ev) => fromReport(ev, (r) => `${r.groundingRepaired} / ${r.groundingRemoved}`)],
  ['Simplified characters', (ev) => (ev.simplified.count ? `${ev.simplified.count} (${ev.simplified.characters.join('')})` : '0')],
  ['核心摘要 characters, median', (ev) => (ev.lengths.summaryMedian === null ? NONE : String(ev.lengths.summaryMedian))],
  [`核心摘要 ${BRIEF.summaryChars[0]}–${BRIEF.summaryChars[1]} characters`, (ev) => shareText(ev.lengths.summary)],
  [`技術細節 as briefed (${BRIEF.detailBullets[0]}–${BRIEF.detailBullets[1]})`, (ev) => shareText(ev.lengths.details)],
  [`應用場景 as briefed (${BRIEF.useCaseBullets[0]}–${BRIEF.useCaseBullets[1]})`, (ev) => shareText(ev.lengths.useCases)],
  [`關鍵實體 ${BRIEF.entities[0]}–${BRIEF.entities[1]}`, (ev) => shareText(ev.lengths.entities)],
  ['headlines repeated in a section', (ev) => String(new Set(ev.headlineRepeats.map((h) => h.title)).size)],
  ['duplicate stories (pairs)', (ev) => String(ev.duplicates.length)],
  ['format violations (digest check)', (ev) => String(ev.violations)],
];

function notes(ev: DigestEvaluation): string[] {
  const out: string[] = [];
  if (ev.reportNote) out.push(`${ev.file}: ${ev.reportNote}`);
  for (const h of ev.headlineRepeats)
    out.push(`${ev.file}: headline 「${h.title}」 is also in ${SECTION_TITLES[h.section].split('（')[0]} (same ${h.by.join(' and ')})`);
  for (const d of ev.duplicates)
    out.push(
      `${ev.file}: 「${d.titles[0]}」 and 「${d.titles[1]}」 tell one story (${d.by === 'url' ? `both cite ${d.url}` : 'near-identical titles'})`,
    );
  return out;
}

/** One row per warning code any of the digests has, under the total. */
function withWarningCodes(evaluations: DigestEvaluation[]): Row[] {
  const codes = [...new Set(evaluations.flatMap((ev) => Object.keys(ev.report?.warningsByCode ?? {})))].sort();
  const at = ROWS.findIndex(([label]) => label === 'warnings') + 1;
  const byCode = codes.map((code): Row => [`  ${code}`, (ev) => fromReport(ev, (r) => String(r.warningsByCode[code] ?? 0))]);
  return [...ROWS.slice(0, at), ...byCode, ...ROWS.slice(at)];
}

export function formatEvalTable(evaluations: DigestEvaluation[], comparison?: DigestComparison): string {
  const header = ['figure', ...evaluations.map((ev) => ev.file)];
  const rows = [header, ...withWarningCodes(evaluations).map(([label, value]) => [label, ...evaluations.map(value)])];
  const widths = header.map((_, c) => Math.max(3, ...rows.map((r) => width(r[c]!))));
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, widths[i]!)).join(' | ')} |`;
  const out = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)];
  const all = evaluations.flatMap(notes);
  if (comparison && evaluations.length === 2) {
    const [a, b] = evaluations as [DigestEvaluation, DigestEvaluation];
    all.push(
      `stories matched by a shared source URL: ${comparison.matched[0]} of ${a.entries.total} entries in ${a.file}, ${comparison.matched[1]} of ${b.entries.total} in ${b.file}`,
    );
    for (const [file, titles] of [
      [a.file, comparison.onlyInFirst],
      [b.file, comparison.onlyInSecond],
    ] as const) {
      all.push(`only in ${file} (${titles.length}):${titles.length ? '' : ' none'}`, ...titles.map((t) => `  - ${t}`));
    }
  }
  return `${out.join('\n')}\n${all.length ? `\n${all.join('\n')}\n` : ''}`;
}
