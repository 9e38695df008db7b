/**
 * How the server talks to its client, chosen from the command line as vscode-languageserver does
 * (`--stdio`, `--node-ipc`, `--socket=PORT`, `--pipe=NAME`; stdio when none is given), with two guards in
 * front of the connection: byte streams are read by the defensive framing reader, and every transport passes
 * through the protocol gate. The process exits when the input ends (0 after shutdown, 1 otherwise), as the
 * library does for its own stdio transport.
 */
import * as net from 'node:net';
import { format } from 'node:util';
import {
  IPCMessageReader, IPCMessageWriter, type MessageReader, type MessageWriter, StreamMessageWriter,
} from 'vscode-languageserver/node';
import { GuardedStreamReader } from './framing';
import { ProtocolGate } from './gate';
import { logLine } from './log';

export interface Transport {
  reader: ProtocolGate;
  writer: MessageWriter;
  /** Problems of the input, for the log (standard error always; the client's log once it listens). */
  log: (text: string) => void;
}

/** The value of `--name=value` or `--name value`. */
function option(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === name) return argv[i + 1];
    if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
  }
  return undefined;
}

/** Standard output carries the protocol: console output goes to standard error instead. */
function consoleToStderr(): void {
  const write = (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`);
  console.log = write;
  console.info = write;
  console.debug = write;
  console.warn = write;
  console.trace = write;
  console.dir = (o: unknown) => write(o);
}

export function createTransport(argv: readonly string[], log: (text: string) => void): Transport {
  let reader: MessageReader;
  let writer: MessageWriter;
  let dropped: GuardedStreamReader['onDropped'] | undefined;
  const port = option(argv, '--socket');
  const pipe = option(argv, '--pipe');
  if (argv.includes('--node-ipc')) {
    reader = new IPCMessageReader(process);
    writer = new IPCMessageWriter(process);
  } else if (port !== undefined || pipe !== undefined) {
    const socket = port !== undefined ? net.createConnection(Number(port), '127.0.0.1') : net.createConnection(pipe!);
    const guarded = new GuardedStreamReader(socket, log);
    reader = guarded;
    dropped = guarded.onDropped;
    writer = new StreamMessageWriter(socket);
  } else {
    consoleToStderr();
    const guarded = new GuardedStreamReader(process.stdin, log);
    reader = guarded;
    dropped = guarded.onDropped;
    writer = new StreamMessageWriter(process.stdout);
    // The client is gone: nothing more can be said.
    process.stdout.on('error', () => process.exit(gate.shutDown ? 0 : 1));
  }
  const gate = new ProtocolGate(reader, writer, log, dropped);
  gate.onClose(() => process.exit(gate.shutDown ? 0 : 1));
  return { reader: gate, writer, log };
}

/** At most this many lines of the log per window, so a client sending garbage cannot flood it. */
const LOG_LINES_PER_WINDOW = 50;
const LOG_WINDOW_MS = 10_000;

/** `log`, but quiet (saying so once) after LOG_LINES_PER_WINDOW lines in LOG_WINDOW_MS. */
export function rateLimited(log: (text: string) => void): (text: string) => void {
  let windowStart = 0;
  let lines = 0;
  return (text) => {
    const now = Date.now();
    if (now - windowStart > LOG_WINDOW_MS) {
      if (lines > LOG_LINES_PER_WINDOW) log(logLine({ zh: `另有 ${lines - LOG_LINES_PER_WINDOW} 个问题未记录`, en: `${lines - LOG_LINES_PER_WINDOW} more problems were not logged` }));
      windowStart = now;
      lines = 0;
    }
    if (++lines <= LOG_LINES_PER_WINDOW) log(text);
    else if (lines === LOG_LINES_PER_WINDOW + 1) log(logLine({
      zh: `${LOG_WINDOW_MS / 1000} 秒内问题超过 ${LOG_LINES_PER_WINDOW} 个；之后的只计数，不记录`,
      en: `more than ${LOG_LINES_PER_WINDOW} problems in ${LOG_WINDOW_MS / 1000} s; the next are counted, not logged`,
    }));
  };
}
