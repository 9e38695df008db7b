/**
 * The longest common subsequence (core/text/similarity.ts) is counted bit-parallel for strings up to 30
 * characters and by the dynamic programme beyond: both must give the textbook answer, on random strings of
 * a few characters (many matches), of Chinese labels, and on each side of the length where the two meet.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lcsLength, similarity } from '../../server/src/core/text/similarity';

/** The textbook table, the reference. */
function reference(a: string, b: string): number {
  const t: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) t[i]![j] = a[i - 1] === b[j - 1] ? t[i - 1]![j - 1]! + 1 : Math.max(t[i - 1]![j]!, t[i]![j - 1]!);
  }
  return t[a.length]![b.length]!;
}

/** A small deterministic generator, so that a failure is the same on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

function text(next: () => number, alphabet: string, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)];
  return s;
}

describe('lcsLength', () => {
  it('agrees with the textbook table on random strings, both sides of the bit-parallel bound', () => {
    const next = random(7);
    const alphabets = ['ab', 'abc', '予以公开部分不掌握信息申请', 'abcdefghijklmnopqrstuvwxyz0123456789'];
    let n = 0;
    for (const alphabet of alphabets) {
      for (let k = 0; k < 400; k++) {
        const a = text(next, alphabet, Math.floor(next() * 45));
        const b = text(next, alphabet, Math.floor(next() * 45));
        assert.equal(lcsLength(a, b), reference(a, b), `${a} / ${b}`);
        assert.equal(lcsLength(b, a), reference(a, b));
        n++;
      }
    }
    for (const m of [29, 30, 31, 32]) {
      const a = text(next, 'abc', m);
      const b = text(next, 'abc', m + 5);
      assert.equal(lcsLength(a, b), reference(a, b), `length ${m}`);
      assert.equal(lcsLength(a, a), m);
    }
    assert.ok(n > 1000);
  });

  it('counts labels as before: garbled, cut, padded', () => {
    assert.equal(lcsLength('本机关不掌握相关政府信息', '本机关不掌握相关政府信息'), 12);
    assert.equal(lcsLength('本机关不掌握相关政府信息', '本机关不掌握相关政'), 9);
    assert.equal(lcsLength('本机关丁掌握相关政府信息', '本机关不掌握相关政府信息'), 11);
    assert.equal(lcsLength('', '申请'), 0);
    assert.equal(similarity('予以公开', '予以公开'), 1);
    assert.equal(similarity('予以公开', '部分公开'), 0.5);
  });

  it('leaves nothing behind between calls: a string with repeated characters, then one without', () => {
    assert.equal(lcsLength('aaaa', 'aa'), 2);
    assert.equal(lcsLength('bbbb', 'ab'), 1);
    assert.equal(lcsLength('ab', 'ba'), 1);
  });
});
