/** The requests behind the editor's views of originals and "导出为 Word", and code actions on a view. */
import { type CodeAction, CodeActionKind, type CodeActionParams } from 'vscode-languageserver';
import { fixesOf, groupFixes } from '../../core/service';
import { problemMessage } from '../../core/checks/rules/source-unreadable';
import { tableName } from '../../core/checks/names';
import type { Locale } from '../../core/checks/types';
import { COMMAND_SAVE_EDITABLE, type ExportDocxResult, type SourceTextResult } from '../../protocol';
import { loadReaders } from '../../node/sources';
import type { Analysis } from '../analysis';
import type { Originals } from '../originals';
import { findingOf, MAX_REQUEST_DIAGNOSTICS, wanted } from './code-actions';

/** The text view of an original, read (and kept) by the server. */
export async function sourceText(originals: Originals, uri: string, locale: Locale): Promise<SourceTextResult> {
  const view = await originals.view(uri);
  return { text: view.text, kind: view.kind, problems: view.problems.map((p) => (locale === 'en' ? problemMessage(p).en : problemMessage(p).zh)) };
}

/** The analysed report as a .docx in the official layout. */
export async function exportDocxOf(a: Analysis): Promise<ExportDocxResult> {
  const { exportDocx } = await loadReaders();
  const { bytes, asText } = await exportDocx(a.model, a.lines);
  return { data: Buffer.from(bytes).toString('base64'), asText: asText.map((k) => tableName(k, a.locale)) };
}

/**
 * Code actions on the read-only text view of an original: no edit (it could not be saved, and the view would
 * no longer be the original); where a finding has a fix, one action "另存为可编辑的报告" to fix it there.
 */
export function readOnlyActions(a: Analysis, params: CodeActionParams): CodeAction[] {
  if (!wanted(CodeActionKind.QuickFix, params.context.only)) return [];
  const fixable = params.context.diagnostics.slice(0, MAX_REQUEST_DIAGNOSTICS).filter((d) => {
    const f = findingOf(a, d);
    return f && (fixesOf(f).length > 0 || groupFixes(a.findings, f, a.locale).length > 0);
  });
  if (fixable.length === 0) return [];
  const title = a.locale === 'en'
    ? 'Save as an editable report to fix this (the original is read-only)'
    : '另存为可编辑的报告后修复（原件的文本视图为只读）';
  return [{ title, kind: CodeActionKind.QuickFix, diagnostics: fixable, command: { title, command: COMMAND_SAVE_EDITABLE } }];
}
