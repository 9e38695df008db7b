/** What the status bar says about a report. Pure: data in, strings out. */
import type { ReportInfo } from '../../server/src/protocol';
import type { Messages } from './messages';

export interface StatusView {
  /** With a codicon: "$(law) 2021年报 · 2021格式 · 3 错误". */
  text: string;
  /** Markdown for the tooltip. */
  tooltip: string;
  /** The tables follow another format than the report's year calls for. */
  outdated: boolean;
}

export function isOutdated(info: ReportInfo): boolean {
  return info.format !== null && info.expectedFormat !== null && info.format !== info.expectedFormat;
}

/** Escapes text for a Markdown tooltip (agency names are user text). */
function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}

export function statusView(info: ReportInfo, m: Messages): StatusView {
  const parts = [m.statusReport(info.year)];
  if (info.format !== null) parts.push(m.statusFormat(info.format));
  parts.push(m.statusErrors(info.errors));
  const outdated = isOutdated(info);
  const lines = [`**${md(m.tipTitle)}**`, ''];
  if (info.agency) lines.push(`${m.tipAgency}: ${md(info.agency)}  `);
  if (info.year !== null) lines.push(`${m.tipYear}: ${info.year}  `);
  lines.push(`${m.tipFormat}: ${info.format === null ? m.tipNoTables : md(m.tipFormatValue(info.format))}  `);
  if (outdated) lines.push('', md(m.tipOutdated(info.format!, info.expectedFormat!)));
  lines.push('', md(m.tipProblems(info.errors, info.warnings, info.notes)), '', `*${md(m.tipClick)}*`);
  return { text: `$(law) ${parts.join(' · ')}`, tooltip: lines.join('\n'), outdated };
}
