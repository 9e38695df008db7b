/**
 * Baselines: findings a reviewer has looked at and dismissed, kept in a file, so a re-run shows only what is
 * new. A finding is known by a fingerprint of what it says, not where: the agency, the year, the code, the
 * table, row and column, the numbers, and the words at fault — never a line number, so it survives lines
 * moving and the report being extracted again from its original. Two findings alike in all of that are told
 * apart by their order.
 */
import type { Finding } from '../checks/types';
import type { ReportModel } from '../model';
import type { Line } from '../text/lines';
import { normalize } from '../text/normalize';
import { agencyKey } from './agency';

export const BASELINE_VERSION = 1;
/** A baseline file larger than this is refused (a baseline of a thousand reports is a few MB). */
export const MAX_BASELINE_BYTES = 20_000_000;
/** The words at fault count only when short: a number, a label, a title (a long range is a whole passage). */
const MAX_SNIPPET = 40;

/** The facts of a finding's data that identify it: where in the tables, and the numbers. */
const IDENTITY = ['table', 'row', 'column', 'section', 'block', 'key', 'kind', 'problem', 'rows', 'columns', 'expected', 'actual', 'prose', 'agency', 'year', 'written'];

export interface BaselineEntry {
  fingerprint: string;
  code: string;
  agency: string | null;
  year: number | null;
  /** The file it was found in when dismissed (for people reading the baseline; not part of the identity). */
  file?: string;
  message: string;
}

export interface Baseline {
  version: number;
  tool: 'govreport';
  findings: BaselineEntry[];
}

/** 64-bit FNV-1a of a string, as 16 hex digits (pure, fast, stable across versions of Node). */
function hash(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ (c >>> 4) ^ (h1 & 0xff), 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

function snippet(f: Finding, lines: readonly Line[] | undefined): string {
  const r = f.range;
  if (!lines || r.start.line !== r.end.line) return '';
  const text = lines[r.start.line]?.text.slice(r.start.character, r.end.character) ?? '';
  const n = normalize(text).replace(/\s+/g, '');
  return n.length <= MAX_SNIPPET ? n : '';
}

function facts(f: Finding): unknown[] {
  const d = f.data ?? {};
  return IDENTITY.filter((k) => k in d).map((k) => [k, d[k]]);
}

/** Fingerprints of a report's findings, in order. */
export function fingerprints(findings: readonly Finding[], model: Pick<ReportModel, 'agency' | 'year'>, lines: readonly Line[] | undefined, fallbackName = ''): string[] {
  const who = model.agency ? agencyKey(model.agency) : fallbackName;
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = hash(JSON.stringify([who, model.year, f.code, facts(f), snippet(f, lines)]));
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}-${n}`;
  });
}

export function baselineOf(entries: BaselineEntry[]): Baseline {
  return { version: BASELINE_VERSION, tool: 'govreport', findings: entries };
}

/** Reads a baseline file's JSON; throws with a message naming what is wrong. */
export function parseBaseline(text: string): Baseline {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new Error(`not valid JSON (${(e as Error).message})`);
  }
  const o = json as Partial<Baseline> | null;
  if (!o || typeof o !== 'object' || !Array.isArray(o.findings)) throw new Error('not a GovReport baseline (no "findings" list)');
  if (o.version !== BASELINE_VERSION) throw new Error(`baseline version ${String(o.version)}; this GovReport reads version ${BASELINE_VERSION}`);
  const findings = o.findings.filter((e): e is BaselineEntry => !!e && typeof e === 'object' && typeof (e as BaselineEntry).fingerprint === 'string');
  return baselineOf(findings);
}

/** The set of dismissed fingerprints. */
export function dismissed(b: Baseline): Set<string> {
  return new Set(b.findings.map((e) => e.fingerprint));
}
