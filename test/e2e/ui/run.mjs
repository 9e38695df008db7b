// UI test of the INSTALLED extension: installs the .vsix into a fresh VS Code server (code-server's
// --install-extension), opens the seeds in the web workbench in headless Chromium and drives it like a user.
// Usage: node run.mjs <govreport.vsix>    Screenshots: test-results/e2e/screenshots/, and docs/images/ with
// GOVREPORT_E2E_SCREENSHOTS=docs (the README's pictures).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installExtension, startServer } from '../../../scripts/e2e/code-server.mjs';
import { copySeeds, seedOracle } from '../oracle.mjs';
import { runUi } from './ui.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const vsix = resolve(process.argv[2] || join(root, 'govreport.vsix'));
const work = mkdtempSync(join(process.env.GOVREPORT_E2E_TMP || tmpdir(), 'ui-'));
const folder = join(work, 'workspace');
copySeeds(root, folder);
const shots = [join(process.env.GOVREPORT_E2E_RESULTS || work, 'screenshots')];
if (process.env.GOVREPORT_E2E_SCREENSHOTS === 'docs') shots.push(join(root, 'docs', 'images'));
for (const d of shots) mkdirSync(d, { recursive: true });

// Without a CJK font Chromium draws the reports as boxes (Debian: fonts-noto-cjk).
const cjk = (spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).stdout || '').trim();
console.log(`${cjk ? 'ok' : 'not ok'} - ui: a Chinese font is installed${cjk ? '' : '  -- fc-list :lang=zh is empty (apt-get install fonts-noto-cjk)'}`);
const dir = join(work, 'server');
await installExtension(dir, vsix);
console.log(`ok - ui: ${vsix.split('/').pop()} installed with --install-extension`);
// Messages in Chinese, as the report's readers see them (the workbench itself is English).
const server = await startServer(dir, { settings: { 'govreport.locale': 'zh', 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false } });
let failed = cjk ? 0 : 1;
try {
  failed += await runUi({ url: server.url, folder, shots, oracle: seedOracle(root) });
} finally {
  server.stop();
}
process.exit(failed ? 1 : 0);
