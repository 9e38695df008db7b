import { reasonOf } from '../../parse/doubt';
import { span } from '../../text/lines';
import { SECTIONS } from '../../format/spec';
import { sectionName, tableName } from '../names';
import { pictureIn, tablesInWordsOnly } from '../util';
import type { Check, RawFinding } from '../types';

export const tableUnreadable: Check = {
  meta: {
    code: 'table-unreadable',
    defaultSeverity: 'warning',
    fixes: [],
    description: { zh: '表格存在，但无法可靠地把数值与行列对应，或表格是图片', en: "A table is there but its cells cannot be paired with rows with confidence, or it is a picture" },
    docs: {
      why: {
        zh: '从 PDF 或网页复制的表格常常错位：行名断开、数值串行。此时任何合计检查都建立在猜测上，所以检查器不做合计检查，只提示这张表读不准。',
        en: 'Tables copied from PDF or web pages are often scrambled: labels broken, values shifted. Sums checked on a guess would mislead, so the checker says it cannot read the table instead.',
      },
      example: '一、本年新收政府信息公开申请数量 3 0\n0 0 0\n二、上年结转… 1',
      fix: {
        zh: '按原表格重新整理：每行一个行名，后面依次是各列的数值，用制表符分隔。',
        en: 'Rebuild the table from the original: one row a line, its label then the values of each column, tab-separated.',
      },
    },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const t of Object.values(ctx.model.tables)) {
      // A table read from text that lost its layout is the file's layout-lost finding's to name: said once.
      if (t.confident || !t.doubt || t.lost) continue;
      const line = t.headerRange?.start.line ?? t.range.start.line;
      const text = ctx.lines[line]!.text;
      const reason = ctx.t(reasonOf(t.doubt));
      out.push({
        range: span(line, text.length - text.trimStart().length, text.trimEnd().length),
        message: ctx.t({ zh: `无法可靠读取${tableName(t.key, 'zh')}：${reason}；未检查其合计`, en: `Cannot read the ${tableName(t.key, 'en')} reliably: ${reason}; its sums were not checked` }),
        data: { table: t.key, doubt: t.doubt.kind },
      });
    }
    // A table there in words only (its header, no rows the reader could find); in a text that lost its layout
    // layout-lost names it.
    if (!ctx.model.layoutLost) {
      for (const { key, section } of tablesInWordsOnly(ctx.model, ctx.lines)) {
        out.push({
          range: section.heading.range,
          message: ctx.t({
            zh: `无法读取“${sectionName(section.number, 'zh')}”的表格：有${tableName(key, 'zh')}的表头，但找不到可以与之对应的行和数值；未检查其合计`,
            en: `Cannot read the table of ${sectionName(section.number, 'en')}: the ${tableName(key, 'en')}'s header is there, but no rows and values that go with it; its sums were not checked`,
          }),
          data: { table: key, doubt: 'header-only' },
        });
      }
    }
    // A section whose table is a picture (a .docx or a page with the table pasted as an image).
    for (const s of ctx.model.sections) {
      const key = SECTIONS.find((x) => x.number === s.number)?.table;
      if (!key || ctx.model.tables[key] || pictureIn(ctx.source, ctx.model, s) === undefined) continue;
      out.push({
        range: s.heading.range,
        message: ctx.t({
          zh: `“${sectionName(s.number, 'zh')}”的表格是图片，无法读取，未检查其数据；请在原件中以表格而非图片填写`,
          en: `The ${tableName(key, 'en')} of ${sectionName(s.number, 'en')} is a picture and cannot be read; its figures were not checked. Write it in the original as a table, not an image`,
        }),
        data: { table: key, doubt: 'picture' },
      });
    }
    return out;
  },
};
