/**
 * govreport: the command-line checker for reviewers. A thin layer over the core.
 *
 *   govreport check [--format text|json|sarif] [--locale zh|en] PATH...
 *   govreport parse --format json FILE
 *   govreport fix [--write] FILE...
 *   govreport rules [--locale zh|en]
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ALL_META } from '../core/checks/registry';
import type { Finding, Locale, PreviousReport } from '../core/checks/types';
import type { ReportModel } from '../core/model';
import { modelToJson } from '../core/model-json';
import { parseLines, parseReport } from '../core/parse/index';
import { type Line, splitLines } from '../core/text/lines';
import { checkText, fixAll, overLimit, runChecks } from '../core/service';
import { mergeSettings, readSettings, resolveLocale, type Settings, type SettingsProblem } from '../core/settings';
import { findConfigSync } from '../node/config';
import { collectFiles, readReportFile, UnreadableFile } from '../node/files';
import { toSarif } from './sarif';
import { formatText, summaryLine, type FileResult } from './text';

declare const GOVREPORT_VERSION: string | undefined;
const VERSION = typeof GOVREPORT_VERSION === 'string' ? GOVREPORT_VERSION : '0.0.0-dev';

const HELP = `govreport — 政府信息公开工作年度报告检查器 (checker for government information disclosure annual reports)

Usage:
  govreport check [--format text|json|sarif] [--locale zh|en] [--config FILE] PATH...
      Check report files and folders (folders are searched for *.txt and *.md).
      Exit status: 0 no errors, 1 a report has errors, 2 bad usage or an unreadable file.
  govreport parse --format json FILE
      Print what the checker read: sections, tables (columns, rows, values), prose numbers.
  govreport fix [--write] [--locale zh|en] FILE...
      Apply every quick fix; print the result, or with --write save it in place.
  govreport rules [--locale zh|en]
      List the check codes with their default severity.

Options:
  --format    text (default), json, or sarif (SARIF 2.1.0 for code-scanning tools)
  --locale    message language; default from LC_ALL / LC_MESSAGES / LANG (English when en*), else Chinese
  --config    a govreport.json to use instead of the one found upward from each report
  --no-color  plain text output
  -h, --help  this help;  -v, --version  the version
`;

class UsageError extends Error {}

interface Args {
  command: string;
  format: string;
  locale: Locale;
  config?: string;
  color: boolean;
  write: boolean;
  paths: string[];
}

function envLocale(): string | undefined {
  return process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || undefined;
}

function parseArgs(argv: string[]): Args | 'help' | 'version' {
  if (argv.length === 0) return 'help';
  const args: Args = {
    command: '', format: 'text', locale: resolveLocale('auto', envLocale()), color: !!process.stdout.isTTY && !process.env.NO_COLOR,
    write: false, paths: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (name: string): string => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') return 'help';
    if (a === '-v' || a === '--version') return 'version';
    if (a === '--format' || a.startsWith('--format=')) args.format = value('--format');
    else if (a === '--locale' || a.startsWith('--locale=')) {
      const l = value('--locale');
      if (l !== 'zh' && l !== 'en') throw new UsageError(`--locale must be zh or en, not "${l}"`);
      args.locale = l;
    } else if (a === '--config' || a.startsWith('--config=')) args.config = value('--config');
    else if (a === '--no-color') args.color = false;
    else if (a === '--write') args.write = true;
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else if (!args.command) args.command = a;
    else args.paths.push(a);
  }
  if (!['check', 'parse', 'fix', 'rules'].includes(args.command)) throw new UsageError(`unknown command "${args.command}" (use check, parse, fix or rules)`);
  if (args.command === 'check' && !['text', 'json', 'sarif'].includes(args.format)) throw new UsageError(`--format must be text, json or sarif, not "${args.format}"`);
  if (args.command === 'parse' && args.format !== 'json' && args.format !== 'text') throw new UsageError('parse prints JSON: --format json');
  if (args.command !== 'rules' && args.paths.length === 0) throw new UsageError(`${args.command} needs at least one file or folder`);
  if (args.command === 'parse' && args.paths.length !== 1) throw new UsageError('parse takes exactly one file');
  return args;
}

interface Loaded {
  path: string;
  text: string;
  /** The text's lines; null when it is too large to check. */
  lines: Line[] | null;
  model: ReportModel;
  settings: Settings;
  problems: SettingsProblem[];
}

function settingsFor(file: string, override: ReturnType<typeof readSettings> | undefined): { settings: Settings; problems: SettingsProblem[] } {
  if (override) return override;
  const cfg = findConfigSync(path.dirname(path.resolve(file)));
  const base = readSettings(undefined).settings;
  if (!cfg) return { settings: base, problems: [] };
  return { settings: mergeSettings(base, cfg.settings, cfg.keys), problems: cfg.problems };
}

/** Normalised agency name, for pairing a report with last year's. */
function agencyKey(m: ReportModel): string | null {
  return m.agency ? m.agency.replace(/\s+/g, '') : null;
}

async function check(args: Args): Promise<number> {
  let override: ReturnType<typeof readSettings> | undefined;
  if (args.config) {
    let text: string;
    try {
      text = await fs.readFile(args.config, 'utf8');
    } catch (err) {
      throw new UsageError(`cannot read --config ${args.config}: ${(err as Error).message}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new UsageError(`--config ${args.config} is not valid JSON: ${(err as Error).message}`);
    }
    override = readSettings(json, args.config);
  }
  const { files, missing } = await collectFiles(args.paths);
  const unreadable: UnreadableFile[] = [...missing];
  const loaded: Loaded[] = [];
  for (const file of files) {
    try {
      const { text } = await readReportFile(file);
      const { settings, problems } = settingsFor(file, override);
      // Parsed once: the model pairs reports across years here and is checked below.
      const lines = overLimit(text, settings.maxFileSize) ? null : splitLines(text);
      const model = lines ? parseLines(text, lines) : parseReport('');
      loaded.push({ path: file, text, lines, model, settings, problems });
    } catch (err) {
      unreadable.push(err instanceof UnreadableFile ? err : new UnreadableFile(file, (err as Error).message));
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
      ? { model: prevLoaded.model, uri: prevLoaded.path, label: args.locale === 'en' ? `${prevLoaded.model.year} report (${path.basename(prevLoaded.path)})` : `${prevLoaded.model.year}年报告（${path.basename(prevLoaded.path)}）` }
      : undefined;
    const options = {
      locale: args.locale,
      levels: l.settings.checks,
      maxSize: l.settings.maxFileSize,
      ...(l.settings.expectFormat !== 'auto' ? { expectFormat: l.settings.expectFormat } : {}),
      ...(previous ? { previous } : {}),
    };
    const { model, findings } = l.lines
      ? { model: l.model, findings: runChecks(l.model, l.lines, options) }
      : checkText(l.text, options);
    results.push({ path: l.path, model, findings });
  }
  for (const m of configProblems) process.stderr.write(`govreport: ${m}\n`);
  for (const u of unreadable) process.stderr.write(`govreport: ${u.path}: ${u.message}\n`);

  if (args.format === 'json') {
    const files = results.map((r) => ({
      path: r.path,
      isReport: r.model.isReport,
      agency: r.model.agency,
      reportYear: r.model.year,
      format: r.model.format,
      expectedFormat: r.model.expectedFormat,
      sections: r.model.sections.map((s) => ({ number: s.number, title: s.heading.title.text, range: s.range })),
      diagnostics: r.findings.map(diagnosticJson),
    }));
    const errors = unreadable.map((u) => ({ path: u.path, error: u.message }));
    process.stdout.write(JSON.stringify({ files, ...(errors.length ? { errors } : {}) }, null, 2) + '\n');
  } else if (args.format === 'sarif') {
    process.stdout.write(JSON.stringify(toSarif(results, args.locale, VERSION, process.cwd()), null, 2) + '\n');
  } else {
    const out = formatText(results, args.locale, args.color);
    process.stdout.write(out);
    process.stdout.write(summaryLine(results, unreadable.length, args.locale) + '\n');
  }
  if (unreadable.length > 0) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function diagnosticJson(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = { code: f.code, severity: f.severity, message: f.message, range: f.range };
  if (f.fix) out.fix = f.fix;
  if (f.related?.length) out.related = f.related;
  if (f.data) out.data = f.data;
  return out;
}

async function parse(args: Args): Promise<number> {
  const file = args.paths[0]!;
  const { files, missing } = await collectFiles([file]);
  if (missing.length || files.length === 0) {
    process.stderr.write(`govreport: ${file}: ${missing[0]?.message ?? 'no report file there'}\n`);
    return 2;
  }
  try {
    const { text, encoding } = await readReportFile(files[0]!);
    const model = parseReport(text);
    process.stdout.write(JSON.stringify({ path: files[0], encoding, ...modelToJson(model) }, null, 2) + '\n');
    return 0;
  } catch (err) {
    process.stderr.write(`govreport: ${file}: ${(err as Error).message}\n`);
    return 2;
  }
}

async function fix(args: Args): Promise<number> {
  let status = 0;
  const { files, missing } = await collectFiles(args.paths);
  for (const m of missing) {
    process.stderr.write(`govreport: ${m.path}: ${m.message}\n`);
    status = 2;
  }
  for (const file of files) {
    try {
      const { text, encoding } = await readReportFile(file);
      const { settings } = settingsFor(file, undefined);
      const fixed = fixAll(text, { locale: args.locale, levels: settings.checks });
      if (args.write) {
        if (fixed !== text) {
          if (encoding !== 'utf-8' && encoding !== 'utf-8-bom') {
            process.stderr.write(`govreport: ${file}: not written (it is ${encoding}; only UTF-8 files are rewritten)\n`);
            status = 2;
            continue;
          }
          await fs.writeFile(file, (encoding === 'utf-8-bom' ? '\uFEFF' : '') + fixed, 'utf8');
          process.stderr.write(`govreport: fixed ${file}\n`);
        }
      } else process.stdout.write(fixed);
    } catch (err) {
      process.stderr.write(`govreport: ${file}: ${(err as Error).message}\n`);
      status = 2;
    }
  }
  return status;
}

function rules(args: Args): number {
  for (const m of ALL_META) {
    const d = args.locale === 'en' ? m.description.en : m.description.zh;
    process.stdout.write(`${m.code.padEnd(24)} ${m.defaultSeverity.padEnd(12)} ${m.fixable ? 'fix ' : '    '} ${d}\n`);
  }
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`govreport: ${err.message}\nRun "govreport --help" for usage.\n`);
      return 2;
    }
    throw err;
  }
  if (args === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (args === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  try {
    switch (args.command) {
      case 'check': return await check(args);
      case 'parse': return await parse(args);
      case 'fix': return await fix(args);
      default: return rules(args);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`govreport: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`govreport: internal error: ${(err as Error).stack ?? err}\n`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
