// 6. A reviewer's folder: `govreport check --format json DIR` on 200 and 2,000 reports (bench/corpus.mjs, in a
// temporary folder), whole process, next to markdownlint-cli2 on the same files in the same run: the two are
// run in turn (alternating which goes first), so both see the same machine noise, and the ratio of each pair
// is the figure. Each run's CPU time (user + system, all threads) is measured too: on a loaded machine it is
// the steadier figure, and the ratio of CPU times says how much work each does. Also the core per report on
// the same files, in this process: the first pass (cold, as a worker sees it) and a later pass (warm).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { makeCorpus } from './corpus.mjs';
import { bytes, childrenCpuMs, heading, ms, printTable, ratio, summarize } from './stats.mjs';
import { ROOT } from './texts.mjs';

const require = createRequire(import.meta.url);
const quick = process.env.BENCH_QUICK === '1';
const CLI = path.join(ROOT, 'dist', 'cli.js');
const MDL = path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
/** The target: govreport at least this many times faster than markdownlint-cli2, whole process. */
const TARGET_RATIO = 10;

/** One whole run: wall time, and CPU time of the process (all its threads) when the system tells. */
function wall(args, cwd) {
  const c0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  const t = performance.now() - t0;
  const c1 = childrenCpuMs();
  return { ms: t, cpu: c0 === undefined || c1 === undefined ? NaN : c1 - c0, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function files(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else out.push(p);
  }
  return out.sort();
}

function corePerReport(dir) {
  const { checkText } = require(path.join(ROOT, 'out', 'server', 'src', 'core', 'service.js'));
  const texts = files(dir).map((f) => readFileSync(f, 'utf8'));
  const pass = () => {
    const t = [];
    for (const x of texts) {
      const t0 = performance.now();
      checkText(x, {});
      t.push(performance.now() - t0);
    }
    return t;
  };
  const first = pass();
  let warm = [];
  for (let i = 0; i < (quick ? 1 : 3); i++) warm = pass();
  return { first: summarize(first), firstTotal: first.reduce((a, b) => a + b, 0), warm: summarize(warm) };
}

export async function benchFolder(summary) {
  heading('6. A folder of reports: govreport check --format json vs markdownlint-cli2, whole process, same run');
  const mdlVersion = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'package.json'), 'utf8')).version;
  const rows = [['reports', 'size', 'govreport median', 'min', 'markdownlint-cli2 median', 'min', 'ratio per pair (median)', 'CPU govreport', 'CPU mdl', 'CPU ratio', 'pairs', 'govreport exit', 'mdl exit']];
  const sizes = [200, 2000];
  for (const n of sizes) {
    const corpus = await makeCorpus(n);
    try {
      const rounds = quick ? 1 : n >= 2000 ? 3 : 7;
      wall([CLI, 'check', '--format', 'json', '.'], corpus.dir); // warm the file cache
      const gov = [];
      const mdl = [];
      const ratios = [];
      const govCpu = [];
      const mdlCpu = [];
      const cpuRatios = [];
      let g;
      let m;
      for (let i = 0; i < rounds; i++) {
        if (i % 2 === 0) {
          g = wall([CLI, 'check', '--format', 'json', '.'], corpus.dir);
          m = wall([MDL, '**/*.txt'], corpus.dir);
        } else {
          m = wall([MDL, '**/*.txt'], corpus.dir);
          g = wall([CLI, 'check', '--format', 'json', '.'], corpus.dir);
        }
        gov.push(g.ms);
        mdl.push(m.ms);
        ratios.push(m.ms / g.ms);
        govCpu.push(g.cpu);
        mdlCpu.push(m.cpu);
        cpuRatios.push(m.cpu / g.cpu);
      }
      const gc = summarize(govCpu);
      const mc = summarize(mdlCpu);
      const cr = summarize(cpuRatios);
      const gs = summarize(gov);
      const ms2 = summarize(mdl);
      const rs = summarize(ratios);
      const checkedFiles = (() => {
        try {
          return JSON.parse(g.stdout).files.length;
        } catch {
          return 'n/a';
        }
      })();
      rows.push([String(n), bytes(corpus.bytes), ms(gs.median), ms(gs.min), ms(ms2.median), ms(ms2.min), `${ratio(rs.median)} (${ratios.map((x) => x.toFixed(1)).join(', ')})`, ms(gc.median), ms(mc.median), ratio(cr.median), String(rounds), `${g.status} (${checkedFiles} files)`, String(m.status)]);
      summary.push({
        figure: `folder of ${n}: markdownlint-cli2 ÷ govreport check --format json, whole process`,
        value: `${ratio(rs.median)} (${ms(ms2.median)} vs ${ms(gs.median)})`, target: `≥ ${TARGET_RATIO}×`, met: rs.median >= TARGET_RATIO,
      });
      summary.push({
        figure: `folder of ${n}: CPU time, markdownlint-cli2 ÷ govreport (all threads)`,
        value: `${ratio(cr.median)} (${ms(mc.median)} vs ${ms(gc.median)})`, target: '—',
      });
      if (n === sizes[0]) {
        const core = corePerReport(corpus.dir);
        console.log(`  core checkText per report on the ${n}: first pass (cold, as a worker starts) median ${ms(core.first.median)}, total ${ms(core.firstTotal)}; warm median ${ms(core.warm.median)}, p95 ${ms(core.warm.p95)}`);
        summary.push({ figure: `core checkText per report (folder of ${n}): warm median / cold first pass`, value: `${ms(core.warm.median)} / ${ms(core.first.median)}`, target: '—' });
      }
    } finally {
      corpus.remove();
    }
  }
  printTable(rows);
  console.log(`  markdownlint-cli2 ${mdlVersion} with its default rules, given "**/*.txt" in the corpus folder; govreport as it runs by default (the main thread and a worker per further core; no worker at a load average of the cores or more).`);
}
