/**
 * The GovReport language server: a thin adapter of the core to LSP. Runs under the VS Code client (IPC) or
 * standalone for any LSP editor: `govreport-language-server --stdio`.
 */
import {
  CancellationToken, type CodeActionParams, CodeActionKind, createConnection, DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification, ErrorCodes, type InitializeParams, type InitializeResult, LSPErrorCodes, type Message,
  type ResponseMessage, ResponseError, TextDocuments, TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CHECK_FILES, type CheckFilesParams, COMMAND_FIX_ALL, EXPORT_DOCX, type ExportDocxParams, SOURCE_TEXT, type SourceTextParams, FIX_ALL_KIND, REPORT_INFO,
  type ReportInfoParams, SETTINGS_CHANGED, TEMPLATE, type TemplateParams, WORKSPACE_TRUST, type WorkspaceTrustParams,
} from '../protocol';
import { resolveLocale } from '../core/settings';
import { Analyzer } from './analysis';
import { exportDocxOf, readOnlyActions, sourceText } from './features/originals';
import { isOriginalUri, Originals } from './originals';
import { validatingDocuments } from './documents';
import { EditTracker } from './edits';
import { codeActions, fixAllOf, resolveCodeAction, resolveDataOf } from './features/code-actions';
import { DiagnosticsPublisher } from './features/diagnostics';
import { foldingRanges } from './features/folding';
import { hoverAt } from './features/hover';
import { checkFiles, reportInfo, template } from './features/requests';
import { documentSymbols } from './features/symbols';
import { describeStop, ReportIndex } from './report-index';
import { SettingsStore } from './settings';
import { Workspace } from './workspace';
import { logLine } from './log';
import { createTransport, rateLimited } from './transport';
import { describeUnsynced } from './gate';

import { setFlagsFromString } from 'node:v8';

// A check of a large report allocates tens of megabytes of short-lived objects; a young generation big
// enough for them halves the time of each re-check (measured in BENCHMARKS.md). Set as early as possible;
// the VS Code client also passes it on the command line, where it takes full effect.
setFlagsFromString('--max-semi-space-size=64');

declare const GOVREPORT_VERSION: string | undefined;
const VERSION = typeof GOVREPORT_VERSION === 'string' ? GOVREPORT_VERSION : '0.0.0-dev';

if (process.argv.includes('--version') || process.argv.includes('-v')) {
  process.stdout.write(`${VERSION}\n`);
  process.exit(0);
}
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write('govreport-language-server: the GovReport language server.\nUsage: govreport-language-server --stdio   (or --node-ipc, --socket=PORT)\n');
  process.exit(0);
}

// Problems of the input go to standard error, which every client keeps (VS Code's output channel, Neovim's lsp.log).
const transport = createTransport(process.argv.slice(2), rateLimited((text) => void process.stderr.write(`${text}\n`)));
/** A request cancelled while it still waits in the queue is answered at once, without running it. */
const cancelUndispatched = (m: Message): ResponseMessage => ({
  jsonrpc: '2.0', id: (m as { id?: number | string }).id ?? null, error: { code: LSPErrorCodes.RequestCancelled, message: 'cancelled' },
});
const connection = createConnection(transport.reader, transport.writer, { connectionStrategy: { cancelUndispatched } });
const edits = new EditTracker();
const validated = validatingDocuments((uri, reason) => {
  connection.console.error(logLine({ zh: `拒绝了对 ${uri} 的修改：${reason.zh}；文档保留原来的文本`, en: `refused a change of ${uri}: ${reason.en}; the document keeps its text` }));
});
const documents = new TextDocuments<TextDocument>({
  ...validated,
  update: (doc, changes, version) => {
    const uri = doc.uri;
    const next = validated.update(doc, changes, version);
    // Each change also moves the record of where the user just edited (findings go to the cell they touched).
    edits.record(uri, changes);
    return next;
  },
});
let clientLocale: string | undefined;
let canPullConfig = false;
let canWatchFiles = false;
let canRegisterConfig = false;
let canFollowFolders = false;
/** The client builds large code actions' edits with codeAction/resolve (VS Code does). */
let canResolveEdits = false;

let canShowDocument = false;
const workspace = new Workspace();
const settings = new SettingsStore(connection, {
  canPull: () => canPullConfig,
  locale: () => clientLocale,
  canShowDocument: () => canShowDocument,
  trusted: () => workspace.trusted,
  inside: (file) => workspace.containsPath(file),
});
const index = new ReportIndex(workspace);
const originals = new Originals();
const analyzer: Analyzer = new Analyzer(settings, index, () => clientLocale, (uri) => {
  const doc = documents.get(uri);
  return doc ? analyzer.peek(doc) : undefined;
}, (uri) => edits.get(uri), originals);
const publisher = new DiagnosticsPublisher(connection, documents, analyzer, (uri, version) => transport.reader.superseded(uri, version), (a) => {
  // A report whose successor is open: that one's R9 result may change.
  const successors = index.successorsOf(a.model, documents.keys()).filter((u) => u !== a.uri);
  const stale = successors.filter((u) => {
    const d = documents.get(u);
    return d && analyzer.peek(d);
  });
  for (const u of stale) analyzer.invalidate(u);
  publisher.refresh(stale);
});

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');

/**
 * Runs a handler; bad input becomes an error response (a rejected promise), never a crash. A request cancelled
 * before it starts, or while it runs, is answered with RequestCancelled instead of its (now unwanted) result.
 */
function guard<P, R>(name: string, fn: (p: P, token: CancellationToken) => R | Promise<R>): (p: P, token: CancellationToken) => Promise<R> {
  return async (p: P, token: CancellationToken) => {
    try {
      if (token?.isCancellationRequested) throw cancelled();
      const result = await fn(p, token);
      if (token?.isCancellationRequested) throw cancelled();
      return result;
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      connection.console.error(logLine({ zh: `${name} 出错：${(err as Error)?.stack ?? String(err)}`, en: `${name} failed: ${(err as Error)?.stack ?? String(err)}` }));
      throw new ResponseError(ErrorCodes.InternalError, logLine({ zh: `${name} 出错：${(err as Error)?.message ?? String(err)}`, en: `${name} failed: ${(err as Error)?.message ?? String(err)}` }));
    }
  };
}

function uriOf(p: unknown): string {
  const uri = (p as { textDocument?: { uri?: unknown }; uri?: unknown })?.textDocument?.uri ?? (p as { uri?: unknown })?.uri;
  if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'missing textDocument.uri');
  return uri;
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  clientLocale = params.locale;
  const caps = params.capabilities;
  canPullConfig = !!caps.workspace?.configuration;
  canRegisterConfig = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
  canWatchFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  canShowDocument = !!caps.window?.showDocument?.support;
  canResolveEdits = !!caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit');
  publisher.pull = !!caps.textDocument?.diagnostic;
  // Only the workspace folders are indexed and served from disk (the root, for clients without folders).
  const folders = Array.isArray(params.workspaceFolders)
    ? params.workspaceFolders.map((f) => f?.uri).filter((u): u is string => typeof u === 'string')
    : typeof params.rootUri === 'string' ? [params.rootUri] : [];
  workspace.setFolders(folders);
  canFollowFolders = !!caps.workspace?.workspaceFolders;
  // The VS Code client says whether the user trusts the workspace; other clients have no such notion.
  workspace.trusted = (params.initializationOptions as { workspaceTrusted?: unknown } | undefined)?.workspaceTrusted !== false;
  setTimeout(indexWorkspace, 50);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: 'GovReport' },
      foldingRangeProvider: true,
      hoverProvider: true,
      codeActionProvider: {
        codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.RefactorRewrite],
        resolveProvider: true,
      },
      executeCommandProvider: { commands: [COMMAND_FIX_ALL] },
      ...(publisher.pull ? { diagnosticProvider: { identifier: 'govreport', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      ...(canFollowFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
    },
    serverInfo: { name: 'govreport-language-server', version: VERSION },
  };
});

connection.onInitialized(() => {
  if (canFollowFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(async () => {
      const now = await connection.workspace.getWorkspaceFolders();
      workspace.setFolders((now ?? []).map((f) => f.uri));
      indexWorkspace();
    });
  }
  if (canRegisterConfig) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'govreport' });
  if (canWatchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/govreport.json' }, { globPattern: '**/*.{txt,md,govreport}' }],
    });
  }
});

/** Checks files on disk (inside the workspace) and pushes their diagnostics: the workspace check. */
function checkOnDisk(uris: string[], token: CancellationToken) {
  return checkFiles({ uris }, documents, analyzer, publisher, token, workspace, (u) => settings.get(u), clientLocale, originals);
}

/** The background walk of the workspace folders; a new one (folders changed) or shutdown stops the last. */
let indexing: AbortController | undefined;
function indexWorkspace(): void {
  indexing?.abort();
  if (workspace.folders.length === 0) return;
  const controller = (indexing = new AbortController());
  void index.scan(workspace.folders, controller.signal).then((r) => {
    if (r.stopped === 'cancelled') return;
    if (r.stopped) connection.console.warn(describeStop(r, resolveLocale('auto', clientLocale)));
    // Once the workspace's reports are known, open reports may have last year's at hand (R9): check them again.
    analyzer.invalidateAll();
    publisher.refreshAll();
  });
}

connection.onNotification(WORKSPACE_TRUST, (p: WorkspaceTrustParams) => {
  if (typeof p?.trusted !== 'boolean' || p.trusted === workspace.trusted) return;
  workspace.trusted = p.trusted;
  settings.filesChanged();
  settingsChanged();
});

connection.onShutdown(() => indexing?.abort());

/**
 * Settings or a govreport.json changed: every result shown is computed again (open documents, and the files
 * of the last workspace check), and the client is told, so it asks again for what it shows (the Outline).
 */
function settingsChanged(): void {
  analyzer.invalidateAll();
  publisher.refreshAll();
  const pushed = publisher.pushedUris();
  if (pushed.length > 0) void checkOnDisk(pushed, CancellationToken.None).catch(() => undefined);
  void connection.sendNotification(SETTINGS_CHANGED);
}

connection.onDidChangeConfiguration((change) => {
  settings.changed(canPullConfig ? undefined : change.settings);
  settingsChanged();
});

connection.onDidChangeWatchedFiles((params) => {
  let configChanged = false;
  for (const c of params.changes) {
    if (c.uri.endsWith('/govreport.json')) configChanged = true;
    else if (c.type === 3) index.fileDeleted(c.uri);
    else if (!documents.get(c.uri)) void index.fileChanged(c.uri);
  }
  if (configChanged) {
    settings.filesChanged();
    settingsChanged();
  }
});

// A document the server had to stop holding (its text would no longer be the client's): say so once, in the user's language.
transport.reader.onUnsynced((u) => {
  void settings.get(u.uri).then(
    (s) => connection.window.showWarningMessage(describeUnsynced(u, resolveLocale(s.locale, clientLocale))),
    () => connection.window.showWarningMessage(describeUnsynced(u, resolveLocale('auto', clientLocale))),
  );
});

documents.onDidOpen((e) => publisher.changed(e.document));
documents.onDidChangeContent((e) => publisher.changed(e.document));
documents.onDidClose((e) => {
  originals.forget(e.document.uri);
  publisher.closed(e.document.uri);
  analyzer.forget(e.document.uri);
  edits.forget(e.document.uri);
  settings.forget(e.document.uri);
  void index.fileChanged(e.document.uri);
});

connection.languages.diagnostics.on(guard('diagnostics', (p) => publisher.report(uriOf(p), p.previousResultId)));

connection.onDocumentSymbol(guard('documentSymbol', async (p) => {
  const doc = documents.get(uriOf(p));
  if (!doc) return [];
  const a = await analyzer.analyse(doc);
  return documentSymbols(a.model, a.locale);
}));

connection.onFoldingRanges(guard('foldingRange', async (p) => {
  const doc = documents.get(uriOf(p));
  return doc ? foldingRanges((await analyzer.analyse(doc)).model) : [];
}));

connection.onHover(guard('hover', async (p) => {
  const doc = documents.get(uriOf(p));
  if (!doc || !p.position) return null;
  const a = await analyzer.analyse(doc);
  return hoverAt(a.model, p.position, a.locale);
}));

connection.onCodeAction(guard('codeAction', async (p: CodeActionParams) => {
  const doc = documents.get(uriOf(p));
  if (!doc || !p.range || !p.context) return [];
  const a = await analyzer.analyse(doc);
  const params = { ...p, context: { ...p.context, diagnostics: Array.isArray(p.context.diagnostics) ? p.context.diagnostics : [] } };
  // The text view of an original is read-only: no edits, "另存为可编辑的报告" instead.
  if (isOriginalUri(doc.uri)) return readOnlyActions(a, params);
  return codeActions(a, params, { resolveEdits: canResolveEdits });
}));

connection.onCodeActionResolve(guard('codeAction/resolve', async (action) => {
  const doc = documents.get(resolveDataOf(action)?.uri ?? '');
  return resolveCodeAction(doc ? await analyzer.analyse(doc) : undefined, action);
}));

connection.onExecuteCommand(guard('executeCommand', async (p) => {
  if (p.command !== COMMAND_FIX_ALL) throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${p.command}`);
  const uri = (p.arguments?.[0] as { uri?: unknown } | string | undefined);
  const u = typeof uri === 'string' ? uri : typeof uri?.uri === 'string' ? uri.uri : undefined;
  const doc = u ? documents.get(u) : undefined;
  if (!doc) throw new ResponseError(ErrorCodes.InvalidParams, 'govreport.fixAll needs the URI of an open document');
  const a = await analyzer.analyse(doc);
  const { edits, result } = fixAllOf(a);
  // The text view of an original is read-only: nothing is applied there (the client says so first).
  if (!a.settings.enable || edits.length === 0 || isOriginalUri(doc.uri)) return result;
  const r = await connection.workspace.applyEdit({ label: 'GovReport: fix all', edit: { documentChanges: [{ textDocument: { uri: doc.uri, version: a.version }, edits }] } });
  return { ...result, applied: r.applied };
}));

connection.onRequest(REPORT_INFO, guard('reportInfo', (p: ReportInfoParams) => reportInfo(documents, analyzer, uriOf(p))));
connection.onRequest(CHECK_FILES, guard('checkFiles', (p: CheckFilesParams, token) => {
  if (!p || !Array.isArray(p.uris) || p.uris.some((u) => typeof u !== 'string')) throw new ResponseError(ErrorCodes.InvalidParams, 'uris must be a list of strings');
  return checkOnDisk(p.uris, token);
}));
connection.onRequest(SOURCE_TEXT, guard('sourceText', async (p: SourceTextParams) => {
  const uri = uriOf(p);
  return sourceText(originals, uri, resolveLocale((await settings.get(uri)).locale, clientLocale));
}));
connection.onRequest(EXPORT_DOCX, guard('exportDocx', async (p: ExportDocxParams) => {
  const doc = documents.get(uriOf(p));
  if (!doc) throw new ResponseError(ErrorCodes.InvalidParams, 'govreport.exportDocx needs the URI of an open document');
  return exportDocxOf(await analyzer.analyse(doc));
}));
connection.onRequest(TEMPLATE, guard('template', (p: TemplateParams) => template(p ?? { year: new Date().getFullYear() - 1 })));

documents.listen(connection);
connection.listen();
