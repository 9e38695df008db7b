/** Which language the client's own strings use. Pure. */
export type Locale = 'zh' | 'en';

/**
 * The `govreport.locale` setting, as the server reads it: Chinese unless it says en, or auto with the
 * editor in English.
 */
export function resolveLocale(setting: unknown, editorLanguage: string): Locale {
  if (setting === 'en') return 'en';
  if (setting === 'auto') return editorLanguage.toLowerCase().startsWith('en') ? 'en' : 'zh';
  return 'zh';
}
