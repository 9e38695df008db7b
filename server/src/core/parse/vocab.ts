/**
 * The vocabulary of the three tables, built from the format data: every caption, header, row label and group
 * label, with the table and role it belongs to. A label written in a report is looked up here: first exactly
 * (after normalisation, which absorbs spaces, bracket widths and numbering styles), then by similarity.
 */
import {
  APPEALS_COLUMNS, APPEALS_GROUPS, APPEALS_HEADER_WORDS, type Edition, PROACTIVE, PROACTIVE_CONTENT_HEADER,
  REQUEST_COLUMNS, REQUEST_GROUPS, REQUEST_HEADER_GROUPS, REQUEST_ROWS, type TableKey,
} from '../format/spec';
import { TextMemo } from '../text/memo';
import { labelKey, normalize } from '../text/normalize';
import { similarity } from '../text/similarity';

export type Role = 'caption' | 'contentHeader' | 'column' | 'headerGroup' | 'row' | 'group' | 'corner';

export interface VocabEntry {
  table: TableKey;
  role: Role;
  /** Row key, column key, group key, or the block's item number for captions. */
  key: string;
  /** Editions the entry belongs to. */
  editions: Edition[];
  /** The canonical label. */
  label: string;
  /** Normalised key of this spelling. */
  norm: string;
  /** Numbering of the canonical label, normalised: 一、 (一) 1. */
  numbering: string;
  /** True for an accepted variant spelling that is not the canonical label. */
  variant: boolean;
}

export interface VocabMatch {
  entry: VocabEntry;
  score: number;
}

const entries: VocabEntry[] = [];

function add(table: TableKey, role: Role, key: string, editions: Edition[], label: string, variants: string[] = [], numbering = ''): void {
  const spellings = [label, ...variants];
  spellings.forEach((spelling, i) => {
    const norm = labelKey(normalize(spelling)).key;
    const existing = entries.find((e) => e.table === table && e.role === role && e.key === key && e.norm === norm);
    if (existing) {
      for (const ed of editions) if (!existing.editions.includes(ed)) existing.editions.push(ed);
      return;
    }
    entries.push({
      table, role, key, editions: [...editions], label, norm,
      numbering: numbering ? labelKey(normalize(numbering)).numbering : '', variant: i > 0,
    });
  });
}

for (const edition of ['2021', '2019'] as Edition[]) {
  for (const block of PROACTIVE[edition]) {
    add('proactive', 'caption', String(block.item), [edition], block.caption);
    for (const c of block.columns) add('proactive', 'column', c.key, [edition], c.label, c.variants ?? []);
    for (const row of block.rows) add('proactive', 'row', row.key, [edition], row.label, row.variants ?? []);
  }
  for (const row of REQUEST_ROWS[edition]) add('requests', 'row', row.key, [edition], row.label, row.variants ?? [], row.numbering);
}
add('proactive', 'contentHeader', 'content', ['2021', '2019'], PROACTIVE_CONTENT_HEADER);
for (const c of REQUEST_COLUMNS) add('requests', 'column', c.key, ['2021', '2019'], c.label, c.variants ?? []);
for (const g of REQUEST_HEADER_GROUPS) add('requests', 'headerGroup', g, ['2021', '2019'], g);
for (const g of REQUEST_GROUPS) {
  // In 2019 （六）其他处理 is a row; in 2021 a group. Both entries exist; the table reader decides.
  add('requests', 'group', g.key, g.key === 'other' ? ['2021'] : ['2021', '2019'], g.label, [], g.numbering);
}
for (const w of APPEALS_HEADER_WORDS) add('appeals', 'headerGroup', w, ['2021', '2019'], w);
for (const c of APPEALS_COLUMNS) add('appeals', 'column', c.outcome, ['2021', '2019'], c.label);
void APPEALS_GROUPS;

export const VOCABULARY: readonly VocabEntry[] = entries;

const exact = new Map<string, VocabEntry[]>();
for (const e of entries) {
  const list = exact.get(e.norm) ?? [];
  list.push(e);
  exact.set(e.norm, list);
}

/**
 * The bigrams of the entries' keys (similarity.ts's `bigrams`: each pair of UTF-16 units, or a key of one unit
 * alone), numbered: a key's bigrams are read from its characters by number, without a substring built and
 * hashed for each. Each unit that occurs in some entry's key has a number from 1 (CHAR_ID; 0: in none, so no
 * bigram with it is any entry's); a bigram is numbered `first * GRAM_BASE + second`, a lone unit `first *
 * GRAM_BASE`. GRAM_INDEX lists, for each numbered bigram, the indexes in `entries` of the entries whose key
 * has it (once each, in the entries' order).
 */
const CHAR_ID = new Uint16Array(0x10000);
let charCount = 0;
for (const e of entries) for (let i = 0; i < e.norm.length; i++) CHAR_ID[e.norm.charCodeAt(i)] ||= ++charCount;
const GRAM_BASE = charCount + 1;
const GRAM_INDEX = new Map<number, number[]>();

/** The number of the bigram of `s` at `i` (of `s` alone when it is one unit long); 0 when no entry has it. */
function gramAt(s: string, i: number): number {
  const a = CHAR_ID[s.charCodeAt(i)]!;
  if (s.length === 1) return a * GRAM_BASE;
  const b = CHAR_ID[s.charCodeAt(i + 1)]!;
  return a === 0 || b === 0 ? 0 : a * GRAM_BASE + b;
}

for (let k = 0; k < entries.length; k++) {
  const norm = entries[k]!.norm;
  const grams = Math.max(norm.length - 1, norm.length === 1 ? 1 : 0);
  for (let i = 0; i < grams; i++) {
    const g = gramAt(norm, i);
    const list = GRAM_INDEX.get(g) ?? [];
    if (list[list.length - 1] !== k) list.push(k);
    GRAM_INDEX.set(g, list);
  }
}

/** Bigrams shared with the key being matched, per entry (zeroed again after each key), and the entries met, in order. */
const shared = new Int32Array(entries.length);

/**
 * A key's matches, computed once: all of them (scores ≥ 0.5), and the two views the readers ask for most, so
 * that asking again builds nothing.
 */
interface Looked {
  all: VocabMatch[];
  /** Scores ≥ FRAGMENT_MIN and ≥ VOCAB_MIN: prefixes of `all` (the same array when nothing is cut). */
  fragment: VocabMatch[];
  vocab: VocabMatch[];
}

/** The scores readers ask for most: a label's matches worth keeping (0.6), and a label that is vocabulary (0.75). */
const FRAGMENT_MIN = 0.6;
const VOCAB_MIN = 0.75;

const MEMO_LIMIT = 20000;
const MEMO_KEY = 200;
const memo = new TextMemo(lookedAfresh, MEMO_LIMIT, MEMO_KEY);
const NONE: VocabMatch[] = Object.freeze([]) as unknown as VocabMatch[];

/** The corner cell of T3 is long prose; recognise it by its unique words. */
function isCorner(norm: string): boolean {
  return norm.includes('勾稽') || (norm.includes('第一项加第二项') && norm.includes('第三项'));
}

/** Sorted best first: the whole list when its last entry passes (no copy), else the passing prefix. */
function atLeast(result: VocabMatch[], min: number): VocabMatch[] {
  if (min <= 0.5 || result.length === 0 || result[result.length - 1]!.score >= min) return result;
  let n = 0;
  while (n < result.length && result[n]!.score >= min) n++;
  return result.slice(0, n);
}

function lookedAfresh(key: string): Looked {
  const all = compute(key);
  return { all, fragment: atLeast(all, FRAGMENT_MIN), vocab: atLeast(all, VOCAB_MIN) };
}

function looked(key: string): Looked {
  return memo.get(key);
}

/**
 * All vocabulary entries a normalised label key may be, best first, with scores ≥ `min`.
 * Exact matches score 1; others score by similarity. The list returned is shared: read it, never change it.
 */
export function lookup(key: string, min = FRAGMENT_MIN): VocabMatch[] {
  if (key.length === 0) return NONE;
  const r = looked(key);
  if (min === FRAGMENT_MIN) return r.fragment;
  if (min === VOCAB_MIN) return r.vocab;
  return atLeast(r.all, min);
}

/** Whether a label key is table vocabulary: a match scoring ≥ 0.75. */
export function isVocabKey(key: string): boolean {
  return key.length > 0 && looked(key).vocab.length > 0;
}

/** Whether a label key may be a row label of some table: a row among its matches scoring ≥ 0.75. */
export function mayBeRow(key: string): boolean {
  if (key.length === 0) return false;
  for (const m of looked(key).vocab) if (m.entry.role === 'row') return true;
  return false;
}

function compute(key: string): VocabMatch[] {
  if (isCorner(key)) {
    return [{ entry: { table: 'requests', role: 'corner', key: 'corner', editions: ['2021', '2019'], label: '', norm: key, numbering: '', variant: false }, score: 1 }];
  }
  const hits = exact.get(key);
  const out: VocabMatch[] = hits ? hits.map((entry) => ({ entry, score: 1 })) : [];
  if (key.length > 60) return out;
  // Fuzzy: entries sharing at least a quarter of the bigrams (counted with the key's repeats), taken in the
  // order first met.
  const grams = key.length <= 1 ? key.length : key.length - 1;
  const met: number[] = [];
  for (let i = 0; i < grams; i++) {
    const list = GRAM_INDEX.get(gramAt(key, i));
    if (list === undefined) continue;
    for (let j = 0; j < list.length; j++) {
      const k = list[j]!;
      if (shared[k]++ === 0) met.push(k);
    }
  }
  for (let j = 0; j < met.length; j++) {
    const k = met[j]!;
    const n = shared[k]!;
    shared[k] = 0;
    const e = entries[k]!;
    if (hits?.includes(e)) continue;
    const possible = (2 * (n + 1)) / (grams + Math.max(1, e.norm.length - 1));
    if (possible < 0.5) continue;
    const score = similarity(key, e.norm);
    if (score >= 0.5) out.push({ entry: e, score: Math.min(score, 0.99) });
  }
  out.sort((a, b) => b.score - a.score);
  return out;
}

/** Best match restricted to a table and roles. */
export function best(matches: VocabMatch[], table?: TableKey, roles?: Role[], edition?: Edition): VocabMatch | undefined {
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!;
    if (table && m.entry.table !== table) continue;
    if (roles && !roles.includes(m.entry.role)) continue;
    if (edition && !m.entry.editions.includes(edition)) continue;
    return m;
  }
  return undefined;
}

/** Canonical entries by table, role and key: the first for each edition, and the first of all (''). */
interface ByEdition {
  '2021'?: VocabEntry;
  '2019'?: VocabEntry;
  any?: VocabEntry;
}
const canonical = new Map<string, Map<string, Map<string, ByEdition>>>();
for (const e of entries) {
  if (e.variant) continue;
  const byRole = canonical.get(e.table) ?? new Map<string, Map<string, ByEdition>>();
  canonical.set(e.table, byRole);
  const byKey = byRole.get(e.role) ?? new Map<string, ByEdition>();
  byRole.set(e.role, byKey);
  const slot = byKey.get(e.key) ?? {};
  byKey.set(e.key, slot);
  for (const ed of e.editions) slot[ed] ??= e;
  slot.any ??= e;
}

/** Looked up by nested maps: no key string built per call (the table reader asks for every row it names). */
export function canonicalEntry(table: TableKey, role: Role, key: string, edition?: Edition): VocabEntry | undefined {
  const slot = canonical.get(table)?.get(role)?.get(key);
  if (slot === undefined) return undefined;
  return edition ? slot[edition] : slot.any;
}
