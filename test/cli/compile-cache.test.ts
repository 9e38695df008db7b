/**
 * `govreport check` through its code cache (server/src/node/compile-cache.ts), as a user runs it: the first
 * run writes the CLI's cache (and its workers'), later runs start from it, and every run prints the same —
 * originals included, whose readers load from a bundle run out of the cache. Turned off, nothing is written.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { run } from '../helpers/cli';
import { FIXTURES } from '../helpers/fixtures';

const SEEDS = path.join(FIXTURES, 'seeds');
const ORIGINALS = ['sum-error.docx', 'sum-error.pdf', 'sum-error-gbk.html'].map((f) => path.join(FIXTURES, 'originals', f));
const caches = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.v8cache')).sort();

describe('cli: the code cache', () => {
  it('the first check writes the caches, the next ones use them, and all print the same', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-cc-cli-'));
    const env = { GOVREPORT_CACHE_DIR: dir };
    // --jobs 1: a worker beside this thread, so that the worker's cache is written as well.
    const args = ['check', '--format', 'json', '--jobs', '1', SEEDS, ...ORIGINALS];
    const first = run(args, { env });
    assert.equal(first.code, 1, first.err);
    const written = caches(dir);
    assert.deepEqual(written.map((f) => f.replace(/-[0-9a-f]{32}\.v8cache$/, '')), ['check-worker-main', 'cli-main']);
    const plain = run(args, { env: { GOVREPORT_NO_COMPILE_CACHE: '1' } });
    for (let i = 0; i < 2; i++) {
      const again = run(args, { env });
      assert.equal(again.code, first.code, again.err);
      assert.equal(again.out, first.out);
      assert.equal(again.err, first.err);
    }
    assert.equal(plain.out, first.out);
    assert.deepEqual(caches(dir), written, 'a hit writes nothing');
    const files = (JSON.parse(first.out) as { files: { diagnostics: unknown[] }[] }).files;
    assert.equal(files.length, 5 + ORIGINALS.length);
  });

  it('GOVREPORT_NO_COMPILE_CACHE=1: nothing is written', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-cc-cli-'));
    const r = run(['check', SEEDS], { env: { GOVREPORT_CACHE_DIR: dir, GOVREPORT_NO_COMPILE_CACHE: '1' } });
    assert.equal(r.code, 1, r.err);
    assert.deepEqual(caches(dir), []);
  });

  it('other commands start from the cache but do not write one (a cache holds what a check compiles)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-cc-cli-'));
    assert.equal(run(['rules'], { env: { GOVREPORT_CACHE_DIR: dir } }).code, 0);
    assert.deepEqual(caches(dir), []);
  });
});
