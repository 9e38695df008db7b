/**
 * The line reader's scans done natively (indexOf, regular expressions, slices) instead of character by
 * character in JS: each agrees with the character loop it replaced, kept here as the reference, on random
 * texts built from the characters the scans look at and on the fixtures' and seeds' lines.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fixtureLines } from '../helpers/fixtures';
import { mayBeLost } from '../../server/src/core/parse/lost';
import { pageNumberRow, readLine, splitOn, splitOnGaps } from '../../server/src/core/parse/tokens';
import { isWhiteSpace, type Line, skipWhite, skipWhiteBack, splitLines } from '../../server/src/core/text/lines';
import { normalize, normalizeWithMap } from '../../server/src/core/text/normalize';

const SEED = Number(process.env.GOVREPORT_PROPERTY_SEED ?? 20261202);

/** Characters the scans treat apart, and a few ordinary ones. */
const ALPHABET = [
  'a', '1', '0', '９', '０', ' ', '\t', '\r', '\n', '\u3000', '\u00a0', '\ufeff', '\u2003', '\v', '\f', '|', '*', '`', '-', '.', '．', '、',
  '年', '件', '一', '三', '六', '七', '公', '开', '）', ')', '”', '（', '/', ']', '\'', '"', '％', 'Ａ', '\ud842\udfb7', '\ud842', '\udfb7', '①',
];
const texts = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((a) => a.join(''));
const RUNS = { numRuns: 3000, seed: SEED };

const REAL = fixtureLines();

const lineOf = (text: string): Line => ({ index: 3, text, offset: 0 });
const spans = (tokens: { start: number; end: number; text: string }[] | null) => tokens && tokens.map((t) => [t.start, t.end, t.text]);

// The character loops replaced (as they were before the change).

function splitLinesRef(text: string): { index: number; text: string; offset: number }[] {
  const lines = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ index: lines.length, text: text.slice(start, i), offset: start });
      if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ index: lines.length, text: text.slice(start), offset: start });
  return lines;
}

function cutsRef(t: string, from: number, to: number): [number, number][] {
  const cuts: [number, number][] = [];
  let i = from;
  while (i < to) {
    const c = t.charCodeAt(i);
    if (c === 32 || c === 0x3000 || c === 0xa0) {
      let j = i;
      while (j < to && (t.charCodeAt(j) === 32 || t.charCodeAt(j) === 0x3000 || t.charCodeAt(j) === 0xa0)) j++;
      if (j - i >= 2 || c === 0x3000) cuts.push([i, j]);
      i = j;
    } else i++;
  }
  return cuts;
}

/** The cells' [start, end) before trimming, as the old splitOnGaps cut them; null when there is no gap. */
function gapCellsRef(t: string, from: number, to: number): [number, number][] | null {
  const cuts = cutsRef(t, from, to);
  if (cuts.length === 0) return null;
  const out: [number, number][] = [];
  let start = from;
  for (const [a, b] of cuts) {
    if (a > start) out.push([start, a]);
    start = b;
  }
  if (start < to) out.push([start, to]);
  return out;
}

function pipeCellRef(t: string): [number, number] | null {
  let from = -1;
  let to = -1;
  let start = 0;
  for (let i = 0; i <= t.length; i++) {
    if (i < t.length && t.charCodeAt(i) !== 124) continue;
    if (skipWhite(t, start) < i) {
      if (from >= 0) return null;
      from = start;
      to = i;
    }
    start = i + 1;
  }
  return from >= 0 ? [from, to] : null;
}

const AFTER_NUMBER = new Set([...'年月日号时分秒件个条项次篇场所处种类页张本台套人名家户份元万亿多余起至版期届批%％.．,，、:：；;。）)]】”"\'/-'].map((c) => c.charCodeAt(0)));
const SECTION_NUMERALS = new Set([...'一二三四五六'].map((c) => c.charCodeAt(0)));
const isDigitCode = (c: number) => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
const isCjkCode = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || c === 0xff09 || c === 41 || c === 0x201d;

function mayBeLostRef(src: string): boolean {
  let numerals = 0;
  for (let i = 1; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (isDigitCode(c) && isCjkCode(src.charCodeAt(i - 1))) {
      let j = i + 1;
      while (j < src.length && isDigitCode(src.charCodeAt(j))) j++;
      if (j === src.length || !(AFTER_NUMBER.has(src.charCodeAt(j)) || isWhiteSpace(src.charCodeAt(j)))) return true;
      i = j;
    } else if ((c === 0x3001 || c === 0xff0e || c === 46) && SECTION_NUMERALS.has(src.charCodeAt(i - 1)) && ++numerals >= 2) return true;
  }
  return false;
}

function normalizeWithMapRef(source: string, from = 0, to = source.length): { text: string; map: number[]; sourceLength: number } {
  let text = '';
  const map: number[] = [];
  for (let i = from; i < to; i++) {
    const code = source.charCodeAt(i);
    if (isWhiteSpace(code) || code === 10 || code === 13) continue;
    if (code === 42 || code === 96) continue;
    if (code < 0x80) {
      text += source[i];
      map.push(i);
      continue;
    }
    let cp = code;
    let ch = source[i]!;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < to) {
      cp = source.codePointAt(i)!;
      ch = String.fromCodePoint(cp);
    }
    let out = ch.normalize('NFKC');
    if (cp === 0x201c || cp === 0x201d || cp === 0x300c || cp === 0x300d || cp === 0x2018 || cp === 0x2019) out = '"';
    else if (cp === 0x3001) out = '、';
    for (let k = 0; k < out.length; k++) {
      if (isWhiteSpace(out.charCodeAt(k))) continue;
      text += out[k];
      map.push(i);
    }
    if (ch.length === 2) i++;
  }
  return { text, map, sourceLength: to };
}

describe('line scans done natively agree with the character loops they replaced', () => {
  it('splitLines: every mix of \\n, \\r and \\r\\n', () => {
    fc.assert(fc.property(texts, (t) => assert.deepEqual(splitLines(t), splitLinesRef(t))), RUNS);
    for (const t of ['', '\n', '\r', '\r\n', '\n\r', '\r\r\n\n', 'a\r', 'a\rb\nc\r\nd']) assert.deepEqual(splitLines(t), splitLinesRef(t));
  });

  it('splitOnGaps: the same cells, trimmed, as the loop that found runs of spaces', () => {
    const check = (t: string) => {
      const from = skipWhite(t);
      const to = skipWhiteBack(t);
      if (from >= to) return;
      const ref = gapCellsRef(t, from, to);
      const got = splitOnGaps(lineOf(t), from, to);
      assert.equal(got === null, ref === null, JSON.stringify(t));
      if (got && ref) {
        // Each cell as makeToken makes it from the reference's span.
        assert.deepEqual(spans(got), ref.map(([a, b]) => {
          const tk = splitOn(lineOf(t), '\u0000', a, b)[0]!;
          return [tk.start, tk.end, tk.text];
        }), JSON.stringify(t));
      }
    };
    fc.assert(fc.property(texts, (t) => check(t)), RUNS);
    for (const t of REAL) check(t);
  });

  it('splitOn: one cell per separator, the last up to the end of the range', () => {
    fc.assert(fc.property(texts, fc.constantFrom('\t', '|'), (t, sep) => {
      const got = splitOn(lineOf(t), sep, 0, t.length).map((tk) => tk.line);
      let expected = 1;
      for (const ch of t) if (ch === sep) expected++;
      assert.equal(got.length, expected);
      assert.ok(got.every((l) => l === 3));
    }), RUNS);
    const tokens = splitOn(lineOf('a\t\tb  \t 3'), '\t', 0, 9);
    assert.deepEqual(spans(tokens), [[0, 1, 'a'], [2, 2, ''], [3, 4, 'b'], [8, 9, '3']]);
  });

  it('pageNumberRow: the one filled cell between pipes, found as the loop found it', () => {
    const check = (t: string) => {
      const cell = t.charCodeAt(skipWhite(t)) === 124 ? pipeCellRef(t) : null;
      const ref = cell !== null && /^\s*(?:[-—–－―]\s*\d{1,3}\s*[-—–－―]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|·\s*\d{1,3}\s*·)\s*$/.test(t.slice(cell[0], cell[1]));
      assert.equal(pageNumberRow(t), ref, JSON.stringify(t));
    };
    fc.assert(fc.property(texts, (t) => check(t)), RUNS);
    for (const t of ['| - 2 - |  |  |', '|  | -3- |', '| 1 | 2 |', '| 第 3 页 |', '|', '||', '| 1/9', ' |  · 4 · |  ']) check(t);
    for (const t of REAL) check(t);
  });

  it('mayBeLost: digits glued after a word, or two section numerals inline', () => {
    fc.assert(fc.property(texts, (t) => assert.equal(mayBeLost(t), mayBeLostRef(t), JSON.stringify(t))), RUNS);
    for (const t of ['予以公开7', '予以公开7件', '2021年', '在2021年', '）12 ', '”3/', '一、总体情况二、主动', '一、总体', '公开70000五、']) {
      assert.equal(mayBeLost(t), mayBeLostRef(t), t);
    }
    for (const t of REAL) assert.equal(mayBeLost(t), mayBeLostRef(t), t);
  });

  it('normalizeWithMap: the same text and map, and the same text as normalize', () => {
    const check = (t: string, from: number, to: number) => {
      const got = normalizeWithMap(t, from, to);
      assert.deepEqual(got, normalizeWithMapRef(t, from, to), JSON.stringify([t, from, to]));
      if (from === 0 && to === t.length) assert.equal(got.text, normalize(t));
    };
    fc.assert(fc.property(texts, fc.nat(), fc.nat(), (t, a, b) => {
      check(t, 0, t.length);
      const from = t.length === 0 ? 0 : a % t.length;
      check(t, from, from + (b % (t.length - from + 1)));
    }), RUNS);
    for (const t of REAL) check(t, 0, t.length);
  });

  it('every token and line reading the line reader makes has the same fields in the same order (one hidden class)', () => {
    const tokenKeys = 'line,start,end,text,kind,value,key,numbering,indented,spaced,cell,reading';
    const infoKeys = 'line,kind,tokens,multi,vocab,heading,from,to';
    const kinds = new Set<string>();
    for (let i = 0; i < REAL.length; i++) {
      const info = readLine({ index: i, text: REAL[i]!, offset: 0 });
      assert.equal(Object.keys(info).join(), infoKeys, REAL[i]);
      for (const tk of info.tokens) {
        assert.equal(Object.keys(tk).join(), tokenKeys, REAL[i]);
        kinds.add(tk.kind + (tk.spaced ? ' spaced' : '') + (tk.kind === 'value' && tk.reading ? ' from a label' : ''));
      }
    }
    // The lines read include every kind of token, spaced values and labels made values among them.
    for (const k of ['blank', 'value', 'label', 'value spaced']) assert.ok(kinds.has(k), k);
  });
});

