// Scores what the checker made of one corpus file against the report's truth: cells read right, wrong or
// declined; planted errors caught; false alarms; findings on tables it declined; tables declined and layout
// lost; sections found; messages in Chinese. Pure: the model (`govreport parse --format json`) and the
// findings (`govreport check --format json`) in, figures out.
import { REQUEST_COLUMNS } from './format.mjs';

/** Codes that may come in a shape because of what the shape itself does, not the report. */
const SHAPE_ALLOWS = {
  'word-cells': ['conversion-debris'],
  'pdf-layout': ['conversion-debris'],
  'pdf-plain': ['conversion-debris'],
  'web-oneline': ['layout-lost'],
  spaces: ['conversion-debris'],
};
const SUM_CODES = new Set(['sum-row-total', 'sum-results-total', 'sum-balance', 'sum-appeals-total']);
const STRUCTURE_CODES = new Set(['table-row-missing', 'table-cell-count', 'table-column-missing', 'table-missing', 'section-missing',
  'section-order', 'table-cell-invalid']);
/** Sum findings one planted error may reasonably bring (the sums it breaks, reported once each at most). */
const SUMS_PER_PLANT = 3;
export const DOUBT_CODES = ['table-unreadable', 'layout-lost'];

const num = (v) => (v === null || v === undefined || v === '' ? null : typeof v === 'number' ? v : Number(String(v).replace(/%$/, '')));

/** Every cell the truth knows, as [table, row, column, value] (damaged cells left out: they have no number). */
export function truthCells(truth) {
  const out = [];
  const t2 = truth.tables.proactive;
  for (const [row, values] of Object.entries(t2.rows)) t2.columns[row].forEach((c, i) => out.push(['proactive', row, c, num(values[i])]));
  const t3 = truth.tables.requests;
  const invalid = new Set(t3.invalid.map((x) => `${x.row}/${x.column}`));
  for (const row of t3.rowsPresent) {
    REQUEST_COLUMNS.forEach(([c], i) => {
      if (c === 'total' && !t3.totalColumn) return;
      if (invalid.has(`${row}/${c}`)) return;
      out.push(['requests', row, c, num(t3.values[row][i])]);
    });
  }
  const t4 = truth.tables.appeals;
  if (t4) {
    const cols = ['review', 'suitDirect', 'suitAfterReview'].flatMap((g) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => `${g}.${o}`));
    cols.forEach((c, i) => out.push(['appeals', 'values', c, num(t4.values[i])]));
  }
  return out;
}
/** A labelled total: the 总计 row and column of T3, the three 总计 of T4 (issue 11's measure). */
const isTotal = ([table, row, col]) => (table === 'requests' && (row === 'total' || col === 'total')) || (table === 'appeals' && col.endsWith('.total'));

const before = (a, b) => a.line < b.line || (a.line === b.line && a.character <= b.character);
/** A position inside a range, by line and character (web text puts a whole report on one line). */
const inRange = (pos, range) => !!range && !!pos && before(range.start, pos) && before(pos, range.end);
/** English words in a message, leaving out what it quotes from the report (“…”), codes and commands. */
const english = (msg) => /[A-Za-z]{4,}/.test(msg.replace(/“[^”]*”|govreport[\w-]*|[a-z]+(?:-[a-z]+)+|https?:\S+/g, ''));
export const isChinese = (msg) => /[\u3400-\u9fff]/.test(msg) && !english(msg);

export function scoreFile({ truth, shape, model, diagnostics }) {
  const s = {
    recognised: !!model?.isReport,
    cells: { right: 0, wrong: 0, declined: 0 },
    totals: { right: 0, of: 0 },
    tables: { confident: 0, declined: 0, absent: 0 },
    planted: { caught: 0, of: 0, missed: [] },
    falseErrors: { sum: 0, structure: 0, other: 0, list: [] },
    onDeclined: 0,
    unplannedWarnings: { prose: 0, other: 0, list: [] },
    unplannedInfo: { count: 0, list: [] },
    doubt: Object.fromEntries(DOUBT_CODES.map((c) => [c, 0])),
    sections: { right: false, found: [] },
    messages: { chinese: 0, of: 0 },
    wrongCells: [],
  };
  const tables = model?.tables ?? {};
  // Tables and cells.
  for (const key of ['proactive', 'requests', 'appeals']) {
    if (!truth.tables[key]) continue;
    const t = tables[key];
    if (!t) s.tables.absent++;
    else if (t.confident === false) s.tables.declined++;
    else s.tables.confident++;
  }
  for (const cell of truthCells(truth)) {
    const [table, row, col, value] = cell;
    const t = tables[table];
    const total = isTotal(cell);
    if (total) s.totals.of++;
    if (!t || t.confident === false) {
      s.cells.declined++;
      continue;
    }
    const ci = t.columns.indexOf(col);
    const read = ci >= 0 && t.rows[row] ? num(t.rows[row][ci]) : undefined;
    if (read === value) {
      s.cells.right++;
      if (total) s.totals.right++;
    } else {
      s.cells.wrong++;
      s.wrongCells.push({ table, row, column: col, truth: value, read: read === undefined ? 'missing' : read });
    }
  }
  // Findings.
  const expected = truth.expected.filter((e) => !e.shapes || e.shapes.includes(shape));
  const allowed = new Set([...expected.flatMap((e) => [e.code, ...(e.accept ?? []), ...(e.allow ?? [])]), ...(SHAPE_ALLOWS[shape] ?? []), ...DOUBT_CODES]);
  const lineOf = (table, row, column) => {
    const cells = tables[table]?.cells?.[row];
    return cells?.find((c) => c.column === column)?.range?.start?.line;
  };
  const used = new Set();
  for (const e of expected) {
    s.planted.of++;
    const codes = e.accept ?? [e.code];
    let hit;
    if (e.kind === 'prose') hit = diagnostics.find((d, i) => !used.has(i) && d.code === e.code && d.message.includes(String(e.says)));
    else if (e.kind === 'sum') {
      const line = lineOf(e.at.table, e.at.row, e.at.column);
      hit = diagnostics.find((d, i) => !used.has(i) && codes.includes(d.code) && (line === undefined || d.range.start.line === line));
    } else hit = diagnostics.find((d, i) => !used.has(i) && codes.includes(d.code));
    if (hit) {
      used.add(diagnostics.indexOf(hit));
      s.planted.caught++;
    } else s.planted.missed.push(`${e.code} (${e.what})`);
  }
  const declinedRanges = Object.values(tables).filter((t) => t.confident === false).map((t) => t.range);
  const sumBudget = {
    requests: SUMS_PER_PLANT * truth.planted.filter((p) => p.table === 'requests').length,
    appeals: SUMS_PER_PLANT * truth.planted.filter((p) => p.table === 'appeals').length,
  };
  diagnostics.forEach((d, i) => {
    s.messages.of++;
    if (isChinese(d.message)) s.messages.chinese++;
    if (d.code in s.doubt) s.doubt[d.code]++;
    const line = d.range?.start?.line ?? -1;
    if (used.has(i)) return;
    let explained = allowed.has(d.code);
    if (SUM_CODES.has(d.code)) {
      const table = d.code === 'sum-appeals-total' ? 'appeals' : 'requests';
      explained = sumBudget[table] > 0;
      sumBudget[table]--;
    }
    if (explained) return;
    if (d.severity === 'error' && declinedRanges.some((r) => inRange(d.range?.start, r))) s.onDeclined++;
    const item = { code: d.code, line: line + 1, message: d.message };
    if (d.severity === 'error') {
      s.falseErrors[SUM_CODES.has(d.code) ? 'sum' : STRUCTURE_CODES.has(d.code) ? 'structure' : 'other']++;
      s.falseErrors.list.push(item);
    } else if (d.severity === 'warning') {
      s.unplannedWarnings[d.code === 'text-table-mismatch' ? 'prose' : 'other']++;
      s.unplannedWarnings.list.push(item);
    } else {
      s.unplannedInfo.count++;
      s.unplannedInfo.list.push(item);
    }
  });
  // Sections: the six, less the one planted missing.
  const want = [1, 2, 3, 4, 5, 6].filter((n) => n !== 4 || truth.tables.appeals);
  s.sections.found = [...new Set((model?.sections ?? []).map((x) => x.number))].sort();
  s.sections.right = want.every((n) => s.sections.found.includes(n)) && s.sections.found.length === want.length;
  return s;
}

/** How bad a file's result is, for listing the worst: misreadings and false alarms weigh most. */
export const badness = (s) => 20 * !s.recognised + 3 * s.cells.wrong + 8 * (s.falseErrors.sum + s.falseErrors.structure + s.falseErrors.other)
  + 6 * s.planted.missed.length + 4 * s.onDeclined + 2 * s.tables.declined + 3 * !s.sections.right + 2 * s.unplannedWarnings.prose;
