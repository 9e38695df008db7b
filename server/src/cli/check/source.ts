/**
 * The one step that turns a file into what the checker reads: a text file as its text, an original (.docx,
 * .pdf, .html) as its text view with its tables' grids (node/sources.ts, whose readers load on first use). The
 * folder pipeline, the workers and the in-process path all read through here.
 */
import type { SourceView } from '../../core/source/types';
import { decode, readFileBytesSync } from '../../node/files';
import { readReport, sourceKind } from '../../node/sources';

export interface Source {
  text: string;
  /** How the file was stored: a text file's encoding, or the original's kind (docx, pdf, html). */
  format: string;
  /** The original's text view, for a .docx, .pdf or .html. */
  view?: SourceView;
}

export async function readSource(file: string, maxBytes?: number): Promise<Source> {
  const r = await readReport(file, maxBytes);
  return { text: r.text, format: r.view ? r.view.kind : r.encoding ?? 'utf-8', ...(r.view ? { view: r.view } : {}) };
}

/**
 * A text file read at once, in this thread (undefined for an original, whose readers are asynchronous). For a
 * folder of small files this costs a third of the CPU of the asynchronous read — one stat, open, fstat, read
 * and close without a promise for each — and the same checks apply: a file that is not regular is refused
 * before it is opened, one over `maxBytes` before it is read.
 */
export function readTextSourceSync(file: string, maxBytes?: number): Source | undefined {
  if (sourceKind(file)) return undefined;
  const r = decode(readFileBytesSync(file, maxBytes), file);
  return { text: r.text, format: r.encoding ?? 'utf-8' };
}
