/** Which documents go to the language server. The server itself decides whether a document is a report. */
import type { TextDocument } from 'vscode';
import { LANGUAGE_ID, ORIGINAL_SCHEME } from '../../server/src/protocol';

export { LANGUAGE_ID };

/** Usable both as the editor's DocumentSelector and as the language client's. */
export const DOCUMENT_SELECTOR: { language: string; scheme: string }[] = [
  { language: LANGUAGE_ID, scheme: 'file' },
  { language: LANGUAGE_ID, scheme: 'untitled' },
  // The read-only text view of a .docx, .pdf or .html original.
  { language: LANGUAGE_ID, scheme: ORIGINAL_SCHEME },
  { language: 'markdown', scheme: 'file' },
  { language: 'plaintext', scheme: 'file' },
];

/** Whether a document matches DOCUMENT_SELECTOR (without asking the editor to score it). */
export function isChecked(doc: TextDocument): boolean {
  const { languageId, uri } = doc;
  if (languageId === LANGUAGE_ID) return uri.scheme === 'file' || uri.scheme === 'untitled' || uri.scheme === ORIGINAL_SCHEME;
  return (languageId === 'markdown' || languageId === 'plaintext') && uri.scheme === 'file';
}
