/**
 * Code actions. For each of our diagnostics: its fixes (a safe or skeleton fix first is preferred; a suggestion
 * only when the figures pin it down), a fix over several findings of its check (fill every blank of this
 * table), and "all of this kind in the document" for safe and skeleton fixes; a source.fixAll.govreport action
 * (safe fixes only) for editor.codeActionsOnSave; and "insert the 2021 table skeleton" in a section whose table
 * is missing.
 *
 * Nothing the request brings is trusted for edits: a diagnostic identifies a finding (code, range, and the
 * version in its data), and the edits are taken from the analysis of that version. Actions over many edits
 * are sent without them and built in codeAction/resolve when the client can resolve; requests and replies are
 * capped (MAX_REQUEST_DIAGNOSTICS, MAX_REPLY_EDITS).
 */
import {
  type CodeAction, CodeActionKind, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import { z } from 'zod';
import { SECTIONS } from '../../core/format/spec';
import { metaOf } from '../../core/checks/registry';
import { tableName } from '../../core/checks/names';
import type { Finding, Fix } from '../../core/checks/types';
import { chosenFix, type FixChoice, fixAllEdits, fixesOf, fixText, groupFixes } from '../../core/service';
import { diffLines } from '../../core/text/diff';
import { tableSkeleton } from '../../core/template';
import { insertLines } from '../../core/checks/edits';
import { FIX_ALL_KIND, type FixAllResult } from '../../protocol';
import type { Analysis } from '../analysis';
import { dataOf, sameRange, SOURCE } from '../convert';

/** The diagnostics of one request that are looked at; a client sends those under the cursor, a handful. */
export const MAX_REQUEST_DIAGNOSTICS = 100;
/** The edits one reply may carry in all; an action that would pass it is left out (or sent to be resolved). */
export const MAX_REPLY_EDITS = 10_000;
/** An action with more edits than this is sent without them, to be built in codeAction/resolve. */
const RESOLVE_FROM_EDITS = 2;
/** The findings a fix-all summary lists one by one (the rest are counted). */
const MAX_LISTED = 200;

/** Whether an action of `kind` is wanted, given the request's `only` filter (kinds are hierarchical). */
export function wanted(kind: string, only: string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((k) => k === '' || kind === k || kind.startsWith(`${k}.`));
}

function edit(a: Analysis, edits: TextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri: a.uri, version: a.version }, edits }] };
}

/** What an action to resolve stands for; carried in CodeAction.data and validated when it comes back. */
const position = z.object({ line: z.number().int().min(0), character: z.number().int().min(0) });
const resolveData = z.object({
  v: z.literal(2),
  uri: z.string().max(10_000),
  version: z.number().int(),
  /** group: the check's fix over several findings; kind: all of this kind; fixAll: source.fixAll. */
  what: z.enum(['group', 'kind', 'fixAll']),
  code: z.string().max(100).optional(),
  /** For `kind`: the kind of fix all of this kind applies. */
  kind: z.enum(['safe', 'skeleton']).optional(),
  range: z.object({ start: position, end: position }).optional(),
});
type ResolveData = z.infer<typeof resolveData>;

export interface CodeActionOptions {
  /** The client resolves code actions' edits (codeAction/resolve with `edit`): large edits are sent lazily. */
  resolveEdits: boolean;
}

/** Findings by code and range, per analysis (an analysis is immutable). */
const byKey = new WeakMap<Analysis, Map<string, Finding>>();

const keyOf = (code: unknown, r: Diagnostic['range']) => `${String(code)}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/** The finding a diagnostic stands for, in this analysis; undefined when it is stale or not ours. */
export function findingOf(a: Analysis, d: Diagnostic): Finding | undefined {
  if (d.source !== SOURCE || typeof d.code !== 'string' || !d.range?.start || !d.range.end) return undefined;
  // Data for another version: the finding may have moved or gone; the client asks again on the new version.
  if (dataOf(d, a.version) === null) return undefined;
  let index = byKey.get(a);
  if (!index) {
    index = new Map();
    for (const f of a.findings) if (!index.has(keyOf(f.code, f.range))) index.set(keyOf(f.code, f.range), f);
    byKey.set(a, index);
  }
  return index.get(keyOf(d.code, d.range));
}

/** A fix is preferred when it is the first and safe or skeleton, or a suggestion the figures pin down. */
function preferred(fix: Fix, i: number): boolean {
  return fix.kind === 'suggestion' ? fix.preferred === true : i === 0;
}

/** "All of this kind": the findings of `code` whose fixes of `kind` apply (only safe and skeleton fixes). */
function kindChoice(code: string, kind: 'safe' | 'skeleton'): FixChoice {
  return kind === 'safe' ? { codes: [code] } : { codes: [code], skeletons: true, noSafe: true };
}

export function codeActions(a: Analysis, params: CodeActionParams, options: CodeActionOptions = { resolveEdits: false }): CodeAction[] {
  const only = params.context.only;
  const out: CodeAction[] = [];
  const t = (zh: string, en: string) => (a.locale === 'en' ? en : zh);
  let budget = MAX_REPLY_EDITS;
  /** Adds an action with its edits, or (large, and the client resolves) with what to build them from. */
  const add = (action: CodeAction, edits: () => TextEdit[], lazy: Omit<ResolveData, 'v' | 'uri' | 'version'> | undefined, size: number): void => {
    if (lazy && options.resolveEdits && size >= RESOLVE_FROM_EDITS) {
      out.push({ ...action, data: { v: 2, uri: a.uri, version: a.version, ...lazy } satisfies ResolveData });
      return;
    }
    if (size > budget) return;
    const e = edits();
    if (e.length === 0 || e.length > budget) return;
    budget -= e.length;
    out.push({ ...action, edit: edit(a, e) });
  };

  if (wanted(CodeActionKind.QuickFix, only)) {
    const kinds = new Map<string, 'safe' | 'skeleton'>();
    const groups = new Set<string>();
    for (const d of params.context.diagnostics.slice(0, MAX_REQUEST_DIAGNOSTICS)) {
      const f = findingOf(a, d);
      if (!f) continue;
      fixesOf(f).forEach((fix, i) => {
        add({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: preferred(fix, i) }, () => fix.edits, undefined, fix.edits.length);
      });
      // A fix over several findings (fill every blank of this table): once per request, built on demand.
      const group = groupFixes(a.findings, f, a.locale)[0];
      const groupKey = `${f.code}:${group?.title}`;
      if (group && !groups.has(groupKey)) {
        groups.add(groupKey);
        add({ title: group.title, kind: CodeActionKind.QuickFix, diagnostics: [d] }, () => group.edits, { what: 'group', code: f.code, range: f.range }, group.edits.length);
      }
      const first = f.fix?.kind;
      if (first === 'safe' || first === 'skeleton') kinds.set(f.code, first);
    }
    for (const [code, kind] of kinds) {
      const choice = kindChoice(code, kind);
      const same = a.findings.filter((f) => f.code === code && chosenFix(f, choice));
      if (same.length < 2) continue;
      const desc = metaOf(code)?.description;
      const title = kind === 'safe'
        ? t(`修复本文档中所有“${desc?.zh ?? code}”问题（${same.length} 处，仅调整格式）`, `Fix all "${desc?.en ?? code}" problems in this document (${same.length}, form only)`)
        : t(`为本文档中所有“${desc?.zh ?? code}”问题插入待填写的结构（${same.length} 处）`, `Insert the structure to fill in for all "${desc?.en ?? code}" problems in this document (${same.length})`);
      const size = same.reduce((n, f) => n + chosenFix(f, choice)!.edits.length, 0);
      add({ title, kind: CodeActionKind.QuickFix }, () => fixAllEdits(a.findings, choice), { what: 'kind', code, kind }, size);
    }
  }

  if (wanted(FIX_ALL_KIND, only) && a.findings.some((f) => chosenFix(f))) {
    const title = t('应用所有自动修复（仅调整格式，政府信息公开年报）', 'Apply all automatic fixes (form only, GovReport)');
    // Always resolved lazily when the client can: fix-all re-checks the document until nothing safe is left.
    add({ title, kind: FIX_ALL_KIND }, () => diffLines(a.text, fixText(a.text, a.options).text), { what: 'fixAll' }, RESOLVE_FROM_EDITS);
  }

  // Insert the 2021 skeleton where a section's table is missing, even with table-missing switched off.
  if (wanted(CodeActionKind.RefactorRewrite, only) && a.model.isReport) {
    const line = params.range.start.line;
    for (const s of a.model.sections) {
      const spec = SECTIONS.find((x) => x.number === s.number)!;
      if (!spec.table || a.model.tables[spec.table] || line < s.range.start.line || line > s.range.end.line) continue;
      const table = spec.table;
      add({
        title: t(`插入${tableName(table, 'zh')}（2021 年格式骨架，空白待填写）`, `Insert the ${tableName(table, 'en')} (2021 skeleton, blank, to fill in)`),
        kind: CodeActionKind.RefactorRewrite,
      }, () => [insertLines(a.lines, s.range.start.line + 1, ['', ...tableSkeleton(table), ''], a.model.eol)], undefined, 1);
    }
  }
  return out;
}

/** The data of an action sent to be resolved, if it is ours and valid. */
export function resolveDataOf(action: CodeAction): ResolveData | undefined {
  const parsed = resolveData.safeParse(action?.data);
  return parsed.success ? parsed.data : undefined;
}

/**
 * codeAction/resolve: the edits of an action sent without them, built from the analysis of the version it
 * was offered for. An action for another version comes back without edits (the client asks again).
 */
export function resolveCodeAction(a: Analysis | undefined, action: CodeAction): CodeAction {
  const data = resolveDataOf(action);
  if (!a || !data || data.uri !== a.uri || data.version !== a.version) return action;
  let edits: TextEdit[] = [];
  if (data.what === 'fixAll') edits = diffLines(a.text, fixText(a.text, a.options).text);
  else if (data.what === 'kind' && data.code && data.kind) edits = fixAllEdits(a.findings, kindChoice(data.code, data.kind));
  else if (data.what === 'group' && data.code && data.range) {
    const f = a.findings.find((x) => x.code === data.code && sameRange(x.range, data.range!));
    if (f) edits = groupFixes(a.findings, f, a.locale)[0]?.edits ?? [];
  }
  if (edits.length === 0 || edits.length > MAX_REPLY_EDITS) return action;
  return { ...action, edit: edit(a, edits) };
}

/**
 * "Apply all automatic fixes": the safe fixes of the whole document, as edits, and what they changed and what
 * is left for a person (findings whose fixes are skeletons or suggestions, never applied here).
 */
export function fixAllOf(a: Analysis): { edits: TextEdit[]; result: FixAllResult } {
  const r = a.settings.enable ? fixText(a.text, a.options) : { text: a.text, applied: {}, findings: [] };
  const edits = diffLines(a.text, r.text);
  const left = r.findings.filter((f) => fixesOf(f).length > 0);
  const count = (sev: string) => r.findings.filter((f) => f.severity === sev).length;
  const result: FixAllResult = {
    applied: false,
    fixed: r.applied,
    left: left.slice(0, MAX_LISTED).map((f) => ({
      code: f.code,
      line: f.range.start.line,
      kinds: fixesOf(f).map((x) => x.kind),
      title: f.fix?.title ?? f.moreFixes?.[0]?.title ?? '',
    })),
    leftCount: left.length,
    errors: count('error'),
    warnings: count('warning'),
    notes: r.findings.length - count('error') - count('warning'),
  };
  return { edits, result };
}
