/** The reader's memos (core/text/memo.ts): bounded in entries and key length, each value computed once while kept. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextMemo } from '../../server/src/core/text/memo';

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
});
