/**
 * Settings become check options here, in one place, for every caller: the language server, the CLI's check
 * and its fix. Whatever a setting means for checking is decided by this function alone.
 */
import type { Locale, PreviousReport } from './checks/types';
import type { CheckOptions } from './service';
import type { Settings } from './settings';

export interface OptionsContext {
  locale: Locale;
  /** Last year's report of the same agency, when at hand (R9). */
  previous?: PreviousReport;
}

export function checkOptions(settings: Settings, ctx: OptionsContext): CheckOptions {
  return {
    locale: ctx.locale,
    levels: settings.checks,
    maxSize: settings.maxFileSize,
    ...(settings.expectFormat !== 'auto' ? { expectFormat: settings.expectFormat } : {}),
    ...(ctx.previous ? { previous: ctx.previous } : {}),
  };
}
