import { REQUEST_COLUMNS } from '../../format/spec';
import { replace } from '../edits';
import { columnName } from '../names';
import type { Check, RawFinding } from '../types';
import { n } from '../util';

export const carryoverMismatch: Check = {
  meta: {
    code: 'carryover-mismatch',
    defaultSeverity: 'warning',
    fixes: ['suggestion'],
    description: { zh: '“上年结转”与上年报告的“结转下年度继续办理”不一致（R9）', en: 'Carried in differs from last year\'s carried out (R9)' },
    docs: {
      why: {
        zh: '本年的“二、上年结转政府信息公开申请数量”应等于同一机关上年报告的“四、结转下年度继续办理”，每一列分别相等。只有上年报告在工作区（或命令行输入）中时才检查。',
        en: "This year's 上年结转 must equal last year's 结转下年度继续办理 of the same agency, column by column. Checked when last year's report is in the workspace or among the command line's inputs.",
      },
      example: '2021 年报告：四、结转下年度继续办理\t2…\n2022 年报告：二、上年结转政府信息公开申请数量\t0…',
      fix: {
        zh: '快速修复（建议，需核实）把“上年结转”改为上年报告中的数值；也可能是上年报告有误，请核对后再改。',
        en: "The quick fix (a suggestion, to be verified) sets carried in to last year's value; last year's report may be the one in error, so check before applying it.",
      },
    },
  },
  run(ctx) {
    const prev = ctx.previous;
    const t = ctx.model.tables.requests;
    const p = prev?.model.tables.requests;
    if (!prev || !t?.confident || !p?.confident) return [];
    const mine = t.rows.get('carriedIn');
    const theirs = p.rows.get('carriedOut');
    if (!mine || !theirs) return [];
    const out: RawFinding[] = [];
    REQUEST_COLUMNS.forEach((col, i) => {
      if (!t.columns[i]!.present || !p.columns[i]!.present) return;
      const a = mine.cells[i]!;
      const b = theirs.cells[i]!;
      if (a.value === null || b.value === null || a.value === b.value) return;
      const name = columnName('requests', col.key, ctx.locale);
      // The label names the file (it may be Chinese): quoted in English.
      const src = prev.label ? ctx.t({ zh: prev.label, en: `"${prev.label}"` }) : ctx.t({ zh: '上年报告', en: "last year's report" });
      out.push({
        range: a.range,
        message: ctx.t({
          zh: `“上年结转”的“${name}”为 ${a.raw}，而${src}中“结转下年度继续办理”为 ${b.raw}`,
          en: `Carried in (${name}) is ${a.raw}, but carried out in ${src} is ${b.raw}`,
        }),
        related: [{ range: b.range, message: ctx.t({ zh: `${src}：结转下年度继续办理 ${b.raw}`, en: `${src}: carried out ${b.raw}` }), ...(prev.uri ? { uri: prev.uri } : {}) }],
        fix: {
          title: ctx.t({ zh: `把“上年结转”的“${name}”改为 ${n(b.value)}（上年报告的数值，请核实）`, en: `Set carried in (${name}) to ${n(b.value)}, last year's figure (verify)` }),
          kind: 'suggestion',
          edits: [replace(a.range, n(b.value))],
        },
        data: { column: col.key, expected: b.value, actual: a.value },
      });
    });
    return out;
  },
};
