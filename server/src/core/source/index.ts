/**
 * Reads an original — .docx, .html/.htm or .pdf — from its bytes into a text view with table grids. Pure (no
 * file system); the libraries load on first use. Never throws: a file that cannot be read gives a view with
 * one problem saying why (scanned, encrypted, damaged, a legacy .doc/.wps, over a limit).
 */
import { docxParts, readDocumentXml } from './docx';
import { readHtml } from './html';
import { readPdf } from './pdf';
import { SOURCE_LIMITS, type SourceEnv, type SourceKind, type SourceLimits, type SourceProblem, type SourceView } from './types';

export * from './types';

/** File name endings read as originals, and what each is. */
export const SOURCE_EXTENSIONS: Readonly<Record<string, SourceKind>> = {
  '.docx': 'docx', '.docm': 'docx', '.wpsx': 'docx', '.pdf': 'pdf', '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.shtml': 'html', '.doc': 'legacy', '.wps': 'legacy',
};

/** The kind of original a file name says, if any. */
export function sourceKindOf(fileName: string): SourceKind | undefined {
  const m = /\.[A-Za-z0-9]+$/.exec(fileName);
  return m ? SOURCE_EXTENSIONS[m[0].toLowerCase()] : undefined;
}

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Whether an OLE compound file holds an encrypted Office package (a password-protected .docx). */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const name = 'EncryptedPackage';
  const probe = Math.min(bytes.length, 4 * 1024 * 1024);
  outer: for (let i = 0; i + name.length * 2 <= probe; i++) {
    if (bytes[i] !== 0x45) continue;
    for (let k = 0; k < name.length; k++) if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

function problemView(kind: SourceKind, problem: SourceProblem): SourceView {
  return { kind, text: '', grids: [], lines: [{}], problems: [problem] };
}

/** What the bytes are, by their signature first and the name's ending second. */
function sniff(bytes: Uint8Array, hint: SourceKind | undefined): SourceKind | 'ole' | undefined {
  if (startsWith(bytes, OLE)) return 'ole';
  if (startsWith(bytes, ZIP)) return 'docx';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (hint === 'docx' || hint === 'pdf') return hint; // damaged: read as what it says, and fail there
  if (/<(?:!doctype\s+html|html|head|body|meta|table|p|div)\b/i.test(head) || hint === 'html') return 'html';
  return hint;
}

export async function readSource(bytes: Uint8Array, hint?: SourceKind, limits: SourceLimits = { ...SOURCE_LIMITS }, env: SourceEnv = {}): Promise<SourceView> {
  const kind = sniff(bytes, hint);
  const as: SourceKind = kind === 'ole' || kind === undefined ? (hint ?? 'legacy') : kind;
  try {
    if (bytes.length > limits.maxFileBytes) return problemView(as, { kind: 'too-large', count: bytes.length, limit: limits.maxFileBytes });
    if (bytes.length === 0) return problemView(as, { kind: 'empty' });
    if (kind === 'ole') return problemView(as === 'legacy' ? 'legacy' : as, isEncryptedPackage(bytes) ? { kind: 'encrypted' } : { kind: 'legacy' });
    if (kind === 'docx') {
      const parts = await docxParts(bytes, limits);
      if ('problem' in parts) return problemView('docx', { kind: parts.problem, ...(parts.detail ? { detail: parts.detail } : {}), ...(parts.problem === 'too-large' ? { limit: limits.maxXmlBytes } : {}) });
      return await readDocumentXml(parts.document, limits, parts);
    }
    if (kind === 'pdf') return await readPdf(bytes, limits, env);
    if (kind === 'html') return await readHtml(bytes, limits);
    return problemView(as, { kind: 'damaged', detail: 'not a .docx, .pdf or .html file' });
  } catch (err) {
    return problemView(as, { kind: 'damaged', detail: (err as Error)?.message ?? String(err) });
  }
}
export { exportDocx } from '../export/docx';
