/**
 * govreport.checkWorkspace: sends every *.txt, *.md and *.govreport file of the workspace, and every original
 * (.docx, .pdf, .html), to the server in batches, with progress; the server publishes the diagnostics (an
 * original's on its read-only text view), so results land in the Problems view.
 */
import * as vscode from 'vscode';
import { CHECK_FILES, type CheckFilesParams, type CheckFilesResult } from '../../../server/src/protocol';
import type { LanguageServer } from '../languageServer';
import type { Messages } from '../messages';
import { addResults, batches, type CheckSummary, emptySummary, excludeGlob } from '../summary';

export const INCLUDE_GLOB = '**/*.{txt,md,govreport,docx,pdf,html,htm}';
const BATCH_SIZE = 25;

export async function checkWorkspace(
  server: LanguageServer,
  m: Messages,
  log: vscode.LogOutputChannel,
): Promise<CheckSummary | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showWarningMessage(m.noWorkspace);
    return undefined;
  }
  const exclude = excludeGlob(vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude'));
  const uris = (await vscode.workspace.findFiles(INCLUDE_GLOB, exclude)).map((u) => u.toString()).sort();
  if (uris.length === 0) {
    void vscode.window.showInformationMessage(m.noFiles);
    return emptySummary(0);
  }
  const sum = emptySummary(uris.length);
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: m.checking, cancellable: true },
      async (progress, token) => {
        progress.report({ message: `0/${uris.length}` });
        for (const batch of batches(uris, BATCH_SIZE)) {
          if (token.isCancellationRequested) break;
          const params: CheckFilesParams = { uris: batch };
          const result = await server.request<CheckFilesResult>(CHECK_FILES, params, token);
          addResults(sum, result.files);
          progress.report({ message: `${sum.files}/${uris.length}`, increment: (batch.length / uris.length) * 100 });
        }
        sum.cancelled = token.isCancellationRequested;
      },
    );
  } catch (err) {
    if (!sum.cancelled && !isCancellation(err)) {
      void vscode.window.showErrorMessage(m.checkFailed(err instanceof Error ? err.message : String(err)));
      return undefined;
    }
    sum.cancelled = true;
  }
  // The output channel speaks the user's language too: the summary sends them there for the unreadable files.
  for (const f of sum.unreadable) log.warn(m.logUnreadable(displayPath(f.uri), f.error ?? ''));
  log.info(m.logChecked(sum.files, sum.total, sum.reports, sum.errors, sum.warnings, sum.cancelled));
  showSummary(sum, m);
  return sum;
}

/** A file's path as the user knows it (not its URI with %-escapes); the URI when it is not a file. */
function displayPath(uri: string): string {
  try {
    const u = vscode.Uri.parse(uri, true);
    return u.scheme === 'file' ? u.fsPath : uri;
  } catch {
    return uri;
  }
}

function isCancellation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === -32800; // RequestCancelled
}

function showSummary(sum: CheckSummary, m: Messages): void {
  let text = m.summary(sum.files, sum.reports, sum.errors, sum.warnings);
  if (sum.cancelled) text = m.cancelled(sum.files, sum.total) + ' ' + text;
  if (sum.unreadable.length > 0) text += ' ' + m.unreadable(sum.unreadable.length);
  const shown = sum.errors > 0
    ? vscode.window.showWarningMessage(text, m.openProblems)
    : vscode.window.showInformationMessage(text, m.openProblems);
  void shown.then((choice) => {
    if (choice === m.openProblems) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
}
