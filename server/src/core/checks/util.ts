/** Small helpers shared by the check modules. */
import type { TableKey } from '../format/spec';
import type { Cell, ReportModel, Row, Table, TableShape } from '../model';
import type { Line, Range } from '../text/lines';
import { span } from '../text/lines';
import { formatNumber } from '../text/values';
import type { Locale } from './types';

/** A table the checks may reason about: present and read with confidence. */
export function confident(model: ReportModel, key: TableKey): Table | undefined {
  const t = model.tables[key];
  return t && t.confident ? t : undefined;
}

/** The whole of line `i`, without leading white space. */
export function lineSpan(lines: readonly Line[], i: number): Range {
  const l = lines[Math.max(0, Math.min(i, lines.length - 1))]!;
  const s = l.text.length - l.text.trimStart().length;
  return span(l.index, s, Math.max(s, l.text.trimEnd().length));
}

/** The last line with text at or before `i`. */
export function lastTextLine(lines: readonly Line[], i: number): number {
  let k = Math.min(i, lines.length - 1);
  while (k > 0 && lines[k]!.text.trim() === '') k--;
  return k;
}

/** Joins names into a list, shortened after `max` items. */
export function list(names: string[], locale: Locale, max = 6): string {
  const sep = locale === 'en' ? ', ' : '、';
  if (names.length <= max) return names.join(sep);
  const more = names.length - max;
  return names.slice(0, max).join(sep) + (locale === 'en' ? ` and ${more} more` : ` 等 ${names.length} 项`);
}

export function n(v: number): string {
  return formatNumber(v);
}

/** The table's shape, or the shape the report's other tables use, for rendering inserted rows. */
export function shapeFor(model: ReportModel, key?: TableKey): TableShape {
  const t = key ? model.tables[key] : undefined;
  if (t) return t.shape === 'spaces' ? 'tabs' : t.shape;
  for (const other of Object.values(model.tables)) if (other.shape === 'pipes') return 'pipes';
  return 'tabs';
}

export function cellOf(table: Table, row: Row, column: string): Cell | undefined {
  const i = table.key === 'proactive'
    ? -1
    : table.columns.findIndex((c) => c.key === column);
  if (i >= 0) return row.cells[i];
  return row.cells.find((c) => c.column === column);
}
