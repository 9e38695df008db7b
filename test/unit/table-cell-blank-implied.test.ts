/**
 * table-cell-blank never offers 0 where the report's own sums say the blank holds something else: a blank
 * cell whose sum has every other cell written is told the value that sum implies, and its suggestion writes
 * that value (titled with where it comes from); it is left out of the fill-all-with-0 fix.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, checkText, groupFixes } from '../../server/src/core/service';
import { loadFixtures } from '../helpers/fixtures';

const fixture = loadFixtures().find((f) => f.name.endsWith('fires-blank-total-the-sums-pin-down.txt'))!;

describe('table-cell-blank: a blank the sums pin down', () => {
  const findings = checkText(fixture.text, { locale: 'zh' }).findings.filter((f) => f.code === 'table-cell-blank');
  const pinned = findings.find((f) => f.message.startsWith('行政复议“总计”'))!;
  const free = findings.find((f) => f.message.startsWith('复议后起诉“结果维持”'))!;

  it('suggests the implied value, titled with what it asserts and where it comes from', () => {
    assert.ok(pinned && free, findings.map((f) => f.message).join('\n'));
    assert.equal(pinned.fix?.kind, 'suggestion');
    assert.equal(pinned.fix?.title, '在行政复议“总计”填入 2（按其各项之和（结果维持 1 + 尚未审结 1）推算；请核实）');
    const fixed = applyEdits(fixture.text, pinned.fix!.edits);
    assert.match(fixed, /^1\t0\t0\t1\t2\t0\t1\t/m);
    assert.equal(checkText(fixed, { locale: 'zh' }).findings.filter((f) => f.code === 'sum-appeals-total').length, 0);
  });

  it('still offers 0 where the sums say 0', () => {
    assert.equal(free.fix?.title, '在复议后起诉“结果维持”填入 0（确无此类情况时；请核实）');
    assert.deepEqual(free.fix?.edits.map((e) => e.newText), ['0']);
  });

  it('leaves the pinned blank out of filling the table with 0', () => {
    // One blank left that 0 may fill: no fill-all (it needs two), and never one that writes the 2 under a 0 title.
    assert.deepEqual(groupFixes(findings, free, 'zh'), []);
    assert.deepEqual(groupFixes(findings, pinned, 'zh'), []);
  });
});
