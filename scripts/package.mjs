// `npm run package`: minified bundles, then govreport.vsix with vsce (dependencies are bundled, so none are
// packed), then the readable bundles back in dist/. Prints what went in. Usage: node scripts/package.mjs [--out FILE]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : 'govreport.vsix';

const run = (what, cmd, argv, env = {}) => {
  console.log(`== ${what}`);
  const r = spawnSync(cmd, argv, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`${what} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
};

run('bundle (minified)', process.execPath, ['scripts/build.mjs'], { GOVREPORT_MINIFY: '1' });
for (const f of ['dist/client.js', 'dist/server.js']) {
  if (!existsSync(f)) {
    console.error(`${f} is missing: the extension cannot work without it`);
    process.exit(1);
  }
}
const docs = existsSync('docs/checks') ? readdirSync('docs/checks').filter((f) => f.endsWith('.md')) : [];
if (docs.length === 0) console.warn('warning: docs/checks/ has no pages; "Show the rule documentation" will have nothing to show');

const vsce = require.resolve('@vscode/vsce/vsce');
run(`vsce package → ${out}`, process.execPath, [vsce, 'package', '--no-dependencies', '--out', out]);
console.log(`${out}: ${(statSync(out).size / 1024).toFixed(0)} KB`);
// Back to readable bundles, so tests, the CLI and benchmarks run after packaging see what they expect.
run('bundle (readable again)', process.execPath, ['scripts/build.mjs']);
