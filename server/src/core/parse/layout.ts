/**
 * The layouts the table reader fits a table to, built from the format data: for each table and edition, its
 * rows in order, each with the columns it carries. T2's rows carry their block's columns, T3's rows the seven
 * applicant columns, and T4 has one unlabelled row of fifteen, printed in three groups of five.
 */
import {
  APPEALS_COLUMNS, APPEALS_GROUPS, APPEALS_ROW, type Edition, PROACTIVE, REQUEST_COLUMNS, REQUEST_ROWS, SUMS, type TableKey,
} from '../format/spec';
import { type RowSum, rowSums } from './fit';

export interface RowSlot {
  key: string;
  /** The row's columns, in order. */
  columns: readonly string[];
  /** T3: the group the row sits in (results, denied …). */
  group?: string;
  /** T2: the item of the block the row belongs to. */
  block?: number;
}

export interface Layout {
  table: TableKey;
  edition: Edition;
  rows: readonly RowSlot[];
  /** Every column in order (T2: the union over its blocks). */
  columns: readonly string[];
  /** A column a report may leave out on every row (T3 without its 总计 column, seed 000). */
  optionalColumn?: string;
  /** Whether rows are named by labels; T4's one data row is not, so all of its values are that row's. */
  labelled: boolean;
  /** Values an unlabelled row may come in separately: T4's 行政复议, 直接起诉, 复议后起诉 are five each. */
  piece?: number;
  /** Rows this edition has and the other has not: labels naming them are evidence for the edition. */
  own: ReadonlySet<string>;
  /** Rows whose 总计 the form itself leaves blank: the 2019 trial form's result rows (report-format.md §8.10). */
  blankTotalRows?: ReadonlySet<string>;
  /** The rows' keys, and each row's index by its key. */
  keys: ReadonlySet<string>;
  rowIndex: ReadonlyMap<string, number>;
  /** The sums down its columns (columnSums). */
  columnSums: readonly ColumnSum[];
}

/** A layout as made per table and edition, before what is derived from its rows. */
type Made = Omit<Layout, 'keys' | 'rowIndex' | 'columnSums'>;

function proactive(edition: Edition): Made {
  const rows: RowSlot[] = [];
  const columns: string[] = [];
  for (const b of PROACTIVE[edition]) {
    for (const r of b.rows) rows.push({ key: r.key, columns: b.columns.map((c) => c.key), block: b.item });
    for (const c of b.columns) if (!columns.includes(c.key)) columns.push(c.key);
  }
  return { table: 'proactive', edition, rows, columns, labelled: true, own: new Set() };
}

function requests(edition: Edition): Made {
  const columns = REQUEST_COLUMNS.map((c) => c.key);
  const rows = REQUEST_ROWS[edition].map((r): RowSlot => ({ key: r.key, columns, ...(r.group ? { group: r.group } : {}) }));
  const layout: Made = { table: 'requests', edition, rows, columns, optionalColumn: 'total', labelled: true, own: new Set() };
  if (edition === '2019') layout.blankTotalRows = new Set(REQUEST_ROWS[edition].filter((r) => r.group).map((r) => r.key));
  return layout;
}

function appeals(edition: Edition): Made {
  const columns = APPEALS_COLUMNS.map((c) => c.key);
  return {
    table: 'appeals', edition, rows: [{ key: APPEALS_ROW.key, columns }], columns, labelled: false,
    piece: columns.length / APPEALS_GROUPS.length, own: new Set(),
  };
}

const EDITIONS: Edition[] = ['2021', '2019'];

/** The sums within a row (R3 …) of each column list the layouts' rows have, by the list itself. */
const SLOT_SUMS = new Map<readonly string[], readonly RowSum[]>();

/** A layout with the lookups its readers use on every row (table.ts, blocks.ts). */
function derive(l: Made): Layout {
  for (const r of l.rows) if (!SLOT_SUMS.has(r.columns)) SLOT_SUMS.set(r.columns, rowSums(l.table, r.columns));
  return { ...l, keys: new Set(l.rows.map((r) => r.key)), rowIndex: new Map(l.rows.map((r, i) => [r.key, i])), columnSums: makeColumnSums(l) };
}

function build(make: (e: Edition) => Made): Layout[] {
  const both = EDITIONS.map(make).map(derive);
  for (const l of both) {
    const others = both.filter((o) => o !== l).flatMap((o) => o.rows.map((r) => r.key));
    (l as { own: ReadonlySet<string> }).own = new Set(l.rows.map((r) => r.key).filter((k) => !others.includes(k)));
  }
  return both;
}

export const LAYOUTS: Record<TableKey, readonly Layout[]> = {
  proactive: build(proactive),
  requests: build(requests),
  // T4 is the same in both editions: one layout.
  appeals: [derive(appeals('2021'))],
};

/** The columns of a row that a table has: the row's own list when it has them all. */
export function presentOf(columns: readonly string[], present: ReadonlySet<string>): readonly string[] {
  for (let kAt = 0; kAt < columns.length; kAt++) if (!present.has(columns[kAt]!)) return onlyPresent(columns, present);
  return columns;
}

/** The columns of a row that a table has, when it lacks some (a function of its own: presentOf is inlined in hot code). */
function onlyPresent(columns: readonly string[], present: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let kAt = 0; kAt < columns.length; kAt++) if (present.has(columns[kAt]!)) out.push(columns[kAt]!);
  return out;
}

/** The sums within a row over some of a table's columns (fit.ts rowSums), made once for a layout's own lists. */
export function sumsOver(table: TableKey, columns: readonly string[]): readonly RowSum[] {
  return SLOT_SUMS.get(columns) ?? rowSums(table, columns);
}

/** A sum down the columns: in every column, the target row's cell = Σ sign × the terms' cells. */
export interface ColumnSum {
  target: string;
  terms: [string, number][];
  /** The target and the terms. */
  rows: string[];
}

/** The sums down a layout's columns (R1, R2), their terms expanded to the layout's rows. */
export function columnSums(layout: Layout): readonly ColumnSum[] {
  return layout.columnSums;
}

function makeColumnSums(layout: Made): ColumnSum[] {
  const keys = layout.rows.map((r) => r.key);
  const out: ColumnSum[] = [];
  for (const s of SUMS) {
    if (s.table !== layout.table || s.over !== 'rows' || !keys.includes(s.target)) continue;
    const terms: [string, number][] = [];
    for (const t of s.terms) {
      if (t.key.endsWith('.*')) for (const k of keys) { if (k.startsWith(t.key.slice(0, -1))) terms.push([k, t.sign]); }
      else if (keys.includes(t.key)) terms.push([t.key, t.sign]);
    }
    out.push({ target: s.target, terms, rows: [s.target, ...terms.map(([k]) => k)] });
  }
  return out;
}
