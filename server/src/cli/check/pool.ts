/**
 * Checks many files fast: a few in this thread, a folder in worker threads with this thread checking beside
 * them (one thread per core in all), fed from one queue so that every core stays busy to the end. Outcomes
 * come back in the order of the files, whichever thread finished first.
 *
 * Why this thread works too: most of a thread's first hundred reports is V8 warming the checker up (the first
 * reports cost several times what later ones do), and every thread pays that again. This thread has the
 * checker loaded already, so on two cores one worker beside it does the work of two workers with one start-up
 * and one warm-up less.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import * as path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { unpackTables } from '../../core/desk/slim';
import { readLimit } from '../../core/options';
import { readFileBytesSync } from '../../node/files';
import type { ResultStore } from '../../node/result-cache';
import { reportBytesLimit, sourceKind } from '../../node/sources';
import { type Checked, isFailed, type Job, type KeepTables, type Outcome, outcomeOf, type PlainOptions, readJob, readJobSync } from './analyse';
import { decodeEntry, entryKey } from './cached';
import { digestOf, type Source } from './source';
import type { BatchMessage, DoneMessage, TablesReply, TablesRequest } from './worker';

/** Below this many files a worker's start-up (loading the checker again, warming it up) costs more than it saves. */
export const WORKER_MIN_FILES = 24;
/** Files per batch sent to a worker at most: large enough that messages are few, small enough to share out. */
const BATCH_FILES = 12;
/** Batches a worker holds at once, so it never waits for the next one. */
const BATCHES_AHEAD = 2;
/**
 * Batches shrink as the queue empties — to the files left over this many per thread, down to one file — so
 * that no thread is left checking a full batch while the others have finished.
 */
const TAIL_SHARES = 4;
/** Reads of originals in flight ahead of the checking, in this thread (text files are read at once, in turn). */
const READ_AHEAD = 16;

export interface PoolOptions {
  /** Called after each file is checked. */
  progress?: (done: number, total: number) => void;
  /** Worker threads to use; default: one per core when there are enough files, else none. */
  workers?: number;
  /** The worker script (tests start a failing one); default dist/check-worker.js or worker.js beside this file. */
  script?: string;
  /**
   * Which reports' tables the run needs, by job index, once every outcome is in (the others' tables stay in
   * the worker that read them and are never copied: see worker.ts). Without it, every outcome has its tables.
   */
  tablesFor?: (outcomes: readonly Outcome[]) => Iterable<number>;
  /**
   * For the reports checked in this thread: which keep their tables in memory; the others' are parsed again
   * from their text if read (analyse.ts, tablesFromText). Without it, all keep them.
   */
  keepTables?: KeepTables;
  /**
   * The result cache (node/result-cache.ts): files whose outcome it holds are not checked again, and the
   * outcomes of the others are added to it (the caller saves it).
   */
  cache?: ResultStore;
  /** Set by checkFiles for the files it checks: read each with its digest and give its entry for the cache. */
  entries?: boolean;
}

function cores(): number {
  return typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
}

/** The worker script: dist/check-worker.js beside the bundled CLI, or worker.js beside this file when compiled by tsc. */
function workerScript(): string | undefined {
  for (const f of [path.join(__dirname, 'check-worker.js'), path.join(__dirname, 'worker.js')]) if (existsSync(f)) return f;
  return undefined;
}

/**
 * Worker threads for a run, beside this thread (which checks too): by default one less than the cores, and
 * only for a folder — a worker per WORKER_MIN_FILES files at most — on a machine with a core to spare;
 * `requested` (--jobs) overrides.
 *
 * A machine whose load average over the last minute is at least its cores has no core to spare: a worker
 * then shares this process's part of the CPU instead of adding one, and its start-up and its own warm-up
 * (a fifth more CPU for 200 reports) only make the run slower. Measured: on two cores at load 8–12, one
 * thread took 2.6 s of CPU and 7.1 s for 200 reports, this thread and a worker 3.2 s of CPU and 8.0 s.
 */
export function workersFor(files: number, requested?: number, load = loadavg()[0] ?? 0): number {
  if (requested !== undefined) return Math.max(0, Math.min(requested, files));
  if (files < WORKER_MIN_FILES || load >= cores()) return 0;
  return Math.max(0, Math.min(cores() - 1, Math.ceil(files / WORKER_MIN_FILES) - 1));
}

export async function checkFiles(jobs: Job[], options: PlainOptions[], opts: PoolOptions = {}): Promise<Outcome[]> {
  const store = opts.cache;
  if (!store) return checkAll(jobs, options, opts);
  // The files the cache has the outcome of: read here (a text file is read and hashed in a few microseconds),
  // so only the others go to the threads; none when the cache is empty (a first run pays nothing for it).
  const found = store.size > 0 ? fromCache(jobs, options, store, opts.progress) : new Map<number, Checked>();
  const rest: number[] = [];
  for (let i = 0; i < jobs.length; i++) if (!found.has(i)) rest.push(i);
  const whole = (part: readonly Outcome[]): Outcome[] => {
    const all: Outcome[] = new Array(jobs.length);
    for (const [i, o] of found) all[i] = o;
    rest.forEach((i, k) => {
      all[i] = part[k]!;
    });
    return all;
  };
  const { tablesFor } = opts;
  const checked = rest.length === 0 ? [] : await checkAll(rest.map((i) => jobs[i]!), options, {
    ...opts,
    entries: true,
    progress: opts.progress && ((d) => opts.progress!(found.size + d, jobs.length)),
    // Which tables the run needs is asked of the whole run's outcomes, and answered for the part checked here.
    ...(tablesFor ? {
      tablesFor: (part: readonly Outcome[]) => {
        const at = new Map(rest.map((i, k) => [i, k]));
        return [...tablesFor(whole(part))].map((i) => at.get(i)).filter((k): k is number => k !== undefined);
      },
    } : {}),
  });
  if (rest.length === 0) opts.progress?.(jobs.length, jobs.length);
  for (const o of checked) {
    if (isFailed(o)) continue;
    if (o.cacheKey !== undefined && o.cacheEntry !== undefined) store.set(o.cacheKey, o.cacheEntry);
    delete o.cacheKey;
    delete o.cacheEntry;
  }
  return whole(checked);
}

/** Files looked up in the cache between two calls of the progress callback (a folder of large originals takes a while). */
const LOOKUPS_PER_PROGRESS = 50;

/** The outcomes the cache holds for these files, by job index; a file that cannot be read now is left to the check. */
function fromCache(jobs: readonly Job[], options: readonly PlainOptions[], store: ResultStore, progress?: PoolOptions['progress']): Map<number, Checked> {
  const found = new Map<number, Checked>();
  jobs.forEach((job, i) => {
    if (progress && i % LOOKUPS_PER_PROGRESS === 0 && found.size > 0) progress(found.size, jobs.length);
    const o = options[job.options]!;
    let bytes: Buffer;
    try {
      bytes = readFileBytesSync(job.path, reportBytesLimit(job.path, readLimit(o.maxSize)));
    } catch {
      return;
    }
    const entry = store.get(entryKey(digestOf(bytes), job.path, o));
    const hit = entry && decodeEntry(job.path, bytes, entry);
    if (hit) found.set(i, hit);
  });
  return found;
}

async function checkAll(jobs: Job[], options: PlainOptions[], opts: PoolOptions): Promise<Outcome[]> {
  const n = workersFor(jobs.length, opts.workers);
  const script = n > 0 ? opts.script ?? workerScript() : undefined;
  return script ? inWorkers(jobs, options, n, script, opts) : inThread(jobs, options, opts);
}

async function inThread(jobs: Job[], options: PlainOptions[], opts: PoolOptions): Promise<Outcome[]> {
  const reads: (Promise<Source | Error> | undefined)[] = [];
  const start = (i: number) => {
    if (i < jobs.length && !reads[i] && sourceKind(jobs[i]!.path)) reads[i] = readJob(jobs[i]!, options, opts.entries);
  };
  for (let i = 0; i < READ_AHEAD; i++) start(i);
  const out: Outcome[] = [];
  for (let i = 0; i < jobs.length; i++) {
    start(i + READ_AHEAD);
    out.push(await checkHere(jobs[i]!, options, reads[i], opts.keepTables, opts.entries));
    delete reads[i];
    opts.progress?.(i + 1, jobs.length);
  }
  return out;
}

/** One job checked in this thread: a text file read at once, an original through its (started) read. */
async function checkHere(job: Job, options: PlainOptions[], read?: Promise<Source | Error>, keep?: KeepTables, entries = false): Promise<Outcome> {
  const src = read ? await read : readJobSync(job, options, entries) ?? await readJob(job, options, entries);
  return outcomeOf(job, src, options, keep, entries);
}

function inWorkers(jobs: Job[], options: PlainOptions[], count: number, script: string, opts: PoolOptions): Promise<Outcome[]> {
  return new Promise((resolve) => {
    const out: (Outcome | undefined)[] = new Array(jobs.length);
    const starts: number[] = [];
    let next = 0;
    let done = 0;
    let batchId = 0;
    let settled = false;
    const workers: Worker[] = [];
    const hold = opts.tablesFor !== undefined;
    /** Which worker holds each outcome's tables. */
    const holder: number[] = [];
    let awaiting = 0;
    const finish = () => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      for (let i = 0; i < out.length; i++) {
        const o = out[i];
        if (o && !isFailed(o) && o.tablesHeld) tablesNeverAsked(o);
      }
      resolve(out as Outcome[]);
    };
    // Every outcome is in: the tables the run needs come back from the workers holding them, then it ends.
    const collect = () => {
      if (settled) return;
      const want = new Map<number, number[]>();
      for (const i of opts.tablesFor ? opts.tablesFor(out as Outcome[]) : []) {
        const o = out[i];
        if (!o || isFailed(o) || !o.tablesHeld) continue;
        const list = want.get(holder[i]!) ?? [];
        list.push(i);
        want.set(holder[i]!, list);
      }
      if (want.size === 0) return finish();
      awaiting = want.size;
      for (const [w, indices] of want) workers[w]!.postMessage({ kind: 'tables', indices } satisfies TablesRequest);
    };
    // A worker that dies (out of memory, a bug) does not lose the run: what is not done yet is checked here,
    // and so is what the workers checked but still held the tables of.
    const fallBack = () => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      const left = jobs.map((j, i) => ({ j, i })).filter(({ i }) => {
        const o = out[i];
        return !o || (!isFailed(o) && o.tablesHeld === true);
      });
      void inThread(left.map((x) => x.j), options, { entries: opts.entries }).then((rest) => {
        rest.forEach((o, k) => {
          out[left[k]!.i] = o;
        });
        resolve(out as Outcome[]);
      });
    };
    const counted = (n: number) => {
      done += n;
      opts.progress?.(done, jobs.length);
      if (done === jobs.length) (hold ? collect() : finish());
    };
    const feed = (w: Worker) => {
      if (next >= jobs.length) return;
      const from = next;
      const share = Math.floor((jobs.length - next) / ((count + 1) * TAIL_SHARES));
      next = Math.min(jobs.length, next + Math.max(1, Math.min(BATCH_FILES, share)));
      starts[batchId] = from;
      const msg: BatchMessage = { kind: 'batch', id: batchId++, options, jobs: jobs.slice(from, next), first: from, hold, entries: opts.entries === true };
      w.postMessage(msg);
    };
    for (let i = 0; i < count; i++) {
      const w = new Worker(script);
      workers.push(w);
      w.on('message', (msg: DoneMessage | TablesReply) => {
        if (settled) return;
        if (msg.kind === 'tables') {
          for (const [k, packed] of msg.packed) {
            const o = out[k] as Checked;
            unpackTables(o.model, packed);
            delete o.tablesHeld;
          }
          if (--awaiting === 0) finish();
          return;
        }
        const from = starts[msg.id]!;
        msg.outcomes.forEach((o, k) => {
          if (!isFailed(o) && o.packedTables !== undefined) {
            unpackTables(o.model, o.packedTables);
            delete o.packedTables;
          }
          if (!isFailed(o) && o.tablesHeld) holder[from + k] = i;
          out[from + k] = o;
        });
        counted(msg.outcomes.length);
        feed(w);
      });
      w.on('error', fallBack);
      w.on('exit', (code) => {
        if (code !== 0 && !settled) fallBack();
      });
      for (let b = 0; b < BATCHES_AHEAD; b++) feed(w);
    }
    if (jobs.length === 0) finish();
    // This thread takes files from the same queue, one at a time, and lets the workers' messages in between.
    void (async () => {
      while (!settled && next < jobs.length) {
        const i = next++;
        const o = await checkHere(jobs[i]!, options, undefined, opts.keepTables, opts.entries);
        if (settled) return; // a worker died meanwhile: fallBack checks what is left, this one included
        out[i] = o;
        counted(1);
        await nextTurn();
      }
    })();
  });
}

/**
 * A report whose tables stayed in its worker and were not asked for: reading them is a bug in what the run
 * said it needs (PoolOptions.tablesFor), so it fails loudly instead of reading as a report without tables.
 */
function tablesNeverAsked(o: Checked): void {
  Object.defineProperty(o.model, 'tables', {
    enumerable: false,
    configurable: true,
    get: () => {
      throw new Error(`govreport: the tables of ${o.path} stayed in a worker (the run did not ask for them)`);
    },
  });
  delete o.tablesHeld;
}
