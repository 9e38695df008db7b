/**
 * How alike two normalised labels are, from 0 to 1. Labels are short (rarely over 40 characters), and real
 * damage is of three kinds: characters lost or garbled (OCR, 丁么幵), words cut off (a label broken over
 * lines), and words added (long titles). The score is the longest common subsequence measured against both
 * lengths (Dice), with a floor for a label that is a clean prefix or the whole of the other.
 */

/**
 * Strings up to this long (the shorter of the two) are compared bit-parallel: one bit per character in a
 * 32-bit integer, with room for the carry of the addition below.
 */
const BIT_PARALLEL_MAX = 30;

/**
 * Where each UTF-16 unit occurs in the shorter string, one bit per position: set for one comparison and
 * cleared after it, so that it is never allocated per call.
 */
const POSITIONS = new Int32Array(0x10000);

/**
 * Length of the longest common subsequence of a and b. Labels are short, so this is the bit-parallel count
 * (Hyyrö 2004: V' = (V + U) | (V − U), U = V & the positions of a's character in b; the LCS is the number of
 * zero bits of V): one step per character of the longer string instead of a loop over both, which runs
 * thousands of times per report before V8 has compiled it. Longer strings take the two-row dynamic programme.
 */
export function lcsLength(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  const long = a.length < b.length ? b : a;
  const short = a.length < b.length ? a : b;
  const m = short.length;
  if (m > BIT_PARALLEL_MAX) return lcsTable(long, short);
  for (let j = 0; j < m; j++) POSITIONS[short.charCodeAt(j)]! |= 1 << j;
  const all = (1 << m) - 1;
  let v = all;
  for (let i = 0; i < long.length; i++) {
    const u = v & POSITIONS[long.charCodeAt(i)]!;
    v = ((v + u) | (v - u)) & all;
  }
  for (let j = 0; j < m; j++) POSITIONS[short.charCodeAt(j)] = 0;
  return m - bitCount(v);
}

function bitCount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The LCS length by the two-row dynamic programme, `b` the shorter. */
function lcsTable(a: string, b: string): number {
  const m = b.length;
  let prev = new Uint16Array(m + 1);
  let cur = new Uint16Array(m + 1);
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      cur[j] = ca === b.charCodeAt(j - 1) ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}

/** Dice-style similarity on the longest common subsequence. */
export function similarity(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  if (a.length === 0 || b.length === 0) return 0;
  const l = lcsLength(a, b);
  return (2 * l) / (a.length + b.length);
}

/**
 * How well a (possibly truncated or padded) candidate covers a reference: the share of the reference found
 * in order in the candidate, discounted by the candidate's extra characters.
 */
export function coverage(candidate: string, reference: string): number {
  if (candidate.length === 0 || reference.length === 0) return 0;
  const l = lcsLength(candidate, reference);
  const recall = l / reference.length;
  const precision = l / candidate.length;
  return recall * (0.5 + 0.5 * precision);
}

/** Character bigrams of a string, for quick candidate filtering. */
export function bigrams(s: string): string[] {
  if (s.length < 2) return s.length ? [s] : [];
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}
