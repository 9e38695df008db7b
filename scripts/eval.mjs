// npm run eval — how well does the checker read reports nobody has seen?
// Runs the built CLI (`node dist/cli.js parse --format json FILE`, `check --format json FILES`) over the
// eval corpus (eval/reports: each folder a report's truth.json and its shapes) and prints, per shape and per
// source kind, cells read right / wrong / declined, labelled totals right, planted errors caught, false
// alarms, errors on declined tables, table-unreadable/layout-lost, reports recognised, sections found and
// messages in Chinese; then the worst files with their findings.
//
//   npm run eval                          the committed corpus
//   npm run eval -- --full                remake everything (PDF of every report, --extra N more) in a temp folder first
//   npm run eval -- --held-out N [--seed S]   N reports drawn afresh (none in the committed corpus), made in a temp folder
//   npm run eval -- --corpus DIR          another corpus folder
//   npm run eval -- --only tab,pdf        some shapes; --worst N (default 20); --json FILE: every file's figures
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scoreFile, badness, DOUBT_CODES } from './eval/score.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const argv = process.argv.slice(2);
const val = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const CLI = path.join(ROOT, 'dist', 'cli.js');
/** Parallel CLI runs: one per core, at most this many (the machine is shared). */
const MAX_JOBS = 4;
const JOBS = Number(val('--jobs', Math.min(MAX_JOBS, os.availableParallelism?.() ?? os.cpus().length)));
/** A CLI run that takes longer than this counts as a hang. */
const RUN_TIMEOUT_MS = 120_000;
const WORST = Number(val('--worst', '20'));
const ONLY = val('--only', '')?.split(',').filter(Boolean) ?? [];

if (!existsSync(CLI)) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
let corpus = path.resolve(val('--corpus', path.join(ROOT, 'eval', 'reports')));
let temp;
if (argv.includes('--full')) {
  temp = mkdtempSync(path.join(os.tmpdir(), 'govreport-eval-full-'));
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'eval', 'make.mjs'), '--out', temp, '--all-pdf', '--extra', val('--extra', '0')], { stdio: 'inherit' });
  corpus = temp;
} else if (argv.includes('--held-out')) {
  temp = mkdtempSync(path.join(os.tmpdir(), 'govreport-eval-held-out-'));
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'eval', 'make.mjs'), '--out', temp, '--held-out', val('--held-out', '16'), '--seed', val('--seed', '1')], { stdio: 'inherit' });
  corpus = temp;
}

/** The shape a file is in, from its name: tab.txt → tab, original.pdf → pdf, original.htm → html. */
const shapeOf = (file) => {
  const base = path.basename(file);
  if (base.startsWith('original.')) return base.endsWith('.htm') ? 'html' : base.slice('original.'.length);
  return base.replace(/\.(txt|md)$/, '');
};
const KIND = {
  tab: 'text as written', md: 'text as written', 'md-split': 'text as written', 'md-html': 'text as written', 'md-pdf': 'text as written', 'word-cells': 'text as written',
  'html-cells': 'text as written', spaces: 'text as written', 'pdf-layout': 'text made by tools', 'pdf-plain': 'text made by tools',
  'web-oneline': 'text made by tools', html: '.html', docx: '.docx', pdf: '.pdf',
};
const SHAPE_ORDER = Object.keys(KIND);

const run = (args) => new Promise((resolve) => {
  execFile(process.execPath, [CLI, ...args], { maxBuffer: 256 * 1024 * 1024, timeout: RUN_TIMEOUT_MS, env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '' } },
    (error, stdout, stderr) => resolve({ code: error?.code ?? 0, killed: !!error?.killed, stdout, stderr }));
});
async function pool(items, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.max(1, JOBS) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  }));
  return out;
}

const reports = readdirSync(corpus).filter((d) => existsSync(path.join(corpus, d, 'truth.json'))).sort();
if (!reports.length) throw new Error(`no reports in ${corpus} (each folder needs a truth.json): node scripts/eval/make.mjs`);
const started = Date.now();

// check: one run per report (all its shapes), so no two reports of one agency meet across years.
const checks = await pool(reports, async (id) => {
  const files = readdirSync(path.join(corpus, id)).filter((f) => f !== 'truth.json').sort()
    .filter((f) => !ONLY.length || ONLY.includes(shapeOf(f))).map((f) => path.join(corpus, id, f));
  if (!files.length) return { id, files, byPath: new Map() };
  const r = await run(['check', '--format', 'json', '--jobs', '0', '--locale', 'zh', ...files]);
  const byPath = new Map();
  try {
    for (const f of JSON.parse(r.stdout).files) byPath.set(path.resolve(f.path), f);
  } catch {
    // Left empty: each file then counts as a failed run below.
  }
  return { id, files, byPath, failure: r.killed ? 'timed out' : r.code > 2 ? r.stderr.trim().split('\n').pop() : undefined };
});
const jobs = checks.flatMap((c) => c.files.map((file) => ({ id: c.id, file, check: c.byPath.get(path.resolve(file)), failure: c.failure })));
const results = await pool(jobs, async (job) => {
  const truth = JSON.parse(readFileSync(path.join(corpus, job.id, 'truth.json'), 'utf8'));
  const shape = shapeOf(job.file);
  const p = await run(['parse', '--format', 'json', '--locale', 'zh', job.file]);
  let model;
  try { model = JSON.parse(p.stdout); } catch { model = undefined; }
  const problem = p.killed ? 'parse timed out' : !model ? `parse failed: ${p.stderr.trim().split('\n').pop()}` : !job.check ? `check failed: ${job.failure ?? 'no result'}` : undefined;
  const score = scoreFile({ truth, shape, model, diagnostics: job.check?.diagnostics ?? [] });
  return { file: path.relative(ROOT, job.file), id: job.id, shape, kind: KIND[shape] ?? shape, charset: model?.encoding, problem, score };
});
if (temp && !argv.includes('--keep')) rmSync(temp, { recursive: true, force: true });

// ------------------------------------------------------------------------------------------------ the table
const add = (a, s) => {
  a.files++;
  a.recognised += s.recognised;
  a.sections += s.sections.right;
  for (const k of ['right', 'wrong', 'declined']) a.cells[k] += s.cells[k];
  a.totals.right += s.totals.right;
  a.totals.of += s.totals.of;
  a.tables.declined += s.tables.declined + s.tables.absent;
  a.tables.of += s.tables.declined + s.tables.absent + s.tables.confident;
  a.planted.caught += s.planted.caught;
  a.planted.of += s.planted.of;
  for (const k of ['sum', 'structure', 'other']) a.falseErrors[k] += s.falseErrors[k];
  a.onDeclined += s.onDeclined;
  a.warn.prose += s.unplannedWarnings.prose;
  a.warn.other += s.unplannedWarnings.other;
  a.info += s.unplannedInfo.count;
  for (const c of DOUBT_CODES) a.doubt[c] += s.doubt[c];
  a.zh.chinese += s.messages.chinese;
  a.zh.of += s.messages.of;
  return a;
};
const empty = () => ({ files: 0, recognised: 0, sections: 0, cells: { right: 0, wrong: 0, declined: 0 }, totals: { right: 0, of: 0 },
  tables: { declined: 0, of: 0 }, planted: { caught: 0, of: 0 }, falseErrors: { sum: 0, structure: 0, other: 0 }, onDeclined: 0,
  warn: { prose: 0, other: 0 }, info: 0, doubt: Object.fromEntries(DOUBT_CODES.map((c) => [c, 0])), zh: { chinese: 0, of: 0 }, failed: 0 });
const group = (key) => {
  const m = new Map();
  for (const r of results) m.set(key(r), add(m.get(key(r)) ?? empty(), r.score));
  for (const r of results) if (r.problem) m.get(key(r)).failed++;
  return m;
};
const pct = (a, b) => (b ? `${Math.round((100 * a) / b)}%` : '–');
const COLUMNS = [
  ['files', (a) => `${a.files}`],
  ['report', (a) => `${a.recognised}`],
  ['sections', (a) => `${a.sections}`],
  ['cells right', (a) => `${a.cells.right}`],
  ['wrong', (a) => `${a.cells.wrong}`],
  ['declined', (a) => `${a.cells.declined}`],
  ['right%', (a) => pct(a.cells.right, a.cells.right + a.cells.wrong + a.cells.declined)],
  ['totals', (a) => `${a.totals.right}/${a.totals.of}`],
  ['tables declined', (a) => `${a.tables.declined}/${a.tables.of}`],
  ['planted', (a) => `${a.planted.caught}/${a.planted.of}`],
  ['false err sum/str/oth', (a) => `${a.falseErrors.sum}/${a.falseErrors.structure}/${a.falseErrors.other}`],
  ['err on declined', (a) => `${a.onDeclined}`],
  ['warn R8/other', (a) => `${a.warn.prose}/${a.warn.other}`],
  ['info', (a) => `${a.info}`],
  ['unreadable', (a) => `${a.doubt['table-unreadable']}`],
  ['layout-lost', (a) => `${a.doubt['layout-lost']}`],
  ['zh', (a) => pct(a.zh.chinese, a.zh.of)],
];
const width = (s) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const padL = (s, n) => ' '.repeat(Math.max(0, n - width(s))) + s;
const padR = (s, n) => s + ' '.repeat(Math.max(0, n - width(s)));
function printTable(title, rows) {
  const head = [title, ...COLUMNS.map(([h]) => h)];
  const body = rows.map(([name, a]) => [name, ...COLUMNS.map(([, f]) => f(a))]);
  const w = head.map((h, i) => Math.max(width(h), ...body.map((r) => width(r[i]))));
  const line = (r) => r.map((c, i) => (i === 0 ? padR(c, w[i]) : padL(c, w[i]))).join('  ');
  console.log(line(head));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  body.forEach((r, i) => {
    if (i === body.length - 1) console.log(w.map((n) => '-'.repeat(n)).join('  '));
    console.log(line(r));
  });
  console.log('');
}
const byShape = group((r) => r.shape);
const byKind = group((r) => r.kind);
const total = results.reduce((a, r) => add(a, r.score), empty());
total.failed = results.filter((r) => r.problem).length;
const ordered = (m, order) => [...m.entries()].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]) || a[0].localeCompare(b[0]));

console.log(`GovReport eval: ${reports.length} reports, ${results.length} files, ${path.relative(process.cwd(), corpus) || corpus} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
printTable('shape', [...ordered(byShape, SHAPE_ORDER), ['total', total]]);
printTable('source kind', [...ordered(byKind, [...new Set(Object.values(KIND))]), ['total', total]]);
console.log('report: recognised as a report · sections: the six (less one planted missing) found exactly · totals: labelled totals read right');
console.log('declined: cells of tables not read with confidence · false err: error-level findings not planted (sums / structure / other)');
console.log('err on declined: false errors inside a table marked not confident · warn: warnings not planted (R8 text-table-mismatch / other) · info: information and hints not planted\n');

// ------------------------------------------------------------------------------------------------ worst cases
const failures = results.filter((r) => r.problem);
if (failures.length) {
  console.log(`Runs that failed (${failures.length}):`);
  for (const r of failures) console.log(`  ${r.file}: ${r.problem}`);
  console.log('');
}
/** The worst files, at most this many of one shape and of one report, so that one failure does not fill the list. */
const WORST_PER_SHAPE = 3;
const WORST_PER_REPORT = 2;
const seen = new Map();
const worst = results.map((r) => ({ ...r, bad: badness(r.score) })).filter((r) => r.bad > 0)
  .sort((a, b) => b.bad - a.bad || a.file.localeCompare(b.file))
  .filter((r) => {
    const [s, i] = [`s:${r.shape}`, `r:${r.id}`].map((k) => seen.get(k) ?? 0);
    if (s >= WORST_PER_SHAPE || i >= WORST_PER_REPORT) return false;
    seen.set(`s:${r.shape}`, s + 1).set(`r:${r.id}`, i + 1);
    return true;
  }).slice(0, WORST);
console.log(`The worst ${worst.length} files (at most ${WORST_PER_SHAPE} of a shape, ${WORST_PER_REPORT} of a report):`);
for (const r of worst) {
  const s = r.score;
  const facts = [];
  if (!s.recognised) facts.push('not recognised as a report');
  if (s.cells.wrong) facts.push(`${s.cells.wrong} cells wrong`);
  if (s.tables.declined) facts.push(`${s.tables.declined} tables declined`);
  if (!s.sections.right) facts.push(`sections found ${s.sections.found.join(',') || 'none'}`);
  const fe = s.falseErrors.sum + s.falseErrors.structure + s.falseErrors.other;
  if (fe) facts.push(`${fe} false errors`);
  if (s.onDeclined) facts.push(`${s.onDeclined} errors on declined tables`);
  if (s.unplannedWarnings.prose) facts.push(`${s.unplannedWarnings.prose} R8 not planted`);
  console.log(`  ${r.file}  [${facts.join('; ')}]`);
  for (const m of s.planted.missed.slice(0, 3)) console.log(`      missed: ${m}`);
  for (const c of s.wrongCells.slice(0, 3)) console.log(`      wrong: ${c.table} ${c.row} ${c.column}: read ${c.read}, is ${c.truth}`);
  for (const f of s.falseErrors.list.slice(0, 3)) console.log(`      false: ${f.line}: ${f.code} ${f.message}`);
  for (const f of s.unplannedWarnings.list.filter((x) => x.code === 'text-table-mismatch').slice(0, 2)) console.log(`      R8: ${f.line}: ${f.message}`);
}
const out = val('--json');
if (out) writeFileSync(out, JSON.stringify({ corpus, reports: reports.length, results }, null, 1) + '\n');
