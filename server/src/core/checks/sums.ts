/**
 * The sums of the tables (R1–R3, R5–R7), as equations over cells, and which cell is at fault when they fail.
 *
 * Each sum of the format data becomes one equation per column (sums over rows) or per row (sums over
 * columns): target = Σ sign·term. A failed equation names a target cell; but when one wrong cell breaks
 * several equations (a 总计 cell that is also a term of R1), the cell whose correction repairs the most
 * equations without breaking a holding one is reported once, with the other equations as related
 * information, and the fix sets it to the value that repairs them all.
 */
import { SUMS, type SumSpec } from '../format/spec';
import type { Cell, ReportModel, Row, Table } from '../model';
import { comparePositions, type Range } from '../text/lines';

export interface Term {
  cell: Cell;
  sign: 1 | -1;
}

export interface Equation {
  spec: SumSpec;
  /** The column (sums over rows) or row (sums over columns) the equation runs in. */
  along: string;
  target: Cell;
  terms: Term[];
}

export interface SumFinding {
  /** The cell at fault. */
  cell: Cell;
  /** The value that repairs the equations, when it is a valid value. */
  expected: number;
  /** The equation named by the finding's code and message. */
  primary: Equation;
  /** Other equations the same correction repairs. */
  also: Equation[];
  /** Whether setting the cell to `expected` breaks no equation that holds now. */
  safe: boolean;
  /**
   * The sums that hold now with the cell as written and would fail with `expected` (the cell is a total
   * another sum agrees with): the fault is then more likely among its parts, which the figures do not name.
   */
  corroborated?: Equation[];
  /**
   * Placed on this cell because the user just edited it and it is one of the cells that could be at fault
   * (the default placement would be a cell the user never touched).
   */
  edited?: boolean;
}

export interface SumAnalysis {
  /** Equations with a cell that is not a valid count are not checked (the cell itself is reported). */
  findings: SumFinding[];
}

/** The keys among `keys` a term pattern names: itself, or every key under `group.*`. */
function expand(keys: readonly string[], pattern: string): string[] {
  if (pattern.endsWith('.*')) {
    const prefix = pattern.slice(0, -1);
    return keys.filter((k) => k.startsWith(prefix));
  }
  return keys.includes(pattern) ? [pattern] : [];
}

/** The sums of each table, in the order of SUMS (the order equations and findings come in). */
const SUMS_OF = new Map<string, SumSpec[]>();
for (const spec of SUMS) {
  const l = SUMS_OF.get(spec.table);
  if (l) l.push(spec);
  else SUMS_OF.set(spec.table, [spec]);
}

/** Result rows R2 may do without: the request rows that are not results. */
const NOT_RESULTS = new Set(['carriedOut', 'new', 'carriedIn']);

/**
 * Calls `visit` with each equation of one table, in order: its sum, what it runs along, its target and its
 * terms (`cells[k]` with `signs[k]`, k < n: buffers reused from one call to the next, so copy what is kept).
 * `visit` returns true to stop. Only rows and columns the table has take part. A row short of values with no
 * blank written where they are missing takes part in none: which column each value is in is a guess
 * (table-cell-count says the row is short), so no sum is checked on its cells.
 */
function eachEquation(table: Table, visit: (spec: SumSpec, along: string, target: Cell, cells: Cell[], signs: (1 | -1)[], n: number) => boolean | void): void {
  const specs = SUMS_OF.get(table.key);
  if (!specs) return;
  const columns = table.columns;
  const colKeys: string[] = [];
  /** Where each of colKeys is in a row's cells. */
  const present: number[] = [];
  const colIndex = new Map<string, number>();
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i]!;
    colIndex.set(c.key, i);
    if (c.present) colKeys.push(c.key);
  }
  for (const key of colKeys) present.push(colIndex.get(key)!);
  // Rows by their keys, in order (indexed: a destructured entry of a Map is an array and an iterator per row
  // in code not yet optimised).
  const rowKeys = [...table.rows.keys()];
  const rows: Row[] = [];
  for (let k = 0; k < rowKeys.length; k++) rows.push(table.rows.get(rowKeys[k]!)!);
  const guessed = new Set<string>();
  for (let k = 0; k < rows.length; k++) {
    const key = rowKeys[k]!;
    const cells = rows[k]!.cells;
    for (let i = 0; i < cells.length; i++) {
      if (cells[i]!.state === 'missing' && columns[i]?.present) {
        guessed.add(key);
        break;
      }
    }
  }
  const cells: Cell[] = [];
  const signs: (1 | -1)[] = [];
  for (const spec of specs) {
    if (spec.over === 'rows') {
      const targetRow = table.rows.get(spec.target);
      if (!targetRow || guessed.has(spec.target)) continue;
      // R2 needs every result row; a table missing some cannot be summed (table-row-missing says so).
      if (spec.id === 'R2' && table.missingRows.some((k) => !NOT_RESULTS.has(k))) continue;
      if (spec.id === 'R1' && spec.terms.some((t) => !table.rows.has(t.key))) continue;
      const termRows: { row: Row; guessed: boolean; sign: 1 | -1 }[] = [];
      for (const t of spec.terms) {
        for (const key of expand(rowKeys, t.key)) termRows.push({ row: table.rows.get(key)!, guessed: guessed.has(key), sign: t.sign });
      }
      // Indexed loops: this runs for every report, mostly before the code is optimised.
      for (let ci = 0; ci < colKeys.length; ci++) {
        const i = present[ci]!;
        const target = targetRow.cells[i];
        if (!target) continue;
        let n = 0;
        let guess = false;
        for (let k = 0; k < termRows.length; k++) {
          const t = termRows[k]!;
          const c = t.row.cells[i];
          if (!c) continue;
          if (t.guessed) guess = true;
          cells[n] = c;
          signs[n++] = t.sign;
        }
        if (!guess && visit(spec, colKeys[ci]!, target, cells, signs, n)) return;
      }
    } else {
      if (!colKeys.includes(spec.target)) continue;
      const termCols: { index: number; sign: 1 | -1 }[] = [];
      for (const t of spec.terms) for (const key of expand(colKeys, t.key)) termCols.push({ index: colIndex.get(key)!, sign: t.sign });
      if (termCols.length !== spec.terms.length) continue; // a term column is absent
      const ti = colIndex.get(spec.target)!;
      for (let ri = 0; ri < rows.length; ri++) {
        const row = rowKeys[ri]!;
        const r = rows[ri]!;
        const target = r.cells[ti];
        if (!target || guessed.has(row)) continue;
        for (let k = 0; k < termCols.length; k++) {
          cells[k] = r.cells[termCols[k]!.index]!;
          signs[k] = termCols[k]!.sign;
        }
        if (visit(spec, row, target, cells, signs, termCols.length)) return;
      }
    }
  }
}

/** Equations of one table (see eachEquation). */
export function equationsOf(table: Table): Equation[] {
  const out: Equation[] = [];
  eachEquation(table, (spec, along, target, cells, signs, n) => {
    const terms: Term[] = [];
    for (let k = 0; k < n; k++) terms.push({ cell: cells[k]!, sign: signs[k]! });
    out.push({ spec, along, target, terms });
  });
  return out;
}

/**
 * The sums of one table layout as indices, for `anyFails`: which rows and columns each equation takes, built
 * once per layout (the table, its rows in order, its present columns) — most reports share a few layouts —
 * instead of expanding the sums' patterns and building term lists for every report. What depends on the
 * report's cells (a row short of values, a cell absent) is still asked per report, as eachEquation does.
 */
interface SumPlan {
  /** Sums over rows: target row and term rows (indices into the table's rows in order), with their signs. */
  overRows: { target: number; rows: Int32Array; signs: Int8Array }[];
  /** The present columns, in order, as indices into a row's cells: what the sums over rows run along. */
  present: Int32Array;
  /** Sums over columns: target column and term columns (indices into a row's cells), with their signs. */
  overColumns: { target: number; columns: Int32Array; signs: Int8Array }[];
}

/** Layouts remembered at most (the bench's 2,000 reports have a few dozen); the memo starts again when full. */
export const MAX_SUM_PLANS = 256;
const PLANS = new Map<string, SumPlan>();

/** What a plan depends on: the table, its columns and whether each is present, its rows in order, R2's test. */
function planKey(table: Table, rowKeys: readonly string[]): string {
  let key = table.key;
  const columns = table.columns;
  for (let i = 0; i < columns.length; i++) key += (columns[i]!.present ? '|+' : '|-') + columns[i]!.key;
  key += '#' + rowKeys.join('|');
  return key + (r2Blocked(table) ? '#noR2' : '');
}

/** R2 needs every result row; a table missing some cannot be summed (table-row-missing says so). */
function r2Blocked(table: Table): boolean {
  return table.missingRows.some((k) => !NOT_RESULTS.has(k));
}

/** The plan of a table's layout: eachEquation's choices of sums, rows and columns, without the cells. */
function buildPlan(table: Table, specs: readonly SumSpec[], rowKeys: string[]): SumPlan {
  const columns = table.columns;
  const colKeys: string[] = [];
  const colIndex = new Map<string, number>();
  for (let i = 0; i < columns.length; i++) {
    colIndex.set(columns[i]!.key, i);
    if (columns[i]!.present) colKeys.push(columns[i]!.key);
  }
  const rowIndex = new Map<string, number>();
  for (let k = 0; k < rowKeys.length; k++) rowIndex.set(rowKeys[k]!, k);
  const plan: SumPlan = { overRows: [], present: Int32Array.from(colKeys, (k) => colIndex.get(k)!), overColumns: [] };
  for (const spec of specs) {
    if (spec.over === 'rows') {
      const target = rowIndex.get(spec.target);
      if (target === undefined) continue;
      if (spec.id === 'R2' && r2Blocked(table)) continue;
      if (spec.id === 'R1' && spec.terms.some((t) => !rowIndex.has(t.key))) continue;
      const rows: number[] = [];
      const signs: number[] = [];
      for (const t of spec.terms) for (const key of expand(rowKeys, t.key)) {
        rows.push(rowIndex.get(key)!);
        signs.push(t.sign);
      }
      plan.overRows.push({ target, rows: Int32Array.from(rows), signs: Int8Array.from(signs) });
    } else {
      if (!colKeys.includes(spec.target)) continue;
      const cols: number[] = [];
      const signs: number[] = [];
      for (const t of spec.terms) for (const key of expand(colKeys, t.key)) {
        cols.push(colIndex.get(key)!);
        signs.push(t.sign);
      }
      if (cols.length !== spec.terms.length) continue; // a term column is absent
      plan.overColumns.push({ target: colIndex.get(spec.target)!, columns: Int32Array.from(cols), signs: Int8Array.from(signs) });
    }
  }
  return plan;
}

function planOf(table: Table, specs: readonly SumSpec[], rowKeys: string[]): SumPlan {
  const key = planKey(table, rowKeys);
  let plan = PLANS.get(key);
  if (!plan) {
    plan = buildPlan(table, specs, rowKeys);
    if (PLANS.size >= MAX_SUM_PLANS) PLANS.clear();
    PLANS.set(key, plan);
  }
  return plan;
}

/** How many layouts are remembered (for the test that the memo stays bounded). */
export function sumPlanCount(): number {
  return PLANS.size;
}

/**
 * Whether a sum of the table fails as written — most reports' sums all hold, and then no equation need be
 * built. The same test as `holds` with no corrections over the equations eachEquation visits (the terms
 * first, up to one that is not a count, then the target), walked from the layout's plan: this runs for every
 * report, mostly before the code is optimised, so it reads cells by index and builds nothing per equation.
 */
export function anyFails(table: Table): boolean {
  const specs = SUMS_OF.get(table.key);
  if (!specs) return false;
  const rowKeys: string[] = [];
  const rows: Row[] = [];
  for (const key of table.rows.keys()) {
    rowKeys.push(key);
    rows.push(table.rows.get(key)!);
  }
  const plan = planOf(table, specs, rowKeys);
  const columns = table.columns;
  // A row short of values with no blank written where they are missing takes part in no sum (eachEquation).
  const guessed = new Uint8Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const cells = rows[k]!.cells;
    for (let i = 0; i < cells.length; i++) {
      if (cells[i]!.state === 'missing' && columns[i]?.present) {
        guessed[k] = 1;
        break;
      }
    }
  }
  const present = plan.present;
  for (let s = 0; s < plan.overRows.length; s++) {
    const sum = plan.overRows[s]!;
    if (guessed[sum.target] === 1) continue;
    const targetCells = rows[sum.target]!.cells;
    for (let ci = 0; ci < present.length; ci++) {
      const i = present[ci]!;
      const target = targetCells[i];
      if (!target) continue;
      let total = 0;
      let counts = true;
      let guess = false;
      for (let k = 0; k < sum.rows.length; k++) {
        const r = sum.rows[k]!;
        const c = rows[r]!.cells[i];
        if (!c) continue;
        if (guessed[r] === 1) {
          guess = true;
          break;
        }
        if (!counts) continue;
        const v = c.value;
        if (v === null || c.percent || v < 0 || !Number.isInteger(v)) counts = false;
        else total += sum.signs[k]! * v;
      }
      if (guess || !counts) continue;
      const t = countOf(target);
      if (t !== null && Math.abs(t - total) >= EPS) return true;
    }
  }
  for (let s = 0; s < plan.overColumns.length; s++) {
    const sum = plan.overColumns[s]!;
    for (let ri = 0; ri < rows.length; ri++) {
      const cells = rows[ri]!.cells;
      const target = cells[sum.target];
      if (!target || guessed[ri] === 1) continue;
      let total = 0;
      let counts = true;
      for (let k = 0; k < sum.columns.length; k++) {
        const c = cells[sum.columns[k]!]!;
        const v = c.value;
        if (v === null || c.percent || v < 0 || !Number.isInteger(v)) {
          counts = false;
          break;
        }
        total += sum.signs[k]! * v;
      }
      if (!counts) continue;
      const t = countOf(target);
      if (t !== null && Math.abs(t - total) >= EPS) return true;
    }
  }
  return false;
}

const EPS = 1e-6;

/** Which sum names a finding when a cell breaks several: the most local first. */
const PRIORITY: SumSpec['code'][] = ['sum-row-total', 'sum-appeals-total', 'sum-results-total', 'sum-balance'];

/** A cell's value for summing: counts only (a negative, fractional or percentage cell is table-cell-invalid's). */
function known(c: Cell, values: ReadonlyMap<Cell, number>): number | null {
  if (values.size > 0 && values.has(c)) return values.get(c)!;
  return countOf(c);
}

/** A cell's value as written, when it is a count. */
function countOf(c: Cell): number | null {
  const v = c.value;
  return v === null || c.percent || v < 0 || !Number.isInteger(v) ? null : v;
}

function termSum(eq: Equation, values: Map<Cell, number>): number | null {
  let s = 0;
  for (const t of eq.terms) {
    const v = known(t.cell, values);
    if (v === null) return null;
    s += t.sign * v;
  }
  return s;
}

function holds(eq: Equation, values: Map<Cell, number>): boolean | null {
  const target = known(eq.target, values);
  const sum = termSum(eq, values);
  if (target === null || sum === null) return null;
  return Math.abs(target - sum) < EPS;
}

/** The value `cell` must take for `eq` to hold, others as they are. */
function solveFor(eq: Equation, cell: Cell, values: Map<Cell, number>): number | null {
  const target = known(eq.target, values);
  if (eq.target === cell) return termSum(eq, values);
  let rest = 0;
  let sign = 0;
  for (const t of eq.terms) {
    if (t.cell === cell) {
      sign += t.sign;
      continue;
    }
    const v = known(t.cell, values);
    if (v === null) return null;
    rest += t.sign * v;
  }
  if (target === null || sign === 0) return null;
  return (target - rest) / sign;
}

function cellsOf(eq: Equation): Cell[] {
  return [eq.target, ...eq.terms.map((t) => t.cell)];
}

/** Counts must be whole and not negative. */
function validCount(v: number): boolean {
  return v >= 0 && Math.abs(v - Math.round(v)) < EPS;
}

/** Whether an edit (a range of the current text, after the change) touched a cell. */
function touches(edit: Range, cell: Cell): boolean {
  return edit.start.line <= cell.range.end.line && edit.end.line >= cell.range.start.line
    && comparePositions(edit.start, cell.range.end) <= 0 && comparePositions(cell.range.start, edit.end) <= 0;
}

/** The cells of the equations that an edit touched, the most recent edit first. */
function editedCells(equations: readonly Equation[], edited: readonly Range[]): Cell[] {
  const cells: Cell[] = [];
  for (let i = edited.length - 1; i >= 0; i--) {
    const e = edited[i]!;
    for (const eq of equations) for (const c of cellsOf(eq)) if (!cells.includes(c) && touches(e, c)) cells.push(c);
  }
  return cells;
}

/**
 * @param edited ranges the user just edited (most recent last): a failed sum with an edited cell among the
 *   cells that could be at fault is reported at that cell, not at one the user never touched.
 */
export function analyseSums(model: ReportModel, edited: readonly Range[] = []): SumAnalysis {
  const findings: SumFinding[] = [];
  const tables = Object.values(model.tables).filter((t) => t.confident);
  if (!tables.some(anyFails)) return { findings };
  const equations: Equation[] = [];
  for (const t of tables) equations.push(...equationsOf(t));
  // Equations with a cell that is not a valid count are not checked (the cell itself is reported).
  const values = new Map<Cell, number>();
  let violated: Equation[] = [];
  for (const e of equations) if (holds(e, values) === false) violated.push(e);
  const byCell = new Map<Cell, Equation[]>();
  for (const e of equations) for (const c of cellsOf(e)) {
    const l = byCell.get(c) ?? [];
    if (!l.includes(e)) l.push(e);
    byCell.set(c, l);
  }

  /** The value of `c` that repairs the most failed equations and breaks none that holds (at least `min`). */
  const bestFor = (c: Cell, min: number): { value: number; repaired: Equation[] } | null => {
    const options = new Map<number, Equation[]>();
    for (const e of violated) {
      if (!cellsOf(e).includes(c)) continue;
      const v = solveFor(e, c, values);
      if (v === null || !validCount(v)) continue;
      const k = Math.round(v * 1e6) / 1e6;
      options.set(k, [...(options.get(k) ?? []), e]);
    }
    let best: { value: number; repaired: Equation[] } | null = null;
    for (const [value, repaired] of options) {
      if (repaired.length < min || (best && repaired.length <= best.repaired.length)) continue;
      const trial = new Map(values).set(c, value);
      if ((byCell.get(c) ?? []).some((e) => !violated.includes(e) && holds(e, trial) === false)) continue;
      best = { value, repaired };
    }
    return best;
  };
  const record = (cell: Cell, value: number, repaired: Equation[], edited: boolean): void => {
    // The finding is named after the most local sum: one the cell totals, else the row total before the others.
    const byPriority = [...repaired].sort((a, b) => PRIORITY.indexOf(a.spec.code) - PRIORITY.indexOf(b.spec.code));
    const primary = byPriority.find((e) => e.target === cell) ?? byPriority[0]!;
    findings.push({ cell, expected: value, primary, also: repaired.filter((e) => e !== primary), safe: true, ...(edited ? { edited } : {}) });
    values.set(cell, value);
    violated = violated.filter((e) => holds(e, values) === false);
  };

  // A cell just edited whose correction could repair failed sums: the user is looking at it. When it repairs
  // several, it is the culprit anyway; when it repairs one, other cells could be at fault as well.
  for (const c of editedCells(violated, edited)) {
    const best = bestFor(c, 1);
    if (best) record(c, best.value, best.repaired, best.repaired.length === 1);
  }

  // Greedy: the cell whose single correction repairs the most failed equations and breaks none.
  for (let guard = 0; violated.length > 0 && guard < 200; guard++) {
    let best: { cell: Cell; value: number; repaired: Equation[]; target: boolean } | null = null;
    const seen = new Set<Cell>();
    for (const eq of violated) {
      for (const c of cellsOf(eq)) {
        if (seen.has(c)) continue;
        seen.add(c);
        const mine = bestFor(c, 2);
        if (!mine) continue;
        const isTarget = mine.repaired.some((e) => e.target === c);
        if (!best || mine.repaired.length > best.repaired.length || (mine.repaired.length === best.repaired.length && isTarget && !best.target)) {
          best = { cell: c, value: mine.value, repaired: mine.repaired, target: isTarget };
        }
      }
    }
    if (!best) break;
    record(best.cell, best.value, best.repaired, false);
  }

  // What is left: each failed equation on its own target.
  for (const eq of violated) {
    const expected = termSum(eq, values);
    if (expected === null) continue;
    const trial = new Map(values).set(eq.target, expected);
    const broken = (byCell.get(eq.target) ?? []).filter((e) => e !== eq && holds(e, values) === true && holds(e, trial) === false);
    // A sum that agrees with the total vouches for it only when none of its other cells is under suspicion
    // itself (two wrong row totals that cancel out in their column's total prove nothing).
    const corroborated = broken.filter((e) => cellsOf(e).every((c) => c === eq.target || !violated.some((v) => v !== eq && cellsOf(v).includes(c))));
    const safe = validCount(expected) && broken.length === 0;
    findings.push({ cell: eq.target, expected, primary: eq, also: [], safe, ...(corroborated.length > 0 ? { corroborated } : {}) });
  }
  return { findings };
}

/** The shared analysis of a run, computed once for the four sum checks. */
export function sumsOf(memo: Map<string, unknown>, model: ReportModel, edited?: readonly Range[]): SumAnalysis {
  let a = memo.get('sums') as SumAnalysis | undefined;
  if (!a) {
    a = analyseSums(model, edited);
    memo.set('sums', a);
  }
  return a;
}
