/**
 * The report's title, agency and year, its statistics period, inline directives, and conversion debris
 * (`[bookmark: …]` and similar) anywhere in the text.
 */
import type { Debris, Directive, PeriodInfo, TextSpan } from '../model';
import { isBlank, type Line, LineMap, skipWhite, skipWhiteBack, span } from '../text/lines';
import { type Normalized, normalize, normalizeWithMap, sourceSpan } from '../text/normalize';

export interface TitleInfo {
  title: TextSpan | null;
  agency: string | null;
  year: number | null;
  yearRange: TextSpan['range'] | null;
}

const TITLE_WORDS = /年度报告|年报|工作报告/;
const YEAR = /((?:19|20)\d{2})年/;

function cleanTitleLine(line: Line): { start: number; end: number } {
  const t = line.text;
  let s = skipWhite(t);
  const md = /^(?:#{1,6}\s*|\*\*|__)+/.exec(t.slice(s));
  if (md) s = skipWhite(t, s + md[0].length);
  let e = skipWhiteBack(t);
  while (e > s && /[*_#]/.test(t[e - 1]!)) e--;
  return { start: s, end: skipWhiteBack(t, e) };
}

/** A title's lines as one: a break between two Chinese characters was the layout's, not a space. */
function joinTitle(parts: string[]): string {
  let out = '';
  for (const p of parts) out += out && !(/[\u4e00-\u9fff]$/.test(out) && /^[\u4e00-\u9fff]/.test(p)) ? ` ${p}` : p;
  return out;
}

/**
 * Whether the title's words are broken over this line and the one before it (…政府信息公开工作年度 / 报告,
 * …工作年度报 / 告, as a PDF's layout wraps a long title): the line is short and starts with the rest of the words.
 */
function brokenInTitleWords(lines: Line[], i: number, text: string): boolean {
  if (i === 0 || text.length > 6) return false;
  const before = lines[i - 1]!.text.trim();
  if (before.length === 0 || before.length > 60) return false;
  const tail = normalize(before).slice(-4);
  const m = TITLE_WORDS.exec(tail + text);
  return m !== null && m.index < tail.length && m.index + m[0].length > tail.length;
}

/** How far into a line a title run on into the text is looked for. */
const RUN_ON_MAX = 120;
/**
 * A title at the start of a line that runs on into the text (web text that lost its line breaks:
 * 沅川市人民政府2023年政府信息公开工作年度报告本报告根据…): the agency's words, the year, and the title's words,
 * with no punctuation among them.
 */
const RUN_ON_TITLE = /^[^。；，,：:《》〔〕\s]{0,40}?((?:19|20)\d{2})\s*年[^。；，,：:《》〔〕]{0,30}?(?:年度报告|年报|工作报告)/;

function runOnTitle(line: Line, i: number): TitleInfo | null {
  const { start, end } = cleanTitleLine(line);
  if (end <= start) return null;
  const n = normalizeWithMap(line.text, start, Math.min(end, start + RUN_ON_MAX));
  const m = RUN_ON_TITLE.exec(n.text);
  if (!m) return null;
  const yearAt = m[0].indexOf(m[1]!);
  const [, titleEnd] = sourceSpan(n, 0, m[0].length);
  const [a, b] = sourceSpan(n, yearAt, yearAt + 4);
  return {
    title: { text: line.text.slice(start, titleEnd), range: { start: { line: i, character: start }, end: { line: i, character: titleEnd } } },
    agency: yearAt > 0 ? n.text.slice(0, yearAt) : null,
    year: Number(m[1]),
    yearRange: span(i, a, b),
  };
}

/** Reads the title from the lines before the first heading. */
export function readTitle(lines: Line[], firstHeadingLine: number): TitleInfo {
  const limit = Math.min(lines.length, firstHeadingLine >= 0 ? firstHeadingLine : 30, 30);
  for (let i = 0; i < limit; i++) {
    const line = lines[i]!;
    // Every title word holds 报, and no other character normalises to it: a line without it is no title —
    // unless it is the rest of a title the line before broke after its 报 (…工作年度报 / 告).
    if (line.text.length > 200) {
      const runOn = runOnTitle(line, i);
      if (runOn) return runOn;
      continue;
    }
    if (line.text.indexOf('报') < 0 && !(i > 0 && lines[i - 1]!.text.includes('报'))) continue;
    const { start, end } = cleanTitleLine(line);
    if (end <= start) continue;
    const n = normalizeWithMap(line.text, start, end);
    if (!(TITLE_WORDS.test(n.text) || brokenInTitleWords(lines, i, n.text)) || /[。；]/.test(n.text)) {
      const runOn = runOnTitle(line, i);
      if (runOn) return runOn;
      continue;
    }
    let ym = YEAR.exec(n.text);
    /** The line the year is on, and its normalised text. */
    let yearLine = i;
    let yn = n;
    let agency: string | null = null;
    let titleStart = { line: i, character: start };
    if (ym && ym.index > 0) agency = n.text.slice(0, ym.index);
    else {
      // Agency on the line before: 宝山区跃进街道办事处 / 2022 年政府信息公开工作年度报告; or the title broken
      // mid-word, agency and year before the break: …局 2021 年政府信息公开工 / 作年度报告.
      for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
        const prev = lines[k]!;
        const c = cleanTitleLine(prev);
        if (c.end <= c.start) continue;
        const pn = normalizeWithMap(prev.text, c.start, c.end);
        if (pn.text.length <= 40 && !/[。；，,：:]/.test(pn.text) && !TITLE_WORDS.test(pn.text)) {
          const pym = ym ? null : YEAR.exec(pn.text);
          agency = pym ? pn.text.slice(0, pym.index) : pn.text;
          if (pym) {
            ym = pym;
            yearLine = k;
            yn = pn;
          }
          titleStart = { line: k, character: c.start };
        }
        break;
      }
    }
    let yearRange = null;
    let year: number | null = null;
    if (ym) {
      year = Number(ym[1]);
      const [a, b] = sourceSpan(yn, ym.index, ym.index + 4);
      yearRange = span(yearLine, a, b);
    }
    return {
      title: { text: joinTitle(lines.slice(titleStart.line, i + 1).map((l) => l.text.trim())).replace(/^#+\s*/, ''), range: { start: titleStart, end: { line: i, character: end } } },
      agency: agency && agency.length > 0 ? agency : null,
      year,
      yearRange,
    };
  }
  return { title: null, agency: null, year: null, yearRange: null };
}

const DATE_LINE = /^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$/;

/** The signing agency at the end of the report: a short line above the date. */
export function readSignature(lines: Line[]): string | null {
  let i = lines.length - 1;
  while (i >= 0 && isBlank(lines[i]!.text)) i--;
  if (i < 1 || !DATE_LINE.test(normalize(lines[i]!.text))) return null;
  i--;
  while (i >= 0 && isBlank(lines[i]!.text)) i--;
  if (i < 0) return null;
  const n = normalize(lines[i]!.text);
  return n.length > 0 && n.length <= 40 && !/[。；，,：:]/.test(n) ? n : null;
}

/** 统计期限自2022年1月1日起至2022年12月31日 — the end's year may be left out (至12月31日: the start's). */
const PERIOD = /统计(?:期限|时限|期间|区间|时间|周期)[为是:]?(?:自|从)?(?<y1>(?:19|20)\d{2})年(?<m1>\d{1,2})月(?<d1>\d{1,2})日(?:起)?(?:至|到|-|—|~|－)(?:(?<y2>(?:19|20)\d{2})年)?(?<m2>\d{1,2})月(?<d2>\d{1,2})日/d;
/** 统计期限为2022年度 (2022年, 2022年全年): a whole year named by its number alone. */
const PERIOD_YEAR = /统计(?:期限|时限|期间|区间|时间|周期)[为是:]?(?<y1>(?:19|20)\d{2})(?:年度|年全年|全年|年(?![\d月]))/d;

/**
 * The statistics period (R11): the paragraphs holding 统计 in the first part of the report, each read once
 * (one forward search through the text, so a long report costs no more than its length).
 */
export function readPeriod(text: string, lines: Line[], map: LineMap, until?: { line: number; character: number }): PeriodInfo | null {
  // Up to where section 二 starts: on its line too when it is inline (web text on one line).
  const end = until && until.line >= 0 && until.line < lines.length ? until.line + 1 : lines.length;
  const limit = end < lines.length || until ? lines[end - 1]!.offset + (until ? until.character : lines[end - 1]!.text.length) : text.length;
  let at = text.indexOf('统计');
  while (at >= 0 && at < limit) {
    // The sentence starts at 统计 and may wrap onto the next lines of its paragraph, never beyond it.
    const line = map.positionAt(at).line;
    let j = line + 1;
    while (j < end && j < line + 20 && !isBlank(lines[j]!.text)) j++;
    const to = Math.min(lines[j - 1]!.offset + lines[j - 1]!.text.length, at + 200, limit);
    const found = matchPeriod(text, at, to, map);
    if (found) return found;
    at = text.indexOf('统计', at + 2);
  }
  return null;
}

/**
 * The longest text PERIOD matches, in normalised characters: 统计 + 期限 + 为 + 自 + 2022年12月31日 + 起 + 至 +
 * 2022年12月31日.
 */
const PERIOD_MAX = 2 + 2 + 1 + 1 + 11 + 1 + 1 + 11;
/** What is normalised first of the up to 200 characters a period may be in: most periods follow 统计 at once. */
const PERIOD_FIRST = 64;

/**
 * PERIOD's first match in text[from, to), normalised. The first PERIOD_FIRST characters are normalised and
 * searched first: a match there that starts at least PERIOD_MAX characters before their end is the match of the
 * whole (no match starting before it could reach past them, and normalising is character by character), so
 * the rest is normalised only when there is none.
 */
function periodIn(text: string, from: number, to: number): { n: Normalized; m: RegExpExecArray } | null {
  let cut = Math.min(to, from + PERIOD_FIRST);
  // Never between the halves of a surrogate pair: the part must normalise as the start of the whole.
  if (cut < to && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  if (cut < to) {
    const part = normalizeWithMap(text, from, cut);
    const m = PERIOD.exec(part.text);
    if (m && m.index + PERIOD_MAX <= part.text.length) return { n: part, m };
  }
  const n = normalizeWithMap(text, from, to);
  const m = PERIOD.exec(n.text) ?? PERIOD_YEAR.exec(n.text);
  return m ? { n, m } : null;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

function matchPeriod(text: string, from: number, to: number, map: LineMap): PeriodInfo | null {
  const found = periodIn(text, from, to);
  if (!found) return null;
  const { n, m } = found;
  if (!m.indices?.groups) return null;
  const g = m.indices.groups as Record<string, [number, number]>;
  const rangeOf = (a: number, b: number) => {
    const [s, e] = sourceSpan(n, a, b, text);
    return map.rangeOf(s, e);
  };
  const v = (k: string) => Number(m.groups![k]);
  const range = rangeOf(m.index, m.index + m[0].length);
  const startYear = rangeOf(g.y1![0], g.y1![1]);
  // A whole year by its number (2022年度): from its first day to its last, both at the year written.
  if (!g.m1) return { range, start: { year: v('y1'), month: 1, day: 1, range: startYear, yearRange: startYear }, end: { year: v('y1'), month: 12, day: 31, range: startYear, yearRange: startYear } };
  // The end's year left out (至12月31日): the start's, written once — its range is the start's year.
  const endYear = g.y2 ? rangeOf(g.y2[0], g.y2[1]) : startYear;
  return {
    range,
    start: { year: v('y1'), month: v('m1'), day: v('d1'), range: rangeOf(g.y1![0], g.d1![1] + 1), yearRange: startYear },
    end: { year: g.y2 ? v('y2') : v('y1'), month: v('m2'), day: v('d2'), range: rangeOf((g.y2 ?? g.m2!)[0], g.d2![1] + 1), yearRange: endYear },
  };
}

const DIRECTIVE = /(?:<!--\s*govreport-(disable|enable)\b([^>]*?)-->|[（(]\s*govreport-(disable|enable)\b([^）)]*)[）)])/g;

export function readDirectives(lines: Line[]): Directive[] {
  const out: Directive[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.text.indexOf('govreport-') < 0) continue;
    DIRECTIVE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DIRECTIVE.exec(line.text))) {
      const kind = (m[1] ?? m[3]) as 'disable' | 'enable';
      const codes = (m[2] ?? m[4] ?? '').split(/[\s,，、]+/).map((c) => c.trim()).filter((c) => c.length > 0);
      out.push({ line: line.index, kind, codes, range: span(line.index, m.index, m.index + m[0].length) });
    }
  }
  return out;
}

const DEBRIS = /\[bookmark:[^\]\n]*\]|\{#[A-Za-z_][\w-]*\}|<a\s+(?:name|id)=["'][^"']*["']\s*>\s*<\/a>|<a\s+(?:name|id)=["'][^"']*["']\s*\/>/g;

/** A line that may hold debris: one scan of it for what each kind starts with. */
const MAYBE_DEBRIS = /\[bookmark:|\{#|<a/;

/** Word/HTML conversion debris anywhere in the text. */
export function readDebris(lines: Line[]): Debris[] {
  const out: Debris[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const t = line.text;
    if (!MAYBE_DEBRIS.test(t)) continue;
    DEBRIS.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DEBRIS.exec(t))) {
      const s = m.index;
      const e = s + m[0].length;
      const rest = (t.slice(0, s) + t.slice(e)).trim();
      out.push({
        kind: m[0].startsWith('[bookmark') ? 'bookmark' : 'html',
        text: m[0],
        range: span(line.index, s, e),
        removal: rest.length === 0
          ? { start: { line: line.index, character: 0 }, end: { line: line.index + 1, character: 0 } }
          : span(line.index, s, e),
      });
    }
  }
  return out;
}
