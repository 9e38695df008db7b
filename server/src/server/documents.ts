/**
 * The open documents, kept exactly as the client has them (as their lines: line-document.ts). Every change is
 * checked before it is applied:
 * positions outside the document are clamped the way the protocol and VS Code's own text model read them
 * (a character past its line's end is the line's end, a line past the last is the document's end, negatives
 * are the start), one change after the other, so no range can corrupt the line table and the server's text
 * stays the client's. A change that is not a change at all (a text that is not a string, a position that is
 * not a number) is refused whole: applying part of it would leave a text the client never had.
 */
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { Bilingual } from '../core/checks/types';
import { LineDocument } from './line-document';

/** Why a change was refused, for the log: in both languages (the message is the English). */
export class RefusedChange extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en);
  }
}

function isPosition(p: unknown): p is Position {
  const q = p as Position | null;
  return typeof q === 'object' && q !== null && Number.isFinite(q.line) && Number.isFinite(q.character);
}

/** Checks the shape of one change event; throws RefusedChange when it is not one. */
function checkShape(c: unknown, i: number): TextDocumentContentChangeEvent {
  if (typeof c !== 'object' || c === null) throw new RefusedChange({ zh: `第 ${i} 项修改不是对象`, en: `change ${i} is not an object` });
  const change = c as { text?: unknown; range?: unknown };
  if (typeof change.text !== 'string') throw new RefusedChange({ zh: `第 ${i} 项修改没有文本字符串`, en: `change ${i} has no text string` });
  if (change.range === undefined) return { text: change.text };
  const r = change.range as Range | null;
  if (typeof r !== 'object' || r === null || !isPosition(r.start) || !isPosition(r.end)) {
    throw new RefusedChange({ zh: `第 ${i} 项修改的范围中有不是数字的位置`, en: `change ${i} has a range whose positions are not numbers` });
  }
  return { range: r, text: change.text };
}

/** What clamping needs of a document: its lines' count and lengths (without their breaks). */
export interface Lines {
  readonly lineCount: number;
  lineLength(line: number): number;
}

/** A position inside the document: the nearest one, as VS Code's text model reads an out-of-range one. */
export function clampPosition(doc: Lines, p: Position): Position {
  const last = doc.lineCount - 1;
  const line = Math.floor(p.line);
  if (line < 0) return { line: 0, character: 0 };
  if (line > last) return { line: last, character: doc.lineLength(last) };
  return { line, character: Math.min(Math.max(0, Math.floor(p.character)), doc.lineLength(line)) };
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** A change's range inside the document, start before end. */
export function clampRange(doc: Lines, r: Range): Range {
  const start = clampPosition(doc, r.start);
  const end = clampPosition(doc, r.end);
  return before(end, start) ? { start: end, end: start } : { start, end };
}

/** The changes of a didChange, checked for shape; throws RefusedChange when the list or a change is malformed. */
export function checkChanges(changes: unknown, version: unknown): TextDocumentContentChangeEvent[] {
  if (!Array.isArray(changes)) throw new RefusedChange({ zh: 'contentChanges 不是列表', en: 'contentChanges is not a list' });
  if (typeof version !== 'number' || !Number.isInteger(version)) throw new RefusedChange({ zh: '版本号不是整数', en: 'the version is not an integer' });
  return changes.map(checkShape);
}

/**
 * Applies changes one by one, each clamped against the text the ones before it left. Throws RefusedChange
 * (and changes nothing) when the list or any change in it is malformed.
 */
export function applyChanges(doc: LineDocument, changes: unknown, version: unknown): LineDocument {
  const checked = checkChanges(changes, version);
  for (const c of checked) doc.replace('range' in c ? clampRange(doc, c.range) : undefined, c.text, version as number);
  return doc;
}

/** The version a didOpen gives its document (0 when the client sent none that is an integer). */
export function openVersion(version: unknown): number {
  return Number.isInteger(version) ? (version as number) : 0;
}

/**
 * The configuration of vscode-languageserver's TextDocuments with these checks. A refused change is reported
 * to `onRefused` and leaves the document as it was.
 */
export function validatingDocuments(onRefused: (uri: string, reason: Bilingual) => void): TextDocumentsConfiguration<TextDocument> {
  return {
    create(uri, languageId, version, content) {
      return new LineDocument(uri, typeof languageId === 'string' ? languageId : 'plaintext', openVersion(version), typeof content === 'string' ? content : '');
    },
    update(doc, changes, version) {
      try {
        return applyChanges(doc as unknown as LineDocument, changes, version);
      } catch (err) {
        if (!(err instanceof RefusedChange)) throw err;
        onRefused(doc.uri, err.reason);
        return doc;
      }
    },
  };
}
