/**
 * Finds and reads `govreport.json`, upward from a report's folder. Results are cached per folder and
 * invalidated by the file's modification time, so the editor can ask on every check without touching the
 * disk more than a stat per folder.
 */
import { promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import { readSettings, type Settings, type SettingsProblem } from '../core/settings';
import { readFileBytesSync } from './files';

/** A govreport.json is a few hundred bytes; one over this is not read. */
export const MAX_CONFIG_BYTES = 1_000_000;

export const CONFIG_NAME = 'govreport.json';

export interface ConfigFile {
  path: string;
  settings: Partial<Settings>;
  /** Keys the file sets (so unset keys don't override the editor's settings). */
  keys: string[];
  problems: SettingsProblem[];
}

interface Cached {
  mtimeMs: number;
  config: ConfigFile;
}

const cache = new Map<string, Cached>();

function parseConfig(file: string, text: string): ConfigFile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { path: file, settings: {}, keys: [], problems: [{ key: '', message: `${file}: not valid JSON (${(err as Error).message})` }] };
  }
  const { settings, problems } = readSettings(json, file);
  // The baseline file is named relative to the govreport.json that names it.
  if (settings.baseline) settings.baseline = path.resolve(path.dirname(file), settings.baseline);
  const keys = json && typeof json === 'object' ? Object.keys(json).filter((k) => !problems.some((p) => p.key === k)) : [];
  return { path: file, settings, keys, problems };
}

/** The nearest govreport.json at or above `dir`, or undefined. Stops at `stopAt` when given. */
export function findConfigSync(dir: string, stopAt?: string): ConfigFile | undefined {
  let cur = path.resolve(dir);
  for (let i = 0; i < 64; i++) {
    const file = path.join(cur, CONFIG_NAME);
    let st;
    try {
      st = statSync(file);
    } catch {
      st = undefined;
    }
    if (st?.isFile()) {
      const hit = cache.get(file);
      if (hit && hit.mtimeMs === st.mtimeMs) return hit.config;
      let text: string;
      try {
        // Never more than a config can be, and never blocking (the file may have become a FIFO since the stat).
        text = readFileBytesSync(file, MAX_CONFIG_BYTES).toString('utf8');
      } catch (err) {
        return { path: file, settings: {}, keys: [], problems: [{ key: '', message: `${file}: cannot be read (${(err as Error).message})` }] };
      }
      const config = parseConfig(file, text);
      cache.set(file, { mtimeMs: st.mtimeMs, config });
      return config;
    }
    if (stopAt && path.resolve(stopAt) === cur) return undefined;
    const up = path.dirname(cur);
    if (up === cur) return undefined;
    cur = up;
  }
  return undefined;
}

export async function readConfigFile(file: string): Promise<ConfigFile> {
  return parseConfig(file, await fs.readFile(file, 'utf8'));
}

export function clearConfigCache(): void {
  cache.clear();
}
