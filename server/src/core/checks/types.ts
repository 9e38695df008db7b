/**
 * The shape of a check and of what it finds. A check is one small module: metadata plus a function from the
 * report model to findings. Findings carry their fix as plain text edits computed here in the core, so an
 * editor or the command line only passes them through. Every fix has a kind (checks.md, "What a fix may do"):
 * only safe fixes ever go into a fix-all.
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

/**
 * What a fix may do. `safe`: form only (a numeral, a canonical title or label, conversion debris removed); never
 * adds, removes or changes a number or a sentence; the only kind in fix-all, on save and in `govreport fix`.
 * `skeleton`: inserts structure to fill in (a heading, table, row or column), its cells blank ("/") and its text
 * a visible placeholder （待填写：…）, which stay reported until filled. `suggestion`: a number or a fact the
 * checker inferred; offered one at a time, titled with what it asserts and 请核实, never in a fix-all.
 */
export type FixKind = 'safe' | 'skeleton' | 'suggestion';

export const FIX_KINDS: readonly FixKind[] = ['safe', 'skeleton', 'suggestion'];

/** How each kind is named to users (rule docs, CLI, editor). */
export const FIX_KIND_NAMES: Readonly<Record<FixKind, Bilingual>> = {
  safe: { zh: '自动修复：仅调整格式', en: 'Automatic fix: form only' },
  skeleton: { zh: '插入待填写的结构', en: 'Inserts structure to fill in' },
  suggestion: { zh: '建议，需核实', en: 'Suggestion, to be verified' },
};

export interface Fix {
  title: string;
  kind: FixKind;
  edits: TextEdit[];
  /**
   * A suggestion the report's own figures pin down (one cell repairs several sums): offered as the preferred
   * fix. A first safe or skeleton fix is preferred anyway; other suggestions never are.
   */
  preferred?: boolean;
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
  /** The first fix offered. */
  fix?: Fix;
  /** Further fixes of the same finding (e.g. a column left blank, or computed from the sums). */
  moreFixes?: Fix[];
  /** Facts about the finding for tools: row, column, expected and actual values. */
  data?: Record<string, unknown>;
}

/** What a check returns: a finding whose severity the engine settles (default, escalation, user's level). */
export type RawFinding = Omit<Finding, 'severity' | 'code'> & {
  /** Raise the default severity for this finding (fee statement with other.2 > 0), unless the user set one. */
  escalate?: Severity;
  /** A milder case of the check (a unit that disagrees with its column): this severity, unless the user set one. */
  soften?: Severity;
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
  /** The kinds of the fixes its findings may offer (none: nothing to fix automatically), as in checks.md. */
  fixes: readonly FixKind[];
  description: Bilingual;
  docs: CheckDocs;
}

/** Last year's report of the same agency, for the checks across years (R9, R10, text-copied). */
export interface PreviousReport {
  model: ReportModel;
  /** Its lines, for the checks that compare its text (text-copied); without them those checks are silent. */
  lines?: readonly Line[];
  uri?: string;
  label?: string;
}

/** The original a report was read from (.docx, .pdf, .html), when it was: what could not be read of it. */
export interface SourceInfo {
  kind: string;
  problems: readonly SourceProblem[];
  /** Lines of the text view where the original has a picture (SourceView.images). */
  images?: readonly number[];
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
  /**
   * A fix over several findings of this check together (fill every blank of this table), built only when a
   * user asks for the fixes of `finding`; `siblings` are all findings of the same code in the document.
   */
  groupFix?(finding: Finding, siblings: readonly Finding[], t: (text: Bilingual) => string): Fix | undefined;
}
