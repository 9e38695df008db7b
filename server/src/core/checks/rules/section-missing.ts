import { SECTIONS } from '../../format/spec';
import { sectionSkeleton } from '../../template';
import type { Line } from '../../text/lines';
import { normalize } from '../../text/normalize';
import { insertLines } from '../edits';
import { sectionName } from '../names';
import type { Check } from '../types';
import { lastTextLine, lineSpan, shapeFor } from '../util';

/** The date a report is signed with: 2022年1月20日, 二〇二二年一月二十日. */
const DATE = /^(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$/;

/**
 * Where the signature that closes many reports begins (the agency on one line, the date on the next) among the
 * lines after `head` up to `end`, or -1 when `end` is not a date. Text added at the end of the report belongs
 * before it.
 */
export function signatureAt(lines: readonly Line[], head: number, end: number): number {
  const text = (i: number) => normalize(lines[i]!.text);
  if (end <= head || !DATE.test(text(end))) return -1;
  let k = end - 1;
  while (k > head && text(k) === '') k--;
  return k > head && text(k).length > 0 && text(k).length <= 40 && !/[。；;，,：:]/.test(text(k)) ? k : end;
}

export const sectionMissing: Check = {
  meta: {
    code: 'section-missing',
    defaultSeverity: 'error',
    fixes: ['skeleton'],
    description: { zh: '缺少六个部分之一', en: 'One of the six sections is absent' },
    docs: {
      why: {
        zh: '年度报告格式规定报告由六个部分组成（一、总体情况 … 六、其他需要报告的事项），缺少任何一部分都不符合格式要求。',
        en: 'The format requires six sections (一、总体情况 … 六、其他需要报告的事项); a report without one of them does not follow the format.',
      },
      example: '三、收到和处理政府信息公开申请情况\n……\n五、存在的主要问题及改进情况    ← 缺少“四、政府信息公开行政复议、行政诉讼情况”',
      fix: {
        zh: '快速修复在应有的位置插入该部分的标题：第二、三、四部分连同 2021 年格式的表格，单元格标“/”待填写；第一、五、六部分连同待填写的占位“（待填写：…）”。若表格已在，只补标题。插入的空白和占位在填写前一直被报告（table-cell-blank、placeholder-unfilled）。',
        en: 'The quick fix inserts the heading where the section belongs: for 二, 三 and 四 with the 2021 table, its cells marked "/" to fill in; for 一, 五 and 六 with a placeholder （待填写：…）. When the table is already there, only the heading is inserted. What it inserts stays reported until filled in (table-cell-blank, placeholder-unfilled).',
      },
    },
  },
  run(ctx) {
    const { model, lines } = ctx;
    return model.missingSections.map((num) => {
      const spec = SECTIONS.find((s) => s.number === num)!;
      const next = model.sections.find((s) => s.number > num);
      const orphan = spec.table ? model.tables[spec.table] : undefined;
      // The table is there without its heading (a headerless T4 at the end of 三): head it.
      const orphanOutside = orphan && !model.sections.some((s) => s.number === num);
      let at: number;
      let body: string[];
      // Where the finding is shown: the next section's heading, or the report's last line.
      let shownAt: number;
      if (orphan && orphanOutside) {
        at = orphan.range.start.line;
        shownAt = at;
        body = [sectionSkeleton(num)[0]!, ''];
      } else {
        const last = model.sections[model.sections.length - 1];
        const sig = !next && last ? signatureAt(lines, last.range.start.line, last.range.end.line) : -1;
        shownAt = next ? next.range.start.line : lines.length;
        // At the end of the report, the section goes before a closing signature.
        at = next ? next.range.start.line : sig >= 0 ? sig : lines.length;
        body = sectionSkeleton(num, shapeFor(model));
      }
      // The next heading inline, after text on its line (web text that lost its line breaks): the section goes
      // right before it, on lines of its own, and the finding is shown on that heading, not on the whole line.
      const inline = next && !(orphan && orphanOutside) && lines[next.range.start.line]!.text.slice(0, next.range.start.character).trim() !== '';
      const range = inline ? next.heading.range : shownAt < lines.length ? lineSpan(lines, shownAt) : lineSpan(lines, lastTextLine(lines, lines.length - 1));
      const edit = inline
        ? { range: { start: next.range.start, end: next.range.start }, newText: model.eol + body.join(model.eol) + model.eol }
        : insertLines(lines, at, body, model.eol);
      const name = sectionName(num, ctx.locale);
      const where = next && !orphanOutside
        ? ctx.t({ zh: `，应在“${sectionName(next.number, 'zh')}”之前`, en: `; it belongs before ${sectionName(next.number, 'en')}` })
        : orphanOutside ? ctx.t({ zh: '；其表格已在此处，只缺标题', en: '; its table is here, only the heading is missing' }) : '';
      return {
        range,
        message: ctx.t({ zh: `缺少第${spec.numeral}部分“${name}”${where}`, en: `Missing ${name}${where}` }),
        fix: {
          title: orphanOutside
            ? ctx.t({ zh: `插入标题“${name}”`, en: `Insert the heading of ${name}` })
            : spec.table
              ? ctx.t({ zh: `插入“${name}”及其表格（空白待填写）`, en: `Insert ${name} with its table (blank, to fill in)` })
              : ctx.t({ zh: `插入“${name}”（内容待填写）`, en: `Insert ${name} (its text to fill in)` }),
          kind: 'skeleton',
          edits: [edit],
        },
        data: { section: num },
      };
    });
  },
};
