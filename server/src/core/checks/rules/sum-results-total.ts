import { sumFindings } from '../sum-finding';
import type { Check } from '../types';

export const sumResultsTotal: Check = {
  meta: {
    code: 'sum-results-total',
    defaultSeverity: 'error',
    fixes: ['suggestion'],
    description: { zh: '“（七）总计”不等于各项办理结果之和（R2）', en: '（七）总计 differs from the sum of the result rows (R2)' },
    docs: {
      why: {
        zh: '“（七）总计”应等于（一）予以公开、（二）部分公开及（三）至（六）各小项之和，每一列分别成立。',
        en: '（七）总计 must equal granted + partly granted + every item of （三） to （六）, in each column.',
      },
      example: '(一) 予以公开\t3…\n(二) 部分公开…\t1…\n(七) 总计\t5…    ← 应为 4',
      fix: { zh: '快速修复（建议，需核实）把“（七）总计”改为各项之和；也可能是某一项填错，请对照原始台账核对。', en: 'The quick fix (a suggestion, to be verified) sets （七）总计 to the sum of the results; one of the results may be the wrong figure instead, so check against the records.' },
    },
  },
  run: (ctx) => sumFindings(ctx, 'sum-results-total'),
};
