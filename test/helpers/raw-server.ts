/**
 * The real server (dist/server.js --stdio) driven with raw bytes: what a test writes goes to its standard
 * input unframed, and what it answers is read with a plain, independent frame parser. For the framing and
 * protocol-order tests, where a well-behaved client library cannot send what a hostile one does.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './fixtures';

export interface Answer {
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export class RawServer {
  readonly proc: ChildProcess;
  readonly received: Answer[] = [];
  stderr = '';
  private buf = Buffer.alloc(0);
  private readonly waiters: { pred: (a: Answer) => boolean; resolve: (a: Answer) => void }[] = [];
  private stderrWaiters: { re: RegExp; resolve: () => void }[] = [];
  readonly exited: Promise<number | null>;

  constructor(args: string[] = ['--stdio']) {
    this.proc = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.proc.once('exit', (code) => resolve(code)));
    this.proc.stdin!.on('error', () => undefined);
    this.proc.stderr!.on('data', (d: Buffer) => {
      this.stderr += d.toString();
      this.stderrWaiters = this.stderrWaiters.filter((w) => (w.re.test(this.stderr) ? (w.resolve(), false) : true));
    });
    this.proc.stdout!.on('data', (d: Buffer) => this.onData(d));
  }

  private onData(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const end = this.buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const m = /Content-Length: (\d+)/.exec(this.buf.toString('latin1', 0, end));
      if (!m) throw new Error(`the server wrote a header without Content-Length: ${this.buf.toString('latin1', 0, end)}`);
      const len = Number(m[1]);
      if (this.buf.length < end + 4 + len) return;
      const msg = JSON.parse(this.buf.toString('utf8', end + 4, end + 4 + len)) as Answer;
      this.buf = this.buf.subarray(end + 4 + len);
      this.received.push(msg);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        if (this.waiters[i]!.pred(msg)) this.waiters.splice(i, 1)[0]!.resolve(msg);
      }
    }
  }

  /** Writes bytes as they are. */
  write(bytes: string | Buffer): void {
    this.proc.stdin!.write(bytes);
  }

  /** A correctly framed message's bytes. */
  static frame(message: unknown): Buffer {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'latin1'), body]);
  }

  send(message: unknown): void {
    this.write(RawServer.frame(message));
  }

  request(id: number | string, method: string, params: unknown = {}): Promise<Answer> {
    const answer = this.answerTo(id);
    this.send({ jsonrpc: '2.0', id, method, params });
    return answer;
  }

  notify(method: string, params: unknown = {}): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The answer to request `id` (already received or still to come). */
  answerTo(id: number | string | null, timeoutMs = 10_000): Promise<Answer> {
    return this.next((a) => a.id === id && a.method === undefined, `an answer to ${id}`, timeoutMs);
  }

  /** The first received message matching `pred` (already received or still to come). */
  next(pred: (a: Answer) => boolean, what: string, timeoutMs = 10_000): Promise<Answer> {
    const have = this.received.find(pred);
    if (have) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${timeoutMs} ms; stderr:\n${this.stderr}`)), timeoutMs);
      this.waiters.push({ pred, resolve: (a) => { clearTimeout(timer); resolve(a); } });
    });
  }

  /** Resolves when standard error matches `re`. */
  logged(re: RegExp, timeoutMs = 10_000): Promise<void> {
    if (re.test(this.stderr)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`stderr never matched ${re}:\n${this.stderr}`)), timeoutMs);
      this.stderrWaiters.push({ re, resolve: () => { clearTimeout(timer); resolve(); } });
    });
  }

  async initialize(id: number | string = 'init'): Promise<Answer> {
    const a = await this.request(id, 'initialize', { processId: null, rootUri: null, capabilities: {} });
    this.notify('initialized', {});
    return a;
  }

  /** Ends the process (if the test did not). */
  async kill(): Promise<void> {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
    await this.exited;
  }
}
