/**
 * Tables drawn without ruling lines (WPS, some web-to-PDF tools): the grid is built from where the text is.
 * Rows by y: a line whose right end is numbers (or "not filled" marks) is a row of values. Columns by x
 * across the whole table: a column of values is where the values of many rows line up, and the labels' own
 * columns are where the labels start. A label broken over lines in its cell — above, below or around its
 * row's values — is joined again and given to that row; a cell of headers written over several lines is one
 * cell. What is not near a table's rows stays text.
 */
import { baselines, GEOMETRY, lineText, type PageTable, type PdfCell, type Run, VALUE } from './pdf-parts';
import { joinPieces, type RawTable } from './view';

/** Tuned by, in shares of the font size unless said otherwise. Named here, next to what they govern. */
const LAYOUT = {
  /** Rows of values a table has at least (one row with numbers is a sentence with numbers). */
  minValueRows: 2,
  /** Rows of values this far apart (in lines of text) are two tables (a caption and a header between). */
  maxRowGap: 9,
  /** Lines of one cell are at most this many times the table's line pitch apart. */
  sameCell: 1.35,
  /** Lines of one cell are at most this far apart (line spacing 1.5 and a little); further apart is rows. */
  maxLinePitch: 1.6,
  /** The line pitch taken when no cell has two lines. */
  linePitch: 1.25,
  /** A single row of values is a table when it has this many (the appeals table has one row of 15). */
  minSingleRowValues: 4,
  /** A line of one piece wider than this share of the table is a paragraph, not a cell. */
  paragraphWidth: 0.6,
  /** Text this many times larger than the table's is a heading: the table has ended. */
  headingSize: 1.15,
  /** Numbers this far apart are two values (narrow columns set them closer than words are set). */
  valueGap: 0.15,
  /** Rows of values most of whose values (this share) line up with the rows above are of the same table. */
  lineUpShare: 0.5,
  /** Values whose edges are this close (points) belong to one column. */
  columnSnap: 2,
  /** Label pieces starting this close (points) start one label column. */
  labelSnap: 4,
};


interface Piece {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

interface Line {
  y: number;
  size: number;
  pieces: Piece[];
  /** The values at the line's right end (empty for a line of text). */
  values: Piece[];
  /** The pieces before them. */
  labels: Piece[];
}

const isValue = (p: Piece) => VALUE.test(p.text.replace(/\s+/g, ''));

/** Runs into lines by baseline; on each line, runs that touch are one piece (a word split by the producer). */
function linesOf(runs: Run[]): Line[] {
  return baselines(runs).map((g) => {
    const pieces: Piece[] = [];
    let cur: Run[] = [];
    const flush = () => {
      if (!cur.length) return;
      const last = cur[cur.length - 1]!;
      pieces.push({ text: lineText(cur), x0: cur[0]!.x, x1: last.x + last.w, y: cur[0]!.y, size: Math.max(...cur.map((r) => r.size)) });
      cur = [];
    };
    for (const r of g) {
      const prev = cur[cur.length - 1];
      // A value stands alone even where it touches its label ("禁止公开" "0"): they are two cells.
      // Two numbers are two values when set apart at all; a number right after a label is a value when
      // set apart a little ("禁止公开" "0"); otherwise pieces that touch are one ("2021" "年，…").
      const gap = prev ? r.x - (prev.x + prev.w) : 0;
      const value = VALUE.test(r.text.trim());
      const prevValue = prev ? VALUE.test(prev.text.trim()) : false;
      const split = prev && gap > (value ? LAYOUT.valueGap : GEOMETRY.joinGap) * r.size && (value || !prevValue || gap > GEOMETRY.joinGap * r.size);
      if (split) flush();
      cur.push(r);
    }
    flush();
    const size = Math.max(...pieces.map((p) => p.size));
    let k = pieces.length;
    while (k > 0 && isValue(pieces[k - 1]!)) k--;
    let values = pieces.slice(k);
    const labels = pieces.slice(0, k);
    // One value after a label is a row only when a cell's gap sets it apart (not "共 3 件" in a sentence).
    if (values.length === 1 && labels.length > 0 && values[0]!.x0 - labels[labels.length - 1]!.x1 < GEOMETRY.cellGap * size) values = [];
    if (values.length === 1 && labels.length === 0) values = [];
    return { y: g.reduce((s, r) => s + r.y, 0) / g.length, size, pieces, values, labels: values.length ? labels : pieces };
  });
}

/** Intervals that overlap (within `snap`) merged: the columns the values line up in. */
function columnsOf(values: Piece[]): { x0: number; x1: number }[] {
  const sorted = [...values].sort((a, b) => a.x0 - b.x0);
  const out: { x0: number; x1: number }[] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v.x0 <= last.x1 + LAYOUT.columnSnap) last.x1 = Math.max(last.x1, v.x1);
    else out.push({ x0: v.x0, x1: v.x1 });
  }
  return out;
}

/** Label columns: where label pieces start (left edges close together are one). */
function labelStarts(pieces: Piece[]): number[] {
  const xs = pieces.map((p) => p.x0).sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of xs) if (out.length === 0 || x - out[out.length - 1]! > LAYOUT.labelSnap) out.push(x);
  return out;
}

/** The index of the column of `xs` (left edges, ascending) a piece starting at `x` is in. */
function startColumn(starts: number[], x: number): number {
  let k = 0;
  while (k + 1 < starts.length && x >= starts[k + 1]! - LAYOUT.labelSnap) k++;
  return k;
}

/** The value column a piece overlaps most (or is nearest to). */
function valueColumn(cols: { x0: number; x1: number }[], p: Piece): number {
  let best = 0;
  let score = -Infinity;
  cols.forEach((c, i) => {
    const overlap = Math.min(c.x1, p.x1) - Math.max(c.x0, p.x0);
    const s = overlap > 0 ? overlap : -Math.abs((c.x0 + c.x1) / 2 - (p.x0 + p.x1) / 2);
    if (s > score) {
      score = s;
      best = i;
    }
  });
  return best;
}

/** The lines of one table: from its first row of values to its last, with the headers above them. */
function blocks(lines: Line[]): Line[][] {
  const out: Line[][] = [];
  let i = 0;
  while (i < lines.length) {
    if (!lines[i]!.values.length) {
      i++;
      continue;
    }
    // Body: rows of values, and what lies between them, until the rows stop (a paragraph, a wide gap).
    let end = i;
    let rows = 1;
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j]!;
      if (lines[end]!.y - l.y > LAYOUT.maxRowGap * l.size) break;
      if (l.values.length) {
        if (!linesUp(l, lines.slice(i, end + 1))) break;
        end = j;
        rows++;
      } else if (isParagraph(l, lines.slice(i, end + 1)) || l.size > LAYOUT.headingSize * lines[i]!.size) break;
    }
    if (rows >= LAYOUT.minValueRows || lines[i]!.values.length >= LAYOUT.minSingleRowValues) {
      // Headers: table-like lines right above, and label lines between them.
      let start = i;
      const cols = columnsOf(lines.slice(i, end + 1).flatMap((l) => l.values));
      for (let j = i - 1; j >= 0; j--) {
        const l = lines[j]!;
        if (l.y - lines[start]!.y > LAYOUT.maxRowGap * 0.5 * l.size) break;
        if (isParagraph(l, lines.slice(i, end + 1)) || l.size > LAYOUT.headingSize * lines[i]!.size) break;
        const overValues = l.pieces.some((p) => p.x1 > cols[0]!.x0);
        if (overValues || l.pieces.length > 1) start = j;
        else if (j > 0 && lines[j - 1]!.pieces.some((p) => p.x1 > cols[0]!.x0)) continue; // between header lines
        else break;
      }
      out.push(lines.slice(start, end + 1));
      i = end + 1;
    } else i = end + 1;
  }
  return out;
}

/** A line with a wide piece reaching over the values: text, not a row of cells. */
function isParagraph(l: Line, body: Line[]): boolean {
  const left = Math.min(...body.flatMap((b) => b.pieces.map((p) => p.x0)));
  const right = Math.max(...body.flatMap((b) => b.pieces.map((p) => p.x1)));
  return l.pieces.some((p) => p.x1 - p.x0 > LAYOUT.paragraphWidth * (right - left) && p.x1 > left + (right - left) / 2);
}

/** Whether most values of `l` line up with the columns of the rows before: else another table begins. */
function linesUp(l: Line, before: Line[]): boolean {
  const cols = columnsOf(before.flatMap((b) => b.values));
  const inCol = l.values.filter((v) => cols.some((c) => Math.min(c.x1, v.x1) - Math.max(c.x0, v.x0) > -LAYOUT.columnSnap));
  return inCol.length >= LAYOUT.lineUpShare * l.values.length;
}

/**
 * The vertical distance between lines of one cell: the smallest distance between two lines of text without
 * values that start in the same place (a label or header broken over lines).
 */
function pitchOf(lines: Line[]): number {
  const size = lines[0]!.size;
  let pitch = Infinity;
  const text = lines.filter((l) => !l.values.length);
  for (let k = 1; k < text.length; k++) {
    const d = text[k - 1]!.y - text[k]!.y;
    const aligned = text[k - 1]!.pieces.some((a) => text[k]!.pieces.some((b) => Math.abs(a.x0 - b.x0) <= LAYOUT.labelSnap));
    if (aligned && d > GEOMETRY.lineTolerance * size && d <= LAYOUT.maxLinePitch * size) pitch = Math.min(pitch, d);
  }
  // No label broken over lines: the usual line spacing (rows are further apart than that).
  return Number.isFinite(pitch) ? Math.max(pitch, size) : LAYOUT.linePitch * size;
}

/**
 * One table's lines as a grid of cells; null when the positions do not make one (labels where other rows
 * have values, two values in one column of a row): then the lines stay text, for the text reader to judge.
 */
function gridOf(lines: Line[], page: number): PageTable | null {
  const valueRows = lines.filter((l) => l.values.length);
  const cols = columnsOf(valueRows.flatMap((l) => l.values));
  const firstValueX = cols[0]!.x0;
  const inLabels = (p: Piece) => p.x1 <= firstValueX + LAYOUT.columnSnap;
  for (const l of valueRows) {
    if (l.labels.some((p) => !inLabels(p))) return null;
    const taken = l.values.map((v) => valueColumn(cols, v));
    if (new Set(taken).size !== taken.length) return null;
  }
  const labelPieces = lines.flatMap((l) => l.pieces.filter((p) => !l.values.includes(p) && inLabels(p)));
  const left = Math.min(...lines.map((l) => l.pieces[0]!.x0));
  const starts = labelPieces.length ? labelStarts(labelPieces) : [left];
  const nLabel = starts.length;
  const pitch = pitchOf(lines);
  const column = (p: Piece) => (inLabels(p) ? startColumn(starts, p.x0) : nLabel + valueColumn(cols, p));

  type Row = { y: number; cells: string[][] };
  const newRow = (y: number): Row => ({ y, cells: Array.from({ length: nLabel + cols.length }, () => []) });
  const rows: Row[] = [];
  // Rows of values: a row of the grid each, with their values in their columns.
  const rowOf = new Map<Line, Row>();
  for (const l of valueRows) {
    const row = newRow(l.y);
    for (const p of l.values) row.cells[column(p)]!.push(p.text);
    rowOf.set(l, row);
    rows.push(row);
  }
  // Lines with text over the values (headers, a caption row of the table): rows of their own, lines one
  // pitch apart one row (a header broken over lines is one cell).
  let cur: Row | undefined;
  let lastY = Infinity;
  for (const l of lines) {
    if (l.values.length || l.pieces.every(inLabels)) continue;
    if (!cur || lastY - l.y > LAYOUT.sameCell * pitch) rows.push((cur = newRow(l.y)));
    lastY = l.y;
    for (const p of l.pieces) cur.cells[column(p)]!.push(p.text);
  }
  // Labels, per label column: pieces one pitch apart with text between rows are one cell (a label broken
  // over lines, a group's label over the rows it groups); the cell goes to the first row of values it is
  // on, else to the row nearest to its middle when one is near, else it is a row of its own.
  for (let c = 0; c < nLabel; c++) {
    const pieces: { p: Piece; line: Line; own: boolean }[] = [];
    for (const l of lines) {
      if (!l.values.length && !l.pieces.every(inLabels)) continue;
      for (const p of l.labels) if (inLabels(p) && startColumn(starts, p.x0) === c) pieces.push({ p, line: l, own: l.values.length > 0 });
    }
    const chains: (typeof pieces)[] = [];
    for (const x of pieces) {
      const chain = chains[chains.length - 1];
      const prev = chain?.[chain.length - 1];
      if (chain && prev && prev.p.y - x.p.y <= LAYOUT.sameCell * pitch && (!prev.own || !x.own)) chain.push(x);
      else chains.push([x]);
    }
    for (const chain of chains) {
      const text = chain.map((x) => x.p.text);
      const owner = chain.find((x) => x.own);
      const mid = (chain[0]!.p.y + chain[chain.length - 1]!.p.y) / 2;
      let row = owner ? rowOf.get(owner.line) : undefined;
      if (!row) {
        const near = valueRows.reduce<Line | undefined>((b, v) => (!b || Math.abs(v.y - mid) < Math.abs(b.y - mid) ? v : b), undefined);
        // Within the height of the lines it has: its row's values are beside it (a label around them).
        const reach = (chain.length / 2) * pitch + GEOMETRY.lineTolerance * chain[0]!.p.size;
        if (near && Math.abs(near.y - mid) <= reach) row = rowOf.get(near);
      }
      if (!row) rows.push((row = newRow(mid)));
      row.cells[c]!.push(...text);
    }
  }
  rows.sort((a, b) => b.y - a.y);
  const xs = [Math.min(starts[0]!, left), ...starts.slice(1), ...cols.map((col, i) => (i === 0 ? col.x0 : (cols[i - 1]!.x1 + col.x0) / 2)), cols[cols.length - 1]!.x1];
  const raw: RawTable = {
    rows: rows.map((r) => ({
      page,
      cells: r.cells.map((pieces, k): PdfCell => ({ text: joinPieces(pieces), rowSpan: 1, colSpan: 1, x0: xs[k]!, x1: xs[k + 1]! })),
    })),
  };
  return { top: lines[0]!.y + lines[0]!.size, bottom: lines[lines.length - 1]!.y, xs, raw };
}

/**
 * The tables a page lays out without rules, from the runs no ruled table took; the runs they use are removed
 * from `runs` (the rest is the page's text).
 */
export function positionalTables(runs: Run[], page: number): PageTable[] {
  const lines = linesOf(runs);
  const tables: PageTable[] = [];
  const used = new Set<number>();
  for (const b of blocks(lines)) {
    const t = gridOf(b, page);
    if (!t) continue;
    tables.push(t);
    for (const l of b) used.add(l.y);
  }
  if (used.size) {
    const inTable = (r: Run) => tables.some((t) => r.y <= t.top && r.y >= t.bottom - GEOMETRY.lineTolerance * r.size);
    for (let i = runs.length - 1; i >= 0; i--) if (inTable(runs[i]!)) runs.splice(i, 1);
  }
  return tables;
}
