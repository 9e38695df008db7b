import { REQUEST_COLUMNS } from '../../format/spec';
import type { ProseKey, ReportModel, Table } from '../../model';
import { replace } from '../edits';
import { rowName } from '../names';
import type { Bilingual, Check, RawFinding } from '../types';
import { confident, n } from '../util';

/** A row's 总计, or the sum of its applicant columns when the table has no 总计 column. */
function rowTotal(t: Table, key: string): number | null {
  const row = t.rows.get(key);
  if (!row) return null;
  const ti = REQUEST_COLUMNS.findIndex((c) => c.key === 'total');
  if (t.columns[ti]!.present) return row.cells[ti]!.value;
  let s = 0;
  for (let i = 0; i < ti; i++) {
    if (!t.columns[i]!.present) continue;
    const v = row.cells[i]!.value;
    if (v === null) return null;
    s += v;
  }
  return s;
}

function groupTotal(t: Table, prefix: string): number | null {
  const keys = [...t.rows.keys()].filter((k) => k === prefix || k.startsWith(`${prefix}.`));
  if (keys.length === 0) return null;
  let s = 0;
  for (const k of keys) {
    const v = rowTotal(t, k);
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

function expected(model: ReportModel, key: ProseKey): Expectation | null {
  const t3 = confident(model, 'requests');
  const t4 = confident(model, 'appeals');
  const name = (k: string): Bilingual => ({ zh: rowName('requests', k, 'zh'), en: rowName('requests', k, 'en') });
  const one = (v: number | null, what: Bilingual) => (v === null ? null : { values: [v], what });
  switch (key) {
    case 'received': {
      if (!t3) return null;
      const a = rowTotal(t3, 'new');
      const b = rowTotal(t3, 'carriedIn');
      if (a === null) return null;
      return { values: b === null ? [a] : [a, a + b], what: name('new') };
    }
    case 'new': return t3 ? one(rowTotal(t3, 'new'), name('new')) : null;
    case 'total': return t3 ? one(rowTotal(t3, 'total'), name('total')) : null;
    case 'carriedOut': return t3 ? one(rowTotal(t3, 'carriedOut'), name('carriedOut')) : null;
    case 'granted': return t3 ? one(rowTotal(t3, 'granted'), name('granted')) : null;
    case 'partial': return t3 ? one(rowTotal(t3, 'partial'), name('partial')) : null;
    case 'denied': return t3 ? one(groupTotal(t3, 'denied'), { zh: '（三）不予公开', en: 'withheld' }) : null;
    case 'unable': return t3 ? one(groupTotal(t3, 'unable'), { zh: '（四）无法提供', en: 'cannot be provided' }) : null;
    case 'rejected': return t3 ? one(groupTotal(t3, 'rejected'), { zh: '（五）不予处理', en: 'not processed' }) : null;
    case 'other': return t3 ? one(groupTotal(t3, 'other'), { zh: '（六）其他处理', en: 'otherwise handled' }) : null;
    case 'review': {
      const v = t4?.rows.get('values')?.cells.find((c) => c.column === 'review.total')?.value ?? null;
      return t4 ? one(v, { zh: '行政复议“总计”', en: 'administrative reviews (total)' }) : null;
    }
    case 'suit': {
      const cells = t4?.rows.get('values')?.cells;
      const a = cells?.find((c) => c.column === 'suitDirect.total')?.value ?? null;
      const b = cells?.find((c) => c.column === 'suitAfterReview.total')?.value ?? null;
      return a === null || b === null ? null : { values: [a + b], what: { zh: '行政诉讼两项“总计”之和', en: 'lawsuits (both totals)' } };
    }
  }
}

export const textTableMismatch: Check = {
  meta: {
    code: 'text-table-mismatch',
    defaultSeverity: 'warning',
    fixable: true,
    description: { zh: '正文中的数字与表格不一致（R8）', en: 'A number in the prose contradicts the table (R8)' },
    docs: {
      why: {
        zh: '总体情况中“收到政府信息公开申请 N 件”“办结 N 件”“行政复议 N 件”等数字应与表格一致。改了表格忘了改正文是最常见的矛盾。因正文统计口径可能不同，只作警告。',
        en: 'Figures stated in the prose (申请 N 件, 办结 N 件, 行政复议 N 件) should agree with the tables; updating a table but not the text is the commonest contradiction. A warning, since the prose may count a different scope.',
      },
      example: '本年度共收到政府信息公开申请 12 件……\n一、本年新收政府信息公开申请数量\t…\t9',
      fix: { zh: '快速修复把正文中的数字改为表格中的数字（正文写作“未收到”等文字时需手工修改）。', en: "The quick fix writes the table's number into the prose (sentences saying 未收到 need editing by hand)." },
    },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const p of ctx.model.prose) {
      const e = expected(ctx.model, p.key);
      if (!e || e.values.includes(p.value)) continue;
      const table = e.values[0]!;
      const f: RawFinding = {
        range: p.range,
        message: p.digits
          ? ctx.t({ zh: `正文“${p.phrase}”中的 ${n(p.value)} 与表格不一致：${e.what.zh}为 ${n(table)}`, en: `${n(p.value)} in "${p.phrase}" contradicts the table: ${e.what.en} is ${n(table)}` })
          : ctx.t({ zh: `正文说“${p.phrase}”，但表格中${e.what.zh}为 ${n(table)}`, en: `The prose says "${p.phrase}", but the table has ${e.what.en} = ${n(table)}` }),
        data: { key: p.key, prose: p.value, table },
      };
      if (p.digits) f.fix = { title: ctx.t({ zh: `改为 ${n(table)}`, en: `Change to ${n(table)}` }), edits: [replace(p.range, n(table))] };
      out.push(f);
    }
    return out;
  },
};
