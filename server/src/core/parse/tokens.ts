/**
 * Reads each line into cell tokens, whatever shape the table arrived in: tab-separated, Markdown pipes,
 * space-aligned PDF columns, one cell a line, or a label followed by numbers.
 */
import type { Line } from '../text/lines';
import { isWhiteSpace, skipWhite, skipWhiteBack } from '../text/lines';
import { TextMemo } from '../text/memo';
import { type LabelKey, labelKey, normalize, normalizedLength } from '../text/normalize';
import { CHANGE_SIGNS, DAMAGED_DIGITS, isDashRun, JOINED_DIGITS, mayBeginValue, type ParsedValue, parseValue } from '../text/values';
import { lookup, type VocabMatch } from './vocab';

export type TokenKind = 'value' | 'label' | 'blank';

export interface Token {
  line: number;
  /** Source columns of the trimmed text (for a blank cell, an empty span where it is). */
  start: number;
  end: number;
  text: string;
  kind: TokenKind;
  value?: ParsedValue;
  /** Normalised label key and numbering (labels only). */
  key: string;
  numbering: string;
  /** The cell text begins after leading white space on its line (one-cell-a-line shape indents cells). */
  indented: boolean;
  /** One plain space alone separates this value from the value before it (PDF text; maybe one number broken). */
  spaced?: boolean;
  /** A blank that is a cell for certain (an empty line among cells written one a line, packed), not a filler. */
  cell?: boolean;
  /** What the line reader knows of a label's text (labels made by the line reader only; see LabelReading). */
  reading?: LabelReading;
}

export type LineKind =
  | 'blank'
  | 'page-number'
  | 'separator'
  /** Several cells, at least one a value or table vocabulary. */
  | 'cells'
  /** One value alone. */
  | 'value'
  /** One label that is table vocabulary. */
  | 'vocab'
  /** A short piece of text: a fragment of a label broken over lines, a damaged label. */
  | 'fragment'
  | 'prose';

export interface LineInfo {
  line: Line;
  kind: LineKind;
  tokens: Token[];
  /** Cells were separated by tabs, pipes or wide gaps (a row of a table), not one cell alone. */
  multi: boolean;
  /** Vocabulary matches of the label tokens (same order as the label tokens). */
  vocab: (VocabMatch[] | undefined)[];
  /** The line read as a section heading, once asked (null: it is not one). Depends on the text alone. */
  heading?: unknown;
  /**
   * A piece of its line: the line lost its layout (web text, lost.ts) and was cut into pieces, each read as one
   * cell, heading or stretch of prose. Columns are the line's own; absent for a whole line.
   */
  from?: number;
  to?: number;
}

/**
 * A token as the line reader makes it: every field set, in the same order, whatever the kind (absent ones
 * undefined), so that V8 gives all tokens one hidden class. The readers after it read tokens in their hottest
 * loops; tokens of three or four shapes (a label's reading, a value's value, a spaced value, a label made a
 * value) made every such read polymorphic, and each new shape met deoptimised the code compiled before it.
 */
function token(line: number, start: number, end: number, text: string, kind: TokenKind, value: ParsedValue | undefined, key: string,
  numbering: string, indented: boolean, reading: LabelReading | undefined): Token {
  return { line, start, end, text, kind, value, key, numbering, indented, spaced: undefined, cell: undefined, reading };
}

/**
 * A line's reading as the readers of this module make it: every field set, in the same order (see token),
 * `heading` (set later, by the section reader) and the piece's columns included.
 */
export function lineInfo(line: Line, kind: LineKind, multi: boolean, from?: number, to?: number): LineInfo {
  return { line, kind, tokens: [], multi, vocab: [], heading: undefined, from, to };
}

/** A pipe-table row whose one filled cell is a page number (`| - 2 - |  |  |`): a converter's page break. */
export function pageNumberRow(t: string): boolean {
  if (t.charCodeAt(skipWhite(t)) !== 124) return false;
  // The one cell with text between pipes (or before the first, after the last), found without splitting, from
  // pipe to pipe by indexOf.
  let from = -1;
  let to = -1;
  let start = 0;
  for (let i = t.indexOf('|'); ; i = t.indexOf('|', start)) {
    const end = i < 0 ? t.length : i;
    if (skipWhite(t, start) < end) {
      if (from >= 0) return false;
      from = start;
      to = end;
    }
    if (i < 0) break;
    start = i + 1;
  }
  return from >= 0 && PAGE_NUMBER.test(t.slice(from, to));
}

/** Whether a whole line is a page number as PDF extraction prints one (-4-, 第 4 页, 4/10, · 4 ·). */
export function isPageNumberLine(t: string): boolean {
  return PAGE_NUMBER.test(t);
}

const PAGE_NUMBER = /^\s*(?:[-—–－―]\s*\d{1,3}\s*[-—–－―]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|·\s*\d{1,3}\s*·)\s*$/;
/**
 * Whether a line's first character after white space may begin PAGE_NUMBER: a dash, 第, a digit or a middle
 * dot (and the white space that `\s` has beyond isWhiteSpace).
 */
function pageNumberStart(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 0x2014 || c === 0x2013 || c === 0xff0d || c === 0x2015 || c === 0x7b2c || c === 0xb7
    || c === 10 || c === 13 || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}
const SENTENCE_END = /[。；;！!？?]/;
const GAP = /\S(?: {2,}|\u3000)\S/;

/**
 * What a label's text says, read once for each distinct text: the same labels come back in every report and
 * with every edit. Each field is a pure function of the text; the vocabulary is looked up when first asked.
 */
export interface LabelReading extends LabelKey {
  /** White space inside (`\s`): maybe two labels one space apart, or a label and its values. */
  white: boolean;
  /** Sentence punctuation inside (SENTENCE_END). */
  sentence: boolean;
  /** Its last word (after white space) may begin a value: values may be peeled off its end. */
  peelable: boolean;
  /** A header cell that PDF converters invent (FAKE_HEADER). */
  fake: boolean;
  /** It reads as a number written wrongly (badValueText). */
  bad: boolean;
  /** Vocabulary matches scoring ≥ 0.6, best first (shared, never changed); undefined until asked. */
  vocab: VocabMatch[] | undefined;
}

/** Distinct label texts remembered at most (the memo starts again when full), and the longest text remembered. */
const READING_MEMO_LIMIT = 20000;
const READING_MEMO_TEXT = 200;
const readingMemo = new TextMemo(readLabel, READING_MEMO_LIMIT, READING_MEMO_TEXT);

/** The reading of a label's text, remembered. */
function labelReading(text: string): LabelReading {
  return readingMemo.get(text);
}

function readLabel(text: string): LabelReading {
  const lk = labelKey(normalize(text));
  let w = text.length;
  while (w > 0 && !isWhiteSpace(text.charCodeAt(w - 1))) w--;
  return {
    key: lk.key,
    numbering: lk.numbering,
    white: /\s/.test(text),
    sentence: SENTENCE_END.test(text),
    peelable: w > 0 && mayBeginValue(text.charCodeAt(w)),
    fake: FAKE_HEADER.test(text),
    bad: badValueText(text),
    vocab: undefined,
  };
}

/** A label token's reading: the one the line reader gave it, or its text's. */
function readingOf(tk: Token): LabelReading {
  return tk.reading ?? labelReading(tk.text);
}

/** A label's vocabulary matches scoring ≥ 0.6 (see vocab.ts). */
function vocabOf(r: LabelReading): VocabMatch[] {
  return (r.vocab ??= lookup(r.key, 0.6));
}

/** Whether a label is table vocabulary: a match ≥ 0.75 (the matches are sorted best first). */
function vocabIn(r: LabelReading): boolean {
  const m = vocabOf(r);
  return m.length > 0 && m[0]!.score >= VOCAB_SCORE;
}

/** Whether a label may be a row label of some table: a row among its matches ≥ 0.75. */
function rowIn(r: LabelReading): boolean {
  const ms = vocabOf(r);
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i]!;
    if (m.score < VOCAB_SCORE) return false;
    if (m.entry.role === 'row') return true;
  }
  return false;
}

/** The score at which a label's match makes it table vocabulary. */
const VOCAB_SCORE = 0.75;

function makeToken(line: Line, start: number, end: number): Token {
  // An empty cell stays where it is: white space is skipped within the cell only, never into the next one.
  // A cell of spaces (`|  |`) keeps its blank one space in, so filling it reads `| 0 |`.
  let s = skipWhite(line.text, start);
  if (s >= end) s = end - start >= 2 ? start + 1 : end;
  const e = Math.max(s, skipWhiteBack(line.text, end));
  const text = line.text.slice(s, e);
  const indented = s > 0 && skipWhite(line.text, 0) === s;
  if (text.length === 0) {
    return token(line.index, s, s, text, 'blank', undefined, '', '', indented, undefined);
  }
  const value = parseValue(text);
  if (value.state === 'number' || value.state === 'placeholder' || value.joined) {
    return token(line.index, s, e, text, 'value', value, '', '', indented, undefined);
  }
  const r = labelReading(text);
  return token(line.index, s, e, text, 'label', undefined, r.key, r.numbering, indented, r);
}

/**
 * Splits `line.text[from, to)` at every occurrence of `sep`, found by indexOf (natively: a loop over the
 * characters in JS is slow while V8 still interprets it, which is most of a fresh process's first reports).
 */
export function splitOn(line: Line, sep: string, from: number, to: number): Token[] {
  const t = line.text;
  const out: Token[] = [];
  let start = from;
  for (let i = t.indexOf(sep, from); i >= 0 && i < to; i = t.indexOf(sep, start)) {
    out.push(makeToken(line, start, i));
    start = i + 1;
  }
  out.push(makeToken(line, start, to));
  return out;
}

/**
 * A gap between PDF layout columns: a run of two or more spaces (plain, ideographic or no-break), or an
 * ideographic space alone. A run is matched whole from its first character (the first alternative is greedy),
 * and a single plain or no-break space matches nothing.
 */
const GAP_CUT = /[ \u3000\u00a0]{2,}|\u3000/g;

/** Splits at runs of two or more spaces, or any ideographic space: PDF layout columns (exported for its test). */
export function splitOnGaps(line: Line, from: number, to: number): Token[] | null {
  const t = line.text;
  GAP_CUT.lastIndex = from;
  let m = GAP_CUT.exec(t);
  // Most lines that come here are one cell: told by one native search.
  if (m === null || m.index >= to) return null;
  const out: Token[] = [];
  let start = from;
  while (m !== null && m.index < to) {
    if (m.index > start) out.push(makeToken(line, start, m.index));
    start = Math.min(m.index + m[0].length, to);
    m = GAP_CUT.exec(t);
  }
  if (start < to) out.push(makeToken(line, start, to));
  return out;
}

/** Digits with a letter for a digit (`O`, `1O`, `1l`): a count written wrongly, when values stand on both sides of it. */
const DAMAGED_NUMBER = new RegExp(`^(?=.*[${DAMAGED_DIGITS}])[0-9０-９${DAMAGED_DIGITS}]{1,9}$`);

/** Whether the piece of `line` ending right before `end` (white space between) is a value. */
function valueBefore(line: Line, from: number, end: number): boolean {
  const e = skipWhiteBack(line.text, end);
  if (e <= from) return false;
  let s = e;
  while (s > from && !isWhiteSpace(line.text.charCodeAt(s - 1))) s--;
  return makeToken(line, s, e).kind === 'value';
}

/**
 * A label followed by values separated by single spaces: `规章 0 0 0`. Returns the label and value tokens,
 * or null when the text does not end in values.
 */
function peelTrailingValues(line: Line, tok: Token): Token[] | null {
  const t = line.text;
  // The last word must be a value for anything to peel: most labels end in a word, told by its first character.
  if (!readingOf(tok).peelable) return null;
  const values: Token[] = [];
  let end = tok.end;
  while (end > tok.start) {
    let s = end;
    while (s > tok.start && !isWhiteSpace(t.charCodeAt(s - 1))) s--;
    if (s === tok.start && values.length === 0) return null;
    const piece = makeToken(line, s, end);
    // A number written wrongly among the values (`0 0 O 0`): a value that is not a number, in its place.
    if (piece.kind === 'label' && values.length > 0 && DAMAGED_NUMBER.test(piece.text) && valueBefore(line, tok.start, s)) {
      piece.kind = 'value';
      piece.value = { state: 'invalid', value: null };
    }
    if (piece.kind !== 'value') break;
    if (values.length > 0 && values[0]!.start === piece.end + 1 && t.charCodeAt(piece.end) === 32) values[0]!.spaced = true;
    values.unshift(piece);
    end = skipWhiteBack(t, s);
    if (s === tok.start) {
      end = s;
      break;
    }
  }
  if (values.length === 0) return null;
  const out: Token[] = [];
  if (end > tok.start) {
    const label = makeToken(line, tok.start, end);
    // "2021 年" or "0 条" in prose: a label must not itself end in a unit word right before the numbers.
    out.push(label);
  }
  return [...out, ...values];
}

/** White space, then the numbering of a label: （一） 1. 一、 — where PDF layout put two labels in one cell. */
const INNER_NUMBERING = /\s+(?=(?:[（(]\s*[一二三四五六七八九十]{1,2}\s*[）)]|\d{1,2}\s*[.．、](?!\d)|[一二三四五六七八九十]{1,2}、)\s*\S)/g;

/**
 * A label cell holding two labels one space apart (`三、本年 （一）予以公开`, `（三） 4.保护第三方合法权益`, PDF layout with a
 * group label beside a row label): cut before the second label's numbering.
 */
function splitAtNumbering(line: Line, tokens: Token[]): Token[] {
  let k = 0;
  while (k < tokens.length && !mayHoldTwoLabels(tokens[k]!)) k++;
  // Most rows have no label to cut: the same tokens.
  if (k === tokens.length) return tokens;
  const out = tokens.slice(0, k);
  for (; k < tokens.length; k++) {
    const tk = tokens[k]!;
    if (!mayHoldTwoLabels(tk)) {
      out.push(tk);
      continue;
    }
    let start = tk.start;
    INNER_NUMBERING.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = INNER_NUMBERING.exec(tk.text))) {
      out.push(makeToken(line, start, tk.start + m.index));
      start = tk.start + m.index + m[0].length;
    }
    out.push(start === tk.start ? tk : makeToken(line, start, tk.end));
  }
  return out;
}

/** A label with white space inside, not a sentence: maybe two labels one space apart. */
function mayHoldTwoLabels(tk: Token): boolean {
  if (tk.kind !== 'label') return false;
  const r = readingOf(tk);
  return r.white && !r.sentence;
}

/** A header row that PDF converters invent (`| 数据1 | 数据2 | … |`, `| Column1 | …`): nothing of the table's. */
const FAKE_HEADER = /^(?:数据|列|字段|Column|Col|Field)\s*\d{1,2}$/i;

function isFakeHeader(tokens: Token[]): boolean {
  let fake = 0;
  for (let k = 0; k < tokens.length; k++) {
    const tk = tokens[k]!;
    if (tk.kind === 'blank') continue;
    if (tk.kind !== 'label' || !readingOf(tk).fake) return false;
    fake++;
  }
  return fake >= 2;
}

/**
 * Whether a trimmed cell's first character may begin a dash run once white space is removed (`:---`, `———`):
 * a colon, a dash, or a white space character that trimming keeps (`\s` is wider than isWhiteSpace).
 */
function dashStart(c: number): boolean {
  return c === 58 || c === 45 || c === 0x2014 || c === 0x2013 || c === 0x2500
    || c === 10 || c === 13 || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}

function isSeparatorRow(tokens: Token[]): boolean {
  let dashes = 0;
  for (let k = 0; k < tokens.length; k++) {
    const tk = tokens[k]!;
    if (tk.kind === 'blank') continue;
    // A cell's text is trimmed: one that does not begin with a dash or a colon is no dash run.
    if (!dashStart(tk.text.charCodeAt(0)) || !isDashRun(tk.text.replace(/\s+/g, ''))) return false;
    dashes++;
  }
  return dashes > 0;
}

/** Where a tab row's fields end: after its last tab-separated field, empty ones included. */
function trailingTabsEnd(t: string, last: number): number {
  let e = last;
  while (e < t.length && (t.charCodeAt(e) === 9 || t.charCodeAt(e) === 32)) e++;
  // Up to the last tab: spaces after it are not a field of their own.
  const lastTab = t.lastIndexOf('\t', e - 1);
  return lastTab >= last ? e : last;
}

/** Whether `t[from, to)` is ASCII digits only. */
function asciiDigits(t: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Reads one line. */
export function readLine(line: Line): LineInfo {
  const t = line.text;
  const first = skipWhite(t);
  const info = lineInfo(line, 'blank', false);
  if (first === t.length) {
    // A tab and nothing else: in text written one cell a line, indented by a tab (Word), an empty cell (of a
    // value column, or of a label column merged or left empty: the row's count of cells tells).
    const tab = t.indexOf('\t');
    if (tab >= 0 && t.indexOf('\t', tab + 1) < 0) {
      info.kind = 'cells';
      info.tokens = [token(line.index, tab + 1, tab + 1, '', 'blank', undefined, '', '', true, undefined)];
    }
    return info;
  }
  const last = skipWhiteBack(t);
  // A count alone on its line, the commonest line of text written one cell a line: a value, and nothing else
  // to look for (no page number is digits alone, no separator or gap is inside them, a tab after them would be).
  if (last - first < JOINED_DIGITS && asciiDigits(t, first, last) && t.indexOf('\t', first) < 0) {
    info.kind = 'value';
    info.tokens = [makeToken(line, first, last)];
    return info;
  }
  if ((pageNumberStart(t.charCodeAt(first)) && PAGE_NUMBER.test(t)) || pageNumberRow(t)) {
    info.kind = 'page-number';
    return info;
  }
  // A sentence of prose, with no cell separators at all: no need to read it as cells.
  if (last - first > 60 && t.indexOf('\t') < 0 && t.indexOf('|') < 0 && SENTENCE_END.test(t) && !GAP.test(t)) {
    info.kind = 'prose';
    return info;
  }
  let tokens: Token[];
  const tab = t.indexOf('\t', first);
  // Empty fields at the end are cells too (a 总计 left blank is a trailing tab): split to the line's end.
  const fieldsEnd = tab >= 0 ? trailingTabsEnd(t, last) : last;
  if (tab >= 0 && (tab < last || fieldsEnd > last)) {
    tokens = splitOn(line, '\t', first, fieldsEnd);
    info.multi = true;
  } else if (t.charCodeAt(first) === 124 /* | */ || (t.indexOf('|', first) >= 0 && t.indexOf('|', t.indexOf('|', first) + 1) >= 0)) {
    let a = first;
    let b = last;
    if (t.charCodeAt(a) === 124) a++;
    if (b > a && t.charCodeAt(b - 1) === 124) b--;
    tokens = splitOn(line, '|', a, b);
    info.multi = true;
  } else {
    const gaps = splitOnGaps(line, first, last);
    if (gaps && gaps.length > 1) {
      tokens = gaps;
      info.multi = true;
    } else tokens = [makeToken(line, first, last)];
  }
  if (isSeparatorRow(tokens) || isFakeHeader(tokens)) {
    info.kind = 'separator';
    info.tokens = tokens;
    return info;
  }
  // Labels followed by single-spaced values: split them. The tokens stay as they are until one is.
  const cut = splitAtNumbering(line, tokens);
  let expanded = cut;
  for (let k = 0; k < cut.length; k++) {
    const tk = cut[k]!;
    if (tk.kind === 'label' && !readingOf(tk).sentence) {
      const peeled = peelTrailingValues(line, tk);
      if (peeled && (peeled.length > 2 || info.multi || peeled[0]!.kind === 'value' || isVocab(peeled[0]!))) {
        if (expanded === cut) expanded = cut.slice(0, k);
        expanded.push(...peeled);
        if (peeled.length > 1) info.multi = true;
        continue;
      }
    }
    if (expanded !== cut) expanded.push(tk);
  }
  if (info.multi) markBadValues(expanded);
  // A cell alone on its line holding a number written wrongly (O for 0, 〇, 1O): a value that is not a number.
  else if (expanded.length === 1 && expanded[0]!.kind === 'label' && !expanded[0]!.numbering && readingOf(expanded[0]!).bad && !isVocab(expanded[0]!)) {
    expanded[0]!.kind = 'value';
    expanded[0]!.value = { state: 'invalid', value: null };
  }
  info.tokens = expanded;
  classify(info);
  return info;
}

/**
 * Reads a piece of a line as one cell (a line that lost its layout, cut by lost.ts): a label, or digits of
 * cells run together (`joined`, split by the table reader when the row's sums allow).
 */
const RUN_WITH_DAMAGED_DIGIT = new RegExp(`^[0-9０-９${DAMAGED_DIGITS}]+$`);
/** Digits run together with a percent or plus sign among them (lost.ts keeps those in a run). */
const RUN_WITH_SIGN = new RegExp(`^[0-9０-９]+[${CHANGE_SIGNS}][0-9０-９${CHANGE_SIGNS}]*$`);

export function readPiece(line: Line, from: number, to: number, joined: boolean): LineInfo {
  const info = lineInfo(line, 'blank', false, from, to);
  const tok = makeToken(line, from, to);
  if (tok.kind === 'blank') return info;
  // Digits run together with the sign of a change (`260%10`, `20%`: 2 and 0%, or 20%), or with one written
  // wrongly (`00O0000`): cells, one of them not a plain count.
  if (joined && RUN_WITH_SIGN.test(tok.text)) {
    tok.kind = 'value';
    tok.value = { state: 'invalid', value: null, joined: true };
  } else if (joined && tok.kind === 'value' && tok.value) tok.value = { ...tok.value, joined: true };
  else if (joined && tok.kind === 'label' && RUN_WITH_DAMAGED_DIGIT.test(tok.text)) {
    tok.kind = 'value';
    tok.value = { state: 'invalid', value: null, joined: true };
  }
  info.tokens = [tok];
  classify(info);
  return info;
}

/**
 * Reads a line whose cells are known exactly (a row of a .docx, HTML or PDF table): one token per span,
 * blank spans as blank tokens where they are. No splitting or peeling: the original said where cells are.
 */
export function readCells(line: Line, spans: readonly (readonly [number, number])[]): LineInfo {
  const info = lineInfo(line, 'blank', spans.length > 1);
  info.tokens = spans.map(([s, e]) => makeToken(line, s, e));
  if (info.tokens.length === 0) return info;
  if (info.multi) markBadValues(info.tokens);
  classify(info);
  return info;
}

/**
 * Reads a row whose cells lie on lines of their own (an HTML table left in Markdown: a `<td>` a line): one
 * token per cell, each on its own line, the reading placed on `line`.
 */
export function readCellsAcross(line: Line, cells: readonly { line: Line; start: number; end: number }[]): LineInfo {
  const info = lineInfo(line, 'blank', cells.length > 1);
  info.tokens = cells.map((c) => makeToken(c.line, c.start, c.end));
  if (info.tokens.length === 0) return info;
  if (info.multi) markBadValues(info.tokens);
  classify(info);
  return info;
}

/**
 * In a row of cells, a cell that holds a number written wrongly (3件, 约300, 1O, N/A, ?) is a value that is
 * not a number, not a label: it keeps its place among the row's values.
 */
function markBadValues(tokens: Token[]): void {
  // Value positions: the row has values, or the cell follows a row label (行政许可\t约300).
  let valuePlace = tokens.some((t) => t.kind === 'value');
  for (let k = 0; k < tokens.length; k++) {
    const tk = tokens[k]!;
    if (tk.kind !== 'label') continue;
    const r = readingOf(tk);
    if (valuePlace && !tk.numbering && r.bad && !vocabIn(r)) {
      tk.kind = 'value';
      tk.value = { state: 'invalid', value: null };
    } else if (!valuePlace && rowIn(r)) valuePlace = true;
  }
}

function badValueText(text: string): boolean {
  let cjk = 0;
  let digits = 0;
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (isWhiteSpace(c)) continue;
    n++;
    if (c >= 0x3400 && c <= 0x9fff) cjk++;
    else if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) digits++;
  }
  if (n > 8) return false;
  // Punctuation alone (）, ”) is the tail of a wrapped label, not a value.
  return digits > 0 ? cjk <= 2 : cjk === 0 && n <= 4 && /[A-Za-z?？〇]/.test(text);
}

function isVocab(tk: Token): boolean {
  return tk.kind === 'label' && vocabIn(readingOf(tk));
}

/** The text a reading covers: its piece, or the whole line. */
export function textOf(info: LineInfo): string {
  return info.from === undefined ? info.line.text : info.line.text.slice(info.from, info.to);
}

/** A line of text (not a sentence) this long or shorter, normalised, is a fragment: a piece of a label. */
const FRAGMENT_CHARS = 30;

/** Characters that may follow a sentence's end: closing quotes and brackets, white space (`["'”’」』)）\s]`). */
function closer(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0x300d || c === 0x300f || c === 41 || c === 0xff09
    || (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Whether the reading's text ends a sentence (`/[。；;！!？?]["'”’」』)）\s]*$/`), read backwards from the end: past
 * the closers, a sentence mark (the marks and the closers are apart, so the first non-closer decides).
 */
function closesSentence(info: LineInfo): boolean {
  const t = info.line.text;
  const from = info.from ?? 0;
  let i = info.from === undefined ? t.length : info.to!;
  while (i > from && closer(t.charCodeAt(i - 1))) i--;
  if (i === from) return false;
  const c = t.charCodeAt(i - 1);
  return c === 0x3002 || c === 0xff1b || c === 59 || c === 0xff01 || c === 33 || c === 0xff1f || c === 63;
}

function classify(info: LineInfo): void {
  let labels = 0;
  let values = 0;
  let vocab = 0;
  let long = false;
  const tokens = info.tokens;
  for (let k = 0; k < tokens.length; k++) {
    const tk = tokens[k]!;
    if (tk.kind === 'value') values++;
    else if (tk.kind === 'label') {
      labels++;
      const r = readingOf(tk);
      const m = vocabOf(r);
      info.vocab.push(m);
      if (m.length > 0 && m[0]!.score >= VOCAB_SCORE) vocab++;
      if (tk.text.length > 40 && r.sentence && !(m.length > 0 && m[0]!.entry.role === 'corner')) long = true;
    }
  }
  const nonBlank = labels + values;
  if (nonBlank === 0) {
    // A line of blank cells (tabs only): a blank cell of the one-cell shape, or an empty table row.
    info.kind = 'cells';
    return;
  }
  if (long && vocab === 0 && values === 0) {
    info.kind = 'prose';
    return;
  }
  // A sentence is prose, however like a label it reads (本年度未收到政府信息公开申请。).
  if (!info.multi && labels === 1 && values === 0 && closesSentence(info)) {
    info.kind = 'prose';
    return;
  }
  if (info.multi && (values > 0 || vocab > 0)) info.kind = 'cells';
  // Several labels of the tables one space apart (（四）无法提供 1.本机关不掌握… 2.没有现成…): labels outside a table.
  else if (values === 0 && labels >= 2 && vocab === labels) info.kind = 'cells';
  else if (nonBlank === 1 && values === 1) info.kind = 'value';
  else if (vocab > 0 && values === 0 && labels === 1) info.kind = 'vocab';
  else if (values > 0 && labels <= 1 && info.tokens.length > 1) info.kind = 'cells';
  else {
    const text = textOf(info);
    const short = normalizedLength(text, FRAGMENT_CHARS) <= FRAGMENT_CHARS && !SENTENCE_END.test(text);
    info.kind = short ? 'fragment' : 'prose';
  }
}

/** One to three ASCII digits (`/^\d{1,3}$/`): what a page number printed bare is. */
function smallDigits(t: string): boolean {
  if (t.length === 0 || t.length > 3) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The form feeds of a line's text. */
function countFormFeeds(t: string): number {
  let n = 0;
  for (let i = t.indexOf('\f'); i >= 0; i = t.indexOf('\f', i + 1)) n++;
  return n;
}

/**
 * Page numbers printed as a bare number by PDF extraction: a lone small integer at a page break (a form feed
 * on it or on the next line with text) standing apart from the values above it, or far indented (centred)
 * between blank lines. Marked as page numbers,
 * so that a table broken by a page keeps its rows.
 */
export function markBarePageNumbers(infos: LineInfo[]): void {
  const blankAt = (k: number) => k < 0 || k >= infos.length || infos[k]!.kind === 'blank';
  /** Form feeds before the current line: its page is this many plus one. */
  let breaks = 0;
  /** Bare numbers at a page's foot, each its page's own: [line info, number]. */
  const atFoot: [number, number][] = [];
  let lastLine = -1;
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i]!;
    if (info.line.index !== lastLine) {
      if (lastLine >= 0) breaks += countFormFeeds(infos[i - 1]!.line.text);
      lastLine = info.line.index;
    }
    const tok = info.tokens[0];
    // Pages are numbered from 1: a lone 0 is a cell.
    if (info.kind !== 'value' || !tok || tok.value?.state !== 'number' || !smallDigits(tok.text) || tok.value.value === 0) continue;
    // A page's number is the page's own: the page it ends. A bare number at a page's foot that is not is the
    // page's last cell (deleting the -4- printed under it must not make the 3 above it a page number). A report
    // whose pages are numbered from a cover page on keeps such numbers as cells, and its table in doubt.
    const numbersPage = tok.value.value === breaks + 1;
    // A form feed after the number ends a page with it: a footer's number. A number right after a form feed
    // (`\f7`) begins the next page: its first cell — plain pdftotext prints a page's number at its foot, and
    // cells a line with blank lines between, so a blank after it tells nothing. (Taking it for a page number
    // when no `-1-` came before made a fix that deleted `-1-` turn the 7 into a page number, and the next pass
    // delete the clerk's 7.)
    const ff = info.line.text.indexOf('\f');
    let pageBreak = ff >= 0 && ff > tok.start && numbersPage;
    for (let j = i + 1; j < infos.length && !pageBreak && numbersPage; j++) {
      if (infos[j]!.line.text.includes('\f')) pageBreak = true;
      if (infos[j]!.kind !== 'blank') break;
    }
    const centred = tok.start >= 20 && blankAt(i - 1) && blankAt(i + 1);
    // A number right below a value, no blank between, goes on the column of values (the last cell of a table
    // that ends a page, `…0 1 1` then the form feed): a page's number is a block of its own, apart.
    if (pageBreak && !centred && i > 0 && infos[i - 1]!.kind === 'value' && ff < 0) pageBreak = false;
    if (centred) pageNumber(infos, i);
    else if (pageBreak) atFoot.push([i, tok.value.value!]);
  }
  // A number at a page's foot that is the page's own may still be the page's last cell (the -2- printed under
  // the 2 deleted, the other pages' numbers too): it is the page's number when another page's foot shows its
  // own number as well, the pages numbered in sequence.
  const numbered = new Set(atFoot.map(([, n]) => n));
  for (const [i, n] of atFoot) if (numbered.has(n - 1) || numbered.has(n + 1)) pageNumber(infos, i);
}

/** Replaced, not changed: the line's own reading stays as it was, for reuse by the next parse. */
function pageNumber(infos: LineInfo[], i: number): void {
  infos[i] = { ...infos[i]!, kind: 'page-number', tokens: [] };
}
