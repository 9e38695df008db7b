/**
 * Which report of the workspace is which agency's report of which year, for R9 (carried over from last
 * year). The workspace folders are walked once in the background at start-up (bounded in files, folders,
 * depth, bytes and time, and cancellable), then kept current from file events inside them and open documents;
 * checking a report looks its predecessor up in a map, never on disk by scanning.
 */
import { promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PreviousReport } from '../core/checks/types';
import { agencyKey, sameAgency } from '../core/desk/agency';
import type { ReportModel } from '../core/model';
import { parseLines } from '../core/parse/index';
import { type Line, splitLines } from '../core/text/lines';
import { decode, readFileBytes, readFileBytesSync } from '../node/files';
import type { Workspace } from './workspace';
import { fileNameOf } from './uri-name';

const REPORT_FILE = /\.(txt|md|markdown|govreport)$/i;

/** Whether a path or URI names a report text file (the kinds the workspace check and the index read). */
export function isReportFile(name: string): boolean {
  return REPORT_FILE.test(name);
}
const SKIP = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test', '.e2e-tools']);
/** A report file larger than this is not read for the index. */
const MAX_SIZE = 2_000_000;

/**
 * How far the background walk of the workspace goes: a workspace may be a home folder or "/", and the index
 * only serves R9 (last year's report). Past any of these the walk stops and says so once.
 */
export const INDEX_LIMITS: Readonly<IndexLimits> = { files: 2000, folders: 5000, depth: 12, bytes: 64 * 1024 * 1024, ms: 10_000 };

export interface IndexLimits {
  files: number;
  folders: number;
  depth: number;
  bytes: number;
  ms: number;
}

/** What a walk did, and why it stopped early if it did. */
export interface ScanResult {
  files: number;
  folders: number;
  bytes: number;
  ms: number;
  stopped?: 'files' | 'folders' | 'bytes' | 'time' | 'cancelled';
}

const STOP_ZH: Readonly<Record<NonNullable<ScanResult['stopped']>, string>> = {
  files: '报告文件数', folders: '文件夹数', bytes: '读取字节数', time: '用时', cancelled: '已取消',
};

/** What the log says when a walk stopped at a limit: where, what it had read, and what that means for R9. */
export function describeStop(r: ScanResult, locale: 'zh' | 'en'): string {
  const kb = Math.round(r.bytes / 1024);
  const s = (r.ms / 1000).toFixed(1);
  return locale === 'en'
    ? `govreport: the workspace index stopped at its limit of ${r.stopped} (${r.files} report files, ${r.folders} folders, ${kb} KB in ${s} s); last year's report (R9) may not be found for some reports`
    : `govreport：工作区索引达到${STOP_ZH[r.stopped!]}上限后停止（已读 ${r.files} 个报告文件、${r.folders} 个文件夹、${kb} KB，用时 ${s} 秒）；部分报告可能找不到上一年度的报告（R9）`;
}

interface Entry {
  key: string | null;
  /** The agency as written, for pairing names written a little differently (core/desk/agency.ts). */
  agency?: string;
}

/** A document's open analysis: its model and lines. */
export type OpenReport = { model: ReportModel; lines?: readonly Line[] };

export function reportKey(model: ReportModel, yearOffset = 0): string | null {
  if (!model.isReport || !model.agency || !model.year) return null;
  return `${agencyKey(model.agency)}|${model.year + yearOffset}`;
}

function entryOf(model: ReportModel): Entry {
  const key = reportKey(model);
  return key ? { key, agency: model.agency! } : { key: null };
}

/** Whether an entry is the same agency's report of the year in `key` (exact key, or the name with places in front). */
function matches(e: Entry, key: string, agency: string): boolean {
  if (!e.key) return false;
  if (e.key === key) return true;
  return e.key.slice(e.key.lastIndexOf('|')) === key.slice(key.lastIndexOf('|')) && sameAgency(e.agency!, agency);
}

export class ReportIndex {
  constructor(private readonly workspace: Workspace) {}

  private readonly entries = new Map<string, Entry>();
  private readonly loaded = new Map<string, { mtimeMs: number; model: ReportModel; lines: Line[] }>();
  private scanning: Promise<void> | undefined;
  /** Re-reads of changed files, one after the other. */
  private rereads: Promise<void> = Promise.resolve();

  /**
   * Walks the folders in the background, within INDEX_LIMITS; `signal` stops it (a new walk, shutdown).
   * Links are not followed: only what lies in the folders is read.
   */
  scan(folders: readonly string[], signal?: AbortSignal, limits: Readonly<IndexLimits> = INDEX_LIMITS): Promise<ScanResult> {
    const started = Date.now();
    const r: ScanResult = { files: 0, folders: 0, bytes: 0, ms: 0 };
    const stop = (): boolean => {
      if (r.stopped) return true;
      if (signal?.aborted) r.stopped = 'cancelled';
      else if (r.files >= limits.files) r.stopped = 'files';
      else if (r.folders >= limits.folders) r.stopped = 'folders';
      else if (r.bytes >= limits.bytes) r.stopped = 'bytes';
      else if (Date.now() - started > limits.ms) r.stopped = 'time';
      return r.stopped !== undefined;
    };
    const walk = async (dir: string, depth: number): Promise<void> => {
      if (depth > limits.depth || stop()) return;
      r.folders++;
      let items;
      try {
        items = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of items) {
        if (stop()) return;
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!SKIP.has(e.name) && !e.name.startsWith('.')) await walk(p, depth + 1);
        } else if (e.isFile() && REPORT_FILE.test(e.name)) {
          r.files++;
          r.bytes += await this.indexFile(p);
        }
      }
    };
    const scanning = (async () => {
      for (const f of folders) await walk(f, 0);
      r.ms = Date.now() - started;
      return r;
    })();
    this.scanning = scanning.then(() => undefined);
    return scanning;
  }

  /** Reads one file into the index (from `real`, its real path, when known); the bytes read. */
  private async indexFile(file: string, real = file): Promise<number> {
    try {
      const bytes = await readFileBytes(real, MAX_SIZE);
      const { text } = decode(bytes, file);
      const uri = pathToFileURL(file).toString();
      if (!this.entries.has(uri)) this.entries.set(uri, entryOf(parseLines(text, splitLines(text)))); // an open document may have got there first
      return bytes.length;
    } catch {
      return 0; // unreadable files are not reports
    }
  }

  /** An open document's current model. */
  update(uri: string, model: ReportModel): void {
    this.entries.set(uri, entryOf(model));
  }

  /**
   * A file changed or appeared on disk (or an open document was closed): read again if in the workspace. The
   * reads are queued, one at a time, so a flood of file events cannot occupy every file thread.
   */
  fileChanged(uri: string): Promise<void> {
    this.loaded.delete(uri);
    if (!uri.startsWith('file:') || !REPORT_FILE.test(uri)) return Promise.resolve();
    this.entries.delete(uri);
    this.rereads = this.rereads.then(async () => {
      const file = await this.workspace.inside(uri);
      if (file && !this.entries.has(uri)) await this.indexFile(fileURLToPath(uri), file);
    });
    return this.rereads;
  }

  fileDeleted(uri: string): void {
    this.entries.delete(uri);
    this.loaded.delete(uri);
  }

  /** Open documents whose predecessor is this report (so their R9 findings follow its edits). */
  successorsOf(model: ReportModel, candidates: Iterable<string>): string[] {
    const next = reportKey(model, 1);
    if (!next) return [];
    return [...candidates].filter((u) => {
      const e = this.entries.get(u);
      return e !== undefined && matches(e, next, model.agency!);
    });
  }

  /**
   * Last year's report of the same agency: an open document's model if open (via `openModel`), else the
   * file read from disk (cached by modification time).
   */
  previousFor(uri: string, model: ReportModel, openModel: (uri: string) => OpenReport | undefined): PreviousReport | undefined {
    const want = reportKey(model, -1);
    if (!want) return undefined;
    // The same key first; else the one report of last year whose agency is this one written differently.
    let found: string | undefined;
    for (const [other, e] of this.entries) if (other !== uri && e.key === want) found ??= other;
    if (!found) {
      const near = [...this.entries].filter(([other, e]) => other !== uri && matches(e, want, model.agency!));
      if (near.length === 1) found = near[0]![0];
    }
    if (!found) return undefined;
    const m = openModel(found) ?? this.load(found);
    if (!m) return undefined;
    const name = fileNameOf(found);
    return { model: m.model, ...(m.lines ? { lines: m.lines } : {}), uri: found, label: `${m.model.year}年报告（${name}）` };
  }

  /** A report of the index read from disk: only files the walk or the workspace check let in are entries. */
  private load(uri: string): OpenReport | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      const file = fileURLToPath(uri);
      const st = statSync(file);
      if (!st.isFile() || st.size > MAX_SIZE) return undefined;
      const hit = this.loaded.get(uri);
      if (hit && hit.mtimeMs === st.mtimeMs) return hit;
      // Read without blocking: the file may have become a FIFO since it was indexed.
      const text = decode(readFileBytesSync(file, MAX_SIZE), file).text;
      const lines = splitLines(text);
      const entry = { mtimeMs: st.mtimeMs, model: parseLines(text, lines), lines };
      this.loaded.set(uri, entry);
      if (this.loaded.size > 50) this.loaded.delete(this.loaded.keys().next().value!);
      return entry;
    } catch {
      return undefined;
    }
  }

  get ready(): Promise<void> {
    return this.scanning ?? Promise.resolve();
  }
}
