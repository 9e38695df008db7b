/** Small helpers shared by the check modules. */
import { SECTIONS, TABLE_HEADER_SIGNS, TABLE_SIGNS_NEEDED, type TableKey } from '../format/spec';
import type { Cell, ReportModel, Row, Section, Table, TableShape } from '../model';
import type { Line, Range } from '../text/lines';
import { span } from '../text/lines';
import { formatNumber } from '../text/values';
import { columnName, rowName } from './names';
import type { Bilingual, Locale, SourceInfo } from './types';

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

/**
 * The body text on a section's heading line: nothing for a heading on a line of its own, the rest of the line
 * (to the section's end) for a heading inline in web text that lost its line breaks.
 */
export function inlineBody(lines: readonly Line[], s: Section): string {
  const b = s.body;
  const line = lines[b.start.line];
  if (!line) return '';
  const text = line.text.slice(b.start.character, b.end.line === b.start.line ? b.end.character : undefined);
  return text.replace(/^[\s：:*#_]+/, '');
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

/** The cells of a row that belong to its table's present columns (T2 rows carry only their block's cells). */
export function rowCells(t: Table, row: Row): Cell[] {
  if (t.key === 'proactive') return row.cells;
  // Rows of T3 and T4 hold one cell per column of the full layout, in column order.
  if (t.columns.every((c) => c.present)) return row.cells;
  return row.cells.filter((_, i) => t.columns[i]?.present);
}

export interface TableRow {
  table: Table;
  row: Row;
  cells: Cell[];
}

/** Every confident table's rows with their cells, computed once per run and shared by the cell checks. */
export function confidentRows(model: ReportModel, memo: Map<string, unknown>): TableRow[] {
  let rows = memo.get('confidentRows') as TableRow[] | undefined;
  if (!rows) {
    rows = [];
    for (const table of Object.values(model.tables)) {
      if (!table.confident) continue;
      // rowCells, with the question of which columns are present asked once per table.
      const whole = table.key === 'proactive' || table.columns.every((c) => c.present);
      for (const row of table.rows.values()) rows.push({ table, row, cells: whole ? row.cells : rowCells(table, row) });
    }
    memo.set('confidentRows', rows);
  }
  return rows;
}

/** A number no column can fault: whole, not negative, no percent sign, no unit (table-cell-invalid passes it). */
export function plainCount(cell: Cell): boolean {
  const v = cell.value;
  return cell.state === 'number' && v !== null && v >= 0 && Number.isInteger(v) && !cell.percent && !cell.unit && (cell.decimals ?? 0) <= 4;
}

export interface CensusCell {
  at: TableRow;
  cell: Cell;
}

/**
 * What the cell checks look for, in one walk over every confident row's cells instead of one walk each (the
 * walk runs for every report, mostly before V8 has compiled it): per row (in confidentRows' order) how many
 * cells are missing, and in document order the blank or placeholder cells and the cells a column may fault.
 */
export interface CellCensus {
  missing: number[];
  /** Blank or placeholder (table-cell-blank). */
  blanks: CensusCell[];
  /** Not a number, or a number that is not a plain count (table-cell-invalid). */
  suspects: CensusCell[];
}

/** The census of a run, computed once and shared by the cell checks. */
export function cellCensus(model: ReportModel, memo: Map<string, unknown>): CellCensus {
  let census = memo.get('cellCensus') as CellCensus | undefined;
  if (!census) {
    census = { missing: [], blanks: [], suspects: [] };
    const rows = confidentRows(model, memo);
    for (let r = 0; r < rows.length; r++) {
      const at = rows[r]!;
      const cells = at.cells;
      let missing = 0;
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i]!;
        const state = cell.state;
        if (state === 'number') {
          if (!plainCount(cell)) census.suspects.push({ at, cell });
        } else if (state === 'missing') missing++;
        else if (state === 'blank' || state === 'placeholder') census.blanks.push({ at, cell });
        else if (state === 'invalid') census.suspects.push({ at, cell });
      }
      census.missing.push(missing);
    }
    memo.set('cellCensus', census);
  }
  return census;
}

/** A cell named for messages: “一、本年新收…”的“自然人”, or the T4 column. */
export function cellWhere(t: Table, rowKey: string, column: string): Bilingual {
  if (t.key === 'appeals') return { zh: columnName('appeals', column, 'zh'), en: columnName('appeals', column, 'en') };
  return {
    zh: `“${rowName(t.key, rowKey, 'zh', t.edition)}”的“${columnName(t.key, column, 'zh', t.edition)}”`,
    en: `"${rowName(t.key, rowKey, 'en', t.edition)}" / ${columnName(t.key, column, 'en', t.edition)}`,
  };
}

/**
 * The first picture of the original inside a section (after its heading, up to the next section's heading:
 * a picture written last in the section stands at that heading's line), or undefined. A section whose table
 * is a picture has it there, not missing: the checker cannot read it, and says so (table-unreadable).
 */
export function pictureIn(source: SourceInfo | undefined, model: ReportModel, s: Section): number | undefined {
  const images = source?.images;
  if (!images || images.length === 0) return undefined;
  const from = s.heading.range.start.line;
  let to = model.lineCount;
  for (const o of model.sections) {
    const at = o.heading.range.start.line;
    if (at > from && at < to) to = at;
  }
  for (const line of images) if (line > from && line <= to) return line;
  return undefined;
}

/**
 * Tables whose section holds their header in words (TABLE_HEADER_SIGNS) though the reader found no table
 * there: a table run together or cut up past reading, not a missing one. Said once — by layout-lost in a
 * text that lost its layout, else by table-unreadable — never as table-missing.
 */
export function tablesInWordsOnly(model: ReportModel, lines: readonly Line[]): { key: TableKey; section: Section }[] {
  const out: { key: TableKey; section: Section }[] = [];
  for (const s of model.sections) {
    const key = SECTIONS.find((x) => x.number === s.number)?.table;
    if (!key || model.tables[key]) continue;
    let text = '';
    for (let i = s.body.start.line; i <= s.body.end.line && i < lines.length; i++) {
      const l = lines[i]!.text;
      text += l.slice(i === s.body.start.line ? s.body.start.character : 0, i === s.body.end.line ? s.body.end.character : undefined);
    }
    const compact = text.replace(/\s+/g, '');
    if (TABLE_HEADER_SIGNS[key].filter((w) => compact.includes(w)).length >= TABLE_SIGNS_NEEDED) out.push({ key, section: s });
  }
  return out;
}
