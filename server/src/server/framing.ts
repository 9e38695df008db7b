/**
 * The base protocol's framing (`Content-Length: N\r\n\r\n` + N bytes of JSON), read defensively. Whatever
 * arrives — a header without Content-Length, LF-only headers, a negative, short or huge length, garbage bytes,
 * a body that is not JSON, a message that never completes — is logged and the reader finds the next header, so
 * the server never sits alive but deaf. Memory stays bounded: a header block is at most MAX_HEADER_BYTES, and a
 * message over MAX_MESSAGE_BYTES is skipped as it streams past, never buffered.
 */
import { AbstractMessageReader, type DataCallback, Disposable, Emitter, type Message } from 'vscode-languageserver/node';
import type { Bilingual } from '../core/checks/types';
import { logLine } from './log';

/** A header block is a few dozen bytes; one this long without its blank line is not a header. */
export const MAX_HEADER_BYTES = 8 * 1024;
/**
 * The largest message read. VS Code syncs documents up to 50 MB; a didOpen of one, JSON-escaped, fits. Larger
 * messages are skipped (requests get an error, documents are closed on the server) instead of being buffered.
 */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** How much of a skipped message is kept to tell what it was (its method, id and document). */
export const DROPPED_HEAD_BYTES = 4 * 1024;
/** A message whose rest has not arrived after this long is given up, and reading starts afresh. */
export const STALL_MS = 10_000;

const HEADER_NAME = 'content-length:';

export type FrameEvent =
  | { kind: 'message'; message: unknown }
  | { kind: 'problem'; text: Bilingual }
  /** A message skipped for its size: the start of its body, to answer or close what it concerned. */
  | { kind: 'dropped'; head: string; length: number };

/** Index of "content-length:" (any case) in `buf` starting at or after `from`, or -1. */
export function findHeaderName(buf: Buffer, from: number): number {
  const n = HEADER_NAME.length;
  // Find each colon natively, then compare the name before it (ASCII letters differ by case in bit 0x20).
  for (let colon = buf.indexOf(0x3a, from + n - 1); colon >= 0; colon = buf.indexOf(0x3a, colon + 1)) {
    const start = colon - n + 1;
    let j = 0;
    for (; j < n - 1; j++) {
      const c = buf[start + j]!;
      const want = HEADER_NAME.charCodeAt(j);
      if (c !== want && !(want >= 0x61 && want <= 0x7a && c === want - 0x20)) break;
    }
    if (j === n - 1) return start;
  }
  return -1;
}

/** The end of the header block: the index after its blank line, CRLF or LF-only, or -1. */
function headerEnd(buf: Buffer, limit: number): number {
  const n = Math.min(buf.length, limit);
  for (let i = buf.indexOf(0x0a); i >= 0 && i < n; i = buf.indexOf(0x0a, i + 1)) {
    if (buf[i + 1] === 0x0a) return i + 2;
    if (buf[i + 1] === 0x0d && buf[i + 2] === 0x0a) return i + 3;
  }
  return -1;
}

/** A message shorter than its Content-Length said, in both languages. */
function shorter(want: number): Bilingual {
  return { zh: `消息比它的 Content-Length（${want}）短；从下一个消息头读起`, en: `a message shorter than its Content-Length (${want}); reading on from the next header` };
}

type Header = { length: number } | { problem: Bilingual };

function parseHeader(block: string): Header {
  let length: number | undefined;
  for (const line of block.split(/\r?\n/)) {
    if (line === '') continue;
    const m = /^([!-9;-~]+):[ \t]*(.*?)[ \t]*$/.exec(line);
    if (!m) return { problem: { zh: `消息头中有一行不是“名称: 值”：${JSON.stringify(line.slice(0, 80))}`, en: `a header line that is not "Name: value": ${JSON.stringify(line.slice(0, 80))}` } };
    const name = m[1]!.toLowerCase();
    if (name === 'content-length') {
      if (!/^\d{1,15}$/.test(m[2]!)) return { problem: { zh: `Content-Length 不是长度：${JSON.stringify(m[2]!.slice(0, 40))}`, en: `Content-Length is not a length: ${JSON.stringify(m[2]!.slice(0, 40))}` } };
      length = Number(m[2]);
    } else if (name === 'content-type' && /charset=/i.test(m[2]!) && !/charset=["']?utf-?8/i.test(m[2]!)) {
      return { problem: { zh: `只读得懂 UTF-8：${JSON.stringify(m[2]!.slice(0, 80))}`, en: `only UTF-8 is understood: ${JSON.stringify(m[2]!.slice(0, 80))}` } };
    }
  }
  return length === undefined ? { problem: { zh: '消息头没有 Content-Length', en: 'a header without Content-Length' } } : { length };
}

/** A view that no longer pins a much larger buffer. */
function compact(b: Buffer): Buffer {
  return b.buffer.byteLength > 4 * b.length + 65_536 ? Buffer.from(b) : b;
}

/**
 * Where a new frame starts inside `buf` at or after `from`: "Content-Length:", digits and the end of the line.
 * That can never occur inside a JSON body (a JSON string holds no raw line break), so finding it in a body
 * means the body's length was wrong and the next message has begun.
 */
export function findFrameStart(buf: Buffer, from: number): number {
  for (let at = findHeaderName(buf, from); at >= 0; at = findHeaderName(buf, at + 1)) {
    let i = at + HEADER_NAME.length;
    while (buf[i] === 0x20 || buf[i] === 0x09) i++;
    const digits = i;
    while (buf[i]! >= 0x30 && buf[i]! <= 0x39) i++;
    if (i === digits) continue;
    while (buf[i] === 0x20 || buf[i] === 0x09) i++;
    if (buf[i] === 0x0a || (buf[i] === 0x0d && buf[i + 1] === 0x0a)) return at;
  }
  return -1;
}

/** Bytes kept from the end of one chunk to find a frame start split across two. */
const CARRY = 40;

export interface FrameLimits {
  maxHeaderBytes: number;
  maxMessageBytes: number;
}

/**
 * Turns bytes into messages. Pure: no streams, no timers (the reader below arms the stall timer and calls
 * `giveUp`). Every way out of a bad state is the same: drop bytes up to the next header and read on.
 */
export class FrameDecoder {
  /** The bytes received and not yet used, in arrival order (joined only when a header or body is complete). */
  private chunks: Buffer[] = [];
  private size = 0;
  /** The length of the body being read, or -1 while reading a header. */
  private want = -1;
  /** Bytes still to skip of a message too large to read. */
  private skipping = 0;
  /** The start of the message being skipped, until DROPPED_HEAD_BYTES of it are there to tell what it was. */
  private skipHead: { chunks: Buffer[]; size: number; length: number } | undefined;
  /** The last bytes seen while reading a body or skipping, to find a header split across chunks. */
  private tail = Buffer.alloc(0);

  constructor(private readonly limits: FrameLimits = { maxHeaderBytes: MAX_HEADER_BYTES, maxMessageBytes: MAX_MESSAGE_BYTES }) {}

  /** Whether a message has started but not completed. */
  get partial(): boolean {
    return this.size > 0 || this.skipping > 0;
  }

  private joined(): Buffer {
    const b = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.size);
    this.chunks = [b];
    return b;
  }

  private keep(b: Buffer): void {
    this.chunks = b.length ? [compact(b)] : [];
    this.size = b.length;
    this.tail = Buffer.alloc(0);
  }

  /**
   * Whether a new frame starts in `data` (just arrived inside a body or a skip), counting the tail kept from
   * before: the bytes from that frame's start on (which may begin in the tail), or undefined.
   */
  private frameStartIn(data: Buffer): Buffer | undefined {
    const scan = this.tail.length ? Buffer.concat([this.tail, data]) : data;
    const at = findFrameStart(scan, 0);
    this.tail = Buffer.from(scan.subarray(Math.max(0, scan.length - CARRY)));
    return at < 0 ? undefined : scan.subarray(at);
  }

  push(data: Buffer): FrameEvent[] {
    const out: FrameEvent[] = [];
    if (data.length === 0) return out;
    if (this.skipping > 0) {
      const from = this.frameStartIn(data);
      // A frame starting before the skip would end: the length was a lie, and the next message has begun.
      if (from && data.length - from.length < this.skipping) {
        this.noteSkipped(data.subarray(0, Math.max(0, data.length - from.length)), out, true);
        out.push({ kind: 'problem', text: { zh: '跳过的消息比它的 Content-Length 短；从下一个消息头读起', en: 'the skipped message was shorter than its Content-Length; reading on from the next header' } });
        this.skipping = 0;
        this.keep(Buffer.alloc(0));
        data = from;
      } else {
        const n = Math.min(this.skipping, data.length);
        this.skipping -= n;
        this.noteSkipped(data.subarray(0, n), out, this.skipping === 0);
        data = data.subarray(n);
        if (this.skipping === 0) this.tail = Buffer.alloc(0);
        if (data.length === 0) return out;
      }
    } else if (this.want >= 0) {
      const from = this.frameStartIn(data);
      this.chunks.push(data);
      this.size += data.length;
      // A header after the body's end is simply the next message.
      if (!from || this.size - from.length >= this.want) return this.drain(out);
      // The body ends early: what came of it is dropped, and reading goes on from the header.
      const buf = this.joined();
      const cut = buf.length - from.length;
      out.push({ kind: 'problem', text: shorter(this.want) });
      out.push({ kind: 'dropped', head: buf.toString('utf8', 0, Math.min(cut, DROPPED_HEAD_BYTES)), length: this.want });
      this.want = -1;
      this.keep(buf.subarray(cut));
      return this.drain(out);
    }
    this.chunks.push(data);
    this.size += data.length;
    return this.drain(out);
  }

  /** Keeps the start of a skipped message; once enough of it is there (or it ended), says what it was. */
  private noteSkipped(bytes: Buffer, out: FrameEvent[], ended: boolean): void {
    const h = this.skipHead;
    if (!h) return;
    if (h.size < DROPPED_HEAD_BYTES && bytes.length) {
      const part = Buffer.from(bytes.subarray(0, DROPPED_HEAD_BYTES - h.size));
      h.chunks.push(part);
      h.size += part.length;
    }
    if (h.size >= DROPPED_HEAD_BYTES || ended) {
      out.push({ kind: 'dropped', head: Buffer.concat(h.chunks).toString('utf8'), length: h.length });
      this.skipHead = undefined;
    }
  }

  /** Reads every complete message there is. */
  private drain(out: FrameEvent[]): FrameEvent[] {
    for (;;) {
      if (this.want < 0) {
        if (this.size === 0) return out;
        const buf = this.joined();
        const end = headerEnd(buf, this.limits.maxHeaderBytes);
        if (end < 0) {
          if (buf.length >= this.limits.maxHeaderBytes) {
            this.resync(buf, out, { zh: `${this.limits.maxHeaderBytes} 字节内没有消息头的结尾（乱码？）`, en: `no header end within ${this.limits.maxHeaderBytes} bytes (garbage?)` }, 1);
            continue;
          }
          return out;
        }
        const header = parseHeader(buf.toString('latin1', 0, end));
        if ('problem' in header) {
          this.resync(buf, out, header.problem, end);
          continue;
        }
        const body = buf.subarray(end);
        if (header.length > this.limits.maxMessageBytes) {
          out.push({ kind: 'problem', text: { zh: `消息长 ${header.length} 字节，超过上限 ${this.limits.maxMessageBytes} 字节，已跳过`, en: `a message of ${header.length} bytes, over the limit of ${this.limits.maxMessageBytes}: skipped` } });
          this.skipHead = { chunks: [], size: 0, length: header.length };
          this.skipping = header.length;
          this.keep(Buffer.alloc(0));
          // What came with the header goes through the skip, which also notices a length that was a lie.
          if (body.length) out.push(...this.push(Buffer.from(body)));
          return out;
        }
        this.want = header.length;
        this.keep(body);
        // A body that arrived with its header is scanned for a next frame like any later chunk.
        if (body.length && body.length < this.want) {
          const at = findFrameStart(body, 0);
          if (at >= 0) {
            out.push({ kind: 'problem', text: shorter(this.want) });
            out.push({ kind: 'dropped', head: body.toString('utf8', 0, Math.min(at, DROPPED_HEAD_BYTES)), length: this.want });
            this.want = -1;
            this.keep(body.subarray(at));
            continue;
          }
          this.tail = Buffer.from(body.subarray(Math.max(0, body.length - CARRY)));
        }
      }
      if (this.size < this.want) return out;
      const buf = this.joined();
      const body = buf.subarray(0, this.want);
      const rest = buf.subarray(this.want);
      const length = this.want;
      this.want = -1;
      let message: unknown;
      try {
        message = JSON.parse(body.toString('utf8'));
      } catch (err) {
        // A short length leaves the next header inside this body: start again from it.
        const next = findHeaderName(body, 1);
        const why = (err as Error).message.slice(0, 120);
        out.push({ kind: 'problem', text: { zh: `消息不是 JSON（${why}）${next > 0 ? '；从其中的下一个消息头读起' : ''}`, en: `a message that is not JSON (${why})${next > 0 ? '; reading on from the next header inside it' : ''}` } });
        out.push({ kind: 'dropped', head: body.toString('utf8', 0, Math.min(next > 0 ? next : body.length, DROPPED_HEAD_BYTES)), length });
        this.keep(next > 0 ? buf.subarray(next) : rest);
        continue;
      }
      out.push({ kind: 'message', message });
      this.keep(rest);
    }
  }

  /** The rest of a message did not come: forget what there is of it, keeping any later header. */
  giveUp(): FrameEvent[] {
    if (this.skipping > 0) {
      const out: FrameEvent[] = [{ kind: 'problem', text: { zh: `跳过的消息余下的 ${this.skipping} 字节始终没有到来`, en: `the rest of a skipped message (${this.skipping} bytes) never came` } }];
      this.noteSkipped(Buffer.alloc(0), out, true);
      this.skipping = 0;
      this.tail = Buffer.alloc(0);
      return out;
    }
    if (this.size === 0) return [];
    const buf = this.joined();
    const out: FrameEvent[] = [];
    if (this.want >= 0) {
      out.push({ kind: 'problem', text: { zh: `长 ${this.want} 字节的消息始终不完整（收到 ${buf.length} 字节），已丢弃`, en: `a message of ${this.want} bytes never completed (${buf.length} received): dropped` } });
      out.push({ kind: 'dropped', head: buf.toString('utf8', 0, Math.min(buf.length, DROPPED_HEAD_BYTES)), length: this.want });
    } else out.push({ kind: 'problem', text: { zh: `不完整的消息头始终没有写完（${buf.length} 字节），已丢弃`, en: `an incomplete header never completed (${buf.length} bytes): dropped` } });
    this.want = -1;
    const next = findHeaderName(buf, 1);
    this.keep(next > 0 ? buf.subarray(next) : Buffer.alloc(0));
    // What was kept may be whole messages that were waiting behind the broken one.
    return this.drain(out);
  }

  /**
   * Drops bytes up to the next "Content-Length:" after the start; without one, at least `minDrop` bytes and
   * all but the last few (which may begin a header still arriving).
   */
  private resync(buf: Buffer, out: FrameEvent[], problem: Bilingual, minDrop: number): void {
    const next = findHeaderName(buf, 1);
    const drop = next > 0 ? next : Math.min(buf.length, Math.max(minDrop, buf.length - (HEADER_NAME.length - 1)));
    out.push({ kind: 'problem', text: { zh: `${problem.zh}；跳过 ${drop} 字节${next > 0 ? '，到下一个消息头' : ''}`, en: `${problem.en}; skipped ${drop} bytes${next > 0 ? ' to the next header' : ''}` } });
    this.keep(buf.subarray(drop));
    this.want = -1;
  }
}

/** A message skipped for its size, as far as its start tells. */
export interface DroppedMessage {
  head: string;
  length: number;
}

/**
 * A message reader over a byte stream (stdio or a socket) using FrameDecoder; problems go to `log`. Ends
 * (fires close) when the stream ends.
 */
export class GuardedStreamReader extends AbstractMessageReader {
  private readonly droppedEmitter = new Emitter<DroppedMessage>();
  private stall: NodeJS.Timeout | undefined;

  constructor(private readonly stream: NodeJS.ReadableStream, private readonly log: (text: string) => void) {
    super();
  }

  /** Messages skipped for their size. */
  get onDropped() {
    return this.droppedEmitter.event;
  }

  listen(callback: DataCallback): Disposable {
    const decoder = new FrameDecoder();
    const handle = (events: FrameEvent[]) => {
      for (const e of events) {
        if (e.kind === 'message') callback(e.message as Message);
        else if (e.kind === 'problem') this.log(logLine({ zh: `消息分帧：${e.text.zh}`, en: `framing: ${e.text.en}` }));
        else this.droppedEmitter.fire({ head: e.head, length: e.length });
      }
    };
    const onData = (data: Buffer | string) => {
      clearTimeout(this.stall);
      handle(decoder.push(typeof data === 'string' ? Buffer.from(data) : data));
      if (decoder.partial) this.stall = setTimeout(() => handle(decoder.giveUp()), STALL_MS).unref();
    };
    const onEnd = () => {
      clearTimeout(this.stall);
      if (decoder.partial) this.log(logLine({ zh: '消息分帧：输入在一条消息中间结束', en: 'framing: the input ended inside a message' }));
      this.fireClose();
    };
    const onError = (err: Error) => this.fireError(err);
    this.stream.on('data', onData);
    this.stream.on('end', onEnd);
    this.stream.on('close', onEnd);
    this.stream.on('error', onError);
    return Disposable.create(() => {
      clearTimeout(this.stall);
      this.stream.off('data', onData);
      this.stream.off('end', onEnd);
      this.stream.off('close', onEnd);
      this.stream.off('error', onError);
    });
  }

  override dispose(): void {
    super.dispose();
    this.droppedEmitter.dispose();
  }
}
