/**
 * Text edits for fixes. Every edit touches only its target: a cell's text, a heading's numeral, whole lines
 * inserted between existing lines, or one line of debris removed.
 */
import type { Line, Range } from '../text/lines';
import type { TextEdit } from './types';

export function replace(range: Range, newText: string): TextEdit {
  return { range, newText };
}

/** Inserts whole lines before line `at` (or at the end of the text when `at` is past the last line). */
export function insertLines(lines: readonly Line[], at: number, newLines: string[], eol: string): TextEdit {
  if (at < lines.length) {
    const pos = { line: at, character: 0 };
    return { range: { start: pos, end: pos }, newText: newLines.map((l) => l + eol).join('') };
  }
  const last = lines[lines.length - 1]!;
  const pos = { line: last.index, character: last.text.length };
  const lead = last.text.length > 0 ? eol : '';
  return { range: { start: pos, end: pos }, newText: lead + newLines.join(eol) + eol };
}

/** Inserts whole lines after line `after`. */
export function insertLinesAfter(lines: readonly Line[], after: number, newLines: string[], eol: string): TextEdit {
  return insertLines(lines, after + 1, newLines, eol);
}

/** Removes line `i` with its line break. */
export function deleteLine(lines: readonly Line[], i: number): TextEdit {
  if (i + 1 < lines.length) return { range: { start: { line: i, character: 0 }, end: { line: i + 1, character: 0 } }, newText: '' };
  if (i > 0) {
    const prev = lines[i - 1]!;
    return { range: { start: { line: i - 1, character: prev.text.length }, end: { line: i, character: lines[i]!.text.length } }, newText: '' };
  }
  return { range: { start: { line: i, character: 0 }, end: { line: i, character: lines[i]!.text.length } }, newText: '' };
}
