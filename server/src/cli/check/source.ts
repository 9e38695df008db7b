/**
 * The one step that turns a file into what the checker reads: a text file as its text, an original (.docx,
 * .pdf, .html) as its text view with its tables' grids (node/sources.ts, whose readers load on first use). The
 * folder pipeline, the workers and the in-process path all read through here.
 */
import { createHash } from 'node:crypto';
import type { SourceView } from '../../core/source/types';
import { decode, readFileBytes, readFileBytesSync } from '../../node/files';
import { reportBytesLimit, reportOf, sourceKind } from '../../node/sources';

export interface Source {
  text: string;
  /** How the file was stored: a text file's encoding, or the original's kind (docx, pdf, html). */
  format: string;
  /** The original's text view, for a .docx, .pdf or .html. */
  view?: SourceView;
  /** A hash of the bytes read (with `digest`): what the result cache (check/cached.ts) knows the file by. */
  digest?: string;
}

/** The hash of a file's bytes that the result cache keys its outcome by. */
export function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

export async function readSource(file: string, maxBytes?: number, digest = false): Promise<Source> {
  const bytes = await readFileBytes(file, reportBytesLimit(file, maxBytes));
  const r = await reportOf(bytes, file);
  return { text: r.text, format: r.view ? r.view.kind : r.encoding ?? 'utf-8', ...(r.view ? { view: r.view } : {}), ...(digest ? { digest: digestOf(bytes) } : {}) };
}

/**
 * A text file read at once, in this thread (undefined for an original, whose readers are asynchronous). For a
 * folder of small files this costs a third of the CPU of the asynchronous read — one stat, open, fstat, read
 * and close without a promise for each — and the same checks apply: a file that is not regular is refused
 * before it is opened, one over `maxBytes` before it is read.
 */
export function readTextSourceSync(file: string, maxBytes?: number, digest = false): Source | undefined {
  if (sourceKind(file)) return undefined;
  const bytes = readFileBytesSync(file, maxBytes);
  const r = decode(bytes, file);
  return { text: r.text, format: r.encoding, ...(digest ? { digest: digestOf(bytes) } : {}) };
}
