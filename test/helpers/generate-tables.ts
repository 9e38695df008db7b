/**
 * Renders the three tables of a generated report in the shapes of report-format.md §8: tab-separated rows,
 * Markdown pipe tables (optionally broken by conversion), one cell a line (optionally with doubled values),
 * and space-aligned PDF layout (optionally with page numbers and wrapped labels). Tables are first laid out
 * as logical rows of cells, then written in the chosen shape.
 */
import {
  APPEALS_COLUMNS, APPEALS_GROUPS, PROACTIVE, PROACTIVE_CONTENT_HEADER, REQUEST_COLUMNS, REQUEST_GROUPS,
  REQUEST_HEADER_GROUPS, REQUEST_ROWS, REQUESTS_CORNER,
} from '../../server/src/core/format/spec';
import type { Rand, ReportData } from './generate';

export type Shape = 'tabs' | 'pipes' | 'cells' | 'spaces';

export interface TableOptions {
  shape: Shape;
  /** Where T3's group labels go: on the first sub-row, a later one, a line of their own, nowhere, or a character a line. */
  groups: 'prefixed' | 'later' | 'own-line' | 'missing' | 'split';
  fullWidth: boolean;
  spacesInWords: boolean;
  /** cells: values doubled (`8` then `8` again, unindented). */
  doubled: boolean;
  /** spaces: page numbers inside tables, and how they are printed: `- 3 -`, a bare centred `3`, `第 3 页`. */
  pageNumbers: boolean;
  pageStyle: 'dash' | 'bare' | 'chinese';
  /** spaces: wrap label cells at this many characters (0: no wrapping). */
  wrap: number;
  /** pipes: header cells split into stray rows. */
  brokenHeader: boolean;
  /** pipes: this many T3 rows lose their label. */
  unlabelled: number;
  /** T3 printed without the 总计 column. */
  noTotalColumn: boolean;
  /** Tables printed without header rows. */
  headerless: boolean;
  /** tabs: cells covered by a merged cell are left out (`一、本年新收…\t0\t…`). */
  compact: boolean;
  /** tabs: each label on a line of its own, the row's values on the next line (一、… 四、 begin lines). */
  labelLines: boolean;
  /** Accepted variant spellings of labels and captions (规范性文件, 第二十条 第(一)项). */
  variants: boolean;
  /** T3 cut off after this many data rows (0: complete). */
  truncateAt: number;
  /** spaces: which line of a wrapped row carries the values. */
  valueLine: 'first' | 'middle' | 'last';
  /** spaces: the report's title repeated at the top of each page. */
  pageHeaders: boolean;
  /** pipes: rows written without the outer pipes (`规章 | 1 | 0 | 5`). */
  barePipes: boolean;
  /** Numbers of 1000 and more with thousands separators (9,945.34). */
  thousands: boolean;
}

/**
 * A logical table row on the table's grid: `labels` label columns, then the value columns. `spans` says how
 * many grid columns each cell covers (0 for a cell covered by the one before); merged-away cells are ''.
 */
interface Row {
  cells: string[];
  labels: number;
  spans?: number[];
  header?: boolean;
}

const FW_DIGITS = '０１２３４５６７８９';

function num(v: number, o: TableOptions): string {
  const s = o.thousands && Math.abs(v) >= 1000 ? v.toLocaleString('en-US', { maximumFractionDigits: 4 }) : String(v);
  if (!o.fullWidth) return s;
  return s.replace(/[0-9]/g, (c) => FW_DIGITS[Number(c)]!).replace('.', '．').replace('-', '－');
}

function label(s: string, o: TableOptions, r: Rand): string {
  let out = s;
  if (o.fullWidth) out = out.replace(/（/g, '(').replace(/）/g, ')');
  if (o.spacesInWords && out.length > 4 && r.chance(0.5)) {
    const at = r.int(2, out.length - 2);
    out = `${out.slice(0, at)} ${out.slice(at)}`;
  }
  return out;
}

const blanks = (n: number) => new Array<string>(n).fill('');
/** Spans for a row whose cell `at` covers `n` columns. */
function spanAt(len: number, at: number, n: number): number[] {
  const s = new Array<number>(len).fill(1);
  s[at] = n;
  for (let i = 1; i < n; i++) s[at + i] = 0;
  return s;
}

// ---------------------------------------------------------------------------------------------
// Logical rows
// ---------------------------------------------------------------------------------------------

function proactiveRows(d: ReportData, o: TableOptions, r: Rand): Row[] {
  const out: Row[] = [];
  for (const b of PROACTIVE[d.edition]) {
    const pad = (xs: string[]) => [...xs, ...blanks(3 - xs.length)];
    if (!o.headerless) {
      const caption = o.variants && r.chance(0.5) ? b.caption.replace('第（', ' 第(').replace('）', ')') : b.caption;
      out.push({ cells: [label(caption, o, r), '', '', ''], labels: 1, spans: spanAt(4, 0, 4), header: true });
      out.push({ cells: [PROACTIVE_CONTENT_HEADER, ...pad(b.columns.map((c) => c.label))], labels: 1, header: true });
    }
    for (const row of b.rows) {
      const name = o.variants && row.variants?.length ? r.pick(row.variants) : row.label;
      out.push({ cells: [label(name, o, r), ...pad(d.proactive[row.key]!.map((v) => num(v, o)))], labels: 1 });
    }
  }
  return out;
}

function requestHeader(o: TableOptions): Row[] {
  const c = REQUEST_COLUMNS.map((x) => x.label);
  const n = o.noTotalColumn ? 9 : 10;
  const total = o.noTotalColumn ? [] : [c[6]!];
  const blankTotal = o.noTotalColumn ? [] : [''];
  const s1 = spanAt(n, 0, 3);
  s1[3] = n - 3;
  for (let i = 4; i < n; i++) s1[i] = 0;
  return [
    { cells: [REQUESTS_CORNER, '', '', REQUEST_HEADER_GROUPS[0]!, ...blanks(n - 4)], labels: 3, spans: s1, header: true },
    { cells: ['', '', '', c[0]!, REQUEST_HEADER_GROUPS[1]!, '', '', '', '', ...total], labels: 3, spans: spanAt(n, 4, 5), header: true },
    { cells: ['', '', '', '', ...c.slice(1, 6), ...blankTotal], labels: 3, header: true },
  ];
}

function requestRows(d: ReportData, o: TableOptions, r: Rand): Row[] {
  const specs = REQUEST_ROWS[d.edition];
  const out: Row[] = o.headerless ? [] : requestHeader(o);
  const values = (key: string) => (o.noTotalColumn ? d.requests[key]!.slice(0, 6) : d.requests[key]!).map((v) => num(v, o));
  const n = 3 + (o.noTotalColumn ? 6 : 7);
  // Which sub-row of each group carries the group label.
  const carrier = new Map<string, string>();
  for (const g of REQUEST_GROUPS) {
    const members = specs.filter((s) => s.group === g.key);
    if (members.length === 0) continue;
    const k = o.groups === 'later' ? r.int(0, members.length - 1) : 0;
    carrier.set(members[k]!.key, `${g.numbering}${g.label}`);
  }
  const unlabelled = new Set<number>();
  while (unlabelled.size < o.unlabelled) unlabelled.add(r.int(1, specs.length - 2));
  specs.forEach((s, i) => {
    if (o.truncateAt > 0 && i >= o.truncateAt) return;
    const name = o.variants && s.variants?.length && r.chance(0.5) ? r.pick(s.variants) : s.label;
    const numbering = o.variants && r.chance(0.3) ? s.numbering.replace('.', '、').replace('（', '(').replace('）', ') ') : s.numbering;
    const own = unlabelled.has(i) ? '' : label(`${numbering}${name}`, o, r);
    const g = carrier.get(s.key);
    const group = g && (o.groups === 'prefixed' || o.groups === 'later') ? label(g, o, r) : '';
    if (g && (o.groups === 'own-line' || o.groups === 'split')) {
      const at = s.group === 'results' ? 0 : 1;
      const parts = o.groups === 'own-line' ? [g] : [...g];
      for (const p of parts) {
        const cells = blanks(3);
        cells[at] = p;
        out.push({ cells, labels: 3 });
      }
    }
    if (!s.group) out.push({ cells: [own, '', '', ...values(s.key)], labels: 3, spans: spanAt(n, 0, 3) });
    else if (s.group === 'results') out.push({ cells: [group, own, '', ...values(s.key)], labels: 3, spans: spanAt(n, 1, 2) });
    else out.push({ cells: ['', group, own, ...values(s.key)], labels: 3 });
  });
  return out;
}

function appealsRows(d: ReportData, o: TableOptions): Row[] {
  const outcomes = APPEALS_COLUMNS.filter((c) => c.group === 'review').map((c) => c.label);
  const out: Row[] = [];
  if (!o.headerless) {
    const s1 = spanAt(15, 0, 5);
    s1[5] = 10;
    for (let i = 6; i < 15; i++) s1[i] = 0;
    const s2 = new Array<number>(15).fill(1);
    s2[5] = 5;
    s2[10] = 5;
    for (const i of [6, 7, 8, 9, 11, 12, 13, 14]) s2[i] = 0;
    out.push({ cells: [APPEALS_GROUPS[0]!.label, ...blanks(4), '行政诉讼', ...blanks(9)], labels: 0, spans: s1, header: true });
    out.push({ cells: [...outcomes, APPEALS_GROUPS[1]!.label, ...blanks(4), APPEALS_GROUPS[2]!.label, ...blanks(4)], labels: 0, spans: s2, header: true });
    out.push({ cells: [...blanks(5), ...outcomes, ...outcomes], labels: 0, header: true });
  }
  out.push({ cells: d.appeals.map((v) => num(v, o)), labels: 0 });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------------------------

function tabs(rows: Row[], o: TableOptions): string[] {
  return rows.flatMap((row) => {
    if (o.labelLines && !row.header && row.labels > 0) {
      const labels = row.cells.slice(0, row.labels).filter((c) => c !== '');
      const values = row.cells.slice(row.labels);
      return values.length > 0 ? [...labels, values.join('\t')] : labels;
    }
    return [(o.compact && row.spans ? row.cells.filter((_, i) => row.spans![i] !== 0) : row.cells).join('\t')];
  });
}

function pipes(rows: Row[], o: TableOptions): string[] {
  const w = Math.max(...rows.map((x) => x.cells.length));
  const line = (cells: string[]) => {
    const inner = [...cells, ...blanks(w - cells.length)].join(' | ');
    return o.barePipes ? inner : `| ${inner} |`;
  };
  const out: string[] = [];
  rows.forEach((row, i) => {
    if (row.header && o.brokenHeader && i > 0) {
      // Conversion split the header: each header word became a row of its own.
      for (const c of row.cells) if (c) out.push(line([c]));
    } else out.push(line(row.cells));
    if (i === 0) out.push(o.barePipes ? blanks(w).fill('---').join(' | ') : `|${blanks(w).fill(' --- ').join('|')}|`);
  });
  return out;
}

function cells(rows: Row[], o: TableOptions, r: Rand): string[] {
  const out: string[] = [];
  for (const row of rows) {
    row.cells.forEach((c, i) => {
      const isValue = i >= row.labels && !row.header;
      if (!isValue && c === '') return;
      out.push(`\t${c}`);
      if (isValue && c !== '' && o.doubled && r.chance(0.3)) out.push(...blanks(r.int(0, 2)), c);
      else if (isValue) out.push('');
    });
    out.push('');
  }
  return out;
}

/** Display width: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u201c\u201d]/.test(ch) ? 2 : 1;
  return w;
}

function wrapText(s: string, n: number): string[] {
  if (n <= 0 || s.length <= n) return [s];
  const out: string[] = [];
  for (let i = 0; i < s.length; i += n) out.push(s.slice(i, i + n));
  return out;
}

/** PDF layout: every grid column padded to its width, wrapped cells over several lines, values mid-row. */
function spaces(rows: Row[], o: TableOptions, page: { n: number; header: string }): string[] {
  const ncols = Math.max(...rows.map((x) => x.cells.length));
  const spansOf = (row: Row) => row.spans ?? new Array<number>(row.cells.length).fill(1);
  const wrapped = rows.map((row) => row.cells.map((c, i) => {
    const span = spansOf(row)[i]!;
    if (row.header) return wrapText(c, o.wrap > 0 ? Math.max(4, span * 4) : 0);
    return i < row.labels ? wrapText(c, o.wrap * Math.max(1, span)) : [c];
  }));
  const colW = new Array<number>(ncols).fill(1);
  wrapped.forEach((w, k) => w.forEach((parts, i) => {
    if (spansOf(rows[k]!)[i] !== 1) return;
    for (const p of parts) colW[i] = Math.max(colW[i]!, width(p));
  }));
  // Spanning cells widen their last column when they do not fit.
  wrapped.forEach((w, k) => w.forEach((parts, i) => {
    const span = spansOf(rows[k]!)[i]!;
    if (span <= 1) return;
    const have = colW.slice(i, i + span).reduce((a, b) => a + b + 2, -2);
    const need = Math.max(...parts.map(width));
    if (need > have) colW[i + span - 1] = colW[i + span - 1]! + need - have;
  }));
  const out: string[] = [];
  let feed = false;
  wrapped.forEach((w, k) => {
    const row = rows[k]!;
    const spans = spansOf(row);
    const height = Math.max(1, ...w.map((p) => p.length));
    const valueLine = o.valueLine === 'first' ? 0 : o.valueLine === 'last' ? height - 1 : Math.floor((height - 1) / 2);
    for (let h = 0; h < height; h++) {
      let line = '';
      for (let i = 0; i < w.length; i++) {
        const span = spans[i]!;
        if (span === 0) continue;
        const isValue = i >= row.labels && !row.header;
        const text = isValue ? (h === valueLine ? w[i]![0]! : '') : (w[i]![h] ?? '');
        const cw = colW.slice(i, i + span).reduce((a, b) => a + b + 2, -2);
        line += text + ' '.repeat(Math.max(0, cw - width(text)) + 2);
      }
      out.push((feed ? '\f' : '') + line.trimEnd());
      feed = false;
    }
    if (o.pageNumbers && k > 0 && k % 9 === 0) {
      const n = ++page.n;
      const number = o.pageStyle === 'dash' ? `- ${n} -` : o.pageStyle === 'bare' ? String(n) : `第 ${n} 页`;
      out.push('', `${' '.repeat(40)}${number}`, '');
      // pdftotext starts each page with a form feed.
      if (o.pageHeaders) out.push(`\f${page.header}`, '');
      else feed = true;
    }
  });
  return out;
}

export function renderTables(table: 'proactive' | 'requests' | 'appeals', d: ReportData, o: TableOptions, r: Rand): string[] {
  const rows = table === 'proactive' ? proactiveRows(d, o, r) : table === 'requests' ? requestRows(d, o, r) : appealsRows(d, o);
  switch (o.shape) {
    case 'tabs': return tabs(rows, o);
    case 'pipes': return pipes(rows, o);
    case 'cells': return cells(rows, o, r);
    case 'spaces': return spaces(rows, o, { n: table === 'proactive' ? 2 : table === 'requests' ? 3 : 4, header: `${d.agency}${d.year}年政府信息公开工作年度报告` });
  }
}
