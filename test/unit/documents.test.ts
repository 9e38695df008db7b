/** The validating document store: out-of-range changes are clamped like VS Code's text model, malformed ones refused. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Range, TextDocument } from 'vscode-languageserver-textdocument';
import { applyChanges, clampPosition, clampRange, RefusedChange } from '../../server/src/server/documents';
import { LineDocument } from '../../server/src/server/line-document';

const doc = (text: string) => new LineDocument('file:///d.txt', 'govreport', 1, text);
const at = (line: number, character: number) => ({ line, character });

describe('documents: clamping', () => {
  it('a character past its line stops before the line end, LF or CRLF', () => {
    assert.deepEqual(clampPosition(doc('ab\ncd'), at(0, 99)), at(0, 2));
    assert.deepEqual(clampPosition(doc('ab\r\ncd'), at(0, 99)), at(0, 2));
    assert.deepEqual(clampPosition(doc('ab\rcd'), at(0, 3)), at(0, 2));
  });

  it('a line past the last is the end of the document; negatives are its start; fractions are floored', () => {
    assert.deepEqual(clampPosition(doc('ab\ncd'), at(7, 0)), at(1, 2));
    assert.deepEqual(clampPosition(doc('ab\ncd\n'), at(7, 0)), at(2, 0));
    assert.deepEqual(clampPosition(doc('ab\ncd'), at(-1, 5)), at(0, 0));
    assert.deepEqual(clampPosition(doc('ab\ncd'), at(1, -4)), at(1, 0));
    assert.deepEqual(clampPosition(doc('ab\ncd'), at(1.7, 1.2)), at(1, 1));
  });

  it('changes apply one after the other, each against the text the previous left', () => {
    const d = doc('l0\nl1\nl2\nl3');
    applyChanges(d, [
      { range: { start: at(100, 0), end: at(102, 0) }, text: 'a\nb\n' },
      { range: { start: at(5, 0), end: at(5, 0) }, text: 'Z' },
      { range: { start: at(1, 0), end: at(1, 1) }, text: 'Q' },
    ], 2);
    assert.equal(d.getText(), 'l0\nQ1\nl2\nl3a\nb\nZ');
    assert.equal(d.lineCount, 6);
    assert.equal(d.version, 2);
    // The line table is right: every line starts where the text says.
    assert.deepEqual(Array.from({ length: 6 }, (_, i) => d.offsetAt(at(i, 0))), [0, 3, 6, 9, 13, 15]);
  });

  it('a malformed list or change is refused whole, leaving the text and version', () => {
    for (const [changes, version] of [
      ['x', 2],
      [[{ text: 'ok' }, { text: 3 }], 2],
      [[{ range: { start: at(0, 0), end: { line: '1', character: 0 } }, text: 'x' }], 2],
      [[{ range: null, text: 'x' }], 2],
      [[{ text: 'x' }], 2.5],
      [[{ text: 'x' }], null],
    ] as [unknown, unknown][]) {
      const d = doc('keep');
      assert.throws(() => applyChanges(d, changes, version), RefusedChange);
      assert.equal(d.getText(), 'keep');
      assert.equal(d.version, 1);
    }
  });
});

describe('documents: the line store reads as the reference text document does', () => {
  it('a "\r" and a "\n" brought together by an edit are one line break', () => {
    const d = new LineDocument('file:///x.txt', 'govreport', 1, 'ab\rcd');
    applyChanges(d, [{ range: { start: at(1, 0), end: at(1, 0) }, text: '\n' }], 2);
    assert.deepEqual([d.getText(), d.lineCount, d.getEOLCharacters(0)], ['ab\r\ncd', 2, '\r\n']);
    const e = new LineDocument('file:///x.txt', 'govreport', 1, 'ab\rX\ncd');
    applyChanges(e, [{ range: { start: at(1, 0), end: at(1, 1) }, text: '' }], 2);
    assert.deepEqual([e.getText(), e.lineCount, e.positionAt(4)], ['ab\r\ncd', 2, at(1, 0)]);
  });

  it('a paste of 200,000 lines into the middle of a document', () => {
    const d = new LineDocument('file:///x.txt', 'govreport', 1, 'head\ntail');
    const paste = 'x\n'.repeat(200_000);
    applyChanges(d, [{ range: { start: at(1, 0), end: at(1, 0) }, text: paste }], 2);
    assert.equal(d.getText(), `head\n${paste}tail`);
    assert.equal(d.lineCount, 200_002);
    assert.deepEqual(d.positionAt(d.getText().length - 1), at(200_001, 3));
  });

  it('random edits with every kind of line break, in and out of range: same text, lines, offsets and positions', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['a', '一', '\n', '\r\n', '\r', '\t', '12', '', '𠀀', '\r\r\n\n'];
    const piece = () => Array.from({ length: rnd(4) }, () => pieces[rnd(pieces.length)]).join('');
    for (let round = 0; round < 40; round++) {
      const start = Array.from({ length: rnd(8) }, piece).join('');
      const mine = new LineDocument('file:///x.txt', 'govreport', 1, start);
      const ref = TextDocument.create('file:///x.txt', 'govreport', 1, start);
      for (let i = 0; i < 60; i++) {
        const pos = () => ({ line: rnd(ref.lineCount + 3) - 1, character: rnd(8) - 1 });
        const change: { range?: Range; text: string } = rnd(10) === 0 ? { text: piece() } : { range: { start: pos(), end: pos() }, text: piece() };
        // The reference gets the same change, clamped the same way (the clamping itself is tested above).
        const clamped = change.range ? { range: clampRange(mine, change.range), text: change.text } : { text: change.text };
        applyChanges(mine, [change], i + 2);
        TextDocument.update(ref, [clamped], i + 2);
        const where = `round ${round}, edit ${i}: ${JSON.stringify(change)}`;
        assert.equal(mine.getText(), ref.getText(), where);
        assert.equal(mine.lineCount, ref.lineCount, where);
        for (let k = 0; k < 5; k++) {
          const p = pos();
          assert.equal(mine.offsetAt(p), ref.offsetAt(p), `${where} offsetAt ${JSON.stringify(p)}`);
          const o = rnd(ref.getText().length + 2) - 1;
          assert.deepEqual(mine.positionAt(o), ref.positionAt(o), `${where} positionAt ${o}`);
          const l = p.line;
          assert.deepEqual(mine.getLineRange(l), ref.getLineRange(l), `${where} getLineRange ${l}`);
          assert.equal(mine.getEOLCharacters(l), ref.getEOLCharacters(l), `${where} getEOLCharacters ${l}`);
        }
      }
    }
  });
});
