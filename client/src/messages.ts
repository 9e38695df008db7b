/**
 * The client's own strings (command titles live in package.nls*.json). Pure: callers pass the locale.
 */
import type { Locale } from './locale';

const zh = {
  yearPrompt: '报告年度（统计年度），例如去年',
  yearInvalid: (min: number, max: number) => `请输入 ${min}–${max} 之间的年份（2021 模板适用于 2021 年度及以后的报告）`,
  agencyPrompt: '机关名称（可不填）',
  agencyPlaceholder: '例如：某某区人民政府办公室',
  templateFailed: (e: string) => `无法生成年报模板：${e}`,
  noWorkspace: '请先打开一个文件夹或工作区，再检查其中的年报。',
  checking: '正在检查工作区中的年报',
  noFiles: '工作区中没有 .txt、.md 或 .govreport 文件。',
  checkFailed: (e: string) => `检查失败：${e}`,
  cancelled: (done: number, total: number) => `已取消（已检查 ${done}/${total}）。`,
  summary: (files: number, reports: number, errors: number, warnings: number) =>
    `检查了 ${files} 个文件，其中年报 ${reports} 份：${errors} 个错误，${warnings} 个警告。`,
  unreadable: (n: number) => `${n} 个文件无法读取（详见输出面板 GovReport）。`,
  logUnreadable: (file: string, error: string) => `无法读取 ${file}：${error}`,
  logChecked: (files: number, total: number, reports: number, errors: number, warnings: number, cancelled: boolean) =>
    `已检查 ${files}/${total} 个文件：${reports} 份报告，${errors} 个错误，${warnings} 个警告${cancelled ? '（已取消）' : ''}`,
  openProblems: '打开“问题”视图',
  pickRule: '选择要查看说明的检查项',
  inThisDocument: '本文档中出现的检查项',
  allRules: '全部检查项',
  noDocs: '扩展中没有找到检查项说明（docs/checks）。',
  unknownRule: (code: string) => `没有名为“${code}”的检查项。`,
  showDocsAction: (code: string) => `查看检查项说明：${code}`,
  serverNotRunning: 'GovReport 语言服务器没有运行（详见输出面板 GovReport）。',
  statusName: 'GovReport 年报检查',
  statusReport: (year: number | null) => (year === null ? '年报' : `${year}年报`),
  statusFormat: (format: string) => `${format}格式`,
  statusErrors: (n: number) => `${n} 错误`,
  tipTitle: '政府信息公开工作年度报告',
  tipAgency: '机关',
  tipYear: '报告年度',
  tipFormat: '表格格式',
  tipFormatValue: (format: string) => `${format} 年格式`,
  tipNoTables: '（未识别到表格）',
  tipOutdated: (format: string, expected: string) => `⚠ 使用的是 ${format} 年格式的表格，本年度应使用 ${expected} 年格式。`,
  tipProblems: (e: number, w: number, n: number) => `${e} 个错误，${w} 个警告，${n} 个提示`,
  tipClick: '点击打开“问题”视图',
  inlineMore: (n: number) => `（本行另有 ${n} 个问题）`,
  fixNoEditor: '请先打开一份年报。',
  fixFailed: (e: string) => `自动修复失败：${e}`,
  fixApplied: (n: number, list: string) => `已自动修复 ${n} 处（仅调整格式：${list}）。`,
  fixNothing: '没有仅调整格式即可修复的问题，未作修改。',
  fixLeft: (n: number) => `另有 ${n} 处需要您决定：插入待填写的结构或核实建议的数值，请在“问题”视图中逐条处理（快速修复 Ctrl+.）。`,
  fixRemaining: (e: number, w: number) => `现有 ${e} 个错误，${w} 个警告。`,
  listSeparator: '、',
};

export type Messages = typeof zh;

const en: Messages = {
  yearPrompt: 'Report year (the year the statistics cover), e.g. last year',
  yearInvalid: (min, max) => `Enter a year from ${min} to ${max} (the 2021 template is for reports on 2021 and later)`,
  agencyPrompt: 'Agency name (optional)',
  agencyPlaceholder: 'e.g. 某某区人民政府办公室',
  templateFailed: (e) => `Could not create the report template: ${e}`,
  noWorkspace: 'Open a folder or workspace first, then check the reports in it.',
  checking: 'Checking the reports in the workspace',
  noFiles: 'The workspace has no .txt, .md or .govreport files.',
  checkFailed: (e) => `The check failed: ${e}`,
  cancelled: (done, total) => `Cancelled (${done} of ${total} checked).`,
  summary: (files, reports, errors, warnings) =>
    `Checked ${files} ${files === 1 ? 'file' : 'files'}, ${reports} ${reports === 1 ? 'report' : 'reports'}: ` +
    `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}.`,
  unreadable: (n) => `${n} ${n === 1 ? 'file' : 'files'} could not be read (see the GovReport output).`,
  logUnreadable: (file, error) => `Could not read ${file}: ${error}`,
  logChecked: (files, total, reports, errors, warnings, cancelled) =>
    `Checked ${files}/${total} files: ${reports} ${reports === 1 ? 'report' : 'reports'}, ${errors} ${errors === 1 ? 'error' : 'errors'}, ` +
    `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}${cancelled ? ' (cancelled)' : ''}`,
  openProblems: 'Open Problems',
  pickRule: 'Pick a check to read its documentation',
  inThisDocument: 'In this document',
  allRules: 'All checks',
  noDocs: 'The extension has no check documentation (docs/checks).',
  unknownRule: (code) => `There is no check named "${code}".`,
  showDocsAction: (code) => `Show documentation for "${code}"`,
  serverNotRunning: 'The GovReport language server is not running (see the GovReport output).',
  statusName: 'GovReport',
  statusReport: (year) => (year === null ? 'Report' : `${year} report`),
  statusFormat: (format) => `${format} format`,
  statusErrors: (n) => `${n} ${n === 1 ? 'error' : 'errors'}`,
  tipTitle: 'Government information disclosure annual report',
  tipAgency: 'Agency',
  tipYear: 'Report year',
  tipFormat: 'Table format',
  tipFormatValue: (format) => `${format} format`,
  tipNoTables: '(no tables found)',
  tipOutdated: (format, expected) => `⚠ The tables follow the ${format} format; reports for this year use the ${expected} format.`,
  tipProblems: (e, w, n) => `${e} ${e === 1 ? 'error' : 'errors'}, ${w} ${w === 1 ? 'warning' : 'warnings'}, ${n} ${n === 1 ? 'note' : 'notes'}`,
  tipClick: 'Click to open the Problems view',
  inlineMore: (n) => ` (and ${n} more on this line)`,
  fixNoEditor: 'Open a report first.',
  fixFailed: (e) => `The automatic fixes failed: ${e}`,
  fixApplied: (n, list) => `Fixed ${n} ${n === 1 ? 'problem' : 'problems'} automatically (form only: ${list}).`,
  fixNothing: 'Nothing to fix by tidying the form; the report is unchanged.',
  fixLeft: (n) => `${n} more ${n === 1 ? 'needs' : 'need'} your decision: structure to insert and fill in, or suggested values to verify — one by one from the Problems view (Quick Fix, Ctrl+.).`,
  fixRemaining: (e, w) => `Now ${e} ${e === 1 ? 'error' : 'errors'}, ${w} ${w === 1 ? 'warning' : 'warnings'}.`,
  listSeparator: ', ',
};

export function messages(locale: Locale): Messages {
  return locale === 'en' ? en : zh;
}
