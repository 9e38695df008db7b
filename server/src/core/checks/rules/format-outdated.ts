import { PROACTIVE, PROACTIVE_CONTENT_HEADER, REQUEST_COLUMNS } from '../../format/spec';
import type { ProactiveBlock, Row, Table } from '../../model';
import { BLANK_CELL, renderRows, requestRow } from '../../template';
import { range } from '../../text/lines';
import { keyOf } from '../../text/normalize';
import { replace } from '../edits';
import { tableName } from '../names';
import type { Check, CheckContext, Fix, RawFinding } from '../types';
import { shapeFor } from '../util';

/** 2021 cells that a 2019 cell carries over to: decisions stay decisions, newly made becomes issued. */
const CARRY: Record<string, Record<string, string>> = {
  regulations: { issued: 'made' },
  normativeDocuments: { issued: 'made' },
  licensing: { decisions: 'decisions' },
  penalties: { decisions: 'decisions' },
  enforcement: { decisions: 'decisions' },
};

/** T2 of the 2019 layout into the 2021 one; what has no counterpart is left blank ("/") for the clerk to fill. */
function proactiveFix(ctx: CheckContext, t: Table): Fix {
  const get = (row: string, col: string): string => {
    const c = t.rows.get(row)?.cells.find((x) => x.column === col);
    return c && c.state === 'number' ? c.raw : BLANK_CELL;
  };
  const rows: string[][] = [];
  for (const b of PROACTIVE['2021']) {
    rows.push([b.caption, '', '', '']);
    rows.push([PROACTIVE_CONTENT_HEADER, ...b.columns.map((c) => c.label)]);
    for (const r of b.rows) {
      rows.push([r.label, ...b.columns.map((c) => {
        const from = CARRY[r.key]?.[c.key];
        return from ? get(r.key, from) : BLANK_CELL;
      })]);
    }
  }
  const first = t.range.start.line;
  const last = t.range.end.line;
  return {
    title: ctx.t({ zh: '换成 2021 年格式的表格（保留能对应的数值，其余标“/”待填写；请核实）', en: 'Replace with the 2021 layout (keeping the values that map; the rest marked "/" to fill in; verify)' }),
    kind: 'suggestion',
    edits: [{ range: range(first, 0, last, ctx.lines[last]!.text.length), newText: renderRows(rows, shapeFor(ctx.model, 'proactive')).join(ctx.model.eol) }],
  };
}

/** The single （六）其他处理 row of 2019 into the three rows of 2021; its values go to 3.其他, the other two are left blank. */
function requestsFix(ctx: CheckContext, t: Table, row: Row): Fix | undefined {
  if (t.shape !== 'tabs' || row.range.start.line !== row.range.end.line) return undefined;
  const present = REQUEST_COLUMNS.filter((c) => t.columns.find((x) => x.key === c.key)?.present);
  const values = present.map((c) => row.cells[REQUEST_COLUMNS.indexOf(c)]!.raw || BLANK_CELL);
  const blanks = present.map(() => BLANK_CELL);
  const rows = [requestRow('other.1', blanks), requestRow('other.2', blanks), requestRow('other.3', values)];
  const line = row.range.start.line;
  return {
    title: ctx.t({ zh: '拆成 2021 年格式的三行（原数值计入“3.其他”，另两行待填写；请核实）', en: 'Split into the three rows of the 2021 layout (the values go to "3.其他", the other two rows left to fill in; verify)' }),
    kind: 'suggestion',
    edits: [{ range: range(line, 0, line, ctx.lines[line]!.text.length), newText: renderRows(rows, 'tabs').join(ctx.model.eol) }],
  };
}

/** Column headers only the 2019 layout of table 二 has (本年新制作数量, 上一年项目数量, 本年增/减 …), normalised. */
const OLD_ONLY_HEADERS: ReadonlySet<string> = (() => {
  const now = new Set(PROACTIVE['2021'].flatMap((b) => b.columns.flatMap((c) => [c.label, ...(c.variants ?? [])])).map(keyOf));
  return new Set(PROACTIVE['2019'].flatMap((b) => b.columns.map((c) => keyOf(c.label))).filter((k) => !now.has(k)));
})();

/**
 * A block of a table read in the 2021 layout whose header is still the 2019 one (the clerk updated some blocks
 * and not others). The fix rewrites the header and marks the values that do not carry over "/", when the
 * block has as many columns in both layouts.
 */
function outdatedBlock(ctx: CheckContext, t: Table, b: ProactiveBlock): RawFinding | null {
  const old = b.header.filter((h) => OLD_ONLY_HEADERS.has(keyOf(h.text)));
  if (old.length === 0) return null;
  const now = PROACTIVE['2021'].find((x) => x.item === b.item)!;
  const before = PROACTIVE['2019'].find((x) => x.item === b.item);
  const first = old[0]!.range;
  const last = old[old.length - 1]!.range;
  const f: RawFinding = {
    range: first.start.line === last.end.line ? { start: first.start, end: last.end } : first,
    message: ctx.t({
      zh: `“${now.caption}”的表头“${old.map((h) => h.text).join('”“')}”是 2019 年试行格式；${ctx.model.year} 年度报告应为“${now.columns.map((c) => c.label).join('”“')}”`,
      en: `The header of "${now.caption}" ("${old.map((h) => h.text).join('", "')}") is the 2019 trial layout; a ${ctx.model.year} report has "${now.columns.map((c) => c.label).join('", "')}"`,
    }),
    data: { table: 'proactive', block: b.item },
  };
  const single = (r: { start: { line: number }; end: { line: number } }) => r.start.line === r.end.line;
  if (before && b.header.length === now.columns.length && before.columns.length === now.columns.length && b.header.every((h) => single(h.range))) {
    const edits = b.header.flatMap((h, i) => (h.text === now.columns[i]!.label ? [] : [replace(h.range, now.columns[i]!.label)]));
    for (const key of b.rows) {
      const row = t.rows.get(key)!;
      now.columns.forEach((c, i) => {
        const cell = row.cells[i];
        if (!cell || cell.state !== 'number' || !single(cell.range)) return;
        if (CARRY[key]?.[c.key] !== before.columns[i]!.key) edits.push(replace(cell.range, BLANK_CELL));
      });
    }
    f.fix = {
      title: ctx.t({ zh: '换成 2021 年格式的表头（保留能对应的数值，其余标“/”待填写；请核实）', en: 'Use the 2021 header (keeping the values that map; the rest marked "/" to fill in; verify)' }),
      kind: 'suggestion',
      edits,
    };
  }
  return f;
}

export const formatOutdated: Check = {
  meta: {
    code: 'format-outdated',
    defaultSeverity: 'warning',
    fixes: ['suggestion'],
    description: { zh: '2021 年及以后的报告使用了 2019 年试行格式的表格', en: '2019-format tables in a 2021+ report' },
    docs: {
      why: {
        zh: '自 2021 年度报告起执行国办公开办函〔2021〕30号规定的新格式。照搬旧报告时常留下 2019 年试行格式的表格：第二部分表头为“本年新制作数量”“上一年项目数量”等，有“政府集中采购”行；第三部分表中“（六）其他处理”只有一行。',
        en: 'Reports for 2021 on use the format of 国办公开办函〔2021〕30号. Copying an old report leaves the 2019 trial tables: 本年新制作数量 or 上一年项目数量 headers and a 政府集中采购 row in 二, a single-row （六）其他处理 in 三.',
      },
      example: '第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
      fix: {
        zh: '快速修复（建议，需核实：旧表的数值搬到新表的哪一格是推断）把第二部分的表换成 2021 年格式（保留“处理决定数量”等能对应的数值，其余标“/”待填写）；若只有某一块仍是旧表头，只改写这一块的表头；或把单行的“（六）其他处理”拆成三行（原数值计入“3.其他”，另两行待填写）。',
        en: 'The quick fix (a suggestion, to be verified: where an old value goes in the new table is inferred) replaces table 二 with the 2021 layout (keeping values that map, marking the rest "/" to fill in), or rewrites the header of the one block still in the 2019 layout, or splits the single （六）其他处理 row into three (its values go to 3.其他, the other two rows are left to fill in).',
      },
    },
  },
  run(ctx) {
    const { model } = ctx;
    if (model.expectedFormat !== '2021') return [];
    const out: RawFinding[] = [];
    const t2 = model.tables.proactive;
    if (t2 && t2.edition === '2019' && t2.rows.size > 0) {
      const where = t2.headerRange ?? t2.rows.values().next().value!.range;
      const f: RawFinding = {
        range: { start: where.start, end: where.start.line === where.end.line ? where.end : { line: where.start.line, character: ctx.lines[where.start.line]!.text.trimEnd().length } },
        message: ctx.t({
          zh: `${model.year} 年度报告的${tableName('proactive', 'zh')}用的是 2019 年试行格式（应为 2021 年格式）`,
          en: `The ${tableName('proactive', 'en')} of this ${model.year} report uses the 2019 trial layout (the 2021 layout applies)`,
        }),
        data: { table: 'proactive' },
      };
      f.fix = proactiveFix(ctx, t2);
      out.push(f);
    } else if (t2 && t2.edition === '2021' && t2.blocks) {
      for (const b of t2.blocks) {
        const f = outdatedBlock(ctx, t2, b);
        if (f) out.push(f);
      }
    }
    const t3 = model.tables.requests;
    const other = t3?.edition === '2019' ? t3.rows.get('other') : undefined;
    if (t3 && other) {
      const f: RawFinding = {
        range: other.label?.range ?? other.range,
        message: ctx.t({
          zh: `“（六）其他处理”只有一行，是 2019 年试行格式；2021 年格式分为 3 行`,
          en: 'The single "（六）其他处理" row is the 2019 trial layout; the 2021 layout has three rows',
        }),
        data: { table: 'requests' },
      };
      const fix = requestsFix(ctx, t3, other);
      if (fix) f.fix = fix;
      out.push(f);
    }
    return out;
  },
};
