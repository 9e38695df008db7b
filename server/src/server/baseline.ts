/**
 * The editor honours the reviewer's baseline: a govreport.json's "baseline" file (written by
 * `govreport check --baseline`) is read bounded like govreport.json, cached by its modification time, and the
 * findings it holds are not shown. A baseline that cannot be read hides nothing.
 */
import { statSync } from 'node:fs';
import type { Finding } from '../core/checks/types';
import { dismissed, fingerprints, MAX_BASELINE_BYTES, parseBaseline } from '../core/desk/baseline';
import type { ReportModel } from '../core/model';
import type { Line } from '../core/text/lines';
import { readFileBytesSync } from '../node/files';

const cache = new Map<string, { mtimeMs: number; set: Set<string> }>();

function load(file: string): Set<string> | undefined {
  try {
    const st = statSync(file);
    if (!st.isFile() || st.size > MAX_BASELINE_BYTES) return undefined;
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs) return hit.set;
    // Read without blocking (the file may have become a FIFO since the stat) and never past the limit.
    const set = dismissed(parseBaseline(readFileBytesSync(file, MAX_BASELINE_BYTES).toString('utf8')));
    cache.set(file, { mtimeMs: st.mtimeMs, set });
    return set;
  } catch {
    return undefined;
  }
}

/** The findings not in the baseline file (all of them when there is none). */
export function withoutDismissed(file: string, findings: Finding[], model: ReportModel, lines: readonly Line[], name: string): Finding[] {
  if (!file || findings.length === 0) return findings;
  const set = load(file);
  if (!set || set.size === 0) return findings;
  const fps = fingerprints(findings, model, lines, name);
  return findings.filter((_, i) => !set.has(fps[i]!));
}
