/**
 * Whether one cell explains every sum a reading breaks: a clerk's one slip. Plain PDF text whose values came
 * apart from their labels is read back by the sums (blocks.ts streamRows, lead-stream.ts); when no reading
 * keeps them all, the one reading that breaks only what a single wrong cell breaks is the table (its slip is
 * then reported by the sum checks), and a reading needing two or more is no reading.
 */
import { columnSums, type Layout, presentOf, sumsOver } from './layout';
import type { Token } from './tokens';

const count = (t: Token | undefined): number => (t?.value?.state === 'number' && t.value.value !== null ? t.value.value : Number.NaN);

/** Whether the rows' cells (each row in its present columns' order) keep every sum but for one cell's worth. */
export function oneSlip(parts: readonly (readonly Token[])[], layout: Layout, present: ReadonlySet<string>): boolean {
  const grid = parts.map((p) => p.map(count));
  if (grid.some((row) => row.some((v) => Number.isNaN(v)))) return false;
  const own = layout.rows.map((r) => sumsOver(layout.table, presentOf(r.columns, present)));
  const rowHolds = (x: number): boolean => own[x]!.every((s) => s.terms.reduce((acc, t) => acc + grid[x]![t]!, 0) === grid[x]![s.target]);
  // A wrong cell breaks its row's own sums (every T3 row has them with its 总计): exactly one row does.
  let x = -1;
  for (let r = 0; r < grid.length; r++) {
    if (rowHolds(r)) continue;
    if (x >= 0) return false;
    x = r;
  }
  if (x < 0) return false;
  const down = columnSums(layout);
  const at = layout.rowIndex;
  const ncols = grid[x]!.length;
  const columnsHold = (): boolean => down.every((s) => {
    for (let c = 0; c < ncols; c++) {
      const total = s.terms.reduce((acc, [k, sign]) => acc + sign * grid[at.get(k)!]![c]!, 0);
      if (total !== grid[at.get(s.target)!]![c]) return false;
    }
    return true;
  });
  const failing = own[x]!.find((s) => s.terms.reduce((acc, t) => acc + grid[x]![t]!, 0) !== grid[x]![s.target])!;
  const written = grid[x]!;
  for (let c = 0; c < ncols; c++) {
    // The value the failing sum asks of this cell, if it is one of its terms or its target.
    let want: number;
    if (failing.target === c) want = failing.terms.reduce((acc, t) => acc + written[t]!, 0);
    else if (failing.terms.includes(c)) want = written[failing.target]! - failing.terms.reduce((acc, t) => acc + (t === c ? 0 : written[t]!), 0);
    else continue;
    if (!(want >= 0) || !Number.isInteger(want)) continue;
    const was = written[c]!;
    written[c] = want;
    const ok = rowHolds(x) && columnsHold();
    written[c] = was;
    if (ok) return true;
  }
  return false;
}
