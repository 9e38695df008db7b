// The three tables of a corpus report as the grids a clerk's Word file has: each row a list of cells
// `{ text, colspan, rowspan, head }`, merged cells written once, as in the official layout. The text shapes
// and the HTML original are all rendered from these grids, so every shape carries the same truth.
import { PROACTIVE, CONTENT_HEADER, caption, REQUEST_CORNER, REQUEST_COLUMNS, GROUPS, requestRows, APPEAL_GROUPS, OUTCOMES } from './format.mjs';

const FULLWIDTH = (s) => s.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
export const cellText = (truth, v) => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return truth.damage.includes('fullwidth') ? FULLWIDTH(s) : s;
};
const c = (text, more = {}) => ({ text, colspan: 1, rowspan: 1, ...more });

/** T2 as blocks: `{ caption, header, rows: [{ key, label, values }] }`. */
export function proactiveBlocks(truth) {
  const t = truth.tables.proactive;
  return PROACTIVE[t.layout].map((b) => ({
    caption: caption(b.item),
    header: [CONTENT_HEADER, ...b.columns.map(([, l]) => l)],
    rows: b.rows.map(([k, l]) => ({ key: k, label: t.labels[k] ?? l, values: t.rows[k].map((v) => cellText(truth, v)) })),
  }));
}

/** T2 as one grid (the way Word lays out the four or five blocks in one table). */
export function proactiveGrid(truth) {
  const width = 1 + Math.max(...PROACTIVE[truth.tables.proactive.layout].map((b) => b.columns.length));
  const rows = [];
  for (const b of proactiveBlocks(truth)) {
    rows.push([c(b.caption, { colspan: width, head: true })]);
    rows.push(b.header.map((h, i) => c(h, { head: true, colspan: i === b.header.length - 1 ? width - b.header.length + 1 : 1 })));
    for (const r of b.rows) rows.push([c(r.label), ...r.values.map((v, i) => c(v, { colspan: i === r.values.length - 1 ? width - b.header.length + 1 : 1 }))]);
  }
  return rows;
}

/** T3's rows as written: key, the three label cells (results group, group, item), values. */
export function requestRowsWritten(truth) {
  const t = truth.tables.requests;
  const all = requestRows(t.layout);
  const present = new Set(t.rowsPresent);
  const missingGroups = new Set(t.groupsMissing);
  const seenGroups = new Set();
  const out = [];
  for (const row of all) {
    if (!present.has(row.key)) continue;
    const label = t.labels[row.key] ?? row.label;
    const values = t.values[row.key].slice(0, t.totalColumn ? 7 : 6).map((v) => cellText(truth, v));
    let results = '';
    let group = '';
    let item = '';
    if (!row.group) results = label;
    else {
      if (!seenGroups.has('results')) { seenGroups.add('results'); if (!missingGroups.has('results')) results = GROUPS.results; }
      if (row.group === 'results') group = label;
      else {
        if (!seenGroups.has(row.group)) { seenGroups.add(row.group); if (!missingGroups.has(row.group)) group = GROUPS[row.group]; }
        item = label;
      }
    }
    out.push({ key: row.key, group: row.group, sub: row.group && row.group !== 'results' ? row.group : null, results, groupLabel: group, item, label, values });
  }
  return out;
}

/** The column headers of T3 (without the corner): three header rows of the official layout. */
export function requestHeaderGrid(truth) {
  const total = truth.tables.requests.totalColumn;
  const orgs = REQUEST_COLUMNS.slice(1, 6).map(([, l]) => c(l, { head: true }));
  return [
    [c(REQUEST_CORNER, { colspan: 3, rowspan: 3, head: true }), c('申请人情况', { colspan: total ? 7 : 6, head: true })],
    [c('自然人', { rowspan: 2, head: true }), c('法人或其他组织', { colspan: 5, head: true }), ...(total ? [c('总计', { rowspan: 2, head: true })] : [])],
    orgs,
  ];
}

/** T3 as the official grid, with rowspan for the groups. */
export function requestGrid(truth) {
  const rows = requestHeaderGrid(truth);
  const written = requestRowsWritten(truth);
  const resultsCount = written.filter((r) => r.group).length;
  const groupCount = (g) => written.filter((r) => r.sub === g).length;
  const open = new Set();
  for (const r of written) {
    const cells = [];
    if (!r.group) cells.push(c(r.results, { colspan: 3 }));
    else {
      if (!open.has('results')) { open.add('results'); cells.push(c(r.results, { rowspan: resultsCount })); }
      if (!r.sub) cells.push(c(r.groupLabel, { colspan: 2 }));
      else {
        if (!open.has(r.sub)) { open.add(r.sub); cells.push(c(r.groupLabel, { rowspan: groupCount(r.sub) })); }
        cells.push(c(r.item));
      }
    }
    rows.push([...cells, ...r.values.map((v) => c(v))]);
  }
  return rows;
}

export const appealHeaderRows = () => [
  [c('行政复议', { colspan: 5, head: true }), c('行政诉讼', { colspan: 10, head: true })],
  [...OUTCOMES.map(([, l]) => c(l, { rowspan: 2, head: true })), c(APPEAL_GROUPS[1][1], { colspan: 5, head: true }), c(APPEAL_GROUPS[2][1], { colspan: 5, head: true })],
  [...OUTCOMES, ...OUTCOMES].map(([, l]) => c(l, { head: true })),
];
export function appealGrid(truth) {
  const t = truth.tables.appeals;
  const values = [t.values.map((v) => c(cellText(truth, v)))];
  return t.header ? [...appealHeaderRows(), ...values] : values;
}

/**
 * A grid flattened to rows of strings, spans expanded to empty cells (what most converters do): a cell
 * spanning columns leaves blanks to its right, one spanning rows leaves blanks below.
 */
export function flatten(grid) {
  const out = [];
  const carry = [];
  grid.forEach((row, ri) => {
    const line = [];
    let col = 0;
    const take = () => { while (carry[col] && carry[col].until >= ri) { line[col] = ''; col++; } };
    for (const cell of row) {
      take();
      line[col] = cell.text;
      for (let k = 1; k < cell.colspan; k++) line[col + k] = '';
      if (cell.rowspan > 1) for (let k = 0; k < cell.colspan; k++) carry[col + k] = { until: ri + cell.rowspan - 1 };
      col += cell.colspan;
    }
    take();
    out.push(line.map((x) => x ?? ''));
  });
  return out;
}
