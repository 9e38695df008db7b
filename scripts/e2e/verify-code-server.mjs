// Checks an installed code-server: `modules` loads VS Code's native modules under this Node (24);
// `server` starts VS Code's server and stops it. Exit 1 on any failure.
// Usage: node verify-code-server.mjs <code-server dir> [modules] [server]
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [dir, ...what] = process.argv.slice(2);
let failed = 0;
if (what.includes('modules')) {
  const req = createRequire(join(dir, 'lib', 'vscode', 'package.json'));
  for (const m of ['@vscode/spdlog', 'node-pty', '@vscode/sqlite3', '@parcel/watcher', 'kerberos', '@vscode/native-watchdog']) {
    try { req(m); } catch (e) { failed++; console.log(`native module ${m} does not load under node ${process.version}: ${String(e.message).split('\n')[0]}`); }
  }
  if (!failed) console.log(`native modules load under node ${process.version}`);
}
if (what.includes('server') && !failed) {
  process.env.GOVREPORT_E2E_CACHE ??= join(dir, '..', '..', '..');
  const { startServer } = await import('./code-server.mjs');
  const d = mkdtempSync(join(tmpdir(), 'govreport-verify-'));
  try {
    const s = await startServer(d, { timeoutMs: 60000 });
    console.log(`VS Code server started on port ${s.port}`);
    s.stop();
  } catch (e) { failed++; console.log(e.message); }
  await new Promise((r) => setTimeout(r, 500));
  rmSync(d, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
