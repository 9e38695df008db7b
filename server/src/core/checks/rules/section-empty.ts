import { SECTIONS } from '../../format/spec';
import { normalize } from '../../text/normalize';
import { isPageNumberLine } from '../../parse/tokens';
import { sectionName } from '../names';
import type { Check, RawFinding } from '../types';
import { inlineBody } from '../util';
import { hasPlaceholder } from './placeholder-unfilled';

/** Capitalised, for a name that begins an English sentence. */
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const NOTHING = new Set(['', '无', '无。', '暂无', '暂无。', '无.', '没有', '没有。', '(无)', '无相关情况', '无相关情况。']);

/** Words that only set the scene before a bare "无": the year, and the agency speaking of itself. */
const LEAD_IN = /^(?:本年度|本年|今年|(?:19|20)\d{2}年度?)?[，,]?(?:我(?:单位|机关|办|局|委|厅|部门|街道|镇|乡|区|县|市|院|会|中心|处|室|司|署|所|站))?[，,]?(?=(?:无|暂无|没有)[。.]?$)/;

/**
 * Whether a body says nothing: empty, or only sentences like "无。" — one, or one under each sub-heading
 * (（一）存在的问题 无。（二）改进措施 无。). "本年度无。", "2021年我办暂无。" say no more than "无。".
 */
function saysNothing(body: string): boolean {
  if (body === '') return true;
  // Every sentence that says nothing holds 无 or 没 (NOTHING): a body with neither says something.
  if (!body.includes('无') && !body.includes('没')) return false;
  const sentences = body.split(/(?<=[。.；;])/).map((p) => p.replace(LEAD_IN, '')).filter((p) => !/^[。.；;]?$/.test(p));
  return sentences.length > 0 && sentences.every((p) => NOTHING.has(p));
}

export const sectionEmpty: Check = {
  meta: {
    code: 'section-empty',
    defaultSeverity: 'warning',
    fixes: [],
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
      const inline = inlineBody(ctx.lines, s);
      let body = normalize(inline);
      let placeholder = hasPlaceholder(inline);
      for (let i = s.bodyLines[0]; i <= s.bodyLines[1] && body.length < 40; i++) {
        let text = ctx.lines[i]!.text;
        // A page's number printed inside the section (a PDF's -4-) is not what the section says.
        if (isPageNumberLine(text)) continue;
        // A placeholder （待填写：…） left by a fix or the template: placeholder-unfilled reports it, once.
        if (hasPlaceholder(text)) placeholder = true;
        const sub = s.subheadings.find((h) => h.range.start.line === i);
        // The sub-heading is not content; what follows it is, also after a colon inside it (（一）存在的问题：无。).
        if (sub) text = (/[：:](.*)$/.exec(sub.title)?.[1] ?? '') + text.slice(sub.range.end.character);
        // A placeholder in brackets, like （填写…）, is not content.
        body += normalize(text).replace(/^\([^()]*\)$/, '');
      }
      body = body.replace(/^[。.]/, '');
      if (placeholder || !saysNothing(body)) continue;
      out.push({
        range: s.heading.range,
        message: ctx.t({
          zh: body ? `“${sectionName(s.number, 'zh')}”只写了“${body}”，应写明具体情况` : `“${sectionName(s.number, 'zh')}”没有内容`,
          en: body ? `${cap(sectionName(s.number, 'en'))} only says "${body}"; it must describe the situation` : `${cap(sectionName(s.number, 'en'))} is empty`,
        }),
        data: { section: s.number },
      });
    }
    return out;
  },
};
