/**
 * The text layer the reader stands on: normalisation (the fast path without a source map must agree with
 * the mapped one) and cell values (the fast rejection of labels must agree with the full parse).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalize, normalizedLength, normalizeWithMap, sourceSpan } from '../../server/src/core/text/normalize';
import { type ParsedValue, parseValue } from '../../server/src/core/text/values';

const SEED = Number(process.env.GOVREPORT_PROPERTY_SEED ?? 20211926);

/** Strings made of the characters reports are made of, and of anything else. */
const reportish = fc.oneof(
  fc.string({ unit: fc.constantFrom('０', '１', '９', '．', '－', '（', '）', '(', ')', '一', '、', '总计', ' ', '\u3000', '\t', '*', '`', '“', '”', '丁', '幵', '\uFEFF', '\u200b', 'ｱ', '㈠', '①', '𠀀', '\ud800', 'x', '5', '%', ','), maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/** The full parse, without the fast rejection: the reference the fast path must agree with. */
function referenceValue(text: string): ParsedValue {
  if (text.length === 0) return { state: 'blank', value: null };
  if (['/', '／', '-', '－', '—', '——', '–', '―', '─', '--', '－－', '无'].includes(text)) return { state: 'placeholder', value: null };
  let ascii = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff10 && c <= 0xff19) ascii += String.fromCharCode(c - 0xff10 + 48);
    else ascii += ({ '．': '.', '％': '%', '－': '-', '−': '-', '，': ',', '＋': '+' } as Record<string, string>)[ch] ?? ch;
  }
  ascii = ascii.trim();
  let unit: string | undefined;
  const u = /^(.*?\d)\s*(万元|元|件|个|条|项|次|宗|份)$/.exec(ascii);
  if (u) {
    ascii = u[1]!.trim();
    unit = u[2]!;
  }
  const m = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%?)$/.exec(ascii);
  if (m) {
    if (/^\d+$/.test(ascii) && ascii.length >= 10 && !unit) return { state: 'invalid', value: null, joined: true };
    const value = Number(ascii.replace(/[,%+]/g, ''));
    if (Number.isFinite(value)) {
      return { state: 'number', value, decimals: m[1]?.length ?? 0, ...(m[2] ? { percent: true } : {}), ...(unit ? { unit } : {}) };
    }
  }
  return { state: 'invalid', value: null };
}

describe('normalize', () => {
  it('agrees with normalizeWithMap on any text', () => {
    fc.assert(fc.property(reportish, (s) => normalize(s) === normalizeWithMap(s).text), { seed: SEED, numRuns: 500 });
  });
  it('maps every normalised character back into the source', () => {
    fc.assert(fc.property(reportish, (s) => {
      const n = normalizeWithMap(s);
      for (let i = 0; i < n.text.length; i++) {
        const [a, b] = sourceSpan(n, i, i + 1, s);
        if (a < 0 || b > s.length || a >= b) return false;
      }
      return true;
    }), { seed: SEED, numRuns: 300 });
  });
  it('counts the normalised length without building it, up to a cap', () => {
    fc.assert(fc.property(reportish, fc.integer({ min: 0, max: 45 }), (s, cap) => normalizedLength(s, cap) === Math.min(normalize(s).length, cap + 1)),
      { seed: SEED, numRuns: 500 });
    // NFKC lengthens ㈠ to (一) and drops white space: the count is the normalised text's, not the source's.
    assert.equal(normalizedLength('㈠ 予以公开', 30), 7);
    assert.equal(normalizedLength('一二三四五', 3), 4);
  });
  it('absorbs widths, spaces and emphasis', () => {
    assert.equal(normalize('（三） 不予 **公开**'), '(三)不予公开');
    assert.equal(normalize('１２．３５'), '12.35');
    assert.equal(normalize('商\u3000业 企业'), '商业企业');
  });
});

describe('parseValue', () => {
  it('agrees with the full parse on any text', () => {
    fc.assert(fc.property(reportish, (s) => assert.deepEqual(parseValue(s), referenceValue(s))), { seed: SEED, numRuns: 500 });
  });
  it('agrees with the full parse on numbers with units, signs and widths, and on labels that start like one', () => {
    for (const s of ['3件', '１２ 万元', '12.5%', '－3', '−3', '+1', '1,234', '１，２３４', '0.5 元', '1.属于国家秘密', '2021年', '3 件', '12\u3000', '4份', '5项目']) {
      assert.deepEqual(parseValue(s), referenceValue(s), s);
    }
  });
  it('reads counts, amounts, changes and not-filled marks', () => {
    assert.deepEqual(parseValue('１２'), { state: 'number', value: 12, decimals: 0 });
    assert.deepEqual(parseValue('4068.208'), { state: 'number', value: 4068.208, decimals: 3 });
    assert.deepEqual(parseValue('9,945.34'), { state: 'number', value: 9945.34, decimals: 2 });
    assert.deepEqual(parseValue('-2'), { state: 'number', value: -2, decimals: 0 });
    assert.deepEqual(parseValue('0%'), { state: 'number', value: 0, decimals: 0, percent: true });
    assert.equal(parseValue('—').state, 'placeholder');
    assert.equal(parseValue('规章').state, 'invalid');
    assert.equal(parseValue('约3').state, 'invalid');
  });
  it('reads a number written with its unit, and never digit groups apart or ten digits as one count', () => {
    assert.deepEqual(parseValue('3件'), { state: 'number', value: 3, decimals: 0, unit: '件' });
    assert.deepEqual(parseValue('251000 元'), { state: 'number', value: 251000, decimals: 0, unit: '元' });
    assert.deepEqual(parseValue('12.5万元'), { state: 'number', value: 12.5, decimals: 1, unit: '万元' });
    assert.equal(parseValue('376 97').state, 'invalid');
    assert.equal(parseValue('376 97').joined, undefined);
    assert.deepEqual(parseValue('3769719612'), { state: 'invalid', value: null, joined: true });
    assert.deepEqual(parseValue('376971961217'), { state: 'invalid', value: null, joined: true });
    assert.equal(parseValue('376971961').value, 376971961);
  });
});
