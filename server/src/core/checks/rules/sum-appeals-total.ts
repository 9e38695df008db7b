import { sumFindings } from '../sum-finding';
import type { Check } from '../types';

export const sumAppealsTotal: Check = {
  meta: {
    code: 'sum-appeals-total',
    defaultSeverity: 'error',
    fixes: ['suggestion'],
    description: { zh: '行政复议、行政诉讼表的“总计”不等于前四项之和（R5–R7）', en: 'A total of the reviews and lawsuits table differs from its four outcomes (R5–R7)' },
    docs: {
      why: {
        zh: '行政复议、未经复议直接起诉、复议后起诉三组中，“总计”都等于结果维持、结果纠正、其他结果、尚未审结之和。',
        en: 'In each of the three groups (review, lawsuit without review, lawsuit after review), 总计 equals upheld + corrected + other + pending.',
      },
      example: '1\t1\t0\t0\t3\t0…    ← 行政复议“总计”应为 2',
      fix: { zh: '快速修复（建议，需核实）把“总计”改为前四项之和；也可能是前四项中有一项填错，请对照原始台账核对。', en: 'The quick fix (a suggestion, to be verified) sets the total to the sum of the four outcomes; one of the four may be the wrong figure instead, so check against the records.' },
    },
  },
  run: (ctx) => sumFindings(ctx, 'sum-appeals-total'),
};
