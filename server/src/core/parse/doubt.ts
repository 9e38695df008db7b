/**
 * When a table is not read with confidence, and why: every doubt rule of the table reader, in one place, each
 * with its named threshold and the reason it gives. A table in doubt gets one `table-unreadable` (or is covered
 * by the file's `layout-lost`), and no check reasons about its numbers.
 */
import type { Bilingual } from '../checks/types';
import type { Doubt } from '../model';

export const DOUBT_THRESHOLDS = {
  /** Fewer rows recognised by their labels than this (or than the layout has, if it has fewer): too little to pair. */
  minRows: 3,
  /** Share of the matched rows that must carry one value per column; below it, values and rows are not paired reliably. */
  exactRowShare: 0.7,
  /** Rows placed by position alone (no label names them): more than this and the placing is a guess. */
  maxPositional: 2,
  /** Value rows that fit no row of the form: more than this many … */
  maxStray: 2,
  /** … and more than this share of the matched rows. */
  strayShare: 0.25,
  /** A table of one row (T4): fewer values than this share of its columns cannot be placed. */
  minValueShare: 2 / 3,
  /** An unlabelled row written over more than this many pieces that are not whole column groups. */
  maxPieces: 2,
  /** Rows whose run-together values could not be split in one way only: any is too many, its sums are unknown. */
  maxUndecided: 0,
  /** Rows short of values in space-separated text whose blank cells neither positions nor sums place: any is too many. */
  maxShort: 0,
  /** Rows with a line of values and no label right above and below (numbers wrapped in narrow columns): more than this. */
  maxWrapped: 0,
  /** A row carrying this many times its cells holds other rows' values too (their labels went elsewhere). */
  crowdedMultiple: 2,
} as const;

/** What the reader saw of a table, for the doubt rules. */
export interface Evidence {
  /** Rows of the layout. */
  layoutRows: number;
  /** Value rows seen (candidates with values). */
  valueRows: number;
  /** Rows matched to the layout. */
  matched: number;
  /** Of them, rows with one value per present column. */
  exact: number;
  /** Of them, placed by position, not named by a label. */
  positional: number;
  /** Value rows matched to no row. */
  stray: number;
  /** Rows whose values ran together and could not be split in one way only. */
  undecided?: number;
  /** Whether the table's rows have sums that could split values run together (T1's have none); default true. */
  rowSums?: boolean;
  /** Rows short of values, their blank cells unseen and not placed in one way only. */
  short?: number;
  /** Rows carrying at least DOUBT_THRESHOLDS.crowdedMultiple times their cells. */
  crowded?: number;
  /** Rows of space-aligned text with a line of values and no label right above and right below. */
  wrapped?: number;
  /** The table is written one cell a line (where values that do not pair are values apart from their labels). */
  oneCellALine?: boolean;
  /** The modal count of values on a row, when it fits no column layout (undefined when it fits). */
  unfitCount?: number;
  /** Single-row tables: values found, and the row's columns. */
  values?: number;
  columns?: number;
  /**
   * Single-row tables written one cell a line: some cells have neither a value nor a blank written (one cell
   * a line shows no empty cell, and plain text from a PDF may print the rest of the row elsewhere).
   */
  cellsUnwritten?: boolean;
  /** Single-row tables: the values came in this many pieces, and whether they were whole column groups. */
  pieces?: number;
  wholePieces?: boolean;
}

/** The first doubt rule that applies, or undefined when the table is read with confidence. */
export function judge(e: Evidence): Doubt | undefined {
  const T = DOUBT_THRESHOLDS;
  if (e.unfitCount !== undefined) return { kind: 'columns', values: e.unfitCount };
  if ((e.undecided ?? 0) > T.maxUndecided) return { kind: 'joined', rows: e.undecided!, ...(e.rowSums === false ? { sums: false as const } : {}) };
  if ((e.short ?? 0) > T.maxShort) return { kind: 'short', rows: e.short! };
  if ((e.wrapped ?? 0) > T.maxWrapped) return { kind: 'wrapped' };
  if (e.layoutRows === 1) {
    if (e.pieces !== undefined && e.pieces > T.maxPieces && !e.wholePieces) return { kind: 'spread' };
    if (e.values !== undefined && e.columns !== undefined && e.values !== e.columns && (e.values < e.columns * T.minValueShare || e.cellsUnwritten)) {
      return { kind: 'few-values', values: e.values, columns: e.columns };
    }
    // More values than the row has cells (and no unique way to merge them): which are its cells is a guess.
    if (e.values !== undefined && e.columns !== undefined && e.values > e.columns) return { kind: 'many-values', values: e.values, columns: e.columns };
    return undefined;
  }
  if (e.valueRows > 0 && e.matched < Math.min(T.minRows, e.layoutRows)) return { kind: 'few-rows' };
  // Written one cell a line, a row short of cells while rows of the form are missing: the missing rows' labels
  // were lost and their values went to the rows around them (plain text from a PDF, where a label wraps around
  // a value). However well the other rows pair, which values are whose is not known. (A row short of a cell
  // in an otherwise whole table is the clerk's, and is reported as such.)
  if (e.oneCellALine && e.matched > e.exact && e.matched < e.layoutRows) return { kind: 'order' };
  if (e.matched > 0 && e.exact / e.matched < T.exactRowShare) return { kind: e.oneCellALine ? 'order' : 'cell-counts' };
  // One row with the values of several: which values are whose is a guess, whatever the other rows say.
  if ((e.crowded ?? 0) > 0) return { kind: e.oneCellALine ? 'order' : 'cell-counts' };
  if (e.positional > T.maxPositional) return { kind: 'unlabelled', rows: e.positional };
  if (e.stray > Math.max(T.maxStray, e.matched * T.strayShare)) return { kind: 'stray', rows: e.stray };
  return undefined;
}

const joinedReason = (rows: number, sums: boolean): Bilingual => ({
  zh: `${rows > 1 ? `有 ${rows} 行` : '有一行'}的数值连在一起，${sums ? '按合计关系无法唯一地拆分' : '无从确定各格的分界'}`,
  en: `the values of ${rows > 1 ? `${rows} rows` : 'a row'} run together, and ${sums ? 'their sums do not decide how to split them' : 'nothing tells where one cell ends and the next begins'}`,
});

/** Why a table is in doubt, in words a clerk understands. */
export function reasonOf(d: Doubt): Bilingual {
  switch (d.kind) {
    case 'columns': return { zh: `各行有 ${d.values} 个数值，与任何列的布局都对不上`, en: `rows carry ${d.values} values, which fits no column layout` };
    case 'few-rows': return { zh: '能按行名认出的行太少', en: 'too few rows could be recognised by their labels' };
    case 'order': return {
      zh: '逐格换行的文本（如 PDF 转出的纯文本）中数值与行名错开，无法确定哪一行是哪些数值',
      en: 'the values do not line up with the rows: in text written one cell a line (such as plain text from a PDF) values often come apart from their labels, so which row holds which values cannot be told',
    };
    case 'cell-counts': return { zh: '多数行的数值个数与列数不符', en: 'most rows do not have one value per column' };
    case 'unlabelled': return { zh: `有 ${d.rows} 行没有可辨认的行名`, en: `${d.rows} rows have no recognisable label` };
    case 'stray': return { zh: `有 ${d.rows} 行与格式中的任何一行都对不上`, en: `${d.rows} rows match no row of the form` };
    case 'spread': return { zh: '数值分散在多行中', en: 'the values are spread over several rows' };
    case 'joined': return joinedReason(d.rows, d.sums !== false);
    case 'short': return {
      zh: `${d.rows > 1 ? `有 ${d.rows} 行` : '有一行'}的数值少于列数，而以空格分隔的文本看不出哪几格是空的（位置和合计关系都无法唯一确定）`,
      en: `${d.rows > 1 ? `${d.rows} rows have` : 'a row has'} fewer values than columns, and text separated by spaces does not show which cells are blank (neither the positions nor the sums decide it)`,
    };
    case 'wrapped': return {
      zh: '窄列中的数字被折成多行（行的上下方还有零散的数字），无法确定每格的数值',
      en: 'numbers are wrapped over several lines in narrow columns (stray digits above and below a row), so the value of each cell cannot be told',
    };
    case 'many-values': return {
      zh: `数据行有 ${d.values} 个数值（应为 ${d.columns} 个），无法确定哪些是各格的数值`,
      en: `the data row has ${d.values} values (${d.columns} expected), so which are its cells cannot be told`,
    };
    case 'few-values': return { zh: `只找到 ${d.values} 个数值（应为 ${d.columns ?? 15} 个）`, en: `only ${d.values} of ${d.columns ?? 15} values were found` };
  }
}
