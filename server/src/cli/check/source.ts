/**
 * The one step that turns a file into what the checker reads: a text file as its text, an original (.docx,
 * .pdf, .html) as its text view with its tables' grids (node/sources.ts, whose readers load on first use). The
 * folder pipeline, the workers and the in-process path all read through here.
 */
import type { SourceView } from '../../core/source/types';
import { readReport } from '../../node/sources';

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
