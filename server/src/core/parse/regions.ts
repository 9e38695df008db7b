/**
 * Finds where tables are, and turns their lines into candidate rows.
 *
 * A table region is a run of table-like lines (cells, values, table vocabulary, label fragments, page
 * numbers, blank lines), ended by a heading or a line of prose. Inside a region, tokens are read in order
 * whatever the shape: labels gather until values come, values gather until the next label, and a row-shaped
 * line (cells separated by tabs, pipes or wide gaps) closes its row at its end. Each candidate row belongs to
 * the table whose vocabulary its labels match; a change of vocabulary starts the next table.
 */
import type { TableKey } from '../format/spec';
import type { Debris, TableShape } from '../model';
import { span } from '../text/lines';
import type { LineInfo, Token } from './tokens';
import { best, lookup, type Role, type VocabMatch } from './vocab';

export interface Candidate {
  /** Label tokens in order: fragments, group labels and the row's own label. */
  labels: { token: Token; matches: VocabMatch[] }[];
  /** Values and blank cells in order. */
  values: Token[];
  firstLine: number;
  lastLine: number;
}

export interface HeaderToken {
  token: Token;
  match: VocabMatch | undefined;
}

export interface Segment {
  table: TableKey;
  candidates: Candidate[];
  header: HeaderToken[];
  /** Label tokens that fit no row (kept for diagnostics). */
  firstLine: number;
  lastLine: number;
  debris: Debris[];
  shape: TableShape;
}

export interface Region {
  firstLine: number;
  lastLine: number;
}

const HEADER_ROLES: Role[] = ['caption', 'contentHeader', 'column', 'headerGroup', 'corner'];
const ROW_ROLES: Role[] = ['row', 'group'];

/** Runs of table-like lines. `isHeading[i]` marks section headings, which always end a region. */
export function findRegions(infos: LineInfo[], isHeading: boolean[]): Region[] {
  const regions: Region[] = [];
  let cur: Region | null = null;
  let fragments = 0;
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i]!;
    if (isHeading[i]) {
      cur = null;
      continue;
    }
    switch (info.kind) {
      case 'cells':
      case 'value':
      case 'vocab':
        // A row of empty cells, or a lone "not filled" mark (无, —), continues a table but never starts one.
        if (info.kind === 'cells' && info.tokens.every((t) => t.kind === 'blank') && !cur) break;
        if (info.kind === 'value' && info.tokens[0]!.value?.state !== 'number' && !cur) break;
        if (!cur) {
          cur = { firstLine: i, lastLine: i };
          regions.push(cur);
        }
        cur.lastLine = i;
        fragments = 0;
        break;
      case 'fragment':
        // A few short fragments are a label broken over lines (or a group label written a character a
        // line); a run of longer ones is text after the table.
        if (cur) {
          fragments += Math.max(1, Math.min(4, info.tokens.reduce((n, t) => n + t.key.length, 0) / 3));
          if (fragments > 24) cur = null;
          // Right below the table's last line, a fragment is the rest of its last label (wrapped).
          else if (cur.lastLine === i - 1 && fragments <= 4) cur.lastLine = i;
        }
        break;
      case 'page-number':
      case 'separator':
        if (cur) cur.lastLine = i;
        break;
      case 'blank':
        break;
      case 'prose':
        cur = null;
        break;
    }
  }
  return regions;
}

function tableOf(matches: VocabMatch[], min: number): TableKey | undefined {
  const m = matches[0];
  return m && m.score >= min ? m.entry.table : undefined;
}

/** Splits a region into per-table segments of candidate rows. */
export function segmentRegion(infos: LineInfo[], region: Region): Segment[] {
  const segments: Segment[] = [];
  let seg: Segment | null = null;
  let cand: Candidate | null = null;
  let pending: Candidate['labels'] = [];
  /** Whether the current segment has seen values yet (the header zone ends there). */
  let seenValues = false;

  const closeCandidate = () => {
    if (cand && seg) seg.candidates.push(cand);
    cand = null;
  };
  const openSegment = (table: TableKey, line: number) => {
    // A row begun before any table was known belongs to the new one.
    if (seg) closeCandidate();
    // Labels gathered before the switch belong to the new table if they are its vocabulary; else dropped.
    seg = { table, candidates: [], header: [], firstLine: line, lastLine: line, debris: [], shape: 'tabs' };
    segments.push(seg);
    seenValues = false;
  };

  for (let i = region.firstLine; i <= region.lastLine; i++) {
    const info = infos[i]!;
    if (info.kind === 'page-number' || info.kind === 'separator') {
      const t = info.line.text;
      // `| --- | --- |` is part of a Markdown table, not debris.
      if (info.kind === 'separator' && t.includes('|')) continue;
      const s = t.length - t.trimStart().length;
      const d: Debris = {
        kind: info.kind === 'page-number' ? 'page-number' : 'separator',
        text: t.trim(),
        range: span(i, s, s + t.trim().length),
        removal: { start: { line: i, character: 0 }, end: { line: i + 1, character: 0 } },
      };
      if (seg) (seg as Segment).debris.push(d);
      continue;
    }
    if (info.kind === 'blank' || info.kind === 'prose') continue;
    let labelIndex = 0;
    for (const tok of info.tokens) {
      if (tok.kind === 'label') {
        const matches = info.vocab[labelIndex++] ?? [];
        const hdr = best(matches, undefined, HEADER_ROLES);
        const row = best(matches, undefined, ROW_ROLES);
        const target = tableOf(matches, 0.75);
        const current: TableKey | undefined = seg ? (seg as Segment).table : undefined;
        // Stay in the current table when the label is its vocabulary at all (总计, 其他 are in several).
        const inCurrent = current !== undefined && matches.some((m) => m.entry.table === current && m.score >= 0.6);
        if (target && target !== current && !inCurrent) {
          openSegment(target, i);
          pending = pending.filter((p) => p.matches.some((m) => m.entry.table === target));
        } else if (!seg && target) openSegment(target, i);
        const s = seg as Segment | null;
        if (s) s.lastLine = i;
        // Header vocabulary: captions, column names, group headers, the corner. A numbered label (（七）总计,
        // 3.其他) or any label after the values began is a row, except in T2 whose blocks each have a header.
        const headerish = hdr !== undefined && hdr.entry.table === (s?.table ?? hdr.entry.table)
          && (!row || row.score < hdr.score || (row.score === hdr.score && tok.numbering === ''))
          && (!seenValues || s?.table === 'proactive' || hdr.entry.role === 'corner');
        if (s && headerish) {
          s.header.push({ token: tok, match: hdr });
          continue;
        }
        if (cand && (cand as Candidate).values.some((v) => v.kind === 'value')) closeCandidate();
        if (cand) (cand as Candidate).labels.push({ token: tok, matches });
        else pending.push({ token: tok, matches });
      } else {
        if (!cand) {
          cand = { labels: pending, values: [], firstLine: pending[0]?.token.line ?? i, lastLine: i };
          pending = [];
        }
        const c = cand as Candidate;
        if (tok.kind === 'value' || c.values.length > 0) c.values.push(tok);
        c.lastLine = i;
        if (tok.kind === 'value') {
          seenValues = true;
          if (!seg) openSegment(guessTableForValues(c), i);
          (seg as unknown as Segment).lastLine = i;
        }
      }
    }
    if (info.multi && cand && (cand as Candidate).values.some((v) => v.kind === 'value')) closeCandidate();
  }
  // Labels after the last row: the rest of its label, or a row cut off before its values.
  if (!cand && pending.length > 0 && seg) {
    cand = { labels: pending, values: [], firstLine: pending[0]!.token.line, lastLine: pending[pending.length - 1]!.token.line };
  }
  closeCandidate();
  const out = splitAppeals(segments);
  for (const s of out) s.shape = shapeOf(infos, s);
  return out;
}

/**
 * Values before any table vocabulary: a headerless table, or the rest of a table whose first part was cut
 * off. The row's own labels, however damaged, say which table; without labels only T4 is commonly printed
 * so (its reader checks the count).
 */
function guessTableForValues(c: Candidate): TableKey {
  let bestTable: TableKey = 'appeals';
  let bestScore = 0;
  for (const l of c.labels) {
    const m = l.matches[0] ?? lookup(l.token.key, 0.5)[0];
    if (m && m.score > bestScore) {
      bestScore = m.score;
      bestTable = m.entry.table;
    }
  }
  return bestTable;
}

/**
 * A row of 15 values with no label inside or after T3 is T4's data row printed without header or heading
 * (seed 003): move it, and what follows, to a T4 segment.
 */
function splitAppeals(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const seg of segments) {
    if (seg.table !== 'requests') {
      out.push(seg);
      continue;
    }
    const idx = seg.candidates.findIndex((c) => c.labels.length === 0 && countValues(c) >= 10);
    if (idx < 0) {
      out.push(seg);
      continue;
    }
    const moved = seg.candidates.splice(idx);
    out.push(seg);
    out.push({
      table: 'appeals', candidates: moved, header: [], firstLine: moved[0]!.firstLine, shape: seg.shape,
      lastLine: seg.lastLine, debris: seg.debris.filter((d) => d.range.start.line >= moved[0]!.firstLine),
    });
    seg.debris = seg.debris.filter((d) => d.range.start.line < moved[0]!.firstLine);
    seg.lastLine = seg.candidates.length ? seg.candidates[seg.candidates.length - 1]!.lastLine : seg.firstLine;
  }
  return out;
}

export function countValues(c: Candidate): number {
  let n = 0;
  for (const v of c.values) if (v.kind === 'value') n++;
  return n;
}

/** How a segment's rows are written, by a vote of its lines that hold values. */
function shapeOf(infos: LineInfo[], seg: Segment): TableShape {
  const votes: Record<TableShape, number> = { tabs: 0, pipes: 0, cells: 0, spaces: 0 };
  for (let i = seg.firstLine; i <= seg.lastLine; i++) {
    const info = infos[i]!;
    if (!info.tokens.some((t) => t.kind === 'value')) continue;
    if (!info.multi) votes.cells++;
    else if (info.line.text.includes('\t')) votes.tabs++;
    else if (info.line.text.includes('|')) votes.pipes++;
    else votes.spaces++;
  }
  let best: TableShape = 'tabs';
  for (const k of ['tabs', 'pipes', 'cells', 'spaces'] as TableShape[]) if (votes[k] > votes[best]) best = k;
  return best;
}
