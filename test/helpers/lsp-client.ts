/**
 * A minimal LSP client for protocol tests: starts the real bundled server (dist/server.js) over stdio and
 * speaks JSON-RPC to it with vscode-jsonrpc. Answers the server's requests (configuration, registration,
 * applyEdit) and records its notifications.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type {
  ApplyWorkspaceEditParams, Diagnostic, InitializeResult, PublishDiagnosticsParams, Range, TextDocumentContentChangeEvent,
  TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { ROOT } from './fixtures';

export interface ClientOptions {
  /** Announce pull diagnostics (VS Code) or not (Neovim 0.7: pushed diagnostics only). */
  pull?: boolean;
  locale?: string;
  /** What workspace/configuration answers for section govreport. */
  settings?: Record<string, unknown>;
  workspaceFolders?: string[];
  /** Sent as rootUri when there are no workspace folders (older clients). */
  rootUri?: string;
  initializationOptions?: unknown;
  /** Resolve code actions' edits with codeAction/resolve, as VS Code does. */
  resolve?: boolean;
}

export class TestClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  settings: Record<string, unknown>;
  readonly pushed = new Map<string, PublishDiagnosticsParams>();
  /** Every push, in order: uri and version. */
  readonly pushLog: { uri: string; version: number | undefined }[] = [];
  readonly messages: { type: number; message: string }[] = [];
  readonly applied: ApplyWorkspaceEditParams[] = [];
  /** window/logMessage texts. */
  readonly logs: string[] = [];
  /** What workspace/workspaceFolders answers (the folders, once the test changes them). */
  folders: string[];
  private readonly versions = new Map<string, number>();
  private readonly waiters: { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private logWaiters: { re: RegExp; resolve: (message: string) => void }[] = [];
  stderr = '';
  initResult?: InitializeResult;

  constructor(private readonly options: ClientOptions = {}) {
    this.settings = options.settings ?? {};
    this.folders = options.workspaceFolders ?? [];
    this.proc = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => this.settings));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('workspace/diagnostic/refresh', () => null);
    this.conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      this.applied.push(p);
      return { applied: true };
    });
    this.conn.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      this.messages.push(p);
    });
    this.conn.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
      this.messages.push(p);
      return null;
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      this.logWaiters = this.logWaiters.filter((w) => (w.re.test(p.message) ? (w.resolve(p.message), false) : true));
    });
    this.conn.onRequest('workspace/workspaceFolders', () => this.folders.map((f) => ({ uri: `file://${f}`, name: path.basename(f) })));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.pushed.set(p.uri, p);
      this.pushLog.push({ uri: p.uri, version: p.version });
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const w = this.waiters[i]!;
        if (w.uri === p.uri && w.pred(p)) {
          this.waiters.splice(i, 1);
          w.resolve(p);
        }
      }
    });
    this.conn.listen();
  }

  async initialize(): Promise<InitializeResult> {
    const pull = this.options.pull ?? true;
    this.initResult = await this.conn.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: this.options.rootUri ?? null,
      locale: this.options.locale ?? 'zh-cn',
      workspaceFolders: this.options.rootUri ? null : (this.options.workspaceFolders ?? []).map((f) => ({ uri: `file://${f}`, name: path.basename(f) })),
      ...(this.options.initializationOptions !== undefined ? { initializationOptions: this.options.initializationOptions } : {}),
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true }, applyEdit: true },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll', 'refactor'] } }, dataSupport: true,
            ...(this.options.resolve ? { resolveSupport: { properties: ['edit'] } } : {}),
          },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    await this.conn.sendNotification('initialized', {});
    return this.initResult;
  }

  open(uri: string, text: string, languageId = 'govreport'): void {
    this.versions.set(uri, 1);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends incremental changes; returns the new version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const v = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, v);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: changes });
    return v;
  }

  close(uri: string): void {
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /** Pull diagnostics. */
  async pullDiagnostics(uri: string): Promise<Diagnostic[]> {
    const r = await this.conn.sendRequest<{ kind: string; items?: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    return r.items ?? [];
  }

  /** The next pushed diagnostics for `uri` (of the given version, when given). */
  waitPushed(uri: string, version?: number, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    const have = this.pushed.get(uri);
    if (have && (version === undefined || have.version === version)) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics pushed for ${uri} v${version}\n${this.stderr}`)), timeoutMs);
      this.waiters.push({ uri, pred: (p) => version === undefined || p.version === version, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  }

  /** The first window/logMessage matching `re` (one already logged, or the next). */
  waitLog(re: RegExp, timeoutMs = 10000): Promise<string> {
    const have = this.logs.find((m) => re.test(m));
    if (have !== undefined) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`nothing logged matching ${re} in ${timeoutMs} ms\n${this.logs.join('\n')}`)), timeoutMs);
      this.logWaiters.push({ re, resolve: (m) => { clearTimeout(timer); resolve(m); } });
    });
  }

  /** The server's peak resident memory so far, in bytes (Linux: VmHWM in /proc). */
  peakMemory(): number {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.proc.pid}/status`, 'utf8'));
    return Number(m![1]) * 1024;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest<R>(method, params);
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      void this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    this.conn.dispose();
    await new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null) return resolve();
      const t = setTimeout(() => { this.proc.kill('SIGKILL'); resolve(); }, 2000);
      this.proc.once('exit', () => { clearTimeout(t); resolve(); });
    });
  }
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) lineStarts.push(i + 1);
  }
  const off = (p: { line: number; character: number }) => {
    if (p.line >= lineStarts.length) return text.length;
    const start = lineStarts[p.line]!;
    const end = p.line + 1 < lineStarts.length ? lineStarts[p.line + 1]! : text.length;
    let lineEnd = end;
    while (lineEnd > start && (text[lineEnd - 1] === '\n' || text[lineEnd - 1] === '\r')) lineEnd--;
    return Math.min(start + p.character, lineEnd);
  };
  // Applied from the end; insertions at one place keep their order (the LSP rule), so the later goes in first.
  const sorted = edits.map((e, i) => ({ s: off(e.range.start), e: off(e.range.end), t: e.newText, i })).sort((a, b) => b.s - a.s || b.i - a.i);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

export function editsOf(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const out: TextEdit[] = [];
  for (const dc of edit.documentChanges ?? []) if ('textDocument' in dc && dc.textDocument.uri === uri) out.push(...(dc.edits as TextEdit[]));
  out.push(...(edit.changes?.[uri] ?? []));
  return out;
}

export function rangeText(text: string, r: Range): string {
  const lines = text.split(/\r\n|\n|\r/);
  if (r.start.line === r.end.line) return (lines[r.start.line] ?? '').slice(r.start.character, r.end.character);
  return [lines[r.start.line]!.slice(r.start.character), ...lines.slice(r.start.line + 1, r.end.line), lines[r.end.line]!.slice(0, r.end.character)].join('\n');
}
