/**
 * The protocol can refresh diagnostics but not document symbols: after a change of language the Outline and
 * the breadcrumbs would keep their old names until the next edit. Registering a document symbol provider
 * (for a scheme no document has) and removing it at once makes VS Code drop its cached symbols and ask every
 * provider again, ours included.
 */
import * as vscode from 'vscode';

const NO_DOCUMENTS = { scheme: 'govreport-refresh' };

export function refreshSymbols(): void {
  vscode.languages.registerDocumentSymbolProvider(NO_DOCUMENTS, { provideDocumentSymbols: () => [] }).dispose();
}
