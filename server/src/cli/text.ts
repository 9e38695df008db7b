/** Human-readable output of `govreport check`: file:line:column, severity, code, message, and summaries. */
import type { Finding, Locale, Severity } from '../core/checks/types';
import { problemMessage } from '../core/checks/rules/source-unreadable';
import type { ReportModel } from '../core/model';
import { placeSuffix } from '../core/source/place';
import type { SourceProblem, SourceView } from '../core/source/types';
import { printable } from './io';

export interface FileResult {
  path: string;
  model: ReportModel;
  findings: Finding[];
  /** The original's text view, for a report read from a .docx, .pdf or .html. */
  view?: SourceView;
}

export function describeProblem(p: SourceProblem, locale: Locale): string {
  const m = problemMessage(p);
  return locale === 'en' ? m.en : m.zh;
}

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[90m' };
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', information: '提示', hint: '建议' };

/** "1 error", "2 errors": an English count with its noun. */
export function plural(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}

function counts(findings: Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

function describeReport(m: ReportModel, locale: Locale): string {
  if (!m.isReport) return locale === 'en' ? 'not a report, not checked' : '不是年度报告，未检查';
  const parts: string[] = [];
  if (m.year) parts.push(locale === 'en' ? `${m.year} report` : `${m.year} 年度报告`);
  if (m.format) parts.push(locale === 'en' ? `${m.format} format tables` : `表格为 ${m.format} 年格式`);
  return parts.join(locale === 'en' ? ', ' : '，');
}

function fileSummary(r: FileResult, locale: Locale): string {
  const c = counts(r.findings);
  const path = printable(r.path);
  const what = describeReport(r.model, locale);
  if (r.findings.length === 0) return locale === 'en' ? `${path}: no problems (${what})` : `${path}：未发现问题（${what}）`;
  return locale === 'en'
    ? `${path}: ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.information + c.hint, 'note')} (${what})`
    : `${path}：${c.error} 个错误，${c.warning} 个警告，${c.information + c.hint} 个提示（${what}）`;
}

/**
 * `summaries: false` for files that are not reports (a roster's govreport.json): their findings only. File
 * names and messages (which quote the report) are printed as text, never as terminal controls.
 */
export function formatText(results: FileResult[], locale: Locale, color: boolean, summaries = true): string {
  let out = '';
  for (const r of results) {
    const path = printable(r.path);
    for (const f of r.findings) {
      const pos = `${path}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      const sev = locale === 'en' ? f.severity : SEVERITY_ZH[f.severity];
      const sevText = color ? `${COLORS[f.severity]}${sev}${RESET}` : sev;
      const code = color ? `${DIM}${f.code}${RESET}` : f.code;
      out += `${pos}: ${sevText} ${code} ${printable(f.message + placeSuffix(r.view, f.range, locale))}\n`;
    }
    if (summaries) out += fileSummary(r, locale) + '\n';
  }
  return out;
}

export function summaryLine(results: FileResult[], unreadable: number, locale: Locale): string {
  const withErrors = results.filter((r) => r.findings.some((f) => f.severity === 'error')).length;
  const all = counts(results.flatMap((r) => r.findings));
  const reports = results.filter((r) => r.model.isReport).length;
  if (locale === 'en') {
    return `${plural(results.length, 'file')} checked (${plural(reports, 'report')}): ${withErrors} with errors; ${plural(all.error, 'error')}, ${plural(all.warning, 'warning')} in all`
      + (unreadable ? `; ${unreadable} could not be read` : '');
  }
  return `共检查 ${results.length} 个文件（${reports} 份报告）：${withErrors} 份有错误；共 ${all.error} 个错误，${all.warning} 个警告`
    + (unreadable ? `；${unreadable} 个文件无法读取` : '');
}
