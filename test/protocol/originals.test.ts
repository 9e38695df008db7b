/**
 * The text view of an original over the protocol: the server reads the file, checks the view naming places in
 * the original, and — the view being read-only — offers no edit on it, but "另存为可编辑的报告".
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { COMMAND_SAVE_EDITABLE, type FixAllResult, ORIGINAL_SCHEME, type SourceTextResult } from '../../server/src/protocol';
import { ROOT } from '../helpers/fixtures';
import { TestClient } from '../helpers/lsp-client';

const fileUri = pathToFileURL(path.join(ROOT, 'fixtures', 'originals', 'sum-error.docx')).toString();
const viewUri = `${ORIGINAL_SCHEME}:${fileUri.slice('file:'.length)}`;

describe('protocol: the read-only text view of an original', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ pull: true });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('is read by the server, checked with places in the original, and offers no edit', async () => {
    const { text } = await client.request<SourceTextResult>('govreport/sourceText', { uri: viewUri });
    client.open(viewUri, text);
    const ds = await client.pullDiagnostics(viewUri);
    const sum = ds.find((d) => d.code === 'sum-row-total');
    assert.ok(sum, ds.map((d) => `${d.code} ${d.message}`).join('\n'));
    assert.match(String(sum.message), /（原文：表 2 第 4 行 第 10 列）/);

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: viewUri }, range: sum.range, context: { diagnostics: [sum], only: ['quickfix'] },
    });
    assert.deepEqual(actions.map((a) => [a.edit, a.command?.command]), [[undefined, COMMAND_SAVE_EDITABLE]]);
    assert.match(actions[0]!.title, /另存为可编辑的报告/);
    // No fix-all for save, nothing applied by "apply all automatic fixes".
    const all = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: viewUri }, range: sum.range, context: { diagnostics: [], only: ['source.fixAll.govreport'] },
    });
    assert.deepEqual(all, []);
    const r = await client.request<FixAllResult>('workspace/executeCommand', { command: 'govreport.fixAll', arguments: [{ uri: viewUri }] });
    assert.equal(r.applied, false);

    // The same text as a .txt is editable: its fix is offered as an edit.
    client.open('file:///q/sum-error.txt', text);
    const txt = (await client.pullDiagnostics('file:///q/sum-error.txt')).find((d) => d.code === 'sum-row-total')!;
    const fixes = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: 'file:///q/sum-error.txt' }, range: txt.range, context: { diagnostics: [txt], only: ['quickfix'] },
    });
    assert.ok(fixes.some((a) => a.edit), fixes.map((a) => a.title).join(' | '));
  });
});
