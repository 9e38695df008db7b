/**
 * The worker thread that reads originals for the language server (node/read-pool.ts): pdf.js runs a document
 * in long unbroken stretches of work, so in the server's own thread a large PDF would hold back the
 * diagnostics of every other document. One message in, one out: `{ id, file, kind }` → `{ id, view }` or
 * `{ id, error }`.
 */
import { parentPort } from 'node:worker_threads';
import type { SourceKind, SourceView } from '../core/source/types';
import { SOURCE_LIMITS } from '../core/source/types';
import { readFileBytes } from './files';
import { viewOf } from './sources';

export interface ReadJob {
  id: number;
  file: string;
  kind: SourceKind | undefined;
}

export type ReadReply = { id: number; view: SourceView } | { id: number; error: string };

parentPort?.on('message', (job: ReadJob) => {
  void (async () => {
    try {
      const view = await viewOf(await readFileBytes(job.file, SOURCE_LIMITS.maxFileBytes), job.kind);
      parentPort!.postMessage({ id: job.id, view } satisfies ReadReply);
    } catch (err) {
      parentPort!.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) } satisfies ReadReply);
    }
  })();
});
