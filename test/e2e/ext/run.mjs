// Extension tests through the code-server route: VS Code's server (Node 24) with the smoke-test driver, the
// repository as extensionDevelopmentPath, test/e2e/suite/index.js as extensionTestsPath, the seeds copied into
// a fresh workspace. Usage: node run.mjs   (GOVREPORT_E2E_TMP: scratch folder; GOVREPORT_E2E_GREP: test filter)
import { appendFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../../scripts/e2e/code-server.mjs';
import { copySeeds } from '../oracle.mjs';
import { runExtensionTests } from './driver.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const work = mkdtempSync(join(process.env.GOVREPORT_E2E_TMP || tmpdir(), 'ext-'));
const folder = join(work, 'workspace');
copySeeds(root, folder);
mkdirSync(join(work, 'server'), { recursive: true });
const server = await startServer(join(work, 'server'), { args: ['--enable-smoke-test-driver'] });
console.log(`# VS Code server on port ${server.port}`);
const verbose = !!process.env.GOVREPORT_E2E_VERBOSE;
const fullLog = join(process.env.GOVREPORT_E2E_RESULTS || work, 'workbench-ext.log');
let code;
try {
  code = await runExtensionTests({
    url: server.url, folder, devPath: root, testsPath: join(root, 'test', 'e2e', 'suite', 'index.js'),
    timeoutMs: Number(process.env.GOVREPORT_E2E_EXT_TIMEOUT || 600000),
    // the workbench forwards its whole log: keep test lines (and everything with GOVREPORT_E2E_VERBOSE)
    onLine: (l) => { appendFileSync(fullLog, `${l}\n`); if (verbose || /^(not ok|ok|#) /.test(l) || /^extension tests:/.test(l)) console.log(l); },
  });
} finally {
  server.stop();
}
console.log(`# extension host exit code: ${code}`);
if (code === 'timeout') console.log('not ok - extension tests: timed out waiting for the test run to end');
process.exit(code === 0 ? 0 : 1);
