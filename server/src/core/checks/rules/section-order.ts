import { sectionName } from '../names';
import type { Check, RawFinding } from '../types';

/** Capitalised, for a name that begins an English sentence. */
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export const sectionOrder: Check = {
  meta: {
    code: 'section-order',
    defaultSeverity: 'warning',
    fixes: [],
    description: { zh: '部分顺序错乱或重复', en: 'Sections out of order or duplicated' },
    docs: {
      why: {
        zh: '六个部分应按一至六的顺序各出现一次。顺序错乱或重复通常是从上年报告复制粘贴时留下的。',
        en: 'The six sections must appear once each, in order. Disorder or duplicates usually come from pasting parts of last year\'s report.',
      },
      example: '五、存在的主要问题及改进情况\n……\n四、政府信息公开行政复议、行政诉讼情况',
      fix: { zh: '把该部分移到正确位置，或删除重复的部分。', en: 'Move the section to its place, or remove the duplicate.' },
    },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    let maxSoFar = 0;
    const seen = new Map<number, number>();
    for (const s of ctx.model.sections) {
      const name = sectionName(s.number, ctx.locale);
      const firstLine = seen.get(s.number);
      if (firstLine !== undefined) {
        out.push({
          range: s.heading.range,
          message: ctx.t({ zh: `“${name}”重复出现（第 ${firstLine + 1} 行已有）`, en: `${cap(name)} appears twice (first at line ${firstLine + 1})` }),
          data: { section: s.number },
        });
      } else if (s.number < maxSoFar) {
        out.push({
          range: s.heading.range,
          message: ctx.t({ zh: `“${name}”应在“${sectionName(maxSoFar, 'zh')}”之前`, en: `${cap(name)} should come before ${sectionName(maxSoFar, 'en')}` }),
          data: { section: s.number },
        });
      }
      if (firstLine === undefined) seen.set(s.number, s.range.start.line);
      maxSoFar = Math.max(maxSoFar, s.number);
    }
    return out;
  },
};
