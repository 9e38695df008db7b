/**
 * What a table cell's text means: a number, "not filled" (blank, `/`, `—`, `-`), or something invalid.
 */
import { VALUE_UNITS } from '../format/spec';

export type CellState = 'number' | 'blank' | 'placeholder' | 'invalid' | 'missing';

export interface ParsedValue {
  state: CellState;
  /** The number, when state is 'number'. */
  value: number | null;
  /** Written as a percentage ("0%"). */
  percent?: boolean;
  /** Digits after the decimal point. */
  decimals?: number;
  /** A unit written after the number (`251000元`, `3件`). */
  unit?: string;
  /**
   * Digits of several cells run together (`0060006`, or ten digits and more, which no count is): the table
   * reader splits them only when the row's sums make the split unique.
   */
  joined?: boolean;
}

/** An integer of this many digits or more is never one count: it is cells run together. */
export const JOINED_DIGITS = 10;

/**
 * Letters typed or recognised for a digit in a count — O, o or 〇 for 0, l or I for 1 — as the inside of a
 * character class: a cell written so is a value that is not a number (table-cell-invalid), not a label.
 */
export const DAMAGED_DIGITS = 'Oo〇lI';

/**
 * The signs of a change (the 2019 T1's 本年增/减, `0%`, `+2`), either width, as the inside of a character class:
 * kept inside a run of digits cells ran together (parse/lost.ts), where they make the run's cells unknown.
 */
export const CHANGE_SIGNS = '%％+＋';

const PLACEHOLDERS = new Set(['/', '／', '-', '－', '—', '——', '–', '―', '─', '--', '－－', '无']);
/** The first characters of the placeholders. */
const PLACEHOLDER_STARTS = new Set([...PLACEHOLDERS].map((p) => p.charCodeAt(0)));

function placeholderStart(c: number): boolean {
  return PLACEHOLDER_STARTS.has(c);
}

/** Characters that cannot start a number but may surround one: full-width forms handled by code below. */
function toAscii(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xff10 + 48); // ０-９
    else if (c === 0xff0e) out += '.';
    else if (c === 0xff05) out += '%';
    else if (c === 0xff0d || c === 0x2212) out += '-';
    else if (c === 0xff0c) out += ',';
    else if (c === 0xff0b) out += '+';
    else out += s[i];
  }
  return out;
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%?)$/;
/** A number followed by its unit; 万元 before 元, so that the longer unit is taken. */
const WITH_UNIT = new RegExp(`^(.*?\\d)\\s*(${Object.keys(VALUE_UNITS).sort((a, b) => b.length - a.length).join('|')})$`);

/** Whether a cell's text may begin a number: a digit, a sign, a decimal point (either width), or white space. */
function numberStart(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || (c >= 0xff10 && c <= 0xff19) || c === 0xff0b
    || c === 0xff0d || c === 0xff0e || c === 0x2212 || c <= 32 || c === 0x3000 || c === 0xa0 || c === 0x1680
    || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff || c === 0x85;
}

/**
 * The readings shared by every cell that has them: a parsed value is read, never changed (cells copy its
 * fields), so a blank, a placeholder, a word and each small whole number need one object, not one a cell.
 */
const BLANK: ParsedValue = Object.freeze({ state: 'blank', value: null });
const PLACEHOLDER: ParsedValue = Object.freeze({ state: 'placeholder', value: null });
const INVALID: ParsedValue = Object.freeze({ state: 'invalid', value: null });
/** Whole numbers below this are read into shared objects, made as first met. */
const SHARED_INTEGERS = 1000;
const integers: (ParsedValue | undefined)[] = new Array(SHARED_INTEGERS).fill(undefined);

function integer(n: number): ParsedValue {
  if (n >= SHARED_INTEGERS) return { state: 'number', value: n, decimals: 0 };
  return (integers[n] ??= Object.freeze({ state: 'number', value: n, decimals: 0 }));
}

/** Whether a cell's text beginning with this character may read as a number or a placeholder. */
export function mayBeginValue(c: number): boolean {
  return numberStart(c) || placeholderStart(c);
}

/** The characters of the units a number may be written with (万元, 件, …). */
const UNIT_CHARS = new Set([...Object.keys(VALUE_UNITS).join('')].map((c) => c.charCodeAt(0)));

/**
 * Whether every character of `text` may be part of a number as parseValue reads one: digits of either width,
 * `.,%+-` of either width, the minus sign, white space (`\s`) and the units' characters. A label that starts
 * with its numbering (`1.属于国家秘密`) is told at its first word, without the full parse.
 */
function numberChars(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) continue;
    if (c === 46 || c === 44 || c === 37 || c === 43 || c === 45 || c === 0xff0e || c === 0xff0c || c === 0xff05 || c === 0xff0b
      || c === 0xff0d || c === 0x2212) continue;
    if ((c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028
      || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) continue;
    if (UNIT_CHARS.has(c)) continue;
    return false;
  }
  return true;
}

/** Parses the trimmed text of a cell. The object returned may be shared: read it, never change it. */
export function parseValue(text: string): ParsedValue {
  if (text.length === 0) return BLANK;
  // Plain digits, most cells: no need to build anything.
  // Fewer digits than JOINED_DIGITS are a count read as it goes, exactly (it stays below 2³¹).
  if (text.length <= 15) {
    let digits = true;
    let n = 0;
    for (let i = 0; i < text.length && digits; i++) {
      const c = text.charCodeAt(i);
      digits = c >= 48 && c <= 57;
      n = n * 10 + (c - 48);
    }
    if (digits) return text.length >= JOINED_DIGITS ? JOINED : integer(n);
  }
  const c0 = text.charCodeAt(0);
  // Labels and prose: neither a number nor a placeholder, decided without building or looking up anything.
  if (!mayBeginValue(c0)) return INVALID;
  if (PLACEHOLDERS.has(text)) return PLACEHOLDER;
  if (!numberStart(c0) || !numberChars(text)) return INVALID;
  let ascii = toAscii(text).trim();
  let unit: string | undefined;
  const u = WITH_UNIT.exec(ascii);
  if (u) {
    ascii = u[1]!.trim();
    unit = u[2]!;
  }
  // Digit groups apart are separate cells, never one number: `376 97` is not 37697.
  const m = NUMBER.exec(ascii);
  if (m) {
    if (/^\d+$/.test(ascii) && ascii.length >= JOINED_DIGITS && !unit) return JOINED;
    const value = Number(ascii.replace(/[,%+]/g, ''));
    if (Number.isFinite(value)) {
      return { state: 'number', value, decimals: m[1]?.length ?? 0, ...(m[2] ? { percent: true } : {}), ...(unit ? { unit } : {}) };
    }
  }
  return INVALID;
}

/** Digits of cells run together: not a number until the table reader splits them. */
const JOINED: ParsedValue = Object.freeze({ state: 'invalid', value: null, joined: true });

/** True when the text reads as a cell value or a "not filled" mark. */
export function looksLikeValue(text: string): boolean {
  const s = parseValue(text).state;
  return s === 'number' || s === 'placeholder';
}

/** A run of dashes, as Markdown table separators and some converters leave: `---`, `:---:`. */
export function isDashRun(text: string): boolean {
  return /^:?[-—–─]{3,}:?$/.test(text);
}

/** Renders a number for writing into a cell, without float noise. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Math.round(n * 10000) / 10000);
}
