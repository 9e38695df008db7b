/**
 * `govreport check`: reports in files and folders, with findings as text, JSON or SARIF. Each report is
 * checked on its own in parallel (check/pool.ts), then the checks across reports run here on what came back.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Finding, PreviousReport } from '../../core/checks/types';
import { ACROSS_YEARS, pairWithLastYear, previousLabel } from '../../core/desk/years';
import { checkOptions } from '../../core/options';
import { problemMessage } from '../../core/settings';
import { runChecks, sortFindings } from '../../core/service';
import { placeOf } from '../../core/source/place';
import type { SourceView } from '../../core/source/types';
import { splitLines } from '../../core/text/lines';
import { collectFiles, reasonIn, UnreadableFile } from '../../node/files';
import { type Args, UsageError } from '../args';
import { applyBaseline } from '../check/baseline';
import { checkDesk } from '../check/desk';
import { toCsv } from '../report/csv';
import { deskData } from '../report/desk-data';
import { toHtml } from '../report/html';
import { type Checked, isFailed, type Job, type Outcome, type PlainOptions } from '../check/analyse';
import { keepPairedSoFar } from '../check/keep';
import { checkFiles } from '../check/pool';
import { progressLine } from '../check/progress';
import { tuneTiering } from '../check/tiering';
import { saveCompileCaches, userCacheDir } from '../../node/compile-cache';
import { ResultStore } from '../../node/result-cache';
import { buildKey } from '../check/cached';
import { err, out } from '../io';
import { type LoadedSettings, readConfigOption, settingsFor } from '../load';
import { toSarif } from '../sarif';
import { type FileResult, formatText, summaryLine } from '../text';

/** Said of a file read as Big5: the checker reads simplified Chinese, so a traditional text is rarely recognised. */
const BIG5_NOTE = {
  zh: '按 Big5（繁体中文）编码读取；本工具按简体中文的栏目和表格名称识别报告，繁体文本多半无法识别',
  en: 'read as Big5 (traditional Chinese); reports are recognised by their simplified-Chinese headings and labels, so a traditional text is rarely recognised',
};

export async function check(args: Args, version: string): Promise<number> {
  tuneTiering();
  const override = await readConfigOption(args.config);
  const { files, missing } = await collectFiles(args.paths);
  const unreadable: UnreadableFile[] = [...missing];
  // Last year's reports from --previous: read and parsed like the others, compared with, never listed.
  const given = new Set(files.map((f) => path.resolve(f)));
  const earlier = args.previous.length ? await collectFiles(args.previous) : { files: [], missing: [] };
  unreadable.push(...earlier.missing);
  const previousFiles = earlier.files.filter((f) => !given.has(path.resolve(f)));

  // Settings are looked up once per folder, and each distinct set becomes one plain option set for the workers.
  const bySettings = new Map<LoadedSettings, number>();
  const optionSets: PlainOptions[] = [];
  const memo = new Map<string, LoadedSettings>();
  const configProblems = new Set<string>();
  const loadedOfJob: LoadedSettings[] = [];
  const jobs: Job[] = [...files, ...previousFiles].map((file) => {
    const loaded = settingsFor(file, override, memo);
    loadedOfJob.push(loaded);
    let i = bySettings.get(loaded);
    if (i === undefined) {
      for (const p of loaded.problems) configProblems.add(problemMessage(p, args.locale));
      const o = checkOptions(loaded.settings, { locale: args.locale });
      optionSets.push({ locale: args.locale, levels: o.levels ?? {}, maxSize: o.maxSize ?? Number.MAX_SAFE_INTEGER, ...(o.expectFormat ? { expectFormat: o.expectFormat } : {}) });
      bySettings.set(loaded, (i = optionSets.length - 1));
    }
    return { path: file, options: i };
  });

  // Which reports' tables the checks across reports and the output read: the HTML and CSV pages show every
  // report's totals and a roster compares its reports' figures, so then all; else only the pairs across years.
  const allTables = args.format === 'html' || args.format === 'csv' || loadedOfJob.some((l) => l.settings.roster.length > 0);
  const progress = progressLine(process.stderr, args.locale);
  const cache = resultCache(args);
  const outcomes = await checkFiles(jobs, optionSets, {
    ...(cache ? { cache } : {}),
    progress: (d, t) => progress.update(d, t),
    ...(args.jobs !== undefined ? { workers: args.jobs } : {}),
    ...(allTables ? {} : { tablesFor: (o: readonly Outcome[]) => pairedIndices(o, files.length) }),
    // --previous is there to be paired with: its reports' and the inputs' tables are kept, all of them.
    ...(allTables || previousFiles.length ? {} : { keepTables: keepPairedSoFar() }),
  });
  progress.end();
  const optionsOf = new Map<Checked, PlainOptions>();
  const loadedOf = new Map<Checked, LoadedSettings>();
  outcomes.forEach((o, i) => {
    if (isFailed(o)) unreadable.push(new UnreadableFile(o.path, o.error));
    else {
      optionsOf.set(o, optionSets[jobs[i]!.options]!);
      loadedOf.set(o, loadedOfJob[i]!);
    }
  });
  const { checked, pairs } = yearPairs(outcomes, files.length);

  // Across years: last year's report of the same agency among the inputs or in --previous.
  for (const [c, prev] of pairs) {
    const previous: PreviousReport = {
      model: prev.model,
      lines: splitLines(prev.text),
      uri: prev.path,
      label: previousLabel(prev.model.year, path.basename(prev.path), args.locale),
    };
    const more = runChecks(c.model, splitLines(c.text), { ...optionsOf.get(c)!, only: ACROSS_YEARS, previous });
    if (more.length) c.findings = sortFindings([...c.findings, ...more]);
  }

  // Across agencies: each roster over the reports it governs.
  const desk = checkDesk(checked, (c) => loadedOf.get(c)!, args.locale);

  // Dismissed findings: --baseline, else a govreport.json's "baseline".
  const base = process.cwd();
  const baselineFile = args.baseline ?? [...new Set(checked.map((c) => loadedOf.get(c)!.settings.baseline).filter(Boolean))][0];
  const dismissal = baselineFile ? await applyBaseline(path.resolve(baselineFile), checked, base) : undefined;
  const dismissedOf = (r: FileResult) => dismissal?.dismissed.get(r as Checked)?.length ?? 0;

  const results: FileResult[] = checked;
  const all = [...results, ...desk.rosters];
  for (const m of configProblems) err(`govreport: ${m}\n`);
  for (const c of checked) if (c.format === 'big5') err(`govreport: ${c.path}: ${BIG5_NOTE[args.locale === 'en' ? 'en' : 'zh']}\n`);
  for (const u of unreadable) err(`govreport: ${u.path}: ${reasonIn(u.message, args.locale)}\n`);
  if (dismissal) {
    err(dismissal.wrote
      ? (args.locale === 'en'
        ? `govreport: wrote the baseline ${dismissal.file} with ${dismissal.entries} findings; later runs show only new ones\n`
        : `govreport：已写入基线 ${dismissal.file}（${dismissal.entries} 个问题）；以后的检查只显示新问题\n`)
      : (args.locale === 'en'
        ? `govreport: ${[...dismissal.dismissed.values()].reduce((a, f) => a + f.length, 0)} findings dismissed by the baseline ${dismissal.file}\n`
        : `govreport：基线 ${dismissal.file} 中已忽略的问题 ${[...dismissal.dismissed.values()].reduce((a, f) => a + f.length, 0)} 个，未显示\n`));
  }

  let text: string;
  if (args.format === 'json') {
    const jsonFiles = all.map((r) => ({
      path: r.path,
      isReport: r.model.isReport,
      agency: r.model.agency,
      reportYear: r.model.year,
      format: r.model.format,
      expectedFormat: r.model.expectedFormat,
      sections: r.model.sections.map((s) => ({ number: s.number, title: s.heading.title.text, range: s.range })),
      ...(r.view ? { source: { kind: r.view.kind, tables: r.view.grids.length, ...(r.view.pages ? { pages: r.view.pages } : {}) } } : {}),
      diagnostics: r.findings.map((f) => diagnosticJson(f, r.view)),
      ...(dismissedOf(r) ? { dismissed: dismissedOf(r) } : {}),
    }));
    const errors = unreadable.map((u) => ({ path: u.path, error: u.message }));
    const missingJson = desk.missing.length ? { missing: desk.missing } : {};
    text = JSON.stringify({ files: jsonFiles, ...(errors.length ? { errors } : {}), ...missingJson }, null, 2) + '\n';
  } else if (args.format === 'sarif') {
    const suppressed = dismissal ? [...dismissal.dismissed].map(([c, findings]) => ({ path: c.path, findings })) : [];
    text = JSON.stringify(toSarif(all, args.locale, version, base, suppressed), null, 2) + '\n';
  } else if (args.format === 'html' || args.format === 'csv') {
    const data = deskData(results, unreadable, desk.missing, dismissedOf, args.locale, base);
    text = args.format === 'html' ? toHtml(data) : toCsv(data);
  } else {
    text = formatText(results, args.locale, args.color) + formatText(desk.rosters, args.locale, args.color, false)
      + summaryLine(results, unreadable.length, args.locale) + '\n';
    if (desk.missing.length) {
      text += args.locale === 'en'
        ? `${desk.missing.length} agencies in the roster have no report of the year\n`
        : `名单中有 ${desk.missing.length} 个机关没有本年度报告\n`;
    }
  }
  if (args.output) {
    try {
      writeFileSync(args.output, text);
    } catch (e) {
      throw new UsageError(`cannot write --output ${args.output}: ${(e as Error).message}`);
    }
  } else out(text);
  // The code this run compiled, kept for the next run's start (once per version: node/compile-cache.ts), and
  // the outcomes it checked, for the next run over the same files (node/result-cache.ts).
  if (checked.length > 0) saveCompileCaches();
  cache?.save();
  if (unreadable.length > 0) return 2;
  return all.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

/**
 * The result cache of this build, unless turned off (--no-cache, GOVREPORT_NO_CACHE=1) or not run from the
 * bundles (check/cached.ts, buildKey).
 */
function resultCache(args: Args): ResultStore | undefined {
  if (!args.cache || process.env.GOVREPORT_NO_CACHE === '1') return undefined;
  const build = buildKey();
  return build ? ResultStore.open(userCacheDir(), build) : undefined;
}

function diagnosticJson(f: Finding, view: SourceView | undefined): Record<string, unknown> {
  const o: Record<string, unknown> = { code: f.code, severity: f.severity, message: f.message, range: f.range };
  const original = view ? placeOf(view, f.range) : undefined;
  if (original) o.original = original;
  if (f.fix) o.fix = f.fix;
  if (f.related?.length) o.related = f.related;
  if (f.data) o.data = f.data;
  return o;
}

/**
 * The reports checked (the inputs; after them in `outcomes` come --previous's) and each one's report of last
 * year, among the inputs or --previous (paired by agency, as R9 pairs them).
 */
function yearPairs(outcomes: readonly Outcome[], inputs: number): { checked: Checked[]; pairs: Map<Checked, Checked> } {
  const checked: Checked[] = [];
  const lastYears: Checked[] = [];
  outcomes.forEach((o, i) => {
    if (!isFailed(o)) (i < inputs ? checked : lastYears).push(o);
  });
  return { checked, pairs: pairWithLastYear(checked, [...checked, ...lastYears], (c) => c.model) };
}

/** The outcomes whose tables the checks across years read: both reports of each pair. */
function pairedIndices(outcomes: readonly Outcome[], inputs: number): number[] {
  const index = new Map<Outcome, number>(outcomes.map((o, i) => [o, i]));
  const out: number[] = [];
  for (const [c, prev] of yearPairs(outcomes, inputs).pairs) out.push(index.get(c)!, index.get(prev)!);
  return out;
}
