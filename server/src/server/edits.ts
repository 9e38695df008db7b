/**
 * Where the user just edited each open document, kept current through later edits: the ranges of the last
 * few small edits, in the document's present coordinates. The checks use them to put a finding on the cell
 * the user touched when several cells could be at fault (a sum broken by typing a number).
 */
import type { Position, Range } from '../core/text/lines';

/** How many recent edits are remembered per document. */
export const REMEMBERED_EDITS = 8;
/** An edit longer than this, or over several lines, is a paste or a replacement, not typing into a cell. */
export const MAX_CELL_EDIT_CHARS = 200;

/** A change as LSP sends it: a range replaced by text, or the whole text. */
export type Change = { range: Range; text: string } | { text: string };

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Where the inserted text ends, when it replaces from `start`. */
function endOf(start: Position, text: string): Position {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length === 1) return { line: start.line, character: start.character + text.length };
  return { line: start.line + lines.length - 1, character: lines[lines.length - 1]!.length };
}

/** `p` (at or after the replaced range's end) moved by the change of `from`–`to` into `from`–`end`. */
function shift(p: Position, to: Position, end: Position): Position {
  if (p.line === to.line) return { line: end.line, character: end.character + p.character - to.character };
  return { line: p.line + end.line - to.line, character: p.character };
}

/** The remembered ranges after one change (pure): moved, merged with the new edit, or dropped. */
export function applyChange(ranges: readonly Range[], change: Change): Range[] {
  if (!('range' in change)) return []; // the whole text replaced
  const { start: from, end: to } = change.range;
  const end = endOf(from, change.text);
  let edit: Range = { start: from, end };
  const out: Range[] = [];
  for (const r of ranges) {
    if (compare(r.end, from) < 0) out.push(r);
    else if (compare(r.start, to) > 0) out.push({ start: shift(r.start, to, end), end: shift(r.end, to, end) });
    else {
      // Overlapping or touching the change: one edit now (typing "1", then "2" after it).
      const s = compare(r.start, from) < 0 ? r.start : edit.start;
      const e = compare(r.end, to) > 0 ? shift(r.end, to, end) : edit.end;
      edit = { start: s, end: compare(e, edit.end) > 0 ? e : edit.end };
    }
  }
  const small = edit.start.line === edit.end.line && edit.end.character - edit.start.character <= MAX_CELL_EDIT_CHARS;
  if (small) out.push(edit);
  return out.slice(-REMEMBERED_EDITS);
}

const isPosition = (p: unknown): p is Position =>
  typeof p === 'object' && p !== null && Number.isFinite((p as Position).line) && Number.isFinite((p as Position).character);

function isChange(c: unknown): c is Change {
  if (typeof c !== 'object' || c === null || typeof (c as Change).text !== 'string') return false;
  if (!('range' in c) || (c as { range?: unknown }).range === undefined) return true;
  const r = (c as { range: Range }).range;
  return typeof r === 'object' && r !== null && isPosition(r.start) && isPosition(r.end);
}

export class EditTracker {
  private readonly edits = new Map<string, Range[]>();

  /** A document changed by these changes, applied in order (as in textDocument/didChange). */
  record(uri: string, changes: readonly Change[]): void {
    let ranges = this.edits.get(uri) ?? [];
    for (const c of Array.isArray(changes) ? changes : []) {
      if (!isChange(c)) {
        ranges = []; // not a change the document took: forget rather than guess
        break;
      }
      ranges = applyChange(ranges, c);
    }
    if (ranges.length > 0) this.edits.set(uri, ranges);
    else this.edits.delete(uri);
  }

  /** The document's recent edits, most recent last. */
  get(uri: string): readonly Range[] {
    return this.edits.get(uri) ?? [];
  }

  forget(uri: string): void {
    this.edits.delete(uri);
  }
}
