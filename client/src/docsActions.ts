/**
 * A code action on every GovReport diagnostic: "show the documentation of this check". Complements the
 * diagnostic's code link (codeDescription.href, set by the server).
 */
import * as vscode from 'vscode';
import type { Messages } from './messages';
import { diagnosticCode, type RuleDocs } from './ruleDocs';

export class RuleDocsActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly docs: RuleDocs, private readonly messages: () => Messages) {}

  async provideCodeActions(
    _doc: vscode.TextDocument,
    _range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const codes = new Set(context.diagnostics.map(diagnosticCode).filter((c) => c !== undefined));
    if (codes.size === 0) return [];
    const known = new Set((await this.docs.all()).map((d) => d.code));
    const m = this.messages();
    return [...codes].filter((c) => known.has(c)).map((code) => {
      const action = new vscode.CodeAction(m.showDocsAction(code), vscode.CodeActionKind.QuickFix);
      action.command = { title: action.title, command: 'govreport.showRuleDocs', arguments: [code] };
      action.diagnostics = context.diagnostics.filter((d) => diagnosticCode(d) === code);
      return action;
    });
  }
}
