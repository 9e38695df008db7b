import { PROACTIVE, SECTIONS } from '../../format/spec';
import { proactiveRows, renderRows, tableSkeleton } from '../../template';
import { insertLines } from '../edits';
import { sectionName, tableName } from '../names';
import type { Check, RawFinding } from '../types';

/** Capitalised, for a name that begins an English sentence. */
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
import { pictureIn, shapeFor, tablesInWordsOnly } from '../util';

export const tableMissing: Check = {
  meta: {
    code: 'table-missing',
    defaultSeverity: 'error',
    fixes: ['skeleton'],
    description: { zh: '部分中缺少应有的表格或表格分块', en: "A section's table, or a block of table 二, is absent" },
    docs: {
      why: {
        zh: '第二、三、四部分各有一张统计表，第二部分的表按《条例》第二十条第（一）（五）（六）（八）项分为四块。缺表就无法审核数据。',
        en: 'Sections 二, 三 and 四 each carry a statistics table, and the table of 二 has four blocks (条例第二十条 items 1, 5, 6, 8). Without them the figures cannot be reviewed.',
      },
      example: '四、政府信息公开行政复议、行政诉讼情况\n\n本年度未发生行政复议、行政诉讼。    ← 缺少表格',
      fix: { zh: '快速修复插入 2021 年格式的表格，单元格标“/”待填写，填写前一直报告为 table-cell-blank。', en: 'The quick fix inserts the 2021 table, its cells marked "/" to fill in; they are reported as table-cell-blank until filled.' },
    },
  },
  run(ctx) {
    const { model, lines } = ctx;
    const out: RawFinding[] = [];
    const inWords = new Set(tablesInWordsOnly(model, lines).map((x) => x.key));
    for (const s of model.sections) {
      const spec = SECTIONS.find((x) => x.number === s.number)!;
      if (!spec.table || model.tables[spec.table]) continue;
      // A picture where the table belongs: the table is there, as an image (table-unreadable says so).
      if (pictureIn(ctx.source, model, s) !== undefined) continue;
      // Its header is there in words: not missing, unreadable (layout-lost or table-unreadable says so).
      if (inWords.has(spec.table)) continue;
      const name = tableName(spec.table, ctx.locale);
      out.push({
        range: s.heading.range,
        message: ctx.t({ zh: `“${sectionName(s.number, 'zh')}”缺少${name}`, en: `${cap(sectionName(s.number, 'en'))} has no ${name}` }),
        fix: {
          title: ctx.t({ zh: `插入${name}（2021 年格式，空白待填写）`, en: `Insert the ${name} (2021 format, blank, to fill in)` }),
          kind: 'skeleton',
          edits: [insertLines(lines, s.range.start.line + 1, ['', ...tableSkeleton(spec.table, shapeFor(model)), ''], model.eol)],
        },
        data: { table: spec.table },
      });
    }
    // Blocks of T2.
    const t2 = model.tables.proactive;
    if (t2 && t2.confident && t2.blocks && t2.rows.size > 0 && t2.edition === '2021') {
      const blocks = t2.blocks;
      blocks.forEach((b, i) => {
        if (b.rows.length > 0 || b.caption) return;
        const spec = PROACTIVE['2021'].find((x) => x.item === b.item)!;
        const prev = blocks.slice(0, i).reverse().find((x) => x.rows.length > 0 || x.caption);
        const next = blocks.slice(i + 1).find((x) => x.rows.length > 0 || x.caption);
        const at = prev ? prev.range.end.line + 1 : next ? next.range.start.line : t2.range.start.line;
        out.push({
          range: (next ?? prev)?.caption?.range ?? t2.range,
          message: ctx.t({ zh: `${tableName('proactive', 'zh')}缺少“${spec.caption}”一块`, en: `The ${tableName('proactive', 'en')} lacks the block "${spec.caption}"` }),
          fix: {
            title: ctx.t({ zh: `插入“${spec.caption}”一块（空白待填写）`, en: `Insert the block "${spec.caption}" (blank, to fill in)` }),
            kind: 'skeleton',
            edits: [insertLines(lines, at, renderRows(proactiveRows([b.item]), shapeFor(model, 'proactive')), model.eol)],
          },
          data: { table: 'proactive', block: b.item },
        });
      });
    }
    return out;
  },
};
