/** The reader's memos (core/text/memo.ts): bounded in entries and key length, each value computed once while kept. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TextMemo } from '../../server/src/core/text/memo';
import { labelKey } from '../../server/src/core/text/normalize';

setFlagsFromString('--expose-gc');
/** A full collection, asked of V8 directly (the test runner starts node without --expose-gc). */
const collect = runInNewContext('gc') as () => void;

/**
 * Heap still used after `keep` has seen `n` distinct texts of about 2 MB (two-byte characters) through a label
 * cut from each, and the texts themselves are gone: near zero when nothing kept holds a piece of a text.
 */
function heldAfter(n: number, keep: (label: string) => unknown): number {
  collect();
  const before = process.memoryUsage().heapUsed;
  const held: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const half = ''.padEnd(500_000, '政府信息公开工作年度报告');
    const text = `${half}第${i}项主动公开政府信息的数量${half}`;
    const label = text.slice(half.length, half.length + 20); // a slice: it points into the whole text
    held.push(keep(label));
  }
  collect();
  const after = process.memoryUsage().heapUsed;
  assert.equal(held.length, n);
  return after - before;
}

describe('TextMemo', () => {
  it('computes a key once while it is kept, a key past the length bound every time, and starts again when full', () => {
    const asked: string[] = [];
    const memo = new TextMemo((k: string) => {
      asked.push(k);
      return k.length;
    }, 2, 5);
    assert.equal(memo.get('一二三'), 3);
    assert.equal(memo.get('一二三'), 3);
    assert.equal(memo.get('一二三四五六'), 6);
    assert.equal(memo.get('一二三四五六'), 6);
    assert.deepEqual(asked, ['一二三', '一二三四五六', '一二三四五六']);
    memo.get('甲');
    memo.get('乙'); // full at two: cleared before 乙 is kept
    memo.get('一二三');
    assert.deepEqual(asked.slice(3), ['甲', '乙', '一二三']);
  });
  it('keeps null as a value (a line that is not a heading is remembered as such)', () => {
    let n = 0;
    const memo = new TextMemo<null>(() => {
      n++;
      return null;
    }, 10, 10);
    memo.get('x');
    memo.get('x');
    assert.equal(n, 1);
  });
  it('keeps no text alive through a value that holds a piece of its key (a label key that is the label itself)', () => {
    const memo = new TextMemo((k: string) => ({ piece: k.slice(2) }), 1000, 100);
    // Each text is 2 MB; 30 of them kept alive would hold 60 MB.
    assert.ok(heldAfter(30, (label) => memo.get(label)) < 10_000_000);
    // The label keys of the reader: a label without punctuation or numbering is its own key.
    assert.ok(heldAfter(30, (label) => labelKey(label)) < 10_000_000);
  });
});
