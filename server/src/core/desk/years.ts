/**
 * Across years: which report is last year's report of the same agency, among many. The checks that compare
 * with last year (R9 carryover-mismatch, R10 in-force-mismatch, text-copied) take that report as their
 * `PreviousReport`, in the CLI and in the editor alike.
 */
import type { Locale } from '../checks/types';
import type { ReportModel } from '../model';
import { AgencyIndex } from './agency';

/** The checks that need last year's report; the CLI runs them once the pairs are known. */
export const ACROSS_YEARS: readonly string[] = ['carryover-mismatch', 'in-force-mismatch', 'text-copied'];

/**
 * For each report, last year's report of the same agency among `candidates` (the same list, or last year's
 * folder). A report without an agency or a year, or with two equally likely predecessors, gets none.
 */
export function pairWithLastYear<T>(reports: readonly T[], candidates: readonly T[], modelOf: (x: T) => ReportModel): Map<T, T> {
  const byYear = new Map<number, AgencyIndex<T>>();
  for (const c of candidates) {
    const m = modelOf(c);
    if (!m.isReport || !m.year || !m.agency) continue;
    let idx = byYear.get(m.year);
    if (!idx) byYear.set(m.year, (idx = new AgencyIndex<T>()));
    idx.add(m.agency, c);
  }
  const out = new Map<T, T>();
  for (const r of reports) {
    const m = modelOf(r);
    if (!m.isReport || !m.year || !m.agency) continue;
    const prev = byYear.get(m.year - 1)?.find(m.agency);
    if (prev !== undefined && prev !== r) out.set(r, prev);
  }
  return out;
}

/** How a message names last year's report: its year and file name. */
export function previousLabel(year: number | null, fileName: string, locale: Locale): string {
  return locale === 'en' ? `${year} report (${fileName})` : `${year}年报告（${fileName}）`;
}
