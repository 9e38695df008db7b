/**
 * The status bar item for the active editor when it is a checked report: year, table format and error
 * count, with a warning background when the tables follow an outdated format. Also maintains the context
 * key `govreport.isReport` for menus.
 */
import * as vscode from 'vscode';
import { REPORT_INFO, type ReportInfo, type ReportInfoParams } from '../../server/src/protocol';
import type { LanguageServer } from './languageServer';
import type { Messages } from './messages';
import { isChecked } from './selector';
import { statusView } from './statusText';

export const IS_REPORT_CONTEXT = 'govreport.isReport';
const DEBOUNCE_MS = 150;

export class ReportStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every refresh, so a late answer for another editor is dropped. */
  private generation = 0;
  private isReport = false;

  constructor(
    private readonly server: LanguageServer,
    private readonly messages: () => Messages,
  ) {
    this.item = vscode.window.createStatusBarItem('govreport.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = messages().statusName;
    this.item.command = 'workbench.actions.view.problems';
    const activeUri = () => vscode.window.activeTextEditor?.document.uri.toString();
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const uri = activeUri();
        if (uri !== undefined && e.uris.some((u) => u.toString() === uri)) this.schedule(DEBOUNCE_MS);
      }),
      // A language change (plain text → govreport) reopens the document under the same editor.
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (doc.uri.toString() === activeUri()) this.schedule(DEBOUNCE_MS);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('govreport')) this.schedule(DEBOUNCE_MS);
      }),
    ];
    this.schedule(0);
  }

  /** Refresh after `delay` ms, coalescing the calls in between. */
  schedule(delay: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delay);
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const doc = vscode.window.activeTextEditor?.document;
    if (doc === undefined || !isChecked(doc)) return this.show(undefined);
    let info: ReportInfo | undefined;
    try {
      const params: ReportInfoParams = { uri: doc.uri.toString() };
      info = await this.server.request<ReportInfo>(REPORT_INFO, params);
    } catch {
      info = undefined; // server not running or not ready: say nothing
    }
    if (generation === this.generation) this.show(info?.isReport ? info : undefined);
  }

  private show(info: ReportInfo | undefined): void {
    const isReport = info !== undefined;
    if (isReport !== this.isReport) {
      this.isReport = isReport;
      void vscode.commands.executeCommand('setContext', IS_REPORT_CONTEXT, isReport);
    }
    if (info === undefined) {
      this.item.hide();
      return;
    }
    const m = this.messages();
    const view = statusView(info, m);
    this.item.name = m.statusName;
    this.item.text = view.text;
    this.item.tooltip = new vscode.MarkdownString(view.tooltip);
    this.item.accessibilityInformation = { label: view.text.replace(/^\$\([\w-]+\)\s*/, ''), role: 'button' };
    this.item.backgroundColor = view.outdated ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
