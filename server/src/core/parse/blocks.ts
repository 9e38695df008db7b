/**
 * Values that came apart from their labels (pdftotext without -layout). Three things happen there:
 * - a block of labels, then their values (or the values first): paired in order;
 * - a row's values interrupted by the rest of its wrapped label (`5.要求行政机关确认或重新出具已获` `0` `取信息` `0 0 …`):
 *   the pieces joined back;
 * - one label followed by several rows' values, the labels of the rows after it printed elsewhere (the rows of
 *   a group whose label spans them come out at the table's end): each share given to the row its label names.
 * Each is done only when the order can be trusted: the labels name rows in the form's order, the values are
 * exactly as many as those rows have cells, and every row's own sums (R3) hold on its share. Otherwise the
 * segment is left as it was, and the doubt rules decline the table.
 */
import { type ColumnSum, columnSums, type Layout, presentOf, sumsOver } from './layout';
import type { Candidate, Segment } from './regions';
import type { RowSum } from './fit';
import { leadStreamReadings } from './lead-stream';
import { oneSlip } from './slip';
import type { Token } from './tokens';

/** A label names a row when it matches it this well. */
const NAMES = 0.75;
/** Fewer labels than this in a block are no block. */
const MIN_BLOCK = 2;

type LabelItem = Candidate['labels'][number];

/** The row a label names in a layout, by itself: its index in the layout, or -1. */
function rowOf(l: LabelItem, layout: Layout): number {
  let best = -1;
  let score = 0;
  // (One pass: the best row named, and the best group named, in this table and edition.)
  let group = -1;
  for (let mAt = 0; mAt < l.matches.length; mAt++) {
    const m = l.matches[mAt]!;
    const e = m.entry;
    if (e.table !== layout.table || !e.editions.includes(layout.edition)) continue;
    if (e.role === 'group') {
      if (m.score > group) group = m.score;
      continue;
    }
    if (e.role !== 'row' || m.score < NAMES) continue;
    const i = layout.rowIndex.get(e.key) ?? -1;
    if (i >= 0 && m.score > score) {
      best = i;
      score = m.score;
    }
  }
  // A group label (（三）不予公开) names no row, however like one it reads.
  return group >= 0 && group >= score ? -1 : best;
}

/** The labels of a block naming rows in the form's order, each once; null when they do not. */
function namedRows(labels: LabelItem[], layout: Layout): { rows: number[]; labels: LabelItem[][] } | null {
  const rows: number[] = [];
  const own: LabelItem[][] = [];
  for (const l of labels) {
    const r = rowOf(l, layout);
    if (r < 0) {
      // The rest of a label broken over lines stays with the row before it.
      if (own.length) own[own.length - 1]!.push(l);
      continue;
    }
    if (rows.length && r <= rows[rows.length - 1]!) return null;
    rows.push(r);
    own.push([l]);
  }
  return rows.length >= MIN_BLOCK ? { rows, labels: own } : null;
}

/** Cuts a block of values into one share per row, when the count is exact and each share keeps its row's sums. */
function share(values: Token[], rows: number[], layout: Layout, present: ReadonlySet<string>): Token[][] | null {
  // (The counts first: the values are copied only when they are as many as the rows' cells.)
  let real = 0;
  for (let k = 0; k < values.length; k++) if (values[k]!.kind !== 'blank') real++;
  const cols: (readonly string[])[] = [];
  let cells = 0;
  for (let i = 0; i < rows.length; i++) {
    const c = presentOf(layout.rows[rows[i]!]!.columns, present);
    cols.push(c);
    cells += c.length;
  }
  if (cells !== real) return null;
  const out: Token[][] = [];
  let k = 0;
  for (let i = 0; i < rows.length; i++) {
    const part: Token[] = [];
    while (part.length < cols[i]!.length) {
      const v = values[k++]!;
      if (v.kind !== 'blank') part.push(v);
    }
    if (!holdsOwn(part, sumsOver(layout.table, cols[i]!))) return null;
    out.push(part);
  }
  return out;
}

/** A value's count, NaN when it is not a number (so that no sum holds with it). */
function countOf(t: Token): number {
  return t.value?.state === 'number' ? t.value.value! : Number.NaN;
}

/** The candidates of a segment with value blocks paired to their labels, where that is certain (the same list when none is). */
export function pairBlocks(seg: Segment, layout: Layout, present: ReadonlySet<string>): Candidate[] {
  const joined = joinContinued(seg.candidates, layout, present);
  const spread = spreadRows(joined, layout, present);
  return pairAdjacent(spread, layout, present);
}

/** A number one space after the words of a label cell: a value that pdftotext put on the label's line. */
const TRAILING_VALUE = /[^\s\d]\s(\d{1,9})$/;

/** Of the form's rows, at least this share must be named by some label for a stream of values to be theirs. */
const STREAM_MIN_NAMED = 0.8;
/** Values after the rows' last that a merged reading may leave out (the next table's: a column group of T4). */
const STREAM_MAX_TAIL = 5;

/**
 * Text written one cell a line keeps its values in the order of the rows even where its labels went astray
 * (plain pdftotext puts the labels of rows under a merged group label at the table's end, and a value on the
 * line of a wrapped label). When the values are exactly as many as the form's rows have cells, the rows are
 * named by labels somewhere in the table, and every sum holds — each row's own (R3) and down the columns (R1,
 * R2) — the values are those rows', in order. Failing that, and only when asked (`merged`: the table was
 * declined for its order), the values may be two streams, the first column beside the labels and the rest
 * apart (lead-stream.ts): taken when exactly one merging keeps every sum. Null when any of that fails.
 */
export function streamRows(seg: Segment, layout: Layout, presents: readonly ReadonlySet<string>[], merged = false): Candidate[] | null {
  const sums = columnSums(layout);
  if (sums.length === 0) return null;
  const named = new Map<number, LabelItem[]>();
  for (let cAt = 0; cAt < seg.candidates.length; cAt++) {
    const c = seg.candidates[cAt]!;
    let last: LabelItem[] | undefined;
    for (let lAt = 0; lAt < c.labels.length; lAt++) {
      const l = c.labels[lAt]!;
      const r = rowOf(l, layout);
      if (r >= 0 && !named.has(r)) named.set(r, (last = [l]));
      // The rest of a label broken over lines goes with it.
      else if (r < 0 && last && !l.token.numbering && !l.matches.some((m) => m.entry.table === layout.table && m.score >= NAMES)) last.push(l);
      else last = undefined;
    }
  }
  // (Whatever the columns: the labels are read once, and the values gathered only when enough rows are named.)
  if (named.size < layout.rows.length * STREAM_MIN_NAMED) return null;
  const values: Token[] = [];
  /** Values on the line of a label naming a row: that row's, its first cell (lead-stream.ts). */
  const anchored = new Map<Token, number>();
  for (let cAt2 = 0; cAt2 < seg.candidates.length; cAt2++) {
    const c = seg.candidates[cAt2]!;
    for (let vAt = 0; vAt < c.values.length; vAt++) {
      const v = c.values[vAt]!;
      if (v.kind !== 'value') continue;
      values.push(v);
      // (The first value after a label naming a row, on its line: that row's first cell.)
      if (vAt === 0) {
        const l = c.labels.find((x) => x.token.line === v.line && x.token.end <= v.start);
        const r = l ? rowOf(l, layout) : -1;
        if (r >= 0) anchored.set(v, r);
      }
    }
    for (let lAt2 = 0; lAt2 < c.labels.length; lAt2++) {
      const l = c.labels[lAt2]!;
      // A value printed on the line of a wrapped label (`…政府信息公开申 6`) is a value in its place.
      const m = TRAILING_VALUE.exec(l.token.text);
      if (m) {
        const end = l.token.end;
        const start = end - m[1]!.length;
        const v: Token = { ...l.token, start, end, text: m[1]!, kind: 'value', value: { state: 'number', value: Number(m[1]), decimals: 0 }, key: '', numbering: '' };
        values.push(v);
        const r = rowOf(l, layout);
        if (r >= 0) anchored.set(v, r);
      }
    }
  }
  values.sort((a, b) => a.line - b.line || a.start - b.start);
  const rows = layout.rows.map((_, i) => i);
  for (const present of presents) {
    const parts = share(values, rows, layout, present);
    if (parts && sumsDown(parts, layout, sums, present)) return parts.map((p, i) => made(named.get(i) ?? [], p));
  }
  if (!merged) return null;
  // The first column beside the labels, the rest apart: the one merging of the two that keeps every sum.
  const anchors = new Map<number, number>();
  values.forEach((v, i) => { const r = anchored.get(v); if (r !== undefined) anchors.set(i, r); });
  const readingsOf = (present: ReadonlySet<string>, broken: number) => {
    const cols = layout.rows.map((r) => presentOf(r.columns, present));
    const widths = cols.map((c) => c.length);
    // A few values more than the rows have cells, after the last of them: the next table's, printed before
    // its heading (plain pdftotext puts T4's last cells there); left out, as the reading is the rows' own.
    const cells = widths.reduce((n, w) => n + w, 0);
    const over = values.length - cells;
    if (over < 0 || over > STREAM_MAX_TAIL) return null;
    const own = over ? values.slice(0, cells) : values;
    const pins = over ? new Map([...anchors].filter(([i]) => i < cells)) : anchors;
    return leadStreamReadings({
      values: own, widths, anchors: pins, broken,
      holds: (r, rowCells) => holdsOwn(rowCells, sumsOver(layout.table, cols[r]!)),
    });
  };
  for (const present of presents) {
    const kept = readingsOf(present, 0)?.filter((p) => sumsDown(p, layout, sums, present)) ?? [];
    if (kept.length > 1) return null;
    if (kept.length === 1) return kept[0]!.map((p, i) => made(named.get(i) ?? [], p));
  }
  // None keeps them all: the one merging whose broken sums a single wrong cell explains (a clerk's slip,
  // which the sum checks then report), when it is the only one (slip.ts).
  for (const present of presents) {
    const kept = readingsOf(present, 1)?.filter((p) => oneSlip(p, layout, present)) ?? [];
    if (kept.length > 1) return null;
    if (kept.length === 1) return kept[0]!.map((p, i) => made(named.get(i) ?? [], p));
  }
  return null;
}

/** Whether a row's own sums (R3) hold on its cells. */
function holdsOwn(part: readonly Token[], sums: readonly RowSum[]): boolean {
  for (let sAt = 0; sAt < sums.length; sAt++) {
    const s = sums[sAt]!;
    let sum = 0;
    for (let tAt = 0; tAt < s.terms.length; tAt++) sum += countOf(part[s.terms[tAt]!]!);
    if (!(sum === countOf(part[s.target]!))) return false;
  }
  return true;
}

/** Down the columns: R1 and R2 hold in every column the rows have. */
function sumsDown(parts: Token[][], layout: Layout, sums: readonly ColumnSum[], present: ReadonlySet<string>): boolean {
  let ncols = 0;
  for (const k of layout.columns) if (present.has(k)) ncols++;
  const at = layout.rowIndex;
  const num = (row: number, col: number): number => {
    const v = parts[row]![col]!.value;
    return v && v.state === 'number' && v.value !== null ? v.value : Number.NaN;
  };
  for (const s of sums) {
    for (let c = 0; c < ncols; c++) {
      const total = s.terms.reduce((acc, [k, sign]) => acc + sign * num(at.get(k)!, c), 0);
      if (!(total === num(at.get(s.target)!, c))) return false;
    }
  }
  return true;
}

/** A label's own row among a candidate's labels: the last label naming a row, or -1. */
function ownRow(c: Candidate, layout: Layout): number {
  for (let i = c.labels.length - 1; i >= 0; i--) {
    const r = rowOf(c.labels[i]!, layout);
    if (r >= 0) return r;
  }
  return -1;
}

/** A label that can only be the rest of one broken over lines: no numbering, and naming nothing of the table. */
function fragmentOnly(c: Candidate, layout: Layout): boolean {
  return c.labels.length > 0 && c.labels.every((l) => !l.token.numbering
    && !l.matches.some((m) => m.entry.table === layout.table && m.score >= NAMES));
}

function widthOf(layout: Layout, r: number, present: ReadonlySet<string>): number {
  let n = 0;
  for (let kAt = 0; kAt < layout.rows[r]!.columns.length; kAt++) { const k = layout.rows[r]!.columns[kAt]!; if (present.has(k)) n++; }
  return n;
}

function realCount(c: Candidate): number {
  let n = 0;
  for (let vAt2 = 0; vAt2 < c.values.length; vAt2++) { const v = c.values[vAt2]!; if (v.kind === 'value') n++; }
  return n;
}

/** Rows whose values the rest of their wrapped label interrupted: joined when together they make whole rows. */
function joinContinued(cands: Candidate[], layout: Layout, present: ReadonlySet<string>): Candidate[] {
  let changed = false;
  const out: Candidate[] = [];
  /** The values of the last candidate out. */
  let before = 0;
  for (let cAt3 = 0; cAt3 < cands.length; cAt3++) {
    const c = cands[cAt3]!;
    const prev = out[out.length - 1];
    const n = realCount(c);
    // (The cheap tests first: the row a label names is looked up only for a fragment after values.)
    const r = prev && before > 0 && n > 0 && fragmentOnly(c, layout) ? ownRow(prev, layout) : -1;
    if (prev && r >= 0) {
      const w = widthOf(layout, r, present);
      if (w > 0 && before % w !== 0 && (before + n) % w === 0) {
        out[out.length - 1] = { labels: [...prev.labels, ...c.labels], values: [...prev.values, ...c.values], firstLine: prev.firstLine, lastLine: c.lastLine };
        changed = true;
        before += n;
        continue;
      }
    }
    out.push(c);
    before = n;
  }
  return changed ? out : cands;
}

/**
 * One label, then the values of several rows: the rows after it lost their labels to elsewhere in the table
 * (label-only candidates naming them). Shared out when each share keeps its row's sums and each of the
 * following rows has its label there.
 */
function spreadRows(cands: Candidate[], layout: Layout, present: ReadonlySet<string>): Candidate[] {
  let changed = false;
  const out: Candidate[] = [];
  /** Label-only candidates' labels naming rows, by row index: where the lost labels are. */
  // (Read only when some candidate holds several rows' values: most tables have none.)
  let apart: Map<number, LabelItem> | undefined;
  const labelsApart = (): Map<number, LabelItem> => {
    if (apart) return apart;
    apart = new Map();
    for (const c of cands) {
      if (c.values.length > 0) continue;
      for (const l of c.labels) {
        const r = rowOf(l, layout);
        if (r >= 0 && !apart.has(r)) apart.set(r, l);
      }
    }
    return apart;
  };
  const used = new Set<LabelItem>();
  /** Each row's width, and the least width a row has (0 when none has any), read when first needed. */
  let widths: number[] | undefined;
  let least = 0;
  const width = (r: number) => widths![r]!;
  for (let cAt4 = 0; cAt4 < cands.length; cAt4++) {
    const c = cands[cAt4]!;
    const n = realCount(c);
    if (n > 1 && !widths) {
      widths = [];
      for (let r = 0; r < layout.rows.length; r++) {
        const w = widthOf(layout, r, present);
        widths.push(w);
        if (w > 0 && (least === 0 || w < least)) least = w;
      }
    }
    // Several rows' values are at least two rows of the narrowest width: the row its label names is looked
    // up only then (a T3 row's seven values are no two rows of seven).
    const r = n > 1 && least > 0 && n >= 2 * least ? ownRow(c, layout) : -1;
    const w = r >= 0 ? width(r) : 0;
    const k = w > 0 && n > w && n % w === 0 ? n / w : 0;
    if (k >= MIN_BLOCK && r + k <= layout.rows.length) {
      const apart = labelsApart();
      // Each of the following rows has its label apart and as many cells.
      let found = true;
      for (let x = r + 1; x < r + k && found; x++) found = apart.has(x) && width(x) === w;
      const rows = found ? Array.from({ length: k }, (_, i) => r + i) : [];
      const labels = rows.slice(1).map((x) => apart.get(x));
      const parts = found ? share(c.values, rows, layout, present) : null;
      if (parts) {
        out.push(made(c.labels, parts[0]!));
        labels.forEach((l, i) => {
          out.push(made([l!], parts[i + 1]!));
          used.add(l!);
        });
        changed = true;
        continue;
      }
    }
    out.push(c);
  }
  if (!changed) return cands;
  // The labels given to their values are no longer labels apart.
  return out.map((c) => (c.values.length === 0 && c.labels.some((l) => used.has(l)) ? { ...c, labels: c.labels.filter((l) => !used.has(l)) } : c))
    .filter((c) => c.labels.length > 0 || c.values.length > 0);
}

/** A block of labels next to a block of values: paired in order. */
function pairAdjacent(cands: Candidate[], layout: Layout, present: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  let changed = false;
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    const firstValue = firstValueOf(c);
    // Labels, then their values: one candidate holding several rows' labels before all of its values.
    if (firstValue && c.labels.length >= MIN_BLOCK && allBefore(c.labels, firstValue)) {
      const named = namedRows(c.labels, layout);
      const parts = named ? share(c.values, named.rows, layout, present) : null;
      if (named && parts) {
        named.labels.forEach((ls, k) => out.push(made(ls, parts[k]!)));
        changed = true;
        continue;
      }
      // … or the first row's values, then each next row's values unlabelled (labels outside the table).
      const rows = named ? cands.slice(i, i + named.rows.length) : [];
      if (named && rows.length === named.rows.length && rows.slice(1).every((r) => namesNoRow(r.labels, layout))) {
        const each = rows.map((r, k) => share(r.values, [named.rows[k]!], layout, present));
        if (each.every((x) => x !== null)) {
          named.labels.forEach((ls, k) => out.push(made(ls, each[k]![0]!)));
          changed = true;
          i += rows.length - 1;
          continue;
        }
      }
    }
    // Values, then their labels: a candidate whose labels name no row, followed by labels without values.
    const next = cands[i + 1];
    if (firstValue && next && next.values.length === 0 && namesNoRow(c.labels, layout)) {
      const named = namedRows(next.labels, layout);
      const parts = named ? share(c.values, named.rows, layout, present) : null;
      if (named && parts) {
        named.labels.forEach((ls, k) => out.push(made(ls, parts[k]!)));
        changed = true;
        i++;
        continue;
      }
    }
    out.push(c);
  }
  return changed ? out : cands;
}

/** A candidate's first value token. */
function firstValueOf(c: Candidate): Token | undefined {
  for (let vAt = 0; vAt < c.values.length; vAt++) if (c.values[vAt]!.kind === 'value') return c.values[vAt];
  return undefined;
}

/** Whether all the labels come before a token (on lines above, or ending before it on its line). */
function allBefore(labels: LabelItem[], t: Token): boolean {
  for (let lAt = 0; lAt < labels.length; lAt++) {
    const l = labels[lAt]!.token;
    if (!(l.line < t.line || (l.line === t.line && l.end <= t.start))) return false;
  }
  return true;
}

/** Whether none of the labels names a row of the layout by itself (rowOf). */
function namesNoRow(labels: LabelItem[], layout: Layout): boolean {
  for (let lAt = 0; lAt < labels.length; lAt++) if (rowOf(labels[lAt]!, layout) >= 0) return false;
  return true;
}

function made(labels: LabelItem[], values: Token[]): Candidate {
  const lines = [...labels.map((l) => l.token.line), ...values.map((v) => v.line)];
  return { labels, values, firstLine: Math.min(...lines), lastLine: Math.max(...lines) };
}
