// What the editors must show for the seed reports: expected diagnostics from fixtures/seeds/*.expected.json, and
// from the CLI (same core as the server) each finding's range, the text under it (UTF-16 columns sliced in JS)
// and the document text after its quick fix. Used by the Neovim check and the UI test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Text under an LSP range; positions are UTF-16 code units, as JS strings index. */
export function textAt(text, range) {
  const lines = text.split('\n');
  const off = (p) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(off(range.start), off(range.end));
}

/** Applies LSP text edits (non-overlapping, UTF-16 ranges) to a text. */
export function applyEdits(text, edits) {
  const lines = text.split('\n');
  const off = (p) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = edits.map((e) => ({ s: off(e.range.start), e: off(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  for (const e of sorted) text = text.slice(0, e.s) + e.t + text.slice(e.e);
  return text;
}

export function seedNames(root) {
  return readdirSync(join(root, 'fixtures', 'seeds')).filter((f) => f.endsWith('.txt')).sort();
}

/** { name, text, expected: [[code, line1]], sections: [{number,title}], findings: [{code, range, text, fix}] } per seed. */
export function seedOracle(root, names = seedNames(root)) {
  const dir = join(root, 'fixtures', 'seeds');
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '--format', 'json', '--locale', 'zh',
    ...names.map((n) => join(dir, n))], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`govreport check failed (${r.status}): ${r.stderr}`); // 1: a report has errors
  const json = JSON.parse(r.stdout);
  return names.map((name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    const exp = JSON.parse(readFileSync(join(dir, name.replace(/\.txt$/, '.expected.json')), 'utf8'));
    const file = json.files.find((f) => f.path.endsWith(name));
    if (!file) throw new Error(`CLI did not report ${name}`);
    return {
      name, text, expected: exp.diagnostics, modelSections: exp.model.sections, modelTables: Object.keys(exp.model.tables ?? {}),
      sections: file.sections.map((s) => ({ number: s.number, title: s.title })),
      findings: file.diagnostics.map((d) => ({ code: d.code, message: d.message, range: d.range, text: textAt(text, d.range),
        fix: d.fix ? { title: d.fix.title, after: applyEdits(text, d.fix.edits) } : null })),
    };
  });
}

/** The CLI's findings [[code, line1]] for a text saved as `name` in a scratch folder. */
export function findingsOf(root, name, text, scratch) {
  mkdirSync(scratch, { recursive: true });
  const p = join(scratch, name);
  writeFileSync(p, text);
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '--format', 'json', '--locale', 'zh', p], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`govreport check failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout).files[0].diagnostics.map((d) => [d.code, d.range.start.line + 1]);
}

export const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Copies the seeds into `dir` as writable files (the fixtures are read-only). */
export function copySeeds(root, dir, names = seedNames(root)) {
  mkdirSync(dir, { recursive: true });
  for (const n of names) writeFileSync(join(dir, n), readFileSync(join(root, 'fixtures', 'seeds', n)));
}
