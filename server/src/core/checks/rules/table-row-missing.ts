import { APPEALS_COLUMNS, PROACTIVE, REQUEST_COLUMNS, REQUEST_ROWS } from '../../format/spec';
import type { Row, Table } from '../../model';
import { BLANK_CELL, proactiveRowsFor, renderRows, requestRow } from '../../template';
import { span } from '../../text/lines';
import { keyOf } from '../../text/normalize';
import { insertLines } from '../edits';
import { rowList, tableName } from '../names';
import type { Check, CheckContext, RawFinding } from '../types';
import { list, shapeFor } from '../util';

export const tableRowMissing: Check = {
  meta: {
    code: 'table-row-missing',
    defaultSeverity: 'error',
    fixes: ['skeleton'],
    description: { zh: '表格缺少规定的行', en: 'Canonical rows are absent from a table that is otherwise there' },
    docs: {
      why: {
        zh: '统计表的每一行都必须填报，即使为 0。复制粘贴时表格常被截断（只粘到“（四）无法提供”为止），缺行会使合计无法核对。',
        en: 'Every row of the tables must be reported, even when 0. Pasting often truncates a table (stopping after （四）无法提供), and missing rows make the sums uncheckable.',
      },
      example: '(四) 无法提供\t1. 本机关不掌握相关政府信息\t0…\n3. 补正后申请内容仍不明确\t\t0…\n（表格到此为止，缺少（五）（六）（七）和“四、结转下年度继续办理”）',
      fix: {
        zh: '对照原表补上缺少的行。快速修复在原位置插入缺少的行，单元格标“/”待填写（不填 0，也不推算合计）；插入的行读取时即为这些行，填写前一直报告为 table-cell-blank。',
        en: 'Add the missing rows from the original table. The quick fix inserts them in place with their cells marked "/" to fill in (no zeros, no totals worked out); they are read back as those rows and reported as table-cell-blank until filled.',
      },
    },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const t of Object.values(ctx.model.tables)) {
      // A table of its header alone (its rows deleted, or cut off right after it) lacks every row: said too.
      if (!t.confident || t.missingRows.length === 0) continue;
      out.push(...missingRuns(ctx, t));
    }
    return out;
  },
};

/** The cells of an inserted T3 row: one blank per column the table has. */
function blanksOf(t: Table): string[] {
  return REQUEST_COLUMNS.filter((c) => t.columns.find((x) => x.key === c.key)?.present).map(() => BLANK_CELL);
}

function canonicalOrder(t: Table): string[] {
  if (t.key === 'requests') return REQUEST_ROWS[t.edition].map((r) => r.key);
  if (t.key === 'proactive') return PROACTIVE[t.edition].flatMap((b) => b.rows.map((r) => r.key));
  return ['values'];
}

/** The missing rows whose canonical label is written within the table's text. */
function writtenUnread(ctx: CheckContext, t: Table): string[] {
  const { start, end } = t.range;
  let text = '';
  for (let i = start.line; i <= end.line && i < ctx.lines.length; i++) {
    const l = ctx.lines[i]!.text;
    text += l.slice(i === start.line ? start.character : 0, i === end.line ? end.character : l.length);
  }
  const written = keyOf(text);
  const labels = new Map<string, string>(t.key === 'requests'
    ? REQUEST_ROWS[t.edition].map((r) => [r.key, r.label])
    : t.key === 'proactive' ? PROACTIVE[t.edition].flatMap((b) => b.rows.map((r) => [r.key, r.label] as [string, string])) : []);
  return t.missingRows.filter((k) => {
    const label = labels.get(k);
    return label !== undefined && written.includes(keyOf(label));
  });
}

function missingRuns(ctx: CheckContext, t: Table): RawFinding[] {
  const { model, lines } = ctx;
  const order = canonicalOrder(t);
  // T2 blocks missing as a whole are table-missing's.
  const skip = new Set<string>();
  if (t.key === 'proactive' && t.blocks) {
    for (const b of t.blocks) if (b.rows.length === 0 && !b.caption) for (const k of PROACTIVE[t.edition].find((x) => x.item === b.item)!.rows) skip.add(k.key);
  }
  const runs: string[][] = [];
  let cur: string[] | null = null;
  // In a text that lost its layout, a row whose label is written in the table but whose values could not be
  // cut from the run (行政许可00%0) is there: layout-lost says the text could not be read whole, not that it lacks it.
  if (t.lost) for (const key of writtenUnread(ctx, t)) skip.add(key);
  for (const key of order) {
    if (t.missingRows.includes(key) && !skip.has(key)) {
      if (!cur) runs.push((cur = []));
      cur.push(key);
    } else cur = null;
  }
  const shape = shapeFor(model, t.key);
  return runs.map((run) => {
    const idx = order.indexOf(run[0]!);
    let before: Row | undefined;
    for (let i = idx - 1; i >= 0 && !before; i--) before = t.rows.get(order[i]!);
    let after: Row | undefined;
    for (let i = order.indexOf(run[run.length - 1]!) + 1; i < order.length && !after; i++) after = t.rows.get(order[i]!);
    // No row at all: after the table's header.
    const anchor = before ?? after ?? { range: span(t.range.end.line, 0, 0) };
    const at = before ? before.range.end.line + 1 : after ? after.range.start.line : t.range.end.line + 1;
    const names = rowList(t.key, run, ctx.locale, t.edition);
    let rows: string[][];
    if (t.key === 'requests') {
      const blanks = blanksOf(t);
      rows = run.map((k) => requestRow(k, blanks, t.edition, true));
    }
    else if (t.key === 'proactive') {
      // As wide as the table's other rows (a label and the widest block's columns), like the skeleton.
      const width = 1 + Math.max(...PROACTIVE[t.edition].map((b) => b.columns.length));
      rows = proactiveRowsFor(run, t.edition).map((r) => [...r, ...new Array<string>(Math.max(0, width - r.length)).fill('')]);
    } else rows = [new Array<string>(APPEALS_COLUMNS.length).fill(BLANK_CELL)];
    const lineText = (lines[anchor.range.start.line]?.text ?? '');
    const range = span(anchor.range.start.line, lineText.length - lineText.trimStart().length, lineText.trimEnd().length);
    const tName = tableName(t.key, ctx.locale);
    return {
      range,
      message: ctx.t({
        zh: `${tName}缺少 ${run.length} 行：${list(names, 'zh')}`,
        en: `The ${tName} lacks ${run.length} row${run.length > 1 ? 's' : ''}: ${list(names, 'en')}`,
      }),
      fix: {
        title: ctx.t({ zh: `插入缺少的 ${run.length} 行（空白待填写）`, en: `Insert the ${run.length} missing row${run.length > 1 ? 's' : ''} (blank, to fill in)` }),
        kind: 'skeleton',
        edits: [insertLines(lines, at, renderRows(rows, shape), model.eol)],
      },
      data: { table: t.key, rows: run },
    };
  });
}
