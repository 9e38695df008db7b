/**
 * What the two packages carry: the extension's .vsix (.vscodeignore, listed by `vsce ls`) and the npm package
 * (.npmignore, listed by `npm pack --dry-run`). Every runtime file the build puts in dist/ — the bundles, the
 * lazy bundles and workers they load beside themselves, pdf.js's CMaps — must be in each package that runs
 * it; a file added to the build and forgotten in a list fails here, not on a user's machine.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers/fixtures';

const DIST = path.join(ROOT, 'dist');
/** dist/'s runtime files (source maps aside), as package paths. */
function runtimeFiles(): string[] {
  const top = readdirSync(DIST).filter((f) => f.endsWith('.js')).map((f) => `dist/${f}`);
  const cmaps = existsSync(path.join(DIST, 'cmaps')) ? readdirSync(path.join(DIST, 'cmaps')).map((f) => `dist/cmaps/${f}`) : [];
  return [...top, ...cmaps];
}
/** Only the editor runs the client; only the CLI runs its launcher, itself, its check workers and its own bundle of the settings schema. */
const EDITOR_ONLY = new Set(['dist/client.js']);
const CLI_ONLY = new Set(['dist/cli.js', 'dist/cli-main.js', 'dist/check-worker.js', 'dist/check-worker-main.js', 'dist/settings-schema.js']);

describe('packaging: every runtime file in dist/ is packed where it runs', () => {
  it('the build made the bundles, the reading worker and the CMaps', () => {
    const files = runtimeFiles();
    for (const f of ['dist/server.js', 'dist/sources.js', 'dist/pdfjs.js', 'dist/read-worker.js', 'dist/cmaps/Adobe-GB1-UCS2.bcmap', 'dist/cmaps/LICENSE']) {
      assert.ok(files.includes(f), `${f} built`);
    }
  });
  it('the .vsix (vsce ls) has every runtime file but the CLI\'s', { timeout: 120_000 }, () => {
    const vsce = require.resolve('@vscode/vsce/vsce', { paths: [ROOT] });
    const listed = new Set(execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' }).split('\n').map((l) => l.trim()));
    const missing = runtimeFiles().filter((f) => !CLI_ONLY.has(f) && !listed.has(f));
    assert.deepEqual(missing, [], 'add these to .vscodeignore');
    assert.ok(![...listed].some((f) => f.startsWith('node_modules/') || f.endsWith('.map')), 'no node_modules or source maps in the .vsix');
  });
  it('the npm package (npm pack --dry-run) has every runtime file but the client', { timeout: 120_000 }, () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
    const packed = execFileSync(npm, ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: ROOT, encoding: 'utf8', env });
    const listed = new Set<string>(JSON.parse(packed)[0].files.map((f: { path: string }) => f.path));
    const missing = runtimeFiles().filter((f) => !EDITOR_ONLY.has(f) && !listed.has(f));
    assert.deepEqual(missing, [], 'add these to .npmignore');
    assert.ok(listed.has('dist/build-id'), 'the build id names the result cache (cli/check/cached.ts): without it an installed CLI keeps none');
  });
});
