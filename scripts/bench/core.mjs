// 1. The pure core: checkText (parse + all checks) per seed and per 100-fold concatenation, side by side with
// markdownlint's default rules on the same text; allocations per run.
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bytes, heading, ms, printTable, ratio, summarize } from './stats.mjs';

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'core-worker.mjs');

function runWorker(mode, execArgv) {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [mode], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result;
    child.on('message', (m) => {
      if (m.progress) console.log(`  … ${m.progress}`);
      if (m.result) result = m.result;
    });
    child.on('error', reject);
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`core worker (${mode}) exited with ${code}`))));
  });
}

export async function benchCore(summary) {
  heading('1. Core: checkText (parse + all checks) vs markdownlint 0.42 default rules, same text, same run');
  const timed = await runWorker('time', []);
  // A new space larger than any one run's garbage, so no collection runs during the measured call.
  const alloc = await runWorker('alloc', ['--expose-gc', '--min-semi-space-size=512', '--max-semi-space-size=512']);
  const allocOf = new Map(alloc.map((a) => [a.name, a]));

  const rows = [['text', 'size', 'findings', 'checkText median', 'p95', 'min', 'mean', 'CPU mean', 'parse only', 'runs', 'alloc/run', 'retained', 'markdownlint median', 'runs', 'ratio (ml/core)']];
  for (const r of timed) {
    const core = summarize(r.core);
    const ml = summarize(r.ml);
    const parse = summarize(r.parse);
    const a = allocOf.get(r.name);
    r.summary = { core, ml, parse, ratio: ml.median / core.median, alloc: a };
    rows.push([
      r.name, `${bytes(r.bytes)} / ${r.chars} ch`, String(r.findings), ms(core.median), ms(core.p95), ms(core.min), ms(core.mean), ms(r.coreCpuMeanMs), ms(parse.median), String(core.n),
      a?.valid ? bytes(a.allocated) : 'n/a', a?.valid ? bytes(Math.max(0, a.retained)) : 'n/a', ms(ml.median), String(ml.n), ratio(r.summary.ratio),
    ]);
  }
  printTable(rows);
  console.log('  (markdownlint findings per text: ' + timed.map((r) => `${r.name} ${r.mlFindings}`).join(', ') + ')');
  console.log('  CPU mean: process CPU time (user + system, all threads incl. GC helpers) per checkText call; wall mean ≫ CPU mean means the');
  console.log('  process waited for a core (machine load), CPU mean > wall mean means parallel GC threads helped.');
  console.log('  alloc/run: heap bytes allocated by one checkText call (no GC ran during it); retained: heap kept alive by its result.');
  console.log(`  the first checkText call in a fresh process (cold, ${timed[0].name}): ${ms(timed[0].coldMs)}`);
  summary.push({ figure: `core checkText, first call in a fresh process (${timed[0].name})`, value: ms(timed[0].coldMs), target: '—' });

  for (const r of timed) {
    const { core } = r.summary;
    const oneReport = r.scale === 1 && r.name.startsWith('seed'); // the < 1 ms target is per seed report
    summary.push({
      figure: `core ${r.name}: median / p95`, value: `${ms(core.median)} / ${ms(core.p95)}`,
      target: oneReport ? 'median < 1 ms' : '—', met: oneReport ? core.median < 1 : undefined,
    });
  }
  for (const r of timed) {
    summary.push({ figure: `markdownlint ÷ checkText, ${r.name}`, value: `${ratio(r.summary.ratio)} (${ms(r.summary.ml.median)} vs ${ms(r.summary.core.median)})`, target: '≥ 20×', met: r.summary.ratio >= 20 });
  }
  return timed;
}
