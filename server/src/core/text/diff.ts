/**
 * The edits that turn one text into another, line by line: unchanged lines are never touched, so an editor
 * keeps the user's cursor and marks on them. Used for "fix all", whose passes build on each other.
 */
import type { Range } from './lines';

export interface LineEdit {
  range: Range;
  newText: string;
}

/** Lines with their line breaks, so that joining them gives the text back exactly. */
function segments(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** Position of the start of segment `i` of `segs` (or the end of the text). */
function positionOf(segs: string[], i: number): { line: number; character: number } {
  if (i < segs.length) return { line: i, character: 0 };
  if (segs.length === 0) return { line: 0, character: 0 };
  const last = segs[segs.length - 1]!;
  if (/[\r\n]$/.test(last)) return { line: segs.length, character: 0 };
  return { line: segs.length - 1, character: last.length };
}

const MAX_CELLS = 4_000_000;

export function diffLines(before: string, after: string): LineEdit[] {
  if (before === after) return [];
  const a = segments(before);
  const b = segments(after);
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  const hunks: [number, number, number, number][] = [];
  if (am.length * bm.length > MAX_CELLS || am.length === 0 || bm.length === 0) {
    hunks.push([0, am.length, 0, bm.length]);
  } else {
    // Longest common subsequence of lines, then the runs between matches are the hunks.
    const n = am.length;
    const m = bm.length;
    const dp = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        dp[i * (m + 1) + j] = am[i] === bm[j] ? dp[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(dp[(i + 1) * (m + 1) + j]!, dp[i * (m + 1) + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    let hi = 0;
    let hj = 0;
    while (i < n && j < m) {
      if (am[i] === bm[j]) {
        if (hi < i || hj < j) hunks.push([hi, i, hj, j]);
        i++;
        j++;
        hi = i;
        hj = j;
      } else if (dp[(i + 1) * (m + 1) + j]! >= dp[i * (m + 1) + j + 1]!) i++;
      else j++;
    }
    if (hi < n || hj < m) hunks.push([hi, n, hj, m]);
  }
  return hunks.map(([i1, i2, j1, j2]) => ({
    range: { start: positionOf(a, pre + i1), end: positionOf(a, pre + i2) },
    newText: bm.slice(j1, j2).join(''),
  }));
}
