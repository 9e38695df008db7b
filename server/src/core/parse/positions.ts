/**
 * Space-aligned text (pdftotext -layout) shows a blank cell as a gap in its column, not as a token: a row
 * short of values is read left-aligned, its values in the wrong columns. Where the columns can be seen —
 * rows with a value in every column, each value two spaces or more from the next, at the same places on every
 * such row — a short row's values are given the columns they stand under, and its gaps become blank cells.
 * Only when every value is clearly under one column, in order; otherwise the row is left as it was.
 */
import type { Line } from '../text/lines';
import type { Candidate } from './regions';
import type { Token } from './tokens';

/** Rows with every column filled needed to see where the columns are. */
const MIN_FULL_ROWS = 1;
/** Values of full rows at least this many characters apart (one space is a viewer's copy: no columns). */
const MIN_GAP = 2;
/** A column's values on full rows at most this far (in characters) from its place, the first excepted. */
const ALIGN_TOLERANCE = 1.5;
/** A value's column is clear when it is at most this share as far from it as from the next nearest. */
const CLEAR_RATIO = 0.5;

const real = (c: Candidate) => c.values.filter((v) => v.kind === 'value');
/**
 * Wide characters (CJK, full-width forms) take two columns of a layout, as pdftotext pads for them; so do the
 * quotes, dashes and ellipsis of a CJK font.
 */
function wide(c: number): boolean {
  return (c >= 0x2014 && c <= 0x201f) || c === 0x2026 || (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
    || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6);
}

/** The display column of every character offset of a line (one past its end included). */
function columnsOf(text: string): Int32Array {
  const cols = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) cols[i + 1] = cols[i]! + (wide(text.charCodeAt(i)) ? 2 : 1);
  return cols;
}

let lines: readonly Line[] = [];
/** The lines' display columns, counted once per line within one placeByPosition (a row's values share them). */
let columns = new Map<number, Int32Array>();
const columnAt = (line: number, at: number): number => {
  let cols = columns.get(line);
  if (cols === undefined) columns.set(line, (cols = columnsOf(lines[line]?.text ?? '')));
  return cols[Math.min(Math.max(at, 0), cols.length - 1)]!;
};
const center = (t: Token) => (columnAt(t.line, t.start) + columnAt(t.line, t.end)) / 2;
const oneLine = (vs: Token[]) => vs.length > 0 && vs.every((v) => v.line === vs[0]!.line);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Where the columns are, from the full rows; null when they cannot be seen. */
function columnPlaces(cands: Candidate[], ncols: number): number[] | null {
  const full = cands.map(real).filter((vs, i) => vs.length === ncols && cands[i]!.values.length === ncols && oneLine(vs));
  if (full.length < MIN_FULL_ROWS) return null;
  for (const vs of full) for (let k = 1; k < vs.length; k++) if (vs[k]!.line === vs[k - 1]!.line && vs[k]!.start - vs[k - 1]!.end < MIN_GAP) return null;
  const places = Array.from({ length: ncols }, (_, k) => median(full.map((vs) => center(vs[k]!))));
  // The first column follows labels of every length; the others must line up.
  for (const vs of full) for (let k = 1; k < ncols; k++) if (Math.abs(center(vs[k]!) - places[k]!) > ALIGN_TOLERANCE) return null;
  return places;
}

/** The column a value stands under, or -1 when that is not clear. */
function clearColumn(x: number, places: number[]): number {
  let best = -1;
  let d1 = Infinity;
  let d2 = Infinity;
  places.forEach((p, k) => {
    const d = Math.abs(x - p);
    if (d < d1) {
      d2 = d1;
      d1 = d;
      best = k;
    } else if (d < d2) d2 = d;
  });
  return d1 <= d2 * CLEAR_RATIO ? best : -1;
}

/** The candidates with short rows' values placed under their columns (the same list when none is). */
export function placeByPosition(cands: Candidate[], ncols: number, of: readonly Line[]): Candidate[] {
  lines = of;
  try {
    const places = columnPlaces(cands, ncols);
    return places ? place(cands, ncols, places) : cands;
  } finally {
    lines = [];
    if (columns.size > 0) columns = new Map();
  }
}

function place(cands: Candidate[], ncols: number, places: number[]): Candidate[] {
  let changed = false;
  const out = cands.map((c) => {
    const vs = real(c);
    if (vs.length === 0 || vs.length >= ncols || c.values.length !== vs.length || !oneLine(vs)) return c;
    const cols = vs.map((v) => clearColumn(center(v), places));
    if (cols.some((k, i) => k < 0 || (i > 0 && k <= cols[i - 1]!))) return c;
    const values: Token[] = [];
    let j = 0;
    for (let k = 0; k < ncols; k++) {
      if (cols[j] === k) values.push(vs[j++]!);
      else {
        // A gap between values is at its column's place; after the last value, at the end of the row.
        const at = j === vs.length ? vs[j - 1]!.end
          : Math.min(vs[j]!.start, Math.max(j > 0 ? vs[j - 1]!.end : vs[j]!.start, Math.round(places[k]!)));
        values.push({ line: vs[0]!.line, start: at, end: at, text: '', kind: 'blank', key: '', numbering: '', indented: false, cell: true });
      }
    }
    changed = true;
    return { ...c, values };
  });
  return changed ? out : cands;
}
