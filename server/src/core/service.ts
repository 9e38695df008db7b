/**
 * The language service: text in, findings out. Pure: no file system, no editor. The server, the CLI and the
 * tests all call these functions.
 */
import { CHECKS, FILE_TOO_LARGE, INTERNAL_ERROR, metaOf } from './checks/registry';
import type { Bilingual, Check, CheckContext, Finding, Fix, Level, Locale, PreviousReport, RawFinding, Severity, SourceInfo, TextEdit } from './checks/types';
import type { SourceView } from './source/types';
import type { ReportModel } from './model';
import { MAX_BYTES_PER_CHAR } from './options';
import { parseLines, parseReport } from './parse/index';
import { diffLines } from './text/diff';
import { comparePositions, type Line, type Range, splitLines } from './text/lines';

export interface CheckOptions {
  locale?: Locale;
  /** Per-code levels; 'off' silences a code. Codes not named keep their default severity. */
  levels?: Readonly<Record<string, Level>>;
  /** Last year's report of the same agency, for R9. */
  previous?: PreviousReport;
  /** Run only these checks (all when absent). */
  only?: readonly string[];
  /** Replace the registry (tests inject a failing check to prove containment). */
  checks?: readonly Check[];
  /** The format reports must follow, instead of deciding by the report year. */
  expectFormat?: '2021' | '2019';
  /** Texts longer than this are not checked; one information finding says so. */
  maxSize?: number;
  /** The original the text was read from (a .docx, .pdf or .html), for source-unreadable. */
  source?: SourceInfo;
  /**
   * Ranges of the text the user just edited, most recent last (the editor sets them from its changes). A
   * sum broken by an edit is reported at the edited cell when that cell is one of those that could be at fault.
   */
  edited?: readonly Range[];
}

export interface CheckResult {
  model: ReportModel;
  findings: Finding[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** Whether an inline directive above `line` switches `code` off. */
function disabledAt(model: ReportModel, code: string, line: number): boolean {
  let off = false;
  for (const d of model.directives) {
    if (d.line >= line) break;
    if (d.codes.length > 0 && !d.codes.includes(code)) continue;
    off = d.kind === 'disable';
  }
  return off;
}

/**
 * The one check that speaks even when nothing readable came out of an original: one it could not read, or one
 * with pictures and no report in its words (a scan pasted into Word).
 */
const SOURCE_CHECK = 'source-unreadable';

export function runChecks(model: ReportModel, lines: readonly Line[], options: CheckOptions = {}): Finding[] {
  const unreadable = (options.source?.problems.length ?? 0) > 0 || (!model.isReport && (options.source?.images?.length ?? 0) > 0);
  if (!model.isReport && !unreadable) return [];
  if (options.expectFormat) model = { ...model, expectedFormat: options.expectFormat };
  const locale = options.locale ?? 'zh';
  const ctx: CheckContext = {
    model,
    lines,
    locale,
    t: (text) => (locale === 'en' ? text.en : text.zh),
    memo: new Map(),
    ...(options.previous ? { previous: options.previous } : {}),
    ...(options.source ? { source: options.source } : {}),
    ...(options.edited?.length ? { edited: options.edited } : {}),
  };
  const levels = options.levels;
  const only = options.only;
  const directives = model.directives.length > 0;
  const out: Finding[] = [];
  for (const check of options.checks ?? CHECKS) {
    const code = check.meta.code;
    if (only && !only.includes(code)) continue;
    if (!model.isReport && code !== SOURCE_CHECK) continue;
    const level = levels ? levels[code] : undefined;
    if (level === 'off') continue;
    let raw: RawFinding[];
    try {
      raw = check.run(ctx);
    } catch (err) {
      const ilevel = levels?.[INTERNAL_ERROR.code];
      if (ilevel === 'off') continue;
      const detail = err instanceof Error ? err.message : String(err);
      out.push({
        code: INTERNAL_ERROR.code,
        severity: ilevel ?? INTERNAL_ERROR.defaultSeverity,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: ctx.t({ zh: `检查“${code}”出错，已跳过：${detail}`, en: `Check "${code}" failed and was skipped: ${detail}` }),
        data: { check: code },
      });
      continue;
    }
    for (const r of raw) {
      if (directives && disabledAt(model, code, r.range.start.line)) continue;
      const { escalate, soften, ...rest } = r;
      const base = soften && SEVERITY_ORDER[soften] > SEVERITY_ORDER[check.meta.defaultSeverity] ? soften : check.meta.defaultSeverity;
      const severity: Severity = level ?? (escalate && SEVERITY_ORDER[escalate] < SEVERITY_ORDER[base] ? escalate : base);
      out.push({ code, severity, ...rest });
    }
  }
  return sortFindings(out);
}

/** Findings in document order (then by severity and code), as every caller shows them. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => comparePositions(a.range.start, b.range.start) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.code < b.code ? -1 : 1));
}

/** Parse and check in one go. */
export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  if (options.maxSize !== undefined && overLimit(text, options.maxSize)) return tooLarge(text, options);
  const lines = splitLines(text);
  const model = parseLines(text, lines);
  const findings = runChecks(model, lines, options);
  return { model, findings };
}

/** Parse and check a report read from an original: its text view, with its tables' grids. */
/** What the checks are told of the original a text view was read from. */
export function sourceInfo(view: Pick<SourceView, 'kind' | 'problems' | 'images'>): SourceInfo {
  return { kind: view.kind, problems: view.problems, ...(view.images ? { images: view.images } : {}) };
}

export function checkView(view: Pick<SourceView, 'text' | 'grids' | 'kind' | 'problems' | 'images'>, options: CheckOptions = {}): CheckResult & { lines: Line[] } {
  const source = sourceInfo(view);
  if (options.maxSize !== undefined && overLimit(view.text, options.maxSize)) return { ...tooLarge(view.text, options), lines: [] };
  const lines = splitLines(view.text);
  const model = parseLines(view.text, lines, undefined, view.grids);
  return { model, findings: runChecks(model, lines, { ...options, source }), lines };
}

/** Whether a text is too large to check: over `maxSize` characters or `maxSize / 20` lines. */
export function overLimit(text: string, maxSize: number): boolean {
  return text.length > maxSize || lineCountOver(text, maxSize / 20);
}

/** Whether the text has more than `limit` lines (stops counting there). */
function lineCountOver(text: string, limit: number): boolean {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (++n > limit) return true;
  return false;
}

const mb = (n: number) => (n / 1_000_000).toFixed(1);

/** The model of a text not read for its size, with the one finding that says so. */
function tooLarge(text: string, options: CheckOptions): CheckResult {
  const lines = text.length > options.maxSize! ? 0 : text.split('\n').length;
  return notChecked(lines
    ? {
      en: `Not checked: the file has ${lines} lines, over the limit of ${options.maxSize! / 20} (a twentieth of the setting maxFileSize)`,
      zh: `未检查：文件有 ${lines} 行，超过上限 ${options.maxSize! / 20} 行（设置 maxFileSize 的二十分之一）`,
    }
    : {
      en: `Not checked: the file has ${mb(text.length)} million characters, over the limit of ${mb(options.maxSize!)} million (setting maxFileSize)`,
      zh: `未检查：文件有 ${mb(text.length)} 百万字符，超过上限 ${mb(options.maxSize!)} 百万（设置 maxFileSize）`,
    }, { size: text.length, limit: options.maxSize }, options);
}

/**
 * The result for a file refused by its size on disk, before it was read: `bytes` over `limit`, a limit that
 * follows from the setting maxFileSize (`fromSetting`) or is the readers' own.
 */
export function fileTooLarge(bytes: number, limit: number, fromSetting: boolean, options: CheckOptions): CheckResult {
  return notChecked({
    en: `Not checked (not even read): the file is ${mb(bytes)} MB, over the limit of ${mb(limit)} MB${fromSetting ? ` (the setting maxFileSize, ${options.maxSize} characters, at most ${MAX_BYTES_PER_CHAR} bytes each)` : ''}`,
    zh: `未检查（未读取）：文件大小 ${mb(bytes)} MB，超过上限 ${mb(limit)} MB${fromSetting ? `（按设置 maxFileSize ${options.maxSize} 字符、每字符至多 ${MAX_BYTES_PER_CHAR} 字节计）` : ''}`,
  }, { bytes, limit }, options);
}

function notChecked(message: { zh: string; en: string }, data: Record<string, unknown>, options: CheckOptions): CheckResult {
  const level = options.levels?.[FILE_TOO_LARGE.code];
  const findings: Finding[] = level === 'off' ? [] : [{
    code: FILE_TOO_LARGE.code,
    severity: level ?? FILE_TOO_LARGE.defaultSeverity,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: (options.locale ?? 'zh') === 'en' ? message.en : message.zh,
    data,
  }];
  return { model: { ...parseReport(''), isReport: false }, findings };
}

// ---------------------------------------------------------------------------------------------
// Applying fixes
// ---------------------------------------------------------------------------------------------

function offsetAt(lines: readonly Line[], pos: { line: number; character: number }, length: number): number {
  if (pos.line >= lines.length) return length;
  const l = lines[Math.max(0, pos.line)]!;
  return l.offset + Math.min(Math.max(0, pos.character), l.text.length);
}

/** Applies non-overlapping edits to a text; overlapping later edits are dropped. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = splitLines(text);
  const spans = edits
    .map((e) => ({ s: offsetAt(lines, e.range.start, text.length), e: offsetAt(lines, e.range.end, text.length), t: e.newText }))
    .sort((a, b) => a.s - b.s || a.e - b.e);
  let out = '';
  let at = 0;
  for (const sp of spans) {
    if (sp.s < at) continue;
    out += text.slice(at, sp.s) + sp.t;
    at = sp.e;
  }
  return out + text.slice(at);
}

function overlaps(a: Range, b: Range): boolean {
  const aEmpty = comparePositions(a.start, a.end) === 0;
  const bEmpty = comparePositions(b.start, b.end) === 0;
  if (aEmpty && bEmpty) return comparePositions(a.start, b.start) === 0;
  return comparePositions(a.start, b.end) < 0 && comparePositions(b.start, a.end) < 0;
}

/**
 * Whether two edits cannot both be applied: their ranges overlap. Two different insertions at one place can
 * (sections 五 and 六 both go before the signature): they land in the order given.
 */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  if (!overlaps(a.range, b.range)) return false;
  const empty = (r: Range) => comparePositions(r.start, r.end) === 0;
  return !(empty(a.range) && empty(b.range) && a.newText !== b.newText);
}

/** The fixes a finding offers, in order: its first fix, then the others. */
export function fixesOf(f: Finding): Fix[] {
  return f.fix ? [f.fix, ...(f.moreFixes ?? [])] : [...(f.moreFixes ?? [])];
}

/**
 * Which fixes a fix-all applies beyond the safe ones (which it always applies). The default, `{}`, is what
 * fix on save, "Apply all automatic fixes" and `govreport fix` do: safe fixes only.
 */
export interface FixChoice {
  /** Skeleton fixes too: structure with blanks and placeholders (`govreport fix --skeletons`). */
  skeletons?: boolean;
  /** The suggestions of these codes (`govreport fix --suggestions CODE,...`). */
  suggestions?: readonly string[];
  /** Only findings of these codes ("fix all of this kind"). */
  codes?: readonly string[];
  /** Leave the safe fixes out ("all of this kind" for a skeleton code). */
  noSafe?: boolean;
}

/** The fix of a finding that `choice` applies, if any: a named suggestion first, else a safe or chosen skeleton fix. */
export function chosenFix(f: Finding, choice: FixChoice = {}): Fix | undefined {
  if (choice.codes && !choice.codes.includes(f.code)) return undefined;
  const fixes = fixesOf(f);
  if (choice.suggestions?.includes(f.code)) {
    const s = fixes.find((x) => x.kind === 'suggestion');
    if (s) return s;
  }
  return fixes.find((x) => (x.kind === 'safe' && !choice.noSafe) || (x.kind === 'skeleton' && choice.skeletons));
}

/** A fix taken by a pass of fix-all, with the finding it fixes. */
interface Taken {
  finding: Finding;
  fix: Fix;
}

/** The fixes `choice` applies to these findings, skipping any that overlap one taken before it. */
function takeFixes(findings: readonly Finding[], choice: FixChoice): Taken[] {
  const taken: Taken[] = [];
  const edits: TextEdit[] = [];
  for (const f of findings) {
    const fix = chosenFix(f, choice);
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some((e) => edits.some((t) => conflicts(t, e)))) continue;
    taken.push({ finding: f, fix });
    edits.push(...fix.edits);
  }
  return taken;
}

/** The edits of every fix `choice` applies (safe only by default), skipping any that overlap an earlier one. */
export function fixAllEdits(findings: readonly Finding[], choice: FixChoice = {}): TextEdit[] {
  return takeFixes(findings, choice).flatMap((t) => t.fix.edits);
}

/**
 * Passes at most of safe fixes (and of skeletons, when chosen) in a fix-all: a fix that makes a table readable
 * may bring up the fixes of its labels. Reports reach a fixed point in one or two.
 */
const SAFE_PASSES = 4;

export interface FixResult {
  /** The fixed text. */
  text: string;
  /** What was fixed: per code, how many findings. */
  applied: Record<string, number>;
  /** The findings of the fixed text (what is left). */
  findings: Finding[];
}

/**
 * Fix-all. Safe fixes are applied and the text re-checked until none is left (a fixed point), so fixing twice
 * is fixing once. Chosen suggestions are applied once, to the report as the clerk wrote it (tidied); chosen
 * skeletons after them, with the safe fixes, to a fixed point — so nothing a skeleton inserts (its blanks, its
 * placeholders) is ever filled in by a later pass: applying fixes never turns one kind into another.
 */
export function fixText(text: string, options: CheckOptions = {}, choice: FixChoice = {}): FixResult {
  const applied: Record<string, number> = {};
  const only = choice.codes ? { codes: choice.codes } : {};
  let cur = text;
  let findings = checkText(cur, options).findings;
  const pass = (c: FixChoice): boolean => {
    const taken = takeFixes(findings, c);
    if (taken.length === 0) return false;
    const next = applyEdits(cur, taken.flatMap((t) => t.fix.edits));
    if (next === cur) return false;
    for (const t of taken) applied[t.finding.code] = (applied[t.finding.code] ?? 0) + 1;
    cur = next;
    findings = checkText(cur, options).findings;
    return true;
  };
  const safeLoop = () => {
    if (choice.noSafe) return;
    for (let i = 0; i < SAFE_PASSES && pass(only); i++);
  };
  safeLoop();
  if (choice.suggestions?.length) pass({ ...only, suggestions: choice.suggestions, noSafe: true });
  if (choice.skeletons) {
    // Structure inserted may make more structure insertable (rows written with tabs let a column be added).
    for (let i = 0; i < SAFE_PASSES && pass({ ...only, skeletons: true, noSafe: choice.noSafe }); i++);
  }
  return { text: cur, applied, findings };
}

/** Fix-all as text (safe fixes only, unless `choice` names more). */
export function fixAll(text: string, options: CheckOptions = {}, choice: FixChoice = {}): string {
  return fixText(text, options, choice).text;
}

/**
 * Fix-all as edits of the original text: the whole of fixText, as a line diff, so the editor applies one
 * change and applying it twice is the same as once.
 */
export function fixAllAsEdits(text: string, options: CheckOptions = {}, choice: FixChoice = {}): TextEdit[] {
  return diffLines(text, fixAll(text, options, choice));
}

/**
 * Fixes over several findings of one check, built when asked for (fill every blank of this table): the
 * check's groupFix for `finding`, given the findings of its code in the document.
 */
export function groupFixes(findings: readonly Finding[], finding: Finding, locale: Locale = 'zh', checks: readonly Check[] = CHECKS): Fix[] {
  const check = checks.find((c) => c.meta.code === finding.code);
  if (!check?.groupFix) return [];
  const t = (text: Bilingual) => (locale === 'en' ? text.en : text.zh);
  const fix = check.groupFix(finding, findings.filter((f) => f.code === finding.code), t);
  return fix ? [fix] : [];
}

export { metaOf, parseReport };
