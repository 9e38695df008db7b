/**
 * `govreport check` with its result cache (server/src/node/result-cache.ts, cli/check/cached.ts), as a reviewer
 * runs it again and again over a folder: a later run prints what a run without the cache prints, takes the
 * outcome of an unchanged file from the cache (seen here by planting an entry only the cache could give), and
 * checks again a file whose bytes or settings changed. --no-cache and GOVREPORT_NO_CACHE=1 turn it off.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { deserialize, serialize } from 'node:v8';
import { buildKey } from '../../server/src/cli/check/cached';
import { ResultStore } from '../../server/src/node/result-cache';
import { run } from '../helpers/cli';
import { FIXTURES, ROOT } from '../helpers/fixtures';

const SEEDS = path.join(FIXTURES, 'seeds');
const BUILD = buildKey(path.join(ROOT, 'dist'))!;

/** A folder of reports: two seeds and a Word original. */
function folder(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'govreport-rc-'));
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
  copyFileSync(path.join(SEEDS, seeds[0]!), path.join(d, 'a.txt'));
  copyFileSync(path.join(SEEDS, seeds[2]!), path.join(d, 'b.txt'));
  copyFileSync(path.join(FIXTURES, 'originals', 'sum-error.docx'), path.join(d, 'c.docx'));
  return d;
}

const storeFile = (cache: string) => path.join(cache, `results-${BUILD}.bin`);

/** Rewrites every entry of the store with `edit` applied to its findings. */
function plant(cache: string, edit: (findings: { message: string }[]) => void): void {
  const s = ResultStore.open(cache, BUILD);
  assert.ok(s.size > 0, 'the first run stored its outcomes');
  for (const k of [...s.keys()]) {
    const e = deserialize(s.get(k)!) as { findings: { message: string }[] };
    edit(e.findings);
    s.set(k, serialize(e));
  }
  assert.equal(s.save(), true);
}

const messages = (json: string) => (JSON.parse(json).files as { diagnostics: { message: string }[] }[]).flatMap((f) => f.diagnostics.map((d) => d.message));

describe('cli: the result cache', () => {
  assert.ok(BUILD, 'the build wrote dist/build-id');

  it('a later run prints what a run without the cache prints, without writing the store again', { timeout: 120_000 }, () => {
    const d = folder();
    const cache = mkdtempSync(path.join(tmpdir(), 'govreport-rc-cache-'));
    const env = { GOVREPORT_CACHE_DIR: cache };
    const plain = run(['check', '--format', 'json', '--no-cache', d], { env });
    assert.equal(plain.code, 1, plain.err);
    assert.equal(readdirSync(cache).some((f) => f.startsWith('results-')), false, '--no-cache writes no store');
    const first = run(['check', '--format', 'json', d], { env });
    assert.equal(first.out, plain.out);
    const written = statSync(storeFile(cache)).mtimeMs;
    for (const format of ['json', 'sarif', 'csv', 'text']) {
      const a = run(['check', '--format', format, '--no-cache', d], { env });
      const b = run(['check', '--format', format, d], { env });
      assert.equal(b.out, a.out, format);
      assert.equal(b.err, a.err, format);
    }
    assert.equal(statSync(storeFile(cache)).mtimeMs, written, 'a run that checked nothing new leaves the store as it was');
  });

  it('an unchanged file’s outcome comes from the cache; a changed file, or changed settings, are checked again', { timeout: 120_000 }, () => {
    const d = folder();
    const cache = mkdtempSync(path.join(tmpdir(), 'govreport-rc-cache-'));
    const env = { GOVREPORT_CACHE_DIR: cache };
    const first = run(['check', '--format', 'json', d], { env });
    plant(cache, (fs) => fs.forEach((f) => (f.message = `缓存：${f.message}`)));
    const cached = messages(run(['check', '--format', 'json', d], { env }).out);
    assert.ok(cached.length > 0 && cached.every((m) => m.startsWith('缓存：')), 'every outcome came from the cache');
    // Off: the planted entries are not read.
    assert.deepEqual(messages(run(['check', '--format', 'json', '--no-cache', d], { env }).out), messages(first.out));
    assert.deepEqual(messages(run(['check', '--format', 'json', d], { env: { ...env, GOVREPORT_NO_CACHE: '1' } }).out), messages(first.out));
    // A changed file is checked again; the others still come from the cache.
    writeFileSync(path.join(d, 'a.txt'), readFileSync(path.join(d, 'a.txt'), 'utf8').replace(/一、/, '一 、'));
    const after = JSON.parse(run(['check', '--format', 'json', d], { env }).out) as { files: { path: string; diagnostics: { message: string }[] }[] };
    for (const f of after.files) {
      const fromCache = f.diagnostics.every((x) => x.message.startsWith('缓存：'));
      assert.equal(fromCache, !f.path.endsWith('a.txt'), f.path);
    }
    // Other settings (a level changed in govreport.json) are other options: checked again.
    writeFileSync(path.join(d, 'govreport.json'), JSON.stringify({ checks: { 'fee-statement-missing': 'warning' } }));
    const settled = messages(run(['check', '--format', 'json', d], { env }).out);
    assert.ok(settled.every((m) => !m.startsWith('缓存：')), 'no outcome of the old settings is used');
  });

  it('a damaged store is no error: the run checks as without it and writes a good one', { timeout: 120_000 }, () => {
    const d = folder();
    const cache = mkdtempSync(path.join(tmpdir(), 'govreport-rc-cache-'));
    const env = { GOVREPORT_CACHE_DIR: cache };
    const first = run(['check', '--format', 'json', d], { env });
    const bytes = readFileSync(storeFile(cache));
    // Flip bytes in the entries (after the index): each entry is then refused or another entry's bytes.
    for (let i = bytes.length - 1; i > bytes.length / 2; i -= 97) bytes[i] = bytes[i]! ^ 0x5a;
    writeFileSync(storeFile(cache), bytes);
    const again = run(['check', '--format', 'json', d], { env });
    assert.equal(again.code, first.code, again.err);
    assert.equal(again.out, first.out);
  });
});
