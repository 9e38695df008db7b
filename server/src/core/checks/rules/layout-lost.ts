import type { TableKey } from '../../format/spec';
import { reasonOf } from '../../parse/doubt';
import { tableName } from '../names';
import type { Check, RawFinding } from '../types';
import { list, tablesInWordsOnly } from '../util';

export const layoutLost: Check = {
  meta: {
    code: 'layout-lost',
    defaultSeverity: 'warning',
    fixes: [],
    description: { zh: '文本丢失了换行或表格分隔（网页文本：全文挤在几行里，表格数值连在一起）', en: 'The text lost its line breaks or cell separators (web text: the report on a few lines, cells run together)' },
    docs: {
      why: {
        zh: '从网页复制的文本（textContent）常常丢失所有换行：各部分标题连在正文里，表格的行名和数值连成一串（“（一）予以公开7000007”）。检查器仍按标题找出各部分，并在合计关系能唯一确定时拆开表格数值；不能确定的表格不做合计检查。整份文件只提示一次。',
        en: 'Text copied from a web page (its textContent) often loses every line break: headings run into the text and table labels and values run together (（一）予以公开7000007). The checker still finds the sections by their headings and splits the values where the sums allow one split only; a table it cannot split is not summed. Said once per file.',
      },
      example: '…请与本单位联系。一、总体情况2021年，…（一）予以公开7000007（二）部分公开…',
      fix: {
        zh: '从原文件（Word、PDF 或网页源码）重新复制，保留换行和表格；或用 .docx/.pdf/.html 原件直接检查。',
        en: 'Copy again from the original (Word, PDF or the page source) keeping line breaks and tables, or check the .docx/.pdf/.html itself.',
      },
    },
  },
  run(ctx) {
    const lost = ctx.model.layoutLost;
    if (!lost) return [];
    const tables = Object.values(ctx.model.tables).filter((t) => t.lost);
    const declined = tables.filter((t) => !t.confident);
    // Tables there in words only: run together past finding at all.
    const unfound = tablesInWordsOnly(ctx.model, ctx.lines).map((x) => x.key);
    const first = tables.length ? tables.reduce((a, b) => (a.range.start.line < b.range.start.line
      || (a.range.start.line === b.range.start.line && a.range.start.character <= b.range.start.character) ? a : b)) : undefined;
    const line = ctx.lines[first ? first.range.start.line : lost.range.start.line]!;
    const at = first ? first.range.start.character : lost.range.start.character;
    // The first words of the first table (or of the first line cut), not the whole run-together line.
    const end = Math.min(line.text.length, at + Math.max(1, Math.min(40, (first?.range.end.line === first?.range.start.line ? first!.range.end.character : line.text.length) - at)));
    const names = (keys: TableKey[], locale: 'zh' | 'en') => list(keys.map((k) => tableName(k, locale)), locale);
    const written = ctx.lines.filter((l) => l.text.trim() !== '').length;
    const whole = lost.lines >= written;
    let tail = { zh: '', en: '' };
    if (declined.length) {
      const why = declined.map((t) => `${tableName(t.key, 'zh')}（${t.doubt ? reasonOf(t.doubt).zh : ''}）`).join('、');
      tail = {
        zh: `；${why}无法可靠读取，未检查其合计`,
        en: `; the ${names(declined.map((t) => t.key), 'en')} could not be read reliably and ${declined.length > 1 ? 'their' : 'its'} sums were not checked`,
      };
    } else if (tables.length) tail = { zh: '；表格数值已按合计关系拆分读取', en: '; the table values were split where their sums allow one split only' };
    if (unfound.length) {
      tail = {
        zh: `${tail.zh}；${names(unfound, 'zh')}的行和数值连在一起，无法识别，未检查其合计`,
        en: `${tail.en}; the ${names(unfound, 'en')}'s rows and values run together past reading, ${unfound.length > 1 ? 'their' : 'its'} sums not checked`,
      };
    }
    const what = whole
      ? {
        zh: `文本丢失了换行和表格分隔：全文挤在${lost.lines > 1 ? ` ${lost.lines} ` : '一'}行里，表格的行名和数值连在一起`,
        en: `The text lost its line breaks and cell separators: it runs on ${lost.lines > 1 ? `${lost.lines} lines` : 'one line'}, table labels and values run together`,
      }
      : {
        zh: `文本丢失了表格分隔：有 ${lost.lines} 行的行名和数值连在一起`,
        en: `The text lost its cell separators: on ${lost.lines} line${lost.lines > 1 ? 's' : ''} table labels and values run together`,
      };
    const f: RawFinding = {
      range: { start: { line: line.index, character: at }, end: { line: line.index, character: end } },
      message: ctx.t({ zh: what.zh + tail.zh, en: what.en + tail.en }),
      data: { lines: lost.lines, tables: tables.map((t) => t.key), declined: [...declined.map((t) => t.key), ...unfound] },
    };
    return [f];
  },
};
