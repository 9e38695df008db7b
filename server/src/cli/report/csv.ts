/**
 * The desk report as CSV, one row per finding: UTF-8 with a byte-order mark and CRLF line ends, every field
 * quoted, so Excel and WPS open it with the Chinese intact and the columns in place.
 */
import type { DeskData } from './desk-data';

const HEAD = {
  zh: ['机关', '年度', '文件', '行', '列', '级别', '代码', '位置', '说明'],
  en: ['agency', 'year', 'file', 'line', 'column', 'severity', 'code', 'where', 'message'],
};
const SEVERITY_ZH = { error: '错误', warning: '警告', information: '提示', hint: '建议' } as const;

/** A spreadsheet treats a cell starting with = + - @ as a formula; a leading apostrophe keeps it text. */
function field(v: string | number | null): string {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function toCsv(d: DeskData): string {
  const rows: (string | number | null)[][] = [HEAD[d.locale]];
  for (const r of d.reports) {
    for (const f of r.findings) {
      rows.push([r.agency, r.year, r.file, f.line, f.column, d.locale === 'en' ? f.severity : SEVERITY_ZH[f.severity], f.code, f.where, f.message]);
    }
  }
  for (const m of d.missing) rows.push([m.agency, m.year, m.roster, null, null, d.locale === 'en' ? 'warning' : '警告', 'report-missing', '', d.locale === 'en' ? 'no report of the year' : '没有本年度报告']);
  for (const u of d.unreadable) rows.push(['', null, u.file, null, null, d.locale === 'en' ? 'error' : '错误', '', '', u.reason]);
  return '\uFEFF' + rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
