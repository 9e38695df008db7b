/**
 * Code actions: for each of our diagnostics its fix ("fix this", preferred) and further fixes; "fix all of
 * this kind in the document"; a source.fixAll.govreport action for editor.codeActionsOnSave; and "insert the
 * 2021 table skeleton" in a section whose table is missing. Edits come from the core's fix data carried in
 * the diagnostic (validated on the way back in), versioned so a stale fix is refused by the editor.
 */
import {
  type CodeAction, CodeActionKind, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import { SECTIONS } from '../../core/format/spec';
import { metaOf } from '../../core/checks/registry';
import { tableName } from '../../core/checks/names';
import { fixAllAsEdits, fixAllEdits } from '../../core/service';
import { tableSkeleton } from '../../core/template';
import { insertLines } from '../../core/checks/edits';
import { FIX_ALL_KIND } from '../../protocol';
import type { Analysis } from '../analysis';
import { fixesOf, sameRange, SOURCE } from '../convert';

/** Whether an action of `kind` is wanted, given the request's `only` filter (kinds are hierarchical). */
export function wanted(kind: string, only: string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((k) => k === '' || kind === k || kind.startsWith(`${k}.`));
}

function edit(a: Analysis, edits: TextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri: a.uri, version: a.version }, edits }] };
}

export function codeActions(a: Analysis, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const out: CodeAction[] = [];
  const t = (zh: string, en: string) => (a.locale === 'en' ? en : zh);

  if (wanted(CodeActionKind.QuickFix, only)) {
    const kinds = new Set<string>();
    for (const d of params.context.diagnostics) {
      if (d.source !== SOURCE) continue;
      const fixes = fixesOf(d, a.version) ?? fallbackFixes(a, d);
      fixes.forEach((f, i) => {
        out.push({ title: f.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: i === 0, edit: edit(a, f.edits) });
      });
      if (fixes.length > 0 && typeof d.code === 'string') kinds.add(d.code);
    }
    for (const code of kinds) {
      const same = a.findings.filter((f) => f.code === code && f.fix);
      if (same.length < 2) continue;
      const edits = fixAllEdits(same);
      const desc = metaOf(code)?.description;
      out.push({
        title: t(`修复本文档中所有“${desc?.zh ?? code}”问题（${same.length} 处）`, `Fix all "${desc?.en ?? code}" problems in this document (${same.length})`),
        kind: CodeActionKind.QuickFix,
        edit: edit(a, edits),
      });
    }
  }

  if (wanted(FIX_ALL_KIND, only)) {
    const edits = a.findings.some((f) => f.fix) ? fixAllAsEdits(a.text, a.options) : [];
    if (edits.length > 0) {
      out.push({ title: t('修复所有可自动修复的问题（政府信息公开年报）', 'Fix all auto-fixable problems (GovReport)'), kind: FIX_ALL_KIND, edit: edit(a, edits) });
    }
  }

  // Insert the 2021 skeleton where a section's table is missing, even with table-missing switched off.
  if (wanted(CodeActionKind.RefactorRewrite, only) && a.model.isReport) {
    const line = params.range.start.line;
    for (const s of a.model.sections) {
      const spec = SECTIONS.find((x) => x.number === s.number)!;
      if (!spec.table || a.model.tables[spec.table] || line < s.range.start.line || line > s.range.end.line) continue;
      out.push({
        title: t(`插入${tableName(spec.table, 'zh')}（2021 年格式骨架）`, `Insert the ${tableName(spec.table, 'en')} (2021 skeleton)`),
        kind: CodeActionKind.RefactorRewrite,
        edit: edit(a, [insertLines(a.lines, s.range.start.line + 1, ['', ...tableSkeleton(spec.table), ''], a.model.eol)]),
      });
    }
  }
  return out;
}

/** Fixes of a diagnostic whose data did not come back (some clients drop it): match our current findings. */
function fallbackFixes(a: Analysis, d: Diagnostic) {
  const f = a.findings.find((x) => x.code === d.code && sameRange(x.range, d.range));
  return f ? [...(f.fix ? [f.fix] : []), ...(f.moreFixes ?? [])] : [];
}
