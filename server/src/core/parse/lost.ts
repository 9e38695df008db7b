/**
 * Text that lost its layout. A web page's textContent puts the report on one to three lines, its headings
 * inline (`…联系。一、总体情况2019年，…`) and its table cells run together (`（一）予以公开7000007`). Such a line is
 * cut into pieces — headings, stretches of prose, and in its tables one piece per label and one per run of
 * digits — each read as one cell a line would be, with the line's own columns. Labels are found by the table
 * vocabulary (format/spec.ts, through vocab.ts) compared normalised; the runs of digits are split into cells
 * later, by the table reader, only where the rows' sums allow one split.
 */
import { APPEALS_COLUMNS, REQUESTS_CORNER, SECTIONS } from '../format/spec';
import { isWhiteSpace, type Line } from '../text/lines';
import { normalize } from '../text/normalize';
import { DAMAGED_DIGITS } from '../text/values';
import { type LineInfo, lineInfo, readPiece } from './tokens';
import { VOCABULARY } from './vocab';

/** The section T4 belongs to. */
const APPEALS_SECTION = SECTIONS.find((s) => s.table === 'appeals')!.number;

/** Shorter lines are never taken for a report run together. */
const LOST_MIN_LENGTH = 80;
/** Longer lines are not cut (nothing is read from them): the work stays bounded. */
const LOST_MAX_LENGTH = 400_000;
/** A long line lost its layout when it holds this many section headings inline … */
const LOST_MIN_HEADINGS = 2;
/** … or this many runs of digits glued between table labels. */
const LOST_MIN_GLUED = 4;
/** Labels shorter than this (after normalisation) are too common in prose to cut at. */
const MIN_LABEL = 2;

/** Characters dropped when comparing labels (as labelKey drops them). */
const PUNCT = /["'“”‘’《》〈〉<>「」『』()（）\[\]【】{}、,，.．。:：;；!！?？·•\-—–―─_~～/\\|#*`]/;
const OPENING = /[（(“‘《〈「『【\[]/;
const CLOSING = /[）)”’》〉」』】\]]/;
const NUMERAL = /[一二三四五六七八九十]/;

interface Dict {
  byFirst: Map<string, string[]>;
}

/** Every label of the tables (and the T3 corner), normalised without punctuation, longest first per first character. */
const DICT: Dict = (() => {
  const keys = new Set<string>();
  for (const e of VOCABULARY) if (e.norm.length >= MIN_LABEL) keys.add(e.norm);
  keys.add(keyOfText(REQUESTS_CORNER));
  const byFirst = new Map<string, string[]>();
  for (const k of keys) {
    const list = byFirst.get(k[0]!) ?? [];
    list.push(k);
    byFirst.set(k[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return { byFirst };
})();

/** Section titles and their variants, normalised, longest first: a heading inline is its numeral and one of them. */
const TITLES: { number: number; key: string }[] = SECTIONS.flatMap((s) => [s.title, ...s.variants].map((t) => ({ number: s.number, key: keyOfText(t) })))
  .sort((a, b) => b.key.length - a.key.length);

function keyOfText(s: string): string {
  let out = '';
  for (const ch of normalize(s)) if (!PUNCT.test(ch)) out += ch;
  return out;
}

/** The line as compared: normalised, without white space and punctuation, each character mapped to its source. */
interface Keyed {
  text: string;
  map: number[];
}

const NFKC = new Map<string, string>();

/** NFKC of one character, remembered (ideographs are their own). */
function nfkc(ch: string, c: number): string {
  if (c < 0x80 || (c >= 0x4e00 && c <= 0x9fff)) return ch;
  let n = NFKC.get(ch);
  if (n === undefined) {
    n = ch.normalize('NFKC');
    if (NFKC.size < 4096) NFKC.set(ch, n);
  }
  return n;
}

function keyed(src: string): Keyed {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (isWhiteSpace(c) || c === 10 || c === 13) continue;
    let ch = src[i]!;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < src.length) ch = src.slice(i, i + 2);
    const n = nfkc(ch, c);
    for (const x of n) {
      if (isWhiteSpace(x.charCodeAt(0)) || PUNCT.test(x)) continue;
      text += x;
      map.push(i);
    }
    if (ch.length === 2) i++;
  }
  return { text, map };
}

/** A letter that stands for a digit in a run of digits (text/values.ts). */
const DAMAGED_DIGIT = new RegExp(`[${DAMAGED_DIGITS}]`);
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
/** A percent sign after a digit, or a plus sign between two, inside a run of digits (keyed text is NFKC: ％ is %). */
const signInRun = (t: string, q: number) => (t[q] === '%' && isDigit(t[q - 1])) || (t[q] === '+' && isDigit(t[q - 1]) && isDigit(t[q + 1]));

type Kind = 'heading' | 'label' | 'digits' | 'text';

interface Piece {
  kind: Kind;
  /** Span in the keyed text. */
  a: number;
  b: number;
  /** Where it starts in the source, when before its first keyed character (a heading's dash numeral). */
  from?: number;
  /** A heading's section number. */
  section?: number;
}

/** A dash written for 一 (`—、总体情况`): dropped from the keyed text as punctuation, so looked for in the source. */
const DASH_NUMERAL = /[—―─－\-ー]/;
const SEPARATOR = /[、.．]/;

function labelAt(k: string, p: number): number {
  for (const key of DICT.byFirst.get(k[p]!) ?? []) if (k.startsWith(key, p)) return key.length;
  return 0;
}

function titleAt(k: string, p: number): number {
  return titleOf(k, p)?.key.length ?? 0;
}

function titleOf(k: string, p: number): { number: number; key: string } | undefined {
  for (const t of TITLES) if (k.startsWith(t.key, p)) return t;
  return undefined;
}

/**
 * A section heading whose numeral is an Arabic digit (`3、收到和处理…`): the length of digit and title, or 0.
 * Glued to the digits before it (`…行政事业性收费03、收到…`), the digit must be the title's own number.
 */
function arabicHeadingAt(src: string, k: Keyed, p: number): number {
  const ch = k.text[p]!;
  const at = k.map[p]!;
  if (ch < '1' || ch > '6' || !SEPARATOR.test(src[at + 1] ?? '')) return 0;
  for (const t of TITLES) {
    if (!k.text.startsWith(t.key, p + 1)) continue;
    return isDigit(src[at - 1]) && t.number !== Number(ch) ? 0 : 1 + t.key.length;
  }
  return 0;
}

/** Cuts the keyed line into pieces: headings inline, table labels (with their numbering), runs of digits, other text. */
function cut(src: string, k: Keyed): Piece[] {
  const t = k.text;
  const out: Piece[] = [];
  const push = (kind: Kind, a: number, b: number, from?: number) => {
    const last = out[out.length - 1];
    if (kind === 'text' && last?.kind === 'text' && last.b === a) last.b = b;
    else out.push(from === undefined ? { kind, a, b } : { kind, a, b, from });
  };
  /** A heading from `a` to `b`, its title starting at `title`. */
  const heading = (a: number, b: number, title: number, from?: number) => {
    push('heading', a, b, from);
    out[out.length - 1]!.section = titleOf(t, title)?.number;
  };
  let p = 0;
  while (p < t.length) {
    const ch = t[p]!;
    // A heading with a damaged numeral: a dash for 一 (`—、`), or an Arabic digit for its Chinese one (`3、`).
    // The title confirms it, as for a heading on a line of its own; the numbering check names the numeral.
    const at = k.map[p]!;
    if (src[at - 1] === '、' && DASH_NUMERAL.test(src[at - 2] ?? '') && !(p > 0 && k.map[p - 1]! >= at - 2)) {
      const n = titleAt(t, p);
      if (n > 0) {
        heading(p, p + n, p, at - 2);
        p += n;
        continue;
      }
    }
    const arabic = arabicHeadingAt(src, k, p);
    if (arabic > 0) {
      heading(p, p + arabic, p + 1);
      p += arabic;
      continue;
    }
    // A section heading: its numeral (一、 — the 、 is dropped here, so look at the source) and a title.
    if (NUMERAL.test(ch) && SEPARATOR.test(src[at + 1] ?? '')) {
      const n = titleAt(t, p + 1);
      if (n > 0) {
        heading(p, p + 1 + n, p + 1);
        p += 1 + n;
        continue;
      }
    }
    // A run's first cell written wrongly right after its label (`权益l000001`: l for 1) opens the run too.
    const last = out[out.length - 1];
    const damagedFirst = !isDigit(ch) && DAMAGED_DIGIT.test(ch) && isDigit(t[p + 1]) && last?.kind === 'label' && last.b === p
      && k.map[p + 1]! === at + 1;
    if (isDigit(ch) || damagedFirst) {
      let q = p;
      // A digit written wrongly inside the run (`00O0000`: O or 〇 for 0, `1l0`: l for 1) stays in it: a cell that is not a number.
      // So does a percent sign or plus sign of the 2019 T1's 本年增/减 (`行政许可260%10`: 26, 0% and 10, or 2, 60% and
      // 10): the run is a row's cells, which cut unknown (fit.ts), not prose between two numbers.
      while (q < t.length && (isDigit(t[q]) || ((q > p || damagedFirst) && DAMAGED_DIGIT.test(t[q]!) && isDigit(t[q + 1])) || (q > p && signInRun(t, q)))
        && (q === p || k.map[q]! === k.map[q - 1]! + 1)) {
        // The last digit before a 、 or . and a label is the next label's numbering (2.其他法律…).
        if (q > p && /[、.．]/.test(src[k.map[q]! + 1] ?? '') && (labelAt(t, q + 1) > 0 || arabicHeadingAt(src, k, q) > 0)) break;
        q++;
      }
      // A decimal amount (12.35) is one value.
      if (src[k.map[q - 1]! + 1] === '.' && isDigit(t[q]) && k.map[q]! === k.map[q - 1]! + 2) {
        q++;
        while (q < t.length && isDigit(t[q]) && k.map[q]! === k.map[q - 1]! + 1 && arabicHeadingAt(src, k, q) === 0) q++;
      }
      // A digit alone before a 、 or . and a label is that label's numbering, not a value.
      const numbering = q === p + 1 && /[、.．]/.test(src[k.map[p]! + 1] ?? '') && labelAt(t, q) > 0;
      if (!numbering) {
        push('digits', p, q);
        p = q;
        continue;
      }
    }
    // A label, with the numbering before it ((一)予以公开, 1.属于国家秘密, 一、本年新收…).
    let n = labelAt(t, p);
    let a = p;
    if (n === 0 && (NUMERAL.test(ch) || isDigit(ch))) {
      const m = labelAt(t, p + 1);
      if (m > 0) {
        n = m + 1;
        a = p;
      }
    }
    if (n > 0) {
      push('label', a, a + n);
      p = a + n;
      continue;
    }
    push('text', p, p + 1);
    p++;
  }
  return out;
}

/**
 * The pieces of a line that lost its layout, each read as a line of its own would be; null when the line did
 * not lose it (it has cell separators, or too few headings and glued values to say). With `labelsToo` (the
 * text has lost its layout elsewhere), a line of table labels run together without digits is cut too: a
 * header row of web text.
 */
export function lostPieces(line: Line, labelsToo = false): LineInfo[] | null {
  const src = line.text;
  if (src.length > LOST_MAX_LENGTH || src.includes('\t') || src.includes('|')) return null;
  if (!mayBeLost(src) && !(labelsToo && (WORDS_ONLY.test(src.trim()) || NUMERAL_AFTER_SENTENCE.test(src)))) return null;
  const k = keyed(src);
  const pieces = cut(src, k);
  const headings = pieces.filter((x) => x.kind === 'heading').length;
  // Digits between labels, touching them in the source: cells run together.
  let glued = 0;
  pieces.forEach((x, i) => {
    if (x.kind !== 'digits') return;
    const prev = pieces[i - 1];
    const next = pieces[i + 1];
    if (prev?.kind === 'label' && (!next || next.kind === 'label' || next.kind === 'heading') && touching(src, k, prev, x)) glued++;
  });
  // A row or header run together on a line of its own: nothing but table labels and digits, touching.
  const tableOnly = pieces.length >= 2 && pieces.every((x, i) => (x.kind === 'label' || x.kind === 'digits') && (i === 0 || touching(src, k, pieces[i - 1]!, x)))
    && pieces.some((x) => x.kind === 'label');
  // In a text that lost its layout elsewhere, one heading inline is enough (the intro line that runs on into
  // 一、总体情况2023年，… of web text on two or three lines).
  const manyInline = src.length >= LOST_MIN_LENGTH && (headings >= (labelsToo ? 1 : LOST_MIN_HEADINGS) || glued >= LOST_MIN_GLUED);
  if (!manyInline && !tableOnly) return null;
  return toInfos(line, k, pieces, tableOnly);
}

/** Nothing but punctuation between two pieces in the source: no white space separates them. */
function touching(src: string, k: Keyed, a: Piece, b: Piece): boolean {
  for (let i = k.map[a.b - 1]! + 1; i < k.map[b.a]!; i++) if (isWhiteSpace(src.charCodeAt(i))) return false;
  return true;
}

/**
 * What prose writes right after a number (18件, 2021年, 12，): digits followed by one of these are not cells run
 * together. As a character class (inside GLUED_DIGITS, with `]`, `\`, `-` and `/` escaped).
 */
const AFTER_NUMBER = '年月日号时分秒件个条项次篇场所处种类页张本台套人名家户份元万亿多余起至版期届批%％.．,，、:：；;。）)\\]】”"\'\\/\\-';
/** White space as isWhiteSpace has it (text/lines.ts), as a character class. */
const WHITE = ' \\t\\u3000\\u00a0\\ufeff\\u200b\\u2000-\\u200a\\v\\f';
/**
 * Digits glued after a word (an ideograph, or a closing bracket or quote) and followed by neither a unit nor
 * punctuation nor white space: the end of a label and the first of its cells run together (予以公开7000…).
 */
const GLUED_DIGITS = new RegExp(`[\\u4e00-\\u9fff）)”][0-9０-９]+(?![0-9０-９]|[${AFTER_NUMBER}${WHITE}])`);
/** Two section numerals (一、) inline. */
const TWO_NUMERALS = /[一二三四五六][、．.][^]*[一二三四五六][、．.]/;
/** A section numeral right after a sentence's end (`…联系。一、总体情况`): maybe a heading inline. */
const NUMERAL_AFTER_SENTENCE = /[。；！？][一二三四五六][、．.]/;
/** A line of words with neither white space nor sentence punctuation: maybe table labels run together. */
const WORDS_ONLY = /^[^\s。，；;,！？!?]{4,200}$/;

/**
 * A cheap look before cutting: digits glued after a word and followed by neither a unit nor punctuation, or
 * two section numerals (一、) inline. Most lines of most reports have neither. Two regular expressions, not a
 * loop over the line's characters in JS: this looks at every line of every report, mostly before V8 has
 * compiled anything. Exported for its test.
 */
export function mayBeLost(src: string): boolean {
  return GLUED_DIGITS.test(src) || TWO_NUMERALS.test(src);
}

/** A table's pieces are kept as labels and values; anything else on the line is prose between them. */
function toInfos(line: Line, k: Keyed, pieces: Piece[], tableOnly: boolean): LineInfo[] {
  const src = line.text;
  // Digits are table values between labels (or a label and a heading, or the end); labels are the table's
  // when a value follows the run of labels they stand in, or when the line holds nothing else.
  const role: ('table' | 'prose' | 'heading')[] = pieces.map((x) => (x.kind === 'heading' ? 'heading' : tableOnly ? 'table' : 'prose'));
  for (let i = 0; i < pieces.length; i++) {
    if (pieces[i]!.kind !== 'digits') continue;
    const prev = pieces[i - 1];
    const next = pieces[i + 1];
    if (prev?.kind !== 'label' || (next && next.kind === 'text')) continue;
    role[i] = 'table';
    for (let j = i - 1; j >= 0 && pieces[j]!.kind === 'label'; j--) role[j] = 'table';
  }
  // T4 printed without its header is a run of digits alone after its section's sentences (`…均未被纠错。
  // 001010000000000五、`) or right after its heading (`…提起行政诉讼情况7112114001501001五、`): at least a
  // digit per cell, ended by the next heading or the line. The table reader splits it where its sums allow
  // one split, or declines it.
  let section: number | undefined;
  pieces.forEach((x, i) => {
    if (x.kind === 'heading') section = x.section;
    const prev = pieces[i - 1];
    const next = pieces[i + 1];
    const afterSentence = prev?.kind === 'text' && src[k.map[x.a]! - 1] === '。';
    const afterHeading = prev?.kind === 'heading' && prev.section === APPEALS_SECTION;
    if (x.kind === 'digits' && section === APPEALS_SECTION && (afterSentence || afterHeading) && (!next || next.kind === 'heading')
      && x.b - x.a >= APPEALS_COLUMNS.length) role[i] = 'table';
  });
  const out: LineInfo[] = [];
  let prose: [number, number] | null = null;
  const flush = () => {
    if (prose) out.push(lineInfo(line, 'prose', false, prose[0], prose[1]));
    prose = null;
  };
  pieces.forEach((x, i) => {
    let s = x.from ?? k.map[x.a]!;
    let e = k.map[x.b - 1]! + 1;
    // Brackets and quotes belong to the label they open or close.
    while (s > 0 && OPENING.test(src[s - 1]!)) s--;
    while (e < src.length && CLOSING.test(src[e]!)) e++;
    if (role[i] === 'prose') {
      const from: number = prose ? prose[0] : s;
      prose = [from, e];
      return;
    }
    flush();
    if (role[i] === 'heading') out.push(lineInfo(line, 'fragment', false, s, e));
    else out.push(readPiece(line, s, e, x.kind === 'digits'));
  });
  flush();
  return out;
}
