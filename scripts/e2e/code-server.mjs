// VS Code's own server from the code-server npm package (Node 24), started in its own process group.
import { mkdirSync, readFileSync, writeFileSync, openSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { spawnGroup, killGroup, freePort, runGroup } from './procs.mjs';

export const CACHE = process.env.GOVREPORT_E2E_CACHE || join(homedir(), '.cache', 'govreport-e2e');
export const NODE24 = join(CACHE, 'bin', 'node');
export const CODE_SERVER = join(CACHE, 'code-server', 'node_modules', 'code-server');
export const SERVER_MAIN = join(CODE_SERVER, 'lib', 'vscode', 'out', 'server-main.js');

/** User settings that keep the workbench quiet and the extension enabled (Restricted Mode disables it). */
export const BASE_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.fontFamily': "'Noto Sans Mono CJK SC', 'Noto Sans CJK SC', monospace",
};

function serverArgs(dir) {
  return ['--server-data-dir', dir, '--user-data-dir', join(dir, 'user'), '--extensions-dir', join(dir, 'ext')];
}

/** Installs a .vsix into the server's extensions folder (code-server's --install-extension). */
export async function installExtension(dir, vsix) {
  const lines = [];
  const r = await runGroup(NODE24, [SERVER_MAIN, ...serverArgs(dir), '--install-extension', vsix],
    { timeoutMs: 120000, onLine: (l) => lines.push(l) });
  if (r.code !== 0 || !lines.some((l) => /successfully installed/i.test(l))) {
    throw new Error(`--install-extension ${vsix} failed (exit ${r.code}):\n${lines.join('\n')}`);
  }
}

/** Starts the server; resolves when its log names our port. */
export async function startServer(dir, { settings = {}, args = [], timeoutMs = 60000 } = {}) {
  if (!existsSync(SERVER_MAIN)) throw new Error(`code-server is not installed in ${CACHE}: run scripts/e2e/install-tools.sh`);
  mkdirSync(join(dir, 'user', 'User'), { recursive: true });
  writeFileSync(join(dir, 'user', 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
  const port = await freePort();
  const logPath = join(dir, 'server.log');
  const fd = openSync(logPath, 'a');
  const child = spawnGroup(NODE24, [SERVER_MAIN, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token',
    '--accept-server-license-terms', '--telemetry-level', 'off', ...serverArgs(dir), ...args], { stdio: ['ignore', fd, fd] });
  const stop = () => killGroup(child.pid);
  const started = Date.now();
  let exited = false;
  child.on('exit', () => { exited = true; });
  while (Date.now() - started < timeoutMs) {
    const log = readFileSync(logPath, 'utf8');
    if (log.includes(`Extension host agent listening on ${port}`)) return { url: `http://127.0.0.1:${port}`, port, pgid: child.pid, logPath, stop };
    if (exited) break;
    await new Promise((r) => setTimeout(r, 200)); // polling a log file: there is no event to wait on
  }
  stop();
  throw new Error(`VS Code server did not start on port ${port}:\n${readFileSync(logPath, 'utf8').slice(-3000)}`);
}
