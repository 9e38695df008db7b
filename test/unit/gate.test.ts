/** The protocol gate in front of the connection: what it lets through, answers itself, or turns into a close. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DataCallback, Emitter, type Message, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';
import type { DroppedMessage } from '../../server/src/server/framing';
import { describeUnsynced, ProtocolGate } from '../../server/src/server/gate';

/** A reader the test feeds by hand, and a writer that records. */
function harness() {
  let feed: DataCallback = () => undefined;
  const reader = {
    listen: (cb: DataCallback) => { feed = cb; return { dispose: () => undefined }; },
    onError: new Emitter<Error>().event, onClose: new Emitter<void>().event, onPartialMessage: new Emitter<unknown>().event, dispose: () => undefined,
  } as unknown as MessageReader;
  const written: Message[] = [];
  const writer = { write: async (m: Message) => void written.push(m), onError: new Emitter().event, onClose: new Emitter().event, end: () => undefined, dispose: () => undefined } as unknown as MessageWriter;
  const dropped = new Emitter<DroppedMessage>();
  const logs: string[] = [];
  const gate = new ProtocolGate(reader, writer, (t) => logs.push(t), dropped.event);
  const delivered: Message[] = [];
  gate.listen((m) => delivered.push(m));
  return { gate, send: (m: unknown) => feed(m as Message), written, delivered, dropped, logs };
}

const didChange = (uri: string, version: number) => ({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [{ text: 'x' }] } });
const init = { jsonrpc: '2.0', id: 1, method: 'initialize', params: {} };

describe('protocol gate', () => {
  it('notes the newest version that arrived, so older work is known to be superseded', () => {
    const h = harness();
    h.send(init);
    h.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'u', version: 1, text: '', languageId: 'x' } } });
    assert.equal(h.gate.superseded('u', 1), false);
    h.send(didChange('u', 2));
    h.send(didChange('u', 3));
    assert.equal(h.gate.superseded('u', 2), true);
    assert.equal(h.gate.superseded('u', 3), false);
    h.send({ jsonrpc: '2.0', method: 'textDocument/didClose', params: { textDocument: { uri: 'u' } } });
    assert.equal(h.gate.superseded('u', 3), false);
    assert.equal(h.delivered.length, 5);
  });

  it('a change it cannot apply closes the document on the server, once, and says so', () => {
    const h = harness();
    const unsynced: unknown[] = [];
    h.gate.onUnsynced((u) => unsynced.push(u));
    h.send(init);
    h.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'u', version: 1, text: '', languageId: 'x' } } });
    h.send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: 'u', version: 2 }, contentChanges: [{ text: 5 }] } });
    assert.deepEqual(h.delivered.at(-1), { jsonrpc: '2.0', method: 'textDocument/didClose', params: { textDocument: { uri: 'u' } } });
    assert.match(h.logs.join('\n'), /govreport：拒绝了对 u 的修改：第 0 项修改没有文本字符串；重新打开之前不再检查它/);
    assert.deepEqual(unsynced, [{ uri: 'u', why: 'refused' }]);
    // Later changes of the document the server no longer holds are passed on (they apply to nothing) and
    // are not waited for; another bad one tells nothing more.
    h.send(didChange('u', 3));
    assert.equal(h.gate.superseded('u', 2), false);
    h.send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: 'u', version: 4 }, contentChanges: 'x' } });
    assert.equal(unsynced.length, 1);
    // Opened again, it is held again.
    h.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'u', version: 5, text: '', languageId: 'x' } } });
    h.send(didChange('u', 6));
    assert.equal(h.gate.superseded('u', 5), true);
  });

  it('the user is told which file stopped being checked and how to recover, in their language', () => {
    assert.equal(describeUnsynced({ uri: 'file:///d/2024%E5%B9%B4%E6%8A%A5%E5%91%8A.txt', why: 'refused' }, 'zh'),
      'GovReport 已停止检查“2024年报告.txt”：编辑器发来的修改无法应用。关闭后重新打开该文件即可恢复检查。');
    assert.match(describeUnsynced({ uri: 'file:///d/a.txt', why: 'too-large' }, 'en'), /stopped checking “a.txt”: it is too large.*reopen/);
    // A malformed escape in the URI names the file as it came, and throws nothing.
    assert.match(describeUnsynced({ uri: 'file:///d/%E0bad.txt', why: 'refused' }, 'zh'), /已停止检查“%E0bad\.txt”/);
  });

  it('a document message too large to read becomes a close of that document; a request, an error', () => {
    const h = harness();
    h.send(init);
    h.dropped.fire({ head: '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///big%20x.txt","languageId":"govreport","version":1,"text":"一二', length: 9e7 });
    assert.deepEqual(h.delivered.at(-1), { jsonrpc: '2.0', method: 'textDocument/didClose', params: { textDocument: { uri: 'file:///big%20x.txt' } } });
    h.dropped.fire({ head: '{"jsonrpc":"2.0","id":42,"method":"textDocument/hover","params":{"id":7', length: 9e7 });
    assert.deepEqual(h.written.at(-1), { jsonrpc: '2.0', id: 42, error: { code: -32600, message: 'textDocument/hover: the message of 90000000 bytes is too large' } });
  });

  it('document notifications without a URI are dropped', () => {
    const h = harness();
    h.send(init);
    h.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { text: 'x' } } });
    h.send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: null });
    assert.equal(h.delivered.length, 1);
  });
});
