/** govreport.newReport: a new untitled report from the server's 2021 template. */
import * as vscode from 'vscode';
import { TEMPLATE, type TemplateParams, type TemplateResult } from '../../../server/src/protocol';
import type { LanguageServer } from '../languageServer';
import type { Messages } from '../messages';
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
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: result.text });
  await vscode.window.showTextDocument(doc);
  return doc;
}
