/**
 * A report model reduced to what checks across reports use (the pairing, R9, R10, the copied-text and
 * hierarchy checks, the desk report's totals): the title facts, the sections, the directives and the three
 * tables' rows and cells. A worker thread sends this instead of the whole model, which is four times larger
 * (label deviations, debris, prose numbers and per-line readings stay in the worker).
 */
import type { ReportModel, Row, Table } from '../model';

function slimTable(t: Table): Table {
  return {
    ...t,
    labels: [],
    debris: [],
    groups: [],
    unknownLabels: [],
    strayRows: [],
    rows: new Map([...t.rows].map(([k, r]) => [k, { ...r, extra: [], doubled: [], label: null }])),
  };
}

/** The three tables' rows and cells, without what only the report's own checks read. */
export function slimTables(all: ReportModel['tables']): ReportModel['tables'] {
  const tables: ReportModel['tables'] = {};
  for (const key of ['proactive', 'requests', 'appeals'] as const) {
    const t = all[key];
    if (t) tables[key] = slimTable(t);
  }
  return tables;
}

export function slimModel(m: ReportModel): ReportModel {
  return { ...slimFacts(m), tables: slimTables(m.tables) };
}

/**
 * The slim model with no tables yet (`tables` is `{}`, in its place among the keys): for a caller that gives
 * them back later (the CLI's in-thread check, cli/check/analyse.ts, derives them again only when read).
 */
export function slimFacts(m: ReportModel): ReportModel {
  return {
    ...m,
    sections: m.sections.map((s) => ({ ...s, subheadings: s.subheadings.map((h) => ({ ...h })) })),
    tables: {},
    prose: [],
    debris: [],
  };
}

/**
 * For sending between threads: the model without its tables, and the tables as one JSON string. Copying a
 * string costs next to nothing, while cloning the tables' few hundred cell objects cost a fifth of a worker's
 * time; most reports' tables are never looked at again (only pairs across years, a roster's reports and the
 * HTML page's totals need them), so they are parsed back only when read (`unpackTables`).
 */
export function packTables(m: ReportModel): { model: ReportModel; tables: string } {
  // The rows' Map (the only Map in a table) as an array of entries, so that JSON.stringify runs without a
  // replacer: calling one for every value cost more than the rest of the copy.
  const plain: Record<string, unknown> = {};
  for (const [key, t] of Object.entries(m.tables)) if (t) plain[key] = { ...t, rows: [...t.rows] };
  return { model: { ...m, tables: {} }, tables: JSON.stringify(plain) };
}

/** Gives a packed model its tables back, parsed on first read. */
export function unpackTables(model: ReportModel, tables: string): ReportModel {
  let parsed: ReportModel['tables'] | undefined;
  const parse = (): ReportModel['tables'] => {
    const plain = JSON.parse(tables) as Record<string, Omit<Table, 'rows'> & { rows: [string, Row][] }>;
    const out: ReportModel['tables'] = {};
    for (const [key, t] of Object.entries(plain)) out[key as keyof ReportModel['tables']] = { ...t, rows: new Map(t.rows) };
    return out;
  };
  Object.defineProperty(model, 'tables', {
    enumerable: true,
    configurable: true,
    get: () => (parsed ??= parse()),
  });
  return model;
}
