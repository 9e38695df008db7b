/**
 * The seam between the originals and the table reader: a row of a .docx, HTML or PDF table becomes one line
 * reading whose tokens are its exact cells. Blank cells are blank tokens at their place; a cell merged down
 * from the row above carries no token when it is a label (the label was read on its first row) and is a
 * blank value when it holds a value; a header cell merged across columns is one token. So one reader reads
 * text shapes and originals alike.
 */
import type { Grid } from '../source/types';
import type { Line } from '../text/lines';
import { type LineInfo, readCells } from './tokens';

/** Line readings of the grid rows, by line number, for the lines whose text is the row as the view wrote it. */
export function gridInfos(grids: readonly Grid[] | undefined, lines: readonly Line[]): Map<number, LineInfo> {
  const out = new Map<number, LineInfo>();
  if (!grids) return out;
  for (const g of grids) {
    for (const row of g.rows) {
      const line = lines[row.line];
      if (!line) continue;
      const spans: [number, number][] = [];
      let ok = true;
      for (const c of row.cells) {
        if (c.line !== row.line) continue; // a label merged down: no token on this row
        if (c.end > line.text.length || c.start > c.end) ok = false;
        spans.push([c.start, c.end]);
      }
      // The text is not the view's (edited since): read the line as text.
      if (ok) out.set(row.line, readCells(line, spans));
    }
  }
  return out;
}
