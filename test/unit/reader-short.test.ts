/**
 * Rows short of values in space-separated text (parse/short.ts): a blank stands for any count, never a
 * negative one, and only the ways of placing the values that keep the row's sums are kept.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rowSums } from '../../server/src/core/parse/fit';
import { canHold, isShort, shortPlacements } from '../../server/src/core/parse/short';
import { readLine } from '../../server/src/core/parse/tokens';

const COLUMNS = ['natural', 'business', 'research', 'publicInterest', 'legal', 'otherOrg', 'total'];
const valuesOf = (text: string) => readLine({ index: 0, offset: 0, text } as Parameters<typeof readLine>[0]).tokens.filter((t) => t.kind !== 'label');
const numbers = (row: ReturnType<typeof valuesOf>) => row.map((t) => (t.kind === 'blank' ? null : Number(t.text)));

describe('short rows', () => {
  it('a sum with blanks holds when the blanks can make it up, never by a negative count', () => {
    assert.equal(canHold(3, [[1, 1], [2, 1]]), true);
    assert.equal(canHold(3, [[1, 1], [1, 1]]), false);
    // 3 = 1 + blank: the blank is 2.
    assert.equal(canHold(3, [[1, 1], [null, 1]]), true);
    // 1 = 7 + blank: the blank would be −6.
    assert.equal(canHold(1, [[7, 1], [null, 1]]), false);
    // A blank target is whatever its terms make.
    assert.equal(canHold(null, [[7, 1], [2, 1]]), true);
    // R1's shape: new + carried in − total − carried over = 0, with a blank on either side.
    assert.equal(canHold(0, [[6, 1], [null, 1], [-7, 1], [0, 1]]), true);
    assert.equal(canHold(0, [[6, 1], [2, 1], [null, -1]]), true);
    assert.equal(canHold(0, [[6, 1], [2, 1], [null, 1]]), false);
  });

  it('keeps only the placements whose row total can hold', () => {
    const sums = rowSums('requests', COLUMNS);
    const row = valuesOf('二、上年结转政府信息公开申请数量 7 2 0 2 2 1');
    assert.ok(isShort(row, 7));
    // Six values: the blank is the 总计 (1 cannot be the total of 7 + 2 + …), or nowhere else.
    assert.deepEqual(shortPlacements(row, 7, sums)!.map(numbers), [[7, 2, 0, 2, 2, 1, null]]);
    // All zeros: every place of the blank keeps the sum.
    assert.equal(shortPlacements(valuesOf('1.属于国家秘密 0 0 0 0 0 0'), 7, sums)!.length, 7);
    // A row with its blanks written is not short.
    assert.equal(isShort(valuesOf('规章\t1\t\t3'), 3), false);
  });
});
