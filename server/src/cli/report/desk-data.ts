/**
 * What the desk report (HTML page, CSV) shows, from the results of a run: one entry per report with its
 * totals and findings, each finding named by table, row and column (or section) and by line, and the files
 * that could not be read and the roster agencies without a report, kept apart.
 */
import * as path from 'node:path';
import { columnName, rowName, sectionName, tableName } from '../../core/checks/names';
import type { Finding, Locale, Severity } from '../../core/checks/types';
import type { TableKey } from '../../core/format/spec';
import type { ReportModel } from '../../core/model';
import { describePlace, placeOf } from '../../core/source/place';
import type { Missing } from '../check/desk';
import type { FileResult } from '../text';

export interface DeskFinding {
  severity: Severity;
  code: string;
  /** 表、行、列 (or the section), as a reviewer names the place. */
  where: string;
  line: number;
  column: number;
  message: string;
}

export interface DeskRow {
  file: string;
  agency: string;
  year: number | null;
  format: string;
  /** 本年新收, （七）总计, 结转下年度 (总计 column), 行政复议 总计, 行政诉讼 总计; null when not read with confidence. */
  totals: { new: number | null; handled: number | null; carriedOut: number | null; review: number | null; suits: number | null };
  counts: Record<Severity, number>;
  dismissed: number;
  status: 'error' | 'warning' | 'ok' | 'not-report';
  findings: DeskFinding[];
}

export interface DeskData {
  title: string;
  generated: string;
  locale: Locale;
  reports: DeskRow[];
  unreadable: { file: string; reason: string }[];
  missing: Missing[];
  dismissed: number;
}

function cellValue(m: ReportModel, table: TableKey, row: string, column: string): number | null {
  const t = m.tables[table];
  if (!t?.confident) return null;
  return t.rows.get(row)?.cells.find((c) => c.column === column)?.value ?? null;
}

function whereOf(f: Finding, r: FileResult, locale: Locale): string {
  const d = f.data ?? {};
  const parts: string[] = [];
  const table = typeof d.table === 'string' ? (d.table as TableKey) : undefined;
  if (table && ['proactive', 'requests', 'appeals'].includes(table)) {
    const edition = r.model.tables[table]?.edition;
    parts.push(tableName(table, locale));
    if (typeof d.row === 'string' && table !== 'appeals') parts.push(rowName(table, d.row, locale, edition));
    if (typeof d.column === 'string') parts.push(columnName(table, d.column, locale, edition));
  } else if (typeof d.section === 'number') parts.push(sectionName(d.section, locale));
  const place = r.view ? placeOf(r.view, f.range) : undefined;
  if (place) parts.push(describePlace(place, locale));
  return parts.join(' · ');
}

export function deskData(results: FileResult[], unreadable: { path: string; message: string }[], missing: Missing[], dismissedOf: (r: FileResult) => number, locale: Locale, base: string): DeskData {
  const rel = (p: string) => {
    const r = path.relative(base, path.resolve(p));
    return r.startsWith('..') || path.isAbsolute(r) ? p : r;
  };
  const reports: DeskRow[] = results.map((r) => {
    const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
    for (const f of r.findings) counts[f.severity]++;
    const m = r.model;
    const review = cellValue(m, 'appeals', 'values', 'review.total');
    const direct = cellValue(m, 'appeals', 'values', 'suitDirect.total');
    const after = cellValue(m, 'appeals', 'values', 'suitAfterReview.total');
    return {
      file: rel(r.path),
      agency: m.agency ?? '',
      year: m.year,
      format: m.format ?? '',
      totals: {
        new: cellValue(m, 'requests', 'new', 'total'),
        handled: cellValue(m, 'requests', 'total', 'total'),
        carriedOut: cellValue(m, 'requests', 'carriedOut', 'total'),
        review,
        suits: direct !== null && after !== null ? direct + after : null,
      },
      counts,
      dismissed: dismissedOf(r),
      status: !m.isReport ? 'not-report' : counts.error ? 'error' : counts.warning ? 'warning' : 'ok',
      findings: r.findings.map((f) => ({
        severity: f.severity, code: f.code, where: whereOf(f, r, locale), line: f.range.start.line + 1, column: f.range.start.character + 1, message: f.message,
      })),
    };
  });
  return {
    title: locale === 'en' ? 'Review of government information disclosure annual reports' : '政府信息公开工作年度报告审核结果',
    generated: new Date().toISOString(),
    locale,
    reports,
    unreadable: unreadable.map((u) => ({ file: rel(u.path), reason: u.message })),
    missing: missing.map((x) => ({ ...x, roster: rel(x.roster) })),
    dismissed: reports.reduce((a, r) => a + r.dismissed, 0),
  };
}
