/** Adding up the answers of the "check all reports in the workspace" command. Pure. */
import type { CheckFileSummary } from '../../server/src/protocol';

export interface CheckSummary {
  /** Files sent to the server and answered. */
  files: number;
  /** Of those, annual reports. */
  reports: number;
  errors: number;
  warnings: number;
  notes: number;
  /** Files the server could not read. */
  unreadable: CheckFileSummary[];
  /** Files found in the workspace. */
  total: number;
  cancelled: boolean;
}

export function emptySummary(total: number): CheckSummary {
  return { files: 0, reports: 0, errors: 0, warnings: 0, notes: 0, unreadable: [], total, cancelled: false };
}

export function addResults(sum: CheckSummary, files: readonly CheckFileSummary[]): void {
  for (const f of files) {
    sum.files++;
    if (f.error !== undefined) sum.unreadable.push(f);
    if (!f.isReport) continue;
    sum.reports++;
    sum.errors += f.errors;
    sum.warnings += f.warnings;
    sum.notes += f.notes;
  }
}

/** Splits a list into batches of at most `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The exclude glob for the search: the folders never worth checking, plus files.exclude's patterns. */
export function excludeGlob(filesExclude: Readonly<Record<string, unknown>> | undefined): string {
  const globs = ['**/node_modules/**', '**/.git/**', '**/out/**', '**/dist/**'];
  for (const [glob, on] of Object.entries(filesExclude ?? {})) {
    // Conditional excludes ({ when: … }) and patterns with their own braces are left out.
    if (on === true && !/[{}]/.test(glob) && !globs.includes(glob)) globs.push(glob);
  }
  return `{${globs.join(',')}}`;
}
