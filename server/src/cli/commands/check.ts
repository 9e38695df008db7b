/** `govreport check`: reports in files and folders, with findings as text, JSON or SARIF. */
import * as path from 'node:path';
import type { Finding, PreviousReport } from '../../core/checks/types';
import type { ReportModel } from '../../core/model';
import { checkOptions, readLimit } from '../../core/options';
import { parseLines, parseReport } from '../../core/parse/index';
import { checkText, fileTooLarge, overLimit, runChecks } from '../../core/service';
import type { Settings, SettingsProblem } from '../../core/settings';
import { type Line, splitLines } from '../../core/text/lines';
import { placeOf } from '../../core/source/place';
import type { SourceView } from '../../core/source/types';
import { collectFiles, FileTooLarge, UnreadableFile } from '../../node/files';
import { readReport, sourceKind } from '../../node/sources';
import type { Args } from '../args';
import { err, out } from '../io';
import { readConfigOption, settingsFor } from '../load';
import { toSarif } from '../sarif';
import { type FileResult, formatText, summaryLine } from '../text';

interface Loaded {
  path: string;
  text: string;
  /** The text's lines; null when it is too large to check. */
  lines: Line[] | null;
  model: ReportModel;
  settings: Settings;
  problems: SettingsProblem[];
  /** The original's text view (a .docx, .pdf or .html). */
  view?: SourceView;
  /** Set when the file was not read for its size on disk. */
  refused?: FileTooLarge;
}

/** Said of a file read as Big5: the checker reads simplified Chinese, so a traditional text is rarely recognised. */
const BIG5_NOTE = {
  zh: '按 Big5（繁体中文）编码读取；本工具按简体中文的栏目和表格名称识别报告，繁体文本多半无法识别',
  en: 'read as Big5 (traditional Chinese); reports are recognised by their simplified-Chinese headings and labels, so a traditional text is rarely recognised',
};

/** Normalised agency name, for pairing a report with last year's. */
function agencyKey(m: ReportModel): string | null {
  return m.agency ? m.agency.replace(/\s+/g, '') : null;
}

export async function check(args: Args, version: string): Promise<number> {
  const override = await readConfigOption(args.config);
  const { files, missing } = await collectFiles(args.paths);
  const unreadable: UnreadableFile[] = [...missing];
  const loaded: Loaded[] = [];
  for (const file of files) {
    let settings: Settings | undefined;
    let problems: SettingsProblem[] = [];
    try {
      ({ settings, problems } = settingsFor(file, override));
      // A stat decides before reading: a file too large is not read into memory at all.
      const { text, view, encoding } = await readReport(file, readLimit(settings));
      if (encoding === 'big5') err(`govreport: ${file}: ${BIG5_NOTE[args.locale === 'en' ? 'en' : 'zh']}\n`);
      // Parsed once: the model pairs reports across years here and is checked below.
      const lines = overLimit(text, settings.maxFileSize) ? null : splitLines(text);
      const model = lines ? parseLines(text, lines, undefined, view?.grids) : parseReport('');
      loaded.push({ path: file, text, lines, model, settings, problems, ...(view ? { view } : {}) });
    } catch (e) {
      if (e instanceof FileTooLarge && settings) {
        loaded.push({ path: file, text: '', lines: null, model: parseReport(''), settings, problems, refused: e });
        continue;
      }
      unreadable.push(e instanceof UnreadableFile ? e : new UnreadableFile(file, (e as Error).message));
    }
  }
  // Last year's report of the same agency among the inputs, for R9.
  const byAgencyYear = new Map<string, Loaded>();
  for (const l of loaded) {
    const a = agencyKey(l.model);
    if (a && l.model.year) byAgencyYear.set(`${a}|${l.model.year}`, l);
  }
  const results: FileResult[] = [];
  const configProblems = new Set<string>();
  for (const l of loaded) {
    for (const p of l.problems) configProblems.add(p.message);
    const a = agencyKey(l.model);
    const prevLoaded = a && l.model.year ? byAgencyYear.get(`${a}|${l.model.year - 1}`) : undefined;
    const previous: PreviousReport | undefined = prevLoaded
      ? {
        model: prevLoaded.model,
        uri: prevLoaded.path,
        label: args.locale === 'en'
          ? `${prevLoaded.model.year} report (${path.basename(prevLoaded.path)})`
          : `${prevLoaded.model.year}年报告（${path.basename(prevLoaded.path)}）`,
      }
      : undefined;
    const options = checkOptions(l.settings, { locale: args.locale, ...(previous ? { previous } : {}) });
    if (l.view) options.source = { kind: l.view.kind, problems: l.view.problems };
    const { model, findings } = l.refused
      ? fileTooLarge(l.refused.size, l.refused.limit, !l.view && !sourceKind(l.path), options)
      : l.lines
        ? { model: l.model, findings: runChecks(l.model, l.lines, options) }
        : checkText(l.text, options);
    results.push({ path: l.path, model, findings, ...(l.view ? { view: l.view } : {}) });
  }
  for (const m of configProblems) err(`govreport: ${m}\n`);
  for (const u of unreadable) err(`govreport: ${u.path}: ${u.message}\n`);

  if (args.format === 'json') {
    const jsonFiles = results.map((r) => ({
      path: r.path,
      isReport: r.model.isReport,
      agency: r.model.agency,
      reportYear: r.model.year,
      format: r.model.format,
      expectedFormat: r.model.expectedFormat,
      sections: r.model.sections.map((s) => ({ number: s.number, title: s.heading.title.text, range: s.range })),
      ...(r.view ? { source: { kind: r.view.kind, tables: r.view.grids.length, ...(r.view.pages ? { pages: r.view.pages } : {}) } } : {}),
      diagnostics: r.findings.map((f) => diagnosticJson(f, r.view)),
    }));
    const errors = unreadable.map((u) => ({ path: u.path, error: u.message }));
    out(JSON.stringify({ files: jsonFiles, ...(errors.length ? { errors } : {}) }, null, 2) + '\n');
  } else if (args.format === 'sarif') {
    out(JSON.stringify(toSarif(results, args.locale, version, process.cwd()), null, 2) + '\n');
  } else {
    out(formatText(results, args.locale, args.color));
    out(summaryLine(results, unreadable.length, args.locale) + '\n');
  }
  if (unreadable.length > 0) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
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
