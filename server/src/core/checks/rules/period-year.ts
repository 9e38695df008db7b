import { replace } from '../edits';
import type { Check, RawFinding, TextEdit } from '../types';

export const periodYear: Check = {
  meta: {
    code: 'period-year',
    defaultSeverity: 'error',
    fixes: ['suggestion'],
    description: { zh: '统计期限与报告年度不符，或不是整年（R11）', en: 'The statistics period disagrees with the report year, or is not the whole year (R11)' },
    docs: {
      why: {
        zh: '“本报告中所列数据的统计期限自 X 年 1 月 1 日起至 X 年 12 月 31 日止”中的年份必须与标题的年度一致。照搬上年报告时最容易漏改这里。',
        en: 'The years of the statistics-period sentence must be the title\'s year. It is the line most often left unchanged when last year\'s report is copied.',
      },
      example: '2022年政府信息公开工作年度报告\n……统计期限自2021年1月1日起至2021年12月31日止。',
      fix: { zh: '快速修复（建议，需核实）把统计期限中的年份改为标题中的报告年度；若是标题的年度写错，应改标题。', en: "The quick fix (a suggestion, to be verified) sets the period's years to the title's year; if the title's year is the wrong one, correct the title instead." },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const p = model.period;
    if (!p || model.year === null || !model.yearRange) return [];
    const year = model.year;
    const out: RawFinding[] = [];
    const yearsWrong = p.start.year !== year || p.end.year !== year;
    const partial = p.start.month !== 1 || p.start.day !== 1 || p.end.month !== 12 || p.end.day !== 31;
    if (!yearsWrong && !partial) return [];
    const written = `${p.start.year}年${p.start.month}月${p.start.day}日—${p.end.year}年${p.end.month}月${p.end.day}日`;
    const iso = (d: { year: number; month: number; day: number }) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    const writtenEn = `${iso(p.start)} to ${iso(p.end)}`;
    const f: RawFinding = {
      range: p.range,
      message: yearsWrong
        ? ctx.t({ zh: `统计期限（${written}）与报告年度 ${year} 年不符，应为 ${year}年1月1日至${year}年12月31日`, en: `The statistics period (${writtenEn}) does not match the report year ${year}; it should be 1 January to 31 December ${year}` })
        : ctx.t({ zh: `统计期限（${written}）不是整年，应为 ${year}年1月1日至${year}年12月31日`, en: `The statistics period (${writtenEn}) is not the whole year; it should be 1 January to 31 December ${year}` }),
      related: [{ range: model.yearRange, message: ctx.t({ zh: `标题中的年度：${year}`, en: `Year in the title: ${year}` }) }],
      data: { year, start: p.start.year, end: p.end.year },
    };
    if (yearsWrong) {
      const edits: TextEdit[] = [];
      if (p.start.year !== year) edits.push(replace(p.start.yearRange, String(year)));
      // (A year written once — 2022年度, or 至12月31日 with no year — is one edit.)
      const once = p.end.yearRange.start.line === p.start.yearRange.start.line && p.end.yearRange.start.character === p.start.yearRange.start.character;
      if (p.end.year !== year && !(once && p.start.year !== year)) edits.push(replace(p.end.yearRange, String(year)));
      f.fix = { title: ctx.t({ zh: `把统计期限的年份改为 ${year}（与标题一致，请核实）`, en: `Set the period's years to ${year}, the title's year (verify)` }), kind: 'suggestion', edits };
    }
    out.push(f);
    return out;
  },
};
