// The benchmark (npm run bench): builds, then measures and prints figures against their targets. It never
// asserts and always exits 0 once it ran; read the summary at the end (and BENCHMARKS.md for context).
//
//   npm run bench                       everything
//   npm run bench -- core typing        only some sections, of: core typing memory extension cli originals hostile actions folder prose
//   npm run bench -- --markdown         also print the summary as a Markdown table
//   BENCH_QUICK=1 npm run bench         fewer iterations (a smoke run; figures are noisier)
//   npm run bench -- --no-build         use out/ and dist/ as they are
//   npm run bench -- originals --instructions   also count the 6-page PDF's instructions (valgrind; minutes)
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import * as path from 'node:path';
import { benchCli } from './bench/cli.mjs';
import { benchCodeActions } from './bench/code-actions.mjs';
import { benchCore } from './bench/core.mjs';
import { benchFolder } from './bench/folder.mjs';
import { benchActivation, benchSizes } from './bench/extension.mjs';
import { benchBurst, benchLargeFiles } from './bench/hostile.mjs';
import { benchOriginals } from './bench/originals.mjs';
import { benchProse } from './bench/prose.mjs';
import { benchMemory, benchTyping } from './bench/server.mjs';
import { heading, machine, markdownTable, printTable } from './bench/stats.mjs';
import { ROOT } from './bench/texts.mjs';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const wanted = args.filter((a) => !a.startsWith('--'));
const SECTIONS = ['core', 'typing', 'memory', 'extension', 'cli', 'originals', 'hostile', 'actions', 'folder', 'prose'];
const unknown = wanted.filter((w) => !SECTIONS.includes(w));
if (unknown.length) {
  console.error(`unknown section(s) ${unknown.join(', ')}; choose from ${SECTIONS.join(' ')}`);
  process.exit(2);
}
const run = (s) => wanted.length === 0 || wanted.includes(s);

const started = performance.now();
const m = machine();
console.log(`GovReport benchmark — ${new Date().toISOString()}`);
console.log(`machine: ${m.cpus} × ${m.model}, ${m.ramGiB} GiB RAM, Node ${m.node}; load average (1/5/15 min): ${m.load}`);
if (process.env.BENCH_QUICK === '1') console.log('BENCH_QUICK=1: fewer iterations, noisier figures');

function build() {
  heading('Build (tsc -p . → out/, scripts/build.mjs → dist/)');
  for (const [name, cmd] of [['tsc -p .', [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']], ['node scripts/build.mjs', ['scripts/build.mjs']]]) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, cmd, { cwd: ROOT, encoding: 'utf8' });
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    if (r.status === 0) console.log(`  ${name}: ok (${secs} s)`);
    else {
      // tsc still emits on type errors; benchmark what was emitted, but say so loudly.
      console.log(`  ${name}: exit ${r.status} (${secs} s) — figures below are for whatever it emitted\n${(r.stdout + r.stderr).trim().split('\n').slice(0, 15).map((l) => `    ${l}`).join('\n')}`);
    }
  }
}

const summary = [];
/** Runs a section; a failure is reported as a figure and the other sections still run. */
async function section(name, fn) {
  if (!run(name)) return;
  try {
    await fn();
  } catch (err) {
    console.log(`\n  section "${name}" failed: ${err instanceof Error ? err.stack : String(err)}`);
    summary.push({ figure: `section ${name}`, value: `failed: ${String(err?.message ?? err).split('\n')[0]}`, target: '—' });
  }
}

if (!flags.has('--no-build')) build();
await section('core', () => benchCore(summary));
await section('typing', () => benchTyping(summary));
await section('memory', () => benchMemory(summary));
await section('extension', async () => {
  benchSizes(summary);
  await benchActivation(summary);
});
await section('cli', () => benchCli(summary));
await section('originals', () => benchOriginals(summary, { instructions: flags.has('--instructions') }));
await section('hostile', async () => {
  await benchBurst(summary);
  await benchLargeFiles(summary);
});
await section('actions', () => benchCodeActions(summary));
await section('folder', () => benchFolder(summary));
await section('prose', () => benchProse(summary));

heading('Summary (figures, not assertions)');
const rows = [['figure', 'value', 'target', 'status'], ...summary.map((s) => [s.figure, s.value, s.target, s.met === undefined ? '' : s.met ? 'met' : 'MISSED'])];
printTable(rows);
if (flags.has('--markdown')) console.log(`\n${markdownTable(rows)}`);
const missed = summary.filter((s) => s.met === false);
console.log(`\n${summary.filter((s) => s.met).length} targets met, ${missed.length} missed${missed.length ? `: ${missed.map((s) => s.figure).join('; ')}` : ''}`);
console.log(`load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}; the bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
