/**
 * hierarchy-sum: a summary (汇总) report's table 三 and 四 cells against the sums of the same cells of its
 * subordinates' reports, per the roster. Only tables read with confidence in every report are compared, and
 * only cells every report fills; the finding is at the summary's cell and names each subordinate's number.
 */
import { columnName, rowName, tableName } from '../checks/names';
import type { Finding, Level, Locale, Related } from '../checks/types';
import { hierarchySum } from '../checks/rules/hierarchy-sum';
import type { ReportModel, Table } from '../model';
import { formatNumber } from '../text/values';
import type { RosterEntry } from './roster';

export interface DeskReport {
  model: ReportModel;
  /** Where the report is, for related information. */
  uri: string;
}

const TABLES = ['requests', 'appeals'] as const;
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Sums are compared to this many decimals (T3 and T4 hold counts; this only absorbs float noise). */
const EPSILON = 1e-9;

export function hierarchyFindings(summary: RosterEntry, report: DeskReport, subs: readonly { entry: RosterEntry; report: DeskReport }[], locale: Locale, level?: Level): Finding[] {
  if (level === 'off' || subs.length === 0) return [];
  const t = (zh: string, en: string) => (locale === 'en' ? en : zh);
  const out: Finding[] = [];
  for (const key of TABLES) {
    const mine = report.model.tables[key];
    const theirs = subs.map((s) => s.report.model.tables[key]);
    if (!mine?.confident || theirs.some((x) => !x?.confident)) continue;
    const all = [mine, ...theirs] as Table[];
    for (const [rowKey, row] of mine.rows) {
      row.cells.forEach((cell, ci) => {
        if (cell.value === null || !all.every((x) => x.columns[ci]?.present)) return;
        const parts = (theirs as Table[]).map((x) => x.rows.get(rowKey)?.cells[ci]);
        if (parts.some((c) => !c || c.value === null)) return;
        const sum = parts.reduce((a, c) => a + c!.value!, 0);
        if (Math.abs(sum - cell.value) < EPSILON) return;
        const row = rowName(key, rowKey, locale, mine.edition);
        const col = columnName(key, cell.column, locale, mine.edition);
        const terms = subs.map((s, i) => `${s.entry.agency} ${parts[i]!.raw}`).join(' + ');
        const related: Related[] = subs.map((s, i) => ({ range: parts[i]!.range, message: `${s.entry.agency}：${parts[i]!.raw}`, uri: s.report.uri }));
        out.push({
          code: hierarchySum.meta.code,
          severity: level ?? hierarchySum.meta.defaultSeverity,
          range: cell.range,
          message: t(
            `${tableName(key, 'zh')}“${row}”的“${col}”为 ${cell.raw}，而 ${subs.length} 个下级机关之和为 ${formatNumber(sum)}（${terms}）`,
            `${cap(tableName(key, "en"))}, ${row}, ${col}: ${cell.raw}, but the ${subs.length} subordinates add up to ${formatNumber(sum)} (${terms})`,
          ),
          related,
          data: { table: key, row: rowKey, column: cell.column, expected: sum, actual: cell.value, summary: summary.agency },
        });
      });
    }
  }
  return out;
}
