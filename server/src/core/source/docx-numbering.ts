/**
 * Word's automatic list numbering (word/numbering.xml): the 一、 （一） 1. that Word draws before a paragraph
 * whose number is not typed but kept as a list. Without it a heading reads 总体情况 where the clerk sees
 * 一、总体情况. A paragraph names its list directly (`w:numPr`: `w:numId`, `w:ilvl`) or through its style
 * (styles.xml, `w:basedOn` followed). Counters run per abstract list; a list instance's `w:startOverride`
 * restarts a level the first time the instance is used; a level restarts when a level above it advances. A
 * list defined by a list style (Word's multilevel lists linked to headings: `w:numStyleLink`) is followed
 * to the list that holds its levels.
 * Bullets are decoration and give nothing.
 */
import { walk } from './xml';

interface Level {
  start: number;
  fmt: string;
  text: string;
  suff: string;
  legal: boolean;
}
interface Instance {
  abstractId: string;
  starts: Map<number, number>;
  levels: Map<number, Level>;
  used: boolean;
}
interface StyleNumbering {
  numId?: string;
  ilvl?: number;
  basedOn?: string;
}

/** Levels a list has (w:ilvl 0–8) and how far `basedOn` chains are followed. */
const MAX_LEVEL = 8;
const MAX_STYLE_CHAIN = 16;

const val = (a: Record<string, string>): string | undefined => a['w:val'] ?? a.val;
const int = (s: string | undefined): number | undefined => {
  const n = parseInt(s ?? '', 10);
  return Number.isFinite(n) ? n : undefined;
};

/** Digits written one by one (一〇五), and in counting, where a zero inside is 零 (一百零五). */
const CN_DIGITS = '〇一二三四五六七八九';
const COUNT_DIGITS = '零一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
/** A number in Chinese counting (一 … 十 … 九千九百九十九); beyond that in digits. */
function chinese(n: number, digits = COUNT_DIGITS, units = ['', '十', '百', '千']): string {
  if (n <= 0 || n > 9999) return String(n);
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i]!;
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += digits[0];
    zero = false;
    // 十一, not 一十一 (but 一百一十一)
    out += (d === 1 && unit === units[1] && out === '' ? '' : digits[d]) + unit;
  });
  return out;
}
const letters = (n: number, base: string): string => {
  if (n <= 0) return String(n);
  const ch = base[(n - 1) % 26]!;
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
};
function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}
const from = (list: string, n: number) => (n >= 1 && n <= [...list].length ? [...list][n - 1]! : String(n));

/** A counter's value written in a level's `w:numFmt`. */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting': case 'chineseCountingThousand': case 'japaneseCounting': case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand': case 'koreanCounting':
      return chinese(n);
    case 'chineseLegalSimplified': case 'ideographLegalTraditional': case 'japaneseLegal':
      return chinese(n, LEGAL_DIGITS, ['', '拾', '佰', '仟']);
    case 'ideographDigital': case 'taiwaneseDigital': case 'japaneseDigitalTenThousand':
      return String(n).split('').map((d) => CN_DIGITS[Number(d)]).join('');
    case 'ideographTraditional': return from('甲乙丙丁戊己庚辛壬癸', n);
    case 'ideographZodiac': return from('子丑寅卯辰巳午未申酉戌亥', n);
    case 'decimalFullWidth': case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese': case 'ideographEnclosedCircle':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedFullstop': return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'decimalEnclosedParen': return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'upperLetter': return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerLetter': return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'upperRoman': return roman(n);
    case 'lowerRoman': return roman(n).toLowerCase();
    case 'none': return '';
    default: return String(n);
  }
}

/** What ends a number written before its text with no gap (Chinese punctuation, a bracket). */
const CLOSED = /[、。．，）)】］\]\s]$/;

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  /** An abstract list defined by a list style (`w:numStyleLink`): the style whose list holds its levels. */
  private readonly links = new Map<string, string>();
  private readonly instances = new Map<string, Instance>();
  private readonly styles = new Map<string, StyleNumbering>();
  private readonly counters = new Map<string, (number | undefined)[]>();

  /** Reads numbering.xml and styles.xml (either may be missing). */
  static async read(numberingXml: string | undefined, stylesXml: string | undefined): Promise<Numbering | undefined> {
    if (!numberingXml) return undefined;
    const n = new Numbering();
    await n.readNumbering(numberingXml);
    if (stylesXml) await n.readStyles(stylesXml);
    return n.instances.size ? n : undefined;
  }

  private async readNumbering(xml: string): Promise<void> {
    let abstract: Map<number, Level> | undefined;
    let abstractId = '';
    let instance: Instance | undefined;
    let override: number | undefined;
    let level: Level | undefined;
    let depth = 0; // inside a level's w:pPr/w:rPr
    await walk(xml, {
      open: (name, a) => {
        if (depth > 0 || name === 'w:pPr' || name === 'w:rPr') {
          depth++;
          return;
        }
        switch (name) {
          case 'w:abstractNum':
            abstract = new Map();
            abstractId = a['w:abstractNumId'] ?? '';
            this.abstracts.set(abstractId, abstract);
            return;
          case 'w:numStyleLink':
            if (abstract && val(a)) this.links.set(abstractId, val(a)!);
            return;
          case 'w:num':
            instance = { abstractId: '', starts: new Map(), levels: new Map(), used: false };
            this.instances.set(a['w:numId'] ?? '', instance);
            return;
          case 'w:abstractNumId':
            if (instance) instance.abstractId = val(a) ?? '';
            return;
          case 'w:lvlOverride':
            override = int(a['w:ilvl']);
            return;
          case 'w:startOverride':
            if (instance && override !== undefined) instance.starts.set(override, int(val(a)) ?? 0);
            return;
          case 'w:lvl': {
            const ilvl = int(a['w:ilvl']) ?? 0;
            if (ilvl < 0 || ilvl > MAX_LEVEL) return;
            level = { start: 0, fmt: 'decimal', text: '', suff: 'tab', legal: false };
            if (instance && override !== undefined) instance.levels.set(override, level);
            else abstract?.set(ilvl, level);
            return;
          }
        }
        if (!level) return;
        if (name === 'w:start') level.start = int(val(a)) ?? 0;
        else if (name === 'w:numFmt') level.fmt = val(a) ?? 'decimal';
        else if (name === 'w:lvlText') level.text = val(a) ?? '';
        else if (name === 'w:suff') level.suff = val(a) ?? 'tab';
        else if (name === 'w:isLgl') level.legal = val(a) !== '0' && val(a) !== 'false';
      },
      close: (name) => {
        if (depth > 0) {
          depth--;
          return;
        }
        if (name === 'w:lvl') level = undefined;
        else if (name === 'w:lvlOverride') override = undefined;
        else if (name === 'w:abstractNum') abstract = undefined;
        else if (name === 'w:num') instance = undefined;
      },
      text: () => {},
    }, true);
  }

  private async readStyles(xml: string): Promise<void> {
    let style: StyleNumbering | undefined;
    let inPPr = 0;
    let inRPr = 0;
    await walk(xml, {
      open: (name, a) => {
        if (name === 'w:style') {
          // Paragraph styles, and list styles (which a numStyleLink names).
          style = a['w:type'] === 'paragraph' || a['w:type'] === 'numbering' ? {} : undefined;
          if (style) this.styles.set(a['w:styleId'] ?? '', style);
        } else if (name === 'w:pPr') inPPr++;
        else if (name === 'w:rPr') inRPr++;
        else if (style && name === 'w:basedOn') style.basedOn = val(a);
        else if (style && inPPr > 0 && inRPr === 0 && name === 'w:numId') style.numId = val(a);
        else if (style && inPPr > 0 && inRPr === 0 && name === 'w:ilvl') style.ilvl = int(val(a));
      },
      close: (name) => {
        if (name === 'w:style') style = undefined;
        else if (name === 'w:pPr') inPPr = Math.max(0, inPPr - 1);
        else if (name === 'w:rPr') inRPr = Math.max(0, inRPr - 1);
      },
      text: () => {},
    }, true);
  }

  /** The list a paragraph is in: its own w:numPr, else its style's (followed through w:basedOn). */
  private resolve(numId: string | undefined, ilvl: number | undefined, styleId: string | undefined): { numId?: string; ilvl: number } {
    let id = numId;
    let lvl = ilvl;
    let s = styleId ? this.styles.get(styleId) : undefined;
    for (let k = 0; s && k < MAX_STYLE_CHAIN && (id === undefined || lvl === undefined); k++) {
      id ??= s.numId;
      lvl ??= s.ilvl;
      s = s.basedOn ? this.styles.get(s.basedOn) : undefined;
    }
    return { ...(id !== undefined ? { numId: id } : {}), ilvl: Math.max(0, Math.min(MAX_LEVEL, lvl ?? 0)) };
  }

  /** The abstract list that holds the levels: through list styles (numStyleLink → style → its list). */
  private linked(abstractId: string): string {
    let id = abstractId;
    for (let k = 0; k < MAX_STYLE_CHAIN; k++) {
      const style = this.links.get(id);
      const numId = style ? this.styles.get(style)?.numId : undefined;
      const target = numId ? this.instances.get(numId)?.abstractId : undefined;
      if (target === undefined || target === id) break;
      id = target;
    }
    return id;
  }

  /**
   * The number Word draws before the next paragraph with these properties (advancing its list's counter),
   * with what separates it from the text; '' when the paragraph is not numbered or is a bullet.
   */
  next(numId: string | undefined, ilvl: number | undefined, styleId: string | undefined): string {
    const r = this.resolve(numId, ilvl, styleId);
    if (r.numId === undefined || r.numId === '0') return '';
    const inst = this.instances.get(r.numId);
    if (!inst) return '';
    const absId = this.linked(inst.abstractId);
    const abs = this.abstracts.get(absId);
    if (!abs) return '';
    const levelOf = (k: number): Level | undefined => inst.levels.get(k) ?? abs.get(k);
    const lvl = levelOf(r.ilvl);
    if (!lvl || lvl.fmt === 'bullet') return '';
    const counts = this.counters.get(absId) ?? [];
    this.counters.set(absId, counts);
    const startOf = (k: number) => inst.starts.get(k) ?? levelOf(k)?.start ?? 0;
    if (!inst.used) {
      inst.used = true;
      for (const k of inst.starts.keys()) counts[k] = undefined;
    }
    counts[r.ilvl] = counts[r.ilvl] === undefined ? startOf(r.ilvl) : counts[r.ilvl]! + 1;
    for (let k = r.ilvl + 1; k <= MAX_LEVEL; k++) counts[k] = undefined;
    const label = lvl.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const n = counts[k] ?? startOf(k);
      return formatNumber(n, lvl.legal ? 'decimal' : (levelOf(k)?.fmt ?? 'decimal'));
    });
    if (!label) return '';
    if (lvl.suff === 'nothing' || CLOSED.test(label)) return label;
    return `${label} `;
  }
}
