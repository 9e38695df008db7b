/**
 * HTML tables left in Markdown (pandoc's GFM keeps a table with merged cells as raw HTML: `<table>`, a `<tr>`
 * a line, a `<td>` a line). Each `<tr>` becomes one row reading whose tokens are its cells' contents, like a
 * row of tab-separated cells; the tag lines themselves read as blank. Merged cells need nothing more: a cell
 * spanning rows is written on its first row only, as in text rows under a group label. A table whose cells
 * are not each on one line is left as text.
 */
import type { Line } from '../text/lines';
import { type LineInfo, readCellsAcross } from './tokens';

const TABLE_OPEN = /^\s*<table\b/i;
const TABLE_CLOSE = /<\/table>\s*$/i;
const ROW_OPEN = /^\s*<tr\b[^>]*>\s*$/i;
const ROW_CLOSE = /^\s*<\/tr>\s*$/i;
/** A cell on one line: `<td …>content</td>` (or `<th>`); its content, tags inside it included, is the cell. */
const CELL = /^(\s*<t([dh])\b[^>]*>)(.*)<\/t\2>\s*$/i;
/** Lines of table structure that hold no cell. */
const STRUCTURE = /^\s*<\/?(?:tbody|thead|tfoot|colgroup|col|caption)\b[^>]*>\s*$/i;
/** A table longer than this is not looked at (a real report's table has a few hundred lines). */
const MAX_TABLE_LINES = 5000;

export interface HtmlRows {
  /** The reading of each line of the tables: a row's cells on its `<tr>` line, blank for every other line. */
  infos: Map<number, LineInfo>;
  /** The tables' lines, first and last. */
  spans: [number, number][];
}

export function htmlRows(lines: readonly Line[]): HtmlRows {
  const out: HtmlRows = { infos: new Map(), spans: [] };
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    // Most lines do not start a tag: one character tells (`<`, or a space or tab before it).
    const c = t.charCodeAt(0);
    if (c !== 60 && c !== 32 && c !== 9) continue;
    if ((c !== 60 && t.charCodeAt(skipSpaces(t)) !== 60) || !TABLE_OPEN.test(t)) continue;
    const end = readTable(lines, i, out.infos);
    if (end >= 0) {
      out.spans.push([i, end]);
      i = end;
    }
  }
  return out;
}

function skipSpaces(t: string): number {
  let i = 0;
  while (i < t.length && (t[i] === ' ' || t[i] === '\t')) i++;
  return i;
}

const blank = (line: Line): LineInfo => ({ line, kind: 'blank', tokens: [], multi: false, vocab: [] });

/** Reads the table opening at `first`; its last line, or -1 when it is not a table of one cell a line. */
function readTable(lines: readonly Line[], first: number, into: Map<number, LineInfo>): number {
  const found = new Map<number, LineInfo>();
  let row: { at: number; cells: { line: Line; start: number; end: number }[] } | null = null;
  const last = Math.min(lines.length - 1, first + MAX_TABLE_LINES);
  for (let i = first; i <= last; i++) {
    const line = lines[i]!;
    const t = line.text;
    if (i === first && !/^\s*<table\b[^>]*>\s*$/i.test(t)) return -1;
    if (i > first && TABLE_CLOSE.test(t)) {
      if (row || !/^\s*<\/table>\s*$/i.test(t)) return -1;
      found.set(i, blank(line));
      for (const [k, v] of found) into.set(k, v);
      return i;
    }
    if (i === first || STRUCTURE.test(t) || t.trim() === '') {
      found.set(i, blank(line));
      continue;
    }
    if (ROW_OPEN.test(t)) {
      if (row) return -1;
      row = { at: i, cells: [] };
      found.set(i, blank(line));
      continue;
    }
    if (ROW_CLOSE.test(t)) {
      if (!row) return -1;
      // The row's reading goes on the line of its last cell, so the table's extent covers its cells.
      const at = row.cells.length > 0 ? row.cells[row.cells.length - 1]!.line.index : row.at;
      found.set(i, blank(line));
      found.set(at, readCellsAcross(lines[at]!, row.cells));
      row = null;
      continue;
    }
    const m = CELL.exec(t);
    if (!m || !row) return -1;
    const start = m[1]!.length;
    row.cells.push({ line, start, end: start + m[3]!.length });
    found.set(i, blank(line));
  }
  return -1;
}
