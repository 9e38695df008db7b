import { REQUEST_COLUMNS } from '../../format/spec';
import type { Row, Table } from '../../model';
import { BLANK_CELL } from '../../template';
import { span } from '../../text/lines';
import type { TextEdit } from '../types';
import { columnName, tableName } from '../names';
import type { Check, CheckContext, RawFinding } from '../types';
import { list, n } from '../util';

export const tableColumnMissing: Check = {
  meta: {
    code: 'table-column-missing',
    defaultSeverity: 'error',
    fixes: ['skeleton', 'suggestion'],
    description: { zh: '表格每一行都缺少同一列', en: 'A column is absent on every row of a table' },
    docs: {
      why: {
        zh: '收到和处理政府信息公开申请情况表有七列：自然人、五类法人或其他组织、总计。缺少一列（常见的是“总计”）时各行无法核对。',
        en: 'The requests table has seven columns: natural persons, five kinds of organisations, and 总计. A missing column (usually 总计) leaves the rows uncheckable.',
      },
      example: '一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0    ← 只有六个数，缺“总计”',
      fix: {
        zh: '对照原表补上该列。快速修复补上该列，单元格标“/”待填写；另一个快速修复（建议，需核实）按合计关系算出该列（总计 = 各类申请人之和；其他列 = 总计 − 其余各列），算不出的格仍标“/”。仅用于按制表符分隔的表格。',
        en: 'Add the column from the original table. The quick fix adds it with its cells marked "/" to fill in; another (a suggestion, to be verified) computes it from the sums (total = sum of applicants; another column = total − the rest), leaving "/" where it cannot. Tab-separated tables only.',
      },
    },
  },
  run(ctx) {
    const t = ctx.model.tables.requests;
    if (!t || !t.confident || t.rows.size === 0) return [];
    const missing = t.columns.filter((c) => !c.present).map((c) => c.key);
    if (missing.length === 0) return [];
    const names = missing.map((k) => columnName('requests', k, ctx.locale));
    const firstRow = t.rows.values().next().value as Row;
    const range = t.headerRange ?? firstRow.range;
    const finding: RawFinding = {
      range: range.start.line === range.end.line ? range : span(range.start.line, range.start.character, ctx.lines[range.start.line]!.text.trimEnd().length),
      message: ctx.t({
        zh: `${tableName('requests', 'zh')}缺少${list(names.map((x) => `“${x}”`), 'zh')}列`,
        en: `The ${tableName('requests', 'en')} has no ${list(names.map((x) => `"${x}"`), 'en')} column`,
      }),
      data: { table: 'requests', columns: missing },
    };
    const blank = missing.length === 1 && t.shape === 'tabs' ? addColumn(ctx, t, missing[0]!, false) : null;
    const computed = blank ? addColumn(ctx, t, missing[0]!, true) : null;
    if (blank) {
      finding.fix = { title: ctx.t({ zh: `补上“${names[0]}”列（空白待填写）`, en: `Add the "${names[0]}" column (blank, to fill in)` }), kind: 'skeleton', edits: blank };
    }
    if (computed) {
      finding.moreFixes = [{
        title: ctx.t({ zh: `补上“${names[0]}”列，按合计关系算出（请核实）`, en: `Add the "${names[0]}" column, computed from the sums (verify)` }),
        kind: 'suggestion',
        edits: computed,
      }];
    }
    return [finding];
  },
};

/**
 * The edits that add column `key` to every row (and 总计 to the header): cells "/" to fill in, or, `computed`,
 * the values the sums give ("/" where they give none). Null when the column cannot be placed, or when nothing
 * can be computed.
 */
function addColumn(ctx: CheckContext, t: Table, key: string, computed: boolean): TextEdit[] | null {
  const keys = REQUEST_COLUMNS.map((c) => c.key);
  const parts = keys.filter((k) => k !== 'total');
  const edits: TextEdit[] = [];
  let known = 0;
  for (const row of t.rows.values()) {
    const cell = (k: string) => row.cells[keys.indexOf(k)]!;
    let value: number | null = 0;
    if (!computed) value = null;
    else if (key === 'total') {
      for (const k of parts) {
        const v = cell(k).value;
        value = v === null || value === null ? null : value + v;
      }
    } else {
      const total = cell('total').value;
      value = total;
      for (const k of parts) {
        if (k === key || value === null) continue;
        const v = cell(k).value;
        value = v === null ? null : value - v;
      }
      if (value !== null && value < 0) value = null;
    }
    if (value !== null) known++;
    const text = value === null ? BLANK_CELL : n(value);
    const present = row.cells.filter((c) => c.state !== 'missing');
    if (present.length === 0) return null;
    // Only rows written with tabs take a cell so (a row aligned with spaces, or one cell a line, would break).
    if (present.some((c) => c.range.start.line !== present[0]!.range.start.line) || !ctx.lines[present[0]!.range.start.line]!.text.includes('\t')) return null;
    const idx = keys.indexOf(key);
    const next = row.cells.slice(idx + 1).find((c) => c.state !== 'missing');
    if (next) edits.push({ range: { start: next.range.start, end: next.range.start }, newText: `${text}\t` });
    else {
      const last = present[present.length - 1]!;
      edits.push({ range: { start: last.range.end, end: last.range.end }, newText: `\t${text}` });
    }
  }
  if (key === 'total' && t.headerRange) {
    const line = t.headerRange.start.line;
    const end = ctx.lines[line]!.text.length;
    edits.push({ range: span(line, end, end), newText: `\t${columnName('requests', 'total', 'zh')}` });
  }
  if (computed && known === 0) return null;
  edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return edits;
}
