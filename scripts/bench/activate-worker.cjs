// One activation of the extension in plain Node, in a fresh process (forked by extension.mjs):
//   load:     require(<client bundle>, default dist/client.js) with 'vscode' resolved to vscode-stub.cjs (read + compile + run the bundle)
//   activate: the synchronous activate(context) call — the extension's own work, including the synchronous
//             part of LanguageClient.start(); the server process is started later, asynchronously
//   spawn:    the child_process.fork() call that starts dist/server.js (timed on its own, real server)
//   ready:    from activate() to the language client being ready (server spawned, initialize answered)
// Reports the figures over IPC.
'use strict';
const Module = require('node:module');
const path = require('node:path');
const cp = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const STUB = path.join(__dirname, 'vscode-stub.cjs');
/** The client bundle to load (default dist/client.js); the extension's files (the server) stay under ROOT. */
const CLIENT = process.argv[2] ? path.resolve(process.argv[2]) : path.join(ROOT, 'dist', 'client.js');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? STUB : resolve.call(this, request, ...rest);
};

const forks = [];
const fork = cp.fork;
let lastChild;
cp.fork = function (...args) {
  const t0 = performance.now();
  const child = fork.apply(this, args);
  forks.push({ at: t0, ms: performance.now() - t0, module: path.relative(ROOT, String(args[0])) });
  lastChild = child;
  return child;
};

const context = {
  subscriptions: [],
  extensionPath: ROOT,
  extensionUri: { scheme: 'file', fsPath: ROOT, path: ROOT, toString: () => `file://${ROOT}` },
  asAbsolutePath: (p) => path.join(ROOT, p),
  extensionMode: 1, // Production
  globalState: { get: () => undefined, update: async () => undefined, keys: () => [], setKeysForSync() {} },
  workspaceState: { get: () => undefined, update: async () => undefined, keys: () => [] },
  environmentVariableCollection: { replace() {}, append() {}, prepend() {}, clear() {} },
  storageUri: undefined,
  globalStorageUri: { fsPath: '/tmp' },
  logUri: { fsPath: '/tmp' },
  secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: () => ({ dispose() {} }) },
  extension: { id: 'govreport.govreport', packageJSON: require(path.join(ROOT, 'package.json')) },
};

async function main() {
  const t0 = performance.now();
  const ext = require(CLIENT);
  const t1 = performance.now();
  const api = ext.activate(context);
  const t2 = performance.now();
  let readyMs;
  let readyError;
  const timeout = new Promise((_, rej) => setTimeout(() => rej(new Error('not ready within 15 s')), 15_000).unref());
  try {
    await Promise.race([api?.ready?.(), timeout]);
    readyMs = performance.now() - t1;
  } catch (err) {
    readyError = err instanceof Error ? err.message : String(err);
  }
  const calls = require(STUB).__benchCalls;
  const result = {
    loadMs: t1 - t0,
    activateMs: t2 - t1,
    reported: api?.activation,
    forks: forks.map((f) => ({ afterActivateMs: f.at - t2, ms: f.ms, module: f.module })),
    readyMs,
    readyError,
    calls: { ...calls },
    subscriptions: context.subscriptions.length,
  };
  try {
    await Promise.race([ext.deactivate?.(), new Promise((r) => setTimeout(r, 3000).unref())]);
  } catch { /* the stubbed editor may not stop cleanly */ }
  if (lastChild && lastChild.exitCode === null) lastChild.kill();
  process.send(result, () => process.exit(0));
}

main().catch((err) => {
  process.send({ error: err instanceof Error ? err.stack : String(err), forks }, () => process.exit(1));
});
