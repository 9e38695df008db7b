// 6. Originals: reading and checking a .docx, an HTML page and PDFs (the readers as bundled in dist/sources.js
// and dist/pdfjs.js), and the sizes of the lazy bundles. Target: a 6-page PDF read and checked in under 300 ms.
//
// The machine is shared and often loaded, so wall time says more about the neighbours than about us: each
// figure is also given as CPU time (process.cpuUsage, user + system, of this process only), which load
// stretches far less. Two situations: warm (the readers loaded, as in the language server after the first
// original) and a new process (loading the readers included, as `govreport check one.pdf`). With
// `--instructions` (and valgrind installed), the 6-page PDF is also measured in instructions executed
// (callgrind), which do not depend on the load at all: slow (minutes), so only when asked.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { bytes, heading, ms, printTable, summarize } from './stats.mjs';
import { ROOT } from './texts.mjs';

const require = createRequire(import.meta.url);
const quick = process.env.BENCH_QUICK === '1';
const TARGET_MS = 300;

const FILES = [
  ['.docx (LibreOffice, 3 tables)', 'fixtures/originals/sum-error.docx'],
  ['.html, GBK (rowspan/colspan)', 'fixtures/originals/sum-error-gbk.html'],
  ['.pdf, 6 pages (seed 004, 14pt)', 'fixtures/originals/six-pages.pdf', 'target'],
  ['.pdf, tables without ruling lines', 'fixtures/originals/seeds/004-borderless.pdf'],
  ['.pdf, a table split over pages', 'fixtures/originals/split-table.pdf'],
];

/** One read + check, timed: wall and CPU milliseconds. */
async function timed(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const v = await fn();
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000, v };
}

/** The same in a new Node process: loading the bundles, reading and checking once. */
function freshProcess(rel) {
  const script = `
    const c0 = process.cpuUsage(), t0 = performance.now();
    const { readSource } = require(${JSON.stringify(path.join(ROOT, 'dist', 'sources.js'))});
    const { checkView } = require(${JSON.stringify(path.join(ROOT, 'out', 'server', 'src', 'core', 'service.js'))});
    readSource(require('fs').readFileSync(${JSON.stringify(path.join(ROOT, rel))})).then((v) => {
      checkView(v);
      const c = process.cpuUsage(c0);
      process.stdout.write(JSON.stringify({ wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 }));
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`fresh read of ${rel} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Instructions a new Node process executes to load the bundles and read + check `rel` `reads` times. */
function instructions(rel, reads) {
  const script = `
    const { readSource } = require(${JSON.stringify(path.join(ROOT, 'dist', 'sources.js'))});
    const { checkView } = require(${JSON.stringify(path.join(ROOT, 'out', 'server', 'src', 'core', 'service.js'))});
    require(${JSON.stringify(path.join(ROOT, 'dist', 'pdfjs.js'))});
    const data = require('fs').readFileSync(${JSON.stringify(path.join(ROOT, rel))});
    (async () => { for (let i = 0; i < ${reads}; i++) checkView(await readSource(data)); })();`;
  const r = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', '--smc-check=all-non-file', process.execPath, '-e', script], { encoding: 'utf8' });
  const m = /Collected : (\d+)/.exec(r.stderr ?? '');
  if (!m) throw new Error(`callgrind gave no count: ${(r.stderr ?? r.error?.message ?? '').slice(-300)}`);
  return Number(m[1]);
}

/** Warm (the second read less the first) and first-read (less loading) instruction counts of `rel`. */
function benchInstructions(summary, rel) {
  if (spawnSync('valgrind', ['--version']).status !== 0) {
    console.log('  --instructions: valgrind is not installed (Debian: apt-get install valgrind)');
    return;
  }
  const [load, one, two] = [0, 1, 2].map((n) => instructions(rel, n));
  const g = (n) => `${(n / 1e9).toFixed(2)} G`;
  printTable([['instructions (callgrind)', 'count'], ['load the bundles (Node start included)', g(load)], ['first read + check, pdf.js compiling as it goes', g(one - load)], ['a further read + check (warm)', g(two - one)]]);
  summary.push({ figure: `read + check the 6-page PDF: instructions, warm (first read)`, value: `${g(two - one)} (${g(one - load)})`, target: '—' });
}

export async function benchOriginals(summary, { instructions: countInstructions = false } = {}) {
  heading('6. Originals: read + check (.docx, .html, .pdf), lazy bundles');
  const { readSource } = require(path.join(ROOT, 'dist', 'sources.js'));
  const { checkView } = require(path.join(ROOT, 'out', 'server', 'src', 'core', 'service.js'));
  const rows = [['file', 'pages', 'warm: wall median', 'CPU median', 'CPU min', 'new process: wall', 'CPU']];
  for (const [name, rel, target] of FILES) {
    const data = readFileSync(path.join(ROOT, rel));
    const once = () => readSource(data).then((v) => (checkView(v), v));
    const { v } = await timed(once); // loads the readers (and pdf.js) in this process
    const runs = [];
    for (let i = 0; i < (quick ? 3 : 10); i++) runs.push(await timed(once));
    const wall = summarize(runs.map((r) => r.wall));
    const cpu = summarize(runs.map((r) => r.cpu));
    const fresh = [];
    for (let i = 0; i < (quick ? 1 : 3); i++) fresh.push(freshProcess(rel));
    const fw = summarize(fresh.map((r) => r.wall));
    const fc = summarize(fresh.map((r) => r.cpu));
    rows.push([name, String(v.pages ?? ''), ms(wall.median), ms(cpu.median), ms(cpu.min), ms(fw.median), ms(fc.median)]);
    if (target) {
      summary.push({
        figure: `read + check a ${v.pages}-page PDF, warm: CPU median (wall median)`,
        value: `${ms(cpu.median)} (${ms(wall.median)})`, target: `< ${TARGET_MS} ms`, met: cpu.median < TARGET_MS,
      });
      summary.push({ figure: `  the same in a new process, pdf.js loading included: CPU (wall)`, value: `${ms(fc.median)} (${ms(fw.median)})`, target: '—' });
    }
  }
  printTable(rows);
  if (countInstructions) benchInstructions(summary, FILES.find((f) => f[2])[1]);
  console.log('  CPU: process.cpuUsage of this process (its GC threads included); a new process: median of the runs, Node start not counted.');
  const size = (f) => statSync(path.join(ROOT, 'dist', f)).size;
  printTable([['lazy bundle', 'size'], ['dist/sources.js (readers, fflate, htmlparser2, export)', bytes(size('sources.js'))], ['dist/pdfjs.js (pdf.js + worker)', bytes(size('pdfjs.js'))]]);
}
