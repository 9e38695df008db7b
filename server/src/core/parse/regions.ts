/**
 * Finds where tables are, and turns their lines into candidate rows.
 *
 * A table region is a run of table-like lines (cells, values, table vocabulary, label fragments, page
 * numbers, blank lines), ended by a heading or a line of prose. Inside a region, tokens are read in order
 * whatever the shape: labels gather until values come, values gather until the next label, and a row-shaped
 * line (cells separated by tabs, pipes or wide gaps) closes its row at its end. Each candidate row belongs to
 * the table whose vocabulary its labels match; a change of vocabulary starts the next table.
 */
import { APPEALS_COLUMNS, type TableKey } from '../format/spec';
import type { Debris, TableShape } from '../model';
import { span } from '../text/lines';
import type { LineInfo, Token } from './tokens';
import { lookup, type Role, type VocabMatch } from './vocab';

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
  /** The lines the segment spans. */
  firstLine: number;
  lastLine: number;
  /** The line readings it spans (indexes into the readings, which may be several per line: lost.ts). */
  firstInfo: number;
  lastInfo: number;
  /** Where on its first line it starts and on its last it ends (0 and the line's end, unless read from pieces). */
  firstChar: number;
  lastChar: number;
  debris: Debris[];
  shape: TableShape;
}

/** A run of table-like line readings: indexes into the readings. */
export interface Region {
  first: number;
  last: number;
}

/**
 * Header vocabulary (captions, column names, their groups, the corner) and row vocabulary (rows, groups). (A
 * comparison, not a record looked up by the role: a lookup by many keys is slow at every label.)
 */
function headerRole(role: Role): boolean {
  return role !== 'row' && role !== 'group';
}
function rowRole(role: Role): boolean {
  return role === 'row' || role === 'group';
}

/** Runs of table-like readings. `isHeading[i]` marks section headings, which always end a region. */
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
        // Digits run together (web text) are cells to split, not a mark: they may start one.
        if (info.kind === 'value' && info.tokens[0]!.value?.state !== 'number' && !info.tokens[0]!.value?.joined && !cur) break;
        if (!cur) {
          cur = { first: i, last: i };
          regions.push(cur);
        }
        cur.last = i;
        fragments = 0;
        break;
      case 'fragment':
        // A few short fragments are a label broken over lines (or a group label written a character a
        // line); a run of longer ones is text after the table.
        if (cur) {
          fragments += Math.max(1, Math.min(4, info.tokens.reduce((n, t) => n + t.key.length, 0) / 3));
          if (fragments > 24) cur = null;
          // Right below the table's last line, a fragment is the rest of its last label (wrapped).
          else if (cur.last === i - 1 && fragments <= 4) cur.last = i;
        }
        break;
      case 'page-number':
      case 'separator':
        if (cur) cur.last = i;
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

/** A line of at least this many of a table's header words, and nothing else, is its header row. */
const MIN_HEADER_WORDS = 2;

/** Whether a line holds only header words of `table` (columns, their groups, the corner, captions), no values. */
function repeatedHeader(info: LineInfo, table: TableKey): boolean {
  // Asked of every line after the values began: a line with a value (most of them) is told by its tokens'
  // kinds alone, before any label's matches are read.
  if (holdsValue(info)) return false;
  let words = 0;
  let k = 0;
  for (let tokAt = 0; tokAt < info.tokens.length; tokAt++) {
    const tok = info.tokens[tokAt]!;
    if (tok.kind !== 'label') continue;
    const matches = info.vocab[k++] ?? NO_MATCHES;
    if (tok.numbering || !namesHeader(matches, table)) return false;
    words++;
  }
  return words >= MIN_HEADER_WORDS;
}

/** Whether a label's matches name header vocabulary of the table. */
function namesHeader(matches: VocabMatch[], table: TableKey): boolean {
  for (let mAt = 0; mAt < matches.length; mAt++) {
    const m = matches[mAt]!;
    if (m.entry.table === table && headerRole(m.entry.role) && m.score >= 0.75) return true;
  }
  return false;
}

/** A region's cells come one a line with no blank lines between them: at least this many such lines … */
const PACKED_MIN_CELLS = 8;
/** … of which at least this share are followed directly by another (pdftotext puts a blank line after each) … */
const PACKED_SHARE = 0.5;
/** … blank lines fewer than them (a table with many cells left blank has many) … */
const PACKED_MAX_BLANKS = 1;
/** … and few of them indented (Word indents its cells by a tab). */
const PACKED_MAX_INDENTED = 0.2;
/** Empty lines after a packed table's last line taken as its last row's blank cells: at most a row's worth. */
const MAX_TRAILING_BLANK_CELLS = 15;

/** A line holding one cell alone (one cell a line), or nothing to go by. */
function single(info: LineInfo | undefined): boolean {
  return !!info && !info.multi && info.tokens.length === 1 && (info.kind === 'value' || info.kind === 'vocab' || info.kind === 'fragment');
}

/** The reading before `i` that is not blank, within the region. */
function prevText(infos: LineInfo[], i: number, first: number): LineInfo | undefined {
  for (let j = i - 1; j >= first; j--) if (infos[j]!.kind !== 'blank') return infos[j];
  return undefined;
}

/** The next reading after `i` that is not blank, within the region. */
function nextText(infos: LineInfo[], i: number, last: number): LineInfo | undefined {
  for (let j = i + 1; j <= last; j++) if (infos[j]!.kind !== 'blank') return infos[j];
  return undefined;
}

/** Whether the next reading with text after `i` is a value alone on its line (a row's values going on). */
function valueNext(infos: LineInfo[], i: number, last: number): boolean {
  const next = nextText(infos, i, last);
  return !!next && next.kind === 'value' && !next.multi;
}

/**
 * Whether a region writes one cell a line packed, without blank lines between cells (HTML, each <p> a line):
 * there an empty line is a blank cell. Word's one-cell shape puts a blank line after every cell instead.
 */
function packed(infos: LineInfo[], region: Region): boolean {
  let singles = 0;
  let adjacent = 0;
  let blanks = 0;
  let indented = 0;
  for (let i = region.first; i <= region.last; i++) {
    const info = infos[i]!;
    if (info.kind === 'blank') {
      blanks++;
      continue;
    }
    if (!single(info)) continue;
    singles++;
    if (info.tokens[0]!.indented) indented++;
    if (i < region.last && single(infos[i + 1])) adjacent++;
  }
  // Word indents its cells by a tab; HTML's are not indented.
  return singles >= PACKED_MIN_CELLS && adjacent >= singles * PACKED_SHARE && blanks < singles * PACKED_MAX_BLANKS
    && indented <= singles * PACKED_MAX_INDENTED;
}

/** A label's matches when it has none (one list for all: it is never changed). */
const NO_MATCHES: VocabMatch[] = [];

/** Whether a label's matches name a row or group, of `table` when one is open (else of any table). */
function namesRowOf(matches: VocabMatch[], table: TableKey | undefined): boolean {
  for (let mAt = 0; mAt < matches.length; mAt++) {
    const m = matches[mAt]!;
    if ((m.entry.role === 'row' || m.entry.role === 'group') && m.score >= 0.6 && m.entry.table === (table ?? m.entry.table)) return true;
  }
  return false;
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
  /** Whether the open candidate holds a value (kept as values are added: not searched for at every label). */
  let candValued = false;

  const closeCandidate = () => {
    if (cand && seg) seg.candidates.push(cand);
    cand = null;
    candValued = false;
  };
  const openSegment = (table: TableKey, at: number) => {
    // A row begun before any table was known belongs to the new one.
    if (seg) closeCandidate();
    // Labels gathered before the switch belong to the new table if they are its vocabulary; else dropped.
    const info = infos[at]!;
    seg = {
      table, candidates: [], header: [], firstLine: info.line.index, lastLine: info.line.index, firstInfo: at, lastInfo: at,
      firstChar: info.from ?? 0, lastChar: info.to ?? Number.MAX_SAFE_INTEGER, debris: [], shape: 'tabs',
    };
    segments.push(seg);
    seenValues = false;
  };
  const extend = (s: Segment, at: number) => {
    const info = infos[at]!;
    s.lastLine = info.line.index;
    s.lastInfo = at;
    s.lastChar = info.to ?? Number.MAX_SAFE_INTEGER;
  };

  const cellsPacked = packed(infos, region);
  for (let i = region.first; i <= region.last; i++) {
    const info = infos[i]!;
    const ln = info.line.index;
    // One cell a line with no blank lines between cells (HTML, each <p> a line): an empty line is a blank cell.
    if (info.kind === 'blank' && cellsPacked && (cand || pending.length > 0) && single(prevText(infos, i, region.first)) && single(nextText(infos, i, region.last))) {
      const blank: Token = { line: ln, start: 0, end: 0, text: '', kind: 'blank', key: '', numbering: '', indented: false, cell: true };
      if (!cand) {
        cand = { labels: pending, values: [], firstLine: pending[0]?.token.line ?? ln, lastLine: ln };
        pending = [];
      }
      (cand as Candidate).values.push(blank);
      continue;
    }
    if (info.kind === 'page-number' || info.kind === 'separator') {
      const t = info.line.text;
      // `| --- | --- |` is part of a Markdown table, not debris.
      if (info.kind === 'separator' && t.includes('|')) continue;
      // A page number in a row of a pipe table is the number, not the row.
      const text = t.replace(/^[\s|]+|[\s|]+$/g, '');
      const s = t.indexOf(text);
      const d: Debris = {
        kind: info.kind === 'page-number' ? 'page-number' : 'separator',
        text,
        range: span(ln, s, s + text.length),
        removal: { start: { line: ln, character: 0 }, end: { line: ln + 1, character: 0 } },
      };
      if (seg) (seg as Segment).debris.push(d);
      continue;
    }
    if (info.kind === 'blank' || info.kind === 'prose') continue;
    let labelIndex = 0;
    /** A row's own label was read on this line: blank fields after it are its cells (tab rows with blanks). */
    let rowLabel = false;
    // A header row repeated after the values began (a table continued on the next page, Markdown from PDF
    // converters): all its words are the current table's header words, and it stays header.
    const repeated = seenValues && !!seg && repeatedHeader(info, (seg as Segment).table);
    for (let tokAt2 = 0; tokAt2 < info.tokens.length; tokAt2++) {
      const tok = info.tokens[tokAt2]!;
      if (tok.kind === 'label') {
        const matches = info.vocab[labelIndex++] ?? NO_MATCHES;
        const current: TableKey | undefined = seg ? (seg as Segment).table : undefined;
        // In one pass over the matches (best first): the label's best header and row senses, in the current
        // table and in any; 总计 is a column of T3 and of T4, and a row of T3: the current table's sense first.
        // Stay in the current table when the label is its vocabulary at all (总计, 其他 are in several).
        let hdrHere: VocabMatch | undefined;
        let hdrAny: VocabMatch | undefined;
        let rowHere: VocabMatch | undefined;
        let rowAny: VocabMatch | undefined;
        let inCurrent = false;
        for (let mAt = 0; mAt < matches.length; mAt++) {
          const m = matches[mAt]!;
          const here = current !== undefined && m.entry.table === current;
          if (headerRole(m.entry.role)) {
            hdrAny ??= m;
            if (here) hdrHere ??= m;
          } else if (rowRole(m.entry.role)) {
            rowAny ??= m;
            if (here) rowHere ??= m;
          }
          if (here && m.score >= 0.6) inCurrent = true;
        }
        const hdr = hdrHere ?? hdrAny;
        const row = current !== undefined ? rowHere : rowAny;
        const target = tableOf(matches, 0.75);
        if (target && target !== current && !inCurrent) {
          openSegment(target, i);
          pending = pending.filter((p) => p.matches.some((m) => m.entry.table === target));
        } else if (!seg && target) openSegment(target, i);
        const s = seg as Segment | null;
        if (s) extend(s, i);
        // Header vocabulary: captions, column names, group headers, the corner. A numbered label (（七）总计,
        // 3.其他) or any label after the values began is a row, except in T2 whose blocks each have a header.
        const headerish = hdr !== undefined && hdr.entry.table === (s?.table ?? hdr.entry.table)
          && (repeated || ((!row || row.score < hdr.score || (row.score === hdr.score && tok.numbering === ''))
          && (!seenValues || s?.table === 'proactive' || hdr.entry.role === 'corner')));
        if (s && headerish) {
          s.header.push({ token: tok, match: hdr });
          continue;
        }
        if (candValued) closeCandidate();
        if (cand) (cand as Candidate).labels.push({ token: tok, matches });
        else pending.push({ token: tok, matches });
        if (info.multi && namesRowOf(matches, (seg as Segment | null)?.table)) rowLabel = true;
      } else {
        // Word's one-cell text ends each row with an empty line: an empty cell right after one is the next
        // row's empty label cell (a group label merged over rows), not a blank value of the row before.
        // Unless values go on right after it, with no label between: then it is a blank value amid the row's.
        if (tok.kind === 'blank' && !tok.cell && !info.multi && i > region.first && infos[i - 1]!.kind === 'blank'
          && !(candValued && valueNext(infos, i, region.last))) {
          if (candValued) closeCandidate();
          continue;
        }
        if (!cand) {
          cand = { labels: pending, values: [], firstLine: pending[0]?.token.line ?? ln, lastLine: ln };
          pending = [];
        }
        const c = cand as Candidate;
        // Empty cells after a row's label: on its line (tab rows), or an empty cell a line (Word's one-cell text).
        const emptyCell = tok.kind === 'blank' && c.labels.length > 0 && (tok.cell || (!info.multi && info.kind === 'cells'));
        if (tok.kind === 'value' || c.values.length > 0 || rowLabel || emptyCell) c.values.push(tok);
        c.lastLine = ln;
        if (tok.kind === 'value') {
          candValued = true;
          seenValues = true;
          if (!seg) openSegment(guessTableForValues(c), i);
          extend(seg as unknown as Segment, i);
        }
      }
    }
    if (info.multi && cand && (candValued || (rowLabel && (cand as Candidate).values.length > 0))) closeCandidate();
  }
  // Packed cells: empty lines right after the region's last line are the blank cells its last row ends with.
  if (cellsPacked && (cand || pending.length > 0) && single(infos[region.last])) {
    for (let j = region.last + 1; j < infos.length && infos[j]!.kind === 'blank' && j <= region.last + MAX_TRAILING_BLANK_CELLS; j++) {
      if (!cand) {
        cand = { labels: pending, values: [], firstLine: pending[0]?.token.line ?? infos[j]!.line.index, lastLine: infos[j]!.line.index };
        pending = [];
      }
      (cand as Candidate).values.push({ line: infos[j]!.line.index, start: 0, end: 0, text: '', kind: 'blank', key: '', numbering: '', indented: false, cell: true });
    }
  }
  // Labels after the last row: the rest of its label, or a row cut off before its values.
  if (!cand && pending.length > 0 && seg) {
    cand = { labels: pending, values: [], firstLine: pending[0]!.token.line, lastLine: pending[pending.length - 1]!.token.line };
  }
  closeCandidate();
  const out = splitAppeals(segments, infos);
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
function splitAppeals(segments: Segment[], infos: LineInfo[]): Segment[] {
  const out: Segment[] = [];
  for (const seg of segments) {
    if (seg.table !== 'requests') {
      out.push(seg);
      continue;
    }
    const idx = seg.candidates.findIndex((c) => c.labels.length === 0 && countValues(c) >= 10);
    // More values than T4 has are T3's own, come apart from their labels (plain pdftotext), not T4's row; so
    // are values that T3's row labels follow (a block of values, then the labels of the rows they belong to).
    if (idx < 0 || seg.candidates.slice(idx).reduce((n, c) => n + countValues(c), 0) > APPEALS_COLUMNS.length || labelsFollow(seg.candidates, idx)) {
      out.push(seg);
      continue;
    }
    const moved = seg.candidates.splice(idx);
    out.push(seg);
    const firstValue = moved[0]!.values.find((v) => v.kind === 'value')!;
    out.push({
      table: 'appeals', candidates: moved, header: [], firstLine: moved[0]!.firstLine, shape: seg.shape,
      lastLine: seg.lastLine, firstInfo: seg.firstInfo, lastInfo: seg.lastInfo,
      firstChar: startOf(infos, seg, firstValue),
      lastChar: seg.lastChar, debris: seg.debris.filter((d) => d.range.start.line >= moved[0]!.firstLine),
    });
    seg.debris = seg.debris.filter((d) => d.range.start.line < moved[0]!.firstLine);
    seg.lastLine = seg.candidates.length ? seg.candidates[seg.candidates.length - 1]!.lastLine : seg.firstLine;
    seg.lastChar = Number.MAX_SAFE_INTEGER;
  }
  return out;
}

/**
 * Whether T3 row labels come after the candidate at `idx`: the values from there on are T3's rows printed
 * before their labels (plain pdftotext), not T4's row, however few of them there are.
 */
function labelsFollow(candidates: Candidate[], idx: number): boolean {
  for (let k = idx + 1; k < candidates.length; k++) {
    for (const l of candidates[k]!.labels) {
      const e = l.matches[0]?.entry;
      if (e && e.table === 'requests' && (e.role === 'row' || e.role === 'group')) return true;
    }
  }
  return false;
}

/**
 * T4 segments in document order, less those at the front that cannot be T4: values without a header, more of
 * them than T4 has cells (another table's values come apart from their labels, taken for T4 only because
 * nothing labels them). Kept when nothing else is left.
 */
export function plausibleAppeals(segs: Segment[]): Segment[] {
  let i = 0;
  while (i < segs.length - 1 && segs[i]!.header.length === 0
    && segs[i]!.candidates.reduce((n, c) => n + countValues(c), 0) > APPEALS_COLUMNS.length) i++;
  return i > 0 ? segs.slice(i) : segs;
}

/**
 * A value row: it has values, or a label followed by cells left blank (a row of a tab table with nothing
 * filled in, or blank lines among cells written one a line).
 */
export function hasCells(c: Candidate): boolean {
  return hasCellsCounted(c, countValues(c));
}

/** hasCells, for a candidate whose values were counted (countValues) already. */
export function hasCellsCounted(c: Candidate, count: number): boolean {
  return count > 0 || (c.values.length > 0 && (c.labels.length > 0 || c.values.some((v) => v.cell)));
}

export function countValues(c: Candidate): number {
  let n = 0;
  for (let vAt = 0; vAt < c.values.length; vAt++) { const v = c.values[vAt]!; if (v.kind === 'value') n++; }
  return n;
}

/** Where a table starting at token `v` starts on its line: the line's start, or the piece's (lost.ts). */
function startOf(infos: LineInfo[], seg: Segment, v: Token): number {
  for (let i = seg.firstInfo; i <= seg.lastInfo; i++) if (infos[i]!.tokens.includes(v)) return infos[i]!.from ?? 0;
  return 0;
}

/** Whether a line reading holds a value token. */
function holdsValue(info: LineInfo): boolean {
  for (let tAt = 0; tAt < info.tokens.length; tAt++) if (info.tokens[tAt]!.kind === 'value') return true;
  return false;
}

/** How a segment's rows are written, by a vote of its lines that hold values. */
function shapeOf(infos: LineInfo[], seg: Segment): TableShape {
  const votes: Record<TableShape, number> = { tabs: 0, pipes: 0, cells: 0, spaces: 0 };
  for (let i = seg.firstInfo; i <= seg.lastInfo; i++) {
    const info = infos[i]!;
    if (!holdsValue(info)) continue;
    if (!info.multi) votes.cells++;
    else if (info.line.text.includes('\t')) votes.tabs++;
    else if (info.line.text.includes('|')) votes.pipes++;
    else votes.spaces++;
  }
  let best: TableShape = 'tabs';
  for (const k of ['tabs', 'pipes', 'cells', 'spaces'] as TableShape[]) if (votes[k] > votes[best]) best = k;
  return best;
}
