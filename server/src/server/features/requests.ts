/** The GovReport requests beyond LSP: report facts for the status bar, checking files on disk, the template. */
import { type CancellationToken, LSPErrorCodes, ResponseError, type TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../core/checks/types';
import { reportTemplate } from '../../core/template';
import { checkOptions, readLimit } from '../../core/options';
import { fileTooLarge } from '../../core/service';
import { resolveLocale, type Settings } from '../../core/settings';
import { FileTooLarge, readReportFile, reasonIn } from '../../node/files';
import { sourceKind } from '../../node/sources';
import { fileUriOf, isOriginalUri, type Originals, viewUriOf } from '../originals';
import { toDiagnostic } from '../convert';
import { isReportFile } from '../report-index';
import type { Workspace } from '../workspace';
import type { CheckFileSummary, CheckFilesParams, CheckFilesResult, ReportInfo, TemplateParams, TemplateResult } from '../../protocol';
import type { Analyzer } from '../analysis';
import { DiagnosticsPublisher } from './diagnostics';

/** Files one request may ask to check (the client sends batches of a few dozen). */
const MAX_CHECK_FILES = 1000;

function tally(findings: Finding[]) {
  let errors = 0;
  let warnings = 0;
  let notes = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else notes++;
  }
  return { errors, warnings, notes };
}

export async function reportInfo(documents: TextDocuments<TextDocument>, analyzer: Analyzer, uri: string): Promise<ReportInfo | null> {
  const doc = documents.get(uri);
  if (!doc) return null;
  const a = await analyzer.analyse(doc);
  const m = a.model;
  return { uri, isReport: m.isReport, year: m.year, agency: m.agency, format: m.format, expectedFormat: m.expectedFormat, ...tally(a.findings) };
}

/** Originals the workspace check reads (a .doc/.wps gives only "save it as .docx": not worth a worker each). */
const CHECKED_ORIGINALS = new Set(['docx', 'pdf', 'html']);

/**
 * Checks files on disk for "check all reports in the workspace": open documents as they are in the editor,
 * other files only inside the workspace folders, each refused by a stat if over its size limit. Originals
 * (.docx, .pdf, .html) are read in the read worker into their text view, and their findings are published on
 * the view (govreport-original:), which is what the editor opens from the Problems view. Stops, answering as
 * cancelled, when the request is cancelled.
 */
export async function checkFiles(
  params: CheckFilesParams, documents: TextDocuments<TextDocument>, analyzer: Analyzer, publisher: DiagnosticsPublisher,
  token: CancellationToken, workspace: Workspace, settingsOf: (uri: string) => Promise<Settings>, clientLocale?: string,
  originals?: Originals,
): Promise<CheckFilesResult> {
  const files: CheckFileSummary[] = [];
  for (const uri of params.uris.slice(0, MAX_CHECK_FILES)) {
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    try {
      const fileUri = fileUriOf(uri);
      const kind = sourceKind(fileUri);
      const original = originals && kind && CHECKED_ORIGINALS.has(kind) ? originals : undefined;
      let doc = documents.get(uri) ?? (original ? documents.get(viewUriOf(fileUri)) : undefined);
      if (!doc) {
        if (!original && (isOriginalUri(uri) || !isReportFile(uri))) throw new Error('not a report file (.txt, .md, .govreport, .docx, .pdf, .html): not read');
        const file = await workspace.inside(fileUri);
        if (!file) throw new Error(uri.startsWith('file:') || isOriginalUri(uri) ? 'outside the workspace folders: not read' : 'not a file on disk');
        if (original) {
          doc = TextDocument.create(viewUriOf(fileUri), 'govreport', 0, (await readOriginal(original, fileUri, token)).text);
        } else {
          const settings = await settingsOf(uri);
          let text: string;
          try {
            ({ text } = await readReportFile(file, readLimit(settings.maxFileSize)));
          } catch (err) {
            if (!(err instanceof FileTooLarge)) throw err;
            const r = fileTooLarge(err.size, err.limit, true, checkOptions(settings, { locale: resolveLocale(settings.locale, clientLocale) }));
            publisher.pushFile(uri, r.findings.map((f) => toDiagnostic(f, uri, 0)));
            files.push({ uri, isReport: false, ...tally(r.findings) });
            continue;
          }
          doc = TextDocument.create(uri, 'govreport', 0, text);
        }
      }
      const a = await analyzer.analyse(doc);
      if (!documents.get(doc.uri)) {
        analyzer.forget(doc.uri);
        original?.forget(doc.uri);
      }
      publisher.pushFile(doc.uri, a.model.isReport || a.findings.length ? DiagnosticsPublisher.diagnostics(a) : []);
      files.push({ uri, isReport: a.model.isReport, ...tally(a.findings) });
    } catch (err) {
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      // Why, in the reader's language (the client shows it as it is).
      const locale = resolveLocale((await settingsOf(uri)).locale, clientLocale);
      files.push({ uri, isReport: false, errors: 0, warnings: 0, notes: 0, error: reasonIn((err as Error).message, locale) });
    }
  }
  return { files };
}

/** An original's text view, read in the worker; a cancelled request stops the read. */
async function readOriginal(originals: Originals, fileUri: string, token: CancellationToken) {
  const stop = token.onCancellationRequested(() => originals.forget(fileUri));
  try {
    return await originals.view(fileUri);
  } finally {
    stop.dispose();
  }
}

export function template(params: TemplateParams): TemplateResult {
  const year = Number.isInteger(params.year) && params.year > 1990 && params.year < 3000 ? params.year : new Date().getFullYear() - 1;
  const agency = typeof params.agency === 'string' && params.agency.trim() ? params.agency.trim().slice(0, 100) : undefined;
  return { text: reportTemplate(year, agency) };
}
