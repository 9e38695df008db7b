/**
 * --baseline FILE (and govreport.json's "baseline"): findings dismissed by a reviewer. A baseline that does
 * not exist yet is written from this run (everything found now is dismissed); one that exists is read, and
 * the findings it holds are marked dismissed: not shown in text, JSON, HTML or CSV, and suppressed in SARIF.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { type BaselineEntry, baselineOf, dismissed, fingerprints, MAX_BASELINE_BYTES, parseBaseline } from '../../core/desk/baseline';
import type { Finding } from '../../core/checks/types';
import { splitLines } from '../../core/text/lines';
import { decode, readFileBytes } from '../../node/files';
import { UsageError } from '../args';
import type { Checked } from './analyse';

export interface Dismissal {
  /** Findings the baseline holds, per report (taken out of its findings). */
  dismissed: Map<Checked, Finding[]>;
  /** Whether this run wrote the baseline. */
  wrote: boolean;
  file: string;
  entries: number;
}

function fingerprintsOf(c: Checked): string[] {
  return fingerprints(c.findings, c.model, c.text ? splitLines(c.text) : undefined, path.basename(c.path));
}

export async function readBaselineFile(file: string): Promise<Set<string>> {
  let text: string;
  try {
    text = decode(await readFileBytes(file, MAX_BASELINE_BYTES), file).text;
  } catch (e) {
    throw new UsageError(`cannot read --baseline ${file}: ${(e as Error).message}`);
  }
  try {
    return dismissed(parseBaseline(text));
  } catch (e) {
    throw new UsageError(`--baseline ${file}: ${(e as Error).message}`);
  }
}

/** Applies (or first writes) a baseline to the checked reports; their findings keep only what is new. */
export async function applyBaseline(file: string, checked: Checked[], base: string): Promise<Dismissal> {
  const out: Dismissal = { dismissed: new Map(), wrote: false, file, entries: 0 };
  if (!existsSync(file)) {
    const entries: BaselineEntry[] = [];
    for (const c of checked) {
      const fps = fingerprintsOf(c);
      c.findings.forEach((f, i) => entries.push({
        fingerprint: fps[i]!, code: f.code, agency: c.model.agency, year: c.model.year, file: path.relative(base, path.resolve(c.path)), message: f.message,
      }));
      if (c.findings.length) out.dismissed.set(c, c.findings);
      c.findings = [];
    }
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(baselineOf(entries), null, 2) + '\n');
    } catch (e) {
      throw new UsageError(`cannot write --baseline ${file}: ${(e as Error).message}`);
    }
    return { ...out, wrote: true, entries: entries.length };
  }
  const known = await readBaselineFile(file);
  out.entries = known.size;
  for (const c of checked) {
    const fps = fingerprintsOf(c);
    const keep: Finding[] = [];
    const gone: Finding[] = [];
    c.findings.forEach((f, i) => (known.has(fps[i]!) ? gone : keep).push(f));
    if (gone.length) out.dismissed.set(c, gone);
    c.findings = keep;
  }
  return out;
}
