/** report-missing: the roster's agencies without a report of the year, each at its roster entry. */
import { reportMissing } from '../checks/rules/report-missing';
import type { Finding, Level, Locale } from '../checks/types';
import type { Range } from '../text/lines';
import type { RosterEntry } from './roster';

export function missingFindings(missing: readonly RosterEntry[], year: number, where: (e: RosterEntry) => Range, locale: Locale, level?: Level): Finding[] {
  if (level === 'off') return [];
  return missing.map((e) => ({
    code: reportMissing.meta.code,
    severity: level ?? reportMissing.meta.defaultSeverity,
    range: where(e),
    message: locale === 'en' ? `${e.agency} (in the roster) has no ${year} report in the folder` : `名单中的“${e.agency}”没有 ${year} 年度报告`,
    data: { agency: e.agency, year },
  }));
}
