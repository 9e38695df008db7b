// The speed work's correctness gate: what the checker reads and finds, file by file, fingerprinted, so that a
// change meant only to make it faster can be shown to change nothing.
//
//   node scripts/bench/same.mjs --record FILE [DIR...]   fingerprint every report under the folders into FILE
//   node scripts/bench/same.mjs --against FILE [DIR...]  fingerprint again and list every file that differs
//
// Folders default to fixtures/, eval/reports/, ../shared/seeds and the folder benchmark's corpora of 200 and
// 2,000 reports (bench/corpus.mjs, in a temporary folder). Each file's fingerprint is the SHA-256 of its parsed
// model (every section, table, row, cell and range, as `govreport parse` has them) and of its findings (code,
// severity, range, message, fixes and data), read the way `govreport check` reads it: text files as text,
// originals (.docx, .pdf, .html) through the source readers. It uses out/ (run `npx tsc -p .` first).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { makeCorpus } from './corpus.mjs';
import { ROOT } from './texts.mjs';

const require = createRequire(import.meta.url);
const OUT = path.join(ROOT, 'out', 'server', 'src');
const { checkText, checkView } = require(path.join(OUT, 'core', 'service.js'));
const { readReport } = require(path.join(OUT, 'node', 'sources.js'));
const { sourceKind } = require(path.join(OUT, 'node', 'sources.js'));

const REPORT = /\.(txt|md|docx|pdf|html?)$/i;

function filesUnder(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (REPORT.test(e.name) && !/README\.md$/i.test(e.name)) out.push(p);
  }
  return out.sort();
}

/** JSON with Maps as their entries, so that a table's rows are part of the fingerprint. */
function stable(value) {
  return JSON.stringify(value, (_k, v) => (v instanceof Map ? { map: [...v.entries()] } : v));
}

async function fingerprint(file) {
  let result;
  if (sourceKind(file)) {
    const r = await readReport(file);
    result = checkView(r.view, {});
  } else {
    result = checkText(readFileSync(file, 'utf8'), {});
  }
  return createHash('sha256').update(stable(result.model)).update('\n').update(stable(result.findings)).digest('hex').slice(0, 16);
}

const args = process.argv.slice(2);
const mode = args[0];
const target = args[1];
if ((mode !== '--record' && mode !== '--against') || !target) {
  console.error('usage: node scripts/bench/same.mjs --record FILE | --against FILE [DIR...]');
  process.exit(2);
}
const dirs = args.slice(2);
const corpora = [];
if (dirs.length === 0) {
  for (const d of ['fixtures', 'eval/reports', '../shared/seeds']) if (existsSync(path.join(ROOT, d))) dirs.push(path.join(ROOT, d));
  for (const n of [200, 2000]) {
    const c = await makeCorpus(n);
    corpora.push(c);
    dirs.push(c.dir);
  }
}
const prints = {};
try {
  for (const [k, dir] of dirs.entries()) {
    // A corpus in a temporary folder is named by its size, so that two runs compare.
    const name = corpora.find((c) => c.dir === dir) ? `corpus-${corpora.find((c) => c.dir === dir).n}` : path.relative(ROOT, dir) || `dir${k}`;
    for (const f of filesUnder(dir)) prints[`${name}/${path.relative(dir, f)}`] = await fingerprint(f);
  }
} finally {
  for (const c of corpora) c.remove();
}
const count = Object.keys(prints).length;
if (mode === '--record') {
  writeFileSync(target, JSON.stringify(prints, null, 0));
  console.log(`recorded ${count} files into ${target}`);
} else {
  const before = JSON.parse(readFileSync(target, 'utf8'));
  const differ = [];
  for (const k of new Set([...Object.keys(before), ...Object.keys(prints)])) if (before[k] !== prints[k]) differ.push(k);
  if (differ.length === 0) {
    console.log(`same: ${count} files read and checked exactly as recorded`);
  } else {
    console.log(`DIFFERENT: ${differ.length} of ${count} files`);
    for (const k of differ.slice(0, 40)) console.log(`  ${k}${before[k] === undefined ? ' (new)' : prints[k] === undefined ? ' (gone)' : ''}`);
    process.exitCode = 1;
  }
}
