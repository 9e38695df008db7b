/**
 * Plain text from a PDF (pdftotext without -layout) often prints a table's first column beside its row labels
 * and the other columns as a block of their own. Read in the document's order, the values are then two
 * streams merged: each row's first cell (which goes with the labels) and each row's other cells, the first
 * cell of the next row sometimes coming before the rest of this one (a label wrapped over two lines has the
 * next row's first cell beside its first line), or a row's rest before its first cell when that cell is on its
 * label's line (at a page break). Which value went to which stream is written nowhere: the sums decide, or
 * nothing does.
 *
 * Every way of merging is followed at once, left to right; ways that have given the same values to the same
 * cells so far are kept as one (the first, where the first cells come earliest), and a row's own sums (R3) are
 * checked as soon as its cells are all read (the streams stay within a row of each other). The ways that read
 * every row are the readings; the caller keeps a reading only when it is the one that also holds down the
 * columns. Bounded: with more than LEAD_STREAM.maxWays ways alive at once or more than maxReadings readings,
 * there are none (the table stays declined).
 */
import type { Token } from './tokens';

export const LEAD_STREAM = {
  /** How many rows the first-cell stream may run ahead of the rest: the next row's first cell, not more. */
  ahead: 1,
  /** Ways followed at once; past this, the order is left unread. */
  maxWays: 4096,
  /** Readings keeping every row's own sums; past this, the order is left unread. */
  maxReadings: 8,
} as const;

export interface LeadStreamInput {
  /** The table's values in the document's order (blank cells are not written in this text). */
  values: readonly Token[];
  /** Each row's number of cells (its first cell and the rest), in the form's order. */
  widths: readonly number[];
  /** Values written on the line of a label naming a row: that row's first cell (by index into values). */
  anchors: ReadonlyMap<number, number>;
  /** Whether a row's own sums hold on its cells, in its columns' order. */
  holds: (row: number, cells: readonly Token[]) => boolean;
  /** Rows whose own sums may fail (a clerk's slip, for the caller to explain by one cell); 0 when not given. */
  broken?: number;
}

/** One step of a way: which value went to which stream (a list shared by the ways that branch from it). */
interface Step {
  value: number;
  first: boolean;
  prev: Step | null;
}

interface Way {
  /** First cells read, and the rest's values read. */
  a: number;
  b: number;
  /** Interned ids of the values each stream has given so far: ways with the same pair read the same cells. */
  firstId: number;
  restId: number;
  last: Step | null;
  /** Rows read whole whose own sums fail. */
  broken: number;
}

/**
 * The readings of the values as the two streams merged, each row's cells in its columns' order; null when
 * there are more than the bounds allow, or the counts do not add up.
 */
export function leadStreamReadings(input: LeadStreamInput): Token[][][] | null {
  const { values, widths, anchors, holds } = input;
  const maxBroken = input.broken ?? 0;
  const rows = widths.length;
  // Where each row's rest begins among the rest's values, and whose rest each of them is.
  const restStart: number[] = [0];
  for (let r = 0; r < rows; r++) {
    if (widths[r]! < 2) return null;
    restStart.push(restStart[r]! + widths[r]! - 1);
  }
  const restCount = restStart[rows]!;
  if (values.length !== rows + restCount || rows === 0) return null;
  const restRow: number[] = [];
  for (let r = 0; r < rows; r++) for (let k = restStart[r]!; k < restStart[r + 1]!; k++) restRow.push(r);
  restRow.push(rows);

  const pinned = new Set(anchors.values());
  const interned = new Map<string, number>();
  const intern = (id: number, v: string): number => {
    const key = `${id}:${v}`;
    let got = interned.get(key);
    if (got === undefined) interned.set(key, (got = interned.size + 1));
    return got;
  };
  const text = values.map((v) => (v.value?.state === 'number' ? String(v.value.value) : `?${v.text}`));

  let ways = new Map<string, Way>([['0,0', { a: 0, b: 0, firstId: 0, restId: 0, last: null, broken: 0 }]]);
  for (let i = 0; i < values.length; i++) {
    const next = new Map<string, Way>();
    const anchor = anchors.get(i);
    const add = (w: Way) => {
      const key = `${w.firstId},${w.restId}`;
      if (!next.has(key)) next.set(key, w);
    };
    for (const w of ways.values()) {
      const rr = restRow[w.b]!;
      // The value as the next row's first cell …
      if (w.a < rows && w.a <= rr + LEAD_STREAM.ahead && (anchor === undefined || anchor === w.a)) {
        const last: Step = { value: i, first: true, prev: w.last };
        // (Its row's rest read before it, the row is whole now: it keeps its own sums, or the way ends.)
        const fails = w.b >= restStart[w.a + 1]! && !holds(w.a, rowCells(last, w.a, w.a + 1, w.b, restStart, values));
        const broken = w.broken + (fails ? 1 : 0);
        if (broken <= maxBroken) add({ a: w.a + 1, b: w.b, firstId: intern(w.firstId, text[i]!), restId: w.restId, last, broken });
      }
      // … or as the next of the rest: once its row's first cell is read, or before it when that cell is
      // written on its label's line (pinned to its row wherever it comes).
      if (w.b < restCount && (w.a > rr || (w.a === rr && pinned.has(rr))) && anchor === undefined) {
        const last: Step = { value: i, first: false, prev: w.last };
        // A row whose cells are all read keeps its own sums, or the way ends.
        const fails = w.b + 1 === restStart[rr + 1] && w.a > rr && !holds(rr, rowCells(last, rr, w.a, w.b + 1, restStart, values));
        const broken = w.broken + (fails ? 1 : 0);
        if (broken <= maxBroken) add({ a: w.a, b: w.b + 1, firstId: w.firstId, restId: intern(w.restId, text[i]!), last, broken });
      }
    }
    if (next.size === 0 || next.size > LEAD_STREAM.maxWays) return null;
    ways = next;
  }
  const readings: Token[][][] = [];
  for (const w of ways.values()) {
    if (w.a !== rows || w.b !== restCount) continue;
    if (readings.length === LEAD_STREAM.maxReadings) return null;
    readings.push(cellsOf(w.last, widths, values));
  }
  return readings;
}

/**
 * A row's cells once they are all read, walking back from the last step: the streams are at most a row apart,
 * so a few steps. `firstRead` and `restRead` count the first cells and the rest's values read up to `last`.
 */
function rowCells(last: Step, row: number, firstRead: number, restRead: number, restStart: readonly number[], values: readonly Token[]): Token[] {
  const from = restStart[row]!;
  const to = restStart[row + 1]!;
  const rest: Token[] = new Array(to - from);
  let first: Token | undefined;
  let found = 0;
  let a = firstRead;
  let b = restRead;
  for (let s: Step | null = last; s && (found < to - from || !first); s = s.prev) {
    if (s.first) {
      if (--a === row) first = values[s.value]!;
    } else if (--b >= from && b < to) {
      rest[b - from] = values[s.value]!;
      found++;
    }
  }
  return [first!, ...rest];
}

/** The rows' cells of a finished way. */
function cellsOf(last: Step | null, widths: readonly number[], values: readonly Token[]): Token[][] {
  const firsts: Token[] = [];
  const rest: Token[] = [];
  for (let s = last; s; s = s.prev) (s.first ? firsts : rest).push(values[s.value]!);
  firsts.reverse();
  rest.reverse();
  const out: Token[][] = [];
  let k = 0;
  for (let r = 0; r < widths.length; r++) {
    out.push([firsts[r]!, ...rest.slice(k, k + widths[r]! - 1)]);
    k += widths[r]! - 1;
  }
  return out;
}
