/**
 * Section headings and sub-headings. A heading is recognised by its title (normalised, compared with the six
 * canonical titles and their known variants), its numeral only confirming it: real reports damage numerals
 * (`—、`, `3、`), renumber sections, and start table rows with 一、…四、, which are not headings.
 */
import { CHINESE_NUMERALS, SECTIONS, type SectionNumber } from '../format/spec';
import type { Heading } from '../model';
import type { Line } from '../text/lines';
import { ownCopy, skipWhite, skipWhiteBack, span } from '../text/lines';
import { TextMemo } from '../text/memo';
import { labelKey, normalize } from '../text/normalize';
import { similarity } from '../text/similarity';
import { lookup } from './vocab';

/** Word-conversion and Markdown leftovers before a heading's numeral. */
const LEAD = /^(?:\s|#{1,6}\s*|\*\*|__|\[bookmark:[^\]]*\]|\{#[^}]*\}|<a\b[^>]*>\s*<\/a>|<a\b[^>]*\/>|\uFEFF)+/;

interface NumeralMatch {
  text: string;
  /** 1–10, or 0 when the numeral is damaged. */
  value: number;
  /** A dash read as 一 by OCR, or an Arabic digit where a Chinese numeral belongs. */
  damaged: boolean;
  arabic: boolean;
}

const CN = '一二三四五六七八九十';
const NUMERAL = /^(?:(第)?([一二三四五六七八九十])\s*(?:[、.．,，:：]|(?=\s))|([—―─－\-ー])\s*[、.．]|([1-9])\s*[、.．](?!\d)|第([一二三四五六])部分\s*[、:：.]?)\s*/;

function readNumeral(s: string): NumeralMatch | null {
  const m = NUMERAL.exec(s);
  if (!m) return null;
  if (m[2]) return { text: m[0], value: CN.indexOf(m[2]) + 1, damaged: false, arabic: false };
  if (m[3]) return { text: m[0], value: 1, damaged: true, arabic: false };
  if (m[4]) return { text: m[0], value: Number(m[4]), damaged: true, arabic: true };
  if (m[5]) return { text: m[0], value: CN.indexOf(m[5]) + 1, damaged: false, arabic: false };
  return null;
}

const titleKeys = SECTIONS.map((s) => ({
  spec: s,
  keys: [s.title, ...s.variants].map((t) => labelKey(normalize(t)).key),
}));

/** A first character of some section keyword: a line with none of them cannot be a heading. */
const KEYWORD_CHARS = new RegExp(`[${[...new Set(SECTIONS.flatMap((s) => s.keywords.map((k) => k[0])))].join('')}]`);

/**
 * Whether a section title goes on onto the next line (a PDF's layout wrapped it: 四、政府信息公开行政复议、行政诉 /
 * 讼情况): the line before holds the start of a known title and this short line its rest, exactly.
 */
export function titleGoesOn(title: string, next: string): boolean {
  const rest = next.trim();
  if (rest.length === 0 || rest.length > MAX_TITLE_REST || /[。；;！!？?，,：:]/.test(rest)) return false;
  const have = labelKey(normalize(title)).key;
  const more = labelKey(normalize(rest)).key;
  if (have.length === 0 || more.length === 0) return false;
  return titleKeys.some(({ keys }) => keys.some((k) => k.length > have.length && k.startsWith(have) && k === have + more));
}
/** The rest of a wrapped title on its own line is short: a few characters of it. */
const MAX_TITLE_REST = 16;

/** Titles scored before (at most this many, none longer than MEMO_TITLE). */
const TITLE_MEMO_LIMIT = 5000;
const MEMO_TITLE = 200;
const titleMemo = new TextMemo(computeTitleScore, TITLE_MEMO_LIMIT, MEMO_TITLE);

/** How well a title matches each section; best first. */
export function scoreTitle(title: string): { number: SectionNumber; score: number } | null {
  return titleMemo.get(title);
}

function computeTitleScore(title: string): { number: SectionNumber; score: number } | null {
  const key = labelKey(normalize(title)).key;
  if (key.length === 0 || key.length > 40) return null;
  let bestN: SectionNumber | null = null;
  let bestS = 0;
  for (const { spec, keys } of titleKeys) {
    if (!spec.keywords.some((k) => key.includes(k))) continue;
    for (const k of keys) {
      const s = similarity(key, k);
      if (s > bestS) {
        bestS = s;
        bestN = spec.number;
      }
    }
  }
  return bestN === null ? null : { number: bestN, score: bestS };
}

/** Lines longer than this are a section heading only when they begin with one and go on with its text. */
const MAX_HEADING_LINE = 120;

/** Titles a heading may be followed by its section's text on the same line; longest first. */
const OWN_TITLES = SECTIONS.flatMap((s) => [{ text: s.title, canonical: true }, ...s.variants.map((v) => ({ text: v, canonical: false }))])
  .sort((a, b) => b.text.length - a.text.length);
/** A sentence's end: what tells text run on after a canonical title from a longer, home-made title. */
const SENTENCE_END = /[。；;！!]/;
/** What may stand between a title and its section's text on the heading's line. */
const AFTER_TITLE = /^\s*[：:，,。]|^\s+\S/;

/**
 * Where the title ends in a heading whose section's text follows on the same line
 * (`六、其他需要报告的事项：本年度未收取信息处理费。`, `五、存在的主要问题及改进情况 一是…`), or undefined when the
 * line holds nothing but its title. After a colon, comma, full stop or space any known title may be; with
 * nothing between, only a canonical one followed by a sentence (`…事项本年度未收取信息处理费。`), since a title
 * may go on (`…改进情况和下一步工作打算` is a longer title, not text) and a short variant (概述, 基本情况) may begin one.
 */
function ownTitleEnd(t: string, titleStart: number, titleEnd: number): number | undefined {
  for (const o of OWN_TITLES) {
    const end = titleStart + o.text.length;
    if (end >= titleEnd || !t.startsWith(o.text, titleStart)) continue;
    if (AFTER_TITLE.test(t.slice(end, end + 2))) return end;
    if (o.canonical && /[\u4e00-\u9fff（(“"0-9]/.test(t[end]!) && SENTENCE_END.test(t.slice(end))) return end;
  }
  return undefined;
}

/** A heading as read from a line's text alone: its columns, without the line's number. */
interface HeadingColumns {
  number: SectionNumber;
  /** The numeral as written (trimmed), from numeralStart; empty when there is none. */
  numeral: string;
  numeralStart: number;
  writtenNumber: number;
  title: string;
  titleStart: number;
  titleEnd: number;
  contentStart: number;
  score: number;
  leadEnd: number;
  markdown: boolean;
  /** The section's text follows the title on the line. */
  inline: boolean;
}

/**
 * What the text of a line reads as, remembered: the same heading lines (and the same lines that are not
 * headings) come back in report after report.
 */
const HEADING_MEMO_LIMIT = 20000;
const headingMemo = new TextMemo(headingColumns, HEADING_MEMO_LIMIT, MAX_HEADING_LINE);

/**
 * Reads a line as a section heading, or returns null. `leadEnd` in the result is where the heading's content
 * starts (after debris and Markdown marks).
 */
export function readHeading(line: Line): (Heading & { leadEnd: number; markdown: boolean }) | null {
  const t = line.text;
  if (t.length === 0 || !KEYWORD_CHARS.test(t)) return null;
  // A long line is a heading only with its section's text after the title (read from the line's start).
  const long = t.length > MAX_HEADING_LINE;
  const h = headingMemo.get(long ? t.slice(0, MAX_HEADING_LINE) : t);
  if (!h || (long && !h.inline)) return null;
  const i = line.index;
  return {
    number: h.number,
    numeral: { text: h.numeral, range: span(i, h.numeralStart, h.numeralStart + h.numeral.length) },
    writtenNumber: h.writtenNumber,
    title: { text: h.title, range: span(i, h.titleStart, h.titleEnd) },
    range: span(i, h.contentStart, h.titleEnd),
    score: h.score,
    leadEnd: h.leadEnd,
    markdown: h.markdown,
  };
}

function headingColumns(t: string): HeadingColumns | null {
  if (t.indexOf('\t', skipWhite(t)) >= 0 && /\t\s*\S/.test(t.slice(skipWhite(t)))) return null;
  const lead = LEAD.exec(t);
  const leadEnd = lead ? lead[0].length : 0;
  const markdown = /^\s*#/.test(t);
  const rest = t.slice(leadEnd);
  // （一）… and (1) … are sub-headings, never section headings.
  if (/^[（(]\s*[一二三四五六七八九十\d]/.test(rest)) return null;
  // 表二：主动公开政府信息情况, 附表3 …: a table's caption (Markdown from PDF converters), not its section's heading.
  if (CAPTION.test(rest)) return null;
  const numeral = readNumeral(rest);
  const titleStart = leadEnd + (numeral ? numeral.text.length : 0);
  let titleEnd = skipWhiteBack(t);
  // Trailing Markdown emphasis and a full stop.
  while (titleEnd > titleStart && /[*_#。：:]/.test(t[titleEnd - 1]!)) titleEnd--;
  titleEnd = skipWhiteBack(t, titleEnd);
  if (titleEnd <= titleStart) return null;
  const own = numeral ? ownTitleEnd(t, titleStart, titleEnd) : undefined;
  if (own !== undefined) titleEnd = own;
  const title = t.slice(titleStart, titleEnd);
  if (/[。；;]/.test(title)) return null;
  const scored = scoreTitle(title);
  if (!scored) return null;
  // A table row label (一、本年新收…, 四、结转下年度继续办理) is not a heading.
  const asRow = lookup(labelKey(normalize(title)).key, 0.6)[0];
  if (asRow && asRow.score >= scored.score) return null;
  let accept: boolean;
  if (!numeral) accept = scored.score >= 0.85 && (markdown || /^\s*\*\*/.test(t) || scored.score === 1);
  else if (!numeral.damaged && numeral.value === scored.number) accept = scored.score >= 0.55;
  else accept = scored.score >= 0.75;
  if (!accept) return null;
  return {
    number: scored.number,
    numeral: numeral ? numeral.text.trimEnd() : '',
    numeralStart: numeral ? leadEnd : titleStart,
    writtenNumber: numeral && !numeral.damaged ? numeral.value : numeral?.arabic ? numeral.value : 0,
    title: ownCopy(title),
    titleStart,
    titleEnd,
    contentStart: skipWhite(t, leadEnd),
    score: scored.score,
    leadEnd,
    markdown,
    inline: own !== undefined,
  };
}

/** A table caption: 表二：, 表 3、, 附表1 … */
const CAPTION = /^(?:\*\*)?(?:附)?表\s*[一二三四五六七八九十\d]{1,2}\s*(?:[：:、.．]|\s|$)/;

const SUB = /^(?:\s|#{1,6}\s*|\*\*)*[（(]([一二三四五六七八九十]{1,2})[)）]\s*/;

/**
 * Whether SUB may match: past white space, `#` and `*` (SUB's leading marks), an opening bracket. Most lines
 * of a section's body are prose and are told by their first characters.
 */
function mayOpenSub(t: string): boolean {
  let i = 0;
  while (i < t.length) {
    const c = t.charCodeAt(i);
    if (c === 35 || c === 42 || isJsSpace(c)) i++;
    else return c === 0xff08 || c === 40;
  }
  return false;
}

/** The white space of a regular expression's `\s`. */
function isJsSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Reads a line as a sub-heading （一）…: the title runs to the first full stop or the line's end. */
export function readSubHeading(line: Line): { numeral: string; title: string; start: number; end: number } | null {
  const t = line.text;
  if (!mayOpenSub(t)) return null;
  const m = SUB.exec(t);
  if (!m) return null;
  const start = m[0].length;
  let end = t.length;
  const stop = t.slice(start).search(/[。；;]/);
  if (stop >= 0) end = start + stop;
  end = skipWhiteBack(t, end);
  while (end > start && /[*_#：:]/.test(t[end - 1]!)) end--;
  if (end - start < 2 || end - start > 50) return null;
  const numStart = t.indexOf(m[1]!.charAt(0), skipWhite(t)) - 1;
  return { numeral: `（${m[1]}）`, title: t.slice(start, end), start: Math.max(0, numStart), end };
}

export function canonicalNumeral(n: number): string {
  return `${CHINESE_NUMERALS[n]}、`;
}
