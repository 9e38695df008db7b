/**
 * A page number printed as a bare number on a line of its own between two rows of a table (space-aligned
 * text copied from a PDF: `8.属于行政查询事项 0 0 0 0 0 0 0` / `2` / `（四）无法提供 …`). The table reader reads
 * it as a row of one value that names no row (a stray row) and leaves it out; this says what it most likely
 * is, so that conversion-debris can point at it. It stands between rows that have all their cells, so it is
 * no cell wrapped from either; still, a bare number could be a count, so it is reported without a fix
 * (checks/rules/conversion-debris.ts).
 */
import type { Debris, Row } from '../model';
import { isBlank, type Line, span } from '../text/lines';

/** A page number is at most this many digits (a report's pages run to the hundreds at most). */
const PAGE_DIGITS = 3;
const BARE = new RegExp(`^[0-9０-９]{1,${PAGE_DIGITS}}$`);

/** Whether a row has every present cell and none beyond. */
function whole(row: Row, present: ReadonlySet<string>): boolean {
  if (row.extra.length > 0) return false;
  for (const c of row.cells) if (present.has(c.column) && c.state === 'missing') return false;
  return true;
}

/** The nearest line from `from` in direction `step` that is not blank; -1 when none. */
function nearest(lines: readonly Line[], from: number, step: 1 | -1): number {
  for (let i = from + step; i >= 0 && i < lines.length; i += step) if (!isBlank(lines[i]!.text)) return i;
  return -1;
}

/**
 * The stray rows that are a bare number alone on their line, right between two whole rows (blank lines
 * between allowed), as page-number debris.
 */
export function pageNumbersAmongRows(strays: readonly Row[], rows: Iterable<Row>, present: ReadonlySet<string>, lines: readonly Line[]): Debris[] {
  if (strays.length === 0 || lines.length === 0) return [];
  let wholeAt: Set<number> | undefined;
  const out: Debris[] = [];
  for (const s of strays) {
    if (s.label || s.valueCount !== 1 || s.range.start.line !== s.range.end.line) continue;
    const ln = s.range.start.line;
    const text = lines[ln]?.text;
    if (text === undefined) continue;
    const trimmed = text.trim();
    if (!BARE.test(trimmed)) continue;
    if (!wholeAt) {
      wholeAt = new Set<number>();
      for (const r of rows) if (whole(r, present)) for (let i = r.range.start.line; i <= r.range.end.line; i++) wholeAt.add(i);
    }
    const above = nearest(lines, ln, -1);
    const below = nearest(lines, ln, 1);
    if (!wholeAt.has(above) || !wholeAt.has(below)) continue;
    const at = text.indexOf(trimmed);
    out.push({
      kind: 'page-number',
      text: trimmed,
      range: span(ln, at, at + trimmed.length),
      removal: { start: { line: ln, character: 0 }, end: { line: ln + 1, character: 0 } },
    });
  }
  return out;
}
