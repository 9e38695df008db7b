// The same extension tests (test/e2e/suite) in desktop VS Code through @vscode/test-electron, for machines that
// can download VS Code (not this project's CI, which uses the code-server route: scripts/e2e/run.mjs).
// Usage: node scripts/build.mjs && node test/e2e/run-electron.mjs   (VSCODE_VERSION=stable|insiders|1.9x.y,
// VSCODE_EXECUTABLE=path to use an installed VS Code; on a headless Linux run it under xvfb-run -a)
import { runTests } from '@vscode/test-electron';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_SETTINGS } from '../../scripts/e2e/code-server.mjs';
import { copySeeds } from './oracle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = mkdtempSync(join(tmpdir(), 'govreport-electron-'));
const workspace = join(work, 'workspace');
copySeeds(root, workspace);
const userData = join(work, 'user-data');
mkdirSync(join(userData, 'User'), { recursive: true });
writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(BASE_SETTINGS, null, 2));
let code = 1;
try {
  code = await runTests({
    ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : { version: process.env.VSCODE_VERSION || 'stable' }),
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'test', 'e2e', 'suite', 'index.js'),
    launchArgs: [workspace, '--user-data-dir', userData, '--extensions-dir', join(work, 'extensions'), '--disable-extensions',
      '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  }).then(() => 0);
} catch (e) {
  console.error(`extension tests failed: ${e instanceof Error ? e.message : e}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(code);
