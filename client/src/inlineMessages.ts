/**
 * `govreport.inlineMessages` (off by default): each finding's message at the end of its line, for clerks who
 * never open the Problems view. One message a line (the most severe; "and N more" when there are others),
 * coloured like its squiggle, in every visible editor of a checked document.
 */
import * as vscode from 'vscode';
import type { Messages } from './messages';
import { isChecked } from './selector';

export const INLINE_SETTING = 'inlineMessages';
/** Longer messages are cut, so a line's message never pushes the next far out of sight. */
export const MAX_INLINE_CHARS = 120;
const SOURCE = 'govreport';

const COLORS: Record<vscode.DiagnosticSeverity, string> = {
  [vscode.DiagnosticSeverity.Error]: 'editorError.foreground',
  [vscode.DiagnosticSeverity.Warning]: 'editorWarning.foreground',
  [vscode.DiagnosticSeverity.Information]: 'editorInfo.foreground',
  [vscode.DiagnosticSeverity.Hint]: 'editorHint.foreground',
};

/** The text shown at the end of a line for its diagnostics (pure). */
export function inlineText(diagnostics: readonly { message: string }[], m: Messages): string {
  const first = diagnostics[0]!.message.replace(/\s+/g, ' ');
  const cut = first.length > MAX_INLINE_CHARS ? `${first.slice(0, MAX_INLINE_CHARS - 1)}…` : first;
  return diagnostics.length > 1 ? `${cut}${m.inlineMore(diagnostics.length - 1)}` : cut;
}

export class InlineMessages implements vscode.Disposable {
  private readonly types = new Map<vscode.DiagnosticSeverity, vscode.TextEditorDecorationType>();
  private readonly subscriptions: vscode.Disposable[];
  private enabled = false;

  constructor(private readonly messages: () => Messages) {
    for (const [severity, color] of Object.entries(COLORS)) {
      this.types.set(Number(severity) as vscode.DiagnosticSeverity, vscode.window.createTextEditorDecorationType({
        after: { color: new vscode.ThemeColor(color), margin: '0 0 0 3em', fontStyle: 'italic' },
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }));
    }
    this.subscriptions = [
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (!this.enabled) return;
        const changed = new Set(e.uris.map((u) => u.toString()));
        for (const editor of vscode.window.visibleTextEditors) if (changed.has(editor.document.uri.toString())) this.update(editor);
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        if (this.enabled) for (const editor of editors) this.update(editor);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`govreport.${INLINE_SETTING}`) || e.affectsConfiguration('govreport.locale')) this.configure();
      }),
    ];
    this.configure();
  }

  private configure(): void {
    this.enabled = vscode.workspace.getConfiguration('govreport').get<boolean>(INLINE_SETTING) === true;
    for (const editor of vscode.window.visibleTextEditors) this.update(editor);
  }

  private update(editor: vscode.TextEditor): void {
    const doc = editor.document;
    const byType = new Map<vscode.DiagnosticSeverity, vscode.DecorationOptions[]>();
    if (this.enabled && isChecked(doc)) {
      const byLine = new Map<number, vscode.Diagnostic[]>();
      for (const d of vscode.languages.getDiagnostics(doc.uri)) {
        if (d.source !== SOURCE) continue;
        const line = Math.min(d.range.start.line, doc.lineCount - 1);
        byLine.set(line, [...(byLine.get(line) ?? []), d]);
      }
      const m = this.messages();
      for (const [line, list] of byLine) {
        list.sort((a, b) => a.severity - b.severity);
        const end = doc.lineAt(line).range.end;
        const options = byType.get(list[0]!.severity) ?? [];
        options.push({ range: new vscode.Range(end, end), renderOptions: { after: { contentText: inlineText(list, m) } } });
        byType.set(list[0]!.severity, options);
      }
    }
    for (const [severity, type] of this.types) editor.setDecorations(type, byType.get(severity) ?? []);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    for (const t of this.types.values()) t.dispose();
  }
}
