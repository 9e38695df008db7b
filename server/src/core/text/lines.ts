/** Positions and ranges as LSP has them: 0-based line, UTF-16 character offset within the line. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Line {
  /** 0-based line number. */
  index: number;
  /** The line's text without its line break. */
  text: string;
  /** Offset of the line's first character in the whole text. */
  offset: number;
}

/**
 * Splits text into lines the way editors do: `\r\n`, `\n` and `\r` all end a line. A leading BOM stays in
 * line 0's text (so columns match an editor that shows it) and is treated as white space by the readers.
 */
export function splitLines(text: string): Line[] {
  // Each line's end is found by indexOf, natively, not by a loop over every character in JS (which runs
  // interpreted in a fresh process): the next \r and the next \n are looked for again only once passed.
  const lines: Line[] = [];
  let start = 0;
  let cr = text.indexOf('\r');
  let lf = text.indexOf('\n');
  while (cr >= 0 || lf >= 0) {
    const end = lf >= 0 && (cr < 0 || lf < cr) ? lf : cr;
    lines.push({ index: lines.length, text: text.slice(start, end), offset: start });
    // \r\n is one line break.
    start = end === cr && cr + 1 === lf ? lf + 1 : end + 1;
    if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
    if (lf >= 0 && lf < start) lf = text.indexOf('\n', start);
  }
  lines.push({ index: lines.length, text: text.slice(start), offset: start });
  return lines;
}

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

/** A range within one line. */
export function span(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

export function lineRange(line: Line): Range {
  return span(line.index, 0, line.text.length);
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

export function rangesOverlap(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) < 0 && comparePositions(b.start, a.end) < 0;
}

export function isWhiteSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000 || code === 0xa0 || code === 0xfeff || code === 0x200b
    || (code >= 0x2000 && code <= 0x200a) || code === 11 || code === 12;
}

/** Index of the first non-white character at or after `from`, or text.length. */
export function skipWhite(text: string, from = 0): number {
  let i = from;
  while (i < text.length && isWhiteSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Index just past the last non-white character before `to`. */
export function skipWhiteBack(text: string, to = text.length): number {
  let i = to;
  while (i > 0 && isWhiteSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

/** Offsets of line starts, for turning an offset of the whole text into a position. */
export class LineMap {
  private readonly starts: number[];
  constructor(readonly lines: Line[]) {
    this.starts = lines.map((l) => l.offset);
  }
  positionAt(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const line = this.lines[lo]!;
    return { line: lo, character: Math.min(Math.max(0, offset - line.offset), line.text.length) };
  }
  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/**
 * A copy of a string that shares no storage with the text it was cut from (V8 keeps a slice of 13 characters
 * or more as a view of its parent): for keys of memos that outlive the text. Joined to a space, the string is
 * copied whole into a new one, and the slice of that keeps only the copy alive.
 */
export function ownCopy(s: string): string {
  return s.length <= 12 ? s : (' ' + s).slice(1);
}

export function isBlank(text: string): boolean {
  return skipWhite(text) === text.length;
}
