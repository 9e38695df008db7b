/**
 * Which lines are a table's and which are prose. A table region (regions.ts) runs on over short lines — a
 * label broken over lines, a group label written apart — so a short line of prose right after a table or
 * between two (a note 注：…, a one-line paragraph, a heading-like line) falls inside it. Such a line is the
 * table's only when the table reader used it: its header, a row, a group label, a caption. A line outside
 * everything the reader used is prose when it reads as text (no cells, no value, no word of the tables) and
 * is not one of the lines a table keeps for itself (its unit 单位：件, its caption 表三：…). Inside a table
 * that could not be read with confidence nothing is taken for prose: what the reader used there is a guess.
 */
import type { Table } from '../model';
import type { Line, Range } from '../text/lines';
import type { Region } from './regions';
import type { LineInfo } from './tokens';
import type { VocabMatch } from './vocab';

/** A table's own lines that name no row: its unit (单位：件, （单位：万元）) and its caption (表三：…, 表 3). */
const TABLE_OWN_LINE = /^[\s\u3000]*[（(]?[\s\u3000]*(?:(?:计量)?单位[\s\u3000]*[:：]|表[\s\u3000]*[一二三四五六1-6１-６](?![\d０-９]))/;

/** The first and last line the table reader used for a table; null when it used none. */
function usedExtent(t: Table): [number, number] | null {
  let first = Infinity;
  let last = -Infinity;
  const add = (r: Range | null | undefined) => {
    if (!r) return;
    if (r.start.line < first) first = r.start.line;
    if (r.end.line > last) last = r.end.line;
  };
  add(t.headerRange);
  for (const row of t.rows.values()) add(row.range);
  for (const row of t.strayRows) add(row.range);
  for (const g of t.groups) add(g.range);
  for (const l of t.labels) add(l.written.range);
  for (const b of t.blocks ?? []) {
    add(b.caption?.range);
    for (const h of b.header) add(h.range);
    for (const key of b.rows) add(t.rows.get(key)?.range);
  }
  return first <= last ? [first, last] : null;
}

/** White space and punctuation: not the text of a line. */
const NOT_TEXT = /[\s\u3000\p{P}]/u;
/** Whether each BMP character is white space or punctuation (1), or text (2); 0 until first met. */
const notText = new Uint8Array(0x10000);

/**
 * Whether `text` has at least `min` UTF-16 units of text, white space and punctuation not counted — as
 * `text.replace(/[\s\u3000\p{P}]/gu, '').length >= min`, counted only as far as needed, each character
 * classified once.
 */
export function hasTextChars(text: string, min: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length && n < min; i++) {
    const c = text.charCodeAt(i);
    const d = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
      if (!NOT_TEXT.test(text.slice(i, i + 2))) n += 2;
      i++;
      continue;
    }
    let k = notText[c]!;
    if (k === 0) notText[c] = k = NOT_TEXT.test(String.fromCharCode(c)) ? 1 : 2;
    if (k === 2) n++;
  }
  return n >= min;
}

/** A note below a table: 注：…, 备注：…, 说明：…. */
const NOTE = /^[\s\u3000]*(?:注|备注|说明)[\s\u3000]*[:：]/;
/**
 * Fewer characters than this are a piece of a label broken over lines (总 / 计, （六）, 理), not a line of prose:
 * the shortest note worth reading (本年度未发生行政诉讼) has more.
 */
const MIN_TEXT_CHARS = 6;
/** A label with a number after it, one space apart (缴纳费用、行政机关不再 0): a row's piece, not prose. */
const ENDS_WITH_VALUE = /[\s\u3000][\d０-９]+[\s\u3000]*$/;

/**
 * Whether a whole line reads as text: no cells, no value, not a table's own line, and no word of the tables —
 * or only the name of a row the table has read on a line of its own (本年度未收到政府信息公开申请 reads like
 * 一、本年新收政府信息公开申请数量, which the table has).
 */
function readsAsText(info: LineInfo, tables: readonly Table[]): boolean {
  if (info.from !== undefined || (info.kind !== 'fragment' && info.kind !== 'prose' && info.kind !== 'vocab')) return false;
  const text = info.line.text;
  if (!hasTextChars(text, MIN_TEXT_CHARS)) return false;
  if (TABLE_OWN_LINE.test(text) || ENDS_WITH_VALUE.test(text)) return false;
  // A note says it is one, however like a table's words the rest reads (注：本年度无收费).
  if (NOTE.test(text)) return true;
  return info.vocab.every((matches) => !matches || matches.length === 0 || namesRowRead(matches[0]!, info.line.index, tables));
}

/** Whether a vocabulary match names a row that a table read with confidence has on another line. */
function namesRowRead(m: VocabMatch, line: number, tables: readonly Table[]): boolean {
  if (m.entry.role !== 'row') return false;
  const row = tables.find((t) => t.key === m.entry.table && t.confident)?.rows.get(m.entry.key);
  return !!row && (row.range.start.line > line || row.range.end.line < line);
}

/**
 * For each line, whether it is a table's: inside what a table reader used, or in a table's extent or a table
 * region and not text (see readsAsText). HTML table tag lines (`spans`) are always the table's.
 */
export function tableLines(lines: readonly Line[], infos: readonly LineInfo[], regions: readonly Region[],
  tables: readonly Table[], spans: readonly [number, number][]): boolean[] {
  const inTable = new Array<boolean>(lines.length).fill(false);
  // What each table used; a table in doubt keeps its whole extent.
  const used = tables.map((t) => (t.confident ? usedExtent(t) : [t.range.start.line, t.range.end.line] as [number, number]))
    .filter((x): x is [number, number] => x !== null);
  const whole = wholeReadings(lines, infos);
  for (const t of tables) {
    for (let i = t.range.start.line; i <= Math.min(t.range.end.line, lines.length - 1); i++) mark(inTable, i, whole, used, tables);
  }
  for (const r of regions) {
    for (let i = r.first; i <= r.last; i++) if (infos[i]!.from === undefined) mark(inTable, infos[i]!.line.index, whole, used, tables);
  }
  for (const [a, b] of spans) for (let i = a; i <= b; i++) inTable[i] = true;
  return inTable;
}

/**
 * Each line's reading of the whole line, by line number (undefined for a line read as pieces). A text that
 * lost its layout nowhere (most) has one reading a line, in line order: those readings themselves, with no
 * pass over every line to place them (a loop over every line of every report, run in V8's baseline code, is
 * what makes a function hot enough to be compiled, and compiling this one cost more than it saved). Exported
 * for the test that it is the reading placed by line number.
 */
export function wholeReadings(lines: readonly Line[], infos: readonly LineInfo[]): readonly (LineInfo | undefined)[] {
  if (infos.length === lines.length && !anyPiece(infos)) return infos;
  const byLine = new Array<LineInfo | undefined>(lines.length);
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i]!;
    if (info.from === undefined) byLine[info.line.index] = info;
  }
  return byLine;
}

/** Whether a reading is a piece of a line (read by lost.ts: searched natively, most texts have none). */
function anyPiece(infos: readonly LineInfo[]): boolean {
  return infos.findIndex(isPiece) >= 0;
}

function isPiece(info: LineInfo): boolean {
  return info.from !== undefined;
}

/** Marks a line the table's when a table reader used it, or it has no whole reading, or it does not read as text. */
function mark(inTable: boolean[], line: number, whole: readonly (LineInfo | undefined)[], used: readonly [number, number][],
  tables: readonly Table[]): void {
  if (inTable[line]) return;
  const info = whole[line];
  if (isUsed(used, line) || !info || !readsAsText(info, tables)) inTable[line] = true;
}

/** Whether `line` is within one of the extents the table readers used. */
function isUsed(used: readonly [number, number][], line: number): boolean {
  for (let k = 0; k < used.length; k++) if (line >= used[k]![0] && line <= used[k]![1]) return true;
  return false;
}
