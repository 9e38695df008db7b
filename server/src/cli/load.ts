/** What every CLI command needs before checking: the settings of each report (its govreport.json or --config). */
import * as path from 'node:path';
import { mergeSettings, readSettings, type Settings, type SettingsProblem } from '../core/settings';
import { findConfigSync, MAX_CONFIG_BYTES, parseConfig } from '../node/config';
import { decode, readFileBytes, reasonIn } from '../node/files';

import { UsageError } from './args';

export type LoadedSettings = {
  settings: Settings;
  problems: SettingsProblem[];
  /** The govreport.json (or --config file) they come from, where a roster's entries are. */
  source?: string;
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
  return { settings: mergeSettings(base, cfg.settings, cfg.keys), problems: cfg.problems, source: cfg.path };
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
  return { settings: mergeSettings(readSettings(undefined).settings, cfg.settings, cfg.keys), problems: cfg.problems, source: file };
}
