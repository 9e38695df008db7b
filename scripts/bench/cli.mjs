// 5. The CLI end to end: `node dist/cli.js check fixtures/seeds`, wall time of whole runs, with Node's own
// start-up and the CLI's start-up (--version) for reference; a check starts from the CLI's code cache (made by
// the first, unmeasured run, as a user's first run makes it) and, for comparison, without it. The checks are
// measured with --no-cache (each report checked in every run), and once more as a run again over the same
// files is: from the result cache.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { heading, ms, printTable, summarize } from './stats.mjs';
import { ROOT } from './texts.mjs';

const quick = process.env.BENCH_QUICK === '1';

/** The CLI's code cache (server/src/node/compile-cache.ts), this bench run's own. */
const CACHE_DIR = mkdtempSync(path.join(tmpdir(), 'govreport-bench-cache-'));

function timeRuns(args, n, extraEnv = {}) {
  const samples = [];
  let last;
  const env = { ...process.env, NO_COLOR: '1', GOVREPORT_CACHE_DIR: CACHE_DIR, ...extraEnv };
  spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env }); // warm the file cache, write the code cache
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    last = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env });
    samples.push(performance.now() - t0);
  }
  return { stats: summarize(samples), status: last.status, stdout: last.stdout, stderr: last.stderr };
}

export function benchCli(summary) {
  heading('5. CLI end to end (child_process.spawnSync, wall time per run)');
  const n = quick ? 5 : 20;
  const cli = path.join('dist', 'cli.js');
  const cases = [
    ['node -e 0 (Node start-up alone)', ['-e', '0']],
    ['govreport check --no-cache fixtures/seeds (5 reports)', [cli, 'check', '--no-cache', 'fixtures/seeds']],
    ['same, without the code cache (GOVREPORT_NO_COMPILE_CACHE=1)', [cli, 'check', '--no-cache', 'fixtures/seeds'], { GOVREPORT_NO_COMPILE_CACHE: '1' }],
    ['govreport check --no-cache --format json fixtures/seeds', [cli, 'check', '--no-cache', '--format', 'json', 'fixtures/seeds']],
    ['govreport check fixtures/seeds again (from the result cache)', [cli, 'check', 'fixtures/seeds']],
    ['govreport --version (CLI start-up, from the code cache)', [cli, '--version']],
  ];
  const rows = [['command', 'median', 'p95', 'min', 'runs', 'exit']];
  const out = {};
  for (const [name, args, env] of cases) {
    const r = timeRuns(args, n, env);
    out[name] = r;
    rows.push([name, ms(r.stats.median), ms(r.stats.p95), ms(r.stats.min), String(r.stats.n), String(r.status)]);
  }
  printTable(rows);
  const check = out['govreport check --no-cache fixtures/seeds (5 reports)'];
  const again = out['govreport check fixtures/seeds again (from the result cache)'];
  if (again.stdout !== check.stdout) throw new Error('bench: the run from the result cache printed other findings than the run without it');
  const lastLine = check.stdout.trim().split('\n').pop();
  console.log(`  last line of its output: ${lastLine}`);
  summary.push({ figure: 'CLI: check fixtures/seeds (5 reports), wall', value: `${ms(check.stats.median)} (p95 ${ms(check.stats.p95)})`, target: '—' });
  summary.push({ figure: 'CLI: check fixtures/seeds again, from the result cache, wall', value: `${ms(again.stats.median)} (p95 ${ms(again.stats.p95)})`, target: '—' });
  summary.push({ figure: 'CLI: --version (start-up only), wall', value: ms(out['govreport --version (CLI start-up, from the code cache)'].stats.median), target: '—' });
  summary.push({ figure: 'Node start-up alone (node -e 0)', value: ms(out['node -e 0 (Node start-up alone)'].stats.median), target: '—' });
  return out;
}
