// Neovim as a second LSP client: copies the seeds into a workspace, writes the spec for lsp-check.lua and runs
// `nvim --headless` against `node dist/server.js --stdio`. Usage: node run.mjs <workdir>
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copySeeds, findingsOf, NUMERALS, seedOracle } from '../oracle.mjs';
import { runGroup } from '../../../scripts/e2e/procs.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const work = process.argv[2];
const ws = join(work, 'nvim-ws');
mkdirSync(ws, { recursive: true });
const seeds = seedOracle(root);
copySeeds(root, ws);

const fix = (name, code, line) => {
  const s = seeds.find((x) => x.name.startsWith(name));
  const f = s.findings.find((x) => x.code === code && x.range.start.line + 1 === line);
  if (!f?.fix) throw new Error(`oracle: ${name} has no fixable ${code}@${line}`);
  return { name: s.name, code, line, after: f.fix.after, remaining: findingsOf(root, s.name, f.fix.after, join(work, 'scratch')) };
};
// A wrong number typed into 一、本年新收 … 自然人 of a clean report (seed 004): a column after 16 Chinese characters.
const typingSeed = seeds.find((x) => x.name.startsWith('004'));
const prefix = '一、本年新收政府信息公开申请数量\t\t';
const typingLine = typingSeed.text.split('\n').findIndex((l) => l.startsWith(prefix));
const spec = {
  cmd: [process.execPath, join(root, 'dist', 'server.js'), '--stdio'],
  workspace: ws,
  numerals: NUMERALS.slice(1),
  seeds: seeds.map((s) => ({
    name: s.name, path: join(ws, s.name), expected: s.expected, sections: s.sections,
    tables: s.modelTables.length,
    findings: s.findings.map((f) => ({ code: f.code, range: f.range, text: f.text })),
  })),
  fixes: [fix('000', 'table-label', 55), fix('002', 'section-numbering', 4)],
  typing: { name: typingSeed.name, line: typingLine, prefix, old: '0', new: '5', expected: typingSeed.expected },
};
const specPath = join(work, 'nvim-spec.json');
writeFileSync(specPath, JSON.stringify(spec, null, 1));
const r = await runGroup('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${join(here, 'lsp-check.lua')}`], {
  cwd: ws, timeoutMs: 180000, env: { ...process.env, GOVREPORT_NVIM_SPEC: specPath }, onLine: (l) => console.log(l),
});
if (r.timedOut) console.log('not ok - nvim: timed out');
process.exit(r.code === 0 && !r.timedOut ? 0 : 1);
