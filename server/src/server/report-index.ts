/**
 * Which report of the workspace is which agency's report of which year, for R9 (carried over from last
 * year). The workspace is walked once in the background at start-up (bounded), then kept current from file
 * events and open documents; checking a report looks its predecessor up in a map, never on disk by scanning.
 */
import { promises as fs, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PreviousReport } from '../core/checks/types';
import { agencyKey, sameAgency } from '../core/desk/agency';
import type { ReportModel } from '../core/model';
import { parseLines } from '../core/parse/index';
import { type Line, splitLines } from '../core/text/lines';
import { decode, readFileBytes } from '../node/files';

const REPORT_FILE = /\.(txt|md|markdown|govreport)$/i;
const SKIP = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test', '.e2e-tools']);
const MAX_FILES = 5000;
const MAX_SIZE = 2_000_000;

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
  private readonly entries = new Map<string, Entry>();
  private readonly loaded = new Map<string, { mtimeMs: number; model: ReportModel; lines: Line[] }>();
  private scanning: Promise<void> | undefined;

  /** Walks the folders in the background. */
  scan(folders: string[]): Promise<void> {
    this.scanning = (async () => {
      let count = 0;
      const walk = async (dir: string, depth: number): Promise<void> => {
        if (depth > 12 || count >= MAX_FILES) return;
        let items;
        try {
          items = await fs.readdir(dir, { withFileTypes: true });
        } catch {
          return;
        }
        for (const e of items) {
          if (count >= MAX_FILES) return;
          const p = path.join(dir, e.name);
          if (e.isDirectory()) {
            if (!SKIP.has(e.name) && !e.name.startsWith('.')) await walk(p, depth + 1);
          } else if (e.isFile() && REPORT_FILE.test(e.name)) {
            count++;
            await this.indexFile(p);
          }
        }
      };
      for (const f of folders) await walk(f, 0);
    })();
    return this.scanning;
  }

  private async indexFile(file: string): Promise<void> {
    try {
      const { text } = decode(await readFileBytes(file, MAX_SIZE), file);
      const uri = pathToFileURL(file).toString();
      if (this.entries.has(uri)) return; // an open document got there first
      this.entries.set(uri, entryOf(parseLines(text, splitLines(text))));
    } catch {
      // unreadable files are not reports
    }
  }

  /** An open document's current model. */
  update(uri: string, model: ReportModel): void {
    this.entries.set(uri, entryOf(model));
  }

  /** A file changed or appeared on disk. */
  async fileChanged(uri: string): Promise<void> {
    this.loaded.delete(uri);
    if (!uri.startsWith('file:') || !REPORT_FILE.test(uri)) return;
    this.entries.delete(uri);
    await this.indexFile(fileURLToPath(uri));
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
    const name = decodeURIComponent(found.slice(found.lastIndexOf('/') + 1));
    return { model: m.model, ...(m.lines ? { lines: m.lines } : {}), uri: found, label: `${m.model.year}年报告（${name}）` };
  }

  private load(uri: string): OpenReport | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      const file = fileURLToPath(uri);
      const st = statSync(file);
      if (!st.isFile() || st.size > MAX_SIZE) return undefined;
      const hit = this.loaded.get(uri);
      if (hit && hit.mtimeMs === st.mtimeMs) return hit;
      const text = decode(readFileSync(file), file).text;
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
