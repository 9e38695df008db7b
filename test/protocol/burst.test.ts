/**
 * A burst of edits (thousands of didChange notifications sent without waiting): the server checks only the
 * newest version, so it pushes a handful of results, not one per edit, and the last push is that of the last
 * edit with the diagnostics of the final text. A request sent in the middle of the burst is answered.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { loadFixtures } from '../helpers/fixtures';
import { applyTextEdits, TestClient } from '../helpers/lsp-client';

const seed002 = loadFixtures().find((f) => f.name.startsWith('seeds/002'))!;
const key = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character} ${d.message}`).sort();
const EDITS = 3000;

describe('protocol: bursts of edits', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ pull: false });
    await client.initialize();
  });
  after(() => client.shutdown());

  it(`${EDITS} edits sent at once: a few pushes, the last for the last edit, equal to a fresh check`, async () => {
    const uri = 'file:///burst/a.txt';
    let text = seed002.text;
    client.open(uri, text);
    await client.waitPushed(uri, 1);
    const before = client.pushLog.length;
    // Type a digit and delete it again at the start of the line, over and over; end with one digit left.
    const line = text.split('\n').findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量'));
    const at = { line, character: 0 };
    let v = 1;
    let hover: Promise<Hover | null> | undefined;
    for (let i = 0; i < EDITS; i++) {
      const insert = i % 2 === 0;
      const range = insert ? { start: at, end: at } : { start: at, end: { line, character: 1 } };
      v = client.change(uri, [{ range, text: insert ? '7' : '' }]);
      text = applyTextEdits(text, [{ range, newText: insert ? '7' : '' }]);
      if (i === EDITS / 2) hover = client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 3 } });
    }
    const range = { start: at, end: at };
    v = client.change(uri, [{ range, text: '（' }]);
    text = applyTextEdits(text, [{ range, newText: '（' }]);
    const final = await client.waitPushed(uri, v);
    await hover;
    const fresh = 'file:///burst/fresh.txt';
    client.open(fresh, text);
    const expected = await client.waitPushed(fresh, 1);
    assert.deepEqual(key(final.diagnostics), key(expected.diagnostics));
    // Pushes are of increasing versions, few, and the last is the last edit's.
    const pushes = client.pushLog.slice(before).filter((p) => p.uri === uri).map((p) => p.version ?? -1);
    assert.equal(pushes.at(-1), v);
    assert.deepEqual([...pushes].sort((a, b) => a - b), pushes);
    assert.ok(pushes.length <= 20, `${pushes.length} pushes for ${EDITS + 1} edits`);
  });
});
