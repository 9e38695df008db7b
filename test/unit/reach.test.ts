/** The workspace index stays within its bounds; an untrusted govreport.json cannot raise limits. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SETTINGS, restrictUntrusted } from '../../server/src/core/settings';
import { INDEX_LIMITS, ReportIndex } from '../../server/src/server/report-index';
import { Workspace } from '../../server/src/server/workspace';

/** A tree `width` folders wide and `depth` deep, with one .txt file in each folder. */
function tree(width: number, depth: number): string {
  const root = mkdtempSync(path.join(tmpdir(), 'govreport-tree-'));
  const fill = (dir: string, d: number) => {
    writeFileSync(path.join(dir, 'r.txt'), '某某报告');
    if (d === 0) return;
    for (let i = 0; i < width; i++) {
      mkdirSync(path.join(dir, `d${i}`));
      fill(path.join(dir, `d${i}`), d - 1);
    }
  };
  fill(root, depth);
  return root;
}

describe('workspace index', () => {
  const ws = new Workspace();

  it('stops at its limits of files, folders, depth, bytes and time, saying which', async () => {
    const root = tree(3, 4); // 121 folders, 121 files
    const index = new ReportIndex(ws);
    const all = await index.scan([root]);
    assert.deepEqual([all.files, all.folders, all.stopped], [121, 121, undefined]);
    // Each file is 12 bytes: the byte limit stops the walk after the file that crosses it.
    for (const [limit, reached] of [['files', 10], ['folders', 10], ['bytes', 12]] as const) {
      const r = await new ReportIndex(ws).scan([root], undefined, { ...INDEX_LIMITS, [limit]: 10 });
      assert.equal(r.stopped, limit);
      assert.equal(r[limit], reached, JSON.stringify(r));
    }
    const shallow = await new ReportIndex(ws).scan([root], undefined, { ...INDEX_LIMITS, depth: 1 });
    assert.equal(shallow.folders, 1 + 3);
    const timed = await new ReportIndex(ws).scan([root], undefined, { ...INDEX_LIMITS, ms: -1 });
    assert.equal(timed.stopped, 'time');
  });

  it('is cancelled by its signal', async () => {
    const root = tree(3, 4);
    const controller = new AbortController();
    const scanning = new ReportIndex(ws).scan([root], controller.signal);
    controller.abort();
    const r = await scanning;
    assert.equal(r.stopped, 'cancelled');
    assert.ok(r.files < 121);
  });

  it('passes over FIFOs, a link to /dev/zero and a file over its size, walking and on file events, without blocking', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'govreport-odd-'));
    for (let i = 0; i < 6; i++) execFileSync('mkfifo', [path.join(root, `fifo${i}.txt`)]);
    symlinkSync('/dev/zero', path.join(root, 'zero.txt'));
    writeFileSync(path.join(root, 'huge.txt'), '');
    truncateSync(path.join(root, 'huge.txt'), 50 * 1024 * 1024);
    writeFileSync(path.join(root, 'r.txt'), '某某报告');
    const inWs = new Workspace();
    inWs.setFolders([pathToFileURL(root).toString()]);
    const index = new ReportIndex(inWs);
    const r = await index.scan([root]);
    // Read: the report's 12 bytes; the 50 MB file is counted but refused by its size before it is read.
    assert.deepEqual([r.files, r.bytes, r.stopped], [2, 12, undefined]);
    // File events naming each (a blocking open of one FIFO would never return, and four would hold every file thread).
    const names = [...Array.from({ length: 6 }, (_, i) => `fifo${i}.txt`), 'zero.txt', 'huge.txt'];
    await Promise.all(names.map((n) => index.fileChanged(pathToFileURL(path.join(root, n)).toString())));
  });

  it('does not follow links out of the folders', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'govreport-links-'));
    const elsewhere = tree(2, 2);
    symlinkSync(elsewhere, path.join(root, 'linked-dir'));
    symlinkSync(path.join(elsewhere, 'r.txt'), path.join(root, 'linked.txt'));
    const r = await new ReportIndex(ws).scan([root]);
    assert.deepEqual([r.files, r.folders], [0, 1]);
  });
});

describe('workspace containment', () => {
  it('judges by real paths: a link inside to a file outside is outside', async () => {
    const inside = mkdtempSync(path.join(tmpdir(), 'govreport-in-'));
    const outside = mkdtempSync(path.join(tmpdir(), 'govreport-out-'));
    writeFileSync(path.join(inside, 'a.txt'), 'x');
    writeFileSync(path.join(outside, 'b.txt'), 'x');
    symlinkSync(path.join(outside, 'b.txt'), path.join(inside, 'b.txt'));
    const ws = new Workspace();
    const url = (p: string) => `file://${p}`;
    assert.equal(await ws.inside(url(path.join(inside, 'a.txt'))), undefined, 'no folders: nothing is inside');
    ws.setFolders([url(inside)]);
    assert.ok(await ws.inside(url(path.join(inside, 'a.txt'))));
    assert.equal(await ws.inside(url(path.join(inside, 'b.txt'))), undefined);
    assert.equal(await ws.inside(url(path.join(inside, '..', path.basename(outside), 'b.txt'))), undefined);
    assert.equal(await ws.inside(url(`${inside}-sibling/a.txt`)), undefined, 'a folder whose name starts the same is another folder');
    assert.equal(await ws.inside('untitled:Untitled-1'), undefined);
  });
});

describe('untrusted govreport.json', () => {
  it('may lower maxFileSize and set other keys, not raise the limit, and says so in both languages', () => {
    const base = { ...DEFAULT_SETTINGS, maxFileSize: 100_000 };
    const raise = restrictUntrusted(base, { maxFileSize: 5_000_000, locale: 'en' }, ['maxFileSize', 'locale'], '/w/govreport.json');
    assert.deepEqual([raise.keys, raise.settings], [['locale'], { locale: 'en' }]);
    assert.equal(raise.refused.length, 1);
    assert.equal(raise.refused[0]!.message, '/w/govreport.json：工作区未受信任，“maxFileSize”的值 5000000 会提高上限，未采用，仍按 100000。信任此工作区后即可生效。');
    assert.match(raise.refused[0]!.en, /"maxFileSize": 5000000 is not applied in an untrusted workspace \(it would raise a limit\); using 100000/);
    const lower = restrictUntrusted(base, { maxFileSize: 50_000 }, ['maxFileSize'], '/w/govreport.json');
    assert.deepEqual([lower.keys, lower.refused], [['maxFileSize'], []]);
  });

  it('may name a baseline file inside the workspace, not one outside, and says so in both languages', () => {
    const inside = (p: string) => p.startsWith('/w/');
    const out = restrictUntrusted(DEFAULT_SETTINGS, { baseline: '/etc/baseline.json', locale: 'en' }, ['baseline', 'locale'], '/w/govreport.json', inside);
    assert.deepEqual([out.keys, out.settings], [['locale'], { locale: 'en' }]);
    assert.equal(out.refused[0]!.message, '/w/govreport.json：工作区未受信任，“baseline”指向工作区之外的文件 /etc/baseline.json，未读取。信任此工作区后即可生效。');
    assert.match(out.refused[0]!.en, /"baseline" names a file outside the workspace \(\/etc\/baseline\.json\), not read in an untrusted workspace/);
    const ok = restrictUntrusted(DEFAULT_SETTINGS, { baseline: '/w/review/baseline.json' }, ['baseline'], '/w/govreport.json', inside);
    assert.deepEqual([ok.keys, ok.refused], [['baseline'], []]);
    // Without a way to tell, no file is inside.
    assert.equal(restrictUntrusted(DEFAULT_SETTINGS, { baseline: '/w/b.json' }, ['baseline'], '/w/govreport.json').refused.length, 1);
  });
});
