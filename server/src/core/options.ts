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

/**
 * Bytes per character a text file can take at most: UTF-8 needs at most 3 bytes per UTF-16 code unit (a
 * four-byte character is two units), UTF-16 and GBK 2. (GB18030's four-byte forms are for rare characters.)
 */
export const MAX_BYTES_PER_CHAR = 3;

/**
 * The most bytes a text file may have to be read at all, decided by a stat before reading: a file over
 * maxFileSize × MAX_BYTES_PER_CHAR bytes (plus a byte-order mark) cannot be within maxFileSize characters.
 */
export function readLimit(maxFileSize: number): number {
  return maxFileSize * MAX_BYTES_PER_CHAR + 4;
}
