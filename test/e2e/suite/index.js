// Extension tests, run inside a real VS Code extension host. Same contract as @vscode/test-electron's
// extensionTestsPath: export run(): Promise<void>, rejected when a test failed. Runs every *.test.js here in
// name order; each registers tests with test(name, fn). Prints "ok - …" / "not ok - …" lines and a summary.
// GOVREPORT_E2E_GREP: run only tests whose name contains it.
const fs = require('fs');
const path = require('path');

const TEST_TIMEOUT = Number(process.env.GOVREPORT_E2E_TEST_TIMEOUT || 120000);

exports.run = async function run() {
  const tests = [];
  global.test = (name, fn, opts = {}) => tests.push({ name, fn, timeout: opts.timeout || TEST_TIMEOUT });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) {
    const before = tests.length;
    require(path.join(__dirname, f));
    for (const t of tests.slice(before)) t.name = `${f.replace(/\.test\.js$/, '')}: ${t.name}`;
  }
  const grep = process.env.GOVREPORT_E2E_GREP;
  const selected = grep ? tests.filter((t) => t.name.includes(grep)) : tests;
  let passed = 0;
  let failed = 0;
  const vscode = require('vscode');
  console.log(`# VS Code ${vscode.version}, Node ${process.version}, ${selected.length} tests`);
  for (const t of selected) {
    const started = Date.now();
    let timer;
    try {
      await Promise.race([
        Promise.resolve().then(() => t.fn()),
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${t.timeout} ms`)), t.timeout); }),
      ]);
      passed++;
      console.log(`ok - vscode: ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      const msg = String((e && e.stack) || e).split('\n').slice(0, 6).join(' | ');
      console.log(`not ok - vscode: ${t.name}  -- ${msg}`);
    } finally {
      clearTimeout(timer);
      await require('./util').cleanup().catch((e) => console.log(`# cleanup after ${t.name}: ${e}`));
    }
  }
  console.log(`extension tests: ${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} extension test(s) failed`);
};
