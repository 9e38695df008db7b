/**
 * What the server reads from disk: only report files inside the workspace folders (judged on real paths), never
 * a FIFO or a device, a file too large refused by a stat; in an untrusted workspace a govreport.json cannot
 * raise the size limit.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CheckFilesResult } from '../../server/src/protocol';
import { loadFixtures, ROOT } from '../helpers/fixtures';
import { TestClient } from '../helpers/lsp-client';

const seed004 = loadFixtures().find((f) => f.name.startsWith('seeds/004'))!;
const uri = (p: string) => pathToFileURL(p).toString();

describe('protocol: reach', () => {
  let client: TestClient;
  let ws: string;
  let outside: string;
  before(async () => {
    ws = mkdtempSync(path.join(tmpdir(), 'govreport-reach-'));
    outside = mkdtempSync(path.join(tmpdir(), 'govreport-outside-'));
    copyFileSync(seed004.file, path.join(ws, 'report.txt'));
    copyFileSync(seed004.file, path.join(outside, 'secret.txt'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(ws, 'link-out.txt'));
    symlinkSync('/etc/passwd', path.join(ws, 'passwd.txt'));
    symlinkSync('/dev/zero', path.join(ws, 'zero.txt'));
    for (let i = 0; i < 6; i++) execFileSync('mkfifo', [path.join(ws, `fifo${i}.txt`)]);
    // 50 MB on disk (sparse: nothing is written), over the default limit.
    writeFileSync(path.join(ws, 'huge.txt'), '');
    truncateSync(path.join(ws, 'huge.txt'), 50 * 1024 * 1024);
    client = new TestClient({ pull: true, workspaceFolders: [ws] });
    await client.initialize();
  });
  after(() => client.shutdown());

  const check = async (...files: string[]) => (await client.request<CheckFilesResult>('govreport/checkFiles', { uris: files })).files;

  it('a report inside the workspace is checked', async () => {
    const [r] = await check(uri(path.join(ws, 'report.txt')));
    assert.equal(r!.isReport, true, r!.error);
  });

  it('files outside the workspace are not read, nor links to them, nor what is not a report file', async () => {
    const r = await check(uri('/etc/passwd'), uri(path.join(outside, 'secret.txt')), uri(path.join(ws, 'link-out.txt')), uri(path.join(ws, 'passwd.txt')), 'untitled:x.txt', uri(path.join(ws, 'notes.json')));
    // Said in the client's language (Chinese here).
    assert.equal(r[0]!.error, '不是报告文件（.txt、.md、.govreport、.docx、.pdf、.html），未读取');
    for (const f of r.slice(1, 4)) assert.equal(f.error, '在工作区文件夹之外，未读取', f.uri);
    assert.equal(r[4]!.error, '不是磁盘上的文件');
    assert.equal(r[5]!.error, '不是报告文件（.txt、.md、.govreport、.docx、.pdf、.html），未读取');
    assert.equal(client.pushed.has(uri(path.join(outside, 'secret.txt'))), false);
    // In English when the settings say so.
    const en = new TestClient({ pull: true, locale: 'en', settings: { locale: 'en' }, workspaceFolders: [ws] });
    try {
      await en.initialize();
      const [passwd, far] = (await en.request<CheckFilesResult>('govreport/checkFiles', { uris: [uri('/etc/passwd'), uri(path.join(outside, 'secret.txt'))] })).files;
      assert.equal(passwd!.error, 'not a report file (.txt, .md, .govreport, .docx, .pdf, .html): not read');
      assert.equal(far!.error, 'outside the workspace folders: not read');
    } finally {
      await en.shutdown();
    }
  });

  it('FIFOs and devices are refused without blocking, and the server keeps answering', async () => {
    const fifos = Array.from({ length: 6 }, (_, i) => uri(path.join(ws, `fifo${i}.txt`)));
    // As watched-file events first (each would block a file thread if opened), then checked.
    void client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [...fifos, uri(path.join(ws, 'zero.txt'))].map((u) => ({ uri: u, type: 2 })) });
    const r = await check(...fifos, uri(path.join(ws, 'zero.txt')));
    for (const f of r.slice(0, 6)) assert.equal(f.error, '不是普通文件（是管道、设备或套接字），未读取', f.uri);
    // A link to a device leads outside the workspace.
    assert.equal(r[6]!.error, '在工作区文件夹之外，未读取');
    const [ok] = await check(uri(path.join(ws, 'report.txt')));
    assert.equal(ok!.isReport, true);
  });

  it('a govreport.json that is a FIFO is named, not waited on, and the report beside it is checked', async () => {
    const dir = path.join(ws, 'fifo-config');
    mkdirSync(dir);
    execFileSync('mkfifo', [path.join(dir, 'govreport.json')]);
    const u = uri(path.join(dir, 'r.txt'));
    client.open(u, seed004.text);
    const codes = (await client.pullDiagnostics(u)).map((d) => d.code);
    assert.ok(codes.includes('fee-statement-missing'), codes.join());
    assert.ok(client.messages.some((m) => /fifo-config\/govreport\.json：不是普通文件（是管道、设备或套接字），未读取；其中的设置未采用/.test(m.message)), JSON.stringify(client.messages));
    client.close(u);
  });

  it('a 50 MB file is refused by its size on disk, with the one finding that says so', async () => {
    const u = uri(path.join(ws, 'huge.txt'));
    const [r] = await check(u);
    assert.equal(r!.error, undefined);
    assert.equal(r!.isReport, false);
    const pushed = await client.waitPushed(u);
    assert.deepEqual(pushed.diagnostics.map((d) => d.code), ['file-too-large']);
    assert.match(String(pushed.diagnostics[0]!.message), /未检查（未读取）：文件大小 52\.4 MB，超过上限 6\.0 MB/);
  });

  it('a folder added to the workspace is served; one removed is not', async () => {
    const added = mkdtempSync(path.join(tmpdir(), 'govreport-added-'));
    copyFileSync(seed004.file, path.join(added, 'r.txt'));
    const target = uri(path.join(added, 'r.txt'));
    assert.match((await check(target))[0]!.error!, /工作区文件夹之外/);
    client.folders = [ws, added];
    void client.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uri(added), name: 'added' }], removed: [] } });
    // The server asks for the folders (a round trip); once it has them the file is inside.
    const served = async (want: boolean) => {
      const isServed = async () => (await check(target))[0]!.error === undefined;
      for (let i = 0; i < 50 && (await isServed()) !== want; i++) await client.request('govreport/template', { year: 2024 });
      return (await check(target))[0]!;
    };
    assert.equal((await served(true)).isReport, true);
    client.folders = [ws];
    void client.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: uri(added), name: 'added' }] } });
    assert.match((await served(false)).error!, /工作区文件夹之外/);
  });
});

describe('protocol: a workspace of the whole disk (rootUri file:///, no workspace folders)', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ pull: true, rootUri: 'file:///' });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('the index walks within its limits, says in Chinese where it stopped, and the server answers all the while', async () => {
    // Checked while the walk runs (it starts 50 ms after initialize and goes on for seconds).
    const u = 'file:///walk/r.txt';
    client.open(u, seed004.text);
    const fresh = new TestClient({ pull: true });
    await fresh.initialize();
    fresh.open(u, seed004.text);
    // The outline (diagnostics could differ: the walk may find last year's report of an agency somewhere on disk).
    const outline = (c: TestClient) => c.request('textDocument/documentSymbol', { textDocument: { uri: u } });
    try {
      const symbols = await outline(client);
      assert.ok(Array.isArray(symbols) && symbols.length >= 6, JSON.stringify(symbols));
      assert.deepEqual(symbols, await outline(fresh));
    } finally {
      await fresh.shutdown();
    }
    // A disk has more than INDEX_LIMITS' 5,000 folders (or takes over its 10 s): the walk stops and says so.
    const said = await client.waitLog(/工作区索引达到/, 30_000);
    const m = /达到(报告文件数|文件夹数|读取字节数|用时)上限后停止（已读 (\d+) 个报告文件、(\d+) 个文件夹、(\d+) KB，用时 ([\d.]+) 秒）；部分报告可能找不到上一年度的报告（R9）/.exec(said);
    assert.ok(m, said);
    assert.ok(Number(m[2]) <= 2000 && Number(m[3]) <= 5000 && Number(m[4]) <= 64 * 1024 && Number(m[5]) <= 11, said);
    // Bounded memory (the walk reads at most 2,000 files of at most 2 MB, 64 MB in all): the issue saw 1 GB.
    assert.ok(client.peakMemory() < 400e6, `peak memory ${client.peakMemory()} bytes`);
    // Everything is inside this workspace, yet only report files are read.
    const [passwd] = (await client.request<CheckFilesResult>('govreport/checkFiles', { uris: ['file:///etc/passwd'] })).files;
    assert.match(passwd!.error!, /不是报告文件/);
  });
});

describe('protocol: an untrusted workspace', () => {
  let client: TestClient;
  let ws: string;
  // A report longer than the editor's limit but shorter than what govreport.json asks for.
  const text = seed004.text + '\n' + '备注：'.repeat(Math.ceil((15_000 - seed004.text.length) / 3));
  before(async () => {
    ws = mkdtempSync(path.join(tmpdir(), 'govreport-untrusted-'));
    mkdirSync(path.join(ws, 'r'));
    writeFileSync(path.join(ws, 'govreport.json'), JSON.stringify({ maxFileSize: 50_000, checks: { 'fee-statement-missing': 'off' } }));
    client = new TestClient({ pull: true, workspaceFolders: [ws], settings: { maxFileSize: 10_000 }, initializationOptions: { workspaceTrusted: false } });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('govreport.json cannot raise maxFileSize (it may still switch checks off); trusting the workspace applies it', async () => {
    assert.ok(text.length > 10_000 && text.length < 50_000);
    const u = uri(path.join(ws, 'r', 'report.txt'));
    client.open(u, text);
    assert.deepEqual((await client.pullDiagnostics(u)).map((d) => d.code), ['file-too-large']);
    assert.ok(client.messages.some((m) => /工作区未受信任，“maxFileSize”的值 50000 会提高上限，未采用，仍按 10000/.test(m.message)), JSON.stringify(client.messages));
    void client.conn.sendNotification('govreport/workspaceTrust', { trusted: true });
    // Trusted (the notification is handled before the next request): the file's limit applies, the report is
    // checked, and its other setting still holds.
    const codes = (await client.pullDiagnostics(u)).map((d) => String(d.code));
    assert.ok(!codes.includes('file-too-large'), codes.join());
    assert.ok(!codes.includes('fee-statement-missing'));
  });
});

describe('protocol: an untrusted workspace\'s baseline', () => {
  let client: TestClient;
  let ws: string;
  let outside: string;
  const seed002 = loadFixtures().find((f) => f.name.startsWith('seeds/002'))!;
  before(async () => {
    ws = mkdtempSync(path.join(tmpdir(), 'govreport-untrusted-baseline-'));
    outside = mkdtempSync(path.join(tmpdir(), 'govreport-outside-baseline-'));
    mkdirSync(path.join(ws, 'review'));
    copyFileSync(seed002.file, path.join(ws, '年度报告.txt'));
    // The same baseline (every finding of the report dismissed) outside the workspace and inside it.
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', '--baseline', path.join(outside, 'b.json'), ws], { encoding: 'utf8' });
    assert.match(r.stderr, /已写入基线/);
    copyFileSync(path.join(outside, 'b.json'), path.join(ws, 'review', 'b.json'));
    writeFileSync(path.join(ws, 'govreport.json'), JSON.stringify({ baseline: path.join(outside, 'b.json') }));
    client = new TestClient({ pull: true, workspaceFolders: [ws], initializationOptions: { workspaceTrusted: false } });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('a baseline outside the workspace is not read (its findings stay shown); one inside is honoured', async () => {
    const u = uri(path.join(ws, '年度报告.txt'));
    client.open(u, seed002.text);
    const shown = await client.pullDiagnostics(u);
    assert.ok(shown.some((d) => d.code === 'sum-row-total'), shown.map((d) => d.code).join());
    assert.ok(client.messages.some((m) => /工作区未受信任，“baseline”指向工作区之外的文件 .*b\.json，未读取/.test(m.message)), JSON.stringify(client.messages));
    writeFileSync(path.join(ws, 'govreport.json'), JSON.stringify({ baseline: 'review/b.json' }));
    void client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(path.join(ws, 'govreport.json')), type: 2 }] });
    assert.deepEqual((await client.pullDiagnostics(u)).map((d) => d.code), []);
  });
});
