/**
 * Plain-text documents that are annual reports become 'govreport' documents (highlighting, the commands'
 * menus). Markdown reports stay Markdown: the server checks them anyway. Each document is switched at most
 * once, so a user who sets the language back to Plain Text keeps it.
 */
import * as vscode from 'vscode';
import { HEAD_CHARS, HEAD_LINES, looksLikeReport } from './detect';
import { LANGUAGE_ID } from './selector';

/** Where a switch makes sense: files, new files, and old versions in a diff (not output panels and the like). */
const SCHEMES = new Set(['file', 'untitled', 'git']);

export class LanguageSwitch implements vscode.Disposable {
  private readonly decided = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((doc) => this.consider(doc)),
      // A report pasted into a new untitled file.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.isUntitled && e.contentChanges.length > 0) this.consider(e.document);
      }),
      // Forget documents really closed (a language change closes and reopens at once), so a report
      // opened again later is switched again.
      vscode.workspace.onDidCloseTextDocument((doc) => {
        const key = doc.uri.toString();
        setTimeout(() => {
          if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) this.decided.delete(key);
        }, 0);
      }),
    ];
    for (const doc of vscode.workspace.textDocuments) this.consider(doc);
  }

  private consider(doc: vscode.TextDocument): void {
    if (doc.languageId !== 'plaintext' || !SCHEMES.has(doc.uri.scheme)) return;
    const key = doc.uri.toString();
    if (this.decided.has(key)) return;
    const head = doc.getText(new vscode.Range(0, 0, HEAD_LINES, 0)).slice(0, HEAD_CHARS);
    if (!looksLikeReport(head)) {
      // An untitled file may become a report when text is pasted; a file on disk is decided at once.
      if (!doc.isUntitled) this.decided.add(key);
      return;
    }
    this.decided.add(key);
    vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID).then(
      () => this.log.info(`Plain text that reads as an annual report is now a GovReport document: ${key}`),
      (err: unknown) => this.log.warn(`Could not set the language of ${key}: ${String(err)}`),
    );
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
