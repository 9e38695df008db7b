/**
 * How alike two normalised labels are, from 0 to 1. Labels are short (rarely over 40 characters), and real
 * damage is of three kinds: characters lost or garbled (OCR, 丁么幵), words cut off (a label broken over
 * lines), and words added (long titles). The score is the longest common subsequence measured against both
 * lengths (Dice), with a floor for a label that is a clean prefix or the whole of the other.
 */

/** Length of the longest common subsequence of a and b (two-row dynamic programme). */
export function lcsLength(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a.length < b.length) [a, b] = [b, a];
  const m = b.length;
  let prev = new Uint16Array(m + 1);
  let cur = new Uint16Array(m + 1);
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      cur[j] = ca === b.charCodeAt(j - 1) ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
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
