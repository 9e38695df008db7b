/**
 * Values whose cell boundaries are unsure: digit groups one space apart (PDF text), digits run together (web
 * text), ten digits and more, values with units. The row's own sums decide, or the reader declines.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { APPEALS_COLUMNS, REQUEST_COLUMNS } from '../../server/src/core/format/spec';
import { fitValues, rowSums } from '../../server/src/core/parse/fit';
import type { Token } from '../../server/src/core/parse/tokens';
import { parseReport } from '../../server/src/core/service';
import { parseValue } from '../../server/src/core/text/values';

const T3 = REQUEST_COLUMNS.map((c) => c.key);
const T4 = APPEALS_COLUMNS.map((c) => c.key);

/** A run of digits as the reader has it when cells ran together. */
function run(text: string, start = 10): Token {
  return { line: 0, start, end: start + text.length, text, kind: 'value', value: { ...parseValue(text), joined: true }, key: '', numbering: '', indented: false };
}

const split = (text: string, cols: string[], table: 'requests' | 'appeals') => {
  const f = fitValues([run(text)], cols.length, rowSums(table, cols));
  return f.undecided ? null : f.values.map((v) => v.text);
};

describe('digits run together', () => {
  it('are split when the row’s sums allow one way only', () => {
    assert.deepEqual(split('0060006', T3, 'requests'), ['0', '0', '6', '0', '0', '0', '6']);
    assert.deepEqual(split('95614261373281', T3, 'requests'), ['95', '6', '14', '26', '137', '3', '281']);
    assert.deepEqual(split('40008012', T3, 'requests'), ['4', '0', '0', '0', '8', '0', '12']);
    assert.deepEqual(split('0550100000001001', T4, 'appeals'), ['0', '5', '5', '0', '10', '0', '0', '0', '0', '0', '0', '1', '0', '0', '1']);
  });

  it('are left undecided when two splits keep the sums, or none does', () => {
    // 9|26|142|61|72|1|311 and 92|6|14|26|172|1|311 both hold.
    assert.equal(split('92614261721311', T3, 'requests'), null);
    // The next label's numbering (2.) glued on: no split keeps the sum.
    assert.equal(split('400080122', T3, 'requests'), null);
  });

  it('point each cell at its own digits', () => {
    const f = fitValues([run('0060006', 20)], 7, rowSums('requests', T3));
    assert.deepEqual(f.values.map((v) => [v.start, v.end]), [[20, 21], [21, 22], [22, 23], [23, 24], [24, 25], [25, 26], [26, 27]]);
    assert.deepEqual(f.values.map((v) => v.value?.value), [0, 0, 6, 0, 0, 0, 6]);
  });

  it('with the sign of a change among them (0%0, 26+210) are never cut a character a cell', () => {
    // 本年增/减 of the 2019 T1 written as 0% or +2: which digits the sign goes with is unknown (no sums here).
    const signed = (text: string): Token => ({ ...run(text), value: { state: 'invalid', value: null, joined: true } });
    assert.equal(fitValues([signed('0%0')], 3, []).undecided, true);
    assert.equal(fitValues([signed('2+1')], 3, []).undecided, true);
  });

  it('stay bounded on long runs', () => {
    const f = fitValues([run('9'.repeat(400))], 7, rowSums('requests', T3));
    assert.equal(f.undecided, true);
  });
});

describe('digit groups one space apart', () => {
  it('are separate cells: a T4 row copied from a PDF viewer reads as its fifteen values', () => {
    const m = parseReport('四、政府信息公开行政复议、行政诉讼情况\n\n376 97 196 121 790 16 1 12 27 56 74 1 30 51 156\n');
    assert.deepEqual(m.tables.appeals?.rows.get('values')?.cells.map((c) => c.value), [376, 97, 196, 121, 790, 16, 1, 12, 27, 56, 74, 1, 30, 51, 156]);
  });

  it('are joined back only when the row has a value too many and the sums make one join the only fit', () => {
    // 281 broken as "28 1" by a narrow column: eight groups for seven columns; only 95+6+14+26+137+3 = 281 holds.
    const m = parseReport(['三、收到和处理政府信息公开申请情况', '', '一、本年新收政府信息公开申请数量 95 6 14 26 137 3 28 1'].join('\n'));
    const row = m.tables.requests?.rows.get('new');
    assert.deepEqual(row?.cells.map((c) => c.value), [95, 6, 14, 26, 137, 3, 281]);
    assert.equal(row?.cells[6]?.raw, '28 1');
  });

  it('a tab between two values is never closed', () => {
    const m = parseReport(['二、主动公开政府信息情况', '', '第二十条第（五）项\t\t\t', '信息内容\t本年处理决定数量\t\t', '行政许可\t312\t5\t'].join('\n'));
    const row = m.tables.proactive?.rows.get('licensing');
    assert.deepEqual(row?.cells.map((c) => c.value), [312]);
    assert.deepEqual(row?.extra.map((c) => c.value), [5]);
  });
});

describe('ten digits and more', () => {
  it('are never read as one count', () => {
    const m = parseReport(['四、政府信息公开行政复议、行政诉讼情况', '', '37697196121790161'].join('\n'));
    const t = m.tables.appeals;
    assert.ok(!t || !t.confident || t.rows.get('values')!.cells.every((c) => c.value === null || c.value < 1e9));
  });
});
