import { type ColumnSpec, PROACTIVE, VALUE_UNITS, type ValueKind } from '../../format/spec';
import type { Cell, Table } from '../../model';
import type { Bilingual, Check, RawFinding } from '../types';
import { cellCensus, cellWhere } from '../util';

function columnOf(t: Table, column: string): ColumnSpec | undefined {
  if (t.key !== 'proactive') return undefined;
  for (const b of PROACTIVE[t.edition]) for (const c of b.columns) if (c.key === column) return c;
  return undefined;
}

const UNIT_EN: Record<string, string> = { 万元: '10,000 yuan', 元: 'yuan' };

/**
 * A unit written in the cell that disagrees with its column (元 where the header says 万元, 件 for an amount,
 * 元 for a count). The number is read all the same; this is only a hint.
 */
function unitProblem(cell: Cell, kind: ValueKind, spec: ColumnSpec | undefined): Bilingual | null {
  if (cell.state !== 'number' || !cell.unit) return null;
  const unitKind = VALUE_UNITS[cell.unit];
  const header = spec?.unit;
  if (kind === 'amount' ? unitKind === 'amount' && (!header || header === cell.unit) : unitKind === 'count') return null;
  const want = header ?? (kind === 'amount' ? '金额' : '件数');
  return {
    zh: `写作“${cell.raw}”，单位“${cell.unit}”与表头的“${want}”不一致（已按 ${cell.value} 读取）`,
    en: `is written with a unit (read as ${cell.value}) that disagrees with the header's ${header ? UNIT_EN[header] ?? header : kind === 'amount' ? 'amount' : 'count'}`,
  };
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
      fix: {
        zh: '改为正确的数值。数值后带单位（“251000元”“3件”）时照常读取数值；只有单位与表头不符（表头为“万元”却写“元”）时给出提示。',
        en: 'Write the right value. A number written with its unit (251000元, 3件) is read as the number; only a unit that disagrees with the header (元 where it says 万元) gets a hint.',
      },
    },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    // Only a number or a cell that is not one can be at fault, and a plain count suits every kind of column
    // (most cells): the census holds the others. The cell's name is built for a finding only.
    const suspects = cellCensus(ctx.model, ctx.memo).suspects;
    for (let k = 0; k < suspects.length; k++) {
      const { at: { table: t, row }, cell } = suspects[k]!;
      const spec = columnOf(t, cell.column);
      const kind = spec?.kind ?? 'count';
      const p = problem(cell, kind);
      const u = p ? null : unitProblem(cell, kind, spec);
      if (!p && !u) continue;
      const where = cellWhere(t, row.key, cell.column);
      const f: RawFinding = {
        range: cell.range,
        message: ctx.t(p ? { zh: `${where.zh}：${p.zh}`, en: `${where.en}: ${p.en}` } : { zh: `${where.zh}${u!.zh}`, en: `${where.en} ${u!.en}` }),
        data: { table: t.key, row: row.key, column: cell.column, ...(u ? { unit: cell.unit } : {}) },
      };
      if (u) f.soften = 'hint';
      out.push(f);
    }
    return out;
  },
};
