/**
 * How rows, columns, tables and sections are named in messages, in both languages, from the format data.
 */
import {
  APPEALS_COLUMNS, APPEALS_GROUPS, type Edition, PROACTIVE, REQUEST_COLUMNS, REQUEST_GROUPS, REQUEST_ROWS,
  SECTIONS, TABLE_NAMES, type TableKey,
} from '../format/spec';
import type { Locale } from './types';

const short = (label: string) => label.replace(/（[^）]*）$/, '');

/**
 * Names asked for again and again (every finding names its row and column, in both languages), answered once
 * from the format data and then from here. The names are few: the keys of the three tables' rows and columns.
 */
const named = new Map<string, string>();
const NAMED_LIMIT = 4096;

function remembered(kind: string, table: TableKey, key: string, locale: Locale, edition: Edition, name: () => string): string {
  const k = `${kind}|${table}|${key}|${locale}|${edition}`;
  let v = named.get(k);
  if (v === undefined) {
    v = name();
    if (named.size >= NAMED_LIMIT) named.clear();
    named.set(k, v);
  }
  return v;
}

/** 一、本年新收政府信息公开申请数量; （二）部分公开; 不予公开 1.属于国家秘密. */
export function rowName(table: TableKey, key: string, locale: Locale, edition: Edition = '2021'): string {
  return remembered('row', table, key, locale, edition, () => findRowName(table, key, locale, edition));
}

function findRowName(table: TableKey, key: string, locale: Locale, edition: Edition): string {
  if (table === 'requests') {
    const spec = REQUEST_ROWS[edition].find((r) => r.key === key) ?? REQUEST_ROWS['2021'].find((r) => r.key === key)
      ?? REQUEST_ROWS['2019'].find((r) => r.key === key);
    if (!spec) return key;
    const group = spec.group && spec.group !== 'results' ? REQUEST_GROUPS.find((g) => g.key === spec.group) : undefined;
    if (locale === 'en') return group ? `${group.en}: ${spec.en}` : spec.en;
    const own = `${spec.numbering}${short(spec.label)}`;
    return group ? `${group.numbering}${group.label} ${own}` : own;
  }
  if (table === 'proactive') {
    for (const ed of [edition, '2021', '2019'] as Edition[]) {
      for (const b of PROACTIVE[ed]) {
        const row = b.rows.find((r) => r.key === key);
        if (row) return locale === 'en' ? row.en : row.label;
      }
    }
    return key;
  }
  return locale === 'en' ? 'data row' : '数据行';
}

export function columnName(table: TableKey, key: string, locale: Locale, edition: Edition = '2021'): string {
  return remembered('column', table, key, locale, edition, () => findColumnName(table, key, locale, edition));
}

function findColumnName(table: TableKey, key: string, locale: Locale, edition: Edition): string {
  if (table === 'requests') {
    const c = REQUEST_COLUMNS.find((x) => x.key === key);
    return c ? (locale === 'en' ? c.en : c.label) : key;
  }
  if (table === 'appeals') {
    const c = APPEALS_COLUMNS.find((x) => x.key === key);
    const g = APPEALS_GROUPS.find((x) => x.key === c?.group);
    if (!c || !g) return key;
    return locale === 'en' ? `${g.en}: ${c.en}` : `${g.label}“${c.label}”`;
  }
  for (const ed of [edition, '2021', '2019'] as Edition[]) {
    for (const b of PROACTIVE[ed]) {
      const c = b.columns.find((x) => x.key === key);
      if (c) return locale === 'en' ? c.en : c.label;
    }
  }
  return key;
}

export function tableName(table: TableKey, locale: Locale): string {
  const n = TABLE_NAMES[table];
  return locale === 'en' ? n.en : n.zh;
}

export function sectionName(n: number, locale: Locale): string {
  const s = SECTIONS.find((x) => x.number === n);
  if (!s) return String(n);
  return locale === 'en' ? `section ${n} (${s.en})` : `${s.numeral}、${s.title}`;
}

/** “…” in Chinese, "…" in English. */
export function q(text: string, locale: Locale): string {
  return locale === 'en' ? `"${text}"` : `“${text}”`;
}

/**
 * Several rows of a table named compactly: items of one group become a range
 * (（五）不予处理 1–5), other rows keep their names.
 */
export function rowList(table: TableKey, keys: string[], locale: Locale, edition: Edition = '2021'): string[] {
  if (table !== 'requests') return keys.map((k) => rowName(table, k, locale, edition));
  const out: string[] = [];
  let i = 0;
  while (i < keys.length) {
    const m = /^(denied|unable|rejected|other)\.(\d+)$/.exec(keys[i]!);
    if (!m) {
      out.push(rowName(table, keys[i]!, locale, edition));
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < keys.length && keys[j + 1]!.startsWith(`${m[1]}.`) && Number(keys[j + 1]!.split('.')[1]) === Number(keys[j]!.split('.')[1]) + 1) j++;
    if (j === i) out.push(rowName(table, keys[i]!, locale, edition));
    else {
      const g = REQUEST_GROUPS.find((x) => x.key === m[1])!;
      const last = keys[j]!.split('.')[1];
      out.push(locale === 'en' ? `${g.en} ${m[2]}–${last}` : `${g.numbering}${g.label} ${m[2]}–${last}`);
    }
    i = j + 1;
  }
  return out;
}
