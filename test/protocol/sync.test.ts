/**
 * Document sync under hostile input: results always belong to the text the server holds now (a didChange
 * that repeats a version, a second didOpen without didClose), and edits whose ranges lie outside the document
 * are clamped as the protocol says, so the server's text stays the client's.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { loadFixtures } from '../helpers/fixtures';
import { applyTextEdits, TestClient } from '../helpers/lsp-client';

const seed002 = loadFixtures().find((f) => f.name.startsWith('seeds/002'))!;
const seed004 = loadFixtures().find((f) => f.name.startsWith('seeds/004'))!;
const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort();

for (const pull of [true, false]) {
  describe(`protocol: results follow the text (${pull ? 'pull' : 'push'})`, () => {
    let client: TestClient;
    before(async () => {
      client = new TestClient({ pull });
      await client.initialize();
    });
    after(() => client.shutdown());

    /**
     * The diagnostics of `uri` at `version` as this client gets them. Pushed: the last push once a request sent
     * after the change is answered (the change's check is pushed before that answer; an earlier push of the same
     * version number may still be of the old text).
     */
    const diagnostics = async (uri: string, version: number): Promise<Diagnostic[]> => {
      if (pull) return client.pullDiagnostics(uri);
      await client.waitPushed(uri, version);
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      return client.pushed.get(uri)!.diagnostics;
    };
    const fresh = async (name: string, text: string): Promise<Diagnostic[]> => {
      const uri = `file:///sync-${pull}/fresh-${name}.txt`;
      client.open(uri, text);
      return diagnostics(uri, 1);
    };

    it('a didChange that repeats the version number is not answered from the old text', async () => {
      const uri = `file:///sync-${pull}/repeat.txt`;
      client.open(uri, seed002.text);
      const before = await diagnostics(uri, 1);
      assert.ok(before.some((d) => d.code === 'sum-row-total'), 'the seed has a sum error');
      // Replace the whole text with a clean report, but send version 1 again.
      client.pushed.delete(uri);
      void client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ text: seed004.text }] });
      const after = await diagnostics(uri, 1);
      assert.deepEqual(codes(after), codes(await fresh('repeat', seed004.text)));
      assert.ok(!after.some((d) => d.code === 'sum-row-total'), 'no sum error on the clean text');
    });

    it('a second didOpen without didClose replaces the document and its results', async () => {
      const uri = `file:///sync-${pull}/reopen.txt`;
      client.open(uri, seed002.text);
      await diagnostics(uri, 1);
      client.pushed.delete(uri);
      client.open(uri, seed004.text);
      const after = await diagnostics(uri, 1);
      assert.deepEqual(codes(after), codes(await fresh('reopen', seed004.text)));
      // Hover and symbols read the new text too: the first section heading is on the new text's line.
      const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      const line = seed004.text.split('\n').findIndex((l) => l.startsWith('一、'));
      assert.equal(syms[0]?.range.start.line, line);
    });

    it('pull: a result id is never reused for another text', { skip: !pull }, async () => {
      const uri = `file:///sync-${pull}/ids.txt`;
      client.open(uri, seed002.text);
      const r1 = await client.request<{ kind: string; resultId: string }>('textDocument/diagnostic', { textDocument: { uri } });
      void client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ text: seed004.text }] });
      const r2 = await client.request<{ kind: string; resultId: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: r1.resultId });
      assert.equal(r2.kind, 'full');
      assert.notEqual(r2.resultId, r1.resultId);
    });
  });
}

describe('protocol: edits outside the document', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ pull: true });
    await client.initialize();
  });
  after(() => client.shutdown());

  /** What the server holds, seen through its answers: diagnostics and outline equal a fresh open of `text`. */
  const assertServerHas = async (uri: string, text: string, name: string) => {
    const fresh = `file:///outside/fresh-${name}.txt`;
    client.open(fresh, text);
    assert.deepEqual(codes(await client.pullDiagnostics(uri)), codes(await client.pullDiagnostics(fresh)));
    const syms = (u: string) => client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
    assert.deepEqual(await syms(uri), await syms(fresh));
    client.close(fresh);
  };

  it('a range past the end of the document is clamped to its end, and later edits land where the client put them', async () => {
    const uri = 'file:///outside/past-end.txt';
    let text = seed004.text;
    client.open(uri, text);
    await client.pullDiagnostics(uri);
    const lines = text.split('\n').length;
    const far = { start: { line: lines + 100, character: 0 }, end: { line: lines + 102, character: 5 } };
    client.change(uri, [{ range: far, text: 'a\nb\n' }]);
    text = applyTextEdits(text, [{ range: far, newText: 'a\nb\n' }]);
    // A second edit at the top: with a corrupted line table the server would misplace or duplicate it.
    const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    client.change(uri, [{ range: top, text: 'X' }]);
    text = applyTextEdits(text, [{ range: top, newText: 'X' }]);
    // And one on the line the first edit added (a line the corrupted table would not know).
    const added = text.split('\n').length - 2;
    const onAdded = { start: { line: added, character: 0 }, end: { line: added, character: 0 } };
    client.change(uri, [{ range: onAdded, text: 'Y' }]);
    text = applyTextEdits(text, [{ range: onAdded, newText: 'Y' }]);
    assert.ok(text.endsWith('a\nYb\n'));
    await assertServerHas(uri, text, 'past-end');
  });

  it('a character past the end of its line stops at the line end, not on the next line', async () => {
    const uri = 'file:///outside/past-line.txt';
    let text = seed004.text;
    client.open(uri, text);
    // One more cell at the end of a table row: at the line's end it is an extra cell of that row; on the next
    // line it would be a stray cell before the next row's label.
    const line = text.split('\n').findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量'));
    const range = { start: { line, character: 500 }, end: { line, character: 900 } };
    client.change(uri, [{ range, text: '\t5' }]);
    text = applyTextEdits(text, [{ range, newText: '\t5' }]);
    assert.ok(text.split('\n')[line]!.endsWith('\t5'));
    await assertServerHas(uri, text, 'past-line');
  });

  it('negative positions and a reversed range are read as the protocol allows', async () => {
    const uri = 'file:///outside/negative.txt';
    let text = seed004.text;
    client.open(uri, text);
    const neg = { start: { line: -3, character: -7 }, end: { line: -1, character: -1 } };
    client.change(uri, [{ range: neg, text: 'A' }]);
    text = 'A' + text;
    const reversed = { start: { line: 1, character: 2 }, end: { line: 1, character: 0 } };
    client.change(uri, [{ range: reversed, text: '' }]);
    text = applyTextEdits(text, [{ range: { start: reversed.end, end: reversed.start }, newText: '' }]);
    await assertServerHas(uri, text, 'negative');
  });

  it('a malformed change closes the document on the server: its findings withdrawn, the user told, until it is opened again', async () => {
    for (const [i, contentChanges] of ([
      [{ range: { start: { line: 'x', character: 0 }, end: { line: 0, character: 0 } }, text: 'Z' }],
      [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 42 }],
      [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'ok' }, null],
      'not a list',
    ] as unknown[]).entries()) {
      const uri = `file:///outside/malformed-${i}.txt`;
      client.open(uri, seed002.text);
      assert.ok((await client.pullDiagnostics(uri)).length > 0, 'the seed has findings');
      const told = client.waitMessage(new RegExp(`已停止检查“malformed-${i}\\.txt”：编辑器发来的修改无法应用`));
      void client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges });
      await told;
      // The server holds no text for it: no findings of a text the client no longer has, no outline.
      assert.deepEqual(await client.pullDiagnostics(uri), []);
      const syms = await client.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(!syms || syms.length === 0, `no outline: ${JSON.stringify(syms)}`);
      // Opened again, it is checked again from the client's text.
      client.close(uri);
      client.open(uri, seed004.text);
      await assertServerHas(uri, seed004.text, `malformed-${i}`);
    }
  });
});
