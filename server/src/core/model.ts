/**
 * The report model: what the parser reads out of a report's text. Every part carries the exact range it
 * came from, so diagnostics and fixes can point at it.
 */
import type { Edition, SectionNumber, TableKey } from './format/spec';
import type { Range } from './text/lines';
import type { CellState } from './text/values';

export interface TextSpan {
  text: string;
  range: Range;
}

export interface Heading {
  /** Which of the six sections this is, read from its title (and its numeral when the title is unsure). */
  number: SectionNumber;
  /** The numeral as written (`一、`, `—、`, `3、`), empty when there is none. */
  numeral: TextSpan;
  /** The numeral's value as written (1–9), 0 when damaged or absent. */
  writtenNumber: number;
  /** The title as written, without numeral or Markdown. */
  title: TextSpan;
  /** The whole heading line's content (numeral + title, without leading debris or Markdown marks). */
  range: Range;
  /** How sure the title match is, 0–1. */
  score: number;
}

export interface SubHeading {
  numeral: string;
  title: string;
  range: Range;
  /** From this sub-heading to the next one or the end of its section. */
  fullRange: Range;
}

export interface Section {
  number: SectionNumber;
  heading: Heading;
  /** From the heading to the last non-blank line before the next section. */
  range: Range;
  subheadings: SubHeading[];
  /** First and last line of the body (after the heading); last < first when empty (or inline: see body). */
  bodyLines: [number, number];
  /** From the end of the heading to the end of the section (a heading inline in web text has its body on its line). */
  body: Range;
}

export interface Cell {
  row: string;
  column: string;
  /** The text as written, trimmed; empty for blank or missing cells. */
  raw: string;
  /** The number, or null when not filled, invalid or missing. */
  value: number | null;
  state: CellState;
  percent?: boolean;
  decimals?: number;
  /** A unit written after the number (`251000元`). */
  unit?: string;
  /** The cell's text; for a missing cell, an empty range where it would go. */
  range: Range;
}

export interface Row {
  key: string;
  /** Label as written (fragments joined), and where. */
  label: TextSpan | null;
  /** How well the label matched its canonical row, 0–1 (0 for a row found by position only). */
  labelScore: number;
  /** One cell per column of the table (or the row's block, for T2), in column order. */
  cells: Cell[];
  /** Cells found beyond the table's columns. */
  extra: Cell[];
  /** How many values were written on the row, after dropping doubled values. */
  valueCount: number;
  /** Doubled values dropped while reading (one-cell-a-line shape). */
  doubled: Range[];
  /** The row's whole extent. */
  range: Range;
}

export interface Column {
  key: string;
  /** Whether the report has this column. */
  present: boolean;
}

export interface ProactiveBlock {
  item: number;
  caption: TextSpan | null;
  /** Header labels found for the block. */
  header: TextSpan[];
  columns: string[];
  rows: string[];
  range: Range;
}

/** How the table's rows are written. */
export type TableShape = 'tabs' | 'pipes' | 'cells' | 'spaces';

export interface Table {
  key: TableKey;
  shape: TableShape;
  /** The layout the table follows. */
  edition: Edition;
  /** Columns of the full layout, with whether each is present. For T2, the union over blocks. */
  columns: Column[];
  rows: Map<string, Row>;
  /** Canonical rows the table lacks. */
  missingRows: string[];
  /** Value rows that could not be matched to a canonical row. */
  strayRows: Row[];
  /** False when the table is there but cells cannot be paired with rows reliably. */
  confident: boolean;
  /** Why not confident. */
  doubt?: Doubt;
  range: Range;
  /** Where the table's header is, when it has one. */
  headerRange?: Range;
  /** Labels that deviate from the canonical ones, found while matching. */
  labels: LabelDeviation[];
  /** T2 only: the blocks, in order. */
  blocks?: ProactiveBlock[];
  /** Lines inside the table that are conversion debris (page numbers, separators). */
  debris: Debris[];
  /** Group labels seen (（三）不予公开 …), for the outline and hover. */
  groups: TextSpan[];
  /** Label-looking text inside the table that matched nothing: damaged group labels and similar. */
  unknownLabels: TextSpan[];
  /** Read from text that lost its layout (web text, cells run together): its doubt is the file's layout-lost. */
  lost?: boolean;
}

/** Why a table could not be read with confidence. */
export type Doubt =
  | { kind: 'columns'; values: number }
  | { kind: 'few-rows' }
  | { kind: 'cell-counts' }
  /** Written one cell a line, the values do not pair with the rows: they came apart from their labels. */
  | { kind: 'order' }
  | { kind: 'unlabelled'; rows: number }
  | { kind: 'stray'; rows: number }
  | { kind: 'spread' }
  | { kind: 'few-values'; values: number; columns?: number }
  /** A table of one row (T4) with more values than cells, none of them run together. */
  | { kind: 'many-values'; values: number; columns: number }
  /**
   * Values run together (web text) that the row's sums do not split in one way only; `sums: false` when the
   * table's rows have no sums to split them by (T1).
   */
  | { kind: 'joined'; rows: number; sums?: false }
  /** Space-separated cells: rows short of values whose blank cells neither positions nor sums place. */
  | { kind: 'short'; rows: number }
  /** Numbers wrapped in narrow columns (PDF layout): pieces of them on the lines above and below a row. */
  | { kind: 'wrapped' };

export interface LabelDeviation {
  /** 'row' or 'column'. */
  kind: 'row' | 'column' | 'caption';
  key: string;
  written: TextSpan;
  canonical: string;
}

export interface Debris {
  kind: 'bookmark' | 'page-number' | 'separator' | 'html';
  text: string;
  /** The debris itself. */
  range: Range;
  /** What removing it deletes: the whole line when the line holds nothing else. */
  removal: Range;
}

export interface PeriodInfo {
  /** The whole sentence fragment 自…起至…止. */
  range: Range;
  start: { year: number; month: number; day: number; range: Range; yearRange: Range };
  end: { year: number; month: number; day: number; range: Range; yearRange: Range };
}

/**
 * What a number in the prose counts: a T3 row or group key (`granted`, `denied`, `denied.4`), a T4 column key
 * (`review.total`, `suitDirect.corrected`), or one of `received`, `new`, `handled`, `disclosed`, `openRate`,
 * `suit.<outcome>` (both lawsuit groups), `corrected` (every 结果纠正) — see `proseTarget` in format/spec.ts.
 */
export type ProseKey = string;

export interface ProseNumber {
  key: ProseKey;
  /** Further subjects counted together with `key` (予以公开、不予公开共 8 件). */
  plus?: ProseKey[];
  value: number;
  /**
   * Who applied, when the count names them (其中自然人申请 112 件): a key of format/spec.ts `APPLICANT_COLUMNS`;
   * the count is then the row's value in those columns of T3, not its 总计.
   */
  applicant?: string;
  /** A percentage: the share of `key` in one of the bases `of`, written with `decimals` decimals. */
  percent?: { of: ProseKey[]; decimals: number };
  /** The year the sentence names before the number, when it names one. */
  year?: number;
  /** The number as written; for a sentence saying there were none, the words that say so. */
  range: Range;
  /** Whether the number is written as digits (a fix can replace it). */
  digits: boolean;
  /** The phrase the number was read from. */
  phrase: string;
}

export interface Directive {
  line: number;
  kind: 'disable' | 'enable';
  /** Codes named; empty means all. */
  codes: string[];
  range: Range;
}

export interface ReportModel {
  /** Line count and text length, for callers that need the document's extent. */
  lineCount: number;
  /** The range of the whole document. */
  fullRange: Range;
  /** Whether this looks like an annual report at all. */
  isReport: boolean;
  title: TextSpan | null;
  agency: string | null;
  year: number | null;
  yearRange: Range | null;
  /** The layout the tables follow, read from the tables; null when there are none to tell. */
  format: Edition | null;
  /** The layout the report year calls for. */
  expectedFormat: Edition | null;
  period: PeriodInfo | null;
  sections: Section[];
  missingSections: SectionNumber[];
  tables: Partial<Record<TableKey, Table>>;
  prose: ProseNumber[];
  debris: Debris[];
  directives: Directive[];
  /** Line endings used, for fixes that insert lines. */
  eol: '\n' | '\r\n' | '\r';
  /** The text lost its line breaks or cell separators (web text): how many lines were cut into pieces, the first. */
  layoutLost?: { lines: number; range: Range };
}
