import { PROACTIVE, type ValueKind } from '../../format/spec';
import type { Cell, Table } from '../../model';
import type { Bilingual, Check, RawFinding } from '../types';
import { cellWhere, confidentRows } from '../util';

function kindOf(t: Table, column: string): ValueKind {
  if (t.key !== 'proactive') return 'count';
  for (const b of PROACTIVE[t.edition]) for (const c of b.columns) if (c.key === column) return c.kind;
  return 'count';
}

function problem(cell: Cell, kind: ValueKind): Bilingual | null {
  if (cell.state === 'invalid') return { zh: `“${cell.raw}”不是数字`, en: `"${cell.raw}" is not a number` };
  if (cell.state !== 'number' || cell.value === null) return null;
  if (kind === 'change' || kind === 'any') return null;
  if (cell.percent) return { zh: `“${cell.raw}”是百分数，此处应填数量`, en: `"${cell.raw}" is a percentage; a quantity belongs here` };
  if (cell.value < 0) return { zh: `“${cell.raw}”是负数`, en: `"${cell.raw}" is negative` };
  if (kind === 'count' && !Number.isInteger(cell.value)) return { zh: `“${cell.raw}”不是整数，件数应为整数`, en: `"${cell.raw}" is not a whole number; counts are whole` };
  if (kind === 'amount' && (cell.decimals ?? 0) > 4) return { zh: `“${cell.raw}”超过 4 位小数（金额以万元计，最多保留 4 位小数）`, en: `"${cell.raw}" has more than 4 decimals (amounts in 10,000 yuan keep at most 4)` };
  return null;
}

export const tableCellInvalid: Check = {
  meta: {
    code: 'table-cell-invalid',
    defaultSeverity: 'error',
    fixes: [],
    description: { zh: '单元格不是有效的数值', en: 'A cell is not a valid value' },
    docs: {
      why: {
        zh: '件数必须是非负整数；“本年收费金额”以万元为单位，最多 4 位小数。文字、负数、小数件数都说明数据有误或粘贴错位。',
        en: 'Counts are whole and not negative; fees are in 10,000 yuan with at most 4 decimals. Words, negatives or fractional counts mean wrong data or a shifted paste.',
      },
      example: '行政许可\t12.5    ← 件数不能有小数',
      fix: { zh: '改为正确的数值。', en: 'Write the right value.' },
    },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const { table: t, row, cells } of confidentRows(ctx.model, ctx.memo)) {
      for (const cell of cells) {
        const p = problem(cell, kindOf(t, cell.column));
        if (!p) continue;
        const where = cellWhere(t, row.key, cell.column);
        out.push({
          range: cell.range,
          message: ctx.t({ zh: `${where.zh}：${p.zh}`, en: `${where.en}: ${p.en}` }),
          data: { table: t.key, row: row.key, column: cell.column },
        });
      }
    }
    return out;
  },
};
