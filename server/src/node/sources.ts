/**
 * Reading reports from disk whatever they are: text files (files.ts) or originals — .docx, .pdf, .html —
 * read into a text view by the source readers, which load on first use (their own bundle, dist/sources.js).
 */
import * as path from 'node:path';
import type { SourceView } from '../core/source/types';
import { SOURCE_LIMITS, type SourceEnv, type SourceKind } from '../core/source/types';
import { decode, readFileBytes, type ReadResult } from './files';

/** File name endings of originals (kept here as well as in the readers, so that listing files loads nothing). */
export const SOURCE_EXT: Readonly<Record<string, SourceKind>> = {
  '.docx': 'docx', '.docm': 'docx', '.pdf': 'pdf', '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.doc': 'legacy', '.wps': 'legacy',
};

export function sourceKind(file: string): SourceKind | undefined {
  return SOURCE_EXT[path.extname(file).toLowerCase()];
}

type Readers = typeof import('../core/source/index.js');
let readers: Promise<Readers> | undefined;

/**
 * The source readers, loaded once. A require, not an import(): the CLI's bundles run from V8's code cache,
 * where import() is not available (node/compile-cache.ts); the build makes this require a load of
 * dist/sources.js.
 */
export function loadReaders(): Promise<Readers> {
  return (readers ??= Promise.resolve().then(() => require('../core/source/index.js') as Readers));
}

/**
 * Where pdf.js's CMaps for Chinese fonts are: dist/cmaps, next to the bundle (scripts/build.mjs copies them
 * there); from the compiled tests (out/server/src/node), the same folder of the build.
 */
const CMAP_DIRS = [path.join(__dirname, 'cmaps'), path.join(__dirname, '..', '..', '..', '..', 'dist', 'cmaps')];
/** A .bcmap is at most 60 KB; anything much larger is not one. */
const MAX_CMAP_BYTES = 1024 * 1024;

/** What the readers may ask of the disk: a bundled CMap by name (a PDF names it: only plain names are read). */
export const SOURCE_ENV: SourceEnv = {
  async readCMap(name) {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(name)) return undefined;
    for (const dir of CMAP_DIRS) {
      try {
        return await readFileBytes(path.join(dir, `${name}.bcmap`), MAX_CMAP_BYTES);
      } catch {
        // not in this folder
      }
    }
    return undefined;
  },
};

/** An original's bytes into its text view (never throws for what is in the bytes). */
export async function viewOf(bytes: Uint8Array, kind: SourceKind | undefined): Promise<SourceView> {
  return (await loadReaders()).readSource(bytes, kind, undefined, SOURCE_ENV);
}

export interface ReportText {
  text: string;
  /** The text file's encoding; absent for an original. */
  encoding?: ReadResult['encoding'];
  /** The original's view, when the file is a .docx, .pdf or .html. */
  view?: SourceView;
}

/** The bytes of a report file read at most: for an original, its readers' own limit; else `maxBytes`. */
export function reportBytesLimit(file: string, maxBytes?: number): number | undefined {
  return sourceKind(file) ? SOURCE_LIMITS.maxFileBytes : maxBytes;
}

/** A report from its file's bytes: a text file's decoded, an original's read into its text view. */
export async function reportOf(bytes: Uint8Array, file: string): Promise<ReportText> {
  const kind = sourceKind(file);
  if (!kind) return decode(bytes, file);
  const view = await viewOf(bytes, kind);
  return { text: view.text, view };
}

/** Reads a report file: a text file as text, an original into its text view. */
export async function readReport(file: string, maxBytes?: number): Promise<ReportText> {
  return reportOf(await readFileBytes(file, reportBytesLimit(file, maxBytes)), file);
}
