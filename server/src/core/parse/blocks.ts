/**
 * Values that came in a block apart from their labels (pdftotext without -layout: nine labels, then their
 * nine values; or the values first). The block is paired with the labels in order only when the order can be
 * trusted: the labels name distinct rows in the form's order, the values are exactly as many as those rows
 * have cells, and every row's own sums (R3) hold on its share. Otherwise the segment is left as it was, and
 * the doubt rules decline the table.
 */
import type { Layout } from './layout';
import { rowSums } from './fit';
import type { Candidate, Segment } from './regions';
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
  for (const m of l.matches) {
    if (m.entry.table !== layout.table || m.entry.role !== 'row' || m.score < NAMES || !m.entry.editions.includes(layout.edition)) continue;
    const i = layout.rows.findIndex((r) => r.key === m.entry.key);
    if (i >= 0 && m.score > score) {
      best = i;
      score = m.score;
    }
  }
  // A group label (（三）不予公开) names no row, however like one it reads.
  if (l.matches.some((m) => m.entry.table === layout.table && m.entry.role === 'group' && m.score >= score)) return -1;
  return best;
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
  const real = values.filter((v) => v.kind !== 'blank');
  const widths = rows.map((r) => layout.rows[r]!.columns.filter((k) => present.has(k)).length);
  if (widths.reduce((a, b) => a + b, 0) !== real.length) return null;
  const out: Token[][] = [];
  let at = 0;
  for (let i = 0; i < rows.length; i++) {
    const part = real.slice(at, at + widths[i]!);
    at += widths[i]!;
    const cols = layout.rows[rows[i]!]!.columns.filter((k) => present.has(k));
    for (const s of rowSums(layout.table, cols)) {
      const v = (j: number) => part[j]!.value?.state === 'number' ? part[j]!.value!.value! : Number.NaN;
      const sum = s.terms.reduce((a, j) => a + v(j), 0);
      if (!(sum === v(s.target))) return null;
    }
    out.push(part);
  }
  return out;
}

/** The candidates of a segment with value blocks paired to their labels, where that is certain (the same list when none is). */
export function pairBlocks(seg: Segment, layout: Layout, present: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  const cands = seg.candidates;
  let changed = false;
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    const realValues = c.values.filter((v) => v.kind === 'value');
    // Labels, then their values: one candidate holding several rows' labels before all of its values.
    if (realValues.length > 0 && c.labels.length >= MIN_BLOCK && c.labels.every((l) => l.token.line < realValues[0]!.line || (l.token.line === realValues[0]!.line && l.token.end <= realValues[0]!.start))) {
      const named = namedRows(c.labels, layout);
      const parts = named ? share(c.values, named.rows, layout, present) : null;
      if (named && parts) {
        named.labels.forEach((ls, k) => out.push(made(ls, parts[k]!)));
        changed = true;
        continue;
      }
      // … or the first row's values, then each next row's values unlabelled (labels outside the table).
      const rows = named ? cands.slice(i, i + named.rows.length) : [];
      if (named && rows.length === named.rows.length && rows.slice(1).every((r) => r.labels.every((l) => rowOf(l, layout) < 0))) {
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
    if (realValues.length > 0 && next && next.values.length === 0 && c.labels.every((l) => rowOf(l, layout) < 0)) {
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

function made(labels: LabelItem[], values: Token[]): Candidate {
  const lines = [...labels.map((l) => l.token.line), ...values.map((v) => v.line)];
  return { labels, values, firstLine: Math.min(...lines), lastLine: Math.max(...lines) };
}
