/**
 * The real server over stdio, fed raw bytes: broken framing is logged and the next message is answered (never
 * alive but deaf); requests out of order get the errors the protocol names; cancelled requests are answered
 * as cancelled, including the workspace check while it runs.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { loadFixtures } from '../helpers/fixtures';
import { RawServer } from '../helpers/raw-server';

const seed004 = loadFixtures().find((f) => f.name.startsWith('seeds/004'))!;
const hover = (id: number) => ({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///x.txt' }, position: { line: 0, character: 0 } } });
const body = (o: unknown) => Buffer.from(JSON.stringify(o), 'utf8');

describe('protocol: framing over stdio', () => {
  let server: RawServer;
  before(async () => {
    server = new RawServer();
    await server.initialize();
  });
  after(() => server.kill());

  let next = 100;
  /** Writes `bytes`, then a good request; that request must be answered and the problem logged. */
  const survives = async (bytes: Buffer | string, logged: RegExp) => {
    const id = next++;
    server.write(bytes);
    server.send(hover(id));
    const a = await server.answerTo(id);
    assert.equal(a.error, undefined, JSON.stringify(a));
    await server.logged(logged);
  };

  it('a header without Content-Length', () => survives('Content-Type: application/json\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"x"}', /govreport：消息分帧：消息头没有 Content-Length/));

  it('a negative length', () => survives(`Content-Length: -20\r\n\r\n${JSON.stringify(hover(1))}`, /消息分帧：Content-Length 不是长度："-20"/));

  it('a length shorter than the message', () => survives(Buffer.concat([Buffer.from('Content-Length: 12\r\n\r\n'), body(hover(1))]), /消息分帧：消息不是 JSON/));

  it('a length longer than the message: its request gets an error at once, the next an answer', async () => {
    const b = body(hover(51));
    const broken = server.answerTo(51);
    await survives(Buffer.concat([Buffer.from(`Content-Length: ${b.length + 500}\r\n\r\n`), b]), /消息分帧：消息比它的 Content-Length（\d+）短/);
    assert.equal((await broken).error?.code, -32600);
  });

  it('a huge length (a lie) does not swallow what follows', () => survives('Content-Length: 999999999999\r\n\r\n{"jsonrpc":"2.0"', /超过上限 67108864 字节，已跳过/));

  it('garbage bytes before a header', () => survives(Buffer.from([0, 1, 2, 0xff, 0xfe, 0x0d, 0x0a, 0x0d, 0x0a, 0x41, 0x42]), /消息分帧：消息头中有一行不是“名称: 值”/));

  it('a body that is not JSON', () => survives('Content-Length: 5\r\n\r\n{oops', /消息分帧：消息不是 JSON/));

  it('its log speaks English once the settings chose English', async () => {
    const en = new RawServer();
    try {
      await en.initialize();
      en.notify('workspace/didChangeConfiguration', { settings: { govreport: { locale: 'en' } } });
      en.notify('textDocument/didOpen', { textDocument: { uri: 'file:///en.txt', languageId: 'govreport', version: 1, text: '一、总体情况\n' } });
      // The document's settings have been read once its diagnostics are out.
      await en.next((a) => (a as { method?: string }).method === 'textDocument/publishDiagnostics', 'the diagnostics of en.txt');
      en.send([hover(1), hover(2)]);
      await en.logged(/govreport: dropped a message that is not a JSON-RPC object \(batches are not part of LSP\)/);
    } finally {
      await en.kill();
    }
  });

  it('LF-only headers are read as headers', async () => {
    const id = next++;
    const b = body(hover(id));
    server.write(Buffer.concat([Buffer.from(`Content-Length: ${b.length}\n\n`), b]));
    assert.equal((await server.answerTo(id)).error, undefined);
  });

  it('JSON that is not a JSON-RPC message: a batch or an object id is refused, with id null', async () => {
    server.send([hover(1), hover(2)]);
    server.send({ jsonrpc: '2.0', id: { evil: true }, method: 'textDocument/hover', params: {} });
    await server.logged(/丢弃了一条不是 JSON-RPC 对象的消息（LSP 没有批量消息）/);
    await server.logged(/丢弃了请求 textDocument\/hover：其 id 既不是整数也不是字符串/);
    await survives('', /./);
  });

  it('after all of it the server is alive and well', async () => {
    assert.equal(server.proc.exitCode, null);
    const a = await server.request(next++, 'govreport/template', { year: 2024 });
    assert.match((a.result as { text: string }).text, /2024年/);
  });
});

describe('protocol: the order of messages', () => {
  it('before initialize: requests get -32002, notifications are dropped; then initialize works', async () => {
    const server = new RawServer();
    try {
      const early = await server.request(1, 'textDocument/documentSymbol', { textDocument: { uri: 'file:///a.txt' } });
      assert.equal(early.error?.code, -32002);
      server.notify('textDocument/didOpen', { textDocument: { uri: 'file:///a.txt', languageId: 'govreport', version: 1, text: seed004.text } });
      const init = await server.initialize(2);
      assert.ok((init.result as { capabilities: unknown }).capabilities);
      // The early didOpen was dropped: the document is unknown.
      const syms = await server.request(3, 'textDocument/documentSymbol', { textDocument: { uri: 'file:///a.txt' } });
      assert.deepEqual(syms.result, []);
      const again = await server.request(4, 'initialize', { processId: null, rootUri: null, capabilities: {} });
      assert.equal(again.error?.code, -32600);
    } finally {
      await server.kill();
    }
  });

  it('after shutdown: requests get InvalidRequest; exit ends the process with 0', async () => {
    const server = new RawServer();
    await server.initialize();
    assert.equal((await server.request(1, 'shutdown', null)).error, undefined);
    assert.equal((await server.request(2, 'textDocument/hover', hover(2).params)).error?.code, -32600);
    server.notify('exit');
    assert.equal(await server.exited, 0);
  });

  it('exit without shutdown ends it with 1; so does the end of the input', async () => {
    const a = new RawServer();
    await a.initialize();
    a.notify('exit');
    assert.equal(await a.exited, 1);
    const b = new RawServer();
    await b.initialize();
    b.proc.stdin!.end();
    assert.equal(await b.exited, 1);
  });
});

describe('protocol: cancellation', () => {
  let server: RawServer;
  let dir: string;
  const FILES = 400;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'govreport-cancel-'));
    for (let i = 0; i < FILES; i++) copyFileSync(seed004.file, path.join(dir, `r${i}.txt`));
    server = new RawServer();
    await server.request('init', 'initialize', { processId: null, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'w' }] });
    server.notify('initialized', {});
  });
  after(() => server.kill());

  it('a request cancelled while it waits in the queue is answered as cancelled', async () => {
    server.write(Buffer.concat([RawServer.frame({ jsonrpc: '2.0', id: 7, method: 'govreport/template', params: { year: 2024 } }), RawServer.frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 7 } })]));
    assert.equal((await server.answerTo(7)).error?.code, -32800);
  });

  it('the workspace check stops when cancelled while it runs', async () => {
    const uris = Array.from({ length: FILES }, (_, i) => pathToFileURL(path.join(dir, `r${i}.txt`)).toString());
    const answer = server.request(8, 'govreport/checkFiles', { uris });
    await server.next((m) => m.method === 'textDocument/publishDiagnostics', 'a first pushed file');
    server.notify('$/cancelRequest', { id: 8 });
    const a = await answer;
    assert.equal(a.error?.code, -32800, 'answered as cancelled');
    const pushed = server.received.filter((m) => m.method === 'textDocument/publishDiagnostics').length;
    assert.ok(pushed < FILES, `stopped early (${pushed} of ${FILES} files checked)`);
  });
});
