/**
 * Normalisation of the text real reports arrive in: full-width digits and brackets, spaces inside words,
 * Markdown emphasis, quotes of every width. Every normalised character remembers where it came from, so a
 * match found in normalised text maps back to an exact range of the original.
 */
import { isWhiteSpace } from './lines';
import { TextMemo } from './memo';

export interface Normalized {
  /** The normalised text. */
  text: string;
  /** For each character of `text`, the offset in the source string of the character it came from. */
  map: number[];
  /** Length of the source, so that an end offset past the last character maps too. */
  sourceLength: number;
}

const cache = new Map<number, string>();

/** NFKC of one code point, with the common report characters answered from a small cache. */
function nfkc(cp: number, ch: string): string {
  if (cp < 0x80) return ch;
  let v = cache.get(cp);
  if (v === undefined) {
    v = ch.normalize('NFKC');
    // Quotes and dashes that NFKC leaves alone but that mean the same in a label.
    if (cp === 0x201c || cp === 0x201d || cp === 0x300c || cp === 0x300d || cp === 0x2018 || cp === 0x2019) v = '"';
    else if (cp === 0x3001) v = '、';
    if (cache.size < 4096) cache.set(cp, v);
  }
  return v;
}

/**
 * NFKC, white space removed, Markdown emphasis (`*`, `_`, `` ` ``) and heading marks removed, quotes
 * unified. Keeps a map back to the source offsets.
 */
export function normalizeWithMap(source: string, from = 0, to = source.length): Normalized {
  // As normalize: runs of characters kept as they are (ASCII, ideographs) are copied in one slice, not added
  // one by one (each `+=` of a character made a string of its own for the collector); only the map is per character.
  let text = '';
  const map: number[] = [];
  let plain = from;
  for (let i = from; i < to; i++) {
    const code = source.charCodeAt(i);
    if (code < 0x80) {
      if (code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12 || code === 42 || code === 96) {
        text += source.slice(plain, i);
        plain = i + 1;
      } else map.push(i);
      continue;
    }
    if (code >= 0x4e00 && code <= 0x9fff) {
      map.push(i);
      continue;
    }
    text += source.slice(plain, i);
    plain = i + 1;
    if (isWhiteSpace(code)) continue;
    let cp = code;
    let ch = source[i]!;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < to) {
      cp = source.codePointAt(i)!;
      ch = String.fromCodePoint(cp);
    }
    const out = nfkc(cp, ch);
    for (let k = 0; k < out.length; k++) {
      const oc = out.charCodeAt(k);
      if (isWhiteSpace(oc)) continue;
      text += out[k];
      map.push(i);
    }
    if (ch.length === 2) {
      i++;
      plain = i + 1;
    }
  }
  return { text: text + source.slice(plain, to), map, sourceLength: to };
}

/** Normalised text only (as `normalizeWithMap(source).text`, without building the map). */
export function normalize(source: string): string {
  let text = '';
  let plain = 0;
  const n = source.length;
  for (let i = 0; i < n; i++) {
    const code = source.charCodeAt(i);
    if (code < 0x80) {
      if (code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12 || code === 42 || code === 96) {
        text += source.slice(plain, i);
        plain = i + 1;
      }
      continue;
    }
    // Runs of characters NFKC keeps as they are are copied in one slice.
    if (code >= 0x4e00 && code <= 0x9fff) continue;
    text += source.slice(plain, i);
    if (isWhiteSpace(code)) {
      plain = i + 1;
      continue;
    }
    let cp = code;
    let ch = source[i]!;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      cp = source.codePointAt(i)!;
      ch = String.fromCodePoint(cp);
    }
    const out = nfkc(cp, ch);
    for (let k = 0; k < out.length; k++) if (!isWhiteSpace(out.charCodeAt(k))) text += out[k];
    if (ch.length === 2) i++;
    plain = i + 1;
  }
  return text + source.slice(plain);
}

/**
 * The length `normalize(source)` has, counted without building it, and only up to `cap`: a longer text answers
 * cap + 1. For a test of shortness (`normalizedLength(s, 30) <= 30` is `normalize(s).length <= 30`).
 */
export function normalizedLength(source: string, cap: number): number {
  let count = 0;
  const n = source.length;
  for (let i = 0; i < n && count <= cap; i++) {
    const code = source.charCodeAt(i);
    if (code < 0x80) {
      if (!(code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12 || code === 42 || code === 96)) count++;
      continue;
    }
    if (code >= 0x4e00 && code <= 0x9fff) {
      count++;
      continue;
    }
    if (isWhiteSpace(code)) continue;
    let cp = code;
    let ch = source[i]!;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      cp = source.codePointAt(i)!;
      ch = String.fromCodePoint(cp);
    }
    const out = nfkc(cp, ch);
    for (let k = 0; k < out.length; k++) if (!isWhiteSpace(out.charCodeAt(k))) count++;
    if (ch.length === 2) i++;
  }
  return Math.min(count, cap + 1);
}

/** Maps a [start, end) range of normalised text back to source offsets. */
export function sourceSpan(n: Normalized, start: number, end: number, source?: string): [number, number] {
  const s = start < n.map.length ? n.map[start]! : n.sourceLength;
  if (end <= start || n.map.length === 0) return [s, s];
  const last = n.map[Math.min(end, n.map.length) - 1]!;
  let e = last + 1;
  // The last character was the first half of a surrogate pair: include the second half.
  if (source !== undefined) {
    const c = source.charCodeAt(last);
    const d = source.charCodeAt(last + 1);
    if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) e++;
  }
  return [s, Math.max(s, e)];
}

/** Punctuation that carries no meaning in a label. */
const LABEL_PUNCT = /["'“”‘’《》〈〉<>「」『』()（）\[\]【】{}、,，.．。:：;；!！?？·•\-—–―─_~～/\\|#]/g;

const NUMBERING = /^(?:第?[一二三四五六七八九十]+[、.:)]|[(][一二三四五六七八九十]+[)]|\d{1,2}[、.):]|[(]\d{1,2}[)]|[①②③④⑤⑥⑦⑧⑨⑩])/;

export interface LabelKey {
  /** The label's words with numbering, punctuation and white space removed. */
  key: string;
  /** Its numbering, normalised: `一、`, `(一)`, `1.`; empty when there is none. */
  numbering: string;
}

/**
 * Label keys and keys of labels, remembered: the table reader and the checks ask for the same few hundred
 * labels in every report. Bounded (each memo starts again when full); texts longer than MEMO_TEXT are not kept.
 * The objects returned are shared: read them, never change them.
 */
const MEMO_LIMIT = 20000;
const MEMO_TEXT = 200;
const labelKeyMemo = new TextMemo(computeLabelKey, MEMO_LIMIT, MEMO_TEXT);
const keyOfMemo = new TextMemo(computeKeyOf, MEMO_LIMIT, MEMO_TEXT);

/** The comparable form of a table label: `（二）部分公开（区分…）` → key 部分公开区分…, numbering (二). */
export function labelKey(normalized: string): LabelKey {
  return labelKeyMemo.get(normalized);
}

function computeLabelKey(normalized: string): LabelKey {
  let s = normalized;
  let numbering = '';
  const m = NUMBERING.exec(s);
  if (m) {
    numbering = m[0];
    s = s.slice(m[0].length);
  }
  return { key: s.replace(LABEL_PUNCT, ''), numbering };
}

/** Just the key of a label given in any form. */
export function keyOf(label: string): string {
  return keyOfMemo.get(label);
}

function computeKeyOf(label: string): string {
  return labelKey(normalize(label)).key;
}
