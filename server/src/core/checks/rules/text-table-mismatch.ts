import { REQUEST_COLUMNS } from '../../format/spec';
import type { Cell, ProseKey, ReportModel, Table } from '../../model';
import { replace } from '../edits';
import { rowName } from '../names';
import { sumsOf } from '../sums';
import type { Bilingual, Check, RawFinding } from '../types';
import { confident, n } from '../util';

/** A cell's value: as written, or as the table's own sums say it should be. */
type Value = (cell: Cell) => number | null;

const asWritten: Value = (c) => c.value;

/** A row's 总计, or the sum of its applicant columns when the table has no 总计 column. */
function rowTotal(t: Table, key: string, val: Value): number | null {
  const row = t.rows.get(key);
  if (!row) return null;
  const ti = REQUEST_COLUMNS.findIndex((c) => c.key === 'total');
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

function groupTotal(t: Table, prefix: string, val: Value): number | null {
  const keys = [...t.rows.keys()].filter((k) => k === prefix || k.startsWith(`${prefix}.`));
  if (keys.length === 0) return null;
  let s = 0;
  for (const k of keys) {
    const v = rowTotal(t, k, val);
    if (v === null) return null;
    s += v;
  }
  return s;
}

interface Expectation {
  /** Acceptable table values (the prose may count new, or new + carried in). */
  values: number[];
  what: Bilingual;
}

function expected(model: ReportModel, key: ProseKey, val: Value): Expectation | null {
  const t3 = confident(model, 'requests');
  const t4 = confident(model, 'appeals');
  const name = (k: string): Bilingual => ({ zh: `“${rowName('requests', k, 'zh')}”`, en: `"${rowName('requests', k, 'en')}"` });
  const one = (v: number | null, what: Bilingual) => (v === null ? null : { values: [v], what });
  switch (key) {
    case 'received': {
      if (!t3) return null;
      const a = rowTotal(t3, 'new', val);
      const b = rowTotal(t3, 'carriedIn', val);
      if (a === null) return null;
      return { values: b === null ? [a] : [a, a + b], what: name('new') };
    }
    case 'new': return t3 ? one(rowTotal(t3, 'new', val), name('new')) : null;
    case 'total': return t3 ? one(rowTotal(t3, 'total', val), name('total')) : null;
    case 'carriedOut': return t3 ? one(rowTotal(t3, 'carriedOut', val), name('carriedOut')) : null;
    case 'granted': return t3 ? one(rowTotal(t3, 'granted', val), name('granted')) : null;
    case 'partial': return t3 ? one(rowTotal(t3, 'partial', val), name('partial')) : null;
    case 'denied': return t3 ? one(groupTotal(t3, 'denied', val), { zh: '“（三）不予公开”', en: '"withheld"' }) : null;
    case 'unable': return t3 ? one(groupTotal(t3, 'unable', val), { zh: '“（四）无法提供”', en: '"cannot be provided"' }) : null;
    case 'rejected': return t3 ? one(groupTotal(t3, 'rejected', val), { zh: '“（五）不予处理”', en: '"not processed"' }) : null;
    case 'other': return t3 ? one(groupTotal(t3, 'other', val), { zh: '“（六）其他处理”', en: '"otherwise handled"' }) : null;
    case 'review': {
      const cell = t4?.rows.get('values')?.cells.find((c) => c.column === 'review.total');
      const v = cell ? val(cell) : null;
      return t4 ? one(v, { zh: '行政复议“总计”', en: 'administrative reviews (total)' }) : null;
    }
    case 'suit': {
      const cells = t4?.rows.get('values')?.cells;
      const ca = cells?.find((c) => c.column === 'suitDirect.total');
      const cb = cells?.find((c) => c.column === 'suitAfterReview.total');
      const a = ca ? val(ca) : null;
      const b = cb ? val(cb) : null;
      return a === null || b === null ? null : { values: [a + b], what: { zh: '行政诉讼两项“总计”之和', en: 'lawsuits (both totals)' } };
    }
  }
}

export const textTableMismatch: Check = {
  meta: {
    code: 'text-table-mismatch',
    defaultSeverity: 'warning',
    fixes: ['suggestion'],
    description: { zh: '正文中的数字与表格不一致（R8）', en: 'A number in the prose contradicts the table (R8)' },
    docs: {
      why: {
        zh: '总体情况中“收到政府信息公开申请 N 件”“办结 N 件”“行政复议 N 件”等数字应与表格一致。改了表格忘了改正文是最常见的矛盾。因正文统计口径可能不同，只作警告。',
        en: 'Figures stated in the prose (申请 N 件, 办结 N 件, 行政复议 N 件) should agree with the tables; updating a table but not the text is the commonest contradiction. A warning, since the prose may count a different scope.',
      },
      example: '本年度共收到政府信息公开申请 12 件……\n一、本年新收政府信息公开申请数量\t…\t9',
      fix: {
        zh: '快速修复（建议，需核实：也可能是表格有误）把正文中的数字改为表格中的数字（正文写作“未收到”等文字时需手工修改）。若表格自身的合计不成立，以合计所要求的数为准：正文与之相符时不报；表格有疑问时不提供快速修复。',
        en: "The quick fix (a suggestion, to be verified: the table may be the one in error) writes the table's number into the prose (sentences saying 未收到 need editing by hand). When the table's own sums fail, the number they call for counts too: prose that agrees with it is not reported, and no fix is offered while the table is in doubt.",
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
    for (const p of ctx.model.prose) {
      const e = expected(ctx.model, p.key, asWritten);
      if (!e) continue;
      const c = corrections.size > 0 ? expected(ctx.model, p.key, corrected) : e;
      if (e.values.includes(p.value) || c?.values.includes(p.value)) continue;
      const table = e.values[0]!;
      const disputed = c !== null && c.values[0] !== table;
      // The prose may count the new requests alone or with those carried in: say both.
      const alt = e.values.length > 1
        ? ctx.t({ zh: `（连同上年结转为 ${n(e.values[1]!)}）`, en: ` (${n(e.values[1]!)} with those carried in)` })
        : '';
      const note = disputed
        ? ctx.t({ zh: `（表格本身的合计也不成立，按合计应为 ${n(c.values[0]!)}，请先核对表格）`, en: ` (the table's own sums do not hold and give ${n(c.values[0]!)}; check the table first)` })
        : '';
      const f: RawFinding = {
        range: p.range,
        message: (p.digits
          ? ctx.t({ zh: `正文“${p.phrase}”中的 ${n(p.value)} 与表格不一致：表中${e.what.zh}为 ${n(table)}`, en: `${n(p.value)} in "${p.phrase}" contradicts the table: ${e.what.en} is ${n(table)}` })
          : ctx.t({ zh: `正文说“${p.phrase}”，但表中${e.what.zh}为 ${n(table)}`, en: `The prose says "${p.phrase}", but the table has ${e.what.en} = ${n(table)}` })) + alt + note,
        data: { key: p.key, prose: p.value, table, ...(disputed ? { bySums: c.values[0] } : {}) },
      };
      if (p.digits && !disputed) f.fix = { title: ctx.t({ zh: `把正文中的 ${n(p.value)} 改为表中的 ${n(table)}（请核实）`, en: `Change ${n(p.value)} in the text to the table's ${n(table)} (verify)` }), kind: 'suggestion', edits: [replace(p.range, n(table))] };
      out.push(f);
    }
    return out;
  },
};
