/**
 * Turns a sum finding of the analysis into a diagnostic: the message names the row, column and numbers
 * (`“总计”列应为 9（自然人 8 + 商业企业 1），实为 0`), related information names the other sums the same
 * correction repairs, and the fix — a suggestion: any cell of a failed sum may be the wrong one — sets the cell
 * when doing so breaks no sum that holds. It is the preferred fix only when the figures pin the cell down: one
 * correction of it repairs several sums at once.
 */
import type { SumSpec } from '../format/spec';
import type { Cell } from '../model';
import { replace } from './edits';
import { columnName, rowName } from './names';
import type { Equation, SumFinding } from './sums';
import { sumsOf } from './sums';
import type { CheckContext, Locale, RawFinding, Related } from './types';
import { n } from './util';

function cellName(table: SumSpec['table'], cell: Cell, locale: Locale): string {
  const r = rowName(table, cell.row, locale);
  const c = columnName(table, cell.column, locale);
  if (table === 'appeals') return c;
  return locale === 'en' ? `${r} / ${c}` : `${r}“${c}”`;
}

/** The other side of an equation in words: 自然人 8 + 商业企业 1 (zero terms left out). */
export function termsText(eq: Equation, locale: Locale, values?: Map<Cell, number>): string {
  const parts: string[] = [];
  for (const t of eq.terms) {
    const v = values?.get(t.cell) ?? t.cell.value ?? 0;
    if (v === 0 && eq.terms.length > 3) continue;
    const name = eq.spec.over === 'columns' ? columnName(eq.spec.table, t.cell.column, locale) : rowName(eq.spec.table, t.cell.row, locale);
    const shortName = eq.spec.table === 'appeals' ? name.replace(/^.*“(.*)”$/, '$1').replace(/^.*: /, '') : name;
    parts.push(`${parts.length === 0 ? (t.sign < 0 ? '−' : '') : t.sign < 0 ? ' − ' : ' + '}${shortName} ${n(v)}`);
  }
  if (parts.length === 0) return locale === 'en' ? 'all terms are 0' : '各项均为 0';
  return parts.join('');
}

/** Where an equation's total is, in words: “本年新收”行的“总计”, “自然人”列的“（七）总计”, 行政复议“总计”. */
export function targetWhere(eq: Equation, locale: Locale): string {
  const { table } = eq.spec;
  const cell = eq.target;
  if (table === 'appeals') return columnName('appeals', cell.column, locale);
  const row = rowName(table, cell.row, locale);
  const col = columnName(table, cell.column, locale);
  if (eq.spec.over === 'columns') return locale === 'en' ? `the ${col} of "${row}"` : `“${row}”行的“${col}”`;
  return locale === 'en' ? `"${row}" in the ${col} column` : `“${col}”列的“${row}”`;
}

/** R1 in words: 本年新收 8 + 上年结转 0 = 8，而办理结果总计 9 + 结转下年度 0 = 9. Every number is the report's own. */
function balanceText(eq: Equation, locale: Locale): string {
  const v = (row: string) => (row === eq.target.row ? eq.target.value : eq.terms.find((t) => t.cell.row === row)?.cell.value) ?? 0;
  const left = v('new') + v('carriedIn');
  const right = v('total') + v('carriedOut');
  return locale === 'en'
    ? `new ${n(v('new'))} + carried in ${n(v('carriedIn'))} = ${n(left)}, but total handled ${n(v('total'))} + carried out ${n(v('carriedOut'))} = ${n(right)}`
    : `本年新收 ${n(v('new'))} + 上年结转 ${n(v('carriedIn'))} = ${n(left)}，而办理结果总计 ${n(v('total'))} + 结转下年度 ${n(v('carriedOut'))} = ${n(right)}`;
}

/**
 * A failed sum in a clerk's words, with the report's numbers: where the total is, what it says, and what its
 * parts add up to (R1 as the balance of its two sides). No negative numbers, no internal terms.
 */
function sumStatement(eq: Equation, locale: Locale): string {
  if (eq.spec.id === 'R1') {
    const col = columnName('requests', eq.along, locale);
    return locale === 'en' ? `The ${col} column does not balance: ${balanceText(eq, locale)}` : `“${col}”列不平衡：${balanceText(eq, locale)}`;
  }
  const sum = eq.terms.reduce((s, t) => s + t.sign * (t.cell.value ?? 0), 0);
  const total = n(eq.target.value ?? 0);
  return locale === 'en'
    ? `${targetWhere(eq, 'en')} is ${total}, but ${termsText(eq, 'en')} = ${n(sum)}`
    : `${targetWhere(eq, 'zh')}为 ${total}，而${termsText(eq, 'zh')} = ${n(sum)}`;
}

/** R1's rows as its balance names them. */
const BALANCE_WORDS: Record<string, { zh: string; en: string }> = {
  new: { zh: '本年新收', en: 'new' },
  carriedIn: { zh: '上年结转', en: 'carried in' },
  total: { zh: '办理结果总计', en: 'total handled' },
  carriedOut: { zh: '结转下年度', en: 'carried out' },
};

/** The other numbers of an equation a clerk should look at when `cell` is right: for R1 the rest of the column, else the total. */
function othersToCheck(eq: Equation, cell: Cell, locale: Locale): string {
  if (eq.spec.id === 'R1') {
    const words = [...eq.terms.map((t) => t.cell), eq.target].filter((c) => c !== cell).map((c) => BALANCE_WORDS[c.row]?.[locale] ?? c.row);
    return locale === 'en' ? `${words.join(', ')} in the same column` : `同列的${words.join('、')}`;
  }
  if (eq.target === cell) return termsText(eq, locale);
  return targetWhere(eq, locale);
}

function message(ctx: CheckContext, f: SumFinding): string {
  const eq = f.primary;
  const { locale } = ctx;
  const actual = f.cell.raw || '—';
  const spec = eq.spec;
  if (f.edited && (f.cell !== eq.target || spec.id === 'R1')) {
    // The user just typed this cell: say what no longer adds up, and which other numbers to check if it is right.
    const name = cellName(spec.table, f.cell, locale);
    const also = f.also.length === 0 ? '' : ctx.t({ zh: `；同时影响：${f.also.map((e) => e.spec.names.zh).join('；')}`, en: `; it also affects: ${f.also.map((e) => e.spec.names.en).join('; ')}` });
    return ctx.t({
      zh: `${sumStatement(eq, 'zh')}。刚填写的${name}为 ${actual}：若此数无误，请核对${othersToCheck(eq, f.cell, 'zh')}；否则此处应为 ${n(f.expected)}${also}`,
      en: `${sumStatement(eq, 'en')}. You just entered ${actual} in ${name}: if it is right, check ${othersToCheck(eq, f.cell, 'en')}; if not, it should be ${n(f.expected)}${also}`,
    });
  }
  if (f.cell === eq.target && spec.id !== 'R1' && f.corroborated?.length) {
    // The total agrees with another sum: saying it should be the parts' sum would blame the likelier-right cell.
    const agrees = f.corroborated.map((e) => `“${e.spec.names.zh}”`).join('、');
    const agreesEn = f.corroborated.map((e) => `"${e.spec.names.en}"`).join(', ');
    return ctx.t({
      zh: `${sumStatement(eq, 'zh')}；此合计数符合${agrees}，错处更可能在各项之中，请逐项核对`,
      en: `${sumStatement(eq, 'en')}; the total agrees with ${agreesEn}, so the wrong figure is more likely one of its parts: check each`,
    });
  }
  if (f.cell === eq.target && spec.id !== 'R1') {
    const where = spec.over === 'columns'
      ? (spec.table === 'appeals'
        ? columnName('appeals', f.cell.column, locale)
        : ctx.t({ zh: `“${rowName(spec.table, f.cell.row, 'zh')}”行的“${columnName(spec.table, f.cell.column, 'zh')}”列`, en: `Row "${rowName(spec.table, f.cell.row, 'en')}", ${columnName(spec.table, f.cell.column, 'en')} column,` }))
      : ctx.t({ zh: `“${rowName(spec.table, f.cell.row, 'zh')}”的“${columnName(spec.table, f.cell.column, 'zh')}”列`, en: `"${rowName(spec.table, f.cell.row, 'en')}" in the ${columnName(spec.table, f.cell.column, 'en')} column` });
    return ctx.t({
      zh: `${where}应为 ${n(f.expected)}（${termsText(eq, 'zh')}），实为 ${actual}`,
      en: `${where} should be ${n(f.expected)} (${termsText(eq, 'en')}), but is ${actual}`,
    });
  }
  if (spec.id === 'R1' && f.cell === eq.target) {
    const fixNote = f.safe
      ? ctx.t({ zh: `；若其余各数无误，“结转下年度继续办理”应为 ${n(f.expected)}`, en: `; if the rest is right, carried over should be ${n(f.expected)}` })
      : f.expected < 0
        ? ctx.t({ zh: '；结转下年度不能为负数，请核对同列的本年新收、上年结转和办理结果总计', en: '; carried out cannot be negative: check new, carried in and total handled in the same column' })
        : '';
    return sumStatement(eq, locale) + fixNote;
  }
  // A term cell at fault for several sums: name them all.
  const sums = [eq, ...f.also];
  return ctx.t({
    zh: `${cellName(spec.table, f.cell, 'zh')}应为 ${n(f.expected)}，实为 ${actual}；改为 ${n(f.expected)} 后这些合计都成立：${sums.map((e) => e.spec.names.zh).join('；')}`,
    en: `${cellName(spec.table, f.cell, 'en')} should be ${n(f.expected)}, not ${actual}; then these sums all hold: ${sums.map((e) => e.spec.names.en).join('; ')}`,
  });
}

export function sumFindings(ctx: CheckContext, code: SumSpec['code']): RawFinding[] {
  const analysis = sumsOf(ctx.memo, ctx.model, ctx.edited);
  const out: RawFinding[] = [];
  for (const f of analysis.findings) {
    if (f.primary.spec.code !== code) continue;
    const related: Related[] = f.also.map((eq) => ({
      range: eq.target.range,
      message: ctx.t({ zh: `同一处更正也使此合计成立：${sumStatement(eq, 'zh')}`, en: `The same correction also repairs this sum: ${sumStatement(eq, 'en')}` }),
    }));
    if (f.also.length === 0) {
      for (const t of f.primary.terms) {
        if (t.cell === f.cell) continue;
        related.push({ range: t.cell.range, message: cellName(f.primary.spec.table, t.cell, ctx.locale) + ' = ' + (t.cell.raw || '—') });
      }
      if (f.primary.target !== f.cell) related.push({ range: f.primary.target.range, message: cellName(f.primary.spec.table, f.primary.target, ctx.locale) + ' = ' + (f.primary.target.raw || '—') });
    }
    const finding: RawFinding = {
      range: f.cell.range,
      message: message(ctx, f),
      related,
      data: {
        sum: f.primary.spec.id,
        table: f.primary.spec.table,
        row: f.cell.row,
        column: f.cell.column,
        expected: f.expected,
        actual: f.cell.value,
        also: f.also.map((e) => e.spec.id),
        ...(f.edited ? { edited: true } : {}),
      },
    };
    if (f.safe) {
      const table = f.primary.spec.table;
      const where = table === 'appeals'
        ? { zh: columnName(table, f.cell.column, 'zh'), en: columnName(table, f.cell.column, 'en') }
        : { zh: `“${rowName(table, f.cell.row, 'zh')}”的“${columnName(table, f.cell.column, 'zh')}”`, en: cellName(table, f.cell, 'en') };
      finding.fix = {
        title: ctx.t({ zh: `把${where.zh}改为 ${n(f.expected)}（请核实）`, en: `Set ${where.en} to ${n(f.expected)} (verify)` }),
        kind: 'suggestion',
        edits: [replace(f.cell.range, n(f.expected))],
        ...(f.also.length > 0 ? { preferred: true } : {}),
      };
    }
    out.push(finding);
  }
  return out;
}
