/** What every CLI command needs before checking: the settings of each report (its govreport.json or --config). */
import * as path from 'node:path';
import { mergeSettings, readSettings, type Settings, type SettingsProblem } from '../core/settings';
import { findConfigSync, MAX_CONFIG_BYTES } from '../node/config';
import { decode, readFileBytes } from '../node/files';

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

/** The settings of --config FILE; a file that cannot be read or parsed is a usage error. */
export async function readConfigOption(file: string | undefined): Promise<LoadedSettings | undefined> {
  if (!file) return undefined;
  let text: string;
  try {
    text = decode(await readFileBytes(file, MAX_CONFIG_BYTES), file).text;
  } catch (err) {
    throw new UsageError(`cannot read --config ${file}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--config ${file} is not valid JSON: ${(err as Error).message}`);
  }
  const loaded = readSettings(json, file);
  if (loaded.settings.baseline) loaded.settings.baseline = path.resolve(path.dirname(file), loaded.settings.baseline);
  return { ...loaded, source: file };
}
