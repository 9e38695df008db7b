/**
 * How much of a prose section was copied from last year's report: the section's words (numbers masked, since
 * a copied text with this year's numbers is still a copy) compared as sets of three-character shingles, and
 * section 五 cut into its problems (（一）…, 一是…, 1.…, or its paragraphs) so each problem gets its own measure.
 */
import type { Section } from '../model';
import type { Line, Range } from '../text/lines';
import { normalize } from '../text/normalize';

/** Shingle length: three characters tell Chinese phrases apart without being thrown by one changed word. */
const SHINGLE = 3;

export interface ProsePart {
  /** The words, normalised: NFKC, no spaces or punctuation, digits masked. */
  words: string;
  range: Range;
}

export interface ProseDigest {
  section: ProsePart;
  /** Section 五's problems (its parts), in order; empty for other sections. */
  problems: ProsePart[];
}

/** Words of a text as compared: NFKC, white space and punctuation gone, every run of digits one `#`. */
export function proseWords(text: string): string {
  return normalize(text).replace(/[\s\p{P}\p{S}]+/gu, '').replace(/[0-9]+(?:\.[0-9]+)?/g, '#');
}

function shingles(s: string): Set<string> {
  const out = new Set<string>();
  if (s.length <= SHINGLE) {
    if (s) out.add(s);
    return out;
  }
  for (let i = 0; i + SHINGLE <= s.length; i++) out.add(s.slice(i, i + SHINGLE));
  return out;
}

/** Dice coefficient of the two texts' shingle sets, 0–1. */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return a ? 1 : 0;
  const sa = shingles(a);
  const sb = shingles(b);
  if (sa.size === 0 || sb.size === 0) return 0;
  let common = 0;
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  for (const x of small) if (large.has(x)) common++;
  return (2 * common) / (sa.size + sb.size);
}

/** Share of `part`'s shingles that are also in `whole`: how much of a problem was already in last year's text. */
export function sharedShare(part: string, whole: string): number {
  if (!part || !whole) return 0;
  if (whole.includes(part)) return 1;
  const a = shingles(part);
  const b = shingles(whole);
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return a.size ? common / a.size : 0;
}

/** Where a problem starts inside section 五: 一是, （一）, 1. / 1、, 第一, 首先. */
const PROBLEM_START = /^(?:[（(]?[一二三四五六七八九十]+[)）、.．]|[0-9]{1,2}[.．、)）]|第[一二三四五六七八九十]+[，,、]|[一二三四五六七八九十]是|首先|其次|再次|最后)/;
const INLINE_START = /[一二三四五六七八九十]是/g;

function lineRangeOf(lines: readonly Line[], first: number, last: number): Range {
  const a = lines[first]!;
  const b = lines[last]!;
  const lead = a.text.length - a.text.trimStart().length;
  return { start: { line: first, character: lead }, end: { line: last, character: b.text.trimEnd().length } };
}

/** A section's body lines, without blank lines. */
function bodyLines(section: Section, lines: readonly Line[]): number[] {
  const out: number[] = [];
  for (let i = section.bodyLines[0]; i <= section.bodyLines[1] && i < lines.length; i++) if (lines[i]!.text.trim()) out.push(i);
  return out;
}

/**
 * Section 五's problems: the lines from one problem start to the next; a single paragraph written as
 * "一是…；二是…" is cut at each 是; failing both, each paragraph is a part.
 */
function problemsOf(section: Section, lines: readonly Line[], body: number[]): ProsePart[] {
  const starts = body.filter((i) => PROBLEM_START.test(normalize(lines[i]!.text.trim())));
  if (starts.length >= 2) {
    const subheadingLines = new Set(section.subheadings.map((h) => h.range.start.line));
    const parts: ProsePart[] = [];
    starts.forEach((s, k) => {
      const last = (k + 1 < starts.length ? body[body.indexOf(starts[k + 1]!) - 1] : body[body.length - 1])!;
      // A sub-heading alone (（一）存在的问题) introduces the problems; it is not one.
      if (last === s && subheadingLines.has(s)) return;
      const text = body.filter((i) => i >= s && i <= last).map((i) => lines[i]!.text).join('');
      parts.push({ words: proseWords(text), range: lineRangeOf(lines, s, last) });
    });
    if (parts.length >= 2) return parts;
  }
  if (body.length === 1) {
    const line = lines[body[0]!]!;
    const cuts = [...line.text.matchAll(INLINE_START)].map((m) => m.index!);
    if (cuts.length >= 2) {
      return cuts.map((c, k) => {
        const end = k + 1 < cuts.length ? cuts[k + 1]! : line.text.trimEnd().length;
        return { words: proseWords(line.text.slice(c, end)), range: { start: { line: line.index, character: c }, end: { line: line.index, character: end } } };
      });
    }
  }
  return body.map((i) => ({ words: proseWords(lines[i]!.text), range: lineRangeOf(lines, i, i) }));
}

/** What text-copied compares of one section; null when the section has no body. */
export function digestSection(section: Section, lines: readonly Line[]): ProseDigest | null {
  const body = bodyLines(section, lines);
  if (body.length === 0) return null;
  const words = proseWords(body.map((i) => lines[i]!.text).join(''));
  return {
    section: { words, range: lineRangeOf(lines, body[0]!, body[body.length - 1]!) },
    problems: section.number === 5 ? problemsOf(section, lines, body) : [],
  };
}
