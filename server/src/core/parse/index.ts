/**
 * Text in, report model out. Never throws on any input; a text that is not a report yields a model with
 * `isReport: false` and nothing else to say.
 */
import { type Edition, editionForYear, type SectionNumber, type TableKey } from '../format/spec';
import type { Heading, ReportModel, Section, SubHeading, Table } from '../model';
import { isBlank, type Line, LineMap, type Range, splitLines, span, range } from '../text/lines';
import { normalize } from '../text/normalize';
import { readHeading, readSubHeading } from './headings';
import { readDebris, readDirectives, readPeriod, readSignature, readTitle } from './meta';
import { readProse } from './prose';
import { findRegions, type Region, type Segment, segmentRegion } from './regions';
import type { Grid } from '../source/types';
import { gridInfos } from './grid';
import { readTable } from './table';
import { type LineInfo, markBarePageNumbers, readLine } from './tokens';

/** Lines longer than this are prose or junk; they are not split into cells. */
const MAX_CELL_LINE = 4000;

function eolOf(text: string): ReportModel['eol'] {
  const i = text.indexOf('\n');
  if (i > 0 && text.charCodeAt(i - 1) === 13) return '\r\n';
  if (i < 0 && text.indexOf('\r') >= 0) return '\r';
  return '\n';
}

/**
 * What a parse may keep for the next parse of the same document: each line's own reading. Typing changes one
 * line; every other line at the same place with the same text is not read again.
 */
export interface ParseCache {
  lines?: LineInfo[];
}

function readInfos(lines: Line[], cache?: ParseCache, grids?: readonly Grid[]): LineInfo[] {
  const prev = cache?.lines;
  const own = lines.map((line, i) => {
    const p = prev?.[i];
    // Same place, same text: the tokens (which carry the line number) are still right; only the offset moved.
    if (p && p.line.text === line.text) return p.line.offset === line.offset ? p : { ...p, line };
    return line.text.length > MAX_CELL_LINE
      ? { line, kind: 'prose' as const, tokens: [], multi: false, vocab: [] }
      : readLine(line);
  });
  if (cache) cache.lines = own;
  const infos = own.slice();
  // Rows of an original's tables: their cells are known exactly (grid.ts).
  for (const [i, info] of gridInfos(grids, lines)) infos[i] = info;
  markBarePageNumbers(infos);
  return infos;
}

type Found = Heading & { leadEnd: number; markdown: boolean };

/** readHeading, remembered on the line's reading. */
function headingOf(info: LineInfo): Found | null {
  if (info.heading === undefined) info.heading = readHeading(info.line);
  return info.heading as Found | null;
}

/** Headings in document order, keeping the first of duplicated weak candidates. */
function findHeadings(lines: Line[], infos: LineInfo[]): (Heading & { line: number })[] {
  const found: (Heading & { line: number })[] = [];
  for (let i = 0; i < lines.length; i++) {
    const info = infos[i]!;
    // Blank lines, lone values, page numbers and rows with values are never headings.
    if (info.kind === 'blank' || info.kind === 'value' || info.kind === 'page-number' || info.kind === 'separator') continue;
    if (info.kind === 'cells' && info.tokens.some((t) => t.kind === 'value')) continue;
    const h = headingOf(info);
    if (!h) continue;
    const dup = found.find((f) => f.number === h.number);
    if (dup && h.score < 0.9) continue;
    found.push({ ...h, line: i });
  }
  return found;
}

/**
 * The segments that make one table: a table split by a page break or stray text stays within its section,
 * so segments are merged until a section heading separates them. A second copy of a table under another
 * heading (two reports in one file, last year's table pasted below) is not merged into the first.
 */
function firstTable(segs: Segment[], headingLines: number[]): Segment {
  let end = 1;
  while (end < segs.length && !headingLines.some((h) => h > segs[end - 1]!.lastLine && h < segs[end]!.firstLine)) end++;
  return mergeSegments(segs.slice(0, end));
}

function mergeSegments(segs: Segment[]): Segment {
  if (segs.length === 1) return segs[0]!;
  return {
    table: segs[0]!.table,
    candidates: segs.flatMap((s) => s.candidates),
    header: segs.flatMap((s) => s.header),
    firstLine: Math.min(...segs.map((s) => s.firstLine)),
    lastLine: Math.max(...segs.map((s) => s.lastLine)),
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
  const infos = readInfos(lines, cache, grids);
  const headings = findHeadings(lines, infos);
  const isHeading = new Array<boolean>(lines.length).fill(false);
  for (const h of headings) isHeading[h.line] = true;

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
  const title = readTitle(lines, headings[0]?.line ?? -1);
  const period = readPeriod(text, lines, map, headings.find((h) => h.number >= 2)?.line ?? lines.length);
  const year = title.year ?? period?.start.year ?? null;
  const expected = editionForYear(year ?? undefined);
  const tables: Partial<Record<TableKey, Table>> = {};
  const headingLines = headings.map((h) => h.line);
  for (const key of ['proactive', 'requests', 'appeals'] as TableKey[]) {
    const segs = byTable.get(key);
    if (segs) tables[key] = readTable(firstTable(segs, headingLines), expected);
  }
  for (const t of Object.values(tables)) {
    t.range = clampRange(t.range, lines);
    for (const b of t.blocks ?? []) b.range = clampRange(b.range, lines);
  }

  // Sections.
  const inTable = new Array<boolean>(lines.length).fill(false);
  for (const t of Object.values(tables)) for (let i = t.range.start.line; i <= t.range.end.line; i++) inTable[i] = true;
  for (const r of regions) for (let i = r.firstLine; i <= r.lastLine; i++) inTable[i] = true;
  const sections: Section[] = headings.map((h, k) => {
    const next = headings[k + 1]?.line ?? lines.length;
    let last = next - 1;
    while (last > h.line && isBlank(lines[last]!.text)) last--;
    const subheadings: SubHeading[] = [];
    for (let i = h.line + 1; i <= last; i++) {
      if (inTable[i]) continue;
      const sub = readSubHeading(lines[i]!);
      if (sub) subheadings.push({ numeral: sub.numeral, title: sub.title, range: span(i, sub.start, sub.end), fullRange: range(i, 0, i, 0) });
    }
    subheadings.forEach((s, idx) => {
      const endLine = (subheadings[idx + 1]?.range.start.line ?? last + 1) - 1;
      let e = endLine;
      while (e > s.range.start.line && isBlank(lines[e]!.text)) e--;
      s.fullRange = { start: { line: s.range.start.line, character: 0 }, end: { line: e, character: lines[e]!.text.length } };
    });
    const heading: Heading = { number: h.number, numeral: h.numeral, writtenNumber: h.writtenNumber, title: h.title, range: h.range, score: h.score };
    return {
      number: h.number,
      heading,
      range: { start: { line: h.line, character: 0 }, end: { line: last, character: lines[last]!.text.length } },
      subheadings,
      bodyLines: [h.line + 1, last],
    };
  });

  // Prose paragraphs outside tables, for R8.
  const paragraphs: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (inTable[i] || isHeading[i] || isBlank(lines[i]!.text)) continue;
    paragraphs.push([lines[i]!.offset, lines[i]!.offset + lines[i]!.text.length]);
  }
  const prose = readProse(text, paragraphs, map);

  const found = new Set(sections.map((s) => s.number));
  // The opening lines name the report; normalise them only when the raw text does not (spaces inside words).
  const raw = lines.slice(0, Math.min(lines.length, 12)).map((l) => l.text.slice(0, 300)).join('');
  const named = (s: string) => /政府信息公开/.test(s) && /年度报告|年报|工作报告/.test(s);
  const head = named(raw) ? raw : normalize(raw);
  // The words of the title alone are not enough (a script or a letter may name the report): a title is taken
  // for a report's when a section heading, a table read with confidence, or the statistics period follows.
  const titled = /政府信息公开/.test(head) && /年度报告|年报|工作报告/.test(head);
  const tableRead = Object.values(tables).some((t) => t.confident && t.rows.size >= 2);
  const isReport = (titled && (found.size >= 1 || tableRead || period !== null)) || found.size >= 3
    || (found.size >= 2 && Object.keys(tables).length >= 1) || Object.keys(tables).length >= 2;
  const missingSections = isReport ? ([1, 2, 3, 4, 5, 6] as SectionNumber[]).filter((n) => !found.has(n)) : [];

  let format: Edition | null = null;
  const eds = Object.values(tables).filter((t) => t.key !== 'appeals' && t.rows.size > 0).map((t) => t.edition);
  if (eds.includes('2019')) format = '2019';
  else if (eds.length > 0) format = '2021';

  const lastLine = lines[lines.length - 1]!;
  return {
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

export type { Region };
