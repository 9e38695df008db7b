/**
 * Row recognition shared by the tables: which canonical row a candidate's labels name, and the order-keeping
 * alignment of candidate rows with a table's canonical rows.
 */
import type { Edition, TableKey } from '../format/spec';
import type { LabelDeviation, TextSpan } from '../model';
import { labelKey } from '../text/normalize';
import { tokenRange } from './cells';
import { type Candidate, hasCells, type HeaderToken } from './regions';
import type { Token } from './tokens';
import { canonicalEntry, lookup, type VocabEntry, type VocabMatch } from './vocab';

export interface LabelChoice {
  key: string;
  score: number;
  /** The label tokens that make up the label, in order (a label broken over lines is joined back). */
  tokens: Token[];
  entry: VocabEntry;
}

/** A label numbered as the row it names (（七）总计) counts this much more. */
const NUMBERING_BONUS = 0.02;
/**
 * The most a candidate's label choice can score: a vocabulary match scores at most 1 (vocab.ts: exact), plus
 * the numbering bonus.
 */
export const MAX_CHOICE_SCORE = 1 + NUMBERING_BONUS;

/** At most this many label tokens are considered for a row's label. */
const MAX_LABEL_TOKENS = 6;
/** At most this many of the next row's leading fragments may continue a row's label. */
const MAX_CONTINUED = 3;

type LabelItem = Candidate['labels'][number];

/**
 * Where a candidate's own label begins: at its last numbered label (1. 属于…, （七）总计), or else at its last
 * label naming a row of the table (-1 when it has neither). What comes before is group labels, or the tail of
 * the previous row's label broken over lines after that row's values (PDF layout).
 */
function ownStart(labels: LabelItem[], table: TableKey): number {
  for (let i = labels.length - 1; i >= 0; i--) if (labels[i]!.token.numbering) return i;
  for (let i = labels.length - 1; i >= 0; i--) if (namesRole(labels[i]!.matches, table, true)) return i;
  return -1;
}

/** A label fragment that may continue the previous row's label: not numbered, not a group or header label. */
function continues(l: LabelItem, table: TableKey): boolean {
  return !l.token.numbering && !namesRole(l.matches, table, false);
}

/** Whether matches name (at 0.75) something of the table: a row (`row`), or anything else (not `row`). */
function namesRole(matches: readonly VocabMatch[], table: TableKey, row: boolean): boolean {
  for (let mAt = 0; mAt < matches.length; mAt++) {
    const m = matches[mAt]!;
    if (m.entry.table === table && (m.entry.role === 'row') === row && m.score >= 0.75) return true;
  }
  return false;
}

/**
 * For each candidate row with values (in order), for each canonical row it may be, the best score over contiguous runs of its own
 * label tokens, optionally continued by the leading fragments of the next candidate (the rest of a label
 * that wrapped below its values).
 */
export function chooseRows(cands: Candidate[], table: TableKey): Map<string, LabelChoice>[] {
  const out: Map<string, LabelChoice>[] = [];
  // Where each candidate's own label starts, read once (for it, and as the next candidate's limit).
  let start = cands.length > 0 ? ownStart(cands[0]!.labels, table) : -1;
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k]!;
    const next = cands[k + 1];
    const nextStart = next ? ownStart(next.labels, table) : -1;
    const at = start;
    start = nextStart;
    if (!hasCells(c)) continue;
    const from = Math.max(at, c.labels.length - MAX_LABEL_TOKENS, 0);
    const n = c.labels.length - from;
    /** How many of the next row's leading labels continue this row's label. */
    let more = 0;
    if (next && n > 0) {
      // Leading fragments of the next row, before its own numbered label; when it has none, they may be
      // either row's, and the alignment decides.
      let numbered = false;
      for (let lAt = 0; lAt < next.labels.length; lAt++) { const l = next.labels[lAt]!; if (l.token.numbering) numbered = true; }
      const limit = numbered ? nextStart : next.labels.length;
      // Only fragments on lines of their own, above the next row's values, can be a wrapped tail.
      let valuesAt = Number.MAX_SAFE_INTEGER;
      for (let vAt = 0; vAt < next.values.length; vAt++) {
        const v = next.values[vAt]!;
        if (v.kind === 'value') {
          valuesAt = v.line;
          break;
        }
      }
      for (let i = 0; i < limit && more < MAX_CONTINUED; i++) {
        const l = next.labels[i]!;
        if (l.token.line >= valuesAt || !continues(l, table)) break;
        more++;
      }
    }
    // The row's own labels are read as they are unless some are left out or continued (rowChoices changes none).
    let own = c.labels;
    if (from > 0 || more > 0) {
      own = c.labels.slice(from);
      for (let i = 0; i < more; i++) own.push(next!.labels[i]!);
    }
    out.push(rowChoices(own, n, table));
  }
  return out;
}

/**
 * For each canonical row the labels may name, the best score over contiguous runs that start within the
 * first `startsBefore` items.
 */
export function rowChoices(labels: LabelItem[], startsBefore: number, table: TableKey): Map<string, LabelChoice> {
  // Most value rows have one label and no fragment after it (53,000 of 62,000 calls on the 2,000): its own
  // matches are the only run, so no key is joined or looked up and every choice's tokens are that label's.
  if (labels.length !== 1 || startsBefore < 1) return rowChoicesByRuns(labels, startsBefore, table);
  const out = new Map<string, LabelChoice>();
  const only = labels[0]!.token;
  improveChoices(out, labels[0]!.matches, table, only.numbering);
  for (const ch of out.values()) ch.tokens.push(only);
  return out;
}

/** rowChoices the long way, by every run of labels (exported for the test that the short way agrees). */
export function rowChoicesByRuns(labels: LabelItem[], startsBefore: number, table: TableKey): Map<string, LabelChoice> {
  const out = new Map<string, LabelChoice>();
  // Where each choice's run starts and ends, its tokens gathered once the best run of each row is known.
  const runs = new Map<string, [number, number]>();
  // A label written a character a line is read whole: no run starts or ends inside it.
  const inside = (a: number, b: number) => a >= 0 && b < labels.length && labels[a]!.token.text.length === 1 && labels[b]!.token.text.length === 1;
  // Keys of later fragments keep their own numbering text out: 1. 属于 + 国家秘密 (each read once, when first needed).
  const fragments: (string | undefined)[] = [];
  for (let i = 0; i < startsBefore; i++) {
    if (inside(i - 1, i)) continue;
    let key = '';
    for (let j = i; j < labels.length; j++) {
      if (j === i) key += labels[j]!.token.key;
      else key += fragments[j] ??= labelKey(labels[j]!.token.text.replace(/\s+/g, '')).key;
      if (inside(j, j + 1)) continue;
      const matches = j === i ? labels[j]!.matches : lookup(key, 0.6);
      improveChoices(out, matches, table, labels[i]!.token.numbering);
      for (let k = 0; k < improved.length; k++) runs.set(improved[k]!, [i, j]);
    }
  }
  for (const [key, run] of runs) {
    const i = run[0];
    const j = run[1];
    const tokens = out.get(key)!.tokens;
    for (let k = i; k <= j; k++) tokens.push(labels[k]!.token);
  }
  return out;
}

/** The keys improveChoices set or raised, in order (valid until its next call; one list, not one per call). */
const improved: string[] = [];

/**
 * Raises `out`'s choices to the row matches of one run of labels (its matches, the numbering of its first
 * label), each key to its best score; the keys it set or raised are left in `improved`.
 */
function improveChoices(out: Map<string, LabelChoice>, matches: readonly VocabMatch[], table: TableKey, numbering: string): void {
  improved.length = 0;
  // A label that is a group label (（三）不予公开) is not a row's label, however like one it reads (予以公开);
  // but （六）其他处理 is a group in 2021 and a row in 2019.
  let group: VocabMatch | undefined;
  for (let mAt = 0; mAt < matches.length; mAt++) {
    const m = matches[mAt]!;
    if (m.entry.table === table && m.entry.role === 'group') {
      group = m;
      break;
    }
  }
  for (let mAt = 0; mAt < matches.length; mAt++) {
    const m = matches[mAt]!;
    if (m.entry.table !== table || m.entry.role !== 'row' || m.score < 0.6) continue;
    if (group && group.score >= m.score && shareEdition(group.entry.editions, m.entry.editions)) continue;
    let score = m.score;
    if (numbering && m.entry.numbering && numbering === m.entry.numbering) score += NUMBERING_BONUS;
    const prev = out.get(m.entry.key);
    if (!prev || score > prev.score) {
      if (prev) {
        prev.score = score;
        prev.entry = m.entry;
      } else out.set(m.entry.key, { key: m.entry.key, score, tokens: [], entry: m.entry });
      improved.push(m.entry.key);
    }
  }
}

/** Whether two lists of editions have one in common. */
function shareEdition(a: readonly Edition[], b: readonly Edition[]): boolean {
  for (let i = 0; i < a.length; i++) if (b.includes(a[i]!)) return true;
  return false;
}

export interface Alignment {
  /** For each canonical row index, the candidate index matched, or -1. */
  rowToCandidate: number[];
  /** For each candidate, the canonical row index, or -1. */
  candidateToRow: number[];
  score: number;
}

/**
 * The alignment's tables for tables of ordinary size, reused from call to call (allocating them was a
 * visible share of the reader's time); larger ones get their own (4,096 cells: 60 candidate rows against 66 rows).
 */
const SCRATCH_CELLS = 4096;
const scratchDp = new Float64Array(SCRATCH_CELLS);
const scratchHow = new Uint8Array(SCRATCH_CELLS);
const scratchScores = new Float64Array(SCRATCH_CELLS);

/**
 * A table of scores for `align`, all 0, row-major: how well candidate i fits row j is at i × m + j. Valid
 * until the next call (a scratch table for ordinary sizes).
 */
export function scoreTable(n: number, m: number): Float64Array {
  if (n * m > SCRATCH_CELLS) return new Float64Array(n * m);
  scratchScores.fill(0, 0, n * m);
  return scratchScores;
}

/**
 * Order-keeping alignment (weighted longest common subsequence) of candidates with canonical rows.
 * `scores[i × m + j]` is how well candidate i fits row j (scoreTable); 0 or less means it cannot.
 */
export function align(n: number, m: number, scores: Float64Array): Alignment {
  const w = m + 1;
  const size = (n + 1) * w;
  const dp = size <= SCRATCH_CELLS ? scratchDp : new Float64Array(size);
  const how = size <= SCRATCH_CELLS ? scratchHow : new Uint8Array(size); // 1 skip candidate, 2 skip row, 3 match
  // Row 0 and column 0 are the only cells read before they are written.
  for (let i = 0; i <= n; i++) {
    dp[i * w] = 0;
    how[i * w] = 1;
  }
  for (let j = 1; j <= m; j++) {
    dp[j] = 0;
    how[j] = 2;
  }
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      let bestV = dp[(i - 1) * w + j]!;
      let bestH = 1;
      const v2 = dp[i * w + j - 1]!;
      if (v2 > bestV) {
        bestV = v2;
        bestH = 2;
      }
      const s = scores[(i - 1) * m + j - 1]!;
      if (s > 0) {
        const v3 = dp[(i - 1) * w + j - 1]! + s;
        if (v3 > bestV) {
          bestV = v3;
          bestH = 3;
        }
      }
      dp[i * w + j] = bestV;
      how[i * w + j] = bestH;
    }
  }
  const rowToCandidate = new Array<number>(m).fill(-1);
  const candidateToRow = new Array<number>(n).fill(-1);
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const h = how[i * w + j];
    if (h === 3) {
      rowToCandidate[j - 1] = i - 1;
      candidateToRow[i - 1] = j - 1;
      i--;
      j--;
    } else if (h === 2) j--;
    else i--;
  }
  return { rowToCandidate, candidateToRow, score: dp[n * w + m]! };
}

/**
 * The group a candidate row's labels name (（三）不予公开 → denied), read from each label and from all of them
 * joined (a group label written a character a line); undefined when none does.
 */
export function namedGroup(c: Candidate, table: TableKey): string | undefined {
  let best: { key: string; score: number } | undefined;
  const consider = (matches: readonly { entry: VocabEntry; score: number }[]) => {
    for (let mAt2 = 0; mAt2 < matches.length; mAt2++) {
      const m = matches[mAt2]!;
      if (m.entry.table === table && m.entry.role === 'group' && m.score >= 0.75 && (!best || m.score > best.score)) {
        best = { key: m.entry.key, score: m.score };
      }
    }
  };
  for (let lAt2 = 0; lAt2 < c.labels.length; lAt2++) { const l = c.labels[lAt2]!; consider(l.matches); }
  if (c.labels.length > 1 && c.labels.length <= 12) {
    consider(lookup(c.labels.map((l) => labelKey(l.token.text.replace(/\s+/g, '')).key).join(''), 0.75));
  }
  return best?.key;
}

/** The written label of a row, and a deviation record when it is not the canonical label. */
export function labelOf(choice: LabelChoice | undefined, table: TableKey, edition: Edition,
  deviations: LabelDeviation[]): TextSpan | null {
  if (!choice) return null;
  const toks = choice.tokens;
  const first = toks[0]!;
  const last = toks[toks.length - 1]!;
  const text = toks.length === 1 ? first.text : toks.map((t) => t.text).join(first.line !== last.line ? '' : ' ');
  const span: TextSpan = { text, range: tokenRange(first, last) };
  if ((choice.entry.variant || choice.score < 0.999) && toks.length === 1) {
    const canonical = canonicalEntry(table, 'row', choice.key, edition);
    if (canonical) deviations.push({ kind: 'row', key: choice.key, written: span, canonical: canonical.label });
  }
  return span;
}

/**
 * Header words that name a column in a form of their own (本年废止数 for 本年废止件数), as label deviations.
 * Accepted variants and exact spellings are not; nor is a word cut by wrapping (法律服务 / 机构), nor one too
 * unlike the column to be sure of.
 */
export function columnDeviations(header: HeaderToken[], table: TableKey, edition: Edition, out: LabelDeviation[]): void {
  for (const h of header) {
    const m = h.match;
    if (!m || m.entry.role !== 'column' || m.entry.table !== table || !m.entry.editions.includes(edition)) continue;
    if (m.score >= 0.999 || m.score < 0.75) continue;
    const written = h.token.key;
    if (m.entry.norm.startsWith(written) || m.entry.norm.endsWith(written)) continue;
    const canonical = canonicalEntry(table, 'column', m.entry.key, edition);
    if (canonical) out.push({ kind: 'column', key: m.entry.key, written: { text: h.token.text, range: tokenRange(h.token) }, canonical: canonical.label });
  }
}
