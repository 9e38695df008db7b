/**
 * The result cache: the store (server/src/node/result-cache.ts) gives back exactly the bytes put in, by key,
 * keeps the latest run's entries first within its bounds, refuses an entry damaged on disk, and no state of its file (missing, damaged, foreign,
 * a FIFO, an unwritable folder) throws or is waited on; the entry codec (server/src/cli/check/cached.ts) gives
 * back the outcome the check gave, and keeps nothing that did not come from the bytes alone.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { type Checked, analyseSource, type PlainOptions } from '../../server/src/cli/check/analyse';
import { buildKey, decodeEntry, encodeEntry, entryKey } from '../../server/src/cli/check/cached';
import { digestOf, readSource } from '../../server/src/cli/check/source';
import { parseLines } from '../../server/src/core/parse/index';
import { checkView, runChecks } from '../../server/src/core/service';
import { splitLines } from '../../server/src/core/text/lines';
import { ResultStore } from '../../server/src/node/result-cache';
import { ROOT } from '../helpers/fixtures';

const dir = () => mkdtempSync(path.join(tmpdir(), 'govreport-results-'));
const OPTIONS: PlainOptions = { locale: 'zh', levels: {}, maxSize: Number.MAX_SAFE_INTEGER };
const SEED = path.join(ROOT, 'fixtures', 'seeds', readdirSync(path.join(ROOT, 'fixtures', 'seeds')).find((f) => f.endsWith('.txt'))!);

/** The outcome of a text file as the CLI's check gives it, with its cache key and entry. */
function checked(file: string, bytes: Buffer, options = OPTIONS): Checked {
  const text = new TextDecoder().decode(bytes);
  return analyseSource(file, { text, format: 'utf-8', digest: digestOf(bytes) }, options, undefined, true);
}

/** What a later run sees of an outcome: the fields the outputs read, tables included. */
function plain(c: Checked): unknown {
  const { cacheKey: _k, cacheEntry: _e, ...rest } = c;
  return JSON.parse(JSON.stringify({ ...rest, model: { ...rest.model, tables: Object.fromEntries(Object.entries(rest.model.tables).map(([k, t]) => [k, { ...t, rows: [...t!.rows] }])) } }));
}

describe('result store', () => {
  it('gives back the bytes put in, by key, in the next run; a run that adds nothing does not write', () => {
    const d = dir();
    const a = ResultStore.open(d, 'b1');
    assert.equal(a.size, 0);
    a.set('k1', Buffer.from('one'));
    a.set('k2', Buffer.from([0, 1, 2, 255]));
    assert.equal(a.save(), true);
    const file = path.join(d, 'results-b1.bin');
    const before = statSync(file).mtimeMs;
    const b = ResultStore.open(d, 'b1');
    assert.equal(b.size, 2);
    assert.deepEqual([...b.get('k1')!], [...Buffer.from('one')]);
    assert.deepEqual([...b.get('k2')!], [0, 1, 2, 255]);
    assert.equal(b.get('k3'), undefined);
    assert.equal(b.save(), false);
    assert.equal(statSync(file).mtimeMs, before);
  });

  it('keeps this run’s entries first and drops the oldest beyond its bounds', () => {
    const d = dir();
    const limits = { maxBytes: 1 << 20, maxEntries: 3 };
    const a = ResultStore.open(d, 'b', limits);
    for (const k of ['old1', 'old2', 'old3']) a.set(k, Buffer.from(k));
    a.save();
    const b = ResultStore.open(d, 'b', limits);
    b.get('old2');
    b.set('new', Buffer.from('new'));
    b.save();
    const c = ResultStore.open(d, 'b', limits);
    assert.equal(c.size, 3);
    assert.ok(c.get('old2') && c.get('new'), 'the entries this run used or made are kept');
    assert.equal(c.get('old3') === undefined || c.get('old1') === undefined, true, 'one older entry gave way');
    // A byte bound: entries that do not fit are left out, the store stays within it.
    const small = { maxBytes: 200, maxEntries: 100 };
    const s = ResultStore.open(d, 's', small);
    for (let i = 0; i < 10; i++) s.set(`key${i}`, Buffer.alloc(40, i));
    s.save();
    assert.ok(statSync(path.join(d, 'results-s.bin')).size <= 200);
    const t = ResultStore.open(d, 's', small);
    assert.ok(t.size > 0 && t.size < 10, `${t.size} entries fit`);
    assert.deepEqual([...t.get('key0')!], [...Buffer.alloc(40, 0)], 'as many of the run’s entries as fit, in its order');
    assert.equal(t.get('key9'), undefined);
  });

  it('a new build’s store replaces the others in the folder', () => {
    const d = dir();
    const a = ResultStore.open(d, 'old');
    a.set('k', Buffer.from('x'));
    a.save();
    writeFileSync(path.join(d, 'cli-main-1.v8cache'), 'not ours to remove');
    const b = ResultStore.open(d, 'new');
    assert.equal(b.size, 0, 'another build’s entries are not read');
    b.set('k', Buffer.from('y'));
    b.save();
    assert.deepEqual(readdirSync(d).sort(), ['cli-main-1.v8cache', 'results-new.bin']);
  });

  it('a damaged, truncated or foreign file counts as empty and is replaced', () => {
    const d = dir();
    const a = ResultStore.open(d, 'b');
    a.set('k1', Buffer.from('hello'));
    a.set('k2', Buffer.from('world'));
    a.save();
    const file = path.join(d, 'results-b.bin');
    const good = readFileSync(file);
    const damaged = [
      good.subarray(0, good.length - 1), // cut short
      Buffer.concat([good, Buffer.from('!')]), // more than the index says
      Buffer.from(good).fill(0x41, 0, 5), // not our magic
      (() => { const b = Buffer.from(good); b.writeUInt32LE(0xffffffff, 20); return b; })(), // an index length past the end
      Buffer.from('GOVREPORT-RESULTS-1\n\x05\x00\x00\x00{"a":', 'latin1'), // an index that is not JSON
      Buffer.alloc(0),
    ];
    for (const bytes of damaged) {
      writeFileSync(file, bytes);
      const s = ResultStore.open(d, 'b');
      assert.equal(s.size, 0);
      assert.equal(s.get('k1'), undefined);
    }
    // One byte of one entry changed on disk: that entry is refused, the other is still given.
    const flipped = Buffer.from(good);
    flipped[flipped.length - 1] ^= 1;
    writeFileSync(file, flipped);
    const f = ResultStore.open(d, 'b');
    assert.equal(f.size, 2);
    assert.equal(f.get('k2'), undefined);
    assert.deepEqual([...f.get('k1')!], [...Buffer.from('hello')]);
    writeFileSync(file, 'junk');
    const s = ResultStore.open(d, 'b');
    s.set('k3', Buffer.from('again'));
    assert.equal(s.save(), true);
    assert.equal(ResultStore.open(d, 'b').size, 1);
  });

  it('a FIFO in the store’s place is not waited on; an unwritable folder is no error', { skip: process.platform === 'win32' }, () => {
    const d = dir();
    execFileSync('mkfifo', [path.join(d, 'results-f.bin')]);
    const s = ResultStore.open(d, 'f');
    assert.equal(s.size, 0);
    const ro = path.join(dir(), 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o500);
    try {
      const r = ResultStore.open(ro, 'b');
      r.set('k', Buffer.from('x'));
      if (process.getuid?.() !== 0) assert.equal(r.save(), false);
      else r.save(); // root writes anyway: only no throw to see
      assert.ok(readdirSync(ro).every((f) => !f.endsWith('.tmp')), 'no temporary file left');
    } finally {
      chmodSync(ro, 0o700);
    }
  });
});

describe('result cache entries', () => {
  it('a text report comes back as the check gave it, its tables parsed again from the text when read', () => {
    const bytes = readFileSync(SEED);
    const c = checked(SEED, bytes);
    assert.ok(c.cacheKey && c.cacheEntry);
    const back = decodeEntry(SEED, bytes, c.cacheEntry!)!;
    assert.ok(back);
    assert.ok(c.findings.length > 0);
    assert.deepEqual(plain(back), plain(c));
  });

  it('an original comes back with its text view and tables, read no more', async () => {
    const file = path.join(ROOT, 'fixtures', 'originals', 'blank-cell.docx');
    const src = await readSource(file, undefined, true);
    const c = analyseSource(file, src, OPTIONS, undefined, true);
    assert.ok(c.cacheEntry && c.view);
    const back = decodeEntry(file, readFileSync(file), c.cacheEntry!)!;
    assert.deepEqual(plain(back), plain(c));
    assert.deepEqual(back.view, c.view);
  });

  it('the key tells bytes, kind and options apart', () => {
    const d = digestOf(Buffer.from('x'));
    const keys = new Set([
      entryKey(d, 'a.txt', OPTIONS),
      entryKey(digestOf(Buffer.from('y')), 'a.txt', OPTIONS),
      entryKey(d, 'a.html', OPTIONS),
      entryKey(d, 'a.txt', { ...OPTIONS, locale: 'en' }),
      entryKey(d, 'a.txt', { ...OPTIONS, levels: { 'sum-balance': 'warning' } }),
      entryKey(d, 'a.txt', { ...OPTIONS, maxSize: 1000 }),
      entryKey(d, 'a.txt', { ...OPTIONS, expectFormat: '2019' }),
    ]);
    assert.equal(keys.size, 7);
    assert.equal(entryKey(d, 'b/other-name.md', { ...OPTIONS }), entryKey(d, 'a.txt', OPTIONS), 'the same bytes under another name are the same report');
  });

  it('keeps nothing that did not come from the bytes alone, and uses no entry it did not write', () => {
    const text = readFileSync(SEED, 'utf8');
    const model = parseLines(text, splitLines(text));
    const findings = runChecks(model, splitLines(text), OPTIONS);
    assert.equal(encodeEntry('utf-8', model, findings, text, { ...OPTIONS, maxSize: 10 }), undefined, 'a text over the size limit');
    const view = { kind: 'pdf' as const, text, grids: [], lines: [], problems: [{ kind: 'timeout' as const, count: 3, limit: 30_000 }] };
    const r = checkView(view, OPTIONS);
    assert.equal(encodeEntry('pdf', r.model, r.findings, text, OPTIONS, view), undefined, 'a PDF read only in part for lack of time');
    const bytes = readFileSync(SEED);
    for (const junk of [Buffer.from('junk'), Buffer.alloc(0), Buffer.from([0xff, 0x0f, 0x6f, 0x22, 0x01, 0x76, 0x49, 0x02, 0x7b, 0x00])]) {
      assert.equal(decodeEntry(SEED, bytes, junk), undefined);
    }
    const entry = encodeEntry('gb18030', model, findings, text, OPTIONS)!;
    assert.equal(decodeEntry(SEED, bytes, entry), undefined, 'an entry of another encoding than the bytes read as');
  });

  it('is named after the build, and without a build (no dist/build-id) there is no cache', () => {
    const d = dir();
    assert.equal(buildKey(d), undefined);
    writeFileSync(path.join(d, 'build-id'), 'not a hash\n');
    assert.equal(buildKey(d), undefined);
    writeFileSync(path.join(d, 'build-id'), '0123456789abcdef0123456789abcdef\n');
    const a = buildKey(d);
    assert.match(a!, /^[0-9a-f]{24}$/);
    writeFileSync(path.join(d, 'build-id'), '0123456789abcdef0123456789abcdee\n');
    assert.notEqual(buildKey(d), a);
  });
});
