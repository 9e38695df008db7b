/**
 * The table reader: one for the three tables and for every source. A segment of candidate rows (from any
 * shape of text, or from a source's table grid) is fitted to each layout of its table (format/spec.ts, both
 * editions): which columns are present, which candidate is which row (an order-keeping alignment by labels),
 * which value is which cell; the better layout is kept, and the doubt rules (doubt.ts) say whether the
 * result can be trusted.
 */
import { type Edition, SUMS, type TableKey } from '../format/spec';
import type { Cell, Doubt, LabelDeviation, ProactiveBlock, Row, Table, TextSpan } from '../model';
import { type Line, type Range, range } from '../text/lines';
import { align, type Alignment, chooseRows, MAX_CHOICE_SCORE, scoreTable, rowChoices, columnDeviations, labelOf, type LabelChoice, namedGroup } from './align';
import { endAfter, endOf, Extent, makeCell, reconcile, tokenRange } from './cells';
import { pairBlocks, streamRows } from './blocks';
import { pageNumbersAmongRows } from './page-numbers';
import { placeByPosition } from './positions';
import { blankTotals, canHold, isShort, shortPlacements } from './short';
import { DOUBT_THRESHOLDS, judge } from './doubt';
import { fitValues, needsFit } from './fit';
import { columnSums, type Layout, LAYOUTS, presentOf, type RowSlot, sumsOver } from './layout';
import { type Candidate, countValues, hasCells, hasCellsCounted, type HeaderToken, type Segment } from './regions';
import type { Token } from './tokens';
import { canonicalEntry, VOCABULARY, type VocabMatch } from './vocab';

/** How a candidate without a label naming a row may still be placed by position, when its values fit the row. */
const POSITIONAL_SCORE = 0.3;
/** … better when the group its labels name is the row's group. */
const POSITIONAL_IN_GROUP = 0.45;
/** A label that is an accepted variant (规范性文件) counts a little less than the canonical one. */
const VARIANT_PENALTY = 0.05;
/** Labels matching a vocabulary entry this well name it. */
const NAMES = 0.75;
/** A label without values naming a row only one edition has counts this much for that edition. */
const LABEL_EVIDENCE = 0.5;
/** An optional column blank on every one of at least this many rows is taken for absent. */
const BLANK_COLUMN_MIN_ROWS = 3;
/** The layout the report year calls for wins a tie. */
const PREFERRED_BONUS = 0.01;
/** Rounding in a sum of row scores stays far below this. */
const SCORE_SLACK = 1e-6;

/** The tables whose rows have sums of their own (T3's R3, T4's R5–R7), which can split values run together. */
const WITH_ROW_SUMS = new Set(SUMS.filter((s) => s.over === 'columns').map((s) => s.table));

/** A segment fitted to one layout: its value rows, their label choices, the alignment and the columns. */
interface Fitting {
  layout: Layout;
  cands: Candidate[];
  withValues: Candidate[];
  choices: Map<string, LabelChoice>[];
  valued: boolean[];
  al: Alignment;
  fit: ColumnFit;
  total: number;
  /** The values were read as one stream in the rows' order (blocks.ts streamRows). */
  streamed: boolean;
}

export function readTable(seg: Segment, preferred: Edition | undefined, lines: readonly Line[] = []): Table {
  const layouts = LAYOUTS[seg.table];
  if (!layouts[0]!.labelled) return readUnlabelled(seg, layouts[0]!);
  const fromHeader = headerEvidence(seg.header);
  const fromLabels = labelEvidence(seg);
  const shared: Shared = { views: new Map(), named: new Map() };
  const extra = (l: Layout) => (fromHeader.get(l.edition) ?? 0) + (fromLabels.get(l.edition) ?? 0) + (l.edition === preferred ? PREFERRED_BONUS : 0);
  const fitted = (l: Layout): Fitting => {
    const f = fitLayout(seg, l, lines, shared);
    f.total += extra(l);
    return f;
  };
  /** The most a layout's fitting can total: each of its rows matched at the best score a label can have. */
  const most = (l: Layout) => l.rows.length * MAX_CHOICE_SCORE + SCORE_SLACK + extra(l);
  // The later layout wins only when it totals more (by 1e-9); a layout that cannot is not fitted at all.
  // The one with more rows is fitted first: a table matching nearly all of them decides (a 2021 T3 read
  // whole totals more than the 2019 form's 23 rows can).
  const first = layouts[0]!;
  const second = layouts[1];
  let best: Fitting;
  if (!second) best = fitted(first);
  else if (first.rows.length >= second.rows.length) {
    const a = fitted(first);
    if (a.total + 1e-9 >= most(second)) best = a;
    else {
      const b = fitted(second);
      best = b.total > a.total + 1e-9 ? b : a;
    }
  } else {
    const b = fitted(second);
    if (b.total > most(first) + 1e-9) best = b;
    else {
      const a = fitted(first);
      best = b.total > a.total + 1e-9 ? b : a;
    }
  }
  const table = assemble(seg, best, lines);
  // Written one cell a line with its values astray from their labels: plain text from a PDF may print the
  // first column beside the labels and the rest apart (lead-stream.ts). Read so only when the sums decide.
  if (table.doubt?.kind !== 'order') return table;
  const again = fitLayout(seg, best.layout, lines, shared, true);
  if (!again.streamed) return table;
  const read = assemble(seg, again, lines);
  return read.confident ? read : table;
}

/** The table a fitting makes: its rows, cells, labels and doubt. */
function assemble(seg: Segment, best: Fitting, lines: readonly Line[]): Table {
  const { layout, al, fit, withValues, choices, valued } = best;
  const ed = layout.edition;
  const deviations: LabelDeviation[] = [];
  columnDeviations(seg.header, seg.table, ed, deviations);
  const rows = new Map<string, Row>();
  const missingRows: string[] = [];
  let positional = 0;
  const undecided: Undecided = new Map();
  // Space-separated cells show no blank cell: a short row's blanks are placed by its sums, or it stays undecided.
  const short = seg.shape === 'spaces' ? new Set<string>() : undefined;
  layout.rows.forEach((slot, j) => {
    const ci = al.rowToCandidate[j]!;
    if (ci < 0) {
      missingRows.push(slot.key);
      return;
    }
    const choice = choices[ci]!.get(slot.key);
    // (A row of a stream read whole is placed by its place in the form, which every sum confirmed.)
    if (!choice && !(best.streamed && ci === j)) positional++;
    rows.set(slot.key, buildRow(withValues[ci]!, slot, fit.present, choice, layout, deviations, undecided, undefined, short));
  });
  // Rows whose run-together values split several ways: the sums down the columns may pick one.
  if (undecided.size > 0) {
    resolveByColumns(layout, rows, undecided, fit.present, (key, values) => {
      const ci = al.rowToCandidate[layout.rows.findIndex((r) => r.key === key)]!;
      const slot = layout.rows.find((r) => r.key === key)!;
      rows.set(key, buildRow(withValues[ci]!, slot, fit.present, choices[ci]!.get(key), layout, [], undecided, values));
    });
  }
  // An optional column left blank on every row is no column: said once (table-column-missing), not per cell.
  const opt = layout.optionalColumn;
  if (opt && fit.present.has(opt) && rows.size >= BLANK_COLUMN_MIN_ROWS && allBlank(rows, opt)) fit.present.delete(opt);
  let exact = 0;
  let crowded = 0;
  for (const row of rows.values()) {
    let cells = 0;
    let missing = false;
    for (let cAt = 0; cAt < row.cells.length; cAt++) {
      const c = row.cells[cAt]!;
      if (!fit.present.has(c.column)) continue;
      cells++;
      if (c.state === 'missing') missing = true;
    }
    if (row.extra.length === 0 && !missing) exact++;
    // (A row of one cell with two values is a value too many, not a second row.)
    if (cells >= 2 && row.valueCount >= cells * DOUBT_THRESHOLDS.crowdedMultiple) crowded++;
  }
  const strayRows: Row[] = [];
  al.candidateToRow.forEach((j, i) => {
    // A label with blank cells that names no row (a group label on a row of its own) is no stray value row.
    if (j < 0 && valued[i]) strayRows.push(buildRow(withValues[i]!, { key: `stray.${i}`, columns: [] }, fit.present, undefined, layout, [], new Map()));
  });
  const shortLeft = short ? [...undecided.keys()].filter((k) => short.has(k)).length : 0;
  const doubt = judge({
    layoutRows: layout.rows.length,
    valueRows: withValues.length,
    matched: rows.size,
    exact,
    positional,
    stray: strayRows.length,
    undecided: undecided.size - shortLeft,
    rowSums: WITH_ROW_SUMS.has(seg.table),
    short: shortLeft,
    crowded,
    wrapped: wrappedPieces(seg),
    oneCellALine: seg.shape === 'cells',
    ...(fit.unfit !== undefined ? { unfitCount: fit.unfit } : {}),
  });
  const { groups: groupLabels, unknown } = leftoverLabels(best.cands, withValues, choices, al, layout);
  const table: Omit<Table, 'range'> = {
    key: seg.table,
    shape: seg.shape,
    edition: ed,
    columns: layout.columns.map((key) => ({ key, present: fit.present.has(key) })),
    rows,
    missingRows,
    strayRows,
    confident: !doubt,
    labels: deviations,
    // (One cell a line, a number alone on its line is any cell: told from a page number elsewhere, regions.ts.)
    debris: doubt || seg.shape === 'cells' ? seg.debris : [...seg.debris, ...pageNumbersAmongRows(strayRows, rows.values(), fit.present, lines)],
    groups: groupLabels,
    unknownLabels: unknown,
  };
  if (seg.table === 'proactive') table.blocks = proactiveBlocks(seg, layout, rows, deviations);
  return finishTable(table, seg, doubt);
}

/** Whether every row's cell in a column is blank. */
function allBlank(rows: Map<string, Row>, column: string): boolean {
  for (const r of rows.values()) {
    let cell: Cell | undefined;
    for (let cAt = 0; cAt < r.cells.length && !cell; cAt++) if (r.cells[cAt]!.column === column) cell = r.cells[cAt];
    if (cell?.state !== 'blank') return false;
  }
  return true;
}

/**
 * What fitting a list of candidates to a layout needs of it whatever the layout: its value rows, their label
 * choices, widths and whether they carry values. The two layouts of a table mostly fit the same list (the
 * segment's own, when neither places nor pairs anything): it is read once per readTable.
 */
interface CandView {
  withValues: Candidate[];
  choices: Map<string, LabelChoice>[];
  /** Each row's choices as a list, in the map's order (walked for every layout: no iterator each time). */
  lists: LabelChoice[][];
  spans: [number, number][];
  valued: boolean[];
  /** The group each value row's labels name (namedGroup), read when first asked: null until then. */
  groups: (string | undefined | null)[];
  /** The spans of the rows whose values did not run together (presentColumns), when first asked. */
  plainSpans?: [number, number][];
}

/** The views of the candidate lists one readTable has fitted, by list; and what placing them by position gave. */
interface Shared {
  views: Map<Candidate[], CandView>;
  placed?: Candidate[];
  /** The header's words, those grouping columns blanked (headerColumns). */
  headerWords?: string;
  /**
   * The columns the header names, by layout (headerColumns: asked before and after pairing, for each layout;
   * the header is the same every time).
   */
  named: Map<Layout, Set<string> | null>;
}

function viewOf(shared: Shared, cands: Candidate[], table: TableKey): CandView {
  let v = shared.views.get(cands);
  if (v) return v;
  // (One walk: each candidate's values are counted once for all three.)
  const withValues: Candidate[] = [];
  const valued: boolean[] = [];
  const spans: [number, number][] = [];
  const groups: (string | undefined | null)[] = [];
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k]!;
    const count = countValues(c);
    if (!hasCellsCounted(c, count)) continue;
    withValues.push(c);
    valued.push(count > 0);
    spans.push(widthSpan(c, count));
    groups.push(null);
  }
  const choices = chooseRows(cands, table);
  const lists: LabelChoice[][] = [];
  for (let k = 0; k < choices.length; k++) {
    const list: LabelChoice[] = [];
    for (const ch of choices[k]!.values()) list.push(ch);
    lists.push(list);
  }
  v = { withValues, choices, lists, spans, valued, groups };
  shared.views.set(cands, v);
  return v;
}

/**
 * Fits a segment to a layout: value blocks paired with their labels where that is certain (blocks.ts), the
 * columns present, and the order-keeping alignment of the value rows with the layout's rows.
 */
function fitLayout(seg: Segment, layout: Layout, lines: readonly Line[], shared: Shared, merged = false): Fitting {
  // Space-aligned T3: a blank cell is a gap in its column (every row of T3 has the same columns, in both editions).
  let cands = seg.candidates;
  if (seg.shape === 'spaces' && layout.table === 'requests') cands = shared.placed ??= placeByPosition(seg.candidates, layout.columns.length, lines);
  // … and the 2019 form's result rows leave their 总计 blank.
  if (seg.shape === 'spaces' && layout.blankTotalRows) cands = blankTotals(cands, layout, namedRow(viewOf(shared, cands, layout.table), layout));
  if (cands !== seg.candidates) seg = { ...seg, candidates: cands };
  let view = viewOf(shared, cands, seg.table);
  let fit = presentColumns(layout, view, seg.header, shared);
  // One cell a line: the values in the rows' order, confirmed by every sum, whatever became of the labels.
  const stream = seg.shape === 'cells' ? streamRows(seg, layout, fit.present.size === layout.columns.length ? [fit.present] : [fit.present, allColumns(layout)], merged) : null;
  const paired = stream ?? pairBlocks(seg, layout, fit.present);
  if (paired !== cands) {
    cands = paired;
    view = viewOf(shared, cands, seg.table);
    fit = presentColumns(layout, view, seg.header, shared);
  }
  const { withValues, lists, spans, valued, groups } = view;
  const keys = layout.keys;
  const widths = layout.rows.map(fit.width);
  const edition = layout.edition;
  const n = withValues.length;
  const m = layout.rows.length;
  const scores = scoreTable(n, m);
  for (let i = 0; i < n; i++) {
    const list = lists[i]!;
    // Accept a row with no label naming one of this layout's rows by position, weakly, when its values fit;
    // better in the group its labels name. A row of blank cells alone is placed by its label only.
    if (valued[i] && !namesKey(list, keys)) {
      const lo = spans[i]![0];
      const hi = spans[i]![1];
      let g = groups[i];
      for (let j = 0; j < m; j++) {
        const w = widths[j]!;
        if (lo > w || w > hi) continue;
        if (g === null) g = groups[i] = namedGroup(withValues[i]!, seg.table);
        scores[i * m + j] = g && g === layout.rows[j]!.group ? POSITIONAL_IN_GROUP : POSITIONAL_SCORE;
      }
    }
    // A row its labels name, in this edition.
    for (let k = 0; k < list.length; k++) {
      const ch = list[k]!;
      const j = layout.rowIndex.get(ch.key);
      if (j !== undefined && ch.entry.editions.includes(edition)) scores[i * m + j] = ch.score - (ch.entry.variant ? VARIANT_PENALTY : 0);
    }
  }
  const al = align(n, m, scores);
  return { layout, cands, withValues, choices: view.choices, valued, al, fit, total: al.score, streamed: stream !== null };
}

/** Whether a row's label choices name one of the keys (a row of the layout) well enough. */
function namesKey(list: LabelChoice[], keys: ReadonlySet<string>): boolean {
  for (let k = 0; k < list.length; k++) if (list[k]!.score >= NAMES && keys.has(list[k]!.key)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Columns
// ---------------------------------------------------------------------------------------------

interface ColumnFit {
  present: Set<string>;
  /** How many values a row of the table carries. */
  width(slot: RowSlot): number;
  /** The modal count of values, when it fits no column layout. */
  unfit?: number;
}

function mode(counts: number[]): number {
  const tally = new Map<number, number>();
  let bestN = 0;
  let bestC = 0;
  for (const n of counts) {
    const c = (tally.get(n) ?? 0) + 1;
    tally.set(n, c);
    if (c > bestC || (c === bestC && n > bestN)) {
      bestC = c;
      bestN = n;
    }
  }
  return bestN;
}

/**
 * Rows of space-aligned text (PDF layout) with a line of values and no label right above and right below:
 * numbers wrapped in narrow columns and centred on their row (`１６` above, `６` below a row showing `５５`).
 */
function wrappedPieces(seg: Segment): number {
  if (seg.shape !== 'spaces') return 0;
  const bare = new Set<number>();
  for (let cAt2 = 0; cAt2 < seg.candidates.length; cAt2++) {
    const c = seg.candidates[cAt2]!;
    // Values alone on their line (labels gathered from lines before do not count).
    const v = c.values.find((x) => x.kind === 'value');
    if (v && c.values.every((x) => x.line === v.line) && c.labels.every((l) => l.token.line !== v.line)) bare.add(v.line);
  }
  let n = 0;
  for (let cAt3 = 0; cAt3 < seg.candidates.length; cAt3++) {
    const c = seg.candidates[cAt3]!;
    const v = c.values.find((x) => x.kind === 'value');
    if (v && !bare.has(v.line) && bare.has(v.line - 1) && bare.has(v.line + 1)) n++;
  }
  return n;
}

const allColumns = (layout: Layout): Set<string> => new Set(layout.columns);

/** At least this share of the value rows must fit a column layout for the table to have it. */
const COLUMN_FIT_SHARE = 0.5;

/**
 * How many cells a row may have: from its values (first to last, blanks between included) to those plus the
 * empty fields written around them (a blank 总计 left as a trailing tab). Doubled values do not count.
 */
function widthSpan(c: Candidate, count: number): [number, number] {
  const doubles = count - dedupedCount(c);
  let a = 0;
  let b = c.values.length;
  while (a < b && c.values[a]!.kind === 'blank' && !c.values[a]!.cell) a++;
  while (b > a && c.values[b - 1]!.kind === 'blank' && !c.values[b - 1]!.cell) b--;
  return [b - a - doubles, c.values.length - doubles];
}

/**
 * Which columns the table has. Only a layout with an optional column (T3's 总计) can lack one: how many
 * cells the rows have and the header's words decide.
 */
function presentColumns(layout: Layout, view: CandView, header: HeaderToken[], shared: Shared): ColumnFit {
  const all = new Set(layout.columns);
  const opt = layout.optionalColumn;
  if (!opt) return { present: all, width: widthOf(all) };
  let named = shared.named.get(layout);
  if (named === undefined) shared.named.set(layout, (named = headerColumns(header, layout, shared)));
  // Rows whose values ran together say nothing of how many columns there are.
  const spans = (view.plainSpans ??= plainSpans(view));
  // How many rows fit w cells, and whether that is enough rows (each count taken once: they are asked twice).
  const enough = (fit: number) => fit > 0 && fit >= spans.length * COLUMN_FIT_SHARE;
  const n = layout.columns.length;
  let present: Set<string>;
  let unfit: number | undefined;
  let noneWritten = true;
  for (let i = 0; i < spans.length && noneWritten; i++) if (spans[i]![0] !== 0) noneWritten = false;
  const fitsAll = noneWritten ? 0 : fits(spans, n);
  const fitsLess = noneWritten ? 0 : fits(spans, n - 1);
  if (noneWritten) present = !named || named.size === n ? all : named.size === n - 1 ? named : all;
  else if (enough(fitsAll) && fitsAll >= fitsLess) present = all;
  else if (enough(fitsLess)) present = named && named.size === n - 1 ? named : new Set(layout.columns.filter((k) => k !== opt));
  else if (named && enough(fits(spans, named.size))) present = named;
  else {
    present = named ?? all;
    // Rows that mostly carry one count of values, which no layout has; counts all over the place are rather
    // rows whose values did not pair with them (the exact-rows rule says so).
    const modal = mode(spans.map(([lo]) => lo));
    if (spans.filter(([lo]) => lo === modal).length >= spans.length * COLUMN_FIT_SHARE) unfit = modal;
  }
  return unfit === undefined ? { present, width: widthOf(present) } : { present, width: widthOf(present), unfit };
}

/** How many rows' spans hold `w` cells. */
function fits(spans: readonly [number, number][], w: number): number {
  let k = 0;
  for (let i = 0; i < spans.length; i++) if (spans[i]![0] <= w && w <= spans[i]![1]) k++;
  return k;
}

/** How many of a row's columns are present. */
function widthOf(present: ReadonlySet<string>): (s: RowSlot) => number {
  return (s) => {
    let n = 0;
    for (let kAt = 0; kAt < s.columns.length; kAt++) { const k = s.columns[kAt]!; if (present.has(k)) n++; }
    return n;
  };
}

/** The widths of the value rows whose values did not run together. */
function plainSpans(view: CandView): [number, number][] {
  const out: [number, number][] = [];
  view.withValues.forEach((c, i) => {
    if (!c.values.some((v) => v.value?.joined)) out.push(view.spans[i]!);
  });
  return out;
}

/** Distinctive two-character pieces of each column label: a header broken over lines still shows them. */
const COLUMN_MARKS = new Map<Layout, Map<string, string[]>>();

function marksOf(layout: Layout): Map<string, string[]> {
  let m = COLUMN_MARKS.get(layout);
  if (m) return m;
  m = new Map();
  const norms = layout.columns.map((k) => ({ k, norms: columnNorms(layout, k) }));
  for (const { k, norms: own } of norms) {
    const others = norms.filter((o) => o.k !== k).flatMap((o) => o.norms);
    const marks = new Set<string>();
    for (const norm of own) {
      if (norm.length <= 2) marks.add(norm);
      for (let i = 0; i + 2 <= norm.length; i++) {
        const g = norm.slice(i, i + 2);
        if (!others.some((o) => o.includes(g))) marks.add(g);
      }
    }
    m.set(k, [...marks]);
  }
  COLUMN_MARKS.set(layout, m);
  return m;
}

/** The normalised spellings of a column's label in a layout (合计 for 总计 is one of them). */
function columnNorms(layout: Layout, key: string): string[] {
  return VOCABULARY.filter((e) => e.table === layout.table && e.role === 'column' && e.key === key && e.editions.includes(layout.edition))
    .map((e) => e.norm);
}

/** The normalised words grouping columns in each table's header. */
const HEADER_GROUPS: Record<TableKey, readonly string[]> = { proactive: [], requests: [], appeals: [] };
for (const g of VOCABULARY) if (g.role === 'headerGroup') (HEADER_GROUPS[g.table] as string[]).push(g.norm);

/** Which columns the header names, read from its words however they were broken; null without a header. */
function headerColumns(header: HeaderToken[], layout: Layout, shared: Shared): Set<string> | null {
  let joined = shared.headerWords;
  if (joined === undefined) {
    joined = '';
    for (const h of header) if (h.match?.entry.role !== 'corner') joined += h.token.key;
    // Words grouping columns (法人或其他组织, 申请人情况) hold column words of their own: 其他 is not the 其他 column.
    for (const norm of HEADER_GROUPS[layout.table]) if (joined.includes(norm)) joined = joined.split(norm).join('#');
    shared.headerWords = joined;
  }
  if (joined.length === 0) return null;
  const found = new Set<string>();
  for (const [k, marks] of marksOf(layout)) if (marks.some((g) => joined.includes(g))) found.add(k);
  return found.size >= 2 ? found : null;
}

/** Values on a row, not counting doubles of the one-cell shape. */
function dedupedCount(c: Candidate): number {
  let n = 0;
  let prev: Token | undefined;
  for (let vAt = 0; vAt < c.values.length; vAt++) {
    const v = c.values[vAt]!;
    if (v.kind === 'value') {
      const double = prev && prev.kind === 'value' && prev.text === v.text && prev.indented && !v.indented && v.line > prev.line;
      if (!double) n++;
      prev = double ? undefined : v;
    }
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Editions
// ---------------------------------------------------------------------------------------------

/**
 * Evidence for each edition, 0 when absent. (A map: an object keyed '2021' and '2019' keeps them as array
 * elements far out of range, which V8 stores as a dictionary — slow to add to.)
 */
type Evidence = Map<Edition, number>;

/** Evidence for each edition from header words: a word only one edition has counts for it. */
function headerEvidence(header: HeaderToken[]): Evidence {
  const score: Evidence = new Map();
  for (const h of header) {
    const m = h.match;
    if (!m || m.entry.role !== 'column' || m.score < NAMES) continue;
    if (m.entry.editions.length === 1) score.set(m.entry.editions[0]!, (score.get(m.entry.editions[0]!) ?? 0) + 1);
  }
  return score;
}

/**
 * Evidence for each edition from labels without values: a table whose values could not be paired with its
 * labels still names its rows, and a row only one edition has (the single （六）其他处理 of 2019, 2021's three
 * sub-rows of it) says which layout the table follows.
 */
function labelEvidence(seg: Segment): Evidence {
  const score: Evidence = new Map();
  for (const c of seg.candidates) {
    if (hasCells(c)) continue;
    for (const ch of rowChoices(c.labels, c.labels.length, seg.table).values()) {
      if (ch.score < NAMES) continue;
      for (const l of LAYOUTS[seg.table]) if (l.own.has(ch.key)) score.set(l.edition, (score.get(l.edition) ?? 0) + LABEL_EVIDENCE);
    }
  }
  return score;
}

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

/** Rows whose values ran together and split in more than one way (or none), or short rows placed several ways: the ways, when there are a few. */
type Undecided = Map<string, Token[][] | undefined>;
/** A short row placed more ways than this is not offered to the column sums to decide. */
const MAX_SHORT_WAYS = 40;

/** The layout row each candidate's labels name (for the 2019 form's blank 总计). */
function namedRow(view: CandView, layout: Layout): (c: Candidate) => string | undefined {
  const keys = layout.keys;
  const named = new Map<Candidate, string>();
  view.withValues.forEach((c, i) => {
    let best: LabelChoice | undefined;
    for (const ch of view.choices[i]!.values()) if (ch.score >= NAMES && keys.has(ch.key) && (!best || ch.score > best.score)) best = ch;
    if (best) named.set(c, best.key);
  });
  return (c) => named.get(c);
}

function buildRow(c: Candidate, slot: RowSlot, present: Set<string>, choice: LabelChoice | undefined, layout: Layout,
  deviations: LabelDeviation[], undecided: Undecided, decided?: Token[], short?: Set<string>): Row {
  const columns = presentOf(slot.columns, present);
  let values = decided ?? c.values;
  if (!decided && short && isShort(c.values, columns.length)) {
    const ways = shortPlacements(c.values, columns.length, sumsOver(layout.table, columns));
    if (ways && ways.length === 1) values = ways[0]!;
    else {
      undecided.set(slot.key, ways && ways.length <= MAX_SHORT_WAYS ? ways : undefined);
      short.add(slot.key);
    }
  } else if (!decided && columns.length && needsFit(c.values, columns.length)) {
    // (Most rows need no fitting: asked first, so that no result is made for them.)
    const fitted = fitValues(c.values, columns.length, sumsOver(layout.table, columns));
    if (fitted.undecided) undecided.set(slot.key, fitted.alternatives);
    values = fitted.values;
  }
  const rec = reconcile(values, columns.length || countValues(c));
  const label = labelOf(choice, layout.table, layout.edition, deviations);
  // The row's label and written values; a row of blank cells alone spans its label and blanks. (Their extent
  // is widened token by token: no list of them is built per row.)
  const ext = ROW_EXTENT.reset();
  if (choice) for (let tAt = 0; tAt < choice.tokens.length; tAt++) ext.add(choice.tokens[tAt]!);
  let last: Token | undefined;
  for (let vAt2 = 0; vAt2 < c.values.length; vAt2++) {
    const v = c.values[vAt2]!;
    if (v.kind !== 'blank') ext.add(v);
    if (v.kind === 'value') last = v;
  }
  if (ext.empty()) {
    for (let lAt = 0; lAt < c.labels.length; lAt++) ext.add(c.labels[lAt]!.token);
    for (let vAt3 = 0; vAt3 < c.values.length; vAt3++) ext.add(c.values[vAt3]!);
  }
  const rowRange = ext.range();
  const at = last ? endAfter(last) : rowRange;
  // The present columns are the row's in order: walk them alongside.
  const cells: Cell[] = [];
  let p = 0;
  for (let k = 0; k < slot.columns.length; k++) {
    const col = slot.columns[k]!;
    cells.push(makeCell(slot.key, col, p < columns.length && columns[p] === col ? rec.slots[p++] ?? null : null, at));
  }
  return makeRow(slot.key, label, choice ? Math.min(1, choice.score) : 0, cells, extraCells(slot.key, rec.extra, at), rec.count,
    doubledRanges(rec.doubled), rowRange);
}

/**
 * A row's cells beyond its columns, and its doubled values' ranges: mostly none. (Loops of their own, not
 * Array map calls in buildRow: TurboFan compiled each map into buildRow, which every cold run compiles.)
 */
function extraCells(row: string, extra: readonly Token[], at: Range): Cell[] {
  const out: Cell[] = [];
  for (let i = 0; i < extra.length; i++) out.push(makeCell(row, 'extra', extra[i]!, at));
  return out;
}

function doubledRanges(doubled: readonly Token[]): Range[] {
  const out: Range[] = [];
  for (let i = 0; i < doubled.length; i++) out.push(tokenRange(doubled[i]!));
  return out;
}

/** A row of a table (every row is made here, in one shape: see the row made first, below). */
function makeRow(key: string, label: TextSpan | null, labelScore: number, cells: Cell[], extra: Cell[], valueCount: number,
  doubled: Range[], rowRange: Range): Row {
  return { key, label, labelScore, cells, extra, valueCount, doubled, range: rowRange };
}

/**
 * The row made before any other, with a fractional label score. V8 keeps a number field as a small integer until
 * it first holds a fraction; the first rows read score 1 (or 0), and the first 0.95 then changed the shape of
 * every row and threw the optimised buildRow away ("lost precision", 20 reports after it was compiled, which
 * on a run of 200 left it unoptimised from there on). Made first, this row gives the field its lasting form
 * (and kept: a shape no live object has may be dropped and made afresh).
 */
export const SHAPED_ROW: Readonly<Row> = makeRow('', null, 0.5, [], [], 0, [], { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });

/** One row's extent, widened while buildRow walks its tokens (buildRow is not re-entered: one is enough). */
const ROW_EXTENT = new Extent();

/**
 * Picks, for a row whose values split several ways, the one split that keeps the sums down the columns (R1,
 * R2) with the rows already read; repeated while that decides more rows. A row none or several splits fit
 * stays undecided.
 */
function resolveByColumns(layout: Layout, rows: Map<string, Row>, undecided: Undecided, present: Set<string>,
  decide: (key: string, values: Token[]) => void): void {
  const sums = columnSums(layout);
  const cols = layout.columns.filter((k) => present.has(k));
  const valueOf = (key: string, col: string): number | null | undefined => {
    if (undecided.has(key)) return undefined;
    const cell = rows.get(key)?.cells.find((x) => x.column === col);
    return cell && cell.state === 'number' ? cell.value : null;
  };
  let progress = true;
  while (progress) {
    progress = false;
    for (const [key, alts] of undecided) {
      if (!alts) continue;
      const fits = alts.filter((alt) => {
        const mine = reconcile(alt, cols.length).slots.map((t) => (t && t.value?.state === 'number' ? t.value.value : null));
        let tested = 0;
        for (const sum of sums) {
          if (!sum.rows.includes(key)) continue;
          for (let c = 0; c < cols.length; c++) {
            // A row still undecided leaves the sum unknown; a blank cell stands for any count.
            const terms: [number | null, number][] = [];
            let open = false;
            for (const [k, sign] of sum.terms) {
              const v = k === key ? mine[c]! : valueOf(k, cols[c]!);
              if (v === undefined) open = true;
              else terms.push([v, sign]);
            }
            const t = sum.target === key ? mine[c]! : valueOf(sum.target, cols[c]!);
            if (open || t === undefined) continue;
            tested++;
            if (!canHold(t, terms)) return false;
          }
        }
        return tested > 0;
      });
      if (fits.length !== 1) continue;
      undecided.delete(key);
      decide(key, fits[0]!);
      progress = true;
    }
  }
}

/** Labels no chosen row took: group labels (for the outline), and text that matched nothing. */
function leftoverLabels(cands: Candidate[], withValues: Candidate[], choices: Map<string, LabelChoice>[], al: Alignment,
  layout: Layout): { groups: TextSpan[]; unknown: TextSpan[] } {
  const groups: TextSpan[] = [];
  const unknown: TextSpan[] = [];
  // Only T3 has group labels and keeps the labels it could not place.
  if (layout.table !== 'requests') return { groups, unknown };
  const used = new Set<Token>();
  for (let i = 0; i < withValues.length; i++) {
    const j = al.candidateToRow[i]!;
    const ch = j >= 0 ? choices[i]!.get(layout.rows[j]!.key) : undefined;
    if (ch) for (let tAt = 0; tAt < ch.tokens.length; tAt++) used.add(ch.tokens[tAt]!);
  }
  for (let cAt4 = 0; cAt4 < cands.length; cAt4++) {
    const c = cands[cAt4]!;
    const valued = hasCells(c);
    for (let lAt2 = 0; lAt2 < c.labels.length; lAt2++) {
      const l = c.labels[lAt2]!;
      if (used.has(l.token)) continue;
      if (isGroup(l.matches)) groups.push({ text: l.token.text, range: tokenRange(l.token) });
      else if (!valued || !anyScore(l.matches, 0.6)) unknown.push({ text: l.token.text, range: tokenRange(l.token) });
    }
  }
  return { groups, unknown };
}

/** Whether a label's matches name a group. */
function isGroup(matches: readonly VocabMatch[]): boolean {
  for (let mAt = 0; mAt < matches.length; mAt++) if (matches[mAt]!.entry.role === 'group' && matches[mAt]!.score >= NAMES) return true;
  return false;
}

/** Whether a label matches anything at least this well. */
function anyScore(matches: readonly VocabMatch[], min: number): boolean {
  for (let mAt = 0; mAt < matches.length; mAt++) if (matches[mAt]!.score >= min) return true;
  return false;
}

/** T2's blocks of a layout: each item, its rows and columns (made once per layout). */
const BLOCKS = new Map<Layout, { item: number; key: string; slots: RowSlot[] }[]>();

function blocksOf(layout: Layout): { item: number; key: string; slots: RowSlot[] }[] {
  let blocks = BLOCKS.get(layout);
  if (blocks) return blocks;
  blocks = [...new Set(layout.rows.map((r) => r.block!))].map((item) => ({ item, key: String(item), slots: layout.rows.filter((r) => r.block === item) }));
  BLOCKS.set(layout, blocks);
  return blocks;
}

/** T2's blocks: captions and header words by position, rows by their block. */
function proactiveBlocks(seg: Segment, layout: Layout, rows: Map<string, Row>, deviations: LabelDeviation[]): ProactiveBlock[] {
  return blocksOf(layout).map(({ item, key, slots }) => {
    const caption = seg.header.find((h) => h.match?.entry.role === 'caption' && h.match.entry.key === key && h.match.score >= NAMES);
    const blockRows: string[] = [];
    for (let rAt = 0; rAt < slots.length; rAt++) { const r = slots[rAt]!; if (rows.has(r.key)) blockRows.push(r.key); }
    const first = blockRows.length ? rows.get(blockRows[0]!)!.range : undefined;
    const last = blockRows.length ? rows.get(blockRows[blockRows.length - 1]!)!.range : undefined;
    const startLine = caption ? caption.token.line : first?.start.line ?? seg.firstLine;
    const endLine = last ? last.end.line : startLine;
    const captionSpan: TextSpan | null = caption ? { text: caption.token.text, range: tokenRange(caption.token) } : null;
    if (caption && caption.match && caption.match.score < 0.999) {
      const canon = canonicalEntry('proactive', 'caption', key, layout.edition);
      if (canon) deviations.push({ kind: 'caption', key, written: captionSpan!, canonical: canon.label });
    }
    const header: TextSpan[] = [];
    for (const h of seg.header) {
      if (h.match?.entry.role === 'column' && h.token.line >= startLine && h.token.line <= endLine) header.push({ text: h.token.text, range: tokenRange(h.token) });
    }
    return { item, caption: captionSpan, header, columns: [...slots[0]!.columns], rows: blockRows, range: range(startLine, 0, endLine, Number.MAX_SAFE_INTEGER) };
  });
}

// ---------------------------------------------------------------------------------------------
// A table of one unlabelled row (T4)
// ---------------------------------------------------------------------------------------------

function readUnlabelled(seg: Segment, layout: Layout): Table {
  const withValues = seg.candidates.filter(hasCells);
  const slot = layout.rows[0]!;
  const written: Token[] = [];
  for (const c of withValues) for (const v of c.values) written.push(v);
  const fitted = fitValues(written, slot.columns.length, sumsOver(layout.table, slot.columns));
  const values = fitted.values;
  const rows = new Map<string, Row>();
  const missingRows: string[] = [];
  let doubt: Doubt | undefined;
  if (values.length === 0) missingRows.push(slot.key);
  else {
    const ncols = slot.columns.length;
    const rec = reconcile(values, ncols);
    const real = values.filter((v) => v.kind !== 'blank');
    const rowRange = tokenRange(real[0]!, real[real.length - 1]!);
    const at = endOf(real, rowRange);
    rows.set(slot.key, makeRow(slot.key, null, 1, slot.columns.map((col, i) => makeCell(slot.key, col, rec.slots[i] ?? null, at)),
      extraCells(slot.key, rec.extra, at), rec.count, doubledRanges(rec.doubled), rowRange));
    const piece = layout.piece ?? ncols;
    doubt = judge({
      layoutRows: 1, valueRows: withValues.length, matched: 1, exact: rec.exact ? 1 : 0, positional: 0, stray: 0,
      values: rec.count, columns: ncols, pieces: withValues.length, undecided: fitted.undecided ? 1 : 0,
      cellsUnwritten: seg.shape === 'cells' && rec.slots.some((t) => t === null),
      wholePieces: withValues.every((c) => dedupedCount(c) % piece === 0),
    });
  }
  const table: Omit<Table, 'range'> = {
    key: seg.table,
    shape: seg.shape,
    edition: layout.edition,
    columns: layout.columns.map((key) => ({ key, present: true })),
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

/** What every table sets last: its extent (to the end of its last line), doubt and header. */
function finishTable(table: Omit<Table, 'range'>, seg: Segment, doubt: Doubt | undefined): Table {
  const lastCand = seg.candidates[seg.candidates.length - 1];
  const out = table as Table;
  const lastLine = Math.max(seg.lastLine, lastCand?.lastLine ?? seg.firstLine);
  out.range = range(seg.firstLine, seg.firstChar, lastLine, lastLine === seg.lastLine ? seg.lastChar : Number.MAX_SAFE_INTEGER);
  if (doubt) out.doubt = doubt;
  if (seg.header.length) {
    const a = seg.header[0]!.token;
    const b = seg.header[seg.header.length - 1]!.token;
    out.headerRange = { start: { line: a.line, character: a.start }, end: { line: b.line, character: b.end } };
  }
  return out;
}
