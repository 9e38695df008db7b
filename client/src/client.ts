/** The language client: starts dist/server.js in a Node process and talks to it over IPC. */
import { type ExtensionContext, type LogOutputChannel, workspace } from 'vscode';
import { WORKSPACE_TRUST, type WorkspaceTrustParams } from '../../server/src/protocol';
import {
  LanguageClient, type LanguageClientOptions, RevealOutputChannelOn, type ServerOptions, TransportKind,
} from 'vscode-languageclient/node';
import { DOCUMENT_SELECTOR } from './selector';

export const CLIENT_ID = 'govreport';
const SERVER_FLAGS = ['--max-semi-space-size=64'];
export const CLIENT_NAME = 'GovReport';
/** Commands the server's hovers and messages may link to (trusted in Markdown from the server). */
const TRUSTED_COMMANDS = ['govreport.showRuleDocs', 'workbench.actions.view.problems'];

export function createClient(context: ExtensionContext, output: LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  // The debug options apply when the extension host itself is being debugged (F5): attach to port 6009.
  const serverOptions: ServerOptions = {
    // A young generation large enough for one re-check's short-lived objects (see BENCHMARKS.md).
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_FLAGS } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_FLAGS, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    // Problems show as diagnostics and notifications; the log stays in the background ("Show the output").
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    markdown: { isTrusted: { enabledCommands: TRUSTED_COMMANDS }, supportHtml: false },
    // In an untrusted workspace a govreport.json cannot raise the server's limits (read again at each start).
    initializationOptions: () => ({ workspaceTrusted: workspace.isTrusted }),
  };
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  context.subscriptions.push(workspace.onDidGrantWorkspaceTrust(() => {
    const params: WorkspaceTrustParams = { trusted: true };
    if (client.isRunning()) void client.sendNotification(WORKSPACE_TRUST, params);
  }));
  return client;
}
