/** govreport.newReport: a new untitled report from the server's 2021 template. */
import * as vscode from 'vscode';
import { TEMPLATE, type TemplateParams, type TemplateResult } from '../../../server/src/protocol';
import type { LanguageServer } from '../languageServer';
import type { Messages } from '../messages';
import { reportFileName } from '../reportName';
import { LANGUAGE_ID } from '../selector';

/** The first report year of the 2021 format (国办公开办函〔2021〕30号). */
export const FIRST_TEMPLATE_YEAR = 2021;

export interface NewReportArgs {
  year?: number;
  agency?: string;
}

/** Asks for the year and the agency (unless given as the argument), returns the new document or undefined. */
export async function newReport(
  server: LanguageServer,
  m: Messages,
  args?: NewReportArgs,
): Promise<vscode.TextDocument | undefined> {
  const maxYear = new Date().getFullYear();
  const valid = (y: number) => Number.isInteger(y) && y >= FIRST_TEMPLATE_YEAR && y <= maxYear;
  let year = args?.year;
  if (year === undefined || !valid(year)) {
    const answer = await vscode.window.showInputBox({
      prompt: m.yearPrompt,
      value: String(year ?? maxYear - 1),
      validateInput: (v) => (valid(Number(v.trim())) ? undefined : m.yearInvalid(FIRST_TEMPLATE_YEAR, maxYear)),
    });
    if (answer === undefined) return undefined;
    year = Number(answer.trim());
  }
  let agency = args?.agency;
  if (args?.year === undefined && agency === undefined) {
    agency = await vscode.window.showInputBox({ prompt: m.agencyPrompt, placeHolder: m.agencyPlaceholder });
    if (agency === undefined) return undefined;
  }
  const params: TemplateParams = { year };
  if (agency !== undefined && agency.trim() !== '') params.agency = agency.trim();
  let result: TemplateResult;
  try {
    result = await server.request<TemplateResult>(TEMPLATE, params);
  } catch (err) {
    void vscode.window.showErrorMessage(m.templateFailed(err instanceof Error ? err.message : String(err)));
    return undefined;
  }
  // An untitled document with a name: saving it suggests <年份>年<机关>政府信息公开工作年度报告.txt in the
  // workspace folder, not "Untitled-1.govreport".
  const uri = await freeName(year, params.agency);
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  await editor.edit((e) => e.insert(new vscode.Position(0, 0), result.text));
  return vscode.languages.setTextDocumentLanguage(editor.document, LANGUAGE_ID);
}

/** How many numbered names are tried before giving up on a free one. */
const MAX_COPIES = 20;

/** An untitled URI for the report in the first workspace folder, named so it overwrites nothing there or open. */
async function freeName(year: number, agency: string | undefined): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  let uri = vscode.Uri.from({ scheme: 'untitled', path: reportFileName(year, agency) });
  for (let copy = 1; copy <= MAX_COPIES; copy++) {
    const name = reportFileName(year, agency, copy);
    const onDisk = folder ? vscode.Uri.joinPath(folder, name) : undefined;
    uri = onDisk ? onDisk.with({ scheme: 'untitled' }) : vscode.Uri.from({ scheme: 'untitled', path: name });
    const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
    const exists = onDisk ? await vscode.workspace.fs.stat(onDisk).then(() => true, () => false) : false;
    if (!open && !exists) break;
  }
  return uri;
}
