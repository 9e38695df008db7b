/**
 * The checks across agencies for a folder: each roster (a govreport.json's "roster") over the reports it
 * governs — report-missing at the roster's entries, hierarchy-sum on the summary reports. The year under review
 * is the latest report year among those reports.
 */
import * as path from 'node:path';
import type { Finding, Locale } from '../../core/checks/types';
import { hierarchyFindings } from '../../core/desk/hierarchy';
import { missingFindings } from '../../core/desk/missing';
import { reportsOf, rosterAgencies, type RosterEntry } from '../../core/desk/roster';
import { parseReport } from '../../core/parse/index';
import { sortFindings } from '../../core/service';
import type { Range } from '../../core/text/lines';
import type { LoadedSettings } from '../load';
import type { FileResult } from '../text';
import type { Checked } from './analyse';

export interface Missing {
  agency: string;
  year: number;
  /** The govreport.json whose roster names it. */
  roster: string;
}

export interface DeskOutcome {
  /** The roster files with their report-missing findings. */
  rosters: FileResult[];
  missing: Missing[];
}

/** Where a name is written in the roster file: its first quoted occurrence, else the file's start. */
function locate(text: string, name: string): Range {
  const quoted = JSON.stringify(name);
  const at = text.indexOf(quoted);
  if (at < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  const character = at - (before.lastIndexOf('\n') + 1);
  return { start: { line, character }, end: { line, character: character + quoted.length } };
}

export function checkDesk(checked: readonly Checked[], settingsOf: (c: Checked) => LoadedSettings, locale: Locale): DeskOutcome {
  // Reports grouped by the roster that governs them (one govreport.json, one roster).
  const groups = new Map<readonly unknown[], { loaded: LoadedSettings; reports: Checked[] }>();
  for (const c of checked) {
    const loaded = settingsOf(c);
    const roster = loaded.settings.roster;
    if (!roster.length || !c.model.isReport) continue;
    let g = groups.get(roster);
    if (!g) groups.set(roster, (g = { loaded, reports: [] }));
    g.reports.push(c);
  }
  const rosters: FileResult[] = [];
  const missing: Missing[] = [];
  for (const [, g] of groups) {
    const year = Math.max(...g.reports.map((r) => r.model.year ?? 0));
    if (!year) continue;
    const levels = g.loaded.settings.checks;
    const agencies = rosterAgencies(g.loaded.settings.roster as RosterEntry[]);
    const thisYear = g.reports.filter((r) => r.model.year === year);
    const found = reportsOf(agencies, thisYear, (r) => r.model.agency);

    for (const entry of agencies) {
      if (!entry.summaryOf.length) continue;
      const summary = found.get(entry);
      if (!summary) continue;
      const subs = entry.summaryOf.map((name) => agencies.find((a) => a.agency === name) ?? agencies.find((a) => a.aliases.includes(name)));
      const reports = subs.map((s) => (s ? found.get(s) : undefined));
      if (reports.some((r) => !r)) continue;
      const more = hierarchyFindings(entry, { model: summary.model, uri: summary.path }, subs.map((s, i) => ({ entry: s!, report: { model: reports[i]!.model, uri: reports[i]!.path } })), locale, settingsOf(summary).settings.checks['hierarchy-sum']);
      if (more.length) summary.findings = sortFindings([...summary.findings, ...more]);
    }

    const absent = agencies.filter((a) => !found.has(a));
    // Named as the reports are: relative to the current folder when it is inside it.
    const rel = g.loaded.source ? path.relative(process.cwd(), g.loaded.source) : '';
    const file = !g.loaded.source ? 'govreport.json' : rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : g.loaded.source;
    missing.push(...absent.map((a) => ({ agency: a.agency, year, roster: file })));
    // The roster file as it was read (bounded, a regular file only), never read again here.
    const text = g.loaded.text ?? '';
    const findings: Finding[] = missingFindings(absent, year, (e) => locate(text, e.agency), locale, levels['report-missing']);
    if (findings.length) rosters.push({ path: file, model: parseReport(''), findings });
  }
  return { rosters, missing };
}
