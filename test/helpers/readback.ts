/**
 * Compares what the reader found with what a generated report holds, and checks that every range a check
 * returns lies inside the document. Used by the property tests.
 */
import type { Finding } from '../../server/src/core/checks/types';
import type { ReportModel } from '../../server/src/core/model';
import { type Range, splitLines } from '../../server/src/core/text/lines';
import { expectedValues, type RenderOptions, type ReportData } from './generate';

export const SUM_CODES = new Set(['sum-row-total', 'sum-results-total', 'sum-balance', 'sum-appeals-total']);
/** What a generated report, whose sums hold and whose prose agrees with its tables, must never raise. */
export const WRONG_FOR_VALID = new Set([...SUM_CODES, 'text-table-mismatch', 'table-unreadable', 'table-cell-count', 'table-cell-invalid']);

/** Differences between the values read and the values generated, as readable lines. */
export function readBackProblems(model: ReportModel, d: ReportData, o: RenderOptions): string[] {
  const problems: string[] = [];
  const exp = expectedValues(d, o);
  for (const tk of ['proactive', 'requests', 'appeals'] as const) {
    const t = model.tables[tk];
    if (!t) {
      problems.push(`${tk}: no table`);
      continue;
    }
    if (!t.confident) problems.push(`${tk}: not confident (${t.doubt?.kind})`);
    const cols = t.columns.filter((c) => c.present).map((c) => c.key);
    for (const [rk, want] of Object.entries(exp[tk])) {
      const row = t.rows.get(rk);
      if (!row) {
        problems.push(`${tk}.${rk}: not found`);
        continue;
      }
      const got = tk === 'proactive' ? row.cells.map((c) => c.value) : cols.map((c) => row.cells.find((x) => x.column === c)?.value ?? null);
      if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${tk}.${rk}: read ${JSON.stringify(got)}, written ${JSON.stringify(want)}`);
    }
  }
  if (model.format !== d.edition) problems.push(`format: read ${model.format}, written ${d.edition}`);
  return problems;
}

/** Ranges of findings, related information and fix edits that fall outside the text. */
export function rangeProblems(text: string, findings: readonly Finding[]): string[] {
  const lines = splitLines(text);
  const bad: string[] = [];
  const inside = (r: Range, what: string) => {
    const ok = (p: Range['start']) => Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines.length
      && p.character >= 0 && p.character <= lines[p.line]!.text.length;
    const ordered = r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character);
    if (!ok(r.start) || !ok(r.end) || !ordered) bad.push(`${what}: ${JSON.stringify(r)} (lines: ${lines.length})`);
  };
  for (const f of findings) {
    inside(f.range, f.code);
    for (const rel of f.related ?? []) if (!rel.uri) inside(rel.range, `${f.code} related`);
    for (const fix of [...(f.fix ? [f.fix] : []), ...(f.moreFixes ?? [])]) for (const e of fix.edits) inside(e.range, `${f.code} fix`);
  }
  return bad;
}

/** Ranges in the model's tables that fall outside the text. */
export function modelRangeProblems(text: string, model: ReportModel): string[] {
  const lines = splitLines(text);
  const bad: string[] = [];
  const check = (r: Range, what: string) => {
    for (const p of [r.start, r.end]) {
      if (p.line < 0 || p.line >= lines.length || p.character < 0 || p.character > lines[p.line]!.text.length) {
        bad.push(`${what}: ${JSON.stringify(r)}`);
        return;
      }
    }
  };
  for (const t of Object.values(model.tables)) {
    check(t.range, `${t.key}.range`);
    for (const row of [...t.rows.values(), ...t.strayRows]) {
      check(row.range, `${t.key}.${row.key}`);
      for (const c of [...row.cells, ...row.extra]) check(c.range, `${t.key}.${row.key}.${c.column}`);
    }
  }
  for (const s of model.sections) check(s.range, `section ${s.number}`);
  return bad;
}
