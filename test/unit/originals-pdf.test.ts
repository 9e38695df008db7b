/**
 * PDFs beyond the ruled tables LibreOffice draws: Chinese fonts that are not embedded (known only through
 * pdf.js's CMaps, bundled in dist/cmaps), tables drawn without ruling lines (built from the text's positions),
 * and a 6-page report. Fixtures by scripts/originals/make-fixtures.mjs (hand-written PDFs: hand-pdf.mjs).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkText, checkView } from '../../server/src/core/service';
import { readSource, type SourceView } from '../../server/src/core/source/index';
import { positionalTables } from '../../server/src/core/source/pdf-positions';
import { placeOf } from '../../server/src/core/source/place';
import type { Run } from '../../server/src/core/source/pdf-parts';
import { SOURCE_ENV } from '../../server/src/node/sources';
import { FIXTURES, readMarkers } from '../helpers/fixtures';

const ORIGINALS = path.join(FIXTURES, 'originals');
const bytes = (name: string) => readFileSync(path.join(ORIGINALS, name));
const read = (name: string) => readSource(bytes(name), undefined, undefined, SOURCE_ENV);
const found = (v: SourceView) => checkView(v).findings.map((f) => `${f.code}@${f.range.start.line + 1}`).sort();
const seed004 = readMarkers(readFileSync(path.join(FIXTURES, 'seeds', '004_b6b282f6157a8fb9.txt'), 'utf8').replace(/^\uFEFF/, '')).text;
const codes = (findings: { code: string; severity: string }[], severities = ['error', 'warning', 'information', 'hint']) =>
  findings.filter((f) => severities.includes(f.severity)).map((f) => f.code).sort();
/** The rows of a table as the checker read them: key → values. */
const rowsOf = (v: SourceView, table: 'requests' | 'appeals' | 'proactive') => {
  const t = checkView(v).model.tables[table]!;
  return [t.confident, Object.fromEntries([...t.rows].map(([k, r]) => [k, r.cells.map((c) => c.value)]))];
};

describe('Chinese fonts that are not embedded', () => {
  it('read through the bundled CMaps (UniGB-UCS2-H with ruled tables) give the findings of the text', async () => {
    const v = await read('not-embedded-ucs2.pdf');
    assert.deepEqual(v.problems, []);
    assert.match(v.text, /四方台区人民政府办公室/);
    assert.deepEqual(codes(checkView(v).findings), codes(checkText(seed004).findings));
  });

  it('GBK-EUC-H codes, tables without rules: the text is Chinese and nothing is wrongly flagged', async () => {
    const v = await read('not-embedded-gbk.pdf');
    assert.deepEqual(v.problems, []);
    assert.match(v.text, /本年新收政府信/);
    assert.deepEqual(codes(checkView(v).findings, ['error', 'warning']), []);
  });

  it('without the CMaps: one source-unreadable naming the map that is missing, not garbage', async () => {
    for (const [name, cmap] of [['not-embedded-ucs2.pdf', 'UniGB-UCS2-H'], ['not-embedded-gbk.pdf', 'GBK-EUC-H']]) {
      const v = await readSource(bytes(name!), undefined, undefined, {});
      assert.deepEqual(v.problems, [{ kind: 'undecodable', count: v.pages, detail: cmap }]);
      const findings = checkView(v).findings;
      assert.deepEqual(findings.map((f) => f.code), ['source-unreadable']);
      assert.match(findings[0]!.message, new RegExp(`无法解码.*缺少其字符映射 ${cmap}`));
    }
  });

  it('reads only plain CMap names, from the bundled folder', async () => {
    assert.ok(await SOURCE_ENV.readCMap!('Adobe-GB1-UCS2'));
    assert.equal(await SOURCE_ENV.readCMap!('../../package'), undefined);
    assert.equal(await SOURCE_ENV.readCMap!('UniJIS-UCS2-H'), undefined); // Japanese: not bundled
  });
});

describe('tables drawn without ruling lines', () => {
  it('the official layout (merged header cells) reads as the ruled one does: the planted sum error, nothing else', async () => {
    const v = await read('borderless.pdf');
    assert.deepEqual(found(v), ['sum-row-total@25']);
    const ruled = await read('sum-error.pdf');
    assert.deepEqual(rowsOf(v, 'requests'), rowsOf(ruled, 'requests'));
    assert.deepEqual(rowsOf(v, 'appeals'), rowsOf(ruled, 'appeals'));
    // Cell by cell: the finding names the page and the column of the grid, as on the ruled table.
    const f = checkView(v).findings[0]!;
    const place = placeOf(v, f.range)!;
    assert.deepEqual([place.page, place.column], [2, 10]);
  });

  it('a seed whose table is irregular says once that it cannot read it, and claims nothing from a guess', async () => {
    const v = await read('seeds/004-borderless.pdf');
    const findings = checkView(v).findings;
    assert.deepEqual(codes(findings, ['error']), []);
    assert.ok(findings.filter((f) => f.code === 'table-unreadable').length <= 1);
  });

  const run = (text: string, x: number, y: number, size = 10): Run => ({ text, x, y, size, w: [...text].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x7f ? 0.5 : 1) * size, 0) });
  it('builds rows by y and columns by x: a blank cell keeps its column, a label broken around its values is one', () => {
    const runs = [
      run('信息内容', 50, 700), run('本年', 200, 705), run('制发', 200, 693), run('废止', 260, 700), run('有效', 320, 700),
      run('规章', 50, 660), run('3', 200, 660), run('0', 320, 660),
      run('行政规范性', 50, 637), run('12', 200, 630), run('1', 260, 630), run('11', 320, 630), run('文件', 50, 625),
      run('地方性法规', 50, 600), run('2', 200, 600), run('0', 260, 600), run('2', 320, 600),
      run('一段正文，不是表格的一部分，它很长很长很长很长很长很长。', 50, 560),
    ];
    const tables = positionalTables(runs, 1);
    assert.equal(tables.length, 1);
    const rows = tables[0]!.raw.rows.map((r) => r.cells.map((c) => c.text));
    assert.deepEqual(rows, [
      ['信息内容', '本年制发', '废止', '有效'],
      ['规章', '3', '', '0'],
      ['行政规范性文件', '12', '1', '11'],
      ['地方性法规', '2', '0', '2'],
    ]);
    // The runs the table took are gone; the paragraph stays text.
    assert.deepEqual(runs.map((r) => r.text), ['一段正文，不是表格的一部分，它很长很长很长很长很长很长。']);
  });

  it('leaves lines as text when positions make no grid (labels where other rows have values)', () => {
    const runs = [
      run('甲', 50, 700), run('1', 200, 700), run('2', 260, 700),
      run('乙', 50, 680), run('丙丁戊', 200, 680), run('3', 260, 680), run('4', 320, 680),
    ];
    assert.deepEqual(positionalTables(runs, 1), []);
    assert.equal(runs.length, 7);
  });
});

describe('a 6-page report (the speed target)', () => {
  it('six-pages.pdf is seed 004 on 6 pages and gives the findings of its text', async () => {
    const v = await read('six-pages.pdf');
    assert.equal(v.pages, 6);
    assert.deepEqual(codes(checkView(v).findings), codes(checkText(seed004).findings));
  });
});
