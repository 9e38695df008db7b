/**
 * Rows short of values where blank cells leave no mark: text whose cells are separated by spaces (a PDF
 * viewer's copy, `pdftotext -layout` where the columns do not line up). Which cells of `0 0 0 0 0` are the
 * blank ones cannot be seen; the sums may tell. Every way of putting the values in order into the row's
 * cells is tried; a way is out when a sum of the row (R3) cannot hold, a blank standing for any count (not
 * negative, not known). One way left places the row; a few are handed to the sums down the columns
 * (table.ts resolveByColumns); otherwise the row stays undecided and the table is declined (doubt.ts).
 *
 * The 2019 trial form's own T3 leaves the 总计 column blank on its result rows (report-format.md §8.10): a
 * table whose result rows all carry one value less than the rows around them, those above and below having
 * the 总计, is that form, and the result rows' values are the applicants' columns.
 */
import type { RowSum } from './fit';
import type { Layout } from './layout';
import type { Candidate } from './regions';
import type { Token } from './tokens';

/** Ways of placing one row tried at most (C(7, 3) = 35: any row of T3 is far below). */
const MAX_WAYS = 400;
/** At least this many result rows must show the 2019 form's blank 总计 for the table to be read as that form. */
const BLANK_TOTAL_MIN_ROWS = 3;

const realValues = (vs: readonly Token[]) => vs.filter((v) => v.kind === 'value');

/** A row short of values with no blank written: its blanks are somewhere, unseen. */
export function isShort(values: readonly Token[], ncols: number): boolean {
  const n = realValues(values).length;
  return n > 0 && n < ncols && values.every((v) => v.kind !== 'blank');
}

/** A blank cell for certain, at the end of `after` (zero width). */
export function blankAfter(after: Token): Token {
  return { line: after.line, start: after.end, end: after.end, text: '', kind: 'blank', key: '', numbering: '', indented: false, cell: true };
}

/**
 * Whether `target = Σ terms` can hold: each side's numbers known or null for a cell standing for any count.
 * (Σ coefficient × value = 0 with the unknowns free and not negative.)
 */
export function canHold(target: number | null, terms: readonly (readonly [number | null, number])[]): boolean {
  let known = target ?? 0;
  let up = target === null;
  let down = false;
  for (const [v, sign] of terms) {
    if (v === null) {
      if (sign > 0) down = true;
      else up = true;
    } else known -= sign * v;
  }
  // known + (unknowns on the target's side) − (unknowns among the terms) = 0.
  return known === 0 || (known < 0 && up) || (known > 0 && down);
}

const numberOf = (t: Token | null): number | null => (t && t.kind === 'value' && t.value?.state === 'number' ? t.value.value : null);

/**
 * The ways of placing a short row's values in `ncols` cells, in order, that keep the row's sums; null when
 * there are too many to try.
 */
export function shortPlacements(values: readonly Token[], ncols: number, sums: readonly RowSum[]): Token[][] | null {
  const vs = realValues(values);
  const out: Token[][] = [];
  const cols: number[] = [];
  let budget = MAX_WAYS;
  const visit = (k: number, from: number): boolean => {
    if (--budget < 0) return false;
    if (k === vs.length) {
      const row: (Token | null)[] = new Array(ncols).fill(null);
      cols.forEach((c, j) => { row[c] = vs[j]!; });
      // A cell blank, or written wrongly, stands for any count.
      if (sums.every((s) => canHold(numberOf(row[s.target]!), s.terms.map((t) => [numberOf(row[t]!), 1] as const)))) {
        let j = -1;
        out.push(row.map((t) => {
          if (t) {
            j++;
            return t;
          }
          return j < 0 ? { ...blankAfter(vs[0]!), start: vs[0]!.start, end: vs[0]!.start } : blankAfter(vs[j]!);
        }));
      }
      return true;
    }
    for (let c = from; c <= ncols - (vs.length - k); c++) {
      cols.push(c);
      if (!visit(k + 1, c + 1)) return false;
      cols.pop();
    }
    return true;
  };
  return visit(0, 0) ? out : null;
}

/**
 * The 2019 form's blank 总计 (see above): the candidates with a blank cell added after the values of each
 * result row, when the table shows that form; the same list otherwise. `rowOf` names the layout row a
 * candidate's labels name (or undefined).
 */
export function blankTotals(cands: Candidate[], layout: Layout, rowOf: (c: Candidate) => string | undefined): Candidate[] {
  const rows = layout.blankTotalRows;
  if (!rows) return cands;
  const n = layout.columns.length;
  let results = 0;
  let full = false;
  for (const c of cands) {
    const key = rowOf(c);
    const count = realValues(c.values).length;
    if (!key || count === 0) continue;
    if (rows.has(key)) {
      // Short of one value, or placed already (by position) with the 总计 blank.
      const placed = c.values.length === n && c.values[n - 1]!.kind === 'blank';
      if (count !== n - 1 || !(placed || isShort(c.values, n))) return cands;
      results++;
    } else if (count === n) full = true;
  }
  if (!full || results < BLANK_TOTAL_MIN_ROWS) return cands;
  return cands.map((c) => {
    const key = rowOf(c);
    if (!key || !rows.has(key) || !isShort(c.values, n)) return c;
    return { ...c, values: [...c.values, blankAfter(c.values[c.values.length - 1]!)] };
  });
}
