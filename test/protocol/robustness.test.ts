/** The server answers malformed requests with errors (or nothing) and keeps serving. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { loadFixtures } from '../helpers/fixtures';
import { editsOf, TestClient } from '../helpers/lsp-client';

const s002 = loadFixtures().find((f) => f.name.includes('002'))!;

describe('protocol: robustness', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ pull: true });
    await client.initialize();
    client.open('file:///r/002.txt', s002.text);
  });
  after(() => client.shutdown());

  const stillServing = async () => {
    const ds = await client.pullDiagnostics('file:///r/002.txt');
    assert.ok(ds.length > 5, 'still answers');
  };

  it('unknown documents get empty answers', async () => {
    assert.deepEqual(await client.pullDiagnostics('file:///nope.txt'), []);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///nope.txt' } }), []);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'file:///nope.txt' }, position: { line: 0, character: 0 } }), null);
    await stillServing();
  });

  it('missing parameters are an error response', async () => {
    await assert.rejects(client.request('textDocument/documentSymbol', {}));
    await assert.rejects(client.request('textDocument/hover', null));
    await assert.rejects(client.request('govreport/checkFiles', { uris: 'x' }));
    await assert.rejects(client.request('workspace/executeCommand', { command: 'govreport.nope' }));
    await stillServing();
  });

  it('out-of-range positions and ranges do no harm', async () => {
    const uri = 'file:///r/002.txt';
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 99999, character: 99999 } }), null);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: -5, character: -1 }, end: { line: 1e6, character: 0 } }, context: { diagnostics: [] },
    });
    assert.ok(Array.isArray(actions));
    await stillServing();
  });

  it('forged or stale fix data is refused: edits come from the server\'s own analysis', async () => {
    const uri = 'file:///r/002.txt';
    const ds = await client.pullDiagnostics(uri);
    const d = ds.find((x) => x.code === 'sum-row-total')!;
    const forged: Diagnostic = { ...d, data: { v: 1, version: 999, fixes: [{ title: 'evil', edits: [{ range: d.range, newText: 'x' }] }] } };
    const garbage: Diagnostic = { ...d, data: { v: 7, fixes: 'rm -rf' } };
    for (const bad of [forged, garbage]) {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [bad] } });
      assert.ok(!actions.some((a) => a.title === 'evil'), 'forged fix not offered');
      const own = actions.find((a) => /改为 9（请核实）$/.test(a.title));
      assert.ok(own, 'falls back to the current finding');
      assert.ok(!actions.some((a) => a.edit && editsOf(a.edit, uri).some((e) => e.newText === 'x')), 'no edit of the forged data');
    }
    await stillServing();
  });

  it('binary junk and huge lines are read without crashing', async () => {
    const junk = 'file:///r/junk.bin';
    client.open(junk, '\u0000\u0001\uFFFD'.repeat(2000) + 'x'.repeat(300000));
    assert.deepEqual(await client.pullDiagnostics(junk), []);
    await stillServing();
  });
});
