/**
 * Numbers the prose states about requests, reviews and lawsuits (R8), each matched to what its own clause
 * speaks of: "收到政府信息公开申请 9 件" (received), "办结 9 件" (handled to an end), "其中予以公开 6 件、部分公开 2 件",
 * "不予公开和无法提供共 3 件" (a sum of groups), "行政复议 2 件，其中维持 1 件" (a T4 column), "占 42.86%",
 * "公开率 100%", and sentences that say there were none ("未收到…申请", "未发生行政复议被纠错、行政诉讼败诉的情况").
 *
 * A number is read only when its subject is clear: the words right before it (or right after it) name one
 * row, group or column, and nothing in its clause says it counts something else (信函, 会议, 上年, 累计, 各乡镇,
 * 自然人 …), another year, a part of a number already given in the sentence, or an approximate figure.
 * Everything else is left alone: silence is better than a comparison built on a guess.
 */
import type { ProseKey, ProseNumber } from '../model';
import { type LineMap } from '../text/lines';
import { type Normalized, normalizeWithMap, sourceSpan } from '../text/normalize';
import { type Domain, type Term, type Word, wordsOf } from './prose-words';

/** A paragraph longer than this (web text that lost its line breaks) is not read as prose. */
const MAX_PARAGRAPH = 20000;
/** How far after 未收到 the words naming the requests may come (没有接到自然人、法人或其他组织要求公开政府信息的申请). */
const NEG_REACH = 40;

/** A count (N 件) or a percentage (N%) in normalised text. */
const MENTION = /(?<!\d[,.]|[\d.第每]|没有|无|未)(?:(\d{1,7})(余|多)?(?:件次|件|条|宗|起|例|个|次|份)|(?<![零〇一二两三四五六七八九十百千])([零〇一二两三四五六七八九十百千]{1,6})(余|多)?(?:件次|件|条|宗|例)|(\d{1,3}(?:\.\d{1,4})?)%)/g;
const YEAR = /((?:19|20)\d{2})年/g;
/**
 * Where a clause ends. `、` ends one too, once a number has been given in it (予以公开6件、部分公开2件). Brackets
 * do not: 各乡镇（街道）共收到… is still about the townships.
 */
const isBoundary = (c: number) => c === 0x2c /* , */ || c === 0x3b /* ; */ || c === 0x3a /* : */;
const PAUSE = 0x3001; // 、
/** Where a sentence ends (。 ! ?, normalised): found by the regular expression, not a loop over every character. */
const SENTENCE_END = /[。!?]/g;

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let cur = 0;
  for (const ch of s) {
    if (ch in DIGIT) cur = DIGIT[ch]!;
    else if (ch in UNIT) {
      total += (cur || 1) * UNIT[ch]!;
      cur = 0;
    } else return null;
  }
  return total + cur;
}

interface Mention {
  start: number;
  end: number;
  numStart: number;
  numEnd: number;
  value: number;
  digits: boolean;
  /** Decimals written, for a percentage. */
  decimals?: number;
  approximate: boolean;
}

/** What a count was read as; null when its subject is unclear. */
interface Reading {
  keys: ProseKey[];
  /** Each key is a number of its own (行政复议、行政诉讼各 1 件), not a sum. */
  each: boolean;
  table: 'requests' | 'appeals';
  /** Who applied (a key of format/spec.ts `APPLICANT_COLUMNS`): the count is of the row's columns for them. */
  applicant?: string;
}

const APPEALS: ReadonlySet<Domain> = new Set(['review', 'suit', 'suitDirect', 'suitAfterReview']);

/** The T4 key of a domain and outcome: lawsuits of both kinds are `suit.<outcome>`. */
function appealsKey(domain: Domain, outcome: string): ProseKey {
  return `${domain}.${outcome}`;
}

// --- paragraphs ------------------------------------------------------------------------------------

/** A line that starts an item of its own: （二）…, 2、…, a Markdown mark. */
const ITEM_START = /^[\s\u3000]*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十]+[条章节部分]|[#>|*•·●■◆\-]|\[)/;
/** A sentence's last character, before closing quotes and brackets. */
const ENDS_SENTENCE = /[。！？!?；;：:][”"’）)】》\s]*$/;
const TITLE_LIKE_MAX = 40;

function startsItem(text: string, from: number, to: number): boolean {
  return ITEM_START.test(text.slice(from, Math.min(to, from + 24)));
}

/** Whether the line right after a line is the same paragraph broken by layout (PDF). */
function continues(text: string, prev: [number, number], lineFrom: number, from: number, to: number): boolean {
  const gap = text.slice(prev[1], from);
  if (gap !== '\n' && gap !== '\r\n' && gap !== '\r') return false;
  if (to - prev[0] > MAX_PARAGRAPH) return false;
  const last = text.slice(Math.max(lineFrom, prev[1] - 8), prev[1]);
  if (ENDS_SENTENCE.test(last)) return false;
  // The line before is a sub-heading (（二）依申请公开情况), or the next starts an item of its own.
  if (startsItem(text, lineFrom, prev[1]) && prev[1] - lineFrom <= TITLE_LIKE_MAX && !text.slice(lineFrom, prev[1]).includes('。')) return false;
  return !startsItem(text, from, to);
}

/** A count cut from the words before it: the line starts with 13件. */
const STARTS_WITH_COUNT = /^[\s\u3000]*[\d０-９]{1,7}[\s\u3000]*[件条宗起例]/;
/** A line that may be the first half of a sentence: words, no digits, no cells, no numbering. */
const LABEL_LIKE = /^[^\d０-９\t|]{8,60}$/;

/**
 * Where a prose line that starts with a count begins its sentence: on the line above, when that line is the
 * words the count belongs to, broken off by layout ("…共收到政府信息公开申请" / "13件，…"). Such a line can read
 * like a table label, and the table reader may have kept it; it is taken back only when it has no digits, no
 * cells and no numbering, does not end a sentence, and is not part of the paragraph before (`after`).
 */
function cutOff(text: string, from: number, after: number): number | undefined {
  if (!STARTS_WITH_COUNT.test(text.slice(from, from + 16))) return undefined;
  let end = from;
  if (text.charCodeAt(end - 1) === 10) end--;
  if (text.charCodeAt(end - 1) === 13) end--;
  if (end === from || end <= after) return undefined;
  const start = text.lastIndexOf('\n', end - 1) + 1;
  if (start < after) return undefined;
  const line = text.slice(start, end);
  const trimmed = line.trim();
  if (!LABEL_LIKE.test(trimmed) || ENDS_SENTENCE.test(trimmed) || startsItem(text, start, end)) return undefined;
  return start + (line.length - line.trimStart().length);
}

/** Joins consecutive lines that do not end a sentence: a sentence broken over two lines is read whole. */
export function paragraphsOf(text: string, lines: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let cur: [number, number] | null = null;
  let lineFrom = 0;
  // Indexed, without destructuring: in code not yet optimised each `[from, to]` of a for-of is an iterator.
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const from = line[0];
    const to = line[1];
    if (cur && continues(text, cur, lineFrom, from, to)) cur[1] = to;
    else {
      if (cur) out.push(cur);
      cur = [cutOff(text, from, cur ? cur[1] : 0) ?? from, to];
    }
    lineFrom = from;
  }
  if (cur) out.push(cur);
  return out;
}

/** What a character may start or mark, for the scan below. */
const DIGIT_MARK = 1;
const UNIT_MARK = 2;
const NEG_MARK = 4;
const SUBJECT_MARK = 8;
const VERB_MARK = 16;
const MARKS = new Uint8Array(0x10000);
for (let c = 0x30; c <= 0x39; c++) MARKS[c] = DIGIT_MARK;
for (let c = 0xff10; c <= 0xff19; c++) MARKS[c] = DIGIT_MARK;
const mark = (chars: string, m: number) => { for (const ch of chars) MARKS[ch.charCodeAt(0)]! |= m; };
mark('零〇一二两三四五六七八九十百千', DIGIT_MARK);
mark('件条宗起例次个份%％', UNIT_MARK);
mark('未没无', NEG_MARK);
// The words naming requests, reviews and lawsuits hold one of these.
mark('申复诉', SUBJECT_MARK);
// And the words of T3's rows and shares: 办结 答复 结转 收到 受理 予以 不予 无法提供 率 占 纠错 败诉.
mark('办答结收受予提率占纠败', VERB_MARK);

/**
 * What a stretch of text may hold, told from its characters alone: a count (a digit right before a unit), a
 * negation, a word naming requests, reviews or lawsuits, a word of T3's rows. Most prose states no count of
 * these and is not read further.
 */
function scan(text: string, from: number, to: number): number {
  let found = 0;
  let prev = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x3000 || c === 0x09) continue;
    const m = MARKS[c]!;
    if (m !== 0) {
      if (m & UNIT_MARK && MARKS[prev]! & DIGIT_MARK) found |= UNIT_MARK;
      found |= m & (NEG_MARK | SUBJECT_MARK | VERB_MARK);
    }
    prev = c;
  }
  return found;
}

/** Whether text holds a count with a word of what it counts, or a negation with the requests, reviews or lawsuits. */
function worthReading(found: number): boolean {
  return (found & UNIT_MARK && found & (SUBJECT_MARK | VERB_MARK)) !== 0 || (found & NEG_MARK && found & SUBJECT_MARK) !== 0;
}

// --- sentences -------------------------------------------------------------------------------------

interface Sentence {
  text: string;
  start: number;
  end: number;
  mentions: Mention[];
  words: Word[];
  /** Where the clauses end: the offsets of the marks between them, in order. */
  marks: number[];
}

function mentionsOf(text: string, start: number, end: number): Mention[] {
  const out: Mention[] = [];
  const s = text.slice(start, end);
  MENTION.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MENTION.exec(s))) {
    const at = start + m.index;
    if (m[5] !== undefined) {
      const dot = m[5].indexOf('.');
      out.push({
        start: at, end: at + m[0].length, numStart: at, numEnd: at + m[5].length, value: Number(m[5]), digits: true,
        decimals: dot < 0 ? 0 : m[5].length - dot - 1, approximate: false,
      });
      continue;
    }
    const num = m[1] ?? m[3]!;
    const value = chineseNumber(num);
    if (value === null) continue;
    out.push({ start: at, end: at + m[0].length, numStart: at, numEnd: at + num.length, value, digits: m[1] !== undefined, approximate: (m[2] ?? m[4]) !== undefined });
  }
  return out;
}

function sentenceOf(text: string, start: number, end: number): Sentence {
  const mentions = mentionsOf(text, start, end);
  const words: Word[] = [];
  let from = start;
  for (const m of mentions) {
    words.push(...wordsOf(text, from, m.start));
    from = m.end;
  }
  words.push(...wordsOf(text, from, end));
  const marks: number[] = [];
  let counted = false;
  let mi = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isBoundary(c) && c !== PAUSE) continue;
    // 、 ends a clause once a number has been given in it.
    while (mi < mentions.length && mentions[mi]!.end <= i) {
      if (mentions[mi]!.start > (marks.length ? marks[marks.length - 1]! : start - 1)) counted = true;
      mi++;
    }
    if (isBoundary(c) || counted) {
      marks.push(i);
      counted = false;
    }
  }
  return { text, start, end, mentions, words, marks };
}

/** The clause holding position `at`: [start, end). */
function clauseOf(s: Sentence, at: number): [number, number] {
  const m = s.marks;
  let lo = 0;
  let hi = m.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (m[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return [lo > 0 ? m[lo - 1]! + 1 : s.start, lo < m.length ? m[lo]! : s.end];
}

const isSilence = (w: Word) => w.term.kind === 'silence';

/** The index of the first word that starts at or after `at`, searching on from `k`. */
function firstAt(words: Word[], k: number, at: number): number {
  while (k < words.length && words[k]!.start < at) k++;
  return k;
}

/**
 * The words right before a number that name what it counts: the run of words that touch one another and end
 * where the number starts (words[end - 1] is the last word before it). Text that is no word (an agency's name,
 * a place) ends the run.
 */
function phraseBefore(words: Word[], end: number, upTo: number, from: number): Word[] {
  const out: Word[] = [];
  let at = upTo;
  for (let k = end - 1; k >= 0; k--) {
    const w = words[k]!;
    if (w.end !== at || w.start < from) break;
    out.push(w);
    at = w.start;
  }
  return out.reverse();
}

/** The words right after a count that still speak of it: "13件政府信息公开申请", "6件予以公开". */
function phraseAfter(words: Word[], k: number, from: number, to: number): Word[] {
  const out: Word[] = [];
  let at = from;
  for (; k < words.length; k++) {
    const w = words[k]!;
    if (w.start !== at || w.end > to) break;
    const kind = w.term.kind;
    if (kind === 'conj' || kind === 'neg' || kind === 'share' || kind === 'rate' || kind === 'each' || kind === 'all') break;
    out.push(w);
    at = w.end;
  }
  return out;
}

/** The subjects a phrase ends with: the last word of a kind, with those joined to it by 和/及/、. */
function chainOf(phrase: Word[], kinds: (t: Term) => boolean): Word[] {
  let k = phrase.length - 1;
  while (k >= 0 && !kinds(phrase[k]!.term)) k--;
  if (k < 0) return [];
  const out = [phrase[k]!];
  while (k >= 2 && phrase[k - 1]!.term.kind === 'conj' && kinds(phrase[k - 2]!.term)) {
    out.unshift(phrase[k - 2]!);
    k -= 2;
  }
  return out;
}

const isRow = (t: Term) => t.kind === 'row';
const isDomain = (t: Term) => t.kind === 'domain';
const isOutcome = (t: Term) => t.kind === 'outcome';
const isRowWord = (w: Word) => w.term.kind === 'row';
const isOutcomeWord = (w: Word) => w.term.kind === 'outcome';

/** The nearest domain named before `at` in the paragraph (sentences before this one count). */
function domainBefore(context: Word[], at: number): Domain | undefined {
  for (let k = context.length - 1; k >= 0; k--) {
    const w = context[k]!;
    if (w.start >= at) continue;
    if (w.term.domain) return w.term.domain;
  }
  return undefined;
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** What a count speaks of, from the words before it (or after it), or null when that is not clear. */
function readCount(before: Word[], after: Word[], inherited: Domain | undefined): Reading | null {
  const subjectWords = before.some(isRowWord) ? before : after.some(isRowWord) ? after : before;
  const rows = chainOf(subjectWords, isRow);
  // Row words outside the chain name another subject: 收到并办结申请 13 件. The chain is some of them, so
  // only when there are more of them can they name more keys.
  const allRows = subjectWords.filter(isRowWord);
  if (allRows.length > rows.length && uniq(allRows.map((w) => w.term.key)).length > uniq(rows.map((w) => w.term.key)).length) return null;
  const outcomes = before.filter(isOutcomeWord);
  for (let k = 0; k < after.length; k++) if (isOutcome(after[k]!.term)) outcomes.push(after[k]!);
  const domains = chainOf(before.some((w) => isDomain(w.term)) ? before : after, isDomain);
  const own = domains.length > 0 ? domains.map((w) => w.term.domain!) : [];
  const each = before.some((w) => w.term.kind === 'each');

  if (rows.length > 0) {
    const specific = rows.some((w) => !w.term.generic);
    if (outcomes.length > 0) return null;
    if (specific) {
      // T3's own words (予以公开, 上年结转): a review or lawsuit named with them is another subject.
      if (own.some((d) => APPEALS.has(d))) return null;
      if (rows.some((w) => w.term.generic) && rows.length > 1) return null;
      return { keys: uniq(rows.map((w) => w.term.key!)), each, table: 'requests' };
    }
    const keys = uniq(rows.map((w) => w.term.key!));
    if (keys.length > 1) return null;
    const domain = own.length > 0 ? own[own.length - 1]! : inherited;
    if (domain === 'requests') return { keys, each: false, table: 'requests' };
    // 收到行政复议申请 2 件: a review received. 办结, 答复 or 结转 in a sentence about reviews: not T3's.
    if (domain && APPEALS.has(domain) && own.length === 1 && rows.every((w) => w.term.receiving)) {
      return { keys: [appealsKey(domain, 'total')], each: false, table: 'appeals' };
    }
    return null;
  }

  if (outcomes.length > 0) {
    if (uniq(outcomes.map((w) => w.term.key)).length > 1) return null;
    const outcome = outcomes[0]!.term;
    const named = own.filter((d) => APPEALS.has(d));
    if (own.includes('requests') && named.length === 0) return null;
    let targets: Domain[];
    if (named.length > 0) targets = named;
    else if (outcome.domain) targets = [outcome.domain];
    else if (inherited && APPEALS.has(inherited)) targets = [inherited];
    else return null;
    // 败诉 speaks of lawsuits only.
    if (outcome.domain && targets.some((d) => d === 'review')) return null;
    if (targets.length > 1 && !each) return null;
    return { keys: targets.map((d) => appealsKey(d, outcome.key!)), each: targets.length > 1, table: 'appeals' };
  }

  if (own.length > 0) {
    if (own.every((d) => APPEALS.has(d))) {
      if (own.length > 1 && !each) return null;
      return { keys: own.map((d) => appealsKey(d, 'total')), each: own.length > 1, table: 'appeals' };
    }
    // 政府信息公开申请 13 件: the requests, with no other word before the number.
    if (own.length === 1 && own[0] === 'requests' && before.every((w) => w.term.kind === 'noise' || isDomain(w.term))) {
      return { keys: ['received'], each: false, table: 'requests' };
    }
  }
  return null;
}

/**
 * A count of those who applied (其中自然人申请 112 件，法人或其他组织申请 62 件): the row its own words name, or
 * else the row the sentence counted last (收到申请 154 件，其中自然人 112 件), in the applicants' columns.
 * Undefined when the words name no applicant; null when the row is unclear or is not one of T3's.
 */
function readApplicant(before: Word[], after: Word[], inherited: Domain | undefined, sentenceRow: Reading | null): Reading | null | undefined {
  const named = before.filter((w) => w.term.kind === 'applicant');
  if (named.length === 0) return undefined;
  if (uniq(named.map((w) => w.term.key)).length > 1) return null;
  const rest = before.filter((w) => w.term.kind !== 'applicant');
  const row = rest.some((w) => isRow(w.term) || isDomain(w.term)) ? readCount(rest, after, inherited) : sentenceRow;
  if (!row || row.table !== 'requests' || row.each || row.keys.length !== 1 || row.applicant) return null;
  return { ...row, applicant: named[0]!.term.key! };
}

/** Bases a share's words name: 占办结总数的 → handled to an end; 占申请总数 → received; 占 → either. */
function shareBases(phrase: Word[]): ProseKey[] {
  const at = phrase.findIndex((w) => w.term.kind === 'share');
  const rest = phrase.slice(at + 1);
  const bases: ProseKey[] = [];
  for (const w of rest) {
    if (w.term.kind === 'row' && (w.term.key === 'total' || w.term.key === 'handled')) bases.push(w.term.key);
    else if (w.term.kind === 'row' && w.term.receiving) bases.push('received');
    else if (w.term.domain === 'requests') bases.push('received');
    else if (w.term.kind !== 'noise' && w.term.kind !== 'all') return [];
  }
  // 占办结申请的: the base is what was handled, 申请 only says of what.
  if (bases.includes('total') || bases.includes('handled')) return uniq(bases.filter((b) => b !== 'received'));
  return bases.length > 0 ? uniq(bases) : ['total', 'received'];
}

function phraseText(n: Normalized, from: number, to: number): string {
  return n.text.slice(from, to);
}

/** The years a sentence names (2021年), in order: where each is written and which. */
function yearsOf(s: Sentence): [number, number][] {
  const out: [number, number][] = [];
  YEAR.lastIndex = 0;
  const text = s.text.slice(s.start, s.end);
  let m: RegExpExecArray | null;
  while ((m = YEAR.exec(text))) out.push([s.start + m.index, Number(m[1])]);
  return out;
}

// --- reading a paragraph --------------------------------------------------------------------------------

interface Out {
  n: Normalized;
  source: string;
  map: LineMap;
  push(p: ProseNumber): void;
}

function emit(o: Out, key: ProseKey, plus: ProseKey[], value: number, numFrom: number, numTo: number, digits: boolean,
  phrase: string, extra: Partial<ProseNumber> = {}): void {
  const [s, e] = sourceSpan(o.n, numFrom, numTo, o.source);
  o.push({ key, ...(plus.length ? { plus } : {}), value, range: o.map.rangeOf(s, e), digits, phrase, ...extra });
}

/** Counts and percentages of one sentence; `partOfYear`: the paragraph has named a part of the year already. */
function readCounts(o: Out, s: Sentence, context: Word[], partOfYear: boolean): boolean {
  const words = s.words;
  const seen = new Set<string>();
  const years = yearsOf(s);
  let yi = 0;
  let year: number | undefined;
  let previous: Reading | null | undefined;
  // The last row of T3 the sentence counted, for a count of applicants that names none (其中自然人 112 件).
  let sentenceRow: Reading | null = null;
  let from = 0;
  let upTo = 0;
  // A part of the year named before (2022年上半年，…) silences the rest of the paragraph.
  let wholeAt = 0;
  let partOfYearSeen = partOfYear;
  for (let i = 0; i < s.mentions.length; i++) {
    const m = s.mentions[i]!;
    const [cs, ce] = clauseOf(s, m.start);
    const prevEnd = i > 0 && s.mentions[i - 1]!.end > cs ? s.mentions[i - 1]!.end : cs;
    const nextStart = i + 1 < s.mentions.length ? Math.min(ce, s.mentions[i + 1]!.start) : ce;
    from = firstAt(words, from, prevEnd);
    upTo = firstAt(words, Math.max(from, upTo), m.start);
    const before = phraseBefore(words, upTo, m.start, prevEnd);
    const after = m.decimals === undefined ? phraseAfter(words, firstAt(words, upTo, m.end), m.end, nextStart) : [];
    while (wholeAt < words.length && words[wholeAt]!.start < m.start) {
      if (words[wholeAt]!.term.paragraph) partOfYearSeen = true;
      wholeAt++;
    }
    let silent = partOfYearSeen || m.approximate || after.some(isSilence);
    for (let k = from; k < upTo && !silent; k++) silent = isSilence(words[k]!);
    const phraseStart = before.length > 0 ? before[0]!.start : m.start;
    const phraseEnd = after.length > 0 ? after[after.length - 1]!.end : m.end;
    const phrase = phraseText(o.n, phraseStart, phraseEnd);
    // The last year named before the phrase (phrases start in order, so the years are walked once).
    while (yi < years.length && years[yi]![0] < phraseStart) year = years[yi++]![1];
    const extra: Partial<ProseNumber> = year !== undefined ? { year } : {};

    if (m.decimals !== undefined) {
      // A percentage: a rate the tables give (公开率), or the share of the count just before it (占).
      if (silent || before.length === 0) continue;
      const rate = before.find((w) => w.term.kind === 'rate');
      if (rate) {
        emit(o, rate.term.key!, [], m.value, m.numStart, m.numEnd, true, phrase, { ...extra, percent: { of: ['total', 'received', 'effective'], decimals: m.decimals } });
        continue;
      }
      const share = before.findIndex((w) => w.term.kind === 'share');
      if (share < 0 || !previous || previous.table !== 'requests' || previous.each) continue;
      let of = shareBases(before.slice(share));
      // Those who applied, as a share (其中自然人申请 112 件，占 72.73%): of all who applied, in the same row.
      if (previous.applicant) {
        const row = previous.keys[0]!;
        const named = before.slice(share + 1).some((w) => w.term.kind !== 'noise' && w.term.kind !== 'all');
        of = !named || of.includes(row) ? [row] : [];
      }
      if (of.length === 0) continue;
      const who = previous.applicant ? { applicant: previous.applicant } : {};
      emit(o, previous.keys[0]!, previous.keys.slice(1), m.value, m.numStart, m.numEnd, true, phrase, { ...extra, ...who, percent: { of, decimals: m.decimals } });
      continue;
    }

    const inherited = domainBefore(context, phraseStart);
    const applicant: Reading | null | undefined = silent ? null : readApplicant(before, after, inherited, sentenceRow);
    const reading: Reading | null = silent ? null : applicant !== undefined ? applicant : readCount(before, after, inherited);
    previous = reading;
    if (!reading) continue;
    if (!reading.applicant && reading.table === 'requests') sentenceRow = reading;
    // The same subject again in the sentence counts a part of it (办结 12 件，其中按期办结 10 件).
    const id = reading.keys.join('+') + (reading.applicant ? `@${reading.applicant}` : '');
    if (seen.has(id)) continue;
    seen.add(id);
    if (reading.applicant) extra.applicant = reading.applicant;
    if (reading.each) for (const k of reading.keys) emit(o, k, [], m.value, m.numStart, m.numEnd, m.digits, phrase, extra);
    else emit(o, reading.keys[0]!, reading.keys.slice(1), m.value, m.numStart, m.numEnd, m.digits, phrase, extra);
  }
  for (; wholeAt < words.length; wholeAt++) if (words[wholeAt]!.term.paragraph) partOfYearSeen = true;
  return partOfYearSeen;
}

const isAppealsDomain = (w: Word) => isDomain(w.term) && APPEALS.has(w.term.domain!);

/** 未收到…申请 / 无…申请: the requests, none received. Returns the word naming them, or undefined. */
function noneReceived(neg: Word, stretch: Word[]): Word | undefined {
  const at = stretch.findIndex((w) => isDomain(w.term) && w.term.domain === 'requests');
  if (at < 0) return undefined;
  const between = stretch.slice(0, at);
  if (between.some((w) => isAppealsDomain(w) || isOutcome(w.term) || (isRow(w.term) && !w.term.generic))) return undefined;
  // 未收到…申请 may name the applicants in between; 无…申请 names nothing else.
  if (between[0] !== undefined && between[0].start === neg.end && between[0].term.receiving) return stretch[at];
  let end = neg.end;
  for (const w of between) {
    if (w.start !== end || (w.term.kind !== 'noise' && w.term.kind !== 'all')) return undefined;
    end = w.end;
  }
  return end === stretch[at]!.start ? stretch[at] : undefined;
}

/** Sentences saying there were none: 未收到…申请; 未发生行政复议、行政诉讼; 未发生行政复议被纠错、行政诉讼败诉的情况. */
function readNone(o: Out, s: Sentence, context: Word[]): void {
  const words = s.words;
  const silentClauses = new Set<number>();
  for (const w of words) if (isSilence(w)) silentClauses.add(clauseOf(s, w.start)[0]);
  let mi = 0;
  for (let i = 0; i < words.length; i++) {
    const neg = words[i]!;
    if (neg.term.kind !== 'neg') continue;
    const [cs, ce] = clauseOf(s, neg.start);
    if (silentClauses.has(cs)) continue;
    while (mi < s.mentions.length && s.mentions[mi]!.start < neg.end) mi++;
    const stop = Math.min(ce, mi < s.mentions.length ? s.mentions[mi]!.start : s.end, neg.end + NEG_REACH);
    const stretch: Word[] = [];
    for (let k = i + 1; k < words.length && words[k]!.end <= stop && words[k]!.term.kind !== 'neg'; k++) stretch.push(words[k]!);

    const requests = noneReceived(neg, stretch);
    if (requests) {
      emit(o, 'received', [], 0, neg.start, requests.end, false, phraseText(o.n, neg.start, requests.end));
      continue;
    }
    const appeals = stretch.filter((w) => isAppealsDomain(w) || isOutcome(w.term));
    if (appeals.length === 0 || stretch.some((w) => isRow(w.term) && !w.term.generic)) continue;
    const end = appeals[appeals.length - 1]!.end;
    const phrase = phraseText(o.n, neg.start, end);
    // Pair each review or lawsuit named with the outcome said of it; an outcome after a list speaks of all of it.
    const named: { domain: Domain; outcome?: string }[] = [];
    const loose: Term[] = [];
    for (const w of appeals) {
      if (isDomain(w.term)) named.push({ domain: w.term.domain! });
      else {
        const open = named.filter((x) => x.outcome === undefined);
        for (const x of open) x.outcome = w.term.key;
        if (open.length === 0 && named.length === 0) loose.push(w.term);
      }
    }
    const keys: ProseKey[] = named.map((x) => appealsKey(x.domain, x.outcome ?? 'total'));
    if (named.length === 0) {
      // 未被纠错: of the reviews and lawsuits named before it, in the clause, the sentence (均未) or before.
      let domains: Domain[] = [];
      for (let k = i - 1; k >= 0 && words[k]!.start >= cs; k--) if (isAppealsDomain(words[k]!)) domains.unshift(words[k]!.term.domain!);
      if (domains.length === 0 && i > 0 && words[i - 1]!.term.kind === 'all') {
        for (let k = 0; k < i; k++) if (isAppealsDomain(words[k]!)) domains.push(words[k]!.term.domain!);
      }
      if (domains.length === 0) {
        const d = domainBefore(context, neg.start);
        if (d && APPEALS.has(d)) domains = [d];
      }
      domains = uniq(domains);
      for (const t of loose) {
        // 败诉 speaks of lawsuits; 纠错 of whatever was named, or of every review and lawsuit.
        if (t.domain) keys.push(appealsKey(t.domain, t.key!));
        else if (domains.length > 0) for (const d of domains) keys.push(appealsKey(d, t.key!));
        else if (t.key === 'corrected') keys.push('corrected');
      }
      // 纠错或败诉: every 结果纠正 covers the lawsuits' too.
      if (keys.includes('corrected')) keys.splice(0, keys.length, 'corrected');
    }
    for (const k of uniq(keys)) emit(o, k, [], 0, neg.start, end, false, phrase);
  }
}

function readParagraph(o: Out): void {
  const text = o.n.text;
  let start = 0;
  // Domain words so far in the paragraph: what a sentence that names none speaks of.
  const context: Word[] = [];
  let partOfYear = false;
  SENTENCE_END.lastIndex = 0;
  for (;;) {
    const end = SENTENCE_END.exec(text);
    const i = end ? end.index : text.length;
    // A sentence with no count, no negation and no subject says nothing R8 reads, and names no subject for
    // the sentences after it.
    const found = i > start ? scan(text, start, i) : 0;
    if (worthReading(found) || found & SUBJECT_MARK) {
      const s = sentenceOf(text, start, i);
      for (const w of s.words) if (w.term.domain) context.push(w);
      partOfYear = readCounts(o, s, context, partOfYear);
      readNone(o, s, context);
    }
    if (!end) break;
    start = i + 1;
    SENTENCE_END.lastIndex = start;
  }
}

/** Reads prose numbers from the given lines (one span per line of prose, outside tables, in order). */
export function readProse(text: string, lineRanges: [number, number][], map: LineMap): ProseNumber[] {
  const out: ProseNumber[] = [];
  const paragraphs = paragraphsOf(text, lineRanges);
  for (let k = 0; k < paragraphs.length; k++) {
    const from = paragraphs[k]![0];
    const to = paragraphs[k]![1];
    if (to - from > MAX_PARAGRAPH || !worthReading(scan(text, from, to))) continue;
    const n = normalizeWithMap(text, from, to);
    readParagraph({ n, source: text, map, push: (p) => out.push(p) });
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return out;
}
