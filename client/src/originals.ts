/**
 * Originals in the editor: a .docx, .pdf or .html report opens as a read-only text view (the document
 * govreport-original:<path>, whose text the server reads from the file) with the same squiggles, Outline,
 * hover and Problems as a text report. The view lives on a read-only file system: the editor refuses typing
 * and saving (naming "另存为可编辑的报告" as the way to edit), and a change of the original on disk reloads it.
 * "另存为可编辑的报告" saves that text as .txt/.md to edit; "导出为 Word" writes the current report as a
 * .docx in the official layout.
 */
import * as vscode from 'vscode';
import {
  EXPORT_DOCX, type ExportDocxResult, LANGUAGE_ID, ORIGINAL_SCHEME, SOURCE_TEXT, type SourceTextResult,
} from '../../server/src/protocol';
import type { LanguageServer } from './languageServer';
import type { Locale } from './locale';

const TEXT = {
  zh: {
    opening: '正在以报告方式打开原件…',
    readOnly: '这是原件的只读文本视图，不能直接修改。要修改，请运行“GovReport: 另存为可编辑的报告”。',
    readOnlyFix: '这是原件的只读文本视图，修复不能应用于原件。请先另存为可编辑的报告，再在其中修复。',
    saveEditable: '另存为可编辑的报告',
    pickOriginal: '选择要检查的原件（.docx、.pdf、.html）',
    notOriginal: '请先打开一份年报。',
    saved: (p: string) => `已另存为可编辑的报告：${p}`,
    exported: (p: string) => `已导出为 Word：${p}`,
    asText: (names: string) => `${names}无法可靠读取，已按原文逐行导出为段落，请在 Word 中核对。`,
    failed: (e: string) => `操作失败：${e}`,
    filterText: '文本', filterMarkdown: 'Markdown', filterWord: 'Word 文档', filterOriginals: '年报原件',
  },
  en: {
    opening: 'Opening the original as a report…',
    readOnly: 'This is the read-only text view of an original and cannot be edited. To edit it, run "GovReport: Save as an editable report".',
    readOnlyFix: 'This is the read-only text view of an original: fixes cannot apply to it. Save it as an editable report first and fix it there.',
    saveEditable: 'Save as an editable report',
    pickOriginal: 'Choose an original to check (.docx, .pdf, .html)',
    notOriginal: 'Open a report first.',
    saved: (p: string) => `Saved as an editable report: ${p}`,
    exported: (p: string) => `Exported to Word: ${p}`,
    asText: (names: string) => `${names} could not be read reliably and was exported line by line as paragraphs; check it in Word.`,
    failed: (e: string) => `Failed: ${e}`,
    filterText: 'Text', filterMarkdown: 'Markdown', filterWord: 'Word document', filterOriginals: 'Report originals',
  },
};

export const ORIGINAL_EXTENSIONS = ['docx', 'pdf', 'html', 'htm', 'doc', 'wps'];

/** The text view's URI of an original file. */
export function viewUri(file: vscode.Uri): vscode.Uri {
  return file.scheme === ORIGINAL_SCHEME ? file : file.with({ scheme: ORIGINAL_SCHEME });
}

/** The file next to `doc` with another ending (report.docx → report（导出）.docx when it would overwrite). */
function sibling(doc: vscode.Uri, ext: string, avoid: boolean): vscode.Uri {
  const file = doc.with({ scheme: 'file' });
  const base = file.path.replace(/\.[^./]+$/, '');
  const same = file.path.toLowerCase().endsWith(`.${ext}`);
  return file.with({ path: `${base}${same && avoid ? '（导出）' : ''}.${ext}` });
}

/** The original file a view (or the original itself) stands for. */
export function fileOf(uri: vscode.Uri): vscode.Uri {
  return uri.scheme === ORIGINAL_SCHEME ? uri.with({ scheme: 'file' }) : uri;
}

export class Originals implements vscode.FileSystemProvider, vscode.CustomReadonlyEditorProvider {
  static readonly viewType = 'govreport.original';

  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(private readonly ls: LanguageServer, private readonly locale: () => Locale) {}

  private get t() {
    return TEXT[this.locale()];
  }

  register(): vscode.Disposable[] {
    return [
      this.changed,
      vscode.workspace.registerFileSystemProvider(ORIGINAL_SCHEME, this, {
        isCaseSensitive: true,
        isReadonly: new vscode.MarkdownString(this.t.readOnly),
      }),
      vscode.window.registerCustomEditorProvider(Originals.viewType, this, { supportsMultipleEditorsPerDocument: true }),
      vscode.commands.registerCommand('govreport.openOriginal', (uri?: vscode.Uri) => this.open(uri)),
      vscode.commands.registerCommand('govreport.saveEditable', (target?: vscode.Uri) => this.saveEditable(target)),
      vscode.commands.registerCommand('govreport.exportDocx', (target?: vscode.Uri) => this.exportDocx(target)),
    ];
  }

  // The read-only file system of the views: a view's file is the text the server reads from the original.

  /** A view changes when its original does: the editor then reads it again. */
  watch(uri: vscode.Uri): vscode.Disposable {
    const file = fileOf(uri);
    const dir = vscode.Uri.joinPath(file, '..');
    const name = file.path.slice(dir.path.length).replace(/^\//, '');
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, name));
    const fire = (type: vscode.FileChangeType) => this.changed.fire([{ type, uri: viewUri(file) }]);
    return vscode.Disposable.from(
      watcher,
      watcher.onDidChange(() => fire(vscode.FileChangeType.Changed)),
      watcher.onDidCreate(() => fire(vscode.FileChangeType.Changed)),
      watcher.onDidDelete(() => fire(vscode.FileChangeType.Deleted)),
    );
  }

  /** The original's times (a new version of the original is a new version of the view); never writable. */
  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const s = await vscode.workspace.fs.stat(fileOf(uri));
    if (s.type & vscode.FileType.Directory) throw vscode.FileSystemError.FileIsADirectory(uri);
    return { type: vscode.FileType.File, ctime: s.ctime, mtime: s.mtime, size: s.size, permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    await this.stat(uri); // a missing original is FileNotFound, as the editor expects
    const r = await this.ls.request<SourceTextResult>(SOURCE_TEXT, { uri: viewUri(uri).toString() });
    return new TextEncoder().encode(r.text);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  /** Opening a .docx/.pdf shows its text view instead (this editor only hands over). */
  async resolveCustomEditor(doc: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    panel.webview.html = `<p>${this.t.opening}</p>`;
    await this.open(doc.uri);
    panel.dispose();
  }

  /** Opens an original (asked for when not given) as its text view, checked as a report. */
  async open(uri?: vscode.Uri): Promise<vscode.TextEditor | undefined> {
    try {
      let file = uri;
      if (!file) {
        const picked = await vscode.window.showOpenDialog({ title: this.t.pickOriginal, filters: { [this.t.filterOriginals]: ORIGINAL_EXTENSIONS } });
        file = picked?.[0];
      }
      if (!file) return undefined;
      const doc = await vscode.workspace.openTextDocument(viewUri(file));
      const report = doc.languageId === LANGUAGE_ID ? doc : await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
      return await vscode.window.showTextDocument(report, { preview: false });
    } catch (err) {
      void vscode.window.showErrorMessage(this.t.failed(err instanceof Error ? err.message : String(err)));
      return undefined;
    }
  }

  /**
   * On the text view of an original, says that fixes cannot apply there and offers "另存为可编辑的报告";
   * true when `doc` is such a view.
   */
  refusesEdit(doc = vscode.window.activeTextEditor?.document): boolean {
    if (doc?.uri.scheme !== ORIGINAL_SCHEME) return false;
    void vscode.window.showWarningMessage(this.t.readOnlyFix, this.t.saveEditable).then((choice) => {
      if (choice === this.t.saveEditable) void this.saveEditable();
    });
    return true;
  }

  private activeReport(): vscode.TextDocument | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== LANGUAGE_ID && doc.languageId !== 'markdown' && doc.languageId !== 'plaintext') {
      void vscode.window.showWarningMessage(this.t.notOriginal);
      return undefined;
    }
    return doc;
  }

  /** "另存为可编辑的报告": the text view as .txt (or .md), opened for editing. */
  async saveEditable(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const doc = this.activeReport();
    if (!doc) return undefined;
    const to = target ?? await vscode.window.showSaveDialog({
      defaultUri: sibling(doc.uri, 'txt', true),
      filters: { [this.t.filterText]: ['txt'], [this.t.filterMarkdown]: ['md'] },
    });
    if (!to) return undefined;
    await vscode.workspace.fs.writeFile(to, new TextEncoder().encode(doc.getText()));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(to), { preview: false });
    void vscode.window.showInformationMessage(this.t.saved(to.fsPath));
    return to;
  }

  /** "导出为 Word": the current report as a .docx in the official layout. */
  async exportDocx(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const doc = this.activeReport();
    if (!doc) return undefined;
    try {
      const r = await this.ls.request<ExportDocxResult>(EXPORT_DOCX, { uri: doc.uri.toString() });
      const to = target ?? await vscode.window.showSaveDialog({ defaultUri: sibling(doc.uri, 'docx', true), filters: { [this.t.filterWord]: ['docx'] } });
      if (!to) return undefined;
      await vscode.workspace.fs.writeFile(to, Buffer.from(r.data, 'base64'));
      if (r.asText.length) void vscode.window.showWarningMessage(this.t.asText(r.asText.join('、')));
      else void vscode.window.showInformationMessage(this.t.exported(to.fsPath));
      return to;
    } catch (err) {
      void vscode.window.showErrorMessage(this.t.failed(err instanceof Error ? err.message : String(err)));
      return undefined;
    }
  }
}
