/**
 * Settings, from one zod schema: the editor's `govreport.*` settings and the `govreport.json` file both
 * validate against it, and the JSON schema and package.json's configuration are generated from it.
 * Validation is per field: a bad value gives one message naming the key, and that field's default; the
 * other fields keep their values.
 */
import { z } from 'zod';
import { CODES } from './checks/registry';
import { LEVELS, type Level, type Locale } from './checks/types';
import { readRoster } from './desk/roster';

export const levelSchema = z.enum(LEVELS as [Level, ...Level[]]);

export const settingsShape = {
  enable: z.boolean().default(true).describe('Check government information disclosure annual reports (政府信息公开工作年度报告).'),
  locale: z.enum(['auto', 'zh', 'en']).default('auto')
    .describe('Language of the messages: auto follows the editor (Chinese unless the editor is in English).'),
  checks: z.record(z.string(), levelSchema).default({})
    .describe('Severity per check code: error, warning, information, hint, or off. Codes not named keep their default.'),
  expectFormat: z.enum(['auto', '2021', '2019']).default('auto')
    .describe('Which table format reports must follow: auto decides by the report year (2021 format from the 2021 report on).'),
  maxFileSize: z.number().int().min(10_000).max(100_000_000).default(2_000_000)
    .describe('Files larger than this many characters (or with more lines than a twentieth of it) are not checked; one information message says so.'),
  roster: z.array(z.union([z.string(), z.object({
    agency: z.string(),
    aliases: z.array(z.string()).optional(),
    summaryOf: z.array(z.string()).optional(),
  }).strict()])).default([])
    .describe('The agencies that must file a report, and which report is the summary (汇总) of which subordinates\' (for report-missing and hierarchy-sum over a folder).'),
  baseline: z.string().max(4096).default('')
    .describe('A baseline file of dismissed findings (written by govreport check --baseline), relative to this govreport.json: findings in it are not shown.'),
} as const;

export const settingsSchema = z.object(settingsShape);

/** Settings descriptions in both languages, for the generated package.json, its nls files and the docs. */
export const SETTINGS_DOCS: Record<keyof typeof settingsShape, { zh: string; en: string }> = {
  enable: {
    zh: '检查政府信息公开工作年度报告。',
    en: 'Check government information disclosure annual reports (政府信息公开工作年度报告).',
  },
  locale: {
    zh: '提示信息的语言：auto 跟随编辑器（编辑器为英文时用英文，否则用中文）。',
    en: 'Language of the messages: auto follows the editor (English when the editor is in English, else Chinese).',
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

export type Settings = z.output<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

export interface SettingsProblem {
  /** Dotted key of the bad value: checks.foo, locale. */
  key: string;
  message: string;
}

/**
 * Reads settings from any value, field by field. Unknown top-level keys are reported (except `$schema`), as
 * are unknown check codes and bad levels.
 */
export function readSettings(input: unknown, where = 'settings'): { settings: Settings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, checks: {} };
  if (input === undefined || input === null) return { settings, problems };
  if (typeof input !== 'object' || Array.isArray(input)) {
    problems.push({ key: '', message: `${where}: expected an object` });
    return { settings, problems };
  }
  const obj = input as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (key === '$schema') continue;
    if (!(key in settingsShape)) problems.push({ key, message: `${where}: unknown setting "${key}"` });
  }
  const set = settings as Record<string, unknown>;
  for (const [key, schema] of Object.entries(settingsShape)) {
    if (!(key in obj) || key === 'checks' || key === 'roster') continue;
    const r = (schema as z.ZodType).safeParse(obj[key]);
    if (r.success) set[key] = r.data;
    else problems.push({ key, message: `${where}: "${key}" ${r.error.issues[0]?.message ?? 'is invalid'}; using the default` });
  }
  if ('roster' in obj) {
    // Entry by entry: a bad entry is named and left out, the others stay.
    const r = readRoster(obj.roster, where);
    settings.roster = r.roster;
    problems.push(...r.problems);
  }
  if ('checks' in obj) {
    const checks = obj.checks;
    if (typeof checks !== 'object' || checks === null || Array.isArray(checks)) {
      problems.push({ key: 'checks', message: `${where}: "checks" must be an object of code: level` });
    } else {
      for (const [code, level] of Object.entries(checks as Record<string, unknown>)) {
        if (!CODES.includes(code)) {
          problems.push({ key: `checks.${code}`, message: `${where}: "checks.${code}": unknown check code` });
          continue;
        }
        const r = levelSchema.safeParse(level);
        if (r.success) settings.checks[code] = r.data;
        else problems.push({ key: `checks.${code}`, message: `${where}: "checks.${code}" must be one of ${LEVELS.join(', ')}` });
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
    if (k === 'checks' || !(k in settingsShape)) continue;
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
 * from anyone: a limit may only be lowered, never raised ('lower-only'); a setting that widens what is read
 * would be 'ignored'. Every setting that raises a limit or reads more belongs here.
 */
export const UNTRUSTED_FILE_RULES: Partial<Record<keyof typeof settingsShape, 'lower-only' | 'ignored'>> = {
  maxFileSize: 'lower-only',
};

/**
 * The part of a govreport.json's settings an untrusted workspace may apply over `base`, and the keys refused
 * (with the value asked for), to say so.
 */
export function restrictUntrusted(base: Settings, file: Partial<Settings>, keys: readonly string[]): {
  file: Partial<Settings>; keys: string[]; refused: { key: string; value: unknown; kept: unknown }[];
} {
  const out: Record<string, unknown> = { ...file };
  const kept: string[] = [];
  const refused: { key: string; value: unknown; kept: unknown }[] = [];
  for (const key of keys) {
    const rule = UNTRUSTED_FILE_RULES[key as keyof typeof settingsShape];
    const value = (file as Record<string, unknown>)[key];
    const current = (base as Record<string, unknown>)[key];
    if (rule === 'ignored' || (rule === 'lower-only' && typeof value === 'number' && typeof current === 'number' && value > current)) {
      refused.push({ key, value, kept: current });
      delete out[key];
    } else kept.push(key);
  }
  return { file: out as Partial<Settings>, keys: kept, refused };
}
