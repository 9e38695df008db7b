/**
 * The GovReport extension: starts the language server, switches plain-text reports to the 'govreport'
 * language, shows the status bar item and registers the commands. activate() stays lean: it only
 * registers things; the language client library loads and the server starts right after it returns. The
 * time of the extension's own activation work is logged to the "GovReport" output channel.
 */
import { loadStart } from './clock'; // first: its timestamp is taken before the other modules load
import * as vscode from 'vscode';
import { SETTINGS_CHANGED, SETTINGS_SECTION } from '../../server/src/protocol';
import { applyAllFixes } from './commands/applyAllFixes';
import { checkWorkspace } from './commands/checkWorkspace';
import { newReport, type NewReportArgs } from './commands/newReport';
import { showRuleDocs } from './commands/showRuleDocs';
import { RuleDocsActions } from './docsActions';
import { InlineMessages } from './inlineMessages';
import { LanguageServer, ms } from './languageServer';
import { LanguageSwitch } from './languageSwitch';
import { Originals } from './originals';
import { resolveLocale } from './locale';
import { type Messages, messages } from './messages';
import { RuleDocs } from './ruleDocs';
import { SymbolRefresh } from './refresh';
import { DOCUMENT_SELECTOR } from './selector';
import { ReportStatusBar } from './statusBar';

/** All modules of the bundle are evaluated (this module's body runs last). */
const loadEnd = performance.now();

/** The output channel's name; the language client logs there too. */
export const OUTPUT_NAME = 'GovReport';

/** The Get Started walkthrough (contributes.walkthroughs). */
export const WALKTHROUGH_ID = 'govreport.start';

/** What activate() returns (for tests and benchmarks). */
export interface GovReportApi {
  /**
   * Milliseconds of the extension's own work: evaluating the bundle's modules (`loadMs`) plus activate()
   * (`activateMs`). The time the editor takes between loading the module and calling activate() is not ours.
   */
  activation: { totalMs: number; loadMs: number; activateMs: number };
  /** Resolves when the language server runs. */
  ready(): Promise<void>;
}

let server: LanguageServer | undefined;

export function activate(context: vscode.ExtensionContext): GovReportApi {
  const activateStart = performance.now();
  const output = vscode.window.createOutputChannel(OUTPUT_NAME, { log: true });
  context.subscriptions.push(output);
  const locale = () => resolveLocale(vscode.workspace.getConfiguration(SETTINGS_SECTION).get('locale'), vscode.env.language);
  const m = (): Messages => messages(locale());

  const ls = new LanguageServer(context, output);
  server = ls;
  const docs = new RuleDocs(context.extensionUri);
  const command = (id: string, run: (...args: any[]) => unknown) => vscode.commands.registerCommand(id, run);
  const originals = new Originals(ls, locale);
  const status = new ReportStatusBar(ls, m);
  const symbols = new SymbolRefresh();
  // The server checked everything again after a settings change: the Outline and the status bar ask again.
  ls.onNotification(SETTINGS_CHANGED, () => {
    symbols.refresh();
    status.schedule(0);
  });
  context.subscriptions.push(
    symbols,
    new LanguageSwitch(output),
    status,
    new InlineMessages(m),
    vscode.languages.registerCodeActionsProvider(DOCUMENT_SELECTOR, new RuleDocsActions(docs, m), {
      providedCodeActionKinds: RuleDocsActions.kinds,
    }),
    command('govreport.newReport', (args?: NewReportArgs) => newReport(ls, m(), args)),
    command('govreport.checkWorkspace', () => checkWorkspace(ls, m(), output)),
    command('govreport.showRuleDocs', (code?: unknown) => showRuleDocs(docs, m(), code, locale())),
    // The text view of an original is read-only: it says so and offers 另存为可编辑的报告 instead.
    command('govreport.applyAllFixes', () => (originals.refusesEdit() ? undefined : applyAllFixes(ls, m(), output))),
    command('govreport.restartServer', () =>
      ls.restart().catch(() => void vscode.window.showErrorMessage(m().serverNotRunning))),
    command('govreport.showOutput', () => output.show(true)),
    command('govreport.openWalkthrough', () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false)),
    ...originals.register(),
  );

  const end = performance.now();
  const loadMs = loadEnd - loadStart;
  const activation = { totalMs: ms(loadMs + end - activateStart), loadMs: ms(loadMs), activateMs: ms(end - activateStart) };
  output.info(`GovReport activated in ${activation.totalMs} ms (module load ${activation.loadMs} ms, activate ${activation.activateMs} ms)`);
  return { activation, ready: () => ls.ready() };
}

export async function deactivate(): Promise<void> {
  const s = server;
  server = undefined;
  await s?.stop();
}
