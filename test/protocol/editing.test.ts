/**
 * Typing into a report: diagnostics follow incremental edits, and after any sequence of edits they equal
 * those of the final text opened fresh. Pushed results are never stale.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { loadFixtures } from '../helpers/fixtures';
import { applyTextEdits, TestClient } from '../helpers/lsp-client';

const seed004 = loadFixtures().find((f) => f.name.startsWith('seeds/004'))!;
const key = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).sort();

/** Line and column of the n-th occurrence of `needle`. */
function find(text: string, needle: string, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  return { line, character: at - before.lastIndexOf('\n') - 1 };
}

describe('protocol: typing', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ pull: false });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('a wrong number typed into a cell raises a sum error at that cell; undoing it clears it', async () => {
    const uri = 'file:///typing/a.txt';
    client.open(uri, seed004.text);
    const first = await client.waitPushed(uri, 1);
    assert.deepEqual(first.diagnostics.map((d) => d.code), ['fee-statement-missing']);
    // 一、本年新收…: the 自然人 cell (first 0 after the label) becomes 5.
    const row = find(seed004.text, '一、本年新收政府信息公开申请数量');
    const lineText = seed004.text.split('\n')[row.line]!;
    const col = lineText.indexOf('\t0') + 1;
    const cell = { start: { line: row.line, character: col }, end: { line: row.line, character: col + 1 } };
    let v = client.change(uri, [{ range: cell, text: '5' }]);
    const broken = await client.waitPushed(uri, v);
    // The typed cell breaks the row's total and its column's balance; it is the one cell that repairs both.
    const sums = broken.diagnostics.filter((d) => String(d.code).startsWith('sum-'));
    assert.equal(sums.length, 1, broken.diagnostics.map((d) => d.message).join('\n'));
    assert.equal(sums[0]!.code, 'sum-row-total');
    assert.deepEqual(sums[0]!.range, cell);
    assert.match(String(sums[0]!.message), /应为 0，实为 5/);
    v = client.change(uri, [{ range: cell, text: '0' }]);
    const fixed = await client.waitPushed(uri, v);
    assert.deepEqual(fixed.diagnostics.map((d) => d.code), ['fee-statement-missing']);
  });

  it('after a burst of character edits the diagnostics equal a fresh open of the final text', async () => {
    const uri = 'file:///typing/b.txt';
    let text = seed004.text;
    client.open(uri, text);
    await client.waitPushed(uri, 1);
    // Deterministic pseudo-random edits: insert and delete characters across the document.
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = ['0', '1', '9', '\t', '\n', '总', '计', '、', ' ', '一'];
    let v = 1;
    for (let i = 0; i < 300; i++) {
      const lines = text.split('\n');
      const line = rnd(lines.length);
      const character = rnd(lines[line]!.length + 1);
      const del = rnd(3) === 0 && character < lines[line]!.length ? 1 : 0;
      const ins = del && rnd(2) ? '' : alphabet[rnd(alphabet.length)]!;
      const range = { start: { line, character }, end: { line, character: character + del } };
      text = applyTextEdits(text, [{ range, newText: ins }]);
      v = client.change(uri, [{ range, text: ins }]);
    }
    const final = await client.waitPushed(uri, v);
    const fresh = 'file:///typing/fresh.txt';
    client.open(fresh, text);
    const expected = await client.waitPushed(fresh, 1);
    assert.deepEqual(key(final.diagnostics), key(expected.diagnostics));
  });
});
