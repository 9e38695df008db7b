/**
 * Every check, in catalogue order (../shared/spec/checks.md). The codes are a public interface.
 */
import { carryoverMismatch } from './rules/carryover-mismatch';
import { conversionDebris } from './rules/conversion-debris';
import { feeStatementMissing } from './rules/fee-statement-missing';
import { formatOutdated } from './rules/format-outdated';
import { hierarchySum } from './rules/hierarchy-sum';
import { inForceMismatch } from './rules/in-force-mismatch';
import { layoutLost } from './rules/layout-lost';
import { periodYear } from './rules/period-year';
import { placeholderUnfilled } from './rules/placeholder-unfilled';
import { reportMissing } from './rules/report-missing';
import { sectionEmpty } from './rules/section-empty';
import { sectionMissing } from './rules/section-missing';
import { sectionNumbering } from './rules/section-numbering';
import { sectionOrder } from './rules/section-order';
import { sectionTitle } from './rules/section-title';
import { sumAppealsTotal } from './rules/sum-appeals-total';
import { sumBalance } from './rules/sum-balance';
import { sumResultsTotal } from './rules/sum-results-total';
import { sumRowTotal } from './rules/sum-row-total';
import { tableCellBlank } from './rules/table-cell-blank';
import { tableCellCount } from './rules/table-cell-count';
import { tableCellInvalid } from './rules/table-cell-invalid';
import { tableColumnMissing } from './rules/table-column-missing';
import { tableLabel } from './rules/table-label';
import { tableMissing } from './rules/table-missing';
import { tableRowMissing } from './rules/table-row-missing';
import { tableUnreadable } from './rules/table-unreadable';
import { sourceUnreadable } from './rules/source-unreadable';
import { textCopied } from './rules/text-copied';
import { textTableMismatch } from './rules/text-table-mismatch';
import type { Check, CheckMeta, Locale } from './types';

export const CHECKS: readonly Check[] = [
  sectionMissing,
  sectionOrder,
  sectionNumbering,
  sectionTitle,
  sectionEmpty,
  tableMissing,
  tableRowMissing,
  tableColumnMissing,
  tableCellCount,
  tableCellInvalid,
  tableCellBlank,
  tableLabel,
  tableUnreadable,
  formatOutdated,
  sumRowTotal,
  sumResultsTotal,
  sumBalance,
  sumAppealsTotal,
  periodYear,
  textTableMismatch,
  feeStatementMissing,
  conversionDebris,
  carryoverMismatch,
  placeholderUnfilled,
  layoutLost,
  sourceUnreadable,
  inForceMismatch,
  textCopied,
  // Across reports: metadata here, the work in core/desk/ (they find nothing in one report).
  hierarchySum,
  reportMissing,
];

/** Reported once when a check itself fails, so one broken check never silences the others. */
export const INTERNAL_ERROR: CheckMeta = {
  code: 'internal-error',
  defaultSeverity: 'information',
  fixes: [],
  description: { zh: '某项检查自身出错（检查器缺陷）', en: 'A check failed with an internal error (a bug in the checker)' },
  docs: {
    why: {
      zh: '某项检查在读取这份报告时出错。其他检查照常进行；出错的检查在此报告一次，请把报告发给维护者。',
      en: 'A check failed on this report. The other checks still ran; the failing one is reported here once. Please send the report to the maintainers.',
    },
    example: '（任何报告）',
    fix: { zh: '无需修改报告；这是检查器的缺陷。', en: 'Nothing to change in the report; this is a bug in the checker.' },
  },
};

/** Reported instead of checking a file over the size limit, so the editor never freezes. */
export const FILE_TOO_LARGE: CheckMeta = {
  code: 'file-too-large',
  defaultSeverity: 'information',
  fixes: [],
  description: { zh: '文件超过大小上限，未检查', en: 'The file is over the size limit and was not checked' },
  docs: {
    why: {
      zh: '一份年度报告通常只有几万字。远超上限的文件多半不是报告（或是多份报告拼接），为保证编辑器流畅，不做检查。上限可用设置 govreport.maxFileSize 或 govreport.json 的 maxFileSize 调整。',
      en: 'An annual report is a few tens of thousands of characters. Files far over the limit are rarely reports, and checking them would slow the editor. The limit is the setting govreport.maxFileSize (or maxFileSize in govreport.json).',
    },
    example: '（一个 20 MB 的文本文件）',
    fix: { zh: '拆分文件，或提高 maxFileSize。', en: 'Split the file, or raise maxFileSize.' },
  },
};

/** Reported by the editor in place of the findings over its per-document limit, so none goes missing silently. */
export const TOO_MANY_PROBLEMS: CheckMeta = {
  code: 'too-many-problems',
  defaultSeverity: 'warning',
  fixes: [],
  description: { zh: '问题太多，编辑器只列出一部分', en: 'Too many problems: the editor lists only some of them' },
  docs: {
    why: {
      zh: '编辑器每个文件最多列出 1000 个问题。超出时，先列错误和警告，其余的不再列出，并用这一条说明还有多少个未列出。用命令行 govreport check 可以看到全部问题。',
      en: 'The editor lists at most 1000 problems per file. Beyond that it lists errors and warnings first, leaves the rest out, and says here how many were left out. The command line, govreport check, lists them all.',
    },
    example: '（一份把许多报告拼在一起的文件）',
    fix: {
      zh: '先修正列出的问题，或在终端运行 govreport check 文件名 查看全部。',
      en: 'Fix the problems listed first, or run govreport check FILE in a terminal to see all of them.',
    },
  },
};

/** All metadata, including the codes the engine itself reports. */
export const ALL_META: readonly CheckMeta[] = [...CHECKS.map((c) => c.meta), INTERNAL_ERROR, FILE_TOO_LARGE, TOO_MANY_PROBLEMS];

export const CODES: readonly string[] = ALL_META.map((m) => m.code);

export function metaOf(code: string): CheckMeta | undefined {
  return ALL_META.find((m) => m.code === code);
}

/** Where a check's documentation lives, relative to the repository and on the web. */
export const DOCS_BASE = 'https://github.com/govreport/govreport/blob/main/docs/checks/';

/** The page of a code in a language: docs/checks/<code>.md in Chinese, docs/checks/en/<code>.md in English. */
export function docsPage(code: string, locale: Locale = 'zh'): string {
  return `${locale === 'en' ? 'en/' : ''}${code}.md`;
}

export function docsUrl(code: string, locale: Locale = 'zh'): string {
  return `${DOCS_BASE}${docsPage(code, locale)}`;
}
