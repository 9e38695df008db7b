/**
 * Originals in the editor: a .docx, .pdf or .html report opens as a read-only text view (the document
 * govreport-original:<path>, whose text the server reads from the file) with the same squiggles, Outline,
 * hover and Problems as a text report. "另存为可编辑的报告" saves that text as .txt/.md to edit; "导出为
 * Word" writes the current report as a .docx in the official layout.
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

export class Originals implements vscode.TextDocumentContentProvider, vscode.CustomReadonlyEditorProvider {
  static readonly viewType = 'govreport.original';

  constructor(private readonly ls: LanguageServer, private readonly locale: () => Locale) {}

  private get t() {
    return TEXT[this.locale()];
  }

  register(): vscode.Disposable[] {
    return [
      vscode.workspace.registerTextDocumentContentProvider(ORIGINAL_SCHEME, this),
      vscode.window.registerCustomEditorProvider(Originals.viewType, this, { supportsMultipleEditorsPerDocument: true }),
      vscode.commands.registerCommand('govreport.openOriginal', (uri?: vscode.Uri) => this.open(uri)),
      vscode.commands.registerCommand('govreport.saveEditable', (target?: vscode.Uri) => this.saveEditable(target)),
      vscode.commands.registerCommand('govreport.exportDocx', (target?: vscode.Uri) => this.exportDocx(target)),
    ];
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const r = await this.ls.request<SourceTextResult>(SOURCE_TEXT, { uri: uri.toString() }, token);
    return r.text;
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
