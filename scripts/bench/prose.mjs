// Reading the prose (R8): readProse alone, on the lines the parser gives it, for prose-dense reports (the
// text-table-mismatch fixtures) and the seeds at growing sizes, beside parseReport on the same text; and on
// single paragraphs at the reader's size limit. Time per KB staying flat as the text grows is what "linear"
// means here; the share of parseReport says what prose reading costs a parse.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { heading, ms, printTable, summarize } from './stats.mjs';
import { concat, repeat, ROOT, seeds, utf8Bytes } from './texts.mjs';

const require = createRequire(import.meta.url);
const out = (...p) => require(path.join(ROOT, 'out', 'server', 'src', ...p));
const prose = out('core', 'parse', 'prose.js');
const { readProse } = prose;
const { parseReport } = out('core', 'service.js');
const { LineMap, splitLines } = out('core', 'text', 'lines.js');
const { readMarkers } = require(path.join(ROOT, 'out', 'test', 'helpers', 'fixtures.js'));

const quick = process.env.BENCH_QUICK === '1';
const PROSE_DIR = path.join(ROOT, 'fixtures', 'checks', 'text-table-mismatch');

function proseFixtures() {
  return readdirSync(PROSE_DIR).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => readMarkers(readFileSync(path.join(PROSE_DIR, f), 'utf8')).text);
}

/** A text of one paragraph, given to readProse whole. */
function whole(text) {
  return { ranges: [[0, text.length]], map: new LineMap(splitLines(text)) };
}

/** The prose lines the parser gives readProse for this text (caught on their way in). */
function spans(text) {
  let got;
  prose.readProse = (t, ranges, map) => {
    got = { ranges, map };
    return readProse(t, ranges, map);
  };
  try {
    parseReport(text);
  } finally {
    prose.readProse = readProse;
  }
  return got;
}

/** Wall time per run (median, p95), and CPU time per run (user + system, mean): CPU time is what the load of a
 * shared machine disturbs least, so the linearity figures use it. */
function timeRuns(fn, minRuns, minMs) {
  fn();
  const samples = [];
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  while (samples.length < minRuns || performance.now() - t0 < minMs) {
    const a = performance.now();
    fn();
    samples.push(performance.now() - a);
    if (samples.length >= 2000) break;
  }
  const c = process.cpuUsage(c0);
  return { ...summarize(samples), cpu: (c.user + c.system) / 1000 / samples.length };
}

export function benchProse(summary) {
  heading('Prose (R8): readProse on the prose lines of prose-dense reports and of the seeds, beside parseReport');
  const dense = concat(proseFixtures());
  const all = concat(seeds().map((s) => s.text));
  // A paragraph at the reader's size limit, all counts, and one of negations: the worst a paragraph can be.
  const counts = '收到申请13件，办结12件，其中予以公开6件、部分公开2件，占66.67%；'.repeat(520).slice(0, 20000);
  const negations = '未发生行政复议、行政诉讼，无被纠错或败诉，没有收到申请；'.repeat(800).slice(0, 20000);
  const cases = [
    ['prose fixtures ×1', dense], ['prose fixtures ×10', repeat(dense, 10)],
    ['seeds ×1', all], ['seeds ×100', repeat(all, 100)],
    ['one 20,000-char paragraph of counts', counts], ['one 20,000-char paragraph of negations', negations],
  ];
  const rows = [['text', 'size', 'numbers read', 'readProse median', 'p95', 'CPU mean', 'CPU per KB', 'parseReport CPU mean', 'prose ÷ parse']];
  const perKb = {};
  let cpuOfSeeds = 0;
  for (const [name, text] of cases) {
    const { map, ranges } = name.startsWith('one ') ? whole(text) : spans(text);
    const n = readProse(text, ranges, map).length;
    const big = text.length > 1_000_000;
    const prose = timeRuns(() => readProse(text, ranges, map), big ? 3 : 20, quick ? 300 : 1500);
    const parse = timeRuns(() => parseReport(text), big ? 3 : 20, quick ? 300 : 1500);
    const kb = utf8Bytes(text) / 1024;
    perKb[name] = prose.cpu / kb;
    if (name === 'seeds ×1') cpuOfSeeds = prose.cpu;
    rows.push([name, `${kb.toFixed(0)} KB`, String(n), ms(prose.median), ms(prose.p95), ms(prose.cpu), `${(1000 * prose.cpu / kb).toFixed(1)} µs`, ms(parse.cpu), `${(100 * prose.cpu / parse.cpu).toFixed(0)}%`]);
  }
  printTable(rows);
  console.log('  CPU mean: process CPU time per call (the linearity figures below use it; wall time on a shared machine waits for a core).');
  summary.push({ figure: 'prose: readProse CPU per seed report (seeds ×1 ÷ 5)', value: ms(cpuOfSeeds / 5), target: '—' });
  const growth = perKb['prose fixtures ×10'] / perKb['prose fixtures ×1'];
  summary.push({ figure: 'prose: CPU per KB, prose fixtures ×10 ÷ ×1', value: `${growth.toFixed(2)}×`, target: '≤ 1.5× (linear)', met: growth <= 1.5 });
  const seedGrowth = perKb['seeds ×100'] / perKb['seeds ×1'];
  summary.push({ figure: 'prose: CPU per KB, seeds ×100 ÷ ×1', value: `${seedGrowth.toFixed(2)}×`, target: '≤ 1.5× (linear)', met: seedGrowth <= 1.5 });
}
