/** The GovReport requests beyond LSP: report facts for the status bar, checking files on disk, the template. */
import { fileURLToPath } from 'node:url';
import { type CancellationToken, LSPErrorCodes, ResponseError, type TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../core/checks/types';
import { reportTemplate } from '../../core/template';
import { readReportFile } from '../../node/files';
import type { CheckFileSummary, CheckFilesParams, CheckFilesResult, ReportInfo, TemplateParams, TemplateResult } from '../../protocol';
import type { Analyzer } from '../analysis';
import { DiagnosticsPublisher } from './diagnostics';

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

export async function checkFiles(
  params: CheckFilesParams, documents: TextDocuments<TextDocument>, analyzer: Analyzer, publisher: DiagnosticsPublisher,
  token: CancellationToken,
): Promise<CheckFilesResult> {
  const files: CheckFileSummary[] = [];
  for (const uri of params.uris.slice(0, 1000)) {
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    try {
      let doc = documents.get(uri);
      if (!doc) {
        if (!uri.startsWith('file:')) throw new Error('not a file');
        const { text } = await readReportFile(fileURLToPath(uri));
        doc = TextDocument.create(uri, 'govreport', 0, text);
      }
      const a = await analyzer.analyse(doc);
      if (!documents.get(uri)) analyzer.forget(uri);
      publisher.pushFile(uri, a.model.isReport ? DiagnosticsPublisher.diagnostics(a) : []);
      files.push({ uri, isReport: a.model.isReport, ...tally(a.findings) });
    } catch (err) {
      files.push({ uri, isReport: false, errors: 0, warnings: 0, notes: 0, error: (err as Error).message });
    }
  }
  return { files };
}

export function template(params: TemplateParams): TemplateResult {
  const year = Number.isInteger(params.year) && params.year > 1990 && params.year < 3000 ? params.year : new Date().getFullYear() - 1;
  const agency = typeof params.agency === 'string' && params.agency.trim() ? params.agency.trim().slice(0, 100) : undefined;
  return { text: reportTemplate(year, agency) };
}
