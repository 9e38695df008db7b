/**
 * Whether one slip of a clerk explains every sum a reading breaks. Plain PDF text whose values came apart from
 * their labels is read back by the sums (blocks.ts streamRows, lead-stream.ts); when no reading keeps them all,
 * the one reading whose broken sums a single slip explains is the table (the slip is then reported by the sum
 * checks), and a reading needing more is no reading. A slip is one of:
 * - one cell written wrong: its row's own sums (R3) break, and the sums down its column;
 * - one cell written wrong and its row's 总计 added up from it (结转下年度 copied from last year): the row's own
 *   sums hold, the sums down the two columns break by the same amount.
 */
import { columnSums, type Layout, presentOf, sumsOver } from './layout';
import type { Token } from './tokens';

const count = (t: Token | undefined): number => (t?.value?.state === 'number' && t.value.value !== null ? t.value.value : Number.NaN);

/** Whether the rows' cells (each row in its present columns' order) keep every sum but for one slip. */
export function oneSlip(parts: readonly (readonly Token[])[], layout: Layout, present: ReadonlySet<string>): boolean {
  const grid = parts.map((p) => p.map(count));
  if (grid.some((row) => row.some((v) => Number.isNaN(v)))) return false;
  const own = layout.rows.map((r) => sumsOver(layout.table, presentOf(r.columns, present)));
  const gap = (x: number, s: { target: number; terms: number[] }): number => s.terms.reduce((acc, t) => acc + grid[x]![t]!, 0) - grid[x]![s.target]!;
  const rowHolds = (x: number): boolean => own[x]!.every((s) => gap(x, s) === 0);
  const down = columnSums(layout);
  const at = layout.rowIndex;
  const columnsHold = (): boolean => down.every((s) => {
    for (let c = 0; c < grid[0]!.length; c++) {
      const total = s.terms.reduce((acc, [k, sign]) => acc + sign * grid[at.get(k)!]![c]!, 0);
      if (total !== grid[at.get(s.target)!]![c]) return false;
    }
    return true;
  });
  /** Whether setting these cells of row x to these values makes every sum hold (the grid is left as it was). */
  const fixes = (x: number, cells: [number, number][]): boolean => {
    if (cells.some(([, v]) => !(v >= 0) || !Number.isInteger(v))) return false;
    const was = cells.map(([c]) => grid[x]![c]!);
    for (const [c, v] of cells) grid[x]![c] = v;
    const ok = rowHolds(x) && columnsHold();
    cells.forEach(([c], i) => { grid[x]![c] = was[i]!; });
    return ok;
  };
  const broken: number[] = [];
  for (let r = 0; r < grid.length; r++) if (!rowHolds(r)) broken.push(r);
  if (broken.length > 1) return false;
  if (broken.length === 1) {
    // One cell written wrong: the value its row's failing sum asks of it.
    const x = broken[0]!;
    const s = own[x]!.find((f) => gap(x, f) !== 0)!;
    const g = gap(x, s);
    if (fixes(x, [[s.target, grid[x]![s.target]! + g]])) return true;
    return s.terms.some((t) => fixes(x, [[t, grid[x]![t]! - g]]));
  }
  // Every row keeps its own sums: one cell and the 总计 it adds up to, off by the same amount in one row. The
  // amount is what the sums down the 总计 column lack at one of the rows they name.
  if (columnsHold()) return false;
  for (let x = 0; x < grid.length; x++) {
    for (const s of own[x]!) {
      for (const t of s.terms) {
        for (const d of amounts(x, s.target)) if (d !== 0 && fixes(x, [[t, grid[x]![t]! + d], [s.target, grid[x]![s.target]! + d]])) return true;
      }
    }
  }
  return false;

  /** The amounts by which a row's cell in a column would make the first failing sum down it hold. */
  function amounts(x: number, c: number): number[] {
    const key = layout.rows[x]!.key;
    const out: number[] = [];
    for (const s of down) {
      const total = s.terms.reduce((acc, [k, sign]) => acc + sign * grid[at.get(k)!]![c]!, 0);
      const gapDown = total - grid[at.get(s.target)!]![c]!;
      if (gapDown === 0) continue;
      if (s.target === key) out.push(gapDown);
      for (const [k, sign] of s.terms) if (k === key) out.push(-gapDown * sign);
    }
    return out;
  }
}
