/**
 * The shape of a check and of what it finds. A check is one small module: metadata plus a function from the
 * report model to findings. Findings carry their fix as plain text edits computed here in the core, so an
 * editor or the command line only passes them through.
 */
import type { ReportModel } from '../model';
import type { SourceProblem } from '../source/types';
import type { Line, Range } from '../text/lines';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type Level = Severity | 'off';
export type Locale = 'zh' | 'en';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
export const LEVELS: readonly Level[] = [...SEVERITIES, 'off'];

export interface Bilingual {
  zh: string;
  en: string;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Related {
  range: Range;
  message: string;
  /** Another document (last year's report); absent means this one. */
  uri?: string;
}

export interface Finding {
  code: string;
  severity: Severity;
  range: Range;
  message: string;
  related?: Related[];
  /** The preferred fix. */
  fix?: Fix;
  /** Further fixes (e.g. fill every blank of the table). */
  moreFixes?: Fix[];
  /** Facts about the finding for tools: row, column, expected and actual values. */
  data?: Record<string, unknown>;
}

/** What a check returns: a finding whose severity the engine settles (default, escalation, user's level). */
export type RawFinding = Omit<Finding, 'severity' | 'code'> & {
  /** Raise the default severity for this finding (fee statement with other.2 > 0), unless the user set one. */
  escalate?: Severity;
};

export interface CheckDocs {
  /** Why the check exists, in a sentence or two. */
  why: Bilingual;
  /** A short excerpt of a report that fires it. */
  example: string;
  /** How to fix it by hand, or what the quick fix does. */
  fix: Bilingual;
}

export interface CheckMeta {
  code: string;
  defaultSeverity: Severity;
  fixable: boolean;
  description: Bilingual;
  docs: CheckDocs;
}

/** A report of last year for R9. */
export interface PreviousReport {
  model: ReportModel;
  uri?: string;
  label?: string;
}

/** The original a report was read from (.docx, .pdf, .html), when it was: what could not be read of it. */
export interface SourceInfo {
  kind: string;
  problems: readonly SourceProblem[];
}

export interface CheckContext {
  model: ReportModel;
  lines: readonly Line[];
  locale: Locale;
  /** Picks the message in the context's language. */
  t(text: Bilingual): string;
  previous?: PreviousReport;
  /** The original the text view was read from. */
  source?: SourceInfo;
  /** Ranges the user just edited, most recent last (the editor's; empty elsewhere). */
  edited?: readonly Range[];
  /** Per-run memo for analyses shared by several checks (the sums). */
  memo: Map<string, unknown>;
}

export interface Check {
  meta: CheckMeta;
  run(ctx: CheckContext): RawFinding[];
}
