/**
 * govreport.applyAllFixes: applies the safe fixes of the active report (the server's govreport.fixAll: form
 * only, never a number or a sentence) and says, in a notification, what it changed and what is left for the
 * clerk to decide (skeletons and suggestions are never applied here), with a way to the Problems view.
 */
import * as vscode from 'vscode';
import { COMMAND_FIX_ALL, type FixAllResult } from '../../../server/src/protocol';
import type { LanguageServer } from '../languageServer';
import type { Messages } from '../messages';

export async function applyAllFixes(server: LanguageServer, m: Messages, log: vscode.LogOutputChannel): Promise<FixAllResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(m.fixNoEditor);
    return undefined;
  }
  let result: FixAllResult | undefined;
  try {
    // The language client registers the server's command once the server runs.
    await server.ready();
    result = await vscode.commands.executeCommand<FixAllResult>(COMMAND_FIX_ALL, { uri: editor.document.uri.toString() });
  } catch (err) {
    log.error(`Apply all automatic fixes failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    void vscode.window.showErrorMessage(m.fixFailed(err instanceof Error ? err.message : String(err)));
    return undefined;
  }
  if (!result) return undefined;
  const fixed = Object.entries(result.fixed ?? {});
  const total = fixed.reduce((n, [, k]) => n + k, 0);
  let text = result.applied && total > 0 ? m.fixApplied(total, fixed.map(([code, k]) => `${code} ${k}`).join(m.listSeparator)) : m.fixNothing;
  if (result.leftCount > 0) text += ' ' + m.fixLeft(result.leftCount);
  text += ' ' + m.fixRemaining(result.errors, result.warnings);
  log.info(`Apply all automatic fixes: ${JSON.stringify(result.fixed)}; left to decide ${result.leftCount}; ${result.errors} errors, ${result.warnings} warnings`);
  const shown = result.errors > 0 || result.leftCount > 0
    ? vscode.window.showWarningMessage(text, m.openProblems)
    : vscode.window.showInformationMessage(text, m.openProblems);
  void shown.then((choice) => {
    if (choice === m.openProblems) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return result;
}
