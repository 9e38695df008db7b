/**
 * Where a range of the text view is in the original: page, table, row and cell (or paragraph), and how a
 * message names it ("第 2 页 表 3 第 5 行 第 2 列"). Pure and small: the CLI and the server load it with
 * every report, without the readers.
 */
import type { Range } from '../text/lines';
import type { Place, SourceView } from './types';

/** The place of a range's start in the original; undefined for a view without places. */
export function placeOf(view: Pick<SourceView, 'lines' | 'grids'>, range: Range): Place | undefined {
  const line = range.start.line;
  const at = view.lines[line];
  if (!at) return undefined;
  if (at.table === undefined) return { ...at };
  const grid = view.grids.find((g) => g.table === at.table);
  const row = grid?.rows.find((r) => r.line === line);
  const ch = range.start.character;
  const cell = row?.cells.find((c) => c.line === line && ch >= c.start && ch <= c.end && !(c.start === c.end && ch !== c.start));
  return { ...at, ...(cell ? { column: cell.column + 1 } : {}) };
}

export function describePlace(p: Place, locale: 'zh' | 'en'): string {
  if (locale === 'en') {
    const parts: string[] = [];
    if (p.page) parts.push(`page ${p.page}`);
    if (p.table) parts.push(`table ${p.table}`);
    if (p.row) parts.push(`row ${p.row}`);
    if (p.column) parts.push(`column ${p.column}`);
    if (!p.table && p.paragraph) parts.push(`paragraph ${p.paragraph}`);
    return parts.join(', ');
  }
  const parts: string[] = [];
  if (p.page) parts.push(`第 ${p.page} 页`);
  if (p.table) parts.push(`表 ${p.table}`);
  if (p.row) parts.push(`第 ${p.row} 行`);
  if (p.column) parts.push(`第 ${p.column} 列`);
  if (!p.table && p.paragraph) parts.push(`第 ${p.paragraph} 段`);
  return parts.join(' ');
}

/** "（原文：第 2 页 表 3 第 5 行 第 2 列）" to follow a message, or '' when there is no place. */
export function placeSuffix(view: Pick<SourceView, 'lines' | 'grids'> | undefined, range: Range, locale: 'zh' | 'en'): string {
  if (!view) return '';
  const p = placeOf(view, range);
  const d = p ? describePlace(p, locale) : '';
  if (!d) return '';
  return locale === 'en' ? ` (in the original: ${d})` : `（原文：${d}）`;
}
