// 5. The CLI end to end: `node dist/cli.js check fixtures/seeds`, wall time of whole runs, with Node's own
// start-up and the CLI's start-up (--version) for reference.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { heading, ms, printTable, summarize } from './stats.mjs';
import { ROOT } from './texts.mjs';

const quick = process.env.BENCH_QUICK === '1';

function timeRuns(args, n) {
  const samples = [];
  let last;
  spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' }); // warm the file cache
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    last = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
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
    ['govreport --version (CLI start-up)', [cli, '--version']],
    ['govreport check fixtures/seeds (5 reports)', [cli, 'check', 'fixtures/seeds']],
    ['govreport check --format json fixtures/seeds', [cli, 'check', '--format', 'json', 'fixtures/seeds']],
  ];
  const rows = [['command', 'median', 'p95', 'min', 'runs', 'exit']];
  const out = {};
  for (const [name, args] of cases) {
    const r = timeRuns(args, n);
    out[name] = r;
    rows.push([name, ms(r.stats.median), ms(r.stats.p95), ms(r.stats.min), String(r.stats.n), String(r.status)]);
  }
  printTable(rows);
  const check = out['govreport check fixtures/seeds (5 reports)'];
  const lastLine = check.stdout.trim().split('\n').pop();
  console.log(`  last line of its output: ${lastLine}`);
  summary.push({ figure: 'CLI: check fixtures/seeds (5 reports), wall', value: `${ms(check.stats.median)} (p95 ${ms(check.stats.p95)})`, target: '—' });
  summary.push({ figure: 'CLI: --version (start-up only), wall', value: ms(out['govreport --version (CLI start-up)'].stats.median), target: '—' });
  summary.push({ figure: 'Node start-up alone (node -e 0)', value: ms(out['node -e 0 (Node start-up alone)'].stats.median), target: '—' });
  return out;
}
