/**
 * Numbers the prose states about requests and appeals (R8): "收到政府信息公开申请 9 件", "办结 9 件",
 * "行政复议 1 件", and sentences that say there were none ("未收到…申请", "没有…行政复议").
 */
import type { ProseKey, ProseNumber } from '../model';
import { type LineMap } from '../text/lines';
import { type Normalized, normalize, normalizeWithMap, sourceSpan } from '../text/normalize';

const N = '(\\d{1,6}|[零〇一二两三四五六七八九十百]{1,4})';
const UNIT = '(?:件|条|宗|份|个|起|次)';

interface Pattern {
  key: ProseKey;
  re: RegExp;
  /** Words the pattern cannot match without: a paragraph lacking them is not searched. */
  need?: RegExp;
  /** The number is zero, said in words: the match itself is the range. */
  none?: boolean;
}

const PATTERNS: Pattern[] = [
  { key: 'received', need: /申请/, re: new RegExp(`(?:收到|受理|新收|接到|接收)(?:各类|政府信息公开|依申请公开)?[^。；;，,]{0,12}?申请[^。；;，,]{0,8}?${N}${UNIT}`, 'g') },
  { key: 'received', need: /申请/, re: new RegExp(`(?:收到|受理|新收|接到|接收)[^。；;，,]{0,6}?${N}${UNIT}(?:政府信息公开|依申请公开)?申请`, 'g') },
  { key: 'received', none: true, need: /申请/, re: /(?:没有|未|无|尚未)(?:收到|接到|受理|接收)[^。；;]{0,25}?(?:申请|依申请公开)/g },
  // Before 办理: "结转下年度继续办理 3 件" is carried over, not handled.
  { key: 'carriedOut', need: /结转/, re: new RegExp(`结转(?:至|到)?下(?:一)?年度?[^。；;，,]{0,8}?${N}${UNIT}`, 'g') },
  { key: 'total', need: /办结|答复|办理/, re: new RegExp(`(?:办结|答复|(?<!继续)办理)[^。；;，,]{0,10}?${N}${UNIT}`, 'g') },
  { key: 'granted', need: /予以公开/, re: new RegExp(`(?<!部分|不)予以公开(?:的)?${N}${UNIT}`, 'g') },
  { key: 'partial', need: /部分公开/, re: new RegExp(`部分公开(?:的)?${N}${UNIT}`, 'g') },
  { key: 'denied', need: /不予公开/, re: new RegExp(`不予公开(?:的)?${N}${UNIT}`, 'g') },
  { key: 'unable', need: /无法提供/, re: new RegExp(`无法提供(?:的)?${N}${UNIT}`, 'g') },
  { key: 'rejected', need: /不予处理/, re: new RegExp(`不予处理(?:的)?${N}${UNIT}`, 'g') },
  { key: 'other', need: /其他处理/, re: new RegExp(`其他处理(?:的)?${N}${UNIT}`, 'g') },
  { key: 'review', need: /行政复议/, re: new RegExp(`行政复议(?:案件|申请)?[^。；;，,、]{0,6}?${N}${UNIT}`, 'g') },
  { key: 'suit', need: /行政诉讼/, re: new RegExp(`行政诉讼(?:案件)?[^。；;，,、]{0,6}?${N}${UNIT}`, 'g') },
  { key: 'review', none: true, need: /行政复议/, re: /(?:没有|未|无|未发生|未收到|未出现)[^。；;，,]{0,20}?行政复议/g },
  { key: 'suit', none: true, need: /行政诉讼/, re: /(?:没有|未|无|未发生|未收到|未出现)[^。；;，,]{0,24}?行政诉讼/g },
];

/** Words in a clause that mean its number counts something else. */
const OTHER_SCOPE = /协查|协助|协办|同比|上年|去年|上一年|累计|历年|增长|减少|下降/;

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

export function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let cur = 0;
  for (const ch of s) {
    if (ch in DIGIT) cur = DIGIT[ch]!;
    else if (ch === '十') {
      total += (cur || 1) * 10;
      cur = 0;
    } else if (ch === '百') {
      total += (cur || 1) * 100;
      cur = 0;
    } else return null;
  }
  return total + cur;
}

function clauseAround(n: Normalized, at: number): string {
  let a = at;
  while (a > 0 && !/[。；;，,]/.test(n.text[a - 1]!)) a--;
  let b = at;
  while (b < n.text.length && !/[。；;，,]/.test(n.text[b]!)) b++;
  return n.text.slice(a, b);
}

/** Whether a stretch of text may hold one of the phrases (their first characters, which spaces cannot split). */
function mayCount(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // 申 复 诉 办 答 结
    if (c === 0x7533 || c === 0x590d || c === 0x8bc9 || c === 0x529e || c === 0x7b54 || c === 0x7ed3) return true;
  }
  return false;
}

function matches(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  const found = re.test(s);
  re.lastIndex = 0;
  return found;
}

/** Reads prose numbers from the given lines (paragraphs of prose, outside tables). */
export function readProse(text: string, lineRanges: [number, number][], map: LineMap): ProseNumber[] {
  const out: ProseNumber[] = [];
  for (const [from, to] of lineRanges) {
    if (to - from > 20000 || !mayCount(text, from, to)) continue;
    // Most paragraphs state no number: decide on the plain normalised text before building its source map.
    const plain = normalize(text.slice(from, to));
    if (!PATTERNS.some((p) => (!p.need || p.need.test(plain)) && matches(p.re, plain))) continue;
    const n = normalizeWithMap(text, from, to);
    const taken: [number, number][] = [];
    for (const p of PATTERNS) {
      if (p.need && !p.need.test(n.text)) continue;
      p.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = p.re.exec(n.text))) {
        const start = m.index;
        const end = start + m[0].length;
        if (taken.some(([a, b]) => start < b && a < end && p.key !== 'review' && p.key !== 'suit')) continue;
        if (OTHER_SCOPE.test(clauseAround(n, start))) continue;
        if (p.none) {
          const [s, e] = sourceSpan(n, start, end, text);
          out.push({ key: p.key, value: 0, range: map.rangeOf(s, e), digits: false, phrase: m[0] });
        } else {
          const num = m[1]!;
          const value = chineseNumber(num);
          if (value === null) continue;
          const numAt = start + m[0].lastIndexOf(num, m[0].length - 1);
          const [s, e] = sourceSpan(n, numAt, numAt + num.length, text);
          out.push({ key: p.key, value, range: map.rangeOf(s, e), digits: /^\d+$/.test(num), phrase: m[0] });
        }
        taken.push([start, end]);
      }
    }
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return out;
}
