import { sumFindings } from '../sum-finding';
import type { Check } from '../types';

export const sumBalance: Check = {
  meta: {
    code: 'sum-balance',
    defaultSeverity: 'error',
    fixes: ['suggestion'],
    description: { zh: '本年新收 + 上年结转 ≠ 办理结果总计 + 结转下年度（R1）', en: 'new + carried in ≠ total handled + carried out (R1)' },
    docs: {
      why: {
        zh: '表格左上角写明了勾稽关系：第一项加第二项之和，等于第三项加第四项之和。每一列都必须平衡。',
        en: 'The corner cell of the table states it: items one plus two equal items three plus four. Every column must balance.',
      },
      example: '一、本年新收…\t8…\n二、上年结转…\t0…\n(七) 总计\t9…\n四、结转下年度继续办理\t0…    ← 8 + 0 ≠ 9 + 0',
      fix: {
        zh: '当算出的“结转下年度继续办理”不为负数时，快速修复（建议，需核实）把它改为使该列平衡的值；其余各数也可能有误，请核对；算出的值为负数时需手工核对各数。',
        en: 'When the balancing carried-over value is not negative, the quick fix (a suggestion, to be verified) sets it; any of the other figures may be the wrong one, so check them; otherwise the figures need checking by hand.',
      },
    },
  },
  run: (ctx) => sumFindings(ctx, 'sum-balance'),
};
