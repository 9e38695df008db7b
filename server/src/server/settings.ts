/**
 * Settings per document: the editor's `govreport.*` (workspace/configuration, scoped to the document) over
 * the defaults, then the nearest govreport.json above the file. Validated field by field; problems are
 * shown once each.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Connection, MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { mergeSettings, readSettings, restrictUntrusted, type Settings } from '../core/settings';
import { clearConfigCache, findConfigSync } from '../node/config';
import { SETTINGS_SECTION } from '../protocol';

export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  private readonly shown = new Set<string>();
  /** Settings pushed by a client without workspace/configuration (didChangeConfiguration). */
  private pushed: unknown = undefined;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
    /** Whether the workspace is trusted (a govreport.json of an untrusted one cannot raise limits). */
    private readonly trusted: () => boolean = () => true,
    /** The language of the store's own messages. */
    private readonly locale: () => 'zh' | 'en' = () => 'zh',
  ) {}

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
    if (this.canPull()) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
      } catch {
        raw = undefined;
      }
    }
    // The editor sends every declared key, with nulls for unset ones: drop those.
    const cleaned = raw && typeof raw === 'object'
      ? Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter(([k, v]) => v !== null && v !== undefined && k !== 'trace'))
      : undefined;
    const editor = readSettings(cleaned, 'govreport settings');
    this.report(editor.problems.map((p) => p.message));
    let settings = editor.settings;
    const dir = dirOf(uri);
    if (dir) {
      const file = findConfigSync(dir);
      if (file) {
        this.report(file.problems.map((p) => p.message));
        let { settings: fromFile, keys } = file;
        if (!this.trusted()) {
          // An untrusted workspace's govreport.json cannot raise a limit or widen what is read.
          const r = restrictUntrusted(settings, fromFile, keys);
          ({ file: fromFile, keys } = r);
          this.report(r.refused.map((x) => this.untrustedMessage(file.path, x)));
        }
        settings = mergeSettings(settings, fromFile, keys);
      }
    }
    return settings;
  }

  private untrustedMessage(file: string, x: { key: string; value: unknown; kept: unknown }): string {
    return this.locale() === 'en'
      ? `${file}: "${x.key}": ${JSON.stringify(x.value)} is not applied in an untrusted workspace (it would raise a limit); using ${JSON.stringify(x.kept)}. Trust the workspace to apply it.`
      : `${file}：工作区未受信任，“${x.key}”的值 ${JSON.stringify(x.value)} 会提高上限，未采用，仍按 ${JSON.stringify(x.kept)}。信任此工作区后即可生效。`;
  }

  private report(messages: string[]): void {
    for (const m of messages) {
      if (this.shown.has(m)) continue;
      this.shown.add(m);
      // A notification, not a request: nothing to answer, nothing to wait for.
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `GovReport: ${m}` });
    }
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
    this.shown.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}

/** The folder of a file: URI, or undefined for other schemes (untitled documents have no govreport.json). */
export function dirOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.dirname(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}
