/**
 * Space-aligned text (pdftotext -layout) shows a blank cell as a gap in its column, not as a token: a row
 * short of values is read left-aligned, its values in the wrong columns. Where the columns can be seen — a
 * row near it with a value in every column, each value two spaces or more from the next — a short row's
 * values are given the columns they stand under, and its gaps become blank cells.
 *
 * pdftotext pads each line for the wide characters of its label, so a row's columns may all stand a few
 * places right or left of the reference row's; the spacing between them stays. A short row is placed when
 * exactly one way of putting its values in order under the columns fits: at the columns' own places, or
 * failing that at one common shift. The rows just above and just below (on another page, the columns may be
 * elsewhere) must not say otherwise. Otherwise the row is left as it was (the sums may still place it, or
 * the table is declined: short.ts, doubt.ts).
 */
import type { Line } from '../text/lines';
import type { Candidate } from './regions';
import type { Token } from './tokens';

/** Values of a reference row at least this many characters apart (one space is a viewer's copy: no columns). */
const MIN_GAP = 2;
/** A value stands under a column when its centre is at most this far (in characters) from the column's. */
const ALIGN_TOLERANCE = 1.5;
/** Values shifted together: their offsets from the columns differ by at most this much. */
const SHIFT_TOLERANCE = 1.5;
/** The first value follows a label of any width: it is under the column nearest it when this much nearer than the next. */
const CLEAR_RATIO = 0.5;
/** Ways of placing a row's values tried at most (7 columns: 35 for any count of values). */
const MAX_PLACEMENTS = 5000;

const real = (c: Candidate) => c.values.filter((v) => v.kind === 'value');
/**
 * Wide characters (CJK, full-width forms) take two columns of a layout, as pdftotext pads for them; so do the
 * quotes, dashes and ellipsis of a CJK font.
 */
function wide(c: number): boolean {
  return (c >= 0x2014 && c <= 0x201f) || c === 0x2026 || (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
    || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6);
}

/** The display column of each character offset of a line, its end included (counted once per line). */
function columnsOf(text: string): Int32Array {
  const cols = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) cols[i + 1] = cols[i]! + (wide(text.charCodeAt(i)) ? 2 : 1);
  return cols;
}

const oneLine = (vs: Token[]) => vs.length > 0 && vs.every((v) => v.line === vs[0]!.line);

/** A row short of values, all of them written on one line and no blank among them: one to place. */
function isShortRow(c: Candidate, ncols: number): boolean {
  const vs = real(c);
  return vs.length > 0 && vs.length < ncols && c.values.length === vs.length && oneLine(vs);
}

/** The candidates with short rows' values placed under their columns (the same list when none is). */
export function placeByPosition(cands: Candidate[], ncols: number, lines: readonly Line[]): Candidate[] {
  // Nothing to place without a short row on one line (most tables): no column is measured then.
  if (!cands.some((c) => isShortRow(c, ncols))) return cands;
  const columns = new Map<number, Int32Array>();
  const center = (t: Token) => {
    let cols = columns.get(t.line);
    if (cols === undefined) columns.set(t.line, (cols = columnsOf(lines[t.line]?.text ?? '')));
    const last = cols.length - 1;
    return (cols[Math.min(t.start, last)]! + cols[Math.min(t.end, last)]!) / 2;
  };
  // Reference rows: a value in every column, on one line, each value clear of the next.
  const places: (number[] | null)[] = cands.map((c) => {
    const vs = real(c);
    if (vs.length !== ncols || c.values.length !== ncols || !oneLine(vs)) return null;
    for (let k = 1; k < vs.length; k++) if (vs[k]!.start - vs[k - 1]!.end < MIN_GAP) return null;
    return vs.map(center);
  });
  if (!places.some((p) => p)) return cands;
  // The page of each candidate: pdftotext begins each page with a form feed, and a page's columns are its own.
  const pages = pagesOf(cands, lines);
  // The nearest reference row above and below each row on its page, found in one pass each way.
  const above: (number[] | null)[] = [];
  const below: (number[] | null)[] = new Array(places.length).fill(null);
  for (let k = 0, last: number[] | null = null; k < places.length; k++) {
    if (k > 0 && pages[k] !== pages[k - 1]) last = null;
    above.push(last);
    if (places[k]) last = places[k]!;
  }
  for (let k = places.length - 1, last: number[] | null = null; k >= 0; k--) {
    if (k < places.length - 1 && pages[k] !== pages[k + 1]) last = null;
    below[k] = last;
    if (places[k]) last = places[k]!;
  }
  let changed = false;
  const out = cands.map((c, i) => {
    if (!isShortRow(c, ncols)) return c;
    const vs = real(c);
    const xs = vs.map(center);
    let decided: Placed | null = null;
    for (const ref of [above[i], below[i]]) {
      if (!ref) continue;
      const p = placement(xs, ref);
      if (p === 'none') continue;
      if (p === 'many' || (decided && decided.cols.join() !== p.cols.join())) return c;
      decided ??= p;
    }
    if (!decided) return c;
    changed = true;
    return { ...c, values: withBlanks(vs, decided, ncols, lines[vs[0]!.line]?.text ?? '') };
  });
  return changed ? out : cands;
}

/** For each candidate, how many form feeds (page starts) stand from the first candidate's line to its own. */
function pagesOf(cands: readonly Candidate[], lines: readonly Line[]): number[] {
  const out: number[] = [];
  let page = 0;
  let at = cands[0]!.firstLine;
  for (const c of cands) {
    for (; at < c.firstLine; at++) if (lines[at + 1]?.text.includes('\f')) page++;
    out.push(page);
  }
  return out;
}

/** Where a row's values go: the column of each, and where the columns stand on its line. */
interface Placed {
  cols: number[];
  at: number[];
}

/**
 * The one way of putting values at `xs` under columns at `ref` in order: at the columns' places (every value
 * but the first within ALIGN_TOLERANCE), or else at one shift common to all but the first; the first value
 * goes to the column nearest it, when clearly so. 'none' when no way fits, 'many' when several do.
 */
function placement(xs: number[], ref: number[]): Placed | 'none' | 'many' {
  const fits: Placed[] = [];
  const shifted: Placed[] = [];
  let budget = MAX_PLACEMENTS;
  const cols: number[] = [];
  const visit = (k: number, from: number): void => {
    if (--budget < 0) return;
    if (k === xs.length) {
      const off = cols.slice(1).map((c, j) => xs[j + 1]! - ref[c]!);
      const lo = Math.min(...off);
      const hi = Math.max(...off);
      const shift = off.length ? (lo + hi) / 2 : 0;
      if (!firstClear(xs[0]!, cols[0]!, ref, cols[1] ?? ref.length, shift)) return;
      if (off.every((d) => Math.abs(d) <= ALIGN_TOLERANCE)) fits.push({ cols: cols.slice(), at: ref.map((p) => p + shift) });
      else if (off.length >= 2 && hi - lo <= SHIFT_TOLERANCE) shifted.push({ cols: cols.slice(), at: ref.map((p) => p + shift) });
      return;
    }
    for (let c = from; c <= ref.length - (xs.length - k); c++) {
      cols.push(c);
      visit(k + 1, c + 1);
      cols.pop();
    }
  };
  visit(0, 0);
  if (budget < 0) return 'many';
  const found = fits.length ? fits : shifted;
  if (found.length === 0) return 'none';
  return found.length === 1 ? found[0]! : 'many';
}

/** The first value is under column `col` (before `next`): nearer it, by CLEAR_RATIO, than any other column it could be. */
function firstClear(x: number, col: number, ref: number[], next: number, shift: number): boolean {
  const d = Math.abs(x - ref[col]! - shift);
  for (let c = 0; c < next; c++) if (c !== col && d > Math.abs(x - ref[c]! - shift) * CLEAR_RATIO) return false;
  return true;
}

/** The row's values in their columns, blank cells (for certain) in the others, each where its column stands. */
function withBlanks(vs: Token[], placed: Placed, ncols: number, text: string): Token[] {
  const values: Token[] = [];
  let j = 0;
  for (let k = 0; k < ncols; k++) {
    if (placed.cols[j] === k) values.push(vs[j++]!);
    else {
      // Between the values around it, one space clear of each where there is room.
      const lo = j > 0 ? vs[j - 1]!.end + 1 : 0;
      const hi = j < vs.length ? vs[j]!.start - 1 : text.length;
      const at = Math.max(lo, Math.min(hi, offsetAt(text, placed.at[k]!)));
      values.push({ line: vs[0]!.line, start: at, end: at, text: '', kind: 'blank', key: '', numbering: '', indented: false, cell: true });
    }
  }
  return values;
}

/** The character offset of a display column of a line (past its end: the columns the spaces would take). */
function offsetAt(text: string, col: number): number {
  let c = 0;
  let i = 0;
  while (i < text.length && c + (wide(text.charCodeAt(i)) ? 2 : 1) <= col) c += wide(text.charCodeAt(i++)) ? 2 : 1;
  return i < text.length ? i : text.length + Math.max(0, Math.round(col - c));
}
