/**
 * A report's outcome in the result cache (node/result-cache.ts) and back: what it is stored under, what of it
 * is stored, and the outcome a later run gets from it — the same one the check would give, as the check is a
 * pure function of the file's bytes, its kind, the check options and the checker's code, and the key holds all
 * four (the code through the store's name, `buildKey`).
 *
 * What is stored: a text report's findings and slim model without its tables (they are parsed again from the
 * text if a check across reports reads them, as analyse.ts does for the reports it does not keep); an
 * original's findings, slim model, tables and text view (reading the original again is what the cache saves).
 * Not stored: what did not come from the bytes alone — a file too large or unreadable, a text over the size
 * limit, a PDF whose reading ran out of time.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Finding } from '../../core/checks/types';
import { packTables, slimFacts, slimModel, unpackTables } from '../../core/desk/slim';
import type { ReportModel } from '../../core/model';
import { overLimit } from '../../core/service';
import type { SourceView } from '../../core/source/types';
import { decode } from '../../node/files';
import { sourceKind } from '../../node/sources';
import { type Checked, type PlainOptions, tablesFromText } from './analyse';

/** The entry's layout; an entry of another is not used. */
const ENTRY_VERSION = 1;

/**
 * The checker's build, for naming its store: the hash of the bundles that scripts/build.mjs writes beside
 * them (dist/build-id), with the Node version and platform (V8's serialisation, Unicode tables). Undefined
 * without one — not run from the bundles (the compiled tests), or a build being watched — so no cache then.
 */
export function buildKey(dir: string = __dirname): string | undefined {
  let id: string;
  try {
    id = readFileSync(path.join(dir, 'build-id'), 'latin1').trim();
  } catch {
    return undefined;
  }
  if (!/^[0-9a-f]{16,64}$/.test(id)) return undefined;
  return createHash('sha256').update([id, process.version, process.platform, process.arch].join('\0')).digest('hex').slice(0, 24);
}

const optionKeys = new WeakMap<PlainOptions, string>();

/** The store's key of a file's outcome: its bytes' hash, its kind (by its name's ending) and the options. */
export function entryKey(digest: string, file: string, options: PlainOptions): string {
  let o = optionKeys.get(options);
  if (o === undefined) {
    o = createHash('sha256').update(JSON.stringify([options.locale, options.levels, options.maxSize, options.expectFormat ?? null])).digest('base64url').slice(0, 16);
    optionKeys.set(options, o);
  }
  return `${digest}.${sourceKind(file) ?? 'text'}.${o}`;
}

interface TextEntry {
  v: typeof ENTRY_VERSION;
  kind: 'text';
  format: string;
  model: ReportModel;
  findings: Finding[];
}

interface ViewEntry {
  v: typeof ENTRY_VERSION;
  kind: 'view';
  format: string;
  model: ReportModel;
  tables: string;
  findings: Finding[];
  view: SourceView;
  /** The outcome's text was left out (over the size limit), as analyse.ts leaves it. */
  noText: boolean;
}

/**
 * The entry of an outcome just checked, from its whole model (analyse.ts), or undefined when this outcome is
 * not one to keep.
 */
export function encodeEntry(format: string, model: ReportModel, findings: Finding[], text: string, options: PlainOptions, view?: SourceView): Uint8Array | undefined {
  if (view) {
    if (view.problems.some((p) => p.kind === 'timeout')) return undefined;
    const { model: slim, tables } = packTables(slimModel(model));
    const e: ViewEntry = { v: ENTRY_VERSION, kind: 'view', format, model: slim, tables, findings, view, noText: overLimit(text, options.maxSize) };
    return serialize(e);
  }
  if (overLimit(text, options.maxSize)) return undefined;
  const e: TextEntry = { v: ENTRY_VERSION, kind: 'text', format, model: slimFacts(model), findings };
  return serialize(e);
}

/**
 * The outcome of a file from its entry and the bytes read now (which the key says are the ones checked), or
 * undefined when the entry is not one this code wrote.
 */
export function decodeEntry(file: string, bytes: Uint8Array, entry: Uint8Array): Checked | undefined {
  let e: TextEntry | ViewEntry;
  try {
    e = deserialize(entry) as TextEntry | ViewEntry;
  } catch {
    return undefined;
  }
  if (!e || typeof e !== 'object' || e.v !== ENTRY_VERSION || !Array.isArray(e.findings) || !e.model || !Array.isArray(e.model.sections)) return undefined;
  if (e.kind === 'text') {
    const { text, encoding } = decode(bytes, file);
    if (encoding !== e.format) return undefined;
    return { path: file, text, format: e.format, model: tablesFromText(e.model, text), findings: e.findings };
  }
  if (e.kind === 'view' && e.view && typeof e.view.text === 'string' && typeof e.tables === 'string') {
    return { path: file, text: e.noText ? '' : e.view.text, format: e.format, model: unpackTables(e.model, e.tables), findings: e.findings, view: e.view };
  }
  return undefined;
}
