import type { Debris } from '../../model';
import { isBlank, type Line } from '../../text/lines';
import { deleteLine, replace } from '../edits';
import type { Check, RawFinding } from '../types';

/** A separator line shown briefly: its first dash run and an ellipsis. */
function shortRule(text: string): string {
  const first = text.trim().split(/\s+/)[0] ?? '';
  return first.length < text.trim().length ? `${first} …` : first;
}

/** A page number that is digits alone, which a cell could be. */
const BARE_NUMBER = /^[0-9０-９]+$/;

/** Separator lines one after another (blank lines between them allowed), in runs, in the order of the text. */
function separatorRuns(seps: Debris[], lines: readonly Line[]): Debris[][] {
  const sorted = [...seps].sort((a, b) => a.range.start.line - b.range.start.line);
  const runs: Debris[][] = [];
  for (const d of sorted) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    let joined = prev !== undefined && prev.range.start.line < d.range.start.line;
    for (let i = (prev?.range.start.line ?? 0) + 1; joined && i < d.range.start.line; i++) if (!isBlank(lines[i]!.text)) joined = false;
    if (joined) run!.push(d);
    else runs.push([d]);
  }
  return runs;
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
      // A rule printed a cell a line (plain pdftotext: --- under each of T4's 15 columns) is one leftover.
      const rules = separatorRuns(t.debris.filter((d) => d.kind === 'separator'), lines);
      for (const run of rules) {
        if (run.length < 2) continue;
        const first = run[0]!;
        const edits = run.map((d) => deleteLine(lines, d.range.start.line));
        out.push({
          // The lines whole, to the end of what the last removal takes (its line break).
          range: { start: { line: first.range.start.line, character: 0 }, end: edits[edits.length - 1]!.range.end },
          message: ctx.t({
            zh: `表格中的分隔线“${shortRule(first.text)}”（共 ${run.length} 行，转换遗留）`,
            en: `Rule "${shortRule(first.text)}" inside a table, on ${run.length} lines (conversion leftover)`,
          }),
          fix: { title: ctx.t({ zh: `删除这 ${run.length} 行`, en: `Remove the ${run.length} lines` }), kind: 'safe', edits },
          data: { kind: 'separator', lines: run.length },
        });
      }
      const grouped = new Set(rules.filter((r) => r.length >= 2).flat());
      for (const d of t.debris) {
        if (grouped.has(d)) continue;
        // A page number printed as a bare number (5) is told from a cell by where it stands, not by what it
        // is: a fix that removes it could remove a count (a safe fix never does), so it is the clerk's to delete.
        const bare = d.kind === 'page-number' && BARE_NUMBER.test(d.text);
        out.push({
          range: d.range,
          message: d.kind === 'page-number'
            ? bare
              ? ctx.t({ zh: `表格中的页码“${d.text}”（转换遗留；读取时未作为数值，如确为页码请删除）`, en: `Page number "${d.text}" inside a table (conversion leftover; not read as a value: delete it if it is the page's number)` })
              : ctx.t({ zh: `表格中的页码“${d.text}”（转换遗留）`, en: `Page number "${d.text}" inside a table (conversion leftover)` })
            : ctx.t({ zh: `表格中的分隔线“${shortRule(d.text)}”（转换遗留）`, en: `Rule "${shortRule(d.text)}" inside a table (conversion leftover)` }),
          ...(bare ? {} : { fix: { title: ctx.t({ zh: '删除这一行', en: 'Remove the line' }), kind: 'safe' as const, edits: [deleteLine(lines, d.range.start.line)] } }),
          data: { kind: d.kind },
        });
      }
      // A value is doubled only in a row read with confidence: in a table in doubt, which values are whose is
      // not known (plain PDF text puts two rows' zeros after one label), and the fix would delete a count.
      if (!t.confident) continue;
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
