/**
 * Settings per document: the editor's `govreport.*` (workspace/configuration, scoped to the document) over
 * the defaults, then the nearest govreport.json above the file. Validated field by field. Each problem is
 * shown once, in the reader's language, while it lasts (a problem fixed and made again is shown again); a
 * problem of a govreport.json offers to open the file at its line when the client can show documents.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Connection, MessageType, ShowMessageNotification } from 'vscode-languageserver';
import type { Locale } from '../core/checks/types';
import { mergeSettings, problemMessage, readSettings, resolveLocale, restrictUntrusted, type Settings, type SettingsProblem } from '../core/settings';
import { clearConfigCache, findConfigSync } from '../node/config';
import { SETTINGS_SECTION } from '../protocol';
import { setLogLocale } from './log';

/** Where the editor's own settings come from, for messages. */
const EDITOR_SETTINGS = { zh: 'VS Code 设置 govreport', en: 'VS Code settings govreport' };
const EDITOR_SOURCE = '(editor)';

export interface SettingsClient {
  /** The client answers workspace/configuration. */
  canPull(): boolean;
  /** The client's display language (InitializeParams.locale). */
  locale(): string | undefined;
  /** The client can open a document at a position (window/showDocument). */
  canShowDocument(): boolean;
  /** Whether the workspace is trusted: an untrusted one's govreport.json cannot raise limits (true when absent). */
  trusted?(): boolean;
  /** Whether a file lies in the workspace folders (an untrusted govreport.json may name only such files). */
  inside?(file: string): boolean;
}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  /** Per source (a govreport.json, or the editor), the problems shown and still there. */
  private readonly shown = new Map<string, Set<string>>();
  /** Settings pushed by a client without workspace/configuration (didChangeConfiguration). */
  private pushed: unknown = undefined;

  constructor(private readonly connection: Connection, private readonly client: SettingsClient) {}

  get(uri: string): Promise<Settings> {
    let p = this.cache.get(uri);
    if (!p) {
      p = this.load(uri).catch(() => readSettings(undefined).settings);
      this.cache.set(uri, p);
    }
    return p;
  }

  private async load(uri: string): Promise<Settings> {
    let raw: unknown = this.pushed;
    if (this.client.canPull()) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
      } catch {
        raw = undefined;
      }
    }
    // The editor sends every declared key, with nulls for unset ones, and its own client-side keys: drop those.
    const cleaned = raw && typeof raw === 'object'
      ? Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter(([k, v]) => v !== null && v !== undefined && !CLIENT_ONLY.has(k)))
      : undefined;
    const editor = readSettings(cleaned, EDITOR_SETTINGS);
    let settings = editor.settings;
    const dir = dirOf(uri);
    const file = dir ? findConfigSync(dir) : undefined;
    // An untrusted workspace's govreport.json cannot raise a limit or widen what is read.
    const allowed = file && this.client.trusted?.() === false
      ? restrictUntrusted(settings, file.settings, file.keys, file.path, (p) => this.client.inside?.(p) ?? false)
      : file ? { settings: file.settings, keys: file.keys, refused: [] } : undefined;
    if (allowed) settings = mergeSettings(settings, allowed.settings, allowed.keys);
    const locale = resolveLocale(settings.locale, this.client.locale());
    setLogLocale(locale);
    this.report(EDITOR_SOURCE, editor.problems, locale);
    if (file) this.report(file.path, [...file.problems, ...allowed!.refused], locale);
    return settings;
  }

  /** Shows the problems of one source not shown yet, and forgets those gone (so one made again shows again). */
  private report(source: string, problems: readonly SettingsProblem[], locale: Locale): void {
    const seen = this.shown.get(source) ?? new Set<string>();
    const now = new Set<string>();
    for (const p of problems) {
      if (!seen.has(p.id) && !now.has(p.id)) this.notify(source, p, locale);
      now.add(p.id);
    }
    this.shown.set(source, now);
  }

  private notify(source: string, p: SettingsProblem, locale: Locale): void {
    const message = `GovReport${locale === 'en' ? ': ' : '：'}${problemMessage(p, locale)}`;
    if (source === EDITOR_SOURCE || !this.client.canShowDocument()) {
      // A notification, not a request: nothing to answer, nothing to wait for.
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
      return;
    }
    const open = { title: locale === 'en' ? `Open ${path.basename(source)}` : `打开 ${path.basename(source)}` };
    void this.connection.window.showWarningMessage(message, open).then((choice) => {
      if (choice?.title !== open.title) return;
      const at = { line: Math.max(0, (p.line ?? 1) - 1), character: Math.max(0, (p.column ?? 1) - 1) };
      return this.connection.window.showDocument({ uri: pathToFileURL(source).toString(), takeFocus: true, selection: { start: at, end: at } });
    }).catch(() => undefined);
  }

  /** Settings changed in the editor (pushed value given by clients that do not support pulling). */
  changed(pushed?: unknown): void {
    if (pushed !== undefined) this.pushed = (pushed as Record<string, unknown>)?.[SETTINGS_SECTION] ?? pushed;
    this.cache.clear();
  }

  /** A govreport.json changed on disk. */
  filesChanged(): void {
    clearConfigCache();
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}

/** Settings of the editor extension itself, not of the checks (the server ignores them). */
const CLIENT_ONLY = new Set(['trace', 'inlineMessages']);

/** The folder of a file: URI, or undefined for other schemes (untitled documents have no govreport.json). */
export function dirOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.dirname(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}
