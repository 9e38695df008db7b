/**
 * Row recognition shared by the tables: which canonical row a candidate's labels name, and the order-keeping
 * alignment of candidate rows with a table's canonical rows.
 */
import type { Edition, TableKey } from '../format/spec';
import type { LabelDeviation, TextSpan } from '../model';
import { labelKey } from '../text/normalize';
import { tokenRange } from './cells';
import type { Candidate } from './regions';
import type { Token } from './tokens';
import { canonicalEntry, lookup, type VocabEntry } from './vocab';

export interface LabelChoice {
  key: string;
  score: number;
  /** Label tokens that make up the label, first..last (inclusive) in candidate.labels. */
  from: number;
  to: number;
  entry: VocabEntry;
}

/** At most this many trailing label tokens are considered for a row's label. */
const MAX_LABEL_TOKENS = 6;

/**
 * For each canonical row a candidate may be, the best score over contiguous runs of its label tokens (a
 * label broken over lines or cells is joined back; group labels and stray fragments are left out).
 */
export function rowChoices(c: Candidate, table: TableKey): Map<string, LabelChoice> {
  const out = new Map<string, LabelChoice>();
  const labels = c.labels;
  const start = Math.max(0, labels.length - MAX_LABEL_TOKENS);
  for (let i = start; i < labels.length; i++) {
    let key = '';
    for (let j = i; j < labels.length; j++) {
      // Keys of later fragments keep their own numbering text out: 1. 属于 + 国家秘密.
      key += j === i ? labels[j]!.token.key : labelKey(labels[j]!.token.text.replace(/\s+/g, '')).key;
      const matches = j === i ? labels[j]!.matches : lookup(key, 0.6);
      for (const m of matches) {
        if (m.entry.table !== table || m.entry.role !== 'row' || m.score < 0.6) continue;
        let score = m.score;
        const numbering = labels[i]!.token.numbering;
        if (numbering && m.entry.numbering && numbering === m.entry.numbering) score += 0.02;
        const prev = out.get(m.entry.key);
        if (!prev || score > prev.score) out.set(m.entry.key, { key: m.entry.key, score, from: i, to: j, entry: m.entry });
      }
    }
  }
  return out;
}

export interface Alignment {
  /** For each canonical row index, the candidate index matched, or -1. */
  rowToCandidate: number[];
  /** For each candidate, the canonical row index, or -1. */
  candidateToRow: number[];
  score: number;
}

/**
 * Order-keeping alignment (weighted longest common subsequence) of candidates with canonical rows.
 * `score(i, j)` is how well candidate i fits row j; 0 or less means it cannot.
 */
export function align(n: number, m: number, score: (i: number, j: number) => number): Alignment {
  const w = m + 1;
  const dp = new Float64Array((n + 1) * w);
  const how = new Uint8Array((n + 1) * w); // 1 skip candidate, 2 skip row, 3 match
  for (let i = 1; i <= n; i++) how[i * w] = 1;
  for (let j = 1; j <= m; j++) how[j] = 2;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      let bestV = dp[(i - 1) * w + j]!;
      let bestH = 1;
      const v2 = dp[i * w + j - 1]!;
      if (v2 > bestV) {
        bestV = v2;
        bestH = 2;
      }
      const s = score(i - 1, j - 1);
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

/** The written label of a row, and a deviation record when it is not the canonical label. */
export function labelOf(c: Candidate, choice: LabelChoice | undefined, table: TableKey, edition: Edition,
  deviations: LabelDeviation[]): TextSpan | null {
  if (!choice) return null;
  const toks: Token[] = c.labels.slice(choice.from, choice.to + 1).map((l) => l.token);
  const first = toks[0]!;
  const last = toks[toks.length - 1]!;
  const text = toks.map((t) => t.text).join(toks.length > 1 && first.line !== last.line ? '' : ' ');
  const span: TextSpan = { text, range: tokenRange(first, last) };
  const canonical = canonicalEntry(table, 'row', choice.key, edition);
  if (canonical && (choice.entry.variant || choice.score < 0.999) && toks.length === 1) {
    deviations.push({ kind: 'row', key: choice.key, written: span, canonical: canonical.label });
  }
  return span;
}
