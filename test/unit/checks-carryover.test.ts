/** carryover-mismatch (R9) with last year's report of the same agency at hand. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { PreviousReport } from '../../server/src/core/checks/types';
import { applyEdits, checkText, parseReport } from '../../server/src/core/service';
import { FIXTURES } from '../helpers/fixtures';

const dir = path.join(FIXTURES, 'checks', 'carryover-mismatch');
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
/** 2021: carried in 自然人 1, 总计 1 (line 51). */
const THIS_YEAR = read('silent-carried-in-matches-last-year.txt');
/** 2020 (2019 format): carried out 自然人 1, 总计 1 (line 76). */
const MATCHING = read('previous-2020-matching.txt');
/** 2020: carried out 自然人 2, 总计 2. */
const TWO = read('previous-2020-carrying-two.txt');

const prev = (text: string, extra: Partial<PreviousReport> = {}): PreviousReport => ({ model: parseReport(text), ...extra });
const mismatches = (text: string, previous?: PreviousReport, locale: 'zh' | 'en' = 'zh') =>
  checkText(text, { locale, ...(previous ? { previous } : {}) }).findings.filter((d) => d.code === 'carryover-mismatch');

describe('carryover-mismatch', () => {
  it('says nothing without last year\'s report', () => {
    assert.deepEqual(mismatches(THIS_YEAR), []);
  });
  it('says nothing when carried in equals last year\'s carried out in every column', () => {
    assert.deepEqual(mismatches(THIS_YEAR, prev(MATCHING)), []);
  });
  it('reports each column that differs, on this year\'s cell, pointing at last year\'s', () => {
    const f = mismatches(THIS_YEAR, prev(TWO, { uri: 'file:///reports/2020.txt', label: '2020年报告（2020.txt）' }));
    assert.deepEqual(f.map((d) => [d.range.start.line + 1, d.data?.column, d.data?.expected, d.data?.actual]), [[51, 'natural', 2, 1], [51, 'total', 2, 1]]);
    assert.equal(f[0]!.severity, 'warning');
    const lines = THIS_YEAR.split('\n');
    for (const d of f) assert.equal(lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character), '1');
    assert.match(f[0]!.message, /2020年报告（2020\.txt）/);
    assert.match(f[0]!.message, /为 2/);
    const rel = f[0]!.related![0]!;
    assert.equal(rel.uri, 'file:///reports/2020.txt');
    assert.equal(rel.range.start.line + 1, 76);
  });
  it('offers last year\'s value as the fix; both fixes together clear the finding', () => {
    const previous = prev(TWO);
    const f = mismatches(THIS_YEAR, previous);
    for (const d of f) {
      assert.match(d.fix!.title, /^把“上年结转”的“.+”改为 2（上年报告的数值，请核实）$/);
      assert.equal(d.fix!.kind, 'suggestion');
    }
    const fixed = applyEdits(THIS_YEAR, f.flatMap((d) => d.fix!.edits));
    assert.equal(fixed.split('\n')[50], '二、上年结转政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2');
    assert.deepEqual(mismatches(fixed, previous), []);
  });
  it('speaks English, quoting the label of last year\'s report', () => {
    const f = mismatches(THIS_YEAR, prev(TWO, { label: '2020年报告' }), 'en');
    assert.equal(f[0]!.message, 'Carried in (natural persons) is 1, but carried out in "2020年报告" is 2');
    assert.equal(f[0]!.fix?.title, "Set carried in (natural persons) to 2, last year's figure (verify)");
  });
  it('compares nothing when either table 三 cannot be read with confidence', () => {
    const unreadable = read('../table-unreadable/fires-T3-rows-of-five-values.txt');
    assert.deepEqual(mismatches(THIS_YEAR, prev(unreadable)), []);
    assert.deepEqual(mismatches(unreadable, prev(TWO)), []);
  });
  it('skips a column either report leaves blank', () => {
    const blank = THIS_YEAR.replace('二、上年结转政府信息公开申请数量\t\t1\t0', '二、上年结转政府信息公开申请数量\t\t/\t0');
    const f = mismatches(blank, prev(TWO));
    assert.deepEqual(f.map((d) => d.data?.column), ['total']);
  });
});
