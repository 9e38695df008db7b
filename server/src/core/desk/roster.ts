/**
 * The roster in govreport.json: the agencies that must file a report, and which report is the summary (汇总)
 * of which subordinates'. Written as names, or objects with aliases and subordinates:
 *
 *   "roster": [
 *     { "agency": "示例区人民政府", "summaryOf": ["示例区教育局", "示例区民政局"] },
 *     "示例区教育局",
 *     { "agency": "示例区民政局", "aliases": ["区民政局"] }
 *   ]
 *
 * Each entry is validated on its own: a bad one gets one message naming it and is left out; the others stay.
 */
import { AgencyIndex, agencyKey } from './agency';

export interface RosterEntry {
  agency: string;
  aliases: string[];
  /** The agencies whose reports this agency's report sums. */
  summaryOf: string[];
}

export interface RosterProblem {
  key: string;
  message: string;
}

const ENTRY_KEYS = new Set(['agency', 'aliases', 'summaryOf']);
/** A roster longer than this is not a list of agencies someone wrote. */
export const MAX_ROSTER = 5000;
/** A name longer than this is not an agency's name. */
const MAX_NAME = 100;

function nameProblem(v: unknown): string | undefined {
  if (typeof v !== 'string') return 'must be a name (a string)';
  if (!v.trim()) return 'is empty';
  if (v.length > MAX_NAME) return `is longer than ${MAX_NAME} characters`;
  if (!agencyKey(v)) return 'has no letters of a name';
  return undefined;
}


/** Reads a roster from govreport.json's value; problems name the entry (roster[2] ("示例区民政局"): …). */
export function readRoster(input: unknown, where: string): { roster: RosterEntry[]; problems: RosterProblem[] } {
  const problems: RosterProblem[] = [];
  const roster: RosterEntry[] = [];
  const bad = (key: string, message: string, name?: unknown) =>
    problems.push({ key, message: `${where}: "${key}"${typeof name === 'string' ? ` ("${name}"):` : ''} ${message}` });
  if (!Array.isArray(input)) {
    bad('roster', 'must be a list of agencies: names, or { "agency": …, "aliases": […], "summaryOf": […] }');
    return { roster, problems };
  }
  if (input.length > MAX_ROSTER) bad('roster', `has ${input.length} entries; only the first ${MAX_ROSTER} are read`);
  const seen = new Map<string, number>();
  input.slice(0, MAX_ROSTER).forEach((raw, i) => {
    const key = `roster[${i}]`;
    const entry: RosterEntry = { agency: '', aliases: [], summaryOf: [] };
    if (typeof raw === 'string') entry.agency = raw;
    else if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      const o = raw as Record<string, unknown>;
      const unknown = Object.keys(o).filter((k) => !ENTRY_KEYS.has(k));
      if (unknown.length) {
        bad(key, `unknown key "${unknown[0]}" (use agency, aliases, summaryOf)`, o.agency);
        return;
      }
      entry.agency = o.agency as string;
      for (const list of ['aliases', 'summaryOf'] as const) {
        if (o[list] === undefined) continue;
        if (!Array.isArray(o[list])) {
          bad(`${key}.${list}`, 'must be a list of names', o.agency);
          return;
        }
        for (const [j, v] of (o[list] as unknown[]).entries()) {
          const p = nameProblem(v);
          if (p) {
            bad(`${key}.${list}[${j}]`, p, o.agency);
            return;
          }
          entry[list].push(v as string);
        }
      }
    } else {
      bad(key, 'must be a name or an object with "agency"');
      return;
    }
    const p = nameProblem(entry.agency);
    if (p) {
      bad(`${key}.agency`, p);
      return;
    }
    const k = agencyKey(entry.agency);
    if (seen.has(k)) {
      bad(key, `the same agency as roster[${seen.get(k)}]`, entry.agency);
      return;
    }
    if (entry.summaryOf.some((s) => agencyKey(s) === k)) {
      bad(`${key}.summaryOf`, 'an agency cannot be the summary of itself', entry.agency);
      return;
    }
    seen.set(k, i);
    roster.push(entry);
  });
  return { roster, problems };
}

/** Every agency of a roster: its entries and the subordinates they name (a subordinate need not be listed twice). */
export function rosterAgencies(roster: readonly RosterEntry[]): RosterEntry[] {
  const out = [...roster];
  const index = new AgencyIndex<RosterEntry>();
  for (const e of roster) index.add(e.agency, e);
  for (const e of roster) {
    for (const s of e.summaryOf) {
      if (index.find(s)) continue;
      const sub = { agency: s, aliases: [], summaryOf: [] };
      out.push(sub);
      index.add(s, sub);
    }
  }
  return out;
}

/** Finds each roster agency's report among `reports` (by its name or an alias). */
export function reportsOf<T>(agencies: readonly RosterEntry[], reports: readonly T[], agencyOf: (r: T) => string | null): Map<RosterEntry, T> {
  const index = new AgencyIndex<T>();
  for (const r of reports) index.add(agencyOf(r), r);
  const out = new Map<RosterEntry, T>();
  for (const a of agencies) {
    const found = [a.agency, ...a.aliases].map((n) => index.find(n)).find((x) => x !== undefined);
    if (found !== undefined) out.set(a, found);
  }
  return out;
}
