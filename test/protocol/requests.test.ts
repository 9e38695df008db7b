/** The GovReport requests: report facts, the template, checking files on disk, fix all, and R9 across files. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction } from 'vscode-languageserver-protocol';
import type { CheckFilesResult, ReportInfo, TemplateResult } from '../../server/src/protocol';
import { loadFixtures } from '../helpers/fixtures';
import { applyTextEdits, editsOf, TestClient } from '../helpers/lsp-client';

const seeds = loadFixtures().filter((f) => f.name.startsWith('seeds/'));
const s002 = seeds.find((f) => f.name.includes('002'))!;
const s004 = seeds.find((f) => f.name.includes('004'))!;

describe('protocol: GovReport requests', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'govreport-ws-'));
    // Last year's report of the same agency, carrying 2 requests over in the 自然人 column.
    const lastYear = s004.text.replace(/2021/g, '2020').replace(/四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0/, '四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2');
    writeFileSync(path.join(dir, '2020年度报告.txt'), lastYear);
    writeFileSync(path.join(dir, 'notes.txt'), '买菜：白菜、豆腐。');
    client = new TestClient({ pull: true, workspaceFolders: [dir] });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('reportInfo gives year, format and counts', async () => {
    client.open('file:///q/002.txt', s002.text);
    const info = await client.request<ReportInfo>('govreport/reportInfo', { uri: 'file:///q/002.txt' });
    assert.equal(info.isReport, true);
    assert.equal(info.year, 2021);
    assert.equal(info.format, '2021');
    assert.equal(info.errors, 5);
  });

  it('the template is a complete 2021 report of the year asked: every cell blank, every text a placeholder', async () => {
    const t = await client.request<TemplateResult>('govreport/template', { year: 2025, agency: '某某区人民政府办公室' });
    assert.match(t.text, /^某某区人民政府办公室2025年政府信息公开工作年度报告/);
    client.open('untitled:new', t.text);
    const ds = await client.pullDiagnostics('untitled:new');
    // Its structure is whole; what is left is to fill in: blank cells and placeholders, nothing else.
    const codes = new Set(ds.map((d) => d.code));
    assert.deepEqual([...codes].sort(), ['placeholder-unfilled', 'table-cell-blank'], ds.map((d) => `${d.code} ${d.message}`).join('\n'));
    assert.ok(!/\t0(\t|$)/m.test(t.text), 'no zeros');
    const contact = ds.find((d) => d.code === 'placeholder-unfilled' && /地址/.test(String(d.message)));
    assert.ok(contact, 'the contact blanks are reported');
  });

  it('checkFiles checks files on disk and pushes their diagnostics', async () => {
    const a = pathToFileURL(path.join(dir, '2020年度报告.txt')).toString();
    const b = pathToFileURL(path.join(dir, 'notes.txt')).toString();
    const missing = pathToFileURL(path.join(dir, 'gone.txt')).toString();
    const r = await client.request<CheckFilesResult>('govreport/checkFiles', { uris: [a, b, missing] });
    assert.deepEqual(r.files.map((f) => f.isReport), [true, false, false]);
    assert.ok(r.files[2]!.error);
    const pushed = await client.waitPushed(a);
    const s = r.files[0]!;
    assert.equal(pushed.diagnostics.length, s.errors + s.warnings + s.notes);
  });

  it('finds last year\'s report of the same agency in the workspace (R9)', async () => {
    const file = path.join(dir, '2021年度报告.txt');
    writeFileSync(file, s004.text);
    const uri = pathToFileURL(file).toString();
    // The background scan may still be running: wait for the index through repeated pulls.
    let ds = await client.pullDiagnostics(uri);
    for (let i = 0; i < 50 && !ds.some((d) => d.code === 'carryover-mismatch'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      client.close(uri);
      client.open(uri, s004.text);
      ds = await client.pullDiagnostics(uri);
    }
    const c = ds.filter((d) => d.code === 'carryover-mismatch');
    assert.equal(c.length, 2, ds.map((d) => d.message).join('\n'));
    assert.match(String(c[0]!.message), /2020年报告/);
    assert.ok(c[0]!.relatedInformation?.[0]?.location.uri.endsWith(encodeURIComponent('2020年度报告.txt')));
  });

  it('source.fixAll.govreport fixes everything fixable in one action, and a second pass has nothing to do', async () => {
    const uri = 'file:///q/002-fixall.txt';
    client.open(uri, s002.text);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, 'source.fixAll.govreport');
    const fixed = applyTextEdits(s002.text, editsOf(actions[0]!.edit!, uri));
    const uri2 = 'file:///q/002-fixall-2.txt';
    client.open(uri2, fixed);
    const again = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uri2 }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] },
    });
    const remaining = await client.pullDiagnostics(uri2);
    assert.equal(again.length, 0, `still fixable after fix-all: ${remaining.filter((d) => ((d.data as { fixes?: unknown[] })?.fixes ?? []).length).map((d) => d.code).join(', ')}`);
  });

  it('offers "fix all of this kind" for a code with several fixable findings', async () => {
    const uri = 'file:///q/002.txt';
    const ds = await client.pullDiagnostics(uri);
    const d = ds.find((x) => x.code === 'section-numbering')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const all = actions.find((a) => /所有/.test(a.title));
    assert.ok(all, actions.map((a) => a.title).join(' | '));
    assert.equal(editsOf(all.edit!, uri).length, 3);
  });
});
