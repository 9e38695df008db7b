/**
 * The protocol can refresh diagnostics but not document symbols, and VS Code keeps a document's symbols
 * until its text changes or the list of symbol providers for it does: after a change of language the Outline,
 * the breadcrumbs and Go to Symbol would keep their old names until the next edit. So a second provider that
 * never returns anything is registered for the same documents, and replaced by a new one to refresh: the list
 * of providers differs, and VS Code asks every provider again, ours included.
 */
import * as vscode from 'vscode';
import { DOCUMENT_SELECTOR } from './selector';

/** Contributes no symbols (an empty group, which the Outline leaves out). */
const NOTHING: vscode.DocumentSymbolProvider = { provideDocumentSymbols: () => [] };

export class SymbolRefresh implements vscode.Disposable {
  private registration: vscode.Disposable;

  constructor() {
    this.registration = this.register();
  }

  private register(): vscode.Disposable {
    return vscode.languages.registerDocumentSymbolProvider(DOCUMENT_SELECTOR, { ...NOTHING });
  }

  /** Makes VS Code fetch the symbols of open documents again. */
  refresh(): void {
    const old = this.registration;
    this.registration = this.register();
    old.dispose();
  }

  dispose(): void {
    this.registration.dispose();
  }
}
