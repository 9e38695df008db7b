/**
 * Text in, report model out. Never throws on any input; a text that is not a report yields a model with
 * `isReport: false` and nothing else to say.
 */
import { type Edition, editionForYear, type SectionNumber, type TableKey } from '../format/spec';
import type { Heading, ReportModel, Section, SubHeading, Table } from '../model';
import { isBlank, type Line, LineMap, type Range, range, skipWhite, skipWhiteBack, span, splitLines } from '../text/lines';
import { normalize } from '../text/normalize';
import { readHeading, readSubHeading, titleGoesOn } from './headings';
import { type HtmlRows, htmlRows } from './html-rows';
import { lostPieces } from './lost';
import { readDebris, readDirectives, readPeriod, readSignature, readTitle } from './meta';
import { readProse } from './prose';
import { tableLines } from './prose-lines';
import { findRegions, plausibleAppeals, type Region, type Segment, segmentRegion } from './regions';
import type { Grid } from '../source/types';
import { gridInfos } from './grid';
import { readTable } from './table';
import { type LineInfo, lineInfo, markBarePageNumbers, readLine } from './tokens';

/** Lines longer than this are prose or junk; they are not split into cells. */
const MAX_CELL_LINE = 4000;

function eolOf(text: string): ReportModel['eol'] {
  const i = text.indexOf('\n');
  if (i > 0 && text.charCodeAt(i - 1) === 13) return '\r\n';
  if (i < 0 && text.indexOf('\r') >= 0) return '\r';
  return '\n';
}

/**
 * What a parse may keep for the next parse of the same document: each line's own readings (one, or the
 * pieces of a line that lost its layout). Typing changes one line; every other line at the same place with
 * the same text is not read again.
 */
export interface ParseCache {
  lines?: LineInfo[][];
}

/** A line's own readings: the line as cells, or the pieces of a line that lost its layout (lost.ts). */
function readOwn(line: Line): LineInfo[] {
  const pieces = lostPieces(line);
  if (pieces) return pieces;
  return [readWhole(line)];
}

/** A whole line's reading: as cells, or as prose when it is too long to be a row. */
function readWhole(line: Line): LineInfo {
  return line.text.length > MAX_CELL_LINE ? lineInfo(line, 'prose', false) : readLine(line);
}

/**
 * The readings of all lines in document order (several for a line that lost its layout). Each line's one
 * reading goes straight into the result; only a line read as pieces, and a parse that keeps its readings for
 * the next (`cache`), holds a list per line.
 */
function readInfos(lines: Line[], html: HtmlRows, cache?: ParseCache, grids?: readonly Grid[]): LineInfo[] {
  const n = lines.length;
  const prev = cache?.lines;
  const own: LineInfo[][] | undefined = cache ? new Array<LineInfo[]>(n) : undefined;
  const single = new Array<LineInfo>(n);
  /** The pieces of the lines read as several, where there are any. */
  let pieces: (LineInfo[] | undefined)[] | undefined;
  let lost = false;
  for (let i = 0; i < n; i++) {
    const line = lines[i]!;
    let read: LineInfo[] | null = null;
    if (own) {
      const p = prev?.[i];
      // Same place, same text: the tokens (which carry the line number) are still right; only the offset moved.
      if (p && p[0]!.line.text === line.text) read = p[0]!.line.offset === line.offset ? p : p.map((x) => ({ ...x, line }));
      else read = readOwn(line);
      own[i] = read;
    } else read = lostPieces(line);
    if (read === null) single[i] = readWhole(line);
    else {
      if (read[0]!.from !== undefined) lost = true;
      if (read.length === 1) single[i] = read[0]!;
      else (pieces ??= new Array<LineInfo[] | undefined>(n))[i] = read;
    }
  }
  if (cache) cache.lines = own;
  // Text that lost its layout somewhere: its header rows of labels run together are cut too.
  if (lost) {
    for (let i = 0; i < n; i++) {
      const x = single[i];
      if (pieces?.[i] || !x || x.from !== undefined || x.kind === 'blank') continue;
      const cut = lostPieces(lines[i]!, true);
      if (cut) (pieces ??= new Array<LineInfo[] | undefined>(n))[i] = cut;
    }
  }
  const place = (i: number, info: LineInfo) => {
    single[i] = info;
    if (pieces) pieces[i] = undefined;
  };
  // HTML tables left in Markdown: a row's cells from its `<td>` lines.
  for (const [i, info] of html.infos) place(i, info);
  // Rows of an original's tables: their cells are known exactly (grid.ts).
  for (const [i, info] of gridInfos(grids, lines)) place(i, info);
  let infos = single;
  if (pieces) {
    infos = [];
    for (let i = 0; i < n; i++) {
      const p = pieces[i];
      if (p) for (const x of p) infos.push(x);
      else infos.push(single[i]!);
    }
  }
  markBarePageNumbers(infos);
  return infos;
}

type Found = Heading & { leadEnd: number; markdown: boolean };

/** readHeading, remembered on the line's reading (of its piece, for a line that lost its layout). */
function headingOf(info: LineInfo): Found | null {
  if (info.heading === undefined) info.heading = info.from === undefined ? readHeading(info.line) : headingIn(info);
  return info.heading as Found | null;
}

/** A heading inline: the piece read as a line of its own, its columns moved back to the line's. */
function headingIn(info: LineInfo): Found | null {
  const from = info.from!;
  const line = info.line;
  const h = readHeading({ index: line.index, text: line.text.slice(from, info.to), offset: line.offset + from }) as Found | null;
  if (!h) return null;
  const move = (r: Range): Range => ({ start: { line: r.start.line, character: r.start.character + from }, end: { line: r.end.line, character: r.end.character + from } });
  return { ...h, numeral: { ...h.numeral, range: move(h.numeral.range) }, title: { ...h.title, range: move(h.title.range) }, range: move(h.range), leadEnd: h.leadEnd + from };
}

/** A heading found, with its line and reading; `cont`: the reading its title goes on to, when it is wrapped. */
type Placed = Heading & { line: number; at: number; cont?: number };

function hasValue(info: LineInfo): boolean {
  const tokens = info.tokens;
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.kind === 'value') return true;
  return false;
}

/** Headings in document order, keeping the first of duplicated weak candidates; `at` is the reading's index. */
function findHeadings(infos: LineInfo[]): Placed[] {
  const found: Placed[] = [];
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i]!;
    // Blank lines, lone values, page numbers and rows with values are never headings.
    if (info.kind === 'blank' || info.kind === 'value' || info.kind === 'page-number' || info.kind === 'separator') continue;
    if (info.kind === 'cells' && hasValue(info)) continue;
    if (info.kind === 'prose' && info.from !== undefined) continue;
    const h = headingOf(info);
    if (!h) continue;
    if (h.score < 0.9 && found.some((f) => f.number === h.number)) continue;
    const placed: Placed = { number: h.number, numeral: h.numeral, writtenNumber: h.writtenNumber, title: h.title, range: h.range, score: h.score, line: info.line.index, at: i };
    const goesOn = info.from === undefined ? wrappedTitle(infos, i, h) : undefined;
    if (goesOn) {
      const end = { line: goesOn.line.index, character: skipWhiteBack(goesOn.line.text) };
      placed.title = { text: h.title.text + goesOn.line.text.trim(), range: { start: h.title.range.start, end } };
      placed.range = { start: h.range.start, end };
      placed.score = 1;
      placed.cont = i + 1;
    }
    found.push(placed);
    if (goesOn) i++;
  }
  return found;
}

/** The next line when it is the rest of the heading's title, wrapped by a PDF's layout (headings.ts titleGoesOn). */
function wrappedTitle(infos: LineInfo[], i: number, h: Found): LineInfo | undefined {
  const next = infos[i + 1];
  if (!next || next.from !== undefined || next.line.index !== infos[i]!.line.index + 1 || next.kind === 'blank' || hasValue(next)) return undefined;
  // Nothing after the title on the heading's line: a title that ends its line.
  if (skipWhiteBack(infos[i]!.line.text) > h.title.range.end.character) return undefined;
  return titleGoesOn(h.title.text, next.line.text) ? next : undefined;
}

/**
 * The segments that make one table: a table split by a page break or stray text stays within its section,
 * so segments are merged until a section heading separates them. A second copy of a table under another
 * heading (two reports in one file, last year's table pasted below) is not merged into the first.
 */
function firstTable(segs: Segment[], headingAt: number[]): Segment {
  let end = 1;
  while (end < segs.length && !headingAt.some((h) => h > segs[end - 1]!.lastInfo && h < segs[end]!.firstInfo)) end++;
  return mergeSegments(segs.slice(0, end));
}

function mergeSegments(segs: Segment[]): Segment {
  if (segs.length === 1) return segs[0]!;
  const last = segs[segs.length - 1]!;
  return {
    table: segs[0]!.table,
    candidates: segs.flatMap((s) => s.candidates),
    header: segs.flatMap((s) => s.header),
    firstLine: segs[0]!.firstLine,
    lastLine: Math.max(...segs.map((s) => s.lastLine)),
    firstInfo: segs[0]!.firstInfo,
    lastInfo: last.lastInfo,
    firstChar: segs[0]!.firstChar,
    lastChar: last.lastChar,
    debris: segs.flatMap((s) => s.debris),
    shape: segs[0]!.shape,
  };
}

/** A segment worth reading as a table: it has values, or at least a header and a labelled row. */
function substantial(s: Segment): boolean {
  return s.candidates.some((c) => c.values.some((v) => v.kind === 'value')) || s.header.length + s.candidates.length >= 3;
}

function clampRange(r: Range, lines: Line[]): Range {
  const endLine = Math.min(r.end.line, lines.length - 1);
  return {
    start: r.start,
    end: { line: endLine, character: Math.min(r.end.character, lines[endLine]!.text.length) },
  };
}

export function parseReport(text: string): ReportModel {
  return parseLines(text, splitLines(text));
}

/**
 * Parses a text already split into lines (callers that need the lines too split once). With a cache, the
 * previous parse of the same document lends its line readings. With grids (a report read from a .docx, HTML
 * or PDF), the rows of its tables are read cell by cell as the original has them.
 */
export function parseLines(text: string, lines: Line[], cache?: ParseCache, grids?: readonly Grid[]): ReportModel {
  const map = new LineMap(lines);
  const html = htmlRows(lines);
  const infos = readInfos(lines, html, cache, grids);
  const headings = findHeadings(infos);
  const isHeading = headingMarks(headings, infos.length);

  // Tables.
  const regions = findRegions(infos, isHeading);
  const byTable = new Map<TableKey, Segment[]>();
  for (const region of regions) {
    for (const seg of segmentRegion(infos, region)) {
      if (!substantial(seg)) continue;
      const list = byTable.get(seg.table) ?? [];
      list.push(seg);
      byTable.set(seg.table, list);
    }
  }
  const title = readTitle(titleLines(lines, infos, headings[0]), headings[0] ? headings[0].line + 1 : -1);
  const second = headings.find((h) => h.number >= 2);
  const period = readPeriod(text, lines, map, second ? { line: second.line, character: second.range.start.character } : undefined);
  const year = title.year ?? period?.start.year ?? null;
  const expected = editionForYear(year ?? undefined);
  const tables: Partial<Record<TableKey, Table>> = {};
  const headingAt = headings.map((h) => h.at);
  for (const key of ['proactive', 'requests', 'appeals'] as TableKey[]) {
    const segs = key === 'appeals' ? plausibleAppeals(byTable.get(key) ?? []) : byTable.get(key);
    if (!segs?.length) continue;
    const seg = firstTable(segs, headingAt);
    const t = readTable(seg, expected, lines);
    if (anyPiece(infos, seg.firstInfo, seg.lastInfo)) t.lost = true;
    tables[key] = t;
  }
  const tableList = Object.values(tables);
  for (const t of tableList) {
    t.range = clampRange(t.range, lines);
    for (const b of t.blocks ?? []) b.range = clampRange(b.range, lines);
  }

  // Sections.
  // The lines the tables used are theirs; a short line of prose in a table region is not (prose-lines.ts).
  const inTable = tableLines(lines, infos, regions, tableList, html.spans);
  const sections = headings.map((h, k) => buildSection(lines, infos, h, headings[k + 1], inTable));

  const paragraphs = proseParagraphs(infos, regions, inTable, isHeading);
  const prose = readProse(text, paragraphs, map);

  const found = new Set(sections.map((s) => s.number));
  // The opening lines name the report; normalise them only when the raw text does not (spaces inside words).
  const raw = lines.slice(0, Math.min(lines.length, 12)).map((l) => l.text.slice(0, 300)).join('');
  const named = (s: string) => /政府信息公开/.test(s) && /年度报告|年报|工作报告/.test(s);
  const head = named(raw) ? raw : normalize(raw);
  // The words of the title alone are not enough (a script or a letter may name the report): a title is taken
  // for a report's when a section heading, a table read with confidence, or the statistics period follows.
  const titled = /政府信息公开/.test(head) && /年度报告|年报|工作报告/.test(head);
  const tableRead = tableList.some((t) => t.confident && t.rows.size >= 2);
  const isReport = (titled && (found.size >= 1 || tableRead || period !== null)) || found.size >= 3
    || (found.size >= 2 && Object.keys(tables).length >= 1) || Object.keys(tables).length >= 2;
  const missingSections = isReport ? ([1, 2, 3, 4, 5, 6] as SectionNumber[]).filter((n) => !found.has(n)) : [];

  let format: Edition | null = null;
  const eds = tableList.filter((t) => t.key !== 'appeals' && t.rows.size > 0).map((t) => t.edition);
  if (eds.includes('2019')) format = '2019';
  else if (eds.length > 0) format = '2021';

  const lost = lostLayout(lines, infos);
  const lastLine = lines[lines.length - 1]!;
  return {
    ...(lost ? { layoutLost: lost } : {}),
    lineCount: lines.length,
    fullRange: range(0, 0, lines.length - 1, lastLine.text.length),
    isReport,
    title: title.title,
    agency: title.agency ?? readSignature(lines),
    year,
    yearRange: title.yearRange,
    format,
    expectedFormat: expected ?? null,
    period,
    sections,
    missingSections,
    tables,
    prose,
    debris: readDebris(lines),
    directives: readDirectives(lines),
    eol: eolOf(text),
  };
}

/**
 * The loops over every line live in functions of their own, not in parseLines: a loop that runs long inside
 * parseLines had V8 compile parseLines on the stack (OSR), and that code, meeting a report without tables,
 * bailed out again in every later report (313 of the 2,000), leaving parseLines in the interpreter.
 */
function headingMarks(headings: Placed[], n: number): boolean[] {
  const isHeading = new Array<boolean>(n).fill(false);
  for (let k = 0; k < headings.length; k++) {
    const h = headings[k]!;
    isHeading[h.at] = true;
    if (h.cont !== undefined) isHeading[h.cont] = true;
  }
  return isHeading;
}

/** Whether a reading in infos[first..last] is a piece of a line that lost its layout. */
function anyPiece(infos: LineInfo[], first: number, last: number): boolean {
  for (let i = first; i <= last && i < infos.length; i++) if (infos[i]!.from !== undefined) return true;
  return false;
}

/** Prose paragraphs outside tables, for R8: whole lines, or the prose pieces of a line that lost its layout. */
function proseParagraphs(infos: LineInfo[], regions: Region[], inTable: boolean[], isHeading: boolean[]): [number, number][] {
  const inRegion = new Array<boolean>(infos.length).fill(false);
  for (const r of regions) for (let i = r.first; i <= r.last; i++) inRegion[i] = true;
  const paragraphs: [number, number][] = [];
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i]!;
    const line = info.line;
    if (info.from === undefined) {
      if (inTable[line.index] || isHeading[i] || isBlank(line.text)) continue;
      paragraphs.push([line.offset, line.offset + line.text.length]);
    } else if (info.kind === 'prose' && !inRegion[i]) {
      const last = paragraphs[paragraphs.length - 1];
      const a = line.offset + info.from;
      const b = line.offset + info.to!;
      if (last && infos[i - 1]?.line === line && last[1] === a) last[1] = b;
      else paragraphs.push([a, b]);
    }
  }
  return paragraphs;
}

/**
 * A section from its heading to the next: whole lines, or, for a heading inline in a line that lost its
 * layout, from the heading's piece to the next heading's.
 */
function buildSection(lines: Line[], infos: LineInfo[], h: Placed, next: Placed | undefined, inTable: boolean[]): Section {
  const startChar = infos[h.at]!.from ?? 0;
  let last: number;
  let endChar: number;
  const nextFrom = next ? infos[next.at]!.from ?? 0 : 0;
  if (next && nextFrom > 0 && !isBlank(lines[next.line]!.text.slice(next.line === h.line ? h.range.end.character : 0, nextFrom))) {
    // The next heading is inline: this section ends on its line, just before it.
    last = next.line;
    endChar = skipWhiteBack(lines[last]!.text, nextFrom);
  } else {
    last = (next?.line ?? lines.length) - 1;
    if (next && next.line === h.line) last = h.line;
    while (last > h.range.end.line && isBlank(lines[last]!.text)) last--;
    endChar = last === h.line && next?.line === h.line ? h.range.end.character : lines[last]!.text.length;
  }
  const subheadings: SubHeading[] = [];
  for (let i = h.range.end.line + 1; i <= last; i++) {
    if (inTable[i]) continue;
    const sub = readSubHeading(lines[i]!);
    if (sub) subheadings.push({ numeral: sub.numeral, title: sub.title, range: span(i, sub.start, sub.end), fullRange: range(i, 0, i, 0) });
  }
  subheadings.forEach((s, idx) => {
    const endLine = (subheadings[idx + 1]?.range.start.line ?? last + 1) - 1;
    let e = endLine;
    while (e > s.range.start.line && isBlank(lines[e]!.text)) e--;
    s.fullRange = { start: { line: s.range.start.line, character: 0 }, end: { line: e, character: e === last ? endChar : lines[e]!.text.length } };
  });
  const heading: Heading = { number: h.number, numeral: h.numeral, writtenNumber: h.writtenNumber, title: h.title, range: h.range, score: h.score };
  const end = { line: last, character: Math.max(endChar, last === h.line ? h.range.end.character : 0) };
  return {
    number: h.number,
    heading,
    range: { start: { line: h.line, character: startChar }, end },
    subheadings,
    // A heading inline (web text) has its body on its line, and on the lines after it unless the next heading
    // is on the same line too.
    bodyLines: [h.range.end.line + 1, next?.line === h.line ? Math.min(last, h.line) : last],
    body: { start: h.range.end, end },
  };
}

/** The lines the title is read from: up to the first heading, which may be inline on a line that lost its layout. */
function titleLines(lines: Line[], infos: LineInfo[], first: Placed | undefined): Line[] {
  if (!first) return lines;
  const from = infos[first.at]!.from;
  if (!from) return lines;
  const out = lines.slice(0, first.line + 1);
  const l = lines[first.line]!;
  out[first.line] = { ...l, text: l.text.slice(0, from) };
  return out;
}

/** Whether, and where, the text lost its layout: the lines cut into pieces, and the first table on them. */
function lostLayout(lines: Line[], infos: LineInfo[]): ReportModel['layoutLost'] {
  let count = 0;
  let first: LineInfo | undefined;
  let prev = -1;
  for (const info of infos) {
    if (info.from === undefined || info.line.index === prev) continue;
    prev = info.line.index;
    count++;
    first ??= info;
  }
  if (!first) return undefined;
  const l = lines[first.line.index]!;
  return { lines: count, range: span(l.index, skipWhite(l.text), skipWhiteBack(l.text)) };
}

export type { Region };
