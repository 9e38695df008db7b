/** The requests behind the editor's views of originals and "导出为 Word". */
import { problemMessage } from '../../core/checks/rules/source-unreadable';
import { tableName } from '../../core/checks/names';
import type { Locale } from '../../core/checks/types';
import type { ExportDocxResult, SourceTextResult } from '../../protocol';
import { loadReaders } from '../../node/sources';
import type { Analysis } from '../analysis';
import type { Originals } from '../originals';

/** The text view of an original, read (and kept) by the server. */
export async function sourceText(originals: Originals, uri: string, locale: Locale): Promise<SourceTextResult> {
  const view = await originals.view(uri);
  return { text: view.text, kind: view.kind, problems: view.problems.map((p) => (locale === 'en' ? problemMessage(p).en : problemMessage(p).zh)) };
}

/** The analysed report as a .docx in the official layout. */
export async function exportDocxOf(a: Analysis): Promise<ExportDocxResult> {
  const { exportDocx } = await loadReaders();
  const { bytes, asText } = await exportDocx(a.model, a.lines);
  return { data: Buffer.from(bytes).toString('base64'), asText: asText.map((k) => tableName(k, a.locale)) };
}
