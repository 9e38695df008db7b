import { sumFindings } from '../sum-finding';
import type { Check } from '../types';

export const sumResultsTotal: Check = {
  meta: {
    code: 'sum-results-total',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '“（七）总计”不等于各项办理结果之和（R2）', en: '（七）总计 differs from the sum of the result rows (R2)' },
    docs: {
      why: {
        zh: '“（七）总计”应等于（一）予以公开、（二）部分公开及（三）至（六）各小项之和，每一列分别成立。',
        en: '（七）总计 must equal granted + partly granted + every item of （三） to （六）, in each column.',
      },
      example: '(一) 予以公开\t3…\n(二) 部分公开…\t1…\n(七) 总计\t5…    ← 应为 4',
      fix: { zh: '快速修复把“（七）总计”改为各项之和。', en: 'The quick fix sets （七）总计 to the sum of the results.' },
    },
  },
  run: (ctx) => sumFindings(ctx, 'sum-results-total'),
};
