import { sumFindings } from '../sum-finding';
import type { Check } from '../types';

export const sumAppealsTotal: Check = {
  meta: {
    code: 'sum-appeals-total',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '行政复议、行政诉讼表的“总计”不等于前四项之和（R5–R7）', en: 'A total of the reviews and lawsuits table differs from its four outcomes (R5–R7)' },
    docs: {
      why: {
        zh: '行政复议、未经复议直接起诉、复议后起诉三组中，“总计”都等于结果维持、结果纠正、其他结果、尚未审结之和。',
        en: 'In each of the three groups (review, lawsuit without review, lawsuit after review), 总计 equals upheld + corrected + other + pending.',
      },
      example: '1\t1\t0\t0\t3\t0…    ← 行政复议“总计”应为 2',
      fix: { zh: '快速修复把“总计”改为前四项之和。', en: 'The quick fix sets the total to the sum of the four outcomes.' },
    },
  },
  run: (ctx) => sumFindings(ctx, 'sum-appeals-total'),
};
