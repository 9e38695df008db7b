/**
 * An open document held as its lines, so an edit costs the lines it touches, not the whole text: a burst of
 * thousands of keystrokes in a 1 MB report would otherwise copy the megabyte on every one. The text as one
 * string, and the line offsets, are built when asked for (once per check) and kept until the next edit.
 * Positions read as vscode-languageserver-textdocument reads them (a character past its line's end is the
 * line's end, a line past the last is the text's end); changes must come clamped (documents.ts).
 */
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';

const CR = 13;
const LF = 10;
/** Lines inserted by splice(...lines) at most (JavaScript limits the number of arguments of a call). */
const SPLICE_MAX = 10_000;

/** A text's lines, each with its line break ("\n", "\r\n" or "\r"; the last has none). */
export function splitKeepingBreaks(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== LF && c !== CR) continue;
    if (c === CR && text.charCodeAt(i + 1) === LF) i++;
    out.push(text.slice(start, i + 1));
    start = i + 1;
  }
  out.push(text.slice(start));
  return out;
}

/** The length of a line without its break. */
function contentLength(line: string): number {
  let n = line.length;
  if (n > 0 && line.charCodeAt(n - 1) === LF) n--;
  if (n > 0 && line.charCodeAt(n - 1) === CR) n--;
  return n;
}

export class LineDocument implements TextDocument {
  /** The lines, split from the text when first needed (a document only opened and checked is never split). */
  private split: string[] | undefined;
  private text: string | undefined;
  private starts: number[] | undefined;

  constructor(readonly uri: string, readonly languageId: string, private ver: number, content: string) {
    this.text = content;
  }

  private get lines(): string[] {
    return (this.split ??= splitKeepingBreaks(this.text!));
  }

  get version(): number {
    return this.ver;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** The length of line `line` without its break. */
  lineLength(line: number): number {
    return contentLength(this.lines[line] ?? '');
  }

  /** Line `line` without its break; out of range: before the first line, empty; after the last, the end. */
  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (line >= this.lines.length) {
      const last = this.lines.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.lines[last]!.length } };
    }
    return { start: { line, character: 0 }, end: { line, character: contentLength(this.lines[line]!) } };
  }

  /** The break that ends line `line` ("" for the last line and out of range). */
  getEOLCharacters(line: number): string {
    const l = this.lines[line];
    return l === undefined ? '' : l.slice(contentLength(l));
  }

  getText(range?: Range): string {
    this.text ??= this.lines.join('');
    if (!range) return this.text;
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  private lineStarts(): number[] {
    if (!this.starts) {
      const starts = new Array<number>(this.lines.length);
      let at = 0;
      for (let i = 0; i < this.lines.length; i++) {
        starts[i] = at;
        at += this.lines[i]!.length;
      }
      this.starts = starts;
    }
    return this.starts;
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    if (position.line >= this.lines.length) return this.getText().length;
    if (position.line < 0) return 0;
    const start = starts[position.line]!;
    if (position.character <= 0) return start;
    return start + Math.min(position.character, contentLength(this.lines[position.line]!));
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    const o = Math.max(0, Math.min(offset, this.getText().length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo]! };
  }

  /** Replaces `range` (inside the document, start before end) with `text`; the whole text when no range. */
  replace(range: Range | undefined, text: string, version: number): void {
    this.ver = version;
    this.starts = undefined;
    if (!range) {
      this.split = undefined;
      this.text = text;
      return;
    }
    const lines = this.lines; // split (if it was not) before the text is let go
    this.text = undefined;
    let first = range.start.line;
    const last = range.end.line;
    let joined = lines[first]!.slice(0, range.start.character) + text + lines[last]!.slice(range.end.character);
    // A "\r" ending the line before and a "\n" now starting this one are one line break: read them together.
    if (first > 0 && joined.charCodeAt(0) === LF && range.start.character === 0 && lines[first - 1]!.endsWith('\r') && !lines[first - 1]!.endsWith('\r\n')) {
      first--;
      joined = lines[first]! + joined;
    }
    const replacement = splitKeepingBreaks(joined);
    // Unless the range ended on the last line, `joined` ends with that line's own break: the empty piece after
    // it is not a line (the next line follows).
    if (last + 1 < lines.length) replacement.pop();
    // A paste of many lines is too many arguments for splice: build the list anew instead.
    if (replacement.length > SPLICE_MAX) this.split = lines.slice(0, first).concat(replacement, lines.slice(last + 1));
    else lines.splice(first, last - first + 1, ...replacement);
  }
}
