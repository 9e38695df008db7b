import type { Cell } from '../../model';
import type { Range } from '../../text/lines';
import { replace } from '../edits';
import { tableName } from '../names';
import type { Check, Fix, RawFinding } from '../types';
import { cellWhere, rowCells } from '../util';

export const tableCellBlank: Check = {
  meta: {
    code: 'table-cell-blank',
    defaultSeverity: 'warning',
    fixable: true,
    description: { zh: '应填数值的单元格为空或为“/”“—”“-”', en: 'A blank, /, — or - where a number belongs' },
    docs: {
      why: {
        zh: '统计表中没有发生的事项应填 0。空白或“/”“—”表示“未填写”，既不是 0 也无法参与合计，检查器不会把它当作 0 计算。',
        en: 'Nothing happened means 0. A blank, "/" or "—" means "not filled": it is not 0 and the checker does not silently count it as 0 in the sums.',
      },
      example: '行政许可\t/',
      fix: { zh: '快速修复填入 0；也可一次把整张表的空白都填为 0。', en: 'The quick fix writes 0; another fills every blank of the table with 0.' },
    },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const t of Object.values(ctx.model.tables)) {
      if (!t.confident) continue;
      const blanks: { cell: Cell; row: string; range: Range }[] = [];
      for (const row of t.rows.values()) {
        for (const cell of rowCells(t, row)) {
          if (cell.state === 'blank' || cell.state === 'placeholder') blanks.push({ cell, row: row.key, range: cell.range });
        }
      }
      if (blanks.length === 0) continue;
      const all: Fix = {
        title: ctx.t({ zh: `把${tableName(t.key, 'zh')}的 ${blanks.length} 个空白都填为 0`, en: `Fill all ${blanks.length} blanks of the ${tableName(t.key, 'en')} with 0` }),
        edits: blanks.map((b) => replace(b.range, '0')),
      };
      for (const { cell, row, range } of blanks) {
        const where = ctx.t(cellWhere(t, row, cell.column));
        const what = cell.raw ? ctx.t({ zh: `为“${cell.raw}”`, en: ` is "${cell.raw}"` }) : ctx.t({ zh: '为空', en: ' is blank' });
        const f: RawFinding = {
          range,
          message: ctx.t({ zh: `${where}${what}；没有发生应填 0`, en: `${where}${what}; write 0 when there were none` }),
          fix: { title: ctx.t({ zh: '填入 0', en: 'Write 0' }), edits: [replace(range, '0')] },
          data: { table: t.key, row, column: cell.column },
        };
        if (blanks.length > 1) f.moreFixes = [all];
        out.push(f);
      }
    }
    return out;
  },
};
