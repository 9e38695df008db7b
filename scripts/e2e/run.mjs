// `npm run test:e2e`: the editor tests. Installs the tools (cache outside the clone), builds dist/ and the .vsix,
// then runs (1) the extension tests inside VS Code (code-server route), (2) the UI test on the installed .vsix in
// headless Chromium, (3) Neovim as a second LSP client. Ends with "N passed, N failed"; exit 1 on any failure.
// Every child runs in its own process group, killed on exit. Logs and failure screenshots: test-results/e2e/.
// Options: --only ext,ui,nvim,desk   --no-install (tools must be present)   --keep (keep the temporary folder)
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { killAllGroups, onExit, onSignal, runGroup, sweep } from './procs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const only = (opt('--only') ?? 'ext,ui,nvim,desk').split(',');
const t0 = Date.now();
const stamp = () => `${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s`;
const results = join(root, 'test-results', 'e2e');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
// Runs killed outright (SIGKILL) leave their folder and processes: sweep those whose runner is gone.
for (const d of readdirSync(tmpdir()).filter((n) => n.startsWith('govreport-e2e-')).map((n) => join(tmpdir(), n))) {
  let owner = 0;
  try { owner = Number(readFileSync(join(d, 'runner.pid'), 'utf8')); } catch { continue; }
  try { if (!/^\S+ \(.*\) Z/s.test(readFileSync(`/proc/${owner}/stat`, 'utf8'))) continue; } catch { /* the runner is gone */ }
  const left = sweep(d);
  if (left.length) console.log(`# killed ${left.length} process(es) left by an earlier run in ${d}`);
  rmSync(d, { recursive: true, force: true });
}
const work = mkdtempSync(join(tmpdir(), 'govreport-e2e-'));
writeFileSync(join(work, 'runner.pid'), String(process.pid));
const env = { ...process.env, GOVREPORT_E2E_TMP: work, GOVREPORT_E2E_RESULTS: results, GOVREPORT_E2E_ROOT: root };
let passed = 0;
let failed = 0;
const failures = [];

/** Runs one step; counts its "ok - " / "not ok - " lines, or the step itself when it prints none. */
let aborted = false;
async function step(name, cmd, argv, { timeoutMs, counted = true, quiet = false } = {}) {
  if (aborted) return false;
  console.log(`== ${stamp()} ${name}`);
  const log = join(results, `${name.replace(/[^a-z0-9]+/gi, '-')}.log`);
  let ok = 0; let bad = 0;
  const r = await runGroup(cmd, argv, {
    cwd: root, env, timeoutMs,
    onLine: (l) => {
      appendFileSync(log, `${l}\n`);
      if (/^ok - /.test(l)) { ok++; if (!quiet) console.log(`  ${l}`); }
      else if (/^not ok - /.test(l)) { bad++; failures.push(l.slice(9)); console.log(`  ${l}`); }
      else if (/^# /.test(l) || (!counted && /^== \[install/.test(l)) || process.env.GOVREPORT_E2E_VERBOSE) console.log(`  ${l}`);
    },
  });
  if (!counted && r.code !== 0 && existsSync(log)) console.log(readFileSync(log, "utf8").split('\n').slice(-40).map((l) => `  | ${l}`).join('\n'));
  if (aborted) return false;
  if (r.timedOut) { bad++; failures.push(`${name}: timed out after ${timeoutMs / 1000}s`); console.log(`  not ok - ${name}: timed out`); }
  else if (r.code !== 0 && bad === 0) { bad++; failures.push(`${name}: exit code ${r.code} (see ${log})`); console.log(`  not ok - ${name}: exit code ${r.code}, log ${log}`); }
  if (counted) { passed += ok; failed += bad; }
  else if (r.code !== 0 || r.timedOut) failed += 1;
  return r.code === 0 && !r.timedOut;
}

let finished = false;
function finish() {
  if (finished) return;
  finished = true;
  killAllGroups();
  const left = sweep(work);
  if (left.length) console.log(`# killed ${left.length} leftover process(es): ${left.map((p) => p.cmd.slice(0, 60)).join(' | ')}`);
  if (!args.includes('--keep')) rmSync(work, { recursive: true, force: true });
  else console.log(`# kept ${work}`);
  if (failures.length) console.log(`\nFailures:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  console.log(`\ne2e finished in ${((Date.now() - t0) / 1000).toFixed(0)}s; logs in test-results/e2e/`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed || !passed ? 1 : 0;
}
onExit(() => sweep(work)); // also after a signal or a crash
onSignal((sig) => { aborted = true; failed++; failures.push(`interrupted by ${sig}`); setTimeout(finish, 1200); });
process.on('uncaughtException', (e) => { console.log(`not ok - harness: ${e.stack}`); failed++; finish(); process.exit(1); });

try {
  const needTools = only.includes('ext') || only.includes('ui') || only.includes('desk');
  if (needTools && !args.includes('--no-install')) {
    if (!(await step('install tools', 'bash', [join(root, 'scripts/e2e/install-tools.sh')], { timeoutMs: 30 * 60000, counted: false }))) throw new Error('install');
  } else if (only.includes('nvim') && !args.includes('--no-install')) {
    if (!(await step('install tools', 'bash', [join(root, 'scripts/e2e/install-tools.sh'), '--apt-only'], { timeoutMs: 15 * 60000, counted: false }))) throw new Error('install');
  }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const vsix = process.env.GOVREPORT_E2E_VSIX || join(root, 'govreport.vsix');
  if (only.includes('ui') && !process.env.GOVREPORT_E2E_VSIX) {
    if (pkg.scripts?.package) {
      rmSync(vsix, { force: true });
      await step('package', 'npm', ['run', '-s', 'package'], { timeoutMs: 300000, counted: false });
    }
    if (!existsSync(vsix)) { failed++; failures.push('ui: govreport.vsix was not built (npm run package)'); }
  }
  // After packaging (which minifies dist/): readable bundles for the extension tests and Neovim.
  if (!(await step('build', process.execPath, ['scripts/build.mjs'], { timeoutMs: 300000, counted: false }))) throw new Error('build');
  if (only.includes('ext')) await step('extension tests', process.execPath, ['test/e2e/ext/run.mjs'], { timeoutMs: 15 * 60000 });
  if (only.includes('ui') && existsSync(vsix)) await step('ui test', process.execPath, ['test/e2e/ui/run.mjs', vsix], { timeoutMs: 10 * 60000 });
  if (only.includes('nvim')) await step('neovim', process.execPath, ['test/e2e/nvim/run.mjs', work], { timeoutMs: 5 * 60000 });
  if (only.includes('desk')) await step('reviewer\'s page', process.execPath, ['test/e2e/desk/run.mjs'], { timeoutMs: 5 * 60000 });
} catch (e) {
  if (e.message !== 'install' && e.message !== 'build') { failed++; failures.push(`harness: ${e.message}`); }
}
finish();
