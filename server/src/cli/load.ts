/** What every CLI command needs before checking: the settings of each report (its govreport.json or --config). */
import * as path from 'node:path';
import { readLimit } from '../core/options';
import { overLimit } from '../core/service';
import { mergeSettings, readSettings, type Settings, type SettingsProblem } from '../core/settings';
import { findConfigSync, MAX_CONFIG_BYTES, parseConfig } from '../node/config';
import { collectFiles, decode, readFileBytes, reasonIn } from '../node/files';
import { readReport, type ReportText } from '../node/sources';
import { type Args, UsageError } from './args';
import { err } from './io';

export type LoadedSettings = {
  settings: Settings;
  problems: SettingsProblem[];
  /** The govreport.json (or --config file) they come from, where a roster's entries are. */
  source?: string;
  /** That file's text, as it was read once (a roster's findings point into it). */
  text?: string;
};

/**
 * The settings of a report: --config when given, else the nearest govreport.json above it, over the defaults.
 * With a memo, each folder is looked up once (a folder of reports shares one result object).
 */
export function settingsFor(file: string, override: LoadedSettings | undefined, memo?: Map<string, LoadedSettings>): LoadedSettings {
  if (override) return override;
  const dir = path.dirname(path.resolve(file));
  const hit = memo?.get(dir);
  if (hit) return hit;
  const loaded = lookup(dir);
  memo?.set(dir, loaded);
  return loaded;
}

function lookup(dir: string): LoadedSettings {
  const cfg = findConfigSync(dir);
  const base = readSettings(undefined).settings;
  if (!cfg) return { settings: base, problems: [] };
  return { settings: mergeSettings(base, cfg.settings, cfg.keys), problems: cfg.problems, source: cfg.path, text: cfg.text };
}

/** The settings of --config FILE (JSON with comments and trailing commas); a file that cannot be read is a usage error. */
export async function readConfigOption(file: string | undefined): Promise<LoadedSettings | undefined> {
  if (!file) return undefined;
  let text: string;
  try {
    text = decode(await readFileBytes(file, MAX_CONFIG_BYTES), file).text;
  } catch (err) {
    const why = (err as Error).message;
    throw new UsageError(`无法读取 --config ${file}：${reasonIn(why, 'zh')}`, `cannot read --config ${file}: ${why}`);
  }
  const cfg = parseConfig(file, text);
  const syntax = cfg.problems.find((p) => p.key === '' && p.line !== undefined && cfg.keys.length === 0 && p.id.startsWith('syntax|'));
  if (syntax) throw new UsageError(syntax.message, syntax.en);
  return { settings: mergeSettings(readSettings(undefined).settings, cfg.settings, cfg.keys), problems: cfg.problems, source: file, text: cfg.text };
}

/**
 * The one report a command that reads a single file (parse, text) is given, read within the limits check
 * applies: only a regular file, refused by a stat when over maxFileSize × 3 bytes, and by its length once read.
 * Undefined when it cannot be read, after saying why on stderr in the run's language.
 */
export async function readOneReport(args: Args): Promise<(ReportText & { file: string }) | undefined> {
  const given = args.paths[0]!;
  const en = args.locale === 'en';
  const { files, missing } = await collectFiles([given]);
  if (missing.length || files.length === 0) {
    err(`govreport: ${given}: ${missing[0] ? reasonIn(missing[0].message, args.locale) : en ? 'no report file there' : '这里没有报告文件'}\n`);
    return undefined;
  }
  const file = files[0]!;
  const override = await readConfigOption(args.config);
  try {
    const { settings } = settingsFor(file, override);
    const report = await readReport(file, readLimit(settings.maxFileSize));
    if (overLimit(report.text, settings.maxFileSize)) {
      err(en
        ? `govreport: ${given}: too large to read (${report.text.length} characters; the limit is maxFileSize, ${settings.maxFileSize} characters and a twentieth as many lines)\n`
        : `govreport: ${given}：文件过大，未读取（${report.text.length} 字符；上限为设置 maxFileSize ${settings.maxFileSize} 字符，行数为其二十分之一）\n`);
      return undefined;
    }
    return { ...report, file };
  } catch (e) {
    err(`govreport: ${given}: ${reasonIn((e as Error).message, args.locale)}\n`);
    return undefined;
  }
}
