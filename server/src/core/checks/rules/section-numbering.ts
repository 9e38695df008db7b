import { SECTIONS } from '../../format/spec';
import { normalize } from '../../text/normalize';
import { replace } from '../edits';
import { sectionName } from '../names';
import type { Check, RawFinding } from '../types';

export const sectionNumbering: Check = {
  meta: {
    code: 'section-numbering',
    defaultSeverity: 'warning',
    fixes: ['safe'],
    description: { zh: '部分标题的序号损坏或错误', en: "A section heading's numeral is damaged or wrong" },
    docs: {
      why: {
        zh: '标题序号应为“一、”至“六、”。从 Word 或 PDF 转换时序号常被识别成“—、”，或被写成“3、”；删改部分后也常出现序号与内容不符。',
        en: 'Headings are numbered 一、 to 六、. Conversion turns 一 into a dash (—、), drafts use Arabic numerals (3、), and deleting a section leaves the rest misnumbered.',
      },
      example: '—、总体情况\n3、 收到和处理政府信息公开申请情况\n五、其他需要报告的事项    ← 应为“六、”',
      fix: { zh: '快速修复把序号换成规范的“X、”。', en: 'The quick fix replaces the numeral with the canonical one.' },
    },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const s of ctx.model.sections) {
      const h = s.heading;
      const spec = SECTIONS.find((x) => x.number === s.number)!;
      const want = `${spec.numeral}、`;
      const written = normalize(h.numeral.text);
      const sameNumber = written.startsWith(spec.numeral) || written.startsWith(`第${spec.numeral}`);
      if (h.numeral.text && sameNumber) continue;
      const name = sectionName(s.number, ctx.locale);
      let message: string;
      if (!h.numeral.text) message = ctx.t({ zh: `“${h.title.text}”缺少序号，应为“${want}”`, en: `"${h.title.text}" has no numeral; it should be "${want}"` });
      else if (h.writtenNumber === 0 || /\d/.test(written)) {
        message = ctx.t({ zh: `序号“${h.numeral.text}”不规范，“${name}”的序号应为“${want}”`, en: `Numeral "${h.numeral.text}" is damaged; ${name} is numbered "${want}"` });
      } else {
        message = ctx.t({ zh: `“${h.title.text}”是第${spec.numeral}部分，序号应为“${want}”而不是“${h.numeral.text}”`, en: `"${h.title.text}" is section ${s.number}: numbered "${want}", not "${h.numeral.text}"` });
      }
      out.push({
        range: h.numeral.text ? h.numeral.range : h.title.range,
        message,
        fix: { title: ctx.t({ zh: `改为“${want}”`, en: `Change to "${want}"` }), kind: 'safe', edits: [replace(h.numeral.range, want)] },
        data: { section: s.number, written: h.numeral.text },
      });
    }
    return out;
  },
};
