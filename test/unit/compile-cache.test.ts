/**
 * The CLI's code cache (server/src/node/compile-cache.ts): a bundle loaded through it behaves as if required,
 * its cache is used by the next process only for the same text, and no state of the cache folder (missing,
 * corrupt, unwritable, turned off) changes a result or throws. Each load runs in a process of its own, as a
 * run of the CLI does: V8 keeps compiled scripts within a process, which would hide what the cache does.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { cacheDir } from '../../server/src/node/compile-cache';
import { ROOT } from '../helpers/fixtures';

const MODULE = path.join(ROOT, 'out', 'server', 'src', 'node', 'compile-cache.js');

/** Loads `file` through the cache in a new process, saves the cache, and reports what it saw. */
function load(file: string, env: Record<string, string>): { state: string; value: unknown; main: boolean } {
  const code = `const c = require(${JSON.stringify(MODULE)});
const r = c.loadWithCompileCache(${JSON.stringify(file)});
c.saveCompileCaches();
process.stdout.write(JSON.stringify({ state: r.state, value: r.exports.value, main: r.exports.main }));`;
  const { GOVREPORT_CACHE_DIR: _d, GOVREPORT_NO_COMPILE_CACHE: _n, ...rest } = process.env;
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', env: { ...rest, ...env }, timeout: 30_000, killSignal: 'SIGKILL' });
  assert.equal(r.status, 0, r.signal ? `killed (${r.signal}): it hung` : r.stderr);
  return JSON.parse(r.stdout);
}

/** A CommonJS bundle that uses what a module has: require of a neighbour, __dirname, module.exports. */
function bundle(dir: string, name: string, body: string): string {
  writeFileSync(path.join(dir, 'helper.js'), 'exports.twice = (n) => 2 * n;\n');
  const file = path.join(dir, `${name}.js`);
  writeFileSync(file, `#!/usr/bin/env node\nconst h = require('./helper');\nmodule.exports = { value: [h.twice(${body}), require('path').basename(__dirname), typeof exports], main: require.main === module };\n`);
  return file;
}

const caches = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.v8cache')).sort();

describe('compile cache', () => {
  it('a first run makes the cache, the next one uses it, and both compute the same', () => {
    const src = mkdtempSync(path.join(tmpdir(), 'govreport-cc-src-'));
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-cc-'));
    const file = bundle(src, 'b', '21');
    const first = load(file, { GOVREPORT_CACHE_DIR: dir });
    assert.equal(first.state, 'miss');
    assert.deepEqual(first.value, [42, path.basename(src), 'object']);
    assert.equal(first.main, false, 'the bundle does not take itself for the main module (it would run twice)');
    assert.equal(caches(dir).length, 1);
    assert.match(caches(dir)[0]!, /^b-[0-9a-f]{32}\.v8cache$/);
    const second = load(file, { GOVREPORT_CACHE_DIR: dir });
    assert.equal(second.state, 'hit');
    assert.deepEqual(second.value, first.value);
  });

  it('a changed bundle of the same length gets a cache of its own, and the old one is removed', () => {
    const src = mkdtempSync(path.join(tmpdir(), 'govreport-cc-src-'));
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-cc-'));
    const file = bundle(src, 'b', '21');
    load(file, { GOVREPORT_CACHE_DIR: dir });
    const before = caches(dir);
    bundle(src, 'b', '34'); // same length: V8's own check of a cache would not tell the two apart
    const changed = load(file, { GOVREPORT_CACHE_DIR: dir });
    assert.equal(changed.state, 'miss');
    assert.deepEqual(changed.value, [68, path.basename(src), 'object']);
    const after = caches(dir);
    assert.equal(after.length, 1);
    assert.notDeepEqual(after, before);
    assert.equal(load(file, { GOVREPORT_CACHE_DIR: dir }).state, 'hit');
  });

  it('a corrupt cache is rejected by V8, the bundle still runs, and the cache is made again', () => {
    const src = mkdtempSync(path.join(tmpdir(), 'govreport-cc-src-'));
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-cc-'));
    const file = bundle(src, 'b', '5');
    load(file, { GOVREPORT_CACHE_DIR: dir });
    const cache = path.join(dir, caches(dir)[0]!);
    const good = readFileSync(cache);
    writeFileSync(cache, Buffer.from(good.map((b, i) => (i % 7 === 0 ? b ^ 0xff : b))));
    const bad = load(file, { GOVREPORT_CACHE_DIR: dir });
    assert.equal(bad.state, 'rejected');
    assert.deepEqual(bad.value, [10, path.basename(src), 'object']);
    assert.equal(load(file, { GOVREPORT_CACHE_DIR: dir }).state, 'hit');
  });

  it('a FIFO in the cache\'s place is not waited on: the bundle runs, and a cache replaces it', { skip: process.platform === 'win32' }, () => {
    const src = mkdtempSync(path.join(tmpdir(), 'govreport-cc-src-'));
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-cc-'));
    const file = bundle(src, 'b', '7');
    load(file, { GOVREPORT_CACHE_DIR: dir });
    const cache = path.join(dir, caches(dir)[0]!);
    unlinkSync(cache);
    execFileSync('mkfifo', [cache]);
    const r = load(file, { GOVREPORT_CACHE_DIR: dir });
    assert.equal(r.state, 'miss');
    assert.deepEqual(r.value, [14, path.basename(src), 'object']);
    assert.ok(statSync(cache).isFile());
    assert.equal(load(file, { GOVREPORT_CACHE_DIR: dir }).state, 'hit');
  });

  it('a cache folder that cannot be made leaves the plain load, without an error', () => {
    const src = mkdtempSync(path.join(tmpdir(), 'govreport-cc-src-'));
    const notDir = path.join(mkdtempSync(path.join(tmpdir(), 'govreport-cc-')), 'a-file');
    writeFileSync(notDir, 'not a folder');
    const file = bundle(src, 'b', '1');
    const r = load(file, { GOVREPORT_CACHE_DIR: path.join(notDir, 'cache') });
    assert.equal(r.state, 'miss');
    assert.deepEqual(r.value, [2, path.basename(src), 'object']);
    assert.equal(load(file, { GOVREPORT_CACHE_DIR: path.join(notDir, 'cache') }).state, 'miss');
  });

  it('GOVREPORT_NO_COMPILE_CACHE=1 turns it off: a plain require, nothing written', () => {
    const src = mkdtempSync(path.join(tmpdir(), 'govreport-cc-src-'));
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-cc-'));
    const file = bundle(src, 'b', '3');
    const r = load(file, { GOVREPORT_CACHE_DIR: dir, GOVREPORT_NO_COMPILE_CACHE: '1' });
    assert.equal(r.state, 'off');
    assert.deepEqual(r.value, [6, path.basename(src), 'object']);
    assert.deepEqual(caches(dir), []);
  });

  it('the folder: GOVREPORT_CACHE_DIR, else the platform\'s per-user cache folder', () => {
    assert.equal(cacheDir({ GOVREPORT_CACHE_DIR: 'rel/dir' }), path.resolve('rel/dir'));
    assert.equal(cacheDir({ GOVREPORT_NO_COMPILE_CACHE: '1', GOVREPORT_CACHE_DIR: '/x' }), undefined);
    if (process.platform === 'linux') {
      assert.equal(cacheDir({ XDG_CACHE_HOME: '/var/c' }), path.join('/var/c', 'govreport'));
      assert.match(cacheDir({})!, /\.cache[\\/]govreport$/);
    }
  });
});
