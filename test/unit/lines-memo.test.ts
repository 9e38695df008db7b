/**
 * The line reader's memo of readings by text (tokens.ts lineMemo): a line read through it reads exactly as
 * the same line read afresh (readText), the first time its text is met and every time after, on any line
 * number, and each line gets tokens of its own (a reader that changes one token changes no other line's).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fixtureLines } from '../helpers/fixtures';
import { type LineInfo, readLine, readText } from '../../server/src/core/parse/tokens';
import type { Line } from '../../server/src/core/text/lines';

const SEED = Number(process.env.GOVREPORT_PROPERTY_SEED ?? 20261202);


/** Pieces of table lines and prose: labels, counts, placeholders, numbers written wrongly, separators. */
const PIECES = [
  '（一）', '1.', '三、', '行政许可', '属于国家秘密', '本年新收政府信息公开申请数量', '予以公开', '其他', '总计', '数据1', 'Column2',
  '0', '12', '３', '1O', '〇', '约300', '3件', '/', '—', '--', '---', ':---:', 'N/A', '?', '。', '；', '第 2 页', '- 3 -',
  ' ', '  ', '\t', '|', '\u3000', '\u00a0', '\ufeff', '2021年', '本机关', '收到', '政府信息公开申请', '件，',
];
const lines = fc.array(fc.constantFrom(...PIECES), { maxLength: 16 }).map((a) => a.join(''));

const lineOn = (index: number, text: string): Line => ({ index, text, offset: 7 * index });

/** Asserts that `text` reads the same through the memo as afresh, on two line numbers, twice each. */
function agree(text: string): void {
  for (const index of [5, 40, 5]) {
    const line = lineOn(index, text);
    const memo = readLine(line);
    assert.deepEqual(memo, readText(line), `line ${index}: ${JSON.stringify(text)}`);
    assert.equal(memo.line, line);
  }
}

describe('lines read through the memo read as afresh', () => {
  it('every line of the fixtures and seeds', () => {
    const real = fixtureLines();
    assert.ok(real.length > 10000, 'the fixtures were found');
    for (const text of real) agree(text);
  });

  it('random lines of table pieces and prose', () => {
    fc.assert(fc.property(lines, (text) => agree(text)), { numRuns: 5000, seed: SEED });
  });

  it('each line gets tokens of its own', () => {
    const text = '（一）行政许可\t0\t3\t约300';
    const a: LineInfo = readLine(lineOn(2, text));
    const b: LineInfo = readLine(lineOn(9, text));
    assert.equal(a.tokens.length, 4);
    assert.deepEqual(a.tokens.map((t) => t.line), [2, 2, 2, 2]);
    assert.deepEqual(b.tokens.map((t) => t.line), [9, 9, 9, 9]);
    // A reader after may change a token (a cell merged, a value marked): no other line's token changes.
    a.tokens[1]!.kind = 'label';
    a.tokens.pop();
    a.heading = null;
    const c = readLine(lineOn(9, text));
    assert.deepEqual(c, b);
    assert.deepEqual(c, readText(lineOn(9, text)));
    assert.notEqual(c.tokens, b.tokens);
    for (let k = 0; k < c.tokens.length; k++) assert.notEqual(c.tokens[k], b.tokens[k]);
  });
});
