/**
 * Table T4 (行政复议、行政诉讼情况): one data row of 15 values under a three-row header, which is often broken
 * or missing altogether.
 */
import { APPEALS_COLUMNS, APPEALS_ROW } from '../format/spec';
import type { Doubt, Row, Table } from '../model';
import { endOf, makeCell, reconcile, tokenRange } from './cells';
import { countValues, finishTable, type Segment } from './regions';
import type { Token } from './tokens';

const NCOLS = APPEALS_COLUMNS.length;

export function readAppeals(seg: Segment): Table {
  const withValues = seg.candidates.filter((c) => countValues(c) > 0);
  const values: Token[] = [];
  for (const c of withValues) for (const v of c.values) values.push(v);
  const rows = new Map<string, Row>();
  const missingRows: string[] = [];
  let doubt: Doubt | undefined;
  if (values.length === 0) missingRows.push(APPEALS_ROW.key);
  else {
    const rec = reconcile(values, NCOLS);
    const real = values.filter((v) => v.kind !== 'blank');
    const range = tokenRange(real[0]!, real[real.length - 1]!);
    const at = endOf(real, range);
    rows.set(APPEALS_ROW.key, {
      key: APPEALS_ROW.key,
      label: null,
      labelScore: 1,
      cells: APPEALS_COLUMNS.map((c, i) => makeCell(APPEALS_ROW.key, c.key, rec.slots[i] ?? null, at)),
      extra: rec.extra.map((t) => makeCell(APPEALS_ROW.key, 'extra', t, at)),
      valueCount: rec.count,
      doubled: rec.doubled.map((t) => tokenRange(t)),
      range,
    });
    if (withValues.length > 2) doubt = { kind: 'spread' };
    else if (!rec.exact && rec.count < NCOLS - 5) doubt = { kind: 'few-values', values: rec.count };
  }
  const table: Omit<Table, 'range'> = {
    key: 'appeals',
    shape: seg.shape,
    edition: '2021',
    columns: APPEALS_COLUMNS.map((c) => ({ key: c.key, present: true })),
    rows,
    missingRows,
    strayRows: [],
    confident: !doubt,
    labels: [],
    debris: seg.debris,
    groups: [],
    unknownLabels: [],
  };
  return finishTable(table, seg, doubt);
}
