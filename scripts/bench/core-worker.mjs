// Runs in a child process (forked by core.mjs) so the core is timed in a fresh, quiet V8 heap.
//   mode "time":  checkText (parse + all checks) and markdownlint's default rules on the same text,
//                 interleaved round by round so both see the same machine noise; also parseReport alone.
//   mode "alloc": (needs --expose-gc and a large new space) bytes allocated by one checkText call, and the
//                 bytes its result keeps alive.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { coreCases, ROOT } from './texts.mjs';

const require = createRequire(import.meta.url);
const { checkText, parseReport } = require(path.join(ROOT, 'out', 'server', 'src', 'core', 'service.js'));
const mode = process.argv[2] ?? 'time';
const quick = process.env.BENCH_QUICK === '1';

function time(fn) {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** How long to run each case: many iterations for the small texts, few for the 100-fold ones. */
function plan(c) {
  if (c.scale === 1) {
    return { warmCore: 300, warmMl: 20, coreBatch: 10, minCore: quick ? 200 : 1000, minMl: quick ? 20 : 60, minMs: quick ? 800 : 2500, maxMs: quick ? 3000 : 8000 };
  }
  const huge = c.text.length > 1_000_000; // all five ×100: markdownlint takes seconds per run
  return { warmCore: 2, warmMl: huge ? 0 : 1, coreBatch: huge ? 5 : 4, minCore: quick ? 5 : 12, minMl: huge || quick ? 1 : 3, minMs: 0, maxMs: quick ? 5000 : 30000 };
}

async function timeCases() {
  const { lint } = await import('markdownlint/sync');
  const markdownlint = (text) => lint({ strings: { a: text } }).a;
  const results = [];
  const cases = coreCases();
  // The very first call in a fresh process (cold: interpreted, nothing compiled yet), as the CLI sees it.
  const coldMs = time(() => checkText(cases[0].text));
  for (const c of cases) {
    const p = plan(c);
    for (let i = 0; i < p.warmCore; i++) checkText(c.text);
    for (let i = 0; i < p.warmMl; i++) markdownlint(c.text);
    const core = [];
    const ml = [];
    let coreCpuUs = 0; // user + system CPU time of the checkText calls: unlike wall time, not inflated while descheduled
    const t0 = performance.now();
    for (;;) {
      const cpu0 = process.cpuUsage();
      for (let i = 0; i < p.coreBatch; i++) core.push(time(() => checkText(c.text)));
      const cpu = process.cpuUsage(cpu0);
      coreCpuUs += cpu.user + cpu.system;
      if (ml.length < p.minMl || performance.now() - t0 < p.maxMs) ml.push(time(() => markdownlint(c.text)));
      const elapsed = performance.now() - t0;
      if (core.length >= p.minCore && ml.length >= p.minMl && elapsed >= p.minMs) break;
      if (elapsed >= p.maxMs && core.length >= 3 && ml.length >= 1) break;
    }
    const parse = [];
    for (let i = 0; i < Math.min(core.length, 200); i++) parse.push(time(() => parseReport(c.text)));
    const r = checkText(c.text);
    results.push({
      name: c.name, scale: c.scale, chars: c.text.length, bytes: Buffer.byteLength(c.text),
      findings: r.findings.length, tables: r.model.tables?.length, mlFindings: markdownlint(c.text).length,
      core, ml, parse, coreCpuMeanMs: coreCpuUs / 1000 / core.length, ...(c === cases[0] ? { coldMs } : {}),
    });
    process.send?.({ progress: `${c.name}: ${core.length} checkText runs, ${ml.length} markdownlint runs` });
  }
  return results;
}

/** Bytes allocated by one call, valid only when no garbage collection ran during it (checked). */
let keep; // holds the last result alive while its retained size is measured
function allocCases() {
  if (typeof globalThis.gc !== 'function') throw new Error('alloc mode needs --expose-gc');
  const results = [];
  for (const c of coreCases()) {
    for (let i = 0; i < (c.scale === 1 ? 50 : 2); i++) checkText(c.text);
    const samples = [];
    let retained;
    let gcDuring = 0;
    for (let i = 0; i < (c.scale === 1 ? 20 : 3); i++) {
      globalThis.gc();
      const profiler = new v8.GCProfiler();
      const before = process.memoryUsage().heapUsed;
      profiler.start();
      keep = checkText(c.text);
      const stats = profiler.stop();
      const after = process.memoryUsage().heapUsed;
      if (stats.statistics.length > 0) { gcDuring++; continue; }
      samples.push(after - before);
      globalThis.gc();
      retained = process.memoryUsage().heapUsed - before;
      keep = undefined;
    }
    samples.sort((a, b) => a - b);
    results.push({ name: c.name, allocated: samples[Math.floor(samples.length / 2)], retained, valid: samples.length, gcDuring });
  }
  return results;
}

const out = mode === 'alloc' ? allocCases() : await timeCases();
process.send?.({ result: out });
