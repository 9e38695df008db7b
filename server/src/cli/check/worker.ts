/**
 * A worker thread of `govreport check`: takes batches of files, reads them (all of a batch at once) and checks
 * each on its own, and posts the outcomes back. Built as dist/check-worker.js, which holds the core and the
 * file reading only, so it starts faster than the whole CLI would.
 *
 * A report's tables are most of what an outcome weighs (≈ 38 KB of JSON a report, against 5 KB of text) and
 * few are looked at again (the pairs across years, a roster's reports, the HTML page's totals). A batch sent
 * with `hold` keeps them here: the outcome crosses without them, and the tables the run turns out to need are
 * asked for at the end (TablesRequest), packed then.
 */
import { isMainThread, parentPort } from 'node:worker_threads';
import { packTables } from '../../core/desk/slim';
import type { ReportModel } from '../../core/model';
import { saveCompileCaches } from '../../node/compile-cache';
import { sourceKind } from '../../node/sources';
import { type Checked, isFailed, type Job, type Outcome, outcomeOf, type PlainOptions, readJob, readJobSync } from './analyse';
import type { Source } from './source';

export interface BatchMessage {
  kind: 'batch';
  id: number;
  options: PlainOptions[];
  jobs: Job[];
  /** The run's index of the batch's first job: held tables are asked for by it. */
  first: number;
  /** Keep the reports' tables here (each outcome says `tablesHeld`) instead of packing them into the outcome. */
  hold: boolean;
  /** Read each file with its digest and give its outcome's entry for the result cache (check/cached.ts). */
  entries: boolean;
}

export interface DoneMessage {
  kind: 'done';
  id: number;
  outcomes: Outcome[];
}

/** Asks for held tables, by the run's job indices. */
export interface TablesRequest {
  kind: 'tables';
  indices: number[];
}

/** Held tables, packed (core/desk/slim.ts), by job index; an index this worker does not hold is left out. */
export interface TablesReply {
  kind: 'tables';
  packed: [number, string][];
}

/** Tables kept back from the outcomes sent, by job index, until asked for. */
const held = new Map<number, ReportModel['tables']>();

async function runBatch(msg: BatchMessage, read: (Promise<Source | Error> | undefined)[]): Promise<DoneMessage> {
  const outcomes: Outcome[] = [];
  for (let i = 0; i < msg.jobs.length; i++) {
    const job = msg.jobs[i]!;
    outcomes.push(outcomeOf(job, read[i] ? await read[i]! : readJobSync(job, msg.options, msg.entries)!, msg.options, undefined, msg.entries));
  }
  return { kind: 'done', id: msg.id, outcomes: outcomes.map((o, i) => (isFailed(o) ? o : msg.hold ? hold(o, msg.first + i) : pack(o))) };
}

function pack(o: Checked): Checked {
  const { model, tables } = packTables(o.model);
  return { ...o, model, packedTables: tables };
}

function hold(o: Checked, index: number): Checked {
  held.set(index, o.model.tables);
  return { ...o, model: { ...o.model, tables: {} }, tablesHeld: true };
}

function tablesOf(indices: readonly number[]): TablesReply {
  const packed: [number, string][] = [];
  for (const i of indices) {
    const tables = held.get(i);
    if (tables) packed.push([i, packTables({ tables } as ReportModel).tables]);
  }
  return { kind: 'tables', packed };
}

export function startWorker(): void {
  const port = parentPort!;
  // Batches are checked in the order they come. A batch's originals (.docx, .pdf, .html) are read as soon as
  // it arrives, in the background; its text files are read at once when their turn comes (readJobSync).
  let chain: Promise<unknown> = Promise.resolve();
  port.on('message', (msg: BatchMessage | TablesRequest) => {
    if (msg.kind === 'tables') {
      chain = chain.then(() => port.postMessage(tablesOf(msg.indices)));
      return;
    }
    const read = msg.jobs.map((j) => (sourceKind(j.path) ? readJob(j, msg.options, msg.entries) : undefined));
    chain = chain.then(() => runBatch(msg, read)).then((done) => {
      port.postMessage(done);
      // After the first batch, the code it compiled is kept for the next run's workers (node/compile-cache.ts).
      saveCompileCaches();
    });
  });
}

if (!isMainThread && parentPort) startWorker();
