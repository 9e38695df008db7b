// The test command (npm test): type-check and compile, bundle, then run every test suite that needs no
// editor: unit and fixture tests, CLI tests, protocol tests against the real server, grammar tests, and the
// check that generated docs and schemas are up to date.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const steps = [];
const run = (name, cmd, args, opts = {}) => {
  const t0 = Date.now();
  process.stdout.write(`\n== ${name}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  const ok = r.status === 0;
  steps.push({ name, ok, ms: Date.now() - t0 });
  if (!ok && opts.fatal !== false) finish();
  return ok;
};
const finish = () => {
  console.log('\n' + steps.map((s) => `${s.ok ? 'ok  ' : 'FAIL'} ${s.name} (${(s.ms / 1000).toFixed(1)} s)`).join('\n'));
  const failed = steps.filter((s) => !s.ok).length;
  console.log(`${steps.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
};

run('compile (tsc)', process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.']);
run('bundle (esbuild)', process.execPath, ['scripts/build.mjs']);
const suites = ['out/test/unit', 'out/test/cli', 'out/test/protocol'].filter((d) => existsSync(d));
run('unit, CLI and protocol tests', process.execPath, ['--test', '--test-reporter=spec', ...suites], { fatal: false });
if (existsSync('scripts/grammar-test.mjs')) run('grammar tests', process.execPath, ['scripts/grammar-test.mjs'], { fatal: false });
if (existsSync('scripts/generate.mjs')) run('generated files are current', process.execPath, ['scripts/generate.mjs', '--check'], { fatal: false });
finish();
