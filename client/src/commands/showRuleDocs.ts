/** govreport.showRuleDocs: the Markdown preview of one check's documentation. */
import * as vscode from 'vscode';
import type { Locale } from '../locale';
import type { Messages } from '../messages';
import { diagnosticCode, type RuleDoc, type RuleDocs } from '../ruleDocs';

/** Accepts a code, `{ code }` (from a command link) or nothing (then asks); the page in the reader's language. */
export async function showRuleDocs(docs: RuleDocs, m: Messages, arg?: unknown, locale: Locale = 'zh'): Promise<vscode.Uri | undefined> {
  const all = await docs.all(locale);
  if (all.length === 0) {
    void vscode.window.showErrorMessage(m.noDocs);
    return undefined;
  }
  const code = typeof arg === 'string' ? arg : typeof arg === 'object' && arg !== null ? (arg as { code?: unknown }).code : undefined;
  let doc = typeof code === 'string' ? all.find((d) => d.code === code) : undefined;
  if (typeof code === 'string' && doc === undefined) void vscode.window.showWarningMessage(m.unknownRule(code));
  doc ??= await pick(docs, all, m);
  if (doc === undefined) return undefined;
  try {
    // Locked: a preview that follows the active editor would swap the page for a Markdown report.
    await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', doc.uri);
  } catch {
    // Without the built-in Markdown extension: the source is readable too.
    await vscode.window.showTextDocument(doc.uri, { preview: true });
  }
  return doc.uri;
}

type Item = vscode.QuickPickItem & { doc?: RuleDoc };

async function pick(docs: RuleDocs, all: RuleDoc[], m: Messages): Promise<RuleDoc | undefined> {
  const editor = vscode.window.activeTextEditor;
  const present = new Set(
    editor ? vscode.languages.getDiagnostics(editor.document.uri).map(diagnosticCode).filter((c) => c !== undefined) : [],
  );
  const titles = await Promise.all(all.map((d) => docs.title(d)));
  // The description first (it is what a clerk looks for), the code beside it.
  const item = (d: RuleDoc, i: number): Item => ({ label: titles[i] || d.code, description: titles[i] ? d.code : '', doc: d });
  const here = all.map(item).filter((x) => present.has(x.doc!.code));
  const items: Item[] = here.length === 0
    ? all.map(item)
    : [
        { label: m.inThisDocument, kind: vscode.QuickPickItemKind.Separator },
        ...here,
        { label: m.allRules, kind: vscode.QuickPickItemKind.Separator },
        ...all.map(item).filter((x) => !present.has(x.doc!.code)),
      ];
  const chosen = await vscode.window.showQuickPick(items, { placeHolder: m.pickRule, matchOnDescription: true });
  return chosen?.doc;
}
