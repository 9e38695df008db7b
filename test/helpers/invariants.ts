/**
 * What a fix may never do (checks.md, "What a fix may do"), as checks over a text before and after: add,
 * remove or change a number of a table, add a number anywhere, add a sentence. And which kinds of fix the
 * catalogue allows each code (the table in docs/spec/checks.md, read here, not copied).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FixKind } from '../../server/src/core/checks/types';
import { parseReport } from '../../server/src/core/service';
import { ROOT } from './fixtures';

/** Every number a confident table holds, by table, row and column. */
export function tableNumbers(text: string): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const model = parseReport(text);
  for (const t of Object.values(model.tables)) {
    if (!t.confident) continue;
    for (const row of t.rows.values()) for (const c of row.cells) out.set(`${t.key}/${row.key}/${c.column}`, c.state === 'number' ? c.value : null);
  }
  return out;
}

/** Digit runs of a text (full-width digits too), counted: a fix must not add one. */
export function numbersOf(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of text.normalize('NFKC').matchAll(/\d+(?:\.\d+)?/g)) out.set(m[0], (out.get(m[0]) ?? 0) + 1);
  return out;
}

/** Sentence ends: a fix that adds one adds a sentence. */
export function sentenceCount(text: string): number {
  return (text.match(/[。！？!?]/g) ?? []).length;
}

/**
 * Why `after` (a fix-all of `before`) makes up content, or null when it only tidied the form: a table number
 * (of a table read with confidence before) changed or gone, a cell that was not a number now one, a number
 * the text did not have, or a new sentence.
 */
export function madeUp(before: string, after: string, { keepReadable = false } = {}): string | null {
  const a = tableNumbers(before);
  const b = tableNumbers(after);
  for (const [k, v] of a) {
    // A table that was readable and no longer is: a safe fix (keepReadable) must not do that — removing a page
    // number once made the value after it a page number, which the next pass deleted; a skeleton may.
    if (!b.has(k)) {
      if (keepReadable) return `table cell ${k} was read as ${v}, and is not read after the fix`;
      continue;
    }
    const w = b.get(k)!;
    if (v !== w) return `table cell ${k} was ${v}, now ${w}`;
  }
  const na = numbersOf(before);
  for (const [n, k] of numbersOf(after)) if (k > (na.get(n) ?? 0)) return `the number ${n} appears ${k} times, was ${na.get(n) ?? 0}`;
  const sa = sentenceCount(before);
  const sb = sentenceCount(after);
  if (sb > sa) return `${sb - sa} sentence end(s) added`;
  return null;
}

/** Codes whose error findings say the report's structure or sums are wrong: a fix must not make them silent. */
export const STRUCTURAL_OR_SUM = new Set([
  'section-missing', 'section-order', 'table-missing', 'table-row-missing', 'table-column-missing', 'table-cell-count',
  'table-cell-invalid', 'table-unreadable', 'format-outdated', 'sum-row-total', 'sum-results-total', 'sum-balance', 'sum-appeals-total',
]);

/**
 * The fix kinds of each code in the catalogue's table (docs/spec/checks.md, a copy of the team's spec): the
 * "fix" column names them as `kind: what` parts, `—` for none.
 */
export function catalogueKinds(): Map<string, FixKind[]> {
  const md = readFileSync(path.join(ROOT, 'docs', 'spec', 'checks.md'), 'utf8');
  const out = new Map<string, FixKind[]>();
  for (const line of md.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const code = /^`([a-z0-9-]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!code || cells.length < 6) continue;
    const fix = cells[cells.length - 2]!;
    const kinds = [...fix.matchAll(/(?:^|;\s*)(safe|skeleton|suggestion):/g)].map((m) => m[1] as FixKind);
    out.set(code, fix === '—' ? [] : kinds);
  }
  return out;
}
