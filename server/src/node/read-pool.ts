/**
 * Reading originals off the language server's thread: one worker thread (node/read-worker.ts), started when
 * the first original is opened and stopped when idle, reads them one at a time. Each read is bounded: past
 * its time the worker is killed (a page pdf.js cannot finish stops there) and the read gives a view that says
 * so; a read nobody waits for any more (its document closed) is dropped, or its worker killed if it runs; the
 * worker's heap is capped, and a worker that dies gives a view that says so too. The next read starts a new
 * worker.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SourceKind, SourceProblem, SourceView } from '../core/source/types';
import { SOURCE_LIMITS } from '../core/source/types';
import type { ReadJob, ReadReply } from './read-worker';

/** Limits of the reading worker. Named here, next to what they govern. */
export const READ_POOL = {
  /** A read is given this long in all: the readers' own page budget, and a margin for a page that hangs. */
  timeoutMs: SOURCE_LIMITS.maxPdfMs + 15_000,
  /** An idle worker is stopped after this long (pdf.js holds some 50 MB). */
  idleMs: 60_000,
  /** The worker's heap: a 300-page PDF needs a few hundred MB; beyond this it is stopped, not the server. */
  maxHeapMb: 1536,
} as const;

type Waiter = { resolve: (v: SourceView) => void; reject: (e: Error) => void };
interface Pending extends ReadJob {
  waiter: Waiter;
}

/** The worker script: read-worker.js beside this module (dist/ when bundled, out/server/src/node when compiled). */
function defaultScript(): string {
  return path.join(__dirname, 'read-worker.js');
}

function problemView(kind: SourceKind | undefined, problem: SourceProblem): SourceView {
  return { kind: kind ?? 'pdf', text: '', grids: [], lines: [{}], problems: [problem] };
}

export class ReadPool {
  private worker: Worker | undefined;
  private readonly queue: Pending[] = [];
  private running: (Pending & { timer: NodeJS.Timeout }) | undefined;
  private idle: NodeJS.Timeout | undefined;
  private ids = 0;

  constructor(private readonly options: { script?: string; timeoutMs?: number; idleMs?: number } = {}) {}

  /** Whether a worker thread is alive (for tests). */
  get alive(): boolean {
    return this.worker !== undefined;
  }

  /** The view of the original `file`; rejects when the file cannot be read at all (gone, not a file). */
  read(file: string, kind: SourceKind | undefined): Promise<SourceView> {
    return new Promise<SourceView>((resolve, reject) => {
      this.queue.push({ id: ++this.ids, file, kind, waiter: { resolve, reject } });
      this.next();
    });
  }

  /** Drops the reads of `file` nobody waits for any more; kills the worker if it is reading it. */
  cancel(file: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const job = this.queue[i]!;
      if (job.file === file) {
        this.queue.splice(i, 1);
        job.waiter.reject(new Error(`reading ${file} was cancelled`));
      }
    }
    if (this.running?.file === file) this.abort(undefined, new Error(`reading ${file} was cancelled`));
  }

  dispose(): void {
    for (const job of this.queue.splice(0)) job.waiter.reject(new Error('the reader was stopped'));
    if (this.running) this.abort(undefined, new Error('the reader was stopped'));
    this.stop();
  }

  private start(): Worker {
    const script = this.options.script ?? defaultScript();
    if (!existsSync(script)) throw new Error(`the reading worker ${script} is missing`);
    const w = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: READ_POOL.maxHeapMb } });
    w.unref();
    w.on('message', (m: ReadReply) => {
      const job = this.running;
      if (!job || job.id !== m.id) return;
      clearTimeout(job.timer);
      this.running = undefined;
      if ('view' in m) job.waiter.resolve(m.view);
      else job.waiter.reject(new Error(m.error));
      this.next();
    });
    // A worker that dies (out of memory, a crash): the read says so; the next read starts another.
    const died = (why: string) => {
      if (this.worker !== w) return;
      this.worker = undefined;
      if (this.running) this.abort({ kind: 'damaged', detail: why });
      else this.next();
    };
    w.on('error', (err) => died(err.message));
    w.on('exit', (code) => died(`the reader stopped (exit ${code})`));
    return w;
  }

  private stop(): void {
    clearTimeout(this.idle);
    const w = this.worker;
    this.worker = undefined;
    if (w) void w.terminate();
  }

  /** Ends the running read: with a view saying why (a problem), or rejected (cancelled); the worker goes. */
  private abort(problem: SourceProblem | undefined, error?: Error): void {
    const job = this.running;
    this.running = undefined;
    this.stop();
    if (job) {
      clearTimeout(job.timer);
      if (problem) job.waiter.resolve(problemView(job.kind, problem));
      else job.waiter.reject(error ?? new Error('cancelled'));
    }
    this.next();
  }

  private next(): void {
    if (this.running) return;
    const job = this.queue.shift();
    clearTimeout(this.idle);
    if (!job) {
      if (this.worker) this.idle = setTimeout(() => this.stop(), this.options.idleMs ?? READ_POOL.idleMs).unref();
      return;
    }
    let w: Worker;
    try {
      w = this.worker ??= this.start();
    } catch (err) {
      job.waiter.reject(err as Error);
      this.next();
      return;
    }
    const timeoutMs = this.options.timeoutMs ?? READ_POOL.timeoutMs;
    const timer = setTimeout(() => this.abort({ kind: 'timeout', limit: timeoutMs }), timeoutMs);
    this.running = { ...job, timer };
    w.postMessage({ id: job.id, file: job.file, kind: job.kind } satisfies ReadJob);
  }
}
