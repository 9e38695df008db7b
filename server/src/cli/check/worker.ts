/**
 * A worker thread of `govreport check`: takes batches of files, reads them (all of a batch at once) and checks
 * each on its own, and posts the outcomes back. Built as dist/check-worker.js, which holds the core and the
 * file reading only, so it starts faster than the whole CLI would.
 */
import { isMainThread, parentPort } from 'node:worker_threads';
import { packTables } from '../../core/desk/slim';
import { sourceKind } from '../../node/sources';
import { type Checked, isFailed, type Job, type Outcome, outcomeOf, type PlainOptions, readJob, readJobSync } from './analyse';
import type { Source } from './source';

export interface BatchMessage {
  id: number;
  options: PlainOptions[];
  jobs: Job[];
}

export interface DoneMessage {
  id: number;
  outcomes: Outcome[];
}

async function runBatch(msg: BatchMessage, read: (Promise<Source | Error> | undefined)[]): Promise<DoneMessage> {
  const outcomes: Outcome[] = [];
  for (let i = 0; i < msg.jobs.length; i++) {
    const job = msg.jobs[i]!;
    outcomes.push(outcomeOf(job, read[i] ? await read[i]! : readJobSync(job, msg.options)!, msg.options));
  }
  return { id: msg.id, outcomes: outcomes.map((o) => (isFailed(o) ? o : pack(o))) };
}

function pack(o: Checked): Checked {
  const { model, tables } = packTables(o.model);
  return { ...o, model, packedTables: tables };
}

export function startWorker(): void {
  const port = parentPort!;
  // Batches are checked in the order they come. A batch's originals (.docx, .pdf, .html) are read as soon as
  // it arrives, in the background; its text files are read at once when their turn comes (readJobSync).
  let chain: Promise<unknown> = Promise.resolve();
  port.on('message', (msg: BatchMessage) => {
    const read = msg.jobs.map((j) => (sourceKind(j.path) ? readJob(j, msg.options) : undefined));
    chain = chain.then(() => runBatch(msg, read)).then((done) => port.postMessage(done));
  });
}

if (!isMainThread && parentPort) startWorker();
