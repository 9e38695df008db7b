import { SECTIONS } from '../../format/spec';
import { keyOf } from '../../text/normalize';
import { replace } from '../edits';
import type { Check, RawFinding } from '../types';

export const sectionTitle: Check = {
  meta: {
    code: 'section-title',
    defaultSeverity: 'information',
    fixable: true,
    description: { zh: '部分标题与规范标题不一致', en: 'A recognised section has a non-canonical title' },
    docs: {
      why: {
        zh: '2021 年格式规定了六个部分的标题。沿用旧标题（如“因政府信息公开工作被申请行政复议、提起行政诉讼情况”）或自拟标题不影响阅读，但不符合格式。',
        en: 'The 2021 format fixes the six titles. Old titles (因政府信息公开工作被申请行政复议、提起行政诉讼情况) or home-made ones read fine but depart from the format.',
      },
      example: '五、存在的主要问题及整改措施',
      fix: { zh: '快速修复把标题换成规范标题，序号不变。', en: 'The quick fix replaces the title with the canonical one, keeping the numeral.' },
    },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const s of ctx.model.sections) {
      const spec = SECTIONS.find((x) => x.number === s.number)!;
      if (keyOf(s.heading.title.text) === keyOf(spec.title)) continue;
      out.push({
        range: s.heading.title.range,
        message: ctx.t({ zh: `标题“${s.heading.title.text}”与规范标题“${spec.title}”不一致`, en: `Title "${s.heading.title.text}" differs from the canonical "${spec.title}"` }),
        fix: { title: ctx.t({ zh: `改为“${spec.title}”`, en: `Change to "${spec.title}"` }), edits: [replace(s.heading.title.range, spec.title)] },
        data: { section: s.number },
      });
    }
    return out;
  },
};
