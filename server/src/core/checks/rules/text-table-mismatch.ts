import { APPEALS_COLUMNS, APPLICANT_COLUMNS, type Edition, proseTarget, REQUEST_COLUMNS, REQUEST_GROUPS } from '../../format/spec';
import type { Cell, ProseNumber, ReportModel, Table } from '../../model';
import { replace } from '../edits';
import { columnName, rowName } from '../names';
import { sumsOf } from '../sums';
import type { Bilingual, Check, CheckContext, Locale, RawFinding } from '../types';
import { confident, n } from '../util';

/** A cell's value: as written, or as the table's own sums say it should be. */
type Value = (cell: Cell) => number | null;

const asWritten: Value = (c) => c.value;

/** Where each column of T3 is, and its 总计. */
const REQUEST_COLUMN_INDEX = new Map<string, number>();
REQUEST_COLUMNS.forEach((c, i) => { if (!REQUEST_COLUMN_INDEX.has(c.key)) REQUEST_COLUMN_INDEX.set(c.key, i); });
const TOTAL_COLUMN = REQUEST_COLUMN_INDEX.get('total') ?? -1;

/**
 * A row's 总计, or the sum of its applicant columns when the table has no 总计 column; with `applicant`, the
 * sum of the columns of those who applied (自然人, 法人或其他组织 …).
 */
function rowTotal(t: Table, key: string, val: Value, applicant?: string): number | null {
  const row = t.rows.get(key);
  if (!row) return null;
  if (applicant) return applicantValue(t, row.cells, applicant, val);
  const ti = TOTAL_COLUMN;
  if (t.columns[ti]!.present) return val(row.cells[ti]!);
  let s = 0;
  for (let i = 0; i < ti; i++) {
    if (!t.columns[i]!.present) continue;
    const v = val(row.cells[i]!);
    if (v === null) return null;
    s += v;
  }
  return s;
}

/** The cells of a row's columns for those who applied; none when a column is not in the table. */
function applicantCells(t: Table, cells: Cell[], applicant: string): Cell[] {
  const columns = APPLICANT_COLUMNS[applicant]?.columns ?? [];
  const out: Cell[] = [];
  for (const key of columns) {
    const i = REQUEST_COLUMN_INDEX.get(key) ?? -1;
    if (i < 0 || !t.columns[i]?.present) return [];
    out.push(cells[i]!);
  }
  return out;
}

/** The sum of a row's columns for those who applied; null when one is blank or not in the table. */
function applicantValue(t: Table, cells: Cell[], applicant: string, val: Value): number | null {
  const picked = applicantCells(t, cells, applicant);
  if (picked.length === 0) return null;
  let s = 0;
  for (const c of picked) {
    const v = val(c);
    if (v === null) return null;
    s += v;
  }
  return s;
}

/** A T3 row, or the sum of a group's rows (`denied` = denied.1 … denied.8). */
function groupTotal(t: Table, prefix: string, val: Value, applicant?: string): number | null {
  const item = `${prefix}.`;
  let found = false;
  let s = 0;
  for (const k of t.rows.keys()) {
    if (k !== prefix && !k.startsWith(item)) continue;
    found = true;
    const v = rowTotal(t, k, val, applicant);
    if (v === null) return null;
    s += v;
  }
  return found ? s : null;
}

/**
 * A scope's value: the sum of its terms (a `-term` subtracted), null when a term is missing or blank; in T3,
 * with `applicant`, in the columns of those who applied.
 */
function scopeValue(t: Table, scope: string[], val: Value, applicant?: string): number | null {
  let s = 0;
  for (const term of scope) {
    const minus = term.startsWith('-');
    const key = minus ? term.slice(1) : term;
    let v: number | null;
    if (t.key === 'appeals') {
      const cell = t.rows.get('values')?.cells.find((c) => c.column === key);
      v = cell ? val(cell) : null;
    } else v = groupTotal(t, key, val, applicant);
    if (v === null) return null;
    s += minus ? -v : v;
  }
  return s;
}

/** How a term of a scope is named: “（三）不予公开”, 行政复议“结果纠正”. */
function termName(t: Table, key: string, locale: Locale, edition: Edition): string {
  if (t.key === 'appeals') return columnName('appeals', key, locale);
  const group = REQUEST_GROUPS.find((g) => g.key === key);
  if (group && !t.rows.has(key)) return locale === 'en' ? `"${group.en}"` : `“${group.numbering}${group.label}”`;
  const name = rowName('requests', key, locale, edition);
  return locale === 'en' ? `"${name}"` : `“${name}”`;
}

/** “（一）予以公开”与“（二）部分公开”之和; “（七）总计”减去“（五）不予处理”、“（六）其他处理”. */
function scopeName(t: Table, scope: string[], locale: Locale): string {
  // Both kinds of lawsuit: 行政诉讼“结果纠正”（直接起诉与复议后起诉之和）.
  const both = /^suitDirect\.(\w+)$/.exec(scope[0] ?? '');
  if (both && scope.length === 2 && scope[1] === `suitAfterReview.${both[1]}`) {
    const c = APPEALS_COLUMNS.find((x) => x.key === scope[0])!;
    return locale === 'en' ? `lawsuits: ${c.en} (both kinds)` : `行政诉讼“${c.label}”（直接起诉与复议后起诉之和）`;
  }
  const plus = scope.filter((s) => !s.startsWith('-')).map((s) => termName(t, s, locale, t.edition));
  const minus = scope.filter((s) => s.startsWith('-')).map((s) => termName(t, s.slice(1), locale, t.edition));
  if (locale === 'en') {
    const sum = plus.length > 1 ? `${plus.slice(0, -1).join(', ')} and ${plus[plus.length - 1]} together` : plus[0]!;
    return minus.length > 0 ? `${sum} less ${minus.join(' and ')}` : sum;
  }
  const sum = plus.length > 1 ? `${plus.slice(0, -1).join('、')}与${plus[plus.length - 1]}之和` : plus[0]!;
  return minus.length > 0 ? `${sum}减去${minus.join('、')}` : sum;
}

interface Target {
  table: Table;
  /** Alternative scopes, the first the one messages name. */
  scopes: string[][];
  /** Who applied (format/spec.ts `APPLICANT_COLUMNS`): the scopes are summed in their columns of T3. */
  applicant?: string;
}

/** The table quantities a prose key (and the keys counted with it) may equal; null when its table is not read. */
function targetOf(model: ReportModel, keys: string[], applicant?: string): Target | null {
  const targets = keys.map(proseTarget);
  if (targets.some((x) => !x) || targets.some((x) => x!.table !== targets[0]!.table)) return null;
  if (applicant && targets[0]!.table !== 'requests') return null;
  const table = confident(model, targets[0]!.table);
  if (!table) return null;
  // Several subjects counted together: their first scopes added up.
  const scopes = targets.length === 1 ? targets[0]!.scopes : [targets.flatMap((x) => x!.scopes[0]!)];
  return { table, scopes, ...(applicant ? { applicant } : {}) };
}

/** How a target's scope (its first by default) is named: “（七）总计”, or “一、本年新收…”的“自然人”列. */
function targetName(t: Target, locale: Locale, scope = t.scopes[0]!): string {
  const name = scopeName(t.table, scope, locale);
  const who = t.applicant ? APPLICANT_COLUMNS[t.applicant] : undefined;
  if (!who) return name;
  return locale === 'en' ? `${name} for ${who.en}` : `${name}的“${who.label}”${who.columns.length > 1 ? '各列之和' : '列'}`;
}

/** The cells a target's first scope reads when it is one row: its 总计 (or the applicants' columns), or a T4 cell. */
function targetCells(t: Target): Cell[] {
  const scope = t.scopes[0]!;
  if (scope.length !== 1) return [];
  if (t.table.key === 'appeals') {
    const cell = t.table.rows.get('values')?.cells.find((c) => c.column === scope[0]);
    return cell ? [cell] : [];
  }
  const row = t.table.rows.get(scope[0]!);
  if (!row) return [];
  if (t.applicant) return applicantCells(t.table, row.cells, t.applicant);
  const ti = TOTAL_COLUMN;
  return t.table.columns[ti]!.present ? [row.cells[ti]!] : [];
}

/** Whether a percentage written with `decimals` decimals is `ratio` rounded, or cut off, there. */
function sameShare(written: number, decimals: number, ratio: number): boolean {
  const unit = 10 ** -decimals;
  const eps = 1e-9;
  if (Math.abs(written - ratio) <= unit / 2 + eps) return true;
  return written <= ratio + eps && ratio - written < unit;
}

function percentText(v: number, decimals: number): string {
  return `${v.toFixed(decimals)}%`;
}

interface Share {
  ratio: number;
  num: number;
  den: number;
  numScope: string[];
  denScope: string[];
}

/** Every share the table gives for the prose's numerator over one of its bases. */
function sharesOf(t: Target, bases: Target[], val: Value): Share[] {
  const out: Share[] = [];
  for (const numScope of t.scopes) {
    const num = scopeValue(t.table, numScope, val, t.applicant);
    if (num === null) continue;
    for (const b of bases) {
      for (const denScope of b.scopes) {
        const den = scopeValue(b.table, denScope, val);
        if (den === null || den <= 0 || num > den) continue;
        out.push({ ratio: (100 * num) / den, num, den, numScope, denScope });
      }
    }
  }
  return out;
}

/** A suggestion says what it asserts: the table's figure, in place of the prose's. */
const FIX_TITLE = (from: string, to: string): Bilingual => ({ zh: `把正文的 ${from} 改为表中的 ${to}（请核实）`, en: `Change ${from} in the prose to the table's ${to} (please verify)` });

export const textTableMismatch: Check = {
  meta: {
    code: 'text-table-mismatch',
    defaultSeverity: 'warning',
    fixes: ['suggestion'],
    description: { zh: '正文中的数字与表格不一致（R8）', en: 'A number in the prose contradicts the table (R8)' },
    docs: {
      why: {
        zh: '总体情况中“收到政府信息公开申请 N 件”“办结 N 件”“其中予以公开 N 件”“行政复议 N 件”“公开率 N%”“其中自然人申请 N 件”等数字应与表格一致（申请人的数字与该行“自然人”列、“法人或其他组织”各列之和比较）。改了表格忘了改正文是最常见的矛盾。每个数字只与其所在分句所说的那一行（或几行之和、那一列）比较；主语不明、说的是别的事（信函、会议、上年、累计、下属单位等）或只是其中一部分时不比较。因正文统计口径可能不同，只作警告。',
        en: 'Figures stated in the prose (申请 N 件, 办结 N 件, 其中予以公开 N 件, 行政复议 N 件, 公开率 N%, 其中自然人申请 N 件) should agree with the tables (a count of applicants with the 自然人 column of its row, or the sum of its 法人或其他组织 columns); updating a table but not the text is the commonest contradiction. Each number is compared only with the row (or sum of rows, or column) its own clause speaks of; a number whose subject is unclear, that counts something else (letters, meetings, last year, cumulative totals, sub-agencies) or only a part is left alone. A warning, since the prose may count a different scope.',
      },
      example: '本年度共收到政府信息公开申请 12 件，其中予以公开 7 件……\n一、本年新收政府信息公开申请数量\t…\t9',
      fix: {
        zh: '建议修复（逐条提供，请核实）：把正文中的数字改为表格中的数字（正文写作“未收到”等文字时需手工修改）。若表格自身的合计不成立，以合计所要求的数为准：正文与之相符时不报；表格有疑问时不提供修复。',
        en: "A suggestion, offered one at a time (please verify): write the table's number into the prose (sentences saying 未收到 need editing by hand). When the table's own sums fail, the number they call for counts too: prose that agrees with it is not reported, and no fix is offered while the table is in doubt.",
      },
    },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    // Where the table's own sums fail, the value they call for: the prose may well agree with it, and a fix
    // must not copy a number into the prose that the sums say is wrong.
    const corrections = new Map<Cell, number>();
    for (const f of sumsOf(ctx.memo, ctx.model).findings) corrections.set(f.cell, f.expected);
    const corrected: Value = (c) => corrections.get(c) ?? c.value;
    const year = ctx.model.year;
    // A number read for several subjects (行政复议、行政诉讼各 2 件): a fix for one would break the others.
    const at = (p: ProseNumber) => `${p.range.start.line}:${p.range.start.character}`;
    const shared = new Map<string, number>();
    for (const p of ctx.model.prose) shared.set(at(p), (shared.get(at(p)) ?? 0) + 1);
    for (const p of ctx.model.prose) {
      // A sentence about another year (2020年收到…) is not this report's figure.
      if (p.year !== undefined && year !== null && p.year !== year) continue;
      const target = targetOf(ctx.model, [p.key, ...(p.plus ?? [])], p.applicant);
      if (!target) continue;
      const f = p.percent ? checkPercent(ctx, p, target, corrected, corrections.size > 0) : checkCount(ctx, p, target, corrected, corrections.size > 0);
      if (f && p.digits && shared.get(at(p))! > 1) delete f.fix;
      if (f) out.push(f);
    }
    return out;
  },
};

type Ctx = CheckContext;

/**
 * A sentence saying no request was received (未收到…申请) also contradicts results beyond the requests carried
 * in: those must have been received this year (R1), whatever the new-requests row says.
 */
const HANDLED_BEYOND_CARRIED_IN = ['total', '-carriedIn'];

function checkNoneReceived(ctx: Ctx, p: ProseNumber, t: Target): RawFinding | null {
  const beyond = scopeValue(t.table, HANDLED_BEYOND_CARRIED_IN, asWritten);
  if (beyond === null || beyond <= 0) return null;
  const total = scopeValue(t.table, ['total'], asWritten)!;
  const carriedIn = scopeValue(t.table, ['carriedIn'], asWritten)!;
  const totalName = { zh: scopeName(t.table, ['total'], 'zh'), en: scopeName(t.table, ['total'], 'en') };
  return {
    range: p.range,
    message: ctx.t({
      zh: `正文说“${p.phrase}”，但表中${totalName.zh}为 ${n(total)}，上年结转只有 ${n(carriedIn)}：本年应收到过申请`,
      en: `The prose says "${p.phrase}", but the table has ${totalName.en} = ${n(total)} with only ${n(carriedIn)} carried in: requests were received this year`,
    }),
    data: { key: p.key, prose: 0, table: beyond },
  };
}

function checkCount(ctx: Ctx, p: ProseNumber, t: Target, corrected: Value, disputedSums: boolean): RawFinding | null {
  const written = t.scopes.map((s) => scopeValue(t.table, s, asWritten, t.applicant));
  if (written[0] === null || written[0] === undefined) return null;
  if (written.includes(p.value)) return p.key === 'received' && p.value === 0 && !p.digits ? checkNoneReceived(ctx, p, t) : null;
  const bySums = disputedSums ? t.scopes.map((s) => scopeValue(t.table, s, corrected, t.applicant)) : written;
  if (bySums.includes(p.value)) return null;
  const table = written[0];
  const disputed = bySums[0] !== null && bySums[0] !== table;
  const what = { zh: targetName(t, 'zh'), en: targetName(t, 'en') };
  // The prose may count another scope (the new requests with those carried in): say each.
  const alts = t.scopes.slice(1).map((s, i) => ({ s, v: written[i + 1] })).filter((x) => x.v !== null && x.v !== table);
  const alt = alts.length === 0 ? '' : ctx.t({
    zh: `（${alts.map(({ s, v }) => (s.at(-1) === 'carriedIn' && s.length > 1 ? `连同上年结转为 ${n(v!)}` : `${scopeName(t.table, s, 'zh')}为 ${n(v!)}`)).join('，')}）`,
    en: ` (${alts.map(({ s, v }) => (s.at(-1) === 'carriedIn' && s.length > 1 ? `${n(v!)} with those carried in` : `${scopeName(t.table, s, 'en')} is ${n(v!)}`)).join('; ')})`,
  });
  const note = disputed
    ? ctx.t({ zh: `（表格本身的合计也不成立，按合计应为 ${n(bySums[0]!)}，请先核对表格）`, en: ` (the table's own sums do not hold and give ${n(bySums[0]!)}; check the table first)` })
    : '';
  const f: RawFinding = {
    range: p.range,
    message: (p.digits
      ? ctx.t({ zh: `正文“${p.phrase}”中的 ${n(p.value)} 与表格不一致：表中${what.zh}为 ${n(table)}`, en: `${n(p.value)} in "${p.phrase}" contradicts the table: ${what.en} is ${n(table)}` })
      : ctx.t({ zh: `正文说“${p.phrase}”，但表中${what.zh}为 ${n(table)}`, en: `The prose says "${p.phrase}", but the table has ${what.en} = ${n(table)}` })) + alt + note,
    data: {
      key: p.key, ...(p.plus ? { plus: p.plus } : {}), ...(t.applicant ? { applicant: t.applicant } : {}), prose: p.value, table,
      ...(disputed ? { bySums: bySums[0] } : {}),
    },
  };
  // Where the table says so: the cell, or the applicants' cells of the row.
  const cells = targetCells(t);
  if (cells.length > 0) {
    const raw = cells.map((c) => c.raw || '—').join(' + ');
    f.related = [{ range: { start: cells[0]!.range.start, end: cells[cells.length - 1]!.range.end }, message: ctx.t({ zh: `表中${what.zh}：${raw}`, en: `The table's ${what.en}: ${raw}` }) }];
  }
  if (p.digits && !disputed) f.fix = { title: ctx.t(FIX_TITLE(n(p.value), n(table))), kind: 'suggestion', edits: [replace(p.range, n(table))] };
  return f;
}

function checkPercent(ctx: Ctx, p: ProseNumber, t: Target, corrected: Value, disputedSums: boolean): RawFinding | null {
  const { of, decimals } = p.percent!;
  const bases = of.map((k) => targetOf(ctx.model, [k])).filter((b): b is Target => b !== null);
  const shares = sharesOf(t, bases, asWritten);
  if (shares.length === 0) return null;
  if (shares.some((s) => sameShare(p.value, decimals, s.ratio))) return null;
  const disputed = disputedSums && sharesOf(t, bases, corrected).some((s) => sameShare(p.value, decimals, s.ratio));
  if (disputed) return null;
  const first = shares[0]!;
  const numName = { zh: targetName(t, 'zh', first.numScope), en: targetName(t, 'en', first.numScope) };
  const b = bases.find((x) => x.scopes.includes(first.denScope))!;
  const denName = { zh: scopeName(b.table, first.denScope, 'zh'), en: scopeName(b.table, first.denScope, 'en') };
  const value = percentText(first.ratio, decimals);
  const written = `${p.value.toFixed(decimals)}%`;
  const f: RawFinding = {
    range: p.range,
    message: ctx.t({
      zh: `正文“${p.phrase}”中的 ${written} 与表格不一致：表中${numName.zh} ${n(first.num)} 占${denName.zh} ${n(first.den)} 的 ${value}`,
      en: `${written} in "${p.phrase}" contradicts the table: ${numName.en} (${n(first.num)}) is ${value} of ${denName.en} (${n(first.den)})`,
    }),
    data: { key: p.key, ...(p.plus ? { plus: p.plus } : {}), prose: p.value, percent: true, table: Number(first.ratio.toFixed(decimals)) },
  };
  // A fix only when every base the sentence may mean gives the same figure.
  const figures = new Set(shares.map((s) => s.ratio.toFixed(decimals)));
  if (figures.size === 1) f.fix = { title: ctx.t(FIX_TITLE(written, value)), kind: 'suggestion', edits: [replace(p.range, first.ratio.toFixed(decimals))] };
  return f;
}
