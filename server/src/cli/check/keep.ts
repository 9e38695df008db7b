/**
 * Which reports of a folder keep their tables in memory to the end of the run (analyse.ts, KeepTables): the
 * ones that pair across years with a report checked before them. Only the pairs' tables are read again (when
 * the run has no roster, no HTML or CSV page and no --previous: check.ts), and a report's partner is known only
 * once both are checked, so the first of each pair has its tables parsed again when they are read, once.
 *
 * Measured (cachegrind, whole process, `check --jobs 0 --format json`): 200 reports of one or another year
 * with no pairs 5.89 → 5.50 G instructions; 400 reports, 200 of a year and the same a year later in a folder of
 * their own (160 pairs), 9.57 G with every table kept, 12.15 G with none kept (both of each pair parsed again), 11.21 G with this:
 * a folder of two years costs more than before, one of a year less; --previous (the way to compare with last
 * year) keeps every table as before.
 */
import { AgencyIndex } from '../../core/desk/agency';
import type { ReportModel } from '../../core/model';
import type { KeepTables } from './analyse';

/** Keeps the tables of a report when one of the same agency, a year before or after it, was checked before it. */
export function keepPairedSoFar(): KeepTables {
  const byYear = new Map<number, AgencyIndex<ReportModel>>();
  const seen = (year: number, agency: string) => byYear.get(year)?.find(agency) !== undefined;
  return (m) => {
    if (!m.isReport || !m.year || !m.agency) return false;
    const paired = seen(m.year - 1, m.agency) || seen(m.year + 1, m.agency);
    let index = byYear.get(m.year);
    if (!index) byYear.set(m.year, (index = new AgencyIndex()));
    index.add(m.agency, m);
    return paired;
  };
}
