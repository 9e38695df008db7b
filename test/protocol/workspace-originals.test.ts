/**
 * "Check all reports in the workspace" reads originals too: a .docx, .pdf or .html inside the folders is read
 * in the read worker, and its findings are published on its text view (govreport-original:), the document
 * the editor opens from the Problems view — with the place in the original in the message. Outside the
 * folders an original is not read, and a .doc is not among the files checked.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CheckFilesResult } from '../../server/src/protocol';
import { FIXTURES } from '../helpers/fixtures';
import { TestClient } from '../helpers/lsp-client';

const uri = (p: string) => pathToFileURL(p).toString();
const view = (fileUri: string) => `govreport-original:${fileUri.slice('file:'.length)}`;
const ORIGINALS = path.join(FIXTURES, 'originals');

describe('protocol: the workspace check reads originals', () => {
  let client: TestClient;
  let ws: string;
  let outside: string;
  before(async () => {
    ws = mkdtempSync(path.join(tmpdir(), 'govreport-ws-originals-'));
    outside = mkdtempSync(path.join(tmpdir(), 'govreport-ws-outside-'));
    for (const f of ['sum-error.docx', 'sum-error.pdf', 'sum-error-gbk.html', 'scanned.pdf', 'legacy.doc']) copyFileSync(path.join(ORIGINALS, f), path.join(ws, f));
    copyFileSync(path.join(ORIGINALS, 'sum-error.docx'), path.join(outside, 'far.docx'));
    symlinkSync(path.join(outside, 'far.docx'), path.join(ws, 'link-out.docx'));
    execFileSync('mkfifo', [path.join(ws, 'pipe.pdf')]);
    // 300 MB on disk (sparse: nothing is written), over the originals' size limit.
    writeFileSync(path.join(ws, 'huge.pdf'), '');
    truncateSync(path.join(ws, 'huge.pdf'), 300 * 1024 * 1024);
    client = new TestClient({ pull: true, workspaceFolders: [ws] });
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
    rmSync(ws, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  const check = async (...files: string[]) => (await client.request<CheckFilesResult>('govreport/checkFiles', { uris: files.map((f) => uri(path.join(ws, f))) })).files;

  it('a .docx, .pdf and .html report: checked, its sum error published on its text view with the place in the original', async () => {
    const r = await check('sum-error.docx', 'sum-error.pdf', 'sum-error-gbk.html');
    for (const f of r) {
      assert.equal(f.isReport, true, `${f.uri}: ${f.error}`);
      assert.equal(f.errors, 1, f.uri);
      const pushed = client.pushed.get(view(f.uri));
      assert.ok(pushed, `nothing published on the view of ${f.uri}`);
      const sum = pushed.diagnostics.find((d) => d.code === 'sum-row-total');
      assert.ok(sum, JSON.stringify(pushed.diagnostics));
      assert.match(String(sum.message), /应为 4.*实为 5（原文：.*表 2 第 4 行 第 10 列）/);
      assert.equal(client.pushed.has(f.uri), false, 'published on the file URI too');
    }
    assert.match(String(client.pushed.get(view(r[1]!.uri))!.diagnostics.find((d) => d.code === "sum-row-total")!.message), /第 2 页/);
  });

  it('a scanned PDF says so once; a .doc and a link to an original outside the folders are not read', async () => {
    const [scanned, doc, link] = await check('scanned.pdf', 'legacy.doc', 'link-out.docx');
    assert.equal(scanned!.isReport, false);
    assert.deepEqual(client.pushed.get(view(scanned!.uri))?.diagnostics.map((d) => d.code), ['source-unreadable']);
    assert.equal(doc!.error, '不是报告文件（.txt、.md、.govreport、.docx、.pdf、.html），未读取');
    assert.equal(link!.error, '在工作区文件夹之外，未读取');
    assert.equal(client.pushed.has(view(link!.uri)), false);
  });

  it('a FIFO named .pdf and a 300 MB .pdf are refused without blocking, each with its reason, and the check goes on', async () => {
    const [pipe, huge, after] = await check('pipe.pdf', 'huge.pdf', 'sum-error.docx');
    assert.match(pipe!.error ?? '', /不是普通文件/);
    assert.match(huge!.error ?? '', /^文件过大（314572800 字节，上限 \d+ 字节），未读取$/);
    assert.equal(after!.errors, 1);
  });

  it('an original already open as its text view is checked as it is open (no second read)', async () => {
    const file = uri(path.join(ws, 'sum-error.docx'));
    const text = await client.request<{ text: string }>('govreport/sourceText', { uri: view(file) });
    client.open(view(file), text.text);
    const [r] = await check('sum-error.docx');
    assert.equal(r!.errors, 1);
    assert.equal(r!.isReport, true);
  });
});
