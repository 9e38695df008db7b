/**
 * Table T2 (主动公开政府信息情况): blocks of 条例第二十条 items, each with its own columns. The edition is read
 * from the header words and the rows (2019 has 其他对外管理服务事项 and 政府集中采购, and other columns).
 */
import { type Edition, PROACTIVE, proactiveColumnKeys } from '../format/spec';
import type { Cell, Doubt, LabelDeviation, ProactiveBlock, Row, Table, TextSpan } from '../model';
import { range } from '../text/lines';
import { align, chooseRows, columnDeviations, extentOf, labelOf, type LabelChoice } from './align';
import { endOf, makeCell, reconcile, tokenRange } from './cells';
import { type Candidate, countValues, finishTable, type Segment } from './regions';
import { canonicalEntry } from './vocab';

interface RowPlace {
  key: string;
  block: number;
  columns: string[];
}

function layout(edition: Edition): RowPlace[] {
  const out: RowPlace[] = [];
  for (const b of PROACTIVE[edition]) for (const r of b.rows) out.push({ key: r.key, block: b.item, columns: b.columns.map((c) => c.key) });
  return out;
}

/** Evidence for each edition from header words: a word only one edition has counts for it. */
function headerEdition(seg: Segment): Record<Edition, number> {
  const score: Record<Edition, number> = { '2021': 0, '2019': 0 };
  for (const h of seg.header) {
    const m = h.match;
    if (!m || m.entry.role !== 'column' || m.score < 0.75) continue;
    if (m.entry.editions.length === 1) score[m.entry.editions[0]!] += 1;
  }
  return score;
}

export function readProactive(seg: Segment, preferred: Edition | undefined): Table {
  const withValues = seg.candidates.filter((c) => countValues(c) > 0);
  const choices = chooseRows(seg.candidates, 'proactive');
  const hdr = headerEdition(seg);
  let best: { ed: Edition; al: ReturnType<typeof align>; total: number } | undefined;
  for (const ed of ['2021', '2019'] as Edition[]) {
    const places = layout(ed);
    const al = align(withValues.length, places.length, (i, j) => {
      const ch = choices[i]!.get(places[j]!.key);
      if (ch && ch.entry.editions.includes(ed)) return ch.score - (ch.entry.variant ? 0.05 : 0);
      if (choices[i]!.size === 0) return 0.2;
      return 0;
    });
    const total = al.score + hdr[ed] + (ed === preferred ? 0.01 : 0);
    if (!best || total > best.total) best = { ed, al, total };
  }
  const { ed, al } = best!;
  const places = layout(ed);
  const deviations: LabelDeviation[] = [];
  columnDeviations(seg.header, 'proactive', ed, deviations);
  const rows = new Map<string, Row>();
  const missingRows: string[] = [];
  let exact = 0;
  places.forEach((p, j) => {
    const ci = al.rowToCandidate[j]!;
    if (ci < 0) {
      missingRows.push(p.key);
      return;
    }
    const row = buildRow(withValues[ci]!, p, choices[ci]!.get(p.key), ed, deviations);
    if (row.extra.length === 0 && row.cells.every((c) => c.state !== 'missing')) exact++;
    rows.set(p.key, row);
  });
  const strayRows: Row[] = [];
  al.candidateToRow.forEach((j, i) => {
    if (j < 0) strayRows.push(buildRow(withValues[i]!, { key: `stray.${i}`, block: 0, columns: [] }, undefined, ed, []));
  });

  // Blocks: captions and header words by position, rows by their block.
  const blocks: ProactiveBlock[] = PROACTIVE[ed].map((b) => {
    const caption = seg.header.find((h) => h.match?.entry.role === 'caption' && h.match.entry.key === String(b.item) && h.match.score >= 0.75);
    const blockRows = b.rows.map((r) => r.key).filter((k) => rows.has(k));
    const lines = blockRows.map((k) => rows.get(k)!.range);
    const startLine = caption ? caption.token.line : lines[0]?.start.line ?? seg.firstLine;
    const endLine = lines.length ? lines[lines.length - 1]!.end.line : startLine;
    const captionSpan: TextSpan | null = caption ? { text: caption.token.text, range: tokenRange(caption.token) } : null;
    if (caption && caption.match && caption.match.score < 0.999) {
      const canon = canonicalEntry('proactive', 'caption', String(b.item), ed);
      if (canon) deviations.push({ kind: 'caption', key: String(b.item), written: captionSpan!, canonical: canon.label });
    }
    const header = seg.header
      .filter((h) => h.match?.entry.role === 'column' && h.token.line >= startLine && h.token.line <= endLine)
      .map((h) => ({ text: h.token.text, range: tokenRange(h.token) }));
    return { item: b.item, caption: captionSpan, header, columns: b.columns.map((c) => c.key), rows: blockRows, range: range(startLine, 0, endLine, Number.MAX_SAFE_INTEGER) };
  });

  let doubt: Doubt | undefined;
  if (rows.size > 0 && exact / rows.size < 0.6) doubt = { kind: 'cell-counts' };
  else if (strayRows.length > Math.max(2, rows.size / 2)) doubt = { kind: 'stray', rows: strayRows.length };

  const table: Omit<Table, 'range'> = {
    key: 'proactive',
    shape: seg.shape,
    edition: ed,
    columns: proactiveColumnKeys(ed).map((key) => ({ key, present: true })),
    rows,
    missingRows,
    strayRows,
    confident: !doubt,
    labels: deviations,
    blocks,
    debris: seg.debris,
    groups: [],
    unknownLabels: [],
  };
  return finishTable(table, seg, doubt);
}

function buildRow(c: Candidate, place: RowPlace, choice: LabelChoice | undefined, edition: Edition, deviations: LabelDeviation[]): Row {
  const ncols = place.columns.length || countValues(c);
  const rec = reconcile(c.values, ncols);
  const label = labelOf(choice, 'proactive', edition, deviations);
  const range = extentOf([...(choice?.tokens ?? []), ...c.values.filter((v) => v.kind !== 'blank')]);
  const at = endOf(c.values.filter((v) => v.kind === 'value'), range);
  const cells: Cell[] = place.columns.map((col, i) => makeCell(place.key, col, rec.slots[i] ?? null, at));
  return {
    key: place.key,
    label,
    labelScore: choice ? Math.min(1, choice.score) : 0,
    cells,
    extra: rec.extra.map((t) => makeCell(place.key, 'extra', t, at)),
    valueCount: rec.count,
    doubled: rec.doubled.map((t) => tokenRange(t)),
    range,
  };
}
