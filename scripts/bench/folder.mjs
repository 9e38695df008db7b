// 6. A reviewer's folder: `govreport check --format json DIR` on 200 and 2,000 reports (bench/corpus.mjs, in a
// temporary folder), whole process, next to markdownlint-cli2 on the same files in the same run: the two are
// run in turn (alternating which goes first), so both see the same machine noise, and the ratio of each pair
// is the figure. Each run's CPU time (user + system, all threads) is measured too: on a loaded machine it is
// the steadier figure, and the ratio of CPU times says how much work each does. Also the core per report on
// the same files, in fresh processes (bench/folder-core.mjs): the first pass (cold, as a worker sees it) and a later
// pass (warm), with V8's default tiering and with the CLI's (cli/check/tiering.ts).
//
// govreport is measured with --no-cache, checking every report in every run as markdownlint-cli2 does; and,
// in its own rows, as a reviewer's run again over the same folder is: every outcome from the result cache
// (node/result-cache.ts), written by an unmeasured run before, its output checked equal to the one without.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
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

/**
 * The CLI's code cache (server/src/node/compile-cache.ts), in a folder of this bench run's own: the warm-up
 * run of each size writes it, and the measured runs start from it, as a user's every run after the first.
 */
const CACHE_DIR = mkdtempSync(path.join(tmpdir(), 'govreport-bench-cache-'));

/** One whole run: wall time, and CPU time of the process (all its threads) when the system tells. */
function wall(args, cwd) {
  const c0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1', GOVREPORT_CACHE_DIR: CACHE_DIR } });
  const t = performance.now() - t0;
  const c1 = childrenCpuMs();
  return { ms: t, cpu: c0 === undefined || c1 === undefined ? NaN : c1 - c0, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The core per report on the folder, each time in a fresh process: with V8's default tiering, and with the
 * interrupt budget the CLI sets (server/src/cli/check/tiering.ts), so the cold pass is the one a run has.
 */
function corePerReport(dir) {
  const { INTERRUPT_BUDGET } = require(path.join(ROOT, 'out', 'server', 'src', 'cli', 'check', 'tiering.js'));
  const run = (flags) => {
    const r = spawnSync(process.execPath, [...flags, path.join(ROOT, 'scripts', 'bench', 'folder-core.mjs'), dir, String(quick ? 2 : 4)], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const passes = JSON.parse(r.stdout);
    const first = passes[0];
    const warm = passes[passes.length - 1];
    return { first: summarize(first.times), firstTotal: first.times.reduce((a, b) => a + b, 0), firstCpu: first.cpu, warm: summarize(warm.times), warmCpu: warm.cpu };
  };
  return { v8: run([]), cli: run([`--interrupt-budget=${INTERRUPT_BUDGET}`]), budget: INTERRUPT_BUDGET };
}

export async function benchFolder(summary) {
  heading('6. A folder of reports: govreport check --format json vs markdownlint-cli2, whole process, same run');
  const mdlVersion = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'package.json'), 'utf8')).version;
  const rows = [['reports', 'size', 'govreport median', 'min', 'markdownlint-cli2 median', 'min', 'ratio per pair (median)', 'CPU govreport', 'CPU mdl', 'CPU ratio', 'pairs', 'govreport exit', 'mdl exit']];
  const againRows = [['reports', 'govreport again (result cache) median', 'min', 'CPU', 'markdownlint-cli2 (median above) ÷ it', 'govreport --no-cache ÷ it', 'runs']];
  const sizes = [200, 2000];
  for (const n of sizes) {
    const corpus = await makeCorpus(n);
    try {
      const rounds = quick ? 1 : n >= 2000 ? 3 : 7;
      const GOV = [CLI, 'check', '--no-cache', '--format', 'json', '.'];
      wall(GOV, corpus.dir); // warm the file cache, write the code cache
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
          g = wall(GOV, corpus.dir);
          m = wall([MDL, '**/*.txt'], corpus.dir);
        } else {
          m = wall([MDL, '**/*.txt'], corpus.dir);
          g = wall(GOV, corpus.dir);
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
      // A run again over the same folder: the result cache's store written by one run, then measured runs.
      const AGAIN = [CLI, 'check', '--format', 'json', '.'];
      wall(AGAIN, corpus.dir);
      const again = [];
      const againCpu = [];
      let a;
      for (let i = 0; i < rounds; i++) {
        a = wall(AGAIN, corpus.dir);
        again.push(a.ms);
        againCpu.push(a.cpu);
      }
      if (a.stdout !== g.stdout) throw new Error(`bench: the run from the result cache printed other findings than the run without it (folder of ${n})`);
      const as = summarize(again);
      const ac = summarize(againCpu);
      againRows.push([String(n), ms(as.median), ms(as.min), ms(ac.median), ratio(ms2.median / as.median), ratio(gs.median / as.median), String(rounds)]);
      summary.push({
        figure: `folder of ${n} again, unchanged, from the result cache: markdownlint-cli2 ÷ govreport, whole process`,
        value: `${ratio(ms2.median / as.median)} (${ms(ms2.median)} vs ${ms(as.median)})`, target: `≥ ${TARGET_RATIO}×`, met: ms2.median / as.median >= TARGET_RATIO,
      });
      summary.push({
        figure: `folder of ${n}: markdownlint-cli2 ÷ govreport check --no-cache --format json, whole process`,
        value: `${ratio(rs.median)} (${ms(ms2.median)} vs ${ms(gs.median)})`, target: `≥ ${TARGET_RATIO}×`, met: rs.median >= TARGET_RATIO,
      });
      summary.push({
        figure: `folder of ${n}: CPU time, markdownlint-cli2 ÷ govreport (all threads)`,
        value: `${ratio(cr.median)} (${ms(mc.median)} vs ${ms(gc.median)})`, target: '—',
      });
      if (n === sizes[0]) {
        const core = corePerReport(corpus.dir);
        for (const [name, c] of [['V8 default tiering', core.v8], [`the CLI's interrupt budget (${core.budget})`, core.cli]]) {
          console.log(`  core checkText per report on the ${n}, fresh process, ${name}: first pass (cold) median ${ms(c.first.median)}, total ${ms(c.firstTotal)}, CPU ${ms(c.firstCpu)}; warm median ${ms(c.warm.median)}, p95 ${ms(c.warm.p95)}, CPU ${ms(c.warmCpu)}`);
        }
        summary.push({ figure: `core checkText per report (folder of ${n}): warm median / cold first pass (CPU of the pass), CLI's tiering`, value: `${ms(core.cli.warm.median)} / ${ms(core.cli.first.median)} (${ms(core.cli.firstCpu)})`, target: '—' });
        summary.push({ figure: `core checkText per report (folder of ${n}): same, V8's default tiering`, value: `${ms(core.v8.warm.median)} / ${ms(core.v8.first.median)} (${ms(core.v8.firstCpu)})`, target: '—' });
      }
    } finally {
      corpus.remove();
    }
  }
  printTable(rows);
  console.log(`  markdownlint-cli2 ${mdlVersion} with its default rules, given "**/*.txt" in the corpus folder; govreport with --no-cache (every report checked), otherwise as it runs by default (the main thread and a worker per further core; no worker at a load average of the cores or more).`);
  console.log('  The same folder checked again, unchanged: every outcome from the result cache (its output equal to the run without it):');
  printTable(againRows);
}
