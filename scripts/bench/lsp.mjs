// A minimal LSP client over stdio for the benchmark (the same protocol as test/helpers/lsp-client.ts):
// starts the bundled server, answers its requests, and resolves waiters on versioned publishDiagnostics.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import rpc from 'vscode-jsonrpc/node';
import { ROOT } from './texts.mjs';

const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = rpc;

export class BenchClient {
  /**
   * @param {{ pull?: boolean, nodeArgs?: string[], workspaceFolders?: string[] }} options pull: announce pull diagnostics
   *   (VS Code); otherwise push only (Neovim). nodeArgs: extra Node flags for the server process (e.g. --cpu-prof).
   *   workspaceFolders: folder paths (the server reads files on disk only inside them). capabilities:
   *   more client capabilities, merged per section (e.g. { textDocument: { codeAction: … } }).
   */
  constructor(options = {}) {
    this.pull = !!options.pull;
    this.workspaceFolders = options.workspaceFolders ?? [];
    this.extraCapabilities = options.capabilities ?? {};
    this.versions = new Map();
    this.waiters = new Map(); // `${uri}@${version}` -> resolve
    this.lastPushed = new Map();
    /** Pushes received, per URI. */
    this.pushCount = new Map();
    this.stderr = '';
    this.spawnedAt = performance.now();
    this.proc = spawn(process.execPath, [...(options.nodeArgs ?? []), path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr.on('data', (d) => (this.stderr += d));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('workspace/diagnostic/refresh', () => null);
    this.conn.onRequest('window/showMessageRequest', () => null);
    this.conn.onRequest('workspace/applyEdit', () => ({ applied: false }));
    this.conn.onNotification('window/showMessage', () => undefined);
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      const at = performance.now();
      this.lastPushed.set(p.uri, p);
      this.pushCount.set(p.uri, (this.pushCount.get(p.uri) ?? 0) + 1);
      const key = `${p.uri}@${p.version}`;
      const w = this.waiters.get(key);
      if (w) {
        this.waiters.delete(key);
        w({ at, params: p });
      }
    });
    this.conn.listen();
  }

  get pid() {
    return this.proc.pid;
  }

  /** initialize + initialized; returns the ms from spawn to the initialize answer. */
  async initialize() {
    await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: this.workspaceFolders.map((f) => ({ uri: pathToFileURL(f).toString(), name: path.basename(f) })),
      locale: 'zh-cn',
      capabilities: {
        workspace: { configuration: true, applyEdit: true, ...this.extraCapabilities.workspace },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          ...(this.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          ...this.extraCapabilities.textDocument,
        },
      },
    });
    const startMs = performance.now() - this.spawnedAt;
    await this.conn.sendNotification('initialized', {});
    return startMs;
  }

  /** A promise for the pushed diagnostics of exactly this version: resolves { at, params }. */
  waitPushed(uri, version, timeoutMs = 60_000) {
    const have = this.lastPushed.get(uri);
    if (have && have.version === version) return Promise.resolve({ at: performance.now(), params: have });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(`${uri}@${version}`);
        reject(new Error(`no diagnostics pushed for ${uri} v${version} within ${timeoutMs} ms\n${this.stderr}`));
      }, timeoutMs);
      this.waiters.set(`${uri}@${version}`, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
  }

  open(uri, text) {
    this.versions.set(uri, 1);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'govreport', version: 1, text } });
    return 1;
  }

  /** One incremental change; returns the new version. */
  change(uri, range, text) {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  pullDiagnostics(uri) {
    return this.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  }

  /** CPU time (user + system) the server process has used so far, in ms, from /proc (Linux; 10 ms ticks). */
  cpuMs() {
    const stat = readFileSync(`/proc/${this.proc.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in clock ticks (CLK_TCK = 100)
  }

  /** Resident memory of the server process, from /proc (Linux). */
  memory() {
    const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  }

  async shutdown() {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      void this.conn.sendNotification('exit');
    } catch { /* gone already */ }
    await new Promise((resolve) => {
      if (this.proc.exitCode !== null) return resolve();
      const t = setTimeout(() => {
        this.proc.kill('SIGKILL');
        resolve();
      }, 2000);
      this.proc.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.conn.dispose();
  }
}
