import { rowName, tableName } from '../names';
import type { Check, RawFinding } from '../types';
import { cellCensus, confidentRows } from '../util';

export const tableCellCount: Check = {
  meta: {
    code: 'table-cell-count',
    defaultSeverity: 'error',
    fixes: [],
    description: { zh: '某行的数值个数与表格列数不符', en: "A row has more or fewer cells than its table's columns" },
    docs: {
      why: {
        zh: '每一行都应在每一列填一个数。少一个数时无法知道缺的是哪一列，这一行的合计也就无法核对。',
        en: 'Every row needs one value per column. With one missing there is no telling which column it belongs to, and the row cannot be summed.',
      },
      example: '3.其他\t0\t0\t0\t0\t0\t0    ← 应有 7 个数，只有 6 个',
      fix: { zh: '对照原表补上缺少的数或删去多余的数。', en: 'Compare with the original table and add the missing value or remove the extra one.' },
    },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    const rows = confidentRows(ctx.model, ctx.memo);
    const missing = cellCensus(ctx.model, ctx.memo).missing;
    for (let r = 0; r < rows.length; r++) {
      const { table: t, row, cells } = rows[r]!;
      const want = cells.length;
      const have = want + row.extra.length - missing[r]!;
      if (have === want) continue;
      const name = rowName(t.key, row.key, ctx.locale, t.edition);
      out.push({
        range: row.range,
        message: t.key === 'appeals'
          ? ctx.t({ zh: `${tableName('appeals', 'zh')}的数据行应有 ${want} 个数值，实有 ${have} 个`, en: `The data row of the ${tableName('appeals', 'en')} should have ${want} values, but has ${have}` })
          : ctx.t({ zh: `“${name}”行应有 ${want} 个数值，实有 ${have} 个`, en: `Row "${name}" should have ${want} values, but has ${have}` }),
        data: { table: t.key, row: row.key, expected: want, actual: have },
      });
    }
    return out;
  },
};
