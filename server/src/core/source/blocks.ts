/**
 * The block tree the markup readers (.docx, .html) build before writing the view: paragraphs and tables,
 * a table's cells holding blocks of their own. A table holding tables, or one column only, is a layout frame
 * (a page's frame, a Word document laid out in a one-cell table): its cells' contents are read in order, as
 * if the frame were not there. Any other table is data and becomes a grid.
 */
import { type RawTable, joinPieces, type ViewBuilder } from './view';

export type Block = { kind: 'para'; text: string } | { kind: 'table'; table: TableNode } | { kind: 'image' };
export interface CellNode {
  rowSpan: number;
  colSpan: number;
  blocks: Block[];
}
export interface RowNode {
  cells: CellNode[];
  /** Grid columns left empty before the first cell (Word's `w:gridBefore`). */
  gridBefore?: number;
}
export interface TableNode {
  rows: RowNode[];
  /** A table was found inside one of its cells. */
  nested: boolean;
  /** What the table holds outside its cells (a caption, stray text, a table misplaced): read before it. */
  before?: Block[];
}

/** A table of data: no table inside it and more than one column somewhere (not a layout frame). */
export function isDataTable(t: TableNode): boolean {
  if (t.nested) return false;
  return t.rows.some((r) => (r.gridBefore ?? 0) + r.cells.reduce((n, c) => n + c.colSpan, 0) > 1);
}

/** Writes a table: a grid when it holds data, else its cells' blocks in order. */
export function emitTable(view: ViewBuilder, t: TableNode): void {
  if (t.before) emitBlocks(view, t.before);
  if (isDataTable(t)) {
    view.table(toRaw(t));
    return;
  }
  for (const row of t.rows) for (const c of row.cells) emitBlocks(view, c.blocks);
}

export function emitBlocks(view: ViewBuilder, blocks: Block[]): void {
  for (const b of blocks) {
    if (b.kind === 'table') emitTable(view, b.table);
    else if (b.kind === 'image') view.image();
    else if (b.text.trim()) view.paragraph(b.text);
    else view.blank();
  }
}

function toRaw(t: TableNode): RawTable {
  return {
    rows: t.rows.filter((r) => r.cells.length > 0).map((r) => ({
      cells: r.cells.map((c) => ({ text: joinPieces(c.blocks.map((b) => (b.kind === 'para' ? b.text : ''))), rowSpan: c.rowSpan, colSpan: c.colSpan })),
      ...(r.gridBefore ? { gridBefore: r.gridBefore } : {}),
    })),
  };
}
