/**
 * The protocol's rules for what may arrive when, applied before a message reaches the connection:
 * requests before `initialize` get error -32002 and notifications then are dropped (except `exit`); a second
 * `initialize` and every request after `shutdown` get InvalidRequest; messages that are not JSON-RPC are
 * logged and dropped (a request among them is answered). The gate also notes, per document, the newest
 * version that has arrived, so work for an older one can be dropped while the newer waits in the queue.
 */
import {
  type DataCallback, type Disposable, Emitter, ErrorCodes, type Event, type Message, type MessageReader, type MessageWriter,
  type PartialMessageInfo,
} from 'vscode-languageserver/node';
import { checkChanges, openVersion, RefusedChange } from './documents';
import { logLine } from './log';
import type { DroppedMessage } from './framing';
import { fileNameOf } from './uri-name';

type State = 'new' | 'running' | 'shutdown';
/** Why the server stopped holding a document's text. */
export interface Unsynced { uri: string; why: 'refused' | 'too-large' }

/** What the user is told when the server stopped holding a document: which file, why, and how to recover. */
export function describeUnsynced(u: Unsynced, locale: 'zh' | 'en'): string {
  const name = fileNameOf(u.uri);
  if (locale === 'en') {
    const why = u.why === 'too-large' ? 'it is too large to synchronise' : 'the editor sent a change that cannot be applied';
    return `GovReport stopped checking “${name}”: ${why}. Close and reopen it to check it again.`;
  }
  const why = u.why === 'too-large' ? '文件过大，无法同步' : '编辑器发来的修改无法应用';
  return `GovReport 已停止检查“${name}”：${why}。关闭后重新打开该文件即可恢复检查。`;
}

const DOCUMENT_NOTIFICATIONS = new Set(['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'textDocument/didSave', 'textDocument/willSave']);

function isId(id: unknown): id is number | string {
  return (typeof id === 'number' && Number.isInteger(id)) || typeof id === 'string';
}

/** What the start of a skipped message tells: its id, method and document. */
export function describeDropped(head: string): { id?: number | string; method?: string; uri?: string } {
  const out: { id?: number | string; method?: string; uri?: string } = {};
  const params = head.indexOf('"params"');
  const before = params >= 0 ? head.slice(0, params) : head;
  const id = /"id"\s*:\s*(\d+|"(?:[^"\\]|\\.)*")/.exec(before);
  const method = /"method"\s*:\s*"([^"\\]+)"/.exec(head);
  const uri = /"uri"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(head);
  try {
    if (id) out.id = JSON.parse(id[1]!) as number | string;
    if (uri) out.uri = JSON.parse(uri[1]!) as string;
  } catch {
    // a malformed literal tells nothing
  }
  if (method) out.method = method[1];
  return out;
}

export class ProtocolGate implements MessageReader {
  private state: State = 'new';
  /** Per open document, the version of the newest open or change that has arrived. */
  private readonly arrived = new Map<string, number>();
  private readonly unsynced = new Emitter<Unsynced>();
  /**
   * A document the server stopped holding because it cannot hold the client's text (a change it cannot apply,
   * a message too large to read): it was closed on the server, so the user is to be told it is not checked.
   */
  readonly onUnsynced: Event<Unsynced> = this.unsynced.event;

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
    private readonly log: (text: string) => void,
    private readonly dropped?: Event<DroppedMessage>,
  ) {}

  get onError(): Event<Error> {
    return this.inner.onError;
  }

  get onClose(): Event<void> {
    return this.inner.onClose;
  }

  get onPartialMessage(): Event<PartialMessageInfo> {
    return this.inner.onPartialMessage;
  }

  /** Whether `shutdown` has been received (so an end of input is an orderly exit). */
  get shutDown(): boolean {
    return this.state === 'shutdown';
  }

  /** Whether a newer version of the document than `version` has arrived (and waits to be applied). */
  superseded(uri: string, version: number): boolean {
    const v = this.arrived.get(uri);
    return v !== undefined && v !== version;
  }

  listen(callback: DataCallback): Disposable {
    const sub = this.dropped?.((d) => this.onDropped(d, callback));
    const inner = this.inner.listen((m) => this.admit(m, callback));
    return { dispose: () => { sub?.dispose(); inner.dispose(); } };
  }

  dispose(): void {
    this.inner.dispose();
  }

  private reply(id: number | string | null, code: number, message: string): void {
    this.writer.write({ jsonrpc: '2.0', id, error: { code, message } } as Message).catch(() => undefined);
  }

  private admit(raw: unknown, deliver: DataCallback): void {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      this.log(logLine({
        zh: `丢弃了一条不是 JSON-RPC 对象的消息${Array.isArray(raw) ? '（LSP 没有批量消息）' : ''}`,
        en: `dropped a message that is not a JSON-RPC object${Array.isArray(raw) ? ' (batches are not part of LSP)' : ''}`,
      }));
      if (Array.isArray(raw)) this.reply(null, ErrorCodes.InvalidRequest, 'batches are not supported');
      return;
    }
    const m = raw as { id?: unknown; method?: unknown; params?: unknown; result?: unknown; error?: unknown };
    const hasId = 'id' in m;
    if (typeof m.method !== 'string') {
      // A response to one of our requests (or nothing at all).
      if (hasId && ('result' in m || 'error' in m)) deliver(raw as Message);
      else this.log(logLine({ zh: '丢弃了一条既没有 method 也没有 result 的消息', en: 'dropped a message with neither a method nor a result' }));
      return;
    }
    if (hasId) this.request(m.id, m.method, raw as Message, deliver);
    else this.notification(m.method, m.params, raw as Message, deliver);
  }

  private request(id: unknown, method: string, message: Message, deliver: DataCallback): void {
    if (!isId(id)) {
      this.log(logLine({ zh: `丢弃了请求 ${method}：其 id 既不是整数也不是字符串`, en: `dropped request ${method}: its id is neither an integer nor a string` }));
      this.reply(null, ErrorCodes.InvalidRequest, `request ${method} has an invalid id`);
      return;
    }
    if (this.state === 'new') {
      if (method !== 'initialize') {
        this.reply(id, ErrorCodes.ServerNotInitialized, `the server is not initialized: ${method} before initialize`);
        return;
      }
      this.state = 'running';
    } else if (this.state === 'shutdown') {
      this.reply(id, ErrorCodes.InvalidRequest, `the server is shutting down: ${method} after shutdown`);
      return;
    } else if (method === 'initialize') {
      this.reply(id, ErrorCodes.InvalidRequest, 'initialize was already received');
      return;
    } else if (method === 'shutdown') this.state = 'shutdown';
    deliver(message);
  }

  private notification(method: string, params: unknown, message: Message, deliver: DataCallback): void {
    if (method === 'exit') return deliver(message);
    // Before initialize and after shutdown, notifications are dropped (as the protocol says).
    if (this.state !== 'running') return;
    if (DOCUMENT_NOTIFICATIONS.has(method)) {
      const td = (params as { textDocument?: { uri?: unknown; version?: unknown } } | null)?.textDocument;
      if (typeof td?.uri !== 'string') {
        this.log(logLine({ zh: `丢弃了没有 textDocument.uri 的 ${method}`, en: `dropped ${method} without a textDocument.uri` }));
        return;
      }
      if (method === 'textDocument/didChange') {
        try {
          checkChanges((params as { contentChanges?: unknown }).contentChanges, td.version);
        } catch (err) {
          if (!(err instanceof RefusedChange)) throw err;
          // The client applied a change the server cannot: from here the server's text would not be the client's.
          // Hold none rather than a wrong one: the document is closed on the server (its findings withdrawn) until
          // the client opens it again.
          this.log(logLine({
            zh: `拒绝了对 ${td.uri} 的修改：${err.reason.zh}；重新打开之前不再检查它`,
            en: `refused a change of ${td.uri}: ${err.reason.en}; it is not checked until it is opened again`,
          }));
          this.closeOnServer(td.uri, 'refused', deliver);
          return;
        }
        // A change of a document the server does not hold (never opened, or closed on the server) applies to nothing.
        if (this.arrived.has(td.uri)) this.arrived.set(td.uri, td.version as number);
      } else if (method === 'textDocument/didOpen') this.arrived.set(td.uri, openVersion(td.version));
      else if (method === 'textDocument/didClose') this.arrived.delete(td.uri);
    }
    deliver(message);
  }

  private closeOnServer(uri: string, why: Unsynced['why'], deliver: DataCallback): void {
    // A refused change of a document that was never opened closes nothing and tells nothing.
    const held = this.arrived.has(uri);
    this.admit({ jsonrpc: '2.0', method: 'textDocument/didClose', params: { textDocument: { uri } } }, deliver);
    if (held || why === 'too-large') this.unsynced.fire({ uri, why });
  }

  /** A message skipped for its size: answer it if it was a request; close its document if it changed one. */
  private onDropped(d: DroppedMessage, deliver: DataCallback): void {
    const { id, method, uri } = describeDropped(d.head);
    if (id !== undefined && method) {
      this.reply(id, ErrorCodes.InvalidRequest, `${method}: the message of ${d.length} bytes is too large`);
    } else if (uri && (method === 'textDocument/didOpen' || method === 'textDocument/didChange') && this.state === 'running') {
      // The server cannot hold the text the client has: hold none rather than a wrong one.
      this.log(logLine({
        zh: `${uri} 过大（${d.length} 字节），无法同步；以较小的内容重新打开之前不再检查它`,
        en: `${uri} is too large to synchronise (${d.length} bytes); it is not checked until it is opened again smaller`,
      }));
      this.closeOnServer(uri, 'too-large', deliver);
    }
  }
}
