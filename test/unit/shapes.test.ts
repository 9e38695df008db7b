/**
 * What the generic fixtures test cannot see: that a wrong number is reported on its exact cell whatever the
 * shape of the table, and fixtures/shapes/crlf-and-bom.txt read exactly as it is on disk (the fixture loader
 * strips the BOM; an editor keeps it), with ranges on the first line and fixes that keep the CRLF endings.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { modelToJson } from '../../server/src/core/model-json';
import { applyEdits, checkText, parseReport } from '../../server/src/core/service';
import { splitLines } from '../../server/src/core/text/lines';
import { type Expected, FIXTURES, loadFixtures, subsetDiff } from '../helpers/fixtures';

const file = path.join(FIXTURES, 'shapes', 'crlf-and-bom.txt');
const raw = readFileSync(file, 'utf8');
const expected = JSON.parse(readFileSync(file.replace(/\.txt$/, '.expected.json'), 'utf8')) as Expected;

describe('a wrong cell is pointed at exactly, in every shape', () => {
  const SUMS = new Set(['sum-row-total', 'sum-results-total', 'sum-balance', 'sum-appeals-total']);
  // Every shape fixture whose T3 reads with its 总计 column and whose sums hold. Not those with blank cells (a
  // sum over a blank is not checked) nor web text whose cells ran together (there the sums decide where the
  // cells are: a broken sum leaves its row undecided, which layout-lost reports, instead of a wrong number).
  const UNSUMMED = new Set(['table-cell-blank', 'layout-lost']);
  const clean = loadFixtures(path.join(FIXTURES, 'shapes')).filter((f) => !f.expected.diagnostics.some(([code]) => SUMS.has(code) || UNSUMMED.has(code))
    && (f.expected.model as { tables?: { requests?: { columns?: string[] } } } | undefined)?.tables?.requests?.columns?.includes('total'));
  it('has shape fixtures to try', () => assert.ok(clean.length >= 12, String(clean.length)));
  for (const f of clean) {
    it(f.name, () => {
      // 一、本年新收 总计 changed by one: R3 and R1 fail on that one cell, which must be the one reported.
      const cell = parseReport(f.text).tables.requests!.rows.get('new')!.cells.find((c) => c.column === 'total')!;
      assert.equal(cell.state, 'number');
      const lines = splitLines(f.text);
      const line = lines[cell.range.start.line]!;
      const wrong = String(cell.value! + 1);
      const text = f.text.slice(0, line.offset + cell.range.start.character) + wrong + f.text.slice(line.offset + cell.range.end.character);
      const sums = checkText(text).findings.filter((d) => SUMS.has(d.code));
      assert.equal(sums.length, 1, sums.map((d) => `${d.code}@${d.range.start.line + 1} ${d.message}`).join('\n'));
      assert.deepEqual(sums[0]!.range, { start: cell.range.start, end: { line: cell.range.start.line, character: cell.range.start.character + wrong.length } });
    });
  }
});

describe('shapes/crlf-and-bom.txt as on disk', () => {
  it('is written with a BOM and CRLF line endings only', () => {
    assert.equal(raw.charCodeAt(0), 0xfeff);
    assert.ok(raw.includes('\r\n'));
    assert.equal(raw.replace(/\r\n/g, '').includes('\n'), false);
  });

  it('reads the same model with the BOM kept, and reports nothing', () => {
    const { model, findings } = checkText(raw);
    const json = modelToJson(model) as Record<string, unknown>;
    json.sections = model.sections.map((s) => s.number);
    const diff = subsetDiff(expected.model, json);
    assert.deepEqual(diff, [], diff.join('\n'));
    assert.deepEqual(findings.map((f) => f.code), []);
    assert.equal(model.eol, '\r\n');
  });

  it('points at the title year past the BOM', () => {
    const { model } = checkText(raw);
    const r = model.yearRange!;
    assert.equal(r.start.line, 0);
    assert.equal(splitLines(raw)[0]!.text.slice(r.start.character, r.end.character), '2021');
  });

  it('points at a wrong cell exactly, and its fix keeps the BOM and CRLF', () => {
    // 总计 of 一、本年新收 changed from 18 to 19: R3 fails on that cell.
    const broken = raw.replace('一、本年新收政府信息公开申请数量\t\t12\t3\t0\t1\t0\t2\t18', '一、本年新收政府信息公开申请数量\t\t12\t3\t0\t1\t0\t2\t19');
    assert.notEqual(broken, raw);
    const { findings } = checkText(broken);
    const f = findings.find((x) => x.code === 'sum-row-total');
    assert.ok(f, findings.map((x) => x.code).join(' '));
    const line = splitLines(broken)[f.range.start.line]!.text;
    assert.equal(line.slice(f.range.start.character, f.range.end.character), '19');
    const fixed = applyEdits(broken, f.fix!.edits);
    assert.equal(fixed, raw);
  });
});
