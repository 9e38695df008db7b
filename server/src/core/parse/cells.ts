/**
 * Pairs a row's written values with its columns: drops values doubled by Word-to-text conversion, layout
 * blanks, and keeps count of what is short or over.
 */
import type { Cell } from '../model';
import { type Range, span } from '../text/lines';
import { parseValue } from '../text/values';
import type { Token } from './tokens';

export interface Reconciled {
  /** One token (or null for missing) per column. */
  slots: (Token | null)[];
  extra: Token[];
  /** Values dropped as doubles. */
  doubled: Token[];
  /** Values written, after dropping doubles. */
  count: number;
  /** The row has exactly as many values as columns. */
  exact: boolean;
}

/** A value repeated on the next line without the cell indentation: a doubled value (one-cell-a-line shape). */
function isDouble(prev: Token | undefined, cur: Token): boolean {
  return !!prev && cur.kind === 'value' && prev.kind === 'value' && prev.text === cur.text
    && prev.indented && !cur.indented && cur.line > prev.line;
}

function doubledAny(list: Token[]): boolean {
  for (let i = 1; i < list.length; i++) if (isDouble(list[i - 1], list[i]!)) return true;
  return false;
}

export function reconcile(values: Token[], ncols: number): Reconciled {
  // The values from the first to the last written one, and the blanks around them: blanks before the values
  // are usually label columns of a merged cell, blanks after them cells left empty (or an extra tab). A blank
  // known to be a cell (`cell`) is never trimmed away.
  let a = 0;
  let b = values.length;
  while (a < b && values[a]!.kind === 'blank' && !values[a]!.cell) a++;
  while (b > a && values[b - 1]!.kind === 'blank' && !values[b - 1]!.cell) b--;
  const trailing = values.length - b;
  // (The core is the row's own list when nothing is trimmed: no list is changed in place below.)
  const core = a === 0 && b === values.length ? values : values.slice(a, b);
  const doubled: Token[] = [];
  let list = core;
  // Doubled values make a row too long — counting the empty cells written after it (a blank 总计 of one cell a line).
  if (list.length > ncols || (doubledAny(list) && list.length + trailing > ncols)) {
    const kept: Token[] = [];
    for (let i = 0; i < list.length; i++) {
      if (isDouble(list[i - 1], list[i]!) && !doubled.includes(list[i - 1]!)) doubled.push(list[i]!);
      else kept.push(list[i]!);
    }
    // Dropped only when the row keeps its cells without them (its empty cells written after it among them, or
    // before it: a row that opens on an empty cell, one cell a line, has it trimmed above as a label column's).
    if (doubled.length > 0 && kept.length + trailing + a >= ncols) list = kept;
    else doubled.length = 0;
  }
  if (list.length > ncols) {
    const noBlanks = list.filter((t) => t.kind !== 'blank');
    if (noBlanks.length >= ncols) list = noBlanks;
  }
  // Empty cells past the row's last column hold nothing to count: written one cell a line, they are the next
  // row's merged label cell (a group's label column left empty), not a cell too many. No value moves.
  if (list.length > ncols && list[list.length - 1]!.kind === 'blank') {
    let e = list.length;
    while (e > ncols && list[e - 1]!.kind === 'blank') e--;
    list = list.slice(0, e);
  }
  if (list.length === 2 * ncols && ncols > 1) {
    let pairs = true;
    for (let i = 0; i < ncols && pairs; i++) pairs = list[2 * i]!.text === list[2 * i + 1]!.text;
    if (pairs) {
      for (let i = 0; i < ncols; i++) doubled.push(list[2 * i + 1]!);
      list = list.filter((_, i) => i % 2 === 0);
    }
  }
  // A row short of cells takes the empty fields written after its values, then those before them.
  if (list.length < ncols && trailing > 0) {
    list = [...list, ...values.slice(b, b + (ncols - list.length))];
  }
  if (list.length < ncols && a > 0 && list.length + a >= ncols) {
    list = [...values.slice(a - (ncols - list.length), a), ...list];
  }
  let count = 0;
  for (let tAt = 0; tAt < list.length; tAt++) { const t = list[tAt]!; if (t.kind === 'value') count++; }
  const slots: (Token | null)[] = [];
  for (let i = 0; i < ncols; i++) slots.push(list[i] ?? null);
  return { slots, extra: list.length > ncols ? list.slice(ncols) : [], doubled, count, exact: list.length === ncols };
}

/** A cell from its token, or a missing cell placed at `at`. */
export function makeCell(row: string, column: string, token: Token | null, at: Range): Cell {
  if (!token) return { row, column, raw: '', value: null, state: 'missing', range: at };
  const r = span(token.line, token.start, token.end);
  if (token.kind === 'blank') return { row, column, raw: '', value: null, state: 'blank', range: r };
  const v = token.value ?? parseValue(token.text);
  const cell: Cell = { row, column, raw: token.text, value: v.value, state: v.state, range: r };
  if (v.percent) cell.percent = true;
  if (v.decimals) cell.decimals = v.decimals;
  if (v.unit) cell.unit = v.unit;
  return cell;
}

/** Where a missing cell would go: just after the last token of the row. */
export function endOf(tokens: Token[], fallback: Range): Range {
  const t = tokens[tokens.length - 1];
  return t ? endAfter(t) : fallback;
}

/** The empty range right after a token. */
export function endAfter(t: Token): Range {
  return span(t.line, t.end, t.end);
}

/**
 * The range from the first to the last of some tokens, whatever their order, widened one token at a time
 * (align.ts extentOf for a list): the first token seen wins a tie.
 */
export class Extent {
  private a: Token | undefined = undefined;
  private b: Token | undefined = undefined;

  reset(): this {
    this.a = undefined;
    this.b = undefined;
    return this;
  }

  add(t: Token): void {
    const a = this.a;
    const b = this.b;
    if (!a || t.line < a.line || (t.line === a.line && t.start < a.start)) this.a = t;
    if (!b || t.line > b.line || (t.line === b.line && t.end > b.end)) this.b = t;
  }

  empty(): boolean {
    return this.a === undefined;
  }

  /** The extent of the tokens added since the last reset (at least one). */
  range(): Range {
    const a = this.a!;
    const b = this.b!;
    return { start: { line: a.line, character: a.start }, end: { line: b.line, character: b.end } };
  }
}

export function tokenRange(first: Token, last: Token = first): Range {
  return { start: { line: first.line, character: first.start }, end: { line: last.line, character: last.end } };
}
