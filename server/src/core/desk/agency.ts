/**
 * Which agency a report is by, compared the way a reviewer reads names: `宝山区 七星街道办事处`,
 * `上海市宝山区七星街道办事处` and `七星街道办事处` are one agency when nothing else in the folder is called so;
 * `人民政府` and `政府`, `办公室` and `办`, full- and half-width brackets are the same words. Pairing a report with
 * last year's and a roster entry with its report both go through here.
 */
import { normalize } from '../text/normalize';

/** Words written in long and short form; the short form is the key. */
const SYNONYMS: readonly [RegExp, string][] = [
  [/人民政府/g, '政府'],
  [/管理委员会/g, '管委'],
  [/委员会/g, '委'],
  [/办事处/g, '办'],
  [/办公室/g, '办'],
];

/** A place name in front of an agency: 省, 市, 自治区, 区, 县, 旗, 镇, 乡. */
const PLACE_PREFIX = /^[\u4e00-\u9fff]{1,8}?(?:特别行政区|自治区|自治州|自治县|省|市|州|盟|区|县|旗)/;

/** Leading words that are not part of the name (中共 is kept: 中共…委员会 is another body). */
const NOISE = /[\s·•・,，、.。:：;；'"“”‘’()（）[\]【】〔〕<>《》_\-—–]/g;

/** The agency's name as a comparison key: normalised, punctuation and spaces gone, long words shortened. */
export function agencyKey(name: string): string {
  let k = normalize(name).replace(NOISE, '');
  // Title words that slip into the agency when the title is split oddly.
  k = k.replace(/(?:关于)?(?:(?:19|20)\d{2}年度?)?政府信息公开(?:工作)?(?:年度)?(?:报告|年报)?$/, '');
  for (const [re, short] of SYNONYMS) k = k.replace(re, short);
  return k;
}

/** The key without the place names in front of it, for names written with more or fewer levels of place. */
function stripPlaces(key: string): string[] {
  const out: string[] = [];
  let k = key;
  for (let i = 0; i < 3; i++) {
    const m = PLACE_PREFIX.exec(k);
    if (!m || m[0].length >= k.length - 1) break;
    k = k.slice(m[0].length);
    out.push(k);
  }
  return out;
}

/**
 * Whether two names are one agency: the same key, or one is the other with place names in front
 * (`上海市宝山区七星街道办` and `七星街道办`), never a bare word like `政府办` of `某区政府办`.
 */
export function sameAgency(a: string, b: string): boolean {
  const ka = agencyKey(a);
  const kb = agencyKey(b);
  if (!ka || !kb) return false;
  if (ka === kb) return true;
  const [long, short] = ka.length >= kb.length ? [ka, kb] : [kb, ka];
  return short.length >= MIN_STRIPPED && stripPlaces(long).includes(short);
}

/** A name left after removing places must still say which agency it is (七星街道办, not 办). */
const MIN_STRIPPED = 4;

/**
 * Names of many reports, looked up by agency: the one entry with the same key; else the one entry that is
 * the same name with more or fewer place names in front. Two or more that fit equally well match none (a
 * guess would pair the wrong reports). Lookups are map reads, so pairing thousands of reports stays linear.
 */
export class AgencyIndex<T> {
  private readonly exact = new Map<string, T[]>();
  /** Entries under their keys with place names removed. */
  private readonly stripped = new Map<string, T[]>();

  add(name: string | null, item: T): void {
    if (!name) return;
    const key = agencyKey(name);
    if (!key) return;
    push(this.exact, key, item);
    for (const s of stripPlaces(key)) if (s.length >= MIN_STRIPPED) push(this.stripped, s, item);
  }

  find(name: string | null): T | undefined {
    if (!name) return undefined;
    const key = agencyKey(name);
    if (!key) return undefined;
    const exact = this.exact.get(key);
    if (exact) return exact.length === 1 ? exact[0] : undefined;
    const near = new Set<T>(this.stripped.get(key) ?? []);
    for (const s of stripPlaces(key)) if (s.length >= MIN_STRIPPED) for (const x of this.exact.get(s) ?? []) near.add(x);
    return near.size === 1 ? near.values().next().value : undefined;
  }
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(item)) list.push(item);
  } else map.set(key, [item]);
}
