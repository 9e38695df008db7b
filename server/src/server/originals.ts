/**
 * Originals (.docx, .pdf, .html) open in the editor as read-only text views: a document whose URI is the
 * file's with the scheme govreport-original. The server reads the file and keeps its view (text, grids,
 * places), so an analysis of the document reads the tables cell by cell and names places in the original.
 */
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { SourceView } from '../core/source/types';
import { ReadPool } from '../node/read-pool';
import { sourceKind } from '../node/sources';
import { ORIGINAL_SCHEME } from '../protocol';

/** Views kept (one per original opened; a report's view is a few hundred KB). */
const MAX_VIEWS = 32;

export function isOriginalUri(uri: string): boolean {
  return uri.startsWith(`${ORIGINAL_SCHEME}:`);
}

/** The text view's URI of an original (the client's viewUri: the file's URI with the scheme changed). */
export function viewUriOf(fileUri: string): string {
  return isOriginalUri(fileUri) ? fileUri : `${ORIGINAL_SCHEME}:${fileUri.slice('file:'.length)}`;
}

/** The file URI of an original, from its own URI or its text view's. */
export function fileUriOf(uri: string): string {
  return isOriginalUri(uri) ? `file:${uri.slice(ORIGINAL_SCHEME.length + 1)}` : uri;
}

export class Originals {
  private readonly views = new Map<string, { mtimeMs: number; view: Promise<SourceView> }>();

  /** Originals are read in a worker thread: a large PDF never holds back the other documents' diagnostics. */
  constructor(private readonly pool = new ReadPool()) {}

  /** The view of the original at `uri` (read again when the file changed). */
  async view(uri: string): Promise<SourceView> {
    const fileUri = fileUriOf(uri);
    if (!fileUri.startsWith('file:')) throw new Error(`not a file: ${uri}`);
    const file = fileURLToPath(fileUri);
    const mtimeMs = (await stat(file)).mtimeMs;
    const hit = this.views.get(fileUri);
    if (hit && hit.mtimeMs === mtimeMs) return hit.view;
    const view = this.pool.read(file, sourceKind(file));
    this.views.delete(fileUri);
    this.views.set(fileUri, { mtimeMs, view });
    if (this.views.size > MAX_VIEWS) this.views.delete(this.views.keys().next().value!);
    view.catch(() => this.views.delete(fileUri));
    return view;
  }

  /** The kept view of an open text view, if its text is still the view's. */
  async forDocument(uri: string, text: string): Promise<SourceView | undefined> {
    if (!isOriginalUri(uri)) return undefined;
    try {
      const v = await this.view(uri);
      return v.text === text ? v : undefined;
    } catch {
      return undefined;
    }
  }

  /** The view's document closed: its view is dropped, and its read stopped if it is still going. */
  forget(uri: string): void {
    const fileUri = fileUriOf(uri);
    this.views.delete(fileUri);
    if (fileUri.startsWith('file:')) this.pool.cancel(fileURLToPath(fileUri));
  }
}
