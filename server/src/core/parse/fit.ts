/**
 * Values whose cell boundaries were lost: digits run together (`（一）予以公开7000007` in web text, ten digits and
 * more anywhere), or one number broken by a single space in PDF text (`2 81` for 281). The row's own sums
 * (format/spec.ts: R3 in T3, R5–R7 in T4) decide where the cells are — only when exactly one way of cutting
 * gives the row its columns and keeps its sums; otherwise the row is left undecided and the table in doubt.
 */
import { SUMS, type TableKey } from '../format/spec';
import { CHANGE_SIGNS, type ParsedValue } from '../text/values';
import type { Token } from './tokens';

/** The sign of a change (本年增/减) in a run of digits: lost.ts keeps it there, and the run's cells are unknown. */
const SIGN = new RegExp(`[${CHANGE_SIGNS}]`);
/** A count never has more digits than this (ten and more are cells run together, values.ts JOINED_DIGITS). */
const MAX_CELL_DIGITS = 9;
/** Ways of cutting tried per row before giving up: long runs have too many to be decided. */
const SPLIT_BUDGET = 20000;
/** A row with more ways to split than this is not offered to the column sums to decide (parse/table.ts). */
const MAX_ALTERNATIVES = 8;

/** A sum within one row: the cell at `target` is the sum of the cells at `terms` (indexes into the row's columns). */
export interface RowSum {
  target: number;
  terms: number[];
}

/** The sums that hold within every row of a table, over the columns it has. */
export function rowSums(table: TableKey, columns: readonly string[]): RowSum[] {
  const out: RowSum[] = [];
  for (const s of SUMS) {
    if (s.table !== table || s.over !== 'columns') continue;
    const target = columns.indexOf(s.target);
    const terms = s.terms.map((t) => columns.indexOf(t.key));
    if (target >= 0 && terms.every((i) => i >= 0)) out.push({ target, terms });
  }
  return out;
}

export interface Fitted {
  /** The row's values, one per cell where they could be decided. */
  values: Token[];
  /** Cells were run together and no unique split was found. */
  undecided: boolean;
  /** The splits that keep the row's own sums, when there are a few: the columns' sums may pick one. */
  alternatives?: Token[][];
}

/** Whether a row needs fitting: it holds digits run together, or more values than columns with single spaces between. */
export function needsFit(values: readonly Token[], ncols: number): boolean {
  let n = 0;
  let soft = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v.value?.joined) return true;
    if (v.kind !== 'blank') n++;
    if (!soft && v.spaced) soft = softGap(values[i - 1], v);
  }
  return n > ncols && soft;
}

/** Two value tokens of digits on one line, one space apart: maybe one number broken by the space. */
function softGap(a: Token | undefined, b: Token): boolean {
  return !!a && !!b.spaced && a.kind === 'value' && b.kind === 'value' && /^\d+$/.test(a.text) && /^\d+$/.test(b.text);
}

interface Piece {
  /** Digits, or the whole text of a cell that is not plain digits. */
  text: string;
  token: Token;
  /** Offset of the piece in its token's text. */
  at: number;
  digits: boolean;
}

/**
 * Fits a row's values to `ncols` cells. Plain rows are returned as they are; rows with joined digits or extra
 * single-spaced groups are cut or merged when exactly one way satisfies the count and the sums.
 */
export function fitValues(all: Token[], ncols: number, sums: readonly RowSum[]): Fitted {
  if (!needsFit(all, ncols)) return { values: all, undecided: false };
  // Blank cells around the values (a merged label cell, trailing tabs) are not part of the fitting.
  let a = 0;
  let b = all.length;
  while (a < b && all[a]!.kind === 'blank') a++;
  while (b > a && all[b - 1]!.kind === 'blank') b--;
  const fitted = fitCore(all.slice(a, b), ncols, sums);
  const around = (core: Token[]) => [...all.slice(0, a), ...core, ...all.slice(b)];
  if (!fitted.undecided) return { values: around(fitted.values), undecided: false };
  return fitted.alternatives ? { values: all, undecided: true, alternatives: fitted.alternatives.map(around) } : { values: all, undecided: true };
}

function fitCore(values: Token[], ncols: number, sums: readonly RowSum[]): Fitted {
  // The row's atoms: each digit of a joined run may end a cell; a plain value is one atom; a single space
  // between plain digit groups may be closed when the row has values to spare.
  const atoms: Piece[] = [];
  /** Before atom i: whether a cut there is optional (else required). */
  const optional: boolean[] = [];
  const spare = values.filter((v) => v.kind !== 'blank').length > ncols;
  if (values.some((v) => v.value?.joined && !/^\d+$/.test(v.text))) return charCells(values, ncols);
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (v.value?.joined) {
      for (let i = 0; i < v.text.length; i++) {
        atoms.push({ text: v.text[i]!, token: v, at: i, digits: true });
        optional.push(i > 0);
      }
    } else {
      atoms.push({ text: v.text, token: v, at: 0, digits: v.kind === 'value' && /^\d+$/.test(v.text) });
      optional.push(spare && softGap(values[k - 1], v));
    }
  }
  optional.push(false);
  // Cell k spans atoms [start[k], start[k + 1]); its number (NaN when not a plain count) and digit count.
  const start: number[] = [];
  const val: number[] = [];
  const len: number[] = [];
  const found: number[][] = [];
  let budget = SPLIT_BUDGET;
  const atomValue = (p: Piece): number => (p.digits ? Number(p.text) : numeric(p) ?? Number.NaN);
  const sumsHold = (): boolean => {
    for (const sum of sums) {
      const t = val[sum.target]!;
      let v = 0;
      for (const i of sum.terms) v += val[i]!;
      if (!Number.isNaN(t) && !Number.isNaN(v) && v !== t) return false;
    }
    return true;
  };
  /** The value a cell must have when it is a sum whose terms are all cut already (NaN when free). */
  const forced = (k: number): number => {
    for (const sum of sums) {
      if (sum.target !== k || sum.terms.some((t) => t >= k)) continue;
      let v = 0;
      for (const t of sum.terms) v += val[t]!;
      return v;
    }
    return Number.NaN;
  };
  const open = (i: number): void => {
    start.push(i);
    const p = atoms[i]!;
    val.push(atomValue(p));
    len.push(p.digits ? p.text.length : MAX_CELL_DIGITS + 1);
  };
  const close = () => {
    start.pop();
    val.pop();
    len.pop();
  };
  const dfs = (i: number): void => {
    if (found.length > MAX_ALTERNATIVES || --budget < 0) return;
    const k = start.length;
    // Not enough atoms left for the cells still to fill, or too many for them to hold.
    const left = atoms.length - i;
    if (ncols - k > left || left > (ncols - k) * MAX_CELL_DIGITS + (k > 0 ? MAX_CELL_DIGITS - len[k - 1]! : 0)) return;
    if (i === atoms.length) {
      if (k === ncols && sumsHold()) found.push(start.slice());
      return;
    }
    if (k < ncols) {
      const want = forced(k);
      if (!Number.isNaN(want)) {
        // A sum whose terms are known spells its own digits: take exactly them, or nothing fits here.
        const n = spell(atoms, optional, i, String(want));
        if (n > 0) {
          start.push(i);
          val.push(want);
          len.push(String(want).length);
          dfs(i + n);
          close();
        }
        return;
      }
      open(i);
      dfs(i + 1);
      close();
    }
    // Or atom i continues the last cell, where the boundary before it is optional.
    if (k > 0 && optional[i]!) {
      const j = k - 1;
      const p = atoms[i]!;
      // Only digits continue a number, never after a leading zero, never past nine digits.
      if (!p.digits || Number.isNaN(val[j]!) || (val[j] === 0 && len[j] === 1) || len[j]! + p.text.length > MAX_CELL_DIGITS) return;
      const v0 = val[j]!;
      const l0 = len[j]!;
      val[j] = v0 * 10 ** p.text.length + Number(p.text);
      len[j] = l0 + p.text.length;
      dfs(i + 1);
      val[j] = v0;
      len[j] = l0;
    }
  };
  dfs(0);
  const tokensOf = (cuts: number[]) => cuts.map((s, k) => toToken(atoms.slice(s, cuts[k + 1] ?? atoms.length)));
  if (found.length === 1 && budget >= 0) return { values: tokensOf(found[0]!), undecided: false };
  if (found.length > 1 && found.length <= MAX_ALTERNATIVES && budget >= 0) return { values, undecided: true, alternatives: found.map(tokensOf) };
  return { values, undecided: true };
}

/**
 * A run of digits with a letter written for one (`l000001`): which characters make a cell is known only when
 * the row has one character per column — each is a cell, the letter a value that is not a number — since the
 * sums cannot cut at a cell they cannot add. Else undecided.
 */
function charCells(values: Token[], ncols: number): Fitted {
  let n = 0;
  for (const v of values) n += v.value?.joined ? v.text.length : 1;
  // A sign (`0%0`) belongs to the digits before or after it: its characters are not each a cell.
  if (n !== ncols || values.some((v) => v.value?.joined && SIGN.test(v.text))) return { values, undecided: true };
  const out: Token[] = [];
  for (const v of values) {
    if (!v.value?.joined) {
      out.push(v);
      continue;
    }
    for (let i = 0; i < v.text.length; i++) {
      const ch = v.text[i]!;
      const d = ch.normalize('NFKC');
      const value: ParsedValue = d >= '0' && d <= '9' ? { state: 'number', value: Number(d), decimals: 0 } : { state: 'invalid', value: null };
      out.push({ ...v, start: v.start + i, end: v.start + i + 1, text: ch, value });
    }
  }
  return { values: out, undecided: false };
}

/**
 * How many atoms from `i` spell the number `want` as one cell (0 when they cannot): a plain value equal to it,
 * or joined digits across optional boundaries.
 */
function spell(atoms: Piece[], optional: boolean[], i: number, want: string): number {
  const a = atoms[i]!;
  if (!a.token.value?.joined && !(a.digits && optional[i + 1])) return numeric(a) !== null && String(numeric(a)) === want ? 1 : 0;
  let text = '';
  let n = 0;
  while (i + n < atoms.length && text.length < want.length) {
    if ((n > 0 && !optional[i + n]) || !atoms[i + n]!.digits) return 0;
    text += atoms[i + n]!.text;
    n++;
  }
  return text === want ? n : 0;
}

function numeric(p: Piece): number | null {
  const v = p.token.value;
  return v && v.state === 'number' ? v.value : null;
}

/** One cell's token: a slice of a joined run, or groups one space apart taken as one number. */
function toToken(ps: Piece[]): Token {
  const first = ps[0]!;
  const last = ps[ps.length - 1]!;
  if (ps.length === 1 && !first.token.value?.joined) return first.token;
  let text = '';
  ps.forEach((p, i) => {
    if (i > 0 && p.token !== ps[i - 1]!.token) text += ' ';
    text += p.text;
  });
  return {
    ...first.token,
    start: first.token.start + first.at,
    end: last.token.start + last.at + last.text.length,
    text,
    value: { state: 'number', value: Number(text.replace(/ /g, '')), decimals: 0 },
  };
}
