/**
 * Diagnostics, pulled by clients that support it (VS Code) and pushed to the others (Neovim 0.7). Checks are
 * coalesced per document to the next turn of the event loop and dropped when a newer version of the document
 * has already arrived (it waits in the queue and brings its own check); in a burst a check waits a moment for
 * the edits still coming (pace.ts). So a burst of edits costs a few checks, the last edit's diagnostics follow
 * it at once, and no stale result is ever published.
 */
import type { Connection, Diagnostic, DocumentDiagnosticReport, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TOO_MANY_PROBLEMS } from '../../core/checks/registry';
import type { Analysis, Analyzer } from '../analysis';
import { placeSuffix } from '../../core/source/place';
import { capFindings } from '../cap';
import { toDiagnostic } from '../convert';
import { logLine } from '../log';
import { BurstPace } from '../pace';

export class DiagnosticsPublisher {
  /** Per document, the check waiting to run: how to call it off. */
  private readonly pending = new Map<string, () => void>();
  private readonly pace = new BurstPace();
  /** Per open document, the analysis whose diagnostics were last pushed. */
  private readonly published = new Map<string, Analysis>();
  /** Files whose diagnostics were pushed by "check the workspace" (cleared when opened in a pull client). */
  private readonly pushedFiles = new Set<string>();
  pull = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyzer: Analyzer,
    /** Whether a newer version of the document than this one has arrived (and waits to be applied). */
    private readonly superseded: (uri: string, version: number) => boolean,
    private readonly onAnalysed: (a: Analysis) => void,
  ) {}

  /** The diagnostics of an analysis, within the editor's per-document limit. */
  static diagnostics(a: Analysis): Diagnostic[] {
    // In a text view of an original, each message also names its place there (page, table, row, cell).
    const withPlace = a.view ? a.findings.map((f) => ({ ...f, message: f.message + placeSuffix(a.view, f.range, a.locale) })) : a.findings;
    return capFindings(withPlace, a.locale, a.uri, a.settings.checks[TOO_MANY_PROBLEMS.code]).map((f) => toDiagnostic(f, a.uri, a.version, a.locale));
  }

  /** Pull: answer a textDocument/diagnostic request. */
  async report(uri: string, previousResultId: string | undefined): Promise<DocumentDiagnosticReport> {
    const doc = this.documents.get(uri);
    if (!doc) return { kind: 'full', items: [] };
    const a = await this.analyzer.analyse(doc);
    this.onAnalysed(a);
    if (previousResultId === a.resultId) return { kind: 'unchanged', resultId: a.resultId };
    return { kind: 'full', resultId: a.resultId, items: DiagnosticsPublisher.diagnostics(a) };
  }

  /** A document opened or changed. */
  changed(doc: TextDocument): void {
    if (this.pushedFiles.delete(doc.uri)) void this.connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    this.pace.edited(doc.uri);
    if (this.pull) {
      // Analyse anyway (cheap) so dependent features and the status bar see fresh results.
      this.schedule(doc.uri, false);
      return;
    }
    this.schedule(doc.uri, true);
  }

  private schedule(uri: string, publish: boolean): void {
    this.pending.get(uri)?.();
    const t = setImmediate(() => this.run(uri, publish, false));
    this.pending.set(uri, () => clearImmediate(t));
  }

  /** Checks the document's current version (unless superseded), after the wait its pace asks for. */
  private run(uri: string, publish: boolean, waited: boolean): void {
    this.pending.delete(uri);
    const doc = this.documents.get(uri);
    if (!doc || this.superseded(uri, doc.version)) return;
    const wait = waited ? 0 : this.pace.wait(uri);
    if (wait > 0) {
      const t = setTimeout(() => this.run(uri, publish, true), wait);
      this.pending.set(uri, () => clearTimeout(t));
      return;
    }
    const ended = this.pace.started(uri);
    this.analyzer.analyse(doc).then((a) => {
      ended();
      this.onAnalysed(a);
      // Published only if it is still the document's text (not a version number alone: clients may repeat one).
      const now = this.documents.get(uri);
      if (!publish || !now || now.version !== a.version || now.getText() !== a.text) return;
      // The very result already published (a refresh that found nothing new) is not sent again: a client
      // that repeats a version number could not tell it from the result of its next text.
      if (this.published.get(uri) === a) return;
      this.published.set(uri, a);
      void this.connection.sendDiagnostics({ uri, version: a.version, diagnostics: DiagnosticsPublisher.diagnostics(a) });
    }, (err: unknown) => this.connection.console.error(logLine({ zh: `检查 ${uri} 时出错：${String(err)}`, en: `checking ${uri} failed: ${String(err)}` })));
  }

  closed(uri: string): void {
    this.published.delete(uri);
    this.pending.get(uri)?.();
    this.pending.delete(uri);
    this.pace.forget(uri);
    if (!this.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Everything must be checked again (settings or a govreport.json changed). */
  refreshAll(): void {
    if (this.pull) {
      void this.connection.languages.diagnostics.refresh();
      for (const d of this.documents.all()) this.schedule(d.uri, false);
    } else for (const d of this.documents.all()) this.schedule(d.uri, true);
  }

  /** Re-check some open documents (their predecessor report changed). */
  refresh(uris: string[]): void {
    if (uris.length === 0) return;
    if (this.pull) void this.connection.languages.diagnostics.refresh();
    else for (const u of uris) this.schedule(u, true);
  }

  /** The files whose diagnostics "check the workspace" pushed (to check again when settings change). */
  pushedUris(): string[] {
    return [...this.pushedFiles];
  }

  /** Diagnostics of a file on disk, from "check the workspace". */
  pushFile(uri: string, diagnostics: Diagnostic[]): void {
    if (this.documents.get(uri) && this.pull) return; // open documents are pulled
    this.pushedFiles.add(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }
}
