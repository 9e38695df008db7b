/**
 * Table T3 (收到和处理政府信息公开申请情况): 25 rows (2021) or 23 (2019) by seven applicant columns.
 */
import { type Edition, REQUEST_COLUMNS, REQUEST_ROWS } from '../format/spec';
import type { Cell, Doubt, LabelDeviation, Row, Table, TextSpan } from '../model';
import { align, chooseRows, columnDeviations, extentOf, labelOf, type LabelChoice, namedGroup } from './align';
import { endOf, makeCell, reconcile, tokenRange } from './cells';
import { type Candidate, countValues, finishTable, type Segment } from './regions';
import type { Token } from './tokens';

const COLUMN_KEYS = REQUEST_COLUMNS.map((c) => c.key);

/** Row keys one layout has and the other has not. */
const EDITION_ONLY: Record<Edition, Set<string>> = {
  '2021': new Set(REQUEST_ROWS['2021'].map((r) => r.key).filter((k) => !REQUEST_ROWS['2019'].some((r) => r.key === k))),
  '2019': new Set(REQUEST_ROWS['2019'].map((r) => r.key).filter((k) => !REQUEST_ROWS['2021'].some((r) => r.key === k))),
};

/** Which columns the header names, read from its words however they were broken; null without a header. */
function headerColumns(seg: Segment): Set<string> | null {
  let joined = '';
  for (const h of seg.header) if (h.match?.entry.role !== 'corner') joined += h.token.key;
  if (joined.length === 0) return null;
  const found = new Set<string>();
  const rest = joined.replace(/法人或其他组织/g, '#').replace(/申请人情况/g, '#');
  if (rest.includes('自然人')) found.add('natural');
  if (rest.includes('商业')) found.add('business');
  if (rest.includes('科研')) found.add('research');
  if (rest.includes('公益')) found.add('publicInterest');
  if (rest.includes('法律')) found.add('legal');
  if (/其他|其它/.test(rest)) found.add('otherOrg');
  if (rest.includes('总计') || rest.includes('合计')) found.add('total');
  return found.size >= 2 ? found : null;
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

/** Values on a row, not counting doubles of the one-cell shape. */
function dedupedCount(c: Candidate): number {
  let n = 0;
  let prev: Candidate['values'][number] | undefined;
  for (const v of c.values) {
    if (v.kind === 'value') {
      const double = prev && prev.kind === 'value' && prev.text === v.text && prev.indented && !v.indented && v.line > prev.line;
      if (!double) n++;
      prev = double ? undefined : v;
    }
  }
  return n;
}

export function readRequests(seg: Segment, preferred: Edition | undefined): Table {
  const withValues = seg.candidates.filter((c) => countValues(c) > 0);
  const header = headerColumns(seg);
  const modal = mode(withValues.map(dedupedCount));
  let present: Set<string>;
  let doubt: Doubt | undefined;
  if (modal === 7 || (modal === 0 && (!header || header.size === 7))) present = new Set(COLUMN_KEYS);
  else if (modal === 6) {
    if (header && header.size === 6) present = header;
    else present = new Set(COLUMN_KEYS.filter((k) => k !== 'total'));
  } else if (header && header.size === modal) present = header;
  else {
    present = header ?? new Set(COLUMN_KEYS);
    doubt = { kind: 'columns', values: modal };
  }
  const columns = COLUMN_KEYS.filter((k) => present.has(k));
  const ncols = columns.length;

  // Rows: align with each edition, keep the better.
  const choices = chooseRows(seg.candidates, 'requests');
  const counts = withValues.map(dedupedCount);
  const groupOf = withValues.map((c) => namedGroup(c, 'requests'));
  let bestEd: Edition = preferred ?? '2021';
  let bestAl: ReturnType<typeof align> | undefined;
  const order = (preferred === '2019' ? ['2019', '2021'] : ['2021', '2019']) as Edition[];
  for (const ed of order) {
    // The second layout can only do better through rows of its own (（六） as one row, or as three) or rows
    // placed by position; without either it would at best tie, and the first is kept on a tie.
    if (ed !== order[0] && !choices.some((ch) => [...ch.keys()].some((k) => EDITION_ONLY[ed].has(k)) || ch.size === 0)) continue;
    const rows = REQUEST_ROWS[ed];
    const keys = new Set(rows.map((x) => x.key));
    // Rows with no label that names a row of this layout (a missing label, a group label, debris).
    const unnamed = choices.map((ch) => ![...ch.values()].some((x) => x.score >= 0.75 && keys.has(x.key)));
    const al = align(withValues.length, rows.length, (i, j) => {
      const ch = choices[i]!.get(rows[j]!.key);
      if (ch) return ch.score;
      // Accept such a row by position, weakly, when its values fit; better in the group its labels name.
      if (unnamed[i] && counts[i] === ncols) return groupOf[i] && groupOf[i] === rows[j]!.group ? 0.45 : 0.3;
      return 0;
    });
    if (!bestAl || al.score > bestAl.score + 1e-9) {
      bestAl = al;
      bestEd = ed;
    }
  }
  const al = bestAl!;
  const specRows = REQUEST_ROWS[bestEd];
  const deviations: LabelDeviation[] = [];
  columnDeviations(seg.header, 'requests', bestEd, deviations);
  const rows = new Map<string, Row>();
  const missingRows: string[] = [];
  let exactRows = 0;
  let positional = 0;
  specRows.forEach((spec, j) => {
    const ci = al.rowToCandidate[j]!;
    if (ci < 0) {
      missingRows.push(spec.key);
      return;
    }
    const c = withValues[ci]!;
    const choice: LabelChoice | undefined = choices[ci]!.get(spec.key);
    if (!choice) positional++;
    const row = buildRow(c, spec.key, columns, choice, bestEd, deviations);
    if (row.cells.filter((x) => x.state !== 'missing').length === ncols && row.extra.length === 0) exactRows++;
    rows.set(spec.key, row);
  });
  const strayRows: Row[] = [];
  al.candidateToRow.forEach((j, i) => {
    if (j < 0) strayRows.push(buildRow(withValues[i]!, `stray.${i}`, columns, undefined, bestEd, []));
  });

  const matched = rows.size;
  if (!doubt) {
    if (matched < 3 && withValues.length > 0) doubt = { kind: 'few-rows' };
    else if (matched > 0 && exactRows / matched < 0.7) doubt = { kind: 'cell-counts' };
    else if (positional > 2) doubt = { kind: 'unlabelled', rows: positional };
    else if (strayRows.length > Math.max(2, matched / 4)) doubt = { kind: 'stray', rows: strayRows.length };
  }

  const groups: TextSpan[] = [];
  const unknownLabels: TextSpan[] = [];
  const used = new Set<Token>();
  for (let i = 0; i < withValues.length; i++) {
    const j = al.candidateToRow[i]!;
    const ch = j >= 0 ? choices[i]!.get(specRows[j]!.key) : undefined;
    for (const t of ch?.tokens ?? []) used.add(t);
  }
  for (const c of withValues) {
    c.labels.forEach((l) => {
      if (used.has(l.token)) return;
      const g = l.matches.find((m) => m.entry.role === 'group' && m.score >= 0.75);
      const sp = { text: l.token.text, range: tokenRange(l.token) };
      if (g) groups.push(sp);
      else if (!l.matches.some((m) => m.score >= 0.6)) unknownLabels.push(sp);
    });
  }
  for (const c of seg.candidates) {
    if (countValues(c) > 0) continue;
    for (const l of c.labels) {
      if (used.has(l.token)) continue;
      const sp = { text: l.token.text, range: tokenRange(l.token) };
      if (l.matches.some((m) => m.entry.role === 'group' && m.score >= 0.75)) groups.push(sp);
      else unknownLabels.push(sp);
    }
  }

  return finishTable({
    key: 'requests',
    shape: seg.shape,
    edition: bestEd,
    columns: COLUMN_KEYS.map((key) => ({ key, present: present.has(key) })),
    rows,
    missingRows,
    strayRows,
    confident: !doubt,
    labels: deviations,
    debris: seg.debris,
    groups,
    unknownLabels,
  }, seg, doubt);
}

function buildRow(c: Candidate, key: string, columns: string[], choice: LabelChoice | undefined, edition: Edition,
  deviations: LabelDeviation[]): Row {
  const rec = reconcile(c.values, columns.length);
  const label = labelOf(choice, 'requests', edition, deviations);
  const rowRange = extentOf([...(choice?.tokens ?? []), ...c.values.filter((v) => v.kind !== 'blank')]);
  const at = endOf(c.values.filter((v) => v.kind === 'value'), rowRange);
  const byColumn = new Map<string, Cell>();
  columns.forEach((col, i) => byColumn.set(col, makeCell(key, col, rec.slots[i] ?? null, at)));
  const cells = COLUMN_KEYS.map((col) => byColumn.get(col) ?? makeCell(key, col, null, at));
  return {
    key,
    label,
    labelScore: choice ? Math.min(1, choice.score) : 0,
    cells,
    extra: rec.extra.map((t) => makeCell(key, 'extra', t, at)),
    valueCount: rec.count,
    doubled: rec.doubled.map((t) => tokenRange(t)),
    range: rowRange,
  };
}
