/**
 * Builds a text view from what a source reader finds: paragraphs become lines, each table row one line of
 * tab-separated cells. Merged cells are written once, at their top-left grid place; a cell merged down over
 * several rows leaves, on the rows below, an empty field when it holds a value (so a blank value keeps its
 * column) and nothing when it is a label (a label column's continuation carries no cell).
 */
import { parseValue } from '../text/values';
import type { Grid, GridCell, GridRow, Place, SourceKind, SourceProblem, SourceView } from './types';

/** A cell as a reader found it: its text and spans, before it is placed on a line. */
export interface RawCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  /** Its grid column, when the reader knows it from the original's geometry (a PDF's rules). */
  column?: number;
}

/** A table as rows of raw cells (continuations not listed: the builder lays the grid out). */
export interface RawTable {
  rows: { cells: RawCell[]; page?: number; gridBefore?: number }[];
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Joins pieces of one cell or paragraph: nothing between Chinese text, one space between Latin words. */
export function joinPieces(pieces: string[]): string {
  let out = '';
  for (const raw of pieces) {
    const p = raw.trim();
    if (!p) continue;
    if (out && !CJK.test(out[out.length - 1]!) && !CJK.test(p[0]!)) out += ' ';
    out += p;
  }
  return out;
}

/** Cell text on one line of the view: no tabs or line breaks inside a cell, white space collapsed. */
export function cellText(text: string): string {
  return text.replace(/[\t\r\n\f\v\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

function isValueText(text: string): boolean {
  if (text === '') return true;
  const s = parseValue(text).state;
  return s === 'number' || s === 'placeholder' || s === 'blank';
}

export class ViewBuilder {
  private readonly out: string[] = [];
  private readonly places: Place[] = [];
  private readonly grids: Grid[] = [];
  private readonly images: number[] = [];
  private paragraphs = 0;
  private chars = 0;
  readonly problems: SourceProblem[] = [];

  constructor(private readonly kind: SourceKind, private readonly maxChars: number) {}

  get full(): boolean {
    return this.chars > this.maxChars;
  }

  private push(text: string, place: Place): number {
    this.out.push(text);
    this.places.push(place);
    this.chars += text.length + 1;
    return this.out.length - 1;
  }

  /** A paragraph outside tables (line breaks inside it become lines of their own). */
  paragraph(text: string, page?: number): void {
    if (this.full) return;
    const parts = text.replace(/\r\n?/g, '\n').split('\n');
    this.paragraphs++;
    for (const p of parts) this.push(p.replace(/\s+$/, ''), { paragraph: this.paragraphs, ...(page ? { page } : {}) });
  }

  /** A picture, at the line written next (SourceView.images). */
  image(): void {
    if (!this.full) this.images.push(this.out.length);
  }

  /** An empty line (an empty paragraph of the original). */
  blank(page?: number): void {
    if (!this.full) this.push('', page ? { page } : {});
  }

  /**
   * A table: lays the rows out on a grid (spans expanded, continuations placed) and writes one line a row.
   * `continueLast` joins it to the previous table (a table continued on the next page).
   */
  table(raw: RawTable, continueLast = false): void {
    if (this.full || raw.rows.length === 0) return;
    const prev = continueLast ? this.grids[this.grids.length - 1] : undefined;
    const grid: Grid = prev ?? { table: this.grids.length + 1, rows: [] };
    if (!prev) this.grids.push(grid);
    const rowBase = grid.rows.length;
    /** Per grid column, the cell merged down into the rows below and how many rows it still covers. */
    const down: ({ cell: GridCell; left: number } | undefined)[] = [];
    for (let r = 0; r < raw.rows.length; r++) {
      const src = raw.rows[r]!;
      const index = rowBase + r;
      const cells: GridCell[] = [];
      let col = src.gridBefore ?? 0;
      const placeContinuations = () => {
        while (down[col] && down[col]!.left > 0) {
          const d = down[col]!;
          cells.push({ ...d.cell, row: index, column: col, continued: true, line: -1, start: 0, end: 0 });
          d.left--;
          col += d.cell.colSpan;
        }
      };
      placeContinuations();
      for (const c of src.cells) {
        const text = cellText(c.text);
        const colSpan = Math.max(1, Math.min(c.colSpan | 0, 1000));
        const rowSpan = Math.max(1, Math.min(c.rowSpan | 0, raw.rows.length - r));
        const cell: GridCell = { text, line: -1, start: 0, end: 0, row: index, column: c.column ?? col, rowSpan, colSpan, valueLike: isValueText(text) };
        cells.push(cell);
        if (rowSpan > 1) for (let j = 0; j < colSpan; j++) down[col + j] = j === 0 ? { cell, left: rowSpan - 1 } : undefined;
        col += colSpan;
        placeContinuations();
      }
      // Continuations past the row's own cells (a merged cell at the right edge).
      for (let c = col; c < down.length; c++) {
        const d = down[c];
        if (d && d.left > 0) {
          cells.push({ ...d.cell, row: index, column: c, continued: true, line: -1, start: 0, end: 0 });
          d.left--;
          c += d.cell.colSpan - 1;
        }
      }
      this.writeRow(grid, { line: -1, index, ...(src.page ? { page: src.page } : {}), cells });
    }
  }

  private writeRow(grid: Grid, row: GridRow): void {
    let text = '';
    let first = true;
    for (const c of row.cells) {
      // A label merged down carries no field on the rows below; a value merged down leaves an empty one.
      if (c.continued && !c.valueLike) continue;
      if (!first) text += '\t';
      first = false;
      const own = c.continued ? '' : c.text;
      c.start = text.length;
      text += own;
      c.end = text.length;
    }
    const line = this.push(text, { table: grid.table, row: row.index + 1, ...(row.page ? { page: row.page } : {}) });
    row.line = line;
    for (const c of row.cells) c.line = c.continued && !c.valueLike ? -1 : line;
    grid.rows.push(row);
  }

  finish(extra: Partial<SourceView> = {}): SourceView {
    return {
      kind: this.kind, text: this.out.join('\n'), grids: this.grids, lines: this.places, problems: this.problems,
      ...(this.images.length > 0 ? { images: this.images } : {}), ...extra,
    };
  }
}
