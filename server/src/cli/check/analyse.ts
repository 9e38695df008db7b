/**
 * One report checked on its own: read, parse, every check that needs no other report. The same function runs
 * in the main thread for a few files and in worker threads for a folder; what it returns crosses threads, so
 * it holds plain data only (and the slim model, see core/desk/slim.ts).
 */
import type { Finding, Level, Locale } from '../../core/checks/types';
import { slimFacts, slimModel, slimTables } from '../../core/desk/slim';
import type { ReportModel } from '../../core/model';
import { parseLines } from '../../core/parse/index';
import { readLimit } from '../../core/options';
import { checkText, checkView, fileTooLarge, overLimit, runChecks } from '../../core/service';
import type { SourceView } from '../../core/source/types';
import { splitLines } from '../../core/text/lines';
import { FileTooLarge, UnreadableFile } from '../../node/files';
import { sourceKind } from '../../node/sources';
import { encodeEntry, entryKey } from './cached';
import { readSource, readTextSourceSync, type Source } from './source';

/** The check options of a folder's settings, as plain data that can be sent to a worker. */
export interface PlainOptions {
  locale: Locale;
  levels: Record<string, Level>;
  maxSize: number;
  expectFormat?: '2021' | '2019';
}

export interface Job {
  path: string;
  /** Index into the option sets sent with the batch. */
  options: number;
}

export interface Checked {
  path: string;
  /** The file's text (kept for the checks across reports and for baseline fingerprints). */
  text: string;
  format: string;
  model: ReportModel;
  findings: Finding[];
  /** The original's text view (a .docx, .pdf or .html), for naming places in it. */
  view?: SourceView;
  /** Set while crossing threads: the model's tables as JSON (core/desk/slim.ts), given back on arrival. */
  packedTables?: string;
  /**
   * The model's tables stayed in the worker that checked it (worker.ts): the pool asks for those the run
   * needs before it ends; reading `model.tables` of one never asked for is a bug, and throws.
   */
  tablesHeld?: boolean;
  /** Set while the run has it to store (check/cached.ts): the result cache's key and entry of this outcome. */
  cacheKey?: string;
  cacheEntry?: Uint8Array;
}

export interface Failed {
  path: string;
  error: string;
}

export type Outcome = Checked | Failed;

export function isFailed(o: Outcome): o is Failed {
  return 'error' in o;
}

/**
 * Whether a text report's outcome keeps its tables (true), or has them parsed again from its text when read
 * (false, see tablesFromText); asked once per report as it is checked, with its slim model still without tables.
 */
export type KeepTables = (facts: ReportModel) => boolean;

/**
 * Checks a file already read. Without `keep`, every outcome keeps its tables. With `cache`, a source read with
 * its digest gives its outcome's entry for the result cache too (check/cached.ts).
 */
export function analyseSource(file: string, src: Source, options: PlainOptions, keep?: KeepTables, cache = false): Checked {
  const { text, format, view } = src;
  const entry = (model: ReportModel, findings: Finding[]): Pick<Checked, 'cacheKey' | 'cacheEntry'> => {
    if (!cache || src.digest === undefined) return {};
    const bytes = encodeEntry(format, model, findings, text, options, view);
    return bytes ? { cacheKey: entryKey(src.digest, file, options), cacheEntry: bytes } : {};
  };
  if (view) {
    const { model, findings } = checkView(view, options);
    return { path: file, text: overLimit(text, options.maxSize) ? '' : text, format, model: slimModel(model), findings, view, ...entry(model, findings) };
  }
  if (overLimit(text, options.maxSize)) {
    const { model, findings } = checkText(text, options);
    return { path: file, text: '', format, model, findings };
  }
  const lines = splitLines(text);
  const model = parseLines(text, lines);
  const findings = runChecks(model, lines, options);
  return { path: file, text, format, model: keep ? keptOrOnDemand(model, text, keep) : slimModel(model), findings, ...entry(model, findings) };
}

function keptOrOnDemand(model: ReportModel, text: string, keep: KeepTables): ReportModel {
  const facts = slimFacts(model);
  if (!keep(facts)) return tablesFromText(facts, text);
  facts.tables = slimTables(model.tables);
  return facts;
}

/**
 * A text report's slim model whose tables are parsed again from its text on first read, then kept.
 *
 * Why: a folder's outcomes stay in memory to the end of the run, and a report's tables are most of what one
 * weighs (≈ 70 KB of cell, row and range objects, against 5 KB of text), while few are read again (the pairs
 * across years; a roster's reports and the HTML and CSV pages keep them all, see PoolOptions.tablesFor).
 * Keeping them all made V8 copy and mark them again and again: on 2,000 reports a tenth of the run's CPU.
 * Parsing is a pure function of the text, so the tables read later are the ones the check saw; a parse again
 * costs a third of a (cold) check, which is why the run keeps at once the tables it expects to read (KeepTables).
 */
export function tablesFromText(model: ReportModel, text: string): ReportModel {
  const settle = (tables: ReportModel['tables']) => {
    Object.defineProperty(model, 'tables', { value: tables, enumerable: true, configurable: true, writable: true });
    return tables;
  };
  Object.defineProperty(model, 'tables', {
    enumerable: true,
    configurable: true,
    get: () => settle(slimTables(parseLines(text, splitLines(text)).tables)),
    set: settle,
  });
  return model;
}

export function failure(file: string, e: unknown): Failed {
  return { path: file, error: e instanceof UnreadableFile || e instanceof Error ? e.message : String(e) };
}

/**
 * Reads a job's file within its size limit — a stat refuses a file too large before it is read, so it never
 * reaches memory — and never rejects (what went wrong is the value).
 */
export function readJob(job: Job, options: readonly PlainOptions[], digest = false): Promise<Source | Error> {
  return readSource(job.path, readLimit(options[job.options]!.maxSize), digest).catch(asError);
}

/** As readJob, at once for a text file; undefined for an original (read it with readJob). */
export function readJobSync(job: Job, options: readonly PlainOptions[], digest = false): Source | Error | undefined {
  try {
    return readTextSourceSync(job.path, readLimit(options[job.options]!.maxSize), digest);
  } catch (e) {
    return asError(e);
  }
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

/** What checking a job gives, from what reading it gave; never throws. */
export function outcomeOf(job: Job, read: Source | Error, options: readonly PlainOptions[], keep?: KeepTables, cache = false): Outcome {
  const o = options[job.options]!;
  if (read instanceof FileTooLarge) {
    const { model, findings } = fileTooLarge(read.size, read.limit, !sourceKind(job.path), o);
    return { path: job.path, text: '', format: 'unread', model, findings };
  }
  if (read instanceof Error) return failure(job.path, read);
  try {
    return analyseSource(job.path, read, o, keep, cache);
  } catch (e) {
    return failure(job.path, e);
  }
}
