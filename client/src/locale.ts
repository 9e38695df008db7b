/** Which language the client's own strings use. Pure. */
export type Locale = 'zh' | 'en';

/**
 * The `govreport.locale` setting wins; 'auto' follows the editor like the server does: English when the
 * editor is in English, Chinese otherwise.
 */
export function resolveLocale(setting: unknown, editorLanguage: string): Locale {
  if (setting === 'zh' || setting === 'en') return setting;
  return editorLanguage.toLowerCase().startsWith('en') ? 'en' : 'zh';
}
