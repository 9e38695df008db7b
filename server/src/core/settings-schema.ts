/**
 * The settings' zod schema: the one source the editor's `govreport.*` settings and a `govreport.json` are
 * validated against, and the JSON schema and package.json's configuration are generated from
 * (scripts/generate.mjs). It lives apart from settings.ts because zod takes longer to load than a folder of
 * reports takes to check: settings.ts loads it only when a value is validated (a govreport.json was found, or
 * the editor sent its settings), and the command line bundles it on its own (dist/settings-schema.js).
 */
import { z } from 'zod';
import { type Bilingual, LEVELS, type Level } from './checks/types';

export const levelSchema = z.enum(LEVELS as [Level, ...Level[]]);

export const settingsShape = {
  enable: z.boolean().default(true).describe('Check government information disclosure annual reports (政府信息公开工作年度报告).'),
  locale: z.enum(['zh', 'en', 'auto']).default('zh')
    .describe('Language of the messages: zh Chinese (the default), en English, or auto to follow the editor\'s display language.'),
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

export type Settings = z.output<typeof settingsSchema>;

/** What a setting accepts, in words, from its schema: “auto、zh 或 en”, “10000 到 100000000 之间的整数”. */
export function accepted(schema: z.ZodType): Bilingual | undefined {
  let s = schema as unknown as { def: { type: string; innerType?: unknown }; options?: readonly unknown[]; minValue?: number | null; maxValue?: number | null; isInt?: boolean };
  while (s.def.type === 'default' && s.def.innerType) s = s.def.innerType as typeof s;
  const or = (items: string[], word: string) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(word === 'or' ? ', ' : '、')}${word === 'or' ? ' or ' : ' 或 '}${items.at(-1)}`);
  switch (s.def.type) {
    case 'enum': {
      const opts = (s.options ?? []).map(String);
      return { zh: or(opts, '或'), en: or(opts, 'or') };
    }
    case 'boolean': return { zh: 'true 或 false', en: 'true or false' };
    case 'number': {
      const int = s.isInt ? { zh: '整数', en: 'a whole number' } : { zh: '数', en: 'a number' };
      if (typeof s.minValue === 'number' && typeof s.maxValue === 'number' && Number.isFinite(s.maxValue)) {
        return { zh: `${s.minValue} 到 ${s.maxValue} 之间的${int.zh}`, en: `${int.en} from ${s.minValue} to ${s.maxValue}` };
      }
      return int;
    }
    default: return undefined;
  }
}

/** One setting's value validated: the value to use, or what the setting accepts and zod's first complaint. */
export function validateField(key: keyof typeof settingsShape, value: unknown): { ok: true; data: unknown } | { ok: false; want: Bilingual | undefined; issue: string | undefined } {
  const schema = settingsShape[key] as z.ZodType;
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, data: r.data };
  return { ok: false, want: accepted(schema), issue: r.error.issues[0]?.message };
}
