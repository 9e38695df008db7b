// Grammar tests (npm test runs this when it exists): checks the TextMate grammar for GovReport reports.
//   1. the grammar is wired in package.json, every regex compiles (Oniguruma, as in VS Code), every
//      `#include` resolves — vscode-textmate only compiles the rules a text reaches, so a broken rule
//      could otherwise hide;
//   2. every fixture report tokenizes, in reasonable time, and the seeds show their section headings;
//   3. the scope assertions in test/grammar/*.test.govreport hold (vscode-tmgrammar-test).
// Usage: node scripts/grammar-test.mjs        Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
// The engine VS Code uses, as the test runner's own dependencies (hoisted or not).
const runnerRequire = createRequire(require.resolve('vscode-tmgrammar-test/package.json'));
const oniguruma = runnerRequire('vscode-oniguruma');
const textmate = runnerRequire('vscode-textmate');

const SCOPE = 'text.govreport';
const failures = [];
const fail = (msg) => failures.push(msg);

// 1. Wiring and static checks.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const entry = (pkg.contributes?.grammars ?? []).find((g) => g.scopeName === SCOPE);
if (!entry) {
  console.error(`package.json contributes no grammar with scopeName ${SCOPE}`);
  process.exit(1);
}
const grammarPath = entry.path.replace(/^\.\//, '');
const raw = JSON.parse(readFileSync(grammarPath, 'utf8'));
if (raw.scopeName !== SCOPE) fail(`${grammarPath}: scopeName is ${raw.scopeName}, expected ${SCOPE}`);
if (!(pkg.contributes.languages ?? []).some((l) => l.id === entry.language)) fail(`grammar language ${entry.language} is not a contributed language`);

await oniguruma.loadWASM(readFileSync(runnerRequire.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
// vscode-oniguruma compiles lazily and never throws: an invalid pattern silently makes its whole scanner
// find nothing. So each pattern is paired with a sentinel that always matches: no match = does not compile.
const SENTINEL = '\\x01sentinel\\x01';
const compiles = (pattern) => {
  const scanner = new oniguruma.OnigScanner([pattern, SENTINEL]);
  const text = new oniguruma.OnigString('text \x01sentinel\x01');
  try {
    return scanner.findNextMatchSync(text, 0) !== null;
  } finally {
    text.dispose();
    scanner.dispose();
  }
};
let regexes = 0;
const walk = (node, where) => {
  if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}[${i}]`));
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string') {
      regexes++;
      if (!compiles(value)) fail(`${where}.${key}: the regular expression does not compile: ${value}`);
    } else if (key === 'include' && typeof value === 'string' && value.startsWith('#')) {
      if (!raw.repository?.[value.slice(1)]) fail(`${where}: include ${value} is not in the repository`);
    } else {
      walk(value, `${where}.${key}`);
    }
  }
};
walk(raw, grammarPath);
console.log(`grammar: ${regexes} regular expressions compile`);

// 2. Every fixture tokenizes in reasonable time; the seeds show their section headings.
const registry = new textmate.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s) => new oniguruma.OnigString(s),
  }),
  loadGrammar: async (scope) => (scope === SCOPE ? textmate.parseRawGrammar(JSON.stringify(raw), `${SCOPE}.json`) : null),
});
const grammar = await registry.loadGrammar(SCOPE);
const fixtures = [];
const collect = (dir) => {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) collect(join(dir, e.name));
    else if (/\.(txt|md|govreport)$/.test(e.name)) fixtures.push(join(dir, e.name));
  }
};
collect('fixtures');
fixtures.sort();
let lineCount = 0;
let slowest = { file: '', ms: 0 };
for (const file of fixtures) {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const t0 = performance.now();
  let state = textmate.INITIAL;
  let headings = 0;
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    if (r.tokens.some((t) => t.scopes.includes('markup.heading.section.govreport'))) headings++;
  }
  const ms = performance.now() - t0;
  lineCount += lines.length;
  if (ms > slowest.ms) slowest = { file, ms };
  if (ms > 5000) fail(`${file}: tokenizing took ${ms.toFixed(0)} ms`);
  if (file.startsWith(join('fixtures', 'seeds')) && headings < 4) fail(`${file}: only ${headings} section headings recognised`);
}
console.log(`fixtures: ${fixtures.length} files, ${lineCount} lines tokenized; slowest ${slowest.file} ${slowest.ms.toFixed(0)} ms`);

// 3. Scope assertions.
const tests = existsSync('test/grammar') ? readdirSync('test/grammar').filter((f) => f.endsWith('.test.govreport')) : [];
if (tests.length === 0) fail('no test/grammar/*.test.govreport files');
else {
  const cli = require.resolve('vscode-tmgrammar-test/dist/unit.js');
  const r = spawnSync(process.execPath, [cli, '--config', 'package.json', 'test/grammar/*.test.govreport'], { stdio: 'inherit' });
  if (r.status !== 0) fail(`vscode-tmgrammar-test failed (exit ${r.status})`);
}

if (failures.length > 0) {
  console.error(`\n${failures.length} grammar problem(s):\n${failures.map((f) => `  ${f}`).join('\n')}`);
  process.exit(1);
}
console.log('grammar tests passed');
