/**
 * A report model reduced to what checks across reports use (the pairing, R9, R10, the copied-text and
 * hierarchy checks, the desk report's totals): the title facts, the sections, the directives and the three
 * tables' rows and cells. A worker thread sends this instead of the whole model, which is four times larger
 * (label deviations, debris, prose numbers and per-line readings stay in the worker).
 */
import type { ReportModel, Table } from '../model';

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

export function slimModel(m: ReportModel): ReportModel {
  const tables: ReportModel['tables'] = {};
  for (const key of ['proactive', 'requests', 'appeals'] as const) {
    const t = m.tables[key];
    if (t) tables[key] = slimTable(t);
  }
  return {
    ...m,
    sections: m.sections.map((s) => ({ ...s, subheadings: s.subheadings.map((h) => ({ ...h })) })),
    tables,
    prose: [],
    debris: [],
  };
}
