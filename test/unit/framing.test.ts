/** The defensive framing reader: every malformed input is reported and the next message is still read. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrameDecoder, type FrameEvent, findFrameStart } from '../../server/src/server/framing';
import { describeDropped } from '../../server/src/server/gate';

const frame = (o: unknown, length?: number, eol = '\r\n') => {
  const body = Buffer.from(JSON.stringify(o), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${length ?? body.length}${eol}${eol}`, 'latin1'), body]);
};
const req = (id: number, extra = '') => ({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { text: `中文${extra}` } });

/** Feeds `bytes` in pieces of `size` (all at once when absent); returns the events. */
function feed(bytes: Buffer, size = bytes.length, d = new FrameDecoder()): FrameEvent[] {
  const out: FrameEvent[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(...d.push(bytes.subarray(i, i + size)));
  return out;
}
const messages = (ev: FrameEvent[]) => ev.filter((e) => e.kind === 'message').map((e) => (e as { message: { id: number } }).message.id);
const problems = (ev: FrameEvent[]) => ev.filter((e) => e.kind === 'problem').map((e) => (e as { text: { en: string } }).text.en);
const dropped = (ev: FrameEvent[]) => ev.filter((e) => e.kind === 'dropped') as { head: string; length: number }[];

/** Every way of cutting the bytes into pieces of these sizes reads the same messages. */
function sameInPieces(bytes: Buffer, ids: number[]) {
  for (const size of [1, 2, 3, 7, 16, 41, 1000]) assert.deepEqual(messages(feed(bytes, size)), ids, `pieces of ${size}`);
}

describe('framing', () => {
  it('reads messages in one chunk or byte by byte alike, multi-byte characters included', () => {
    const bytes = Buffer.concat([frame(req(1)), frame(req(2, '𠀀')), frame(req(3))]);
    assert.deepEqual(messages(feed(bytes)), [1, 2, 3]);
    assert.deepEqual(problems(feed(bytes)), []);
    sameInPieces(bytes, [1, 2, 3]);
  });

  it('reads LF-only headers, other headers and any case of Content-Length', () => {
    const body = JSON.stringify(req(2));
    const bytes = Buffer.concat([
      frame(req(1), undefined, '\n'),
      Buffer.from(`content-type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-LENGTH:${Buffer.byteLength(body)}\r\n\r\n${body}`),
    ]);
    assert.deepEqual(messages(feed(bytes)), [1, 2]);
    assert.deepEqual(problems(feed(bytes)), []);
  });

  it('a header without Content-Length, a negative or non-numeric length, another charset: reported, the next read', () => {
    for (const bad of ['Content-Type: x\r\n\r\n{"jsonrpc":"2.0"}', 'Content-Length: -5\r\n\r\n{"id":9}', 'Content-Length: 1e3\r\n\r\n{}', 'Content-Length: 5\r\nContent-Type: a; charset=latin1\r\n\r\n{"a":1}']) {
      const bytes = Buffer.concat([Buffer.from(bad), frame(req(1))]);
      const ev = feed(bytes);
      assert.deepEqual(messages(ev), [1], bad);
      assert.equal(problems(ev).length, 1, bad);
      sameInPieces(bytes, [1]);
    }
  });

  it('garbage before a header, with or without line breaks, is skipped', () => {
    for (const g of ['hello\r\n\r\n', 'xyz', '}}]]garbage Content-Length x\r\n', '\u0000\u00ff\r\n\r\n\r\n']) {
      const bytes = Buffer.concat([Buffer.from(g, 'latin1'), frame(req(1)), frame(req(2))]);
      const ev = feed(bytes);
      assert.deepEqual(messages(ev), [1, 2], JSON.stringify(g));
      assert.ok(problems(ev).length >= 1, JSON.stringify(g));
      sameInPieces(bytes, [1, 2]);
    }
  });

  it('a length shorter than the body: the rest is garbage before the next header, which is read', () => {
    const good = frame(req(1));
    const short = Buffer.concat([Buffer.from('Content-Length: 10\r\n\r\n'), good.subarray(good.indexOf('{'))]);
    const bytes = Buffer.concat([short, frame(req(2))]);
    const ev = feed(bytes);
    assert.deepEqual(messages(ev), [2]);
    assert.ok(problems(ev).length >= 1);
    sameInPieces(bytes, [2]);
  });

  it('a length longer than the body: the next header ends it at once, and the broken request is named', () => {
    const body = JSON.stringify(req(7));
    const bytes = Buffer.concat([Buffer.from(`Content-Length: 5000\r\n\r\n${body}`), frame(req(2))]);
    const ev = feed(bytes);
    assert.deepEqual(messages(ev), [2]);
    assert.equal(describeDropped(dropped(ev)[0]!.head).id, 7);
    sameInPieces(bytes, [2]);
  });

  it('a body that is not JSON is reported with what it began with', () => {
    const bytes = Buffer.concat([Buffer.from('Content-Length: 27\r\n\r\n{"id":4,"method":"x",oops}'), Buffer.from(' '), frame(req(1))]);
    const ev = feed(bytes);
    assert.deepEqual(messages(ev), [1]);
    assert.equal(describeDropped(dropped(ev)[0]!.head).id, 4);
  });

  it('a message over the limit is skipped as it streams, never buffered; the next is read', () => {
    const limits = { maxHeaderBytes: 1024, maxMessageBytes: 1000 };
    const big = frame({ jsonrpc: '2.0', id: 5, method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///big.txt', text: 'x'.repeat(5000) } } });
    const d = new FrameDecoder(limits);
    const ev: FrameEvent[] = [];
    for (let i = 0; i < big.length; i += 100) {
      ev.push(...d.push(big.subarray(i, i + 100)));
      assert.ok((d as unknown as { size: number }).size <= 1024, 'nothing of the skipped body is held');
    }
    ev.push(...d.push(frame(req(1))));
    assert.deepEqual(messages(ev), [1]);
    const what = describeDropped(dropped(ev)[0]!.head);
    assert.deepEqual(what, { id: 5, method: 'textDocument/didOpen', uri: 'file:///big.txt' });
  });

  it('a huge length that is a lie does not swallow the messages after it', () => {
    const limits = { maxHeaderBytes: 1024, maxMessageBytes: 1000 };
    const bytes = Buffer.concat([Buffer.from('Content-Length: 99999999999\r\n\r\n{"id":3'), frame(req(1)), frame(req(2))]);
    for (const size of [bytes.length, 1, 5, 64]) {
      const ev = feed(bytes, size, new FrameDecoder(limits));
      assert.deepEqual(messages(ev), [1, 2], `pieces of ${size}`);
    }
  });

  it('garbage without end stays within the header limit', () => {
    const d = new FrameDecoder({ maxHeaderBytes: 1024, maxMessageBytes: 1000 });
    for (let i = 0; i < 200; i++) d.push(Buffer.alloc(512, 0x41));
    assert.ok((d as unknown as { size: number }).size < 1024 + 512);
    assert.deepEqual(messages(d.push(frame(req(1)))), [1]);
  });

  it('giving up on a message that never completes names it and reads what follows', () => {
    const d = new FrameDecoder();
    assert.deepEqual(d.push(Buffer.from('Content-Length: 900\r\n\r\n{"jsonrpc":"2.0","id":8,')), []);
    assert.ok(d.partial);
    const ev = d.giveUp();
    assert.equal(describeDropped(dropped(ev)[0]!.head).id, 8);
    assert.equal(d.partial, false);
    assert.deepEqual(messages(d.push(frame(req(1)))), [1]);
  });

  it('a frame start is found only where a header can be, never inside JSON text', () => {
    assert.equal(findFrameStart(Buffer.from('{"t":"Content-Length: 5\\r\\n"}'), 0), -1);
    assert.equal(findFrameStart(Buffer.from('xxContent-Length: 5\r\n'), 0), 2);
    assert.equal(findFrameStart(Buffer.from('CONTENT-LENGTH:12\n'), 0), 0);
  });
});
