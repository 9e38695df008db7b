import { SECTIONS } from '../../format/spec';
import { normalize } from '../../text/normalize';
import { sectionName } from '../names';
import type { Check, RawFinding } from '../types';

const NOTHING = new Set(['', '无', '无。', '暂无', '暂无。', '无.', '没有', '没有。', '(无)', '无相关情况', '无相关情况。']);

export const sectionEmpty: Check = {
  meta: {
    code: 'section-empty',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '应有内容的部分为空或只有“无”', en: 'A prose section that must say something is empty or just "无"' },
    docs: {
      why: {
        zh: '“五、存在的主要问题及改进情况”必须如实写明问题和改进措施（R13），“一、总体情况”也不能空着。只写“无”会被审核退回。',
        en: 'Section 五 must state the main problems and the improvements (R13), and 一 must describe the year. A bare "无" is sent back by reviewers.',
      },
      example: '五、存在的主要问题及改进情况\n\n无。',
      fix: { zh: '写明本年度工作存在的主要问题和改进措施。', en: "Describe the year's main problems and what is being done about them." },
    },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const s of ctx.model.sections) {
      const spec = SECTIONS.find((x) => x.number === s.number)!;
      if (!spec.mustHaveContent) continue;
      let body = '';
      for (let i = s.bodyLines[0]; i <= s.bodyLines[1] && body.length < 40; i++) {
        let text = ctx.lines[i]!.text;
        const sub = s.subheadings.find((h) => h.range.start.line === i);
        if (sub) text = text.slice(sub.range.end.character);
        // A placeholder in brackets, like （填写…）, is not content.
        body += normalize(text).replace(/^\([^()]*\)$/, '');
      }
      body = body.replace(/^[。.]/, '');
      if (!NOTHING.has(body)) continue;
      out.push({
        range: s.heading.range,
        message: ctx.t({
          zh: body ? `“${sectionName(s.number, 'zh')}”只写了“${body}”，应写明具体情况` : `“${sectionName(s.number, 'zh')}”没有内容`,
          en: body ? `${sectionName(s.number, 'en')} only says "${body}"; it must describe the situation` : `${sectionName(s.number, 'en')} is empty`,
        }),
        data: { section: s.number },
      });
    }
    return out;
  },
};
