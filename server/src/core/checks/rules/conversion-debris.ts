import { deleteLine, replace } from '../edits';
import type { Check, RawFinding } from '../types';

/** A separator line shown briefly: its first dash run and an ellipsis. */
function shortRule(text: string): string {
  const first = text.trim().split(/\s+/)[0] ?? '';
  return first.length < text.trim().length ? `${first} …` : first;
}

export const conversionDebris: Check = {
  meta: {
    code: 'conversion-debris',
    defaultSeverity: 'warning',
    fixes: ['safe'],
    description: { zh: '文档转换遗留的杂质（书签标记、表格中的页码、重复的数值）', en: 'Leftovers of conversion: [bookmark: …], page numbers inside tables, doubled values' },
    docs: {
      why: {
        zh: '从 Word、PDF 转换或复制时会留下“[bookmark: …]”书签标记、表格中间的页码“- 3 -”、Markdown 分隔线，以及被重复一遍的单元格数值。它们不属于报告内容，发布前应删除。',
        en: 'Converting or copying from Word or PDF leaves [bookmark: …] markers, page numbers such as "- 3 -" inside tables, Markdown rules, and cell values written twice. They are not part of the report.',
      },
      example: '[bookmark: bookmark15]四、政府信息公开行政复议、行政诉讼情况',
      fix: { zh: '快速修复删除这些遗留内容，不改动其他文字。', en: 'The quick fix removes the leftover and nothing else.' },
    },
  },
  run(ctx) {
    const { model, lines } = ctx;
    const out: RawFinding[] = [];
    for (const d of model.debris) {
      out.push({
        range: d.range,
        message: d.kind === 'bookmark'
          ? ctx.t({ zh: `转换遗留的书签标记“${d.text}”`, en: `Bookmark "${d.text}" (conversion leftover)` })
          : ctx.t({ zh: `转换遗留的锚点标记“${d.text}”`, en: `Anchor "${d.text}" (conversion leftover)` }),
        fix: { title: ctx.t({ zh: '删除', en: 'Remove it' }), kind: 'safe', edits: [replace(d.removal, '')] },
        data: { kind: d.kind },
      });
    }
    for (const t of Object.values(model.tables)) {
      for (const d of t.debris) {
        out.push({
          range: d.range,
          message: d.kind === 'page-number'
            ? ctx.t({ zh: `表格中的页码“${d.text}”（转换遗留）`, en: `Page number "${d.text}" inside a table (conversion leftover)` })
            : ctx.t({ zh: `表格中的分隔线“${shortRule(d.text)}”（转换遗留）`, en: `Rule "${shortRule(d.text)}" inside a table (conversion leftover)` }),
          fix: { title: ctx.t({ zh: '删除这一行', en: 'Remove the line' }), kind: 'safe', edits: [deleteLine(lines, d.range.start.line)] },
          data: { kind: d.kind },
        });
      }
      for (const row of t.rows.values()) {
        for (const r of row.doubled) {
          const text = lines[r.start.line]!.text;
          const alone = text.trim() === text.slice(r.start.character, r.end.character);
          out.push({
            range: r,
            message: ctx.t({ zh: `重复的数值“${text.slice(r.start.character, r.end.character)}”（转换遗留，读取时已忽略）`, en: `Doubled value "${text.slice(r.start.character, r.end.character)}" (conversion leftover, ignored when reading)` }),
            fix: { title: ctx.t({ zh: '删除重复的数值', en: 'Remove the doubled value' }), kind: 'safe', edits: [alone ? deleteLine(lines, r.start.line) : replace(r, '')] },
            data: { kind: 'doubled' },
          });
        }
      }
    }
    return out;
  },
};
