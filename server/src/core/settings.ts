/**
 * Settings, from one zod schema (settings-schema.ts): the editor's `govreport.*` settings and the
 * `govreport.json` file both validate against it, and the JSON schema and package.json's configuration are
 * generated from it. Validation is per field: a bad value gives one message naming the key, and that field's
 * default; the other fields keep their values. The schema is loaded on the first value to validate: checking a
 * folder with no govreport.json never loads zod.
 */
import type * as Schema from './settings-schema';
import { CODES } from './checks/registry';
import { type Bilingual, LEVELS, type Level, type Locale } from './checks/types';
import { readRoster } from './desk/roster';

/** Settings descriptions in both languages, for the generated package.json, its nls files and the docs. */
export const SETTINGS_DOCS: Record<SettingKey, { zh: string; en: string }> = {
  enable: {
    zh: '检查政府信息公开工作年度报告。',
    en: 'Check government information disclosure annual reports (政府信息公开工作年度报告).',
  },
  locale: {
    zh: '提示信息、大纲和状态栏的语言：zh 中文（默认），en 英文，auto 跟随编辑器的显示语言。',
    en: 'Language of the messages, the Outline and the status bar: zh Chinese (the default), en English, auto to follow the editor\'s display language.',
  },
  checks: {
    zh: '按检查代码设置级别：error、warning、information、hint 或 off。未列出的代码使用默认级别。',
    en: 'Severity per check code: error, warning, information, hint, or off. Codes not named keep their default.',
  },
  expectFormat: {
    zh: '报告应遵循的表格格式：auto 按报告年度判断（2021 年度起为 2021 年格式）。',
    en: 'Which table format reports must follow: auto decides by the report year (the 2021 format from the 2021 report on).',
  },
  maxFileSize: {
    zh: '超过此字符数（或行数超过其二十分之一）的文件不检查，并给出一条提示。一份年度报告通常只有几万字。',
    en: 'Files larger than this many characters (or with more lines than a twentieth of it) are not checked; one information message says so. An annual report is a few tens of thousands of characters.',
  },
  roster: {
    zh: '应报送报告的机关名单，以及哪份报告是哪些下级机关的汇总（"summaryOf"）。命令行检查文件夹时用于 report-missing 与 hierarchy-sum。',
    en: "The agencies that must file a report, and which report is the summary (汇总) of which subordinates' (\"summaryOf\"). Used by report-missing and hierarchy-sum when the command line checks a folder.",
  },
  baseline: {
    zh: '已确认忽略的问题的基线文件（由 govreport check --baseline 写出），相对于本 govreport.json：其中的问题不再显示。',
    en: 'A baseline file of dismissed findings (written by govreport check --baseline), relative to this govreport.json: findings in it are not shown.',
  },
};

export type Settings = Schema.Settings;
export type SettingKey = keyof Settings;

/**
 * Every setting's default, as the schema gives them (`settingsSchema.parse({})`; test/unit/settings-schema.test.ts
 * holds the two equal), written out so that reading no settings loads no schema.
 */
export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  locale: 'zh',
  checks: {},
  expectFormat: 'auto',
  maxFileSize: 2_000_000,
  roster: [],
  baseline: '',
};

/** The settings' names, in the schema's order. */
export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

let schema: typeof Schema | undefined;
/** The zod schema, loaded once, when a value is first validated. */
function loadSchema(): typeof Schema {
  // A plain require, so that it stays synchronous: the CLI's bundle keeps it a load of dist/settings-schema.js.
  return (schema ??= require('./settings-schema.js') as typeof Schema);
}

export interface SettingsProblem {
  /** Dotted key of the bad value: checks.foo, locale; empty for the whole input. */
  key: string;
  /** What is wrong and where, in Chinese: `…/govreport.json 第 3 行第 5 列：未知的设置“lcoale”（已忽略）…`. */
  message: string;
  /** The same in English. */
  en: string;
  /** Where in the file, 1-based, when known. */
  line?: number;
  column?: number;
  /** The same problem whatever line it moved to (for showing each problem once). */
  id: string;
}

/** A problem's text in the reader's language. */
export function problemMessage(p: SettingsProblem, locale: Locale): string {
  return locale === 'en' ? p.en : p.message;
}

/** Where settings come from, for messages: a file's path, or the editor's settings. */
export type SettingsSource = string | Bilingual;

/** Finds a key (path of property names) in the source text: 1-based line and column, when known. */
export type Locate = (path: readonly string[]) => { line: number; column: number } | undefined;

const EDITOR_SOURCE: Bilingual = { zh: '设置', en: 'settings' };

/**
 * Reads settings from any value, field by field. Unknown top-level keys are reported (except `$schema`), as
 * are unknown check codes and bad levels; each problem names its key, says what the key accepts, and where it
 * is when `locate` can tell. Messages are in both languages (`message` Chinese, `en` English).
 */
export function readSettings(input: unknown, where: SettingsSource = EDITOR_SOURCE, locate?: Locate): { settings: Settings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, checks: {} };
  const src: Bilingual = typeof where === 'string' ? { zh: where, en: where } : where;
  const problem = (key: string, path: readonly string[], text: Bilingual): void => {
    const at = path.length > 0 ? locate?.(path) : undefined;
    problems.push({
      key,
      id: `${key}|${text.en}`,
      message: `${src.zh}${at ? ` 第 ${at.line} 行第 ${at.column} 列` : ''}：${text.zh}`,
      en: `${src.en}${at ? `:${at.line}:${at.column}` : ''}: ${text.en}`,
      ...(at ? { line: at.line, column: at.column } : {}),
    });
  };
  if (input === undefined || input === null) return { settings, problems };
  if (typeof input !== 'object' || Array.isArray(input)) {
    problem('', [], { zh: '应为一个对象 { … }，整个文件未采用', en: 'expected an object { … }; the whole file is ignored' });
    return { settings, problems };
  }
  const obj = input as Record<string, unknown>;
  const known = SETTING_KEYS;
  for (const key of Object.keys(obj)) {
    if (key === '$schema') continue;
    if (!(SETTING_KEYS as string[]).includes(key)) {
      problem(key, [key], {
        zh: `未知的设置“${key}”，已忽略（可用的设置：${known.join('、')}）`,
        en: `unknown setting "${key}", ignored (the settings are ${known.join(', ')})`,
      });
    }
  }
  const set = settings as Record<string, unknown>;
  const { validateField } = loadSchema();
  for (const key of SETTING_KEYS) {
    if (!(key in obj) || key === 'checks' || key === 'roster') continue;
    const r = validateField(key, obj[key]);
    if (r.ok) {
      set[key] = r.data;
      continue;
    }
    const want = r.want;
    const value = JSON.stringify(obj[key]) ?? String(obj[key]);
    const fallback = JSON.stringify((DEFAULT_SETTINGS as Record<string, unknown>)[key]);
    problem(key, [key], want
      ? { zh: `“${key}”的值 ${value} 无效，应为 ${want.zh}；已使用默认值 ${fallback}`, en: `"${key}" cannot be ${value}: it takes ${want.en}; using the default, ${fallback}` }
      : { zh: `“${key}”的值 ${value} 无效（${r.issue ?? ''}）；已使用默认值`, en: `"${key}" cannot be ${value} (${r.issue ?? 'invalid'}); using the default` });
  }
  if ('roster' in obj) {
    // Entry by entry: a bad entry is named and left out, the others stay.
    const r = readRoster(obj.roster, src.en);
    settings.roster = r.roster;
    for (const p of r.problems) problems.push({ ...p, en: p.message, id: `${p.key}|${p.message}` });
  }
  if ('checks' in obj) {
    const checks = obj.checks;
    if (typeof checks !== 'object' || checks === null || Array.isArray(checks)) {
      problem('checks', ['checks'], { zh: '“checks”应为 { "检查代码": "级别" } 形式的对象，已忽略', en: '"checks" must be an object of "code": "level"; ignored' });
    } else {
      for (const [code, level] of Object.entries(checks as Record<string, unknown>)) {
        if (!CODES.includes(code)) {
          problem(`checks.${code}`, ['checks', code], {
            zh: `“checks.${code}”：没有这个检查项，已忽略（全部代码见 govreport rules）`,
            en: `"checks.${code}": there is no such check; ignored (govreport rules lists the codes)`,
          });
          continue;
        }
        if (typeof level === 'string' && (LEVELS as readonly string[]).includes(level)) settings.checks[code] = level as Level;
        else {
          problem(`checks.${code}`, ['checks', code], {
            zh: `“checks.${code}”的级别应为 ${LEVELS.join('、')} 之一，已忽略`,
            en: `"checks.${code}" must be one of ${LEVELS.join(', ')}; ignored`,
          });
        }
      }
    }
  }
  return { settings, problems };
}

/** Settings of a report: editor or defaults, overlaid with the report's govreport.json. */
export function mergeSettings(base: Settings, file: Partial<Settings> | undefined, fileKeys: readonly string[]): Settings {
  if (!file) return base;
  const out: Settings = { ...base, checks: { ...base.checks, ...(file.checks ?? {}) } };
  for (const k of fileKeys) {
    if (k === 'checks' || !(SETTING_KEYS as string[]).includes(k)) continue;
    (out as Record<string, unknown>)[k] = (file as Record<string, unknown>)[k];
  }
  return out;
}

/** The message language: a setting, else the editor's or the environment's locale. */
export function resolveLocale(setting: Settings['locale'], envLocale: string | undefined): Locale {
  if (setting === 'zh' || setting === 'en') return setting;
  if (envLocale && /^en\b|^en[-_]/i.test(envLocale)) return 'en';
  return 'zh';
}

/**
 * What a govreport.json may set in an untrusted workspace (VS Code's restricted mode), where the file may come
 * from anyone: a limit may only be lowered, never raised ('lower-only'); a file it names is read only if it
 * lies in the workspace ('inside'); a setting that widens what is read would be 'ignored'. Every setting that
 * raises a limit or reads more belongs here.
 */
export const UNTRUSTED_FILE_RULES: Partial<Record<SettingKey, 'lower-only' | 'inside' | 'ignored'>> = {
  maxFileSize: 'lower-only',
  baseline: 'inside',
};

/**
 * The part of a govreport.json's settings (at `file`) an untrusted workspace may apply over `base`, and a
 * problem for each key refused, saying so. `inside` says whether a file a setting names lies in the workspace
 * (without it, none does).
 */
export function restrictUntrusted(base: Settings, settings: Partial<Settings>, keys: readonly string[], file: string, inside: (path: string) => boolean = () => false): {
  settings: Partial<Settings>; keys: string[]; refused: SettingsProblem[];
} {
  const out: Record<string, unknown> = { ...settings };
  const kept: string[] = [];
  const refused: SettingsProblem[] = [];
  for (const key of keys) {
    const rule = UNTRUSTED_FILE_RULES[key as SettingKey];
    const raw = (settings as Record<string, unknown>)[key];
    const value = JSON.stringify(raw);
    const current = JSON.stringify((base as Record<string, unknown>)[key]);
    const raises = rule === 'lower-only' && Number(raw) > Number((base as Record<string, unknown>)[key]);
    const outside = rule === 'inside' && typeof raw === 'string' && raw !== '' && !inside(raw);
    if (rule === 'ignored' || raises || outside) {
      refused.push({
        key,
        id: `untrusted:${key}:${value}`,
        message: outside
          ? `${file}：工作区未受信任，“${key}”指向工作区之外的文件 ${raw as string}，未读取。信任此工作区后即可生效。`
          : `${file}：工作区未受信任，“${key}”的值 ${value} ${raises ? '会提高上限' : '会扩大读取范围'}，未采用，仍按 ${current}。信任此工作区后即可生效。`,
        en: outside
          ? `${file}: "${key}" names a file outside the workspace (${raw as string}), not read in an untrusted workspace. Trust the workspace to apply it.`
          : `${file}: "${key}": ${value} is not applied in an untrusted workspace (it would ${raises ? 'raise a limit' : 'widen what is read'}); using ${current}. Trust the workspace to apply it.`,
      });
      delete out[key];
    } else kept.push(key);
  }
  return { settings: out as Partial<Settings>, keys: kept, refused };
}
