/** govreport on originals: check and parse read .docx/.pdf/.html, text prints the view, JSON names the place. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CACHE_DIR } from '../helpers/cli';
import { FIXTURES, ROOT } from '../helpers/fixtures';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const ORIGINALS = path.join(FIXTURES, 'originals');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', NO_COLOR: '1', GOVREPORT_CACHE_DIR: CACHE_DIR } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('govreport on originals', () => {
  it('check names the place in the original, in Chinese', () => {
    const r = run(['check', path.join(ORIGINALS, 'sum-error.pdf')]);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /sum-error\.pdf:24:30: 错误 sum-row-total .*应为 4.*（原文：第 2 页 表 2 第 4 行 第 10 列）/);
  });

  it('check --format json adds each finding\'s place and the source', () => {
    const r = run(['check', '--format', 'json', path.join(ORIGINALS, 'sum-error.docx')]);
    const json = JSON.parse(r.out) as { files: { source: { kind: string; tables: number }; diagnostics: { code: string; original: unknown }[] }[] };
    assert.equal(json.files[0]!.source.kind, 'docx');
    assert.deepEqual(json.files[0]!.diagnostics.map((d) => [d.code, d.original]), [['sum-row-total', { table: 2, row: 4, column: 10 }]]);
  });

  it('check finds originals in folders and says once why one cannot be read', () => {
    const r = run(['check', ORIGINALS]);
    assert.match(r.out, /legacy\.doc:1:1: 警告 source-unreadable .*另存为/);
    assert.match(r.out, /scanned\.pdf:1:1: 警告 source-unreadable .*扫描件/);
    assert.match(r.out, /clean\.html：未发现问题/);
  });

  it('text prints the text view: each table row one line of tab-separated cells', () => {
    const r = run(['text', path.join(ORIGINALS, 'clean.docx')]);
    assert.equal(r.code, 0, r.err);
    assert.ok(r.out.split('\n').includes('规章\t0\t0\t0'), r.out.slice(0, 500));
  });

  it('parse reads a .html page with its grids', () => {
    const r = run(['parse', '--format', 'json', path.join(ORIGINALS, 'blank-cell.htm')]);
    const json = JSON.parse(r.out) as { source: { kind: string }; tables: { requests: { rows: Record<string, (number | null)[]> } } };
    assert.equal(json.source.kind, 'html');
    assert.deepEqual(json.tables.requests.rows.partial, [0, null, 0, 0, 0, 0, 0]);
  });

  it('fix leaves an original as it is and says so in Chinese: an error when named, passed over in a folder', () => {
    const named = run(['fix', path.join(ORIGINALS, 'clean.docx')]);
    assert.equal(named.code, 2, named.err);
    assert.equal(named.out, '');
    assert.match(named.err, /clean\.docx：未修复（原件（\.docx、\.pdf、\.html 等）不改写；请先用 govreport text 另存为文本再修复）/);
    const folder = run(['fix', ORIGINALS]);
    assert.equal(folder.code, 0, folder.err);
    assert.match(folder.err, /clean\.docx：未修复/);
    assert.match(run(['fix', '--locale', 'en', path.join(ORIGINALS, 'clean.docx')]).err, /clean\.docx: not fixed \(an original is not rewritten/);
  });
});
