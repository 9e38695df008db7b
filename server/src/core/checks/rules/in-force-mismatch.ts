import type { Cell, Table } from '../../model';
import { replace } from '../edits';
import { columnName, rowName } from '../names';
import type { Check, RawFinding } from '../types';
import { n } from '../util';

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The rows of 第二十条第（一）项 that carry 本年制发, 本年废止 and 现行有效 (2021 format). */
const ROWS = ['regulations', 'normativeDocuments'] as const;

export const inForceMismatch: Check = {
  meta: {
    code: 'in-force-mismatch',
    defaultSeverity: 'warning',
    fixes: ['suggestion'],
    description: {
      zh: '“现行有效件数”不等于上年现行有效件数 + 本年制发 − 本年废止（R10）',
      en: 'In force differs from last year\'s in force + issued − repealed (R10)',
    },
    docs: {
      why: {
        zh: '主动公开表“第二十条第（一）项”中，本年的“现行有效件数”应等于同一机关上年报告的“现行有效件数”加本年制发件数、减本年废止件数，规章和行政规范性文件分别计算。只有上年报告在工作区（或命令行输入、--previous 文件夹）中、两年都用 2021 年格式时才检查。',
        en: "In T2's 第二十条第（一）项, this year's 现行有效件数 must equal last year's 现行有效件数 of the same agency plus this year's 本年制发件数 minus 本年废止件数, for 规章 and 行政规范性文件 each. Checked when last year's report (2021 format, like this year's) is in the workspace, among the command line's inputs or in --previous.",
      },
      example: '2022 年报告：行政规范性文件\t5\t1\t20\n2023 年报告：行政规范性文件\t3\t0\t22（应为 20 + 3 − 0 = 23）',
      fix: {
        zh: '核对三个数。快速修复（建议，逐条确认）把“现行有效件数”改为算出的值；若是上年数字有误，应改上年报告。',
        en: "Check the three numbers. The quick fix (a suggestion, one at a time) sets 现行有效件数 to the computed value; if last year's number was wrong, correct last year's report instead.",
      },
    },
  },
  run(ctx) {
    const prev = ctx.previous;
    const t = ctx.model.tables.proactive;
    const p = prev?.model.tables.proactive;
    if (!prev || !t?.confident || !p?.confident || t.edition !== '2021' || p.edition !== '2021') return [];
    const out: RawFinding[] = [];
    const src = prev.label ? ctx.t({ zh: prev.label, en: `"${prev.label}"` }) : ctx.t({ zh: '上年报告', en: "last year's report" });
    for (const key of ROWS) {
      const cell = (table: Table, column: string): Cell | undefined => table.rows.get(key)?.cells.find((c) => c.column === column);
      const inForce = cell(t, 'inForce');
      const issued = cell(t, 'issued');
      const repealed = cell(t, 'repealed');
      const last = cell(p, 'inForce');
      if (!inForce || !issued || !repealed || !last) continue;
      if (inForce.value === null || issued.value === null || repealed.value === null || last.value === null) continue;
      const expected = last.value + issued.value - repealed.value;
      if (expected === inForce.value) continue;
      const row = rowName('proactive', key, ctx.locale);
      const col = columnName('proactive', 'inForce', ctx.locale);
      out.push({
        range: inForce.range,
        message: ctx.t({
          zh: `“${row}”的“${col}”应为 ${n(expected)}（${src}现行有效 ${last.raw} + 本年制发 ${issued.raw} − 本年废止 ${repealed.raw}），实为 ${inForce.raw}`,
          en: `${cap(row)}: ${col} should be ${n(expected)} (in force in ${src} ${last.raw} + issued ${issued.raw} − repealed ${repealed.raw}), but is ${inForce.raw}`,
        }),
        related: [{
          range: last.range,
          message: ctx.t({ zh: `${src}：“${row}”现行有效 ${last.raw}`, en: `${src}: ${row} in force ${last.raw}` }),
          ...(prev.uri ? { uri: prev.uri } : {}),
        }],
        ...(expected >= 0 ? {
          fix: {
            title: ctx.t({ zh: `把“${col}”改为 ${n(expected)}（请核实）`, en: `Set ${col} to ${n(expected)} (please verify)` }),
            kind: 'suggestion' as const,
            edits: [replace(inForce.range, n(expected))],
          },
        } : {}),
        data: { table: 'proactive', row: key, column: 'inForce', expected, actual: inForce.value, lastYear: last.value, issued: issued.value, repealed: repealed.value },
      });
    }
    return out;
  },
};
