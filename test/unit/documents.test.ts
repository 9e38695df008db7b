/** The validating document store: out-of-range changes are clamped like VS Code's text model, malformed ones refused. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyChanges, clampPosition, RefusedChange } from '../../server/src/server/documents';

const doc = (text: string) => TextDocument.create('file:///d.txt', 'govreport', 1, text);
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
