/**
 * The model as plain JSON, for `govreport parse --format json` and for tools: each table as
 * `{"columns": [keys], "rows": {"<row key>": [values or null]}, "confident": …}` plus the cells with their
 * ranges and raw text.
 */
import type { Locale } from './checks/types';
import type { ReportModel, Table } from './model';
import { reasonOf } from './parse/doubt';

export interface TableJson {
  edition: string;
  confident: boolean;
  /** Why the table is not read with confidence (a doubt kind), and the reason in words. */
  doubt?: string;
  reason?: string;
  columns: string[];
  missingColumns: string[];
  rows: Record<string, (number | null)[]>;
  missingRows: string[];
  cells: Record<string, { raw: string; state: string; range: unknown }[]>;
  range: unknown;
  blocks?: { item: number; caption: string | null; columns: string[]; rows: string[]; range: unknown }[];
}

function tableJson(t: Table, locale: Locale): TableJson {
  const columns = t.columns.filter((c) => c.present).map((c) => c.key);
  const rows: TableJson['rows'] = {};
  const cells: TableJson['cells'] = {};
  for (const [key, row] of t.rows) {
    const byCol = new Map(row.cells.map((c) => [c.column, c]));
    rows[key] = columns.map((col) => byCol.get(col)?.value ?? null);
    cells[key] = columns.flatMap((col) => {
      const c = byCol.get(col);
      return c ? [{ column: col, raw: c.raw, state: c.state, range: c.range }] : [];
    });
  }
  const out: TableJson = {
    edition: t.edition,
    confident: t.confident,
    columns,
    missingColumns: t.columns.filter((c) => !c.present).map((c) => c.key),
    rows,
    missingRows: t.missingRows,
    cells,
    range: t.range,
  };
  if (t.doubt) {
    out.doubt = t.doubt.kind;
    out.reason = reasonOf(t.doubt)[locale];
  }
  if (t.blocks) {
    out.blocks = t.blocks.map((b) => ({ item: b.item, caption: b.caption?.text ?? null, columns: b.columns, rows: b.rows, range: b.range }));
  }
  return out;
}

/** The model as JSON; words (a declined table's reason) in the given language. */
export function modelToJson(model: ReportModel, locale: Locale = 'zh'): Record<string, unknown> {
  const tables: Record<string, TableJson> = {};
  for (const [k, t] of Object.entries(model.tables)) tables[k] = tableJson(t, locale);
  const p = model.period;
  const date = (d: { year: number; month: number; day: number }) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  return {
    isReport: model.isReport,
    title: model.title?.text ?? null,
    agency: model.agency,
    reportYear: model.year,
    format: model.format,
    expectedFormat: model.expectedFormat,
    period: p ? { start: date(p.start), end: date(p.end), range: p.range } : null,
    sections: model.sections.map((s) => ({
      number: s.number,
      title: s.heading.title.text,
      numeral: s.heading.numeral.text,
      range: s.range,
      heading: s.heading.range,
      subsections: s.subheadings.map((h) => ({ numeral: h.numeral, title: h.title, range: h.fullRange })),
    })),
    missingSections: model.missingSections,
    tables,
    prose: model.prose.map((x) => ({ key: x.key, value: x.value, range: x.range, phrase: x.phrase })),
    lineCount: model.lineCount,
  };
}
