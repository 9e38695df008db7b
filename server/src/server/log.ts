/**
 * The server's log lines (standard error: VS Code's output channel for the extension, Neovim's lsp.log) in the
 * user's language, as everything else the user reads: Chinese unless the settings chose English
 * (`govreport.locale` "en", or "auto" in an English editor). The language is that of the settings last read;
 * before any are read (a framing problem in the first bytes), the default's, Chinese.
 */
import type { Bilingual, Locale } from '../core/checks/types';

let current: Locale = 'zh';

/** Called wherever settings are resolved to a language: later log lines speak it. */
export function setLogLocale(locale: Locale): void {
  current = locale;
}

export function logLocale(): Locale {
  return current;
}

/** A log line: `govreport：…` or `govreport: …`. */
export function logLine(text: Bilingual): string {
  return current === 'en' ? `govreport: ${text.en}` : `govreport：${text.zh}`;
}
