import { sumFindings } from '../sum-finding';
import type { Check } from '../types';

export const sumRowTotal: Check = {
  meta: {
    code: 'sum-row-total',
    defaultSeverity: 'error',
    fixes: ['suggestion'],
    description: { zh: '“总计”列不等于该行各类申请人之和（R3）', en: 'A 总计 cell differs from the sum of its row (R3)' },
    docs: {
      why: {
        zh: '收到和处理政府信息公开申请情况表中，每一行的“总计”都应等于自然人与五类法人或其他组织之和。',
        en: 'In the requests table, every row\'s 总计 must equal natural persons plus the five kinds of organisations.',
      },
      example: '一、本年新收政府信息公开申请数量\t8\t1\t0\t0\t0\t0\t0    ← 总计应为 9',
      fix: {
        zh: '快速修复（建议，需核实）把“总计”改为该行之和（若这样改会破坏其他已成立的合计，则不提供）；也可能是该行某一格填错，请核对。一处错误同时破坏多个合计时，只在最可能出错的单元格报告一次，此时的修复为首选。',
        en: 'The quick fix (a suggestion, to be verified) sets 总计 to the row\'s sum (not offered when that would break a sum that holds); another cell of the row may be the wrong one, so check. When one wrong cell breaks several sums it is reported once, on the cell most likely at fault, and that fix is the preferred one.',
      },
    },
  },
  run: (ctx) => sumFindings(ctx, 'sum-row-total'),
};
