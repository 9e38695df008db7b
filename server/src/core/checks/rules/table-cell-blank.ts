import type { TableKey } from '../../format/spec';
import type { Cell, Table } from '../../model';
import { isWhiteSpace, type Line, type Range } from '../../text/lines';
import { replace } from '../edits';
import { tableName } from '../names';
import type { Check, RawFinding, TextEdit } from '../types';
import { targetWhere, termsText } from '../sum-finding';
import { type Equation, equationsOf } from '../sums';
import { cellCensus, cellWhere, n, plainCount } from '../util';

/** What the report's own sums say a blank cell must hold: the value each sum whose other cells are all written gives it. */
interface Implied {
  /** The one value every such sum gives, when they agree on a count (a whole number ≥ 0). */
  value?: number;
  /** The sum that says so (the first of them), for the message. */
  by: Equation;
}

/**
 * The sums that pin a blank cell down: those in which it is the only cell without a written count. Each
 * gives the value the cell must hold for that sum to hold (target = Σ sign·term, solved for the blank cell).
 * Undefined when no sum does; `value` undefined when the sums disagree or give no count (a negative or
 * fractional value: the written figures disagree among themselves, whatever the blank holds).
 */
function impliedBy(equations: readonly Equation[], cell: Cell): Implied | undefined {
  let by: Equation | undefined;
  let value: number | undefined;
  let agree = true;
  for (const eq of equations) {
    let solved: number | undefined;
    if (eq.target === cell) {
      if (!eq.terms.every((t) => plainCount(t.cell))) continue;
      solved = eq.terms.reduce((s, t) => s + t.sign * t.cell.value!, 0);
    } else {
      const own = eq.terms.find((t) => t.cell === cell);
      if (!own || !plainCount(eq.target) || !eq.terms.every((t) => t === own || plainCount(t.cell))) continue;
      const rest = eq.terms.reduce((s, t) => (t === own ? s : s + t.sign * t.cell.value!), 0);
      solved = own.sign * (eq.target.value! - rest);
    }
    if (by === undefined) {
      by = eq;
      value = solved;
    } else if (solved !== value) agree = false;
  }
  if (!by) return undefined;
  const count = agree && value !== undefined && value >= 0 && Number.isInteger(value);
  return count ? { value, by } : { by };
}

/**
 * The 0 written into a blank cell: with a space before (or after) it where the blank has no room of its own —
 * a blank cell of text whose cells are one space apart sits right after the value before it (parse/short.ts).
 */
function zeroFor(lines: readonly Line[], range: Range): string {
  if (range.start.line !== range.end.line || range.start.character !== range.end.character) return '0';
  const text = lines[range.start.line]?.text ?? '';
  const before = text.charCodeAt(range.start.character - 1);
  const after = text.charCodeAt(range.start.character);
  const tight = (c: number) => !Number.isNaN(c) && c !== 9 && c !== 124 && !isWhiteSpace(c);
  if (tight(before)) return ' 0';
  if (tight(after)) return '0 ';
  return '0';
}

/** Zeros written at one place (blank cells one space apart share it) as one insertion: `2 1 3` → `2 1 0 0 0 0 3`. */
function coalesce(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const prev = out[out.length - 1];
    const empty = (r: Range) => r.start.line === r.end.line && r.start.character === r.end.character;
    if (prev && empty(prev.range) && empty(e.range) && prev.range.start.line === e.range.start.line && prev.range.start.character === e.range.start.character) {
      out[out.length - 1] = { ...prev, newText: prev.newText + e.newText };
    } else out.push(e);
  }
  return out;
}

export const tableCellBlank: Check = {
  meta: {
    code: 'table-cell-blank',
    defaultSeverity: 'warning',
    fixes: ['suggestion'],
    description: { zh: '应填数值的单元格为空或为“/”“—”“-”', en: 'A blank, /, — or - where a number belongs' },
    docs: {
      why: {
        zh: '统计表中没有发生的事项应填 0。空白或“/”“—”表示“未填写”，既不是 0 也无法参与合计，检查器不会把它当作 0 计算。',
        en: 'Nothing happened means 0. A blank, "/" or "—" means "not filled": it is not 0 and the checker does not silently count it as 0 in the sums.',
      },
      example: '行政许可\t/',
      fix: {
        zh: '快速修复（建议，需核实）填入 0，只在确实没有发生时采用；也可一次把整张表的空白都填为 0（同样需逐一核实）。若本表的合计（其余各格都已填写）表明此格不是 0，则不建议填 0，而是建议合计推算出的数值（标题写明依据），合计之间不一致时不提供修复；这样的空白也不在“都填为 0”之列。插入表格、行或列的快速修复留下的“/”也在此报告，直到填上实际数值。',
        en: 'The quick fix (a suggestion, to be verified) writes 0, for when there really were none; another fills every blank of the table with 0 (each to be verified too). When the table\'s sums (every other cell of them written) say the cell is not 0, 0 is not offered: the value the sums imply is, titled with the sum it comes from, and nothing when the sums disagree; such blanks are left out of the fill-all too. The "/" left by fixes that insert a table, rows or a column is reported here too until the real figures are written.',
      },
    },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    const blanks = cellCensus(ctx.model, ctx.memo).blanks;
    const equations = new Map<Table, Equation[]>();
    for (let k = 0; k < blanks.length; k++) {
      const { at: { table: t, row: { key: row } }, cell } = blanks[k]!;
      const range = cell.range;
      const where = ctx.t(cellWhere(t, row, cell.column));
      const what = cell.raw ? ctx.t({ zh: `为“${cell.raw}”`, en: ` is "${cell.raw}"` }) : ctx.t({ zh: '为空', en: ' is blank' });
      let eqs = equations.get(t);
      if (!eqs) equations.set(t, (eqs = equationsOf(t)));
      const implied = impliedBy(eqs, cell);
      const data = { table: t.key, row, column: cell.column };
      let f: RawFinding;
      if (!implied || implied.value === 0) {
        // Nothing written says otherwise (or the sums say 0 too): 0, for when there were none.
        f = {
          range,
          message: ctx.t({ zh: `${where}${what}，未填写数值（没有发生应填 0）`, en: `${where}${what}: no figure written (write 0 when there were none)` }),
          fix: { title: ctx.t({ zh: `在${where}填入 0（确无此类情况时；请核实）`, en: `Write 0 in ${where} (if there were none; verify)` }), kind: 'suggestion', edits: [replace(range, zeroFor(ctx.lines, range))] },
          data,
        };
      } else {
        // The report's own figures say the cell is not 0: offering 0 would contradict them.
        // What the value comes from: the parts it is the total of, or the total it is a part of (and its figure).
        const eq = implied.by;
        const by =
          eq.target === cell
            ? { zh: `其各项之和（${termsText(eq, 'zh')}）`, en: `the sum of its parts (${termsText(eq, 'en')})` }
            : { zh: `${targetWhere(eq, 'zh')}（${n(eq.target.value!)}）`, en: `${targetWhere(eq, 'en')} (${n(eq.target.value!)})` };
        const v = implied.value;
        f =
          v === undefined
            ? {
                range,
                message: ctx.t({
                  zh: `${where}${what}，未填写数值；本表的合计与此格填 0 不符，且无法推算出一致的数值，请填写实际数值`,
                  en: `${where}${what}: no figure written; the table's sums rule out 0 and give no one value for it — write the real figure`,
                }),
                data: { ...data, implied: 'conflict' },
              }
            : {
                range,
                message: ctx.t({
                  zh: `${where}${what}，未填写数值；按${by.zh}推算应为 ${n(v)}`,
                  en: `${where}${what}: no figure written; ${by.en} implies ${n(v)}`,
                }),
                fix: {
                  title: ctx.t({ zh: `在${where}填入 ${n(v)}（按${by.zh}推算；请核实）`, en: `Write ${n(v)} in ${where} (implied by ${by.en}; verify)` }),
                  kind: 'suggestion',
                  edits: [replace(range, zeroFor(ctx.lines, range).replace('0', String(v)))],
                },
                data: { ...data, implied: v },
              };
      }
      out.push(f);
    }
    return out;
  },
  /** Fill every blank of the finding's table with 0: computed only when asked for, from the other findings. */
  groupFix(finding, siblings, t) {
    const table = finding.data?.table as TableKey | undefined;
    if (!table) return undefined;
    // Only the blanks whose own fix writes 0: a blank the sums give another value is left to its own fix.
    const same = siblings.filter((s) => s.data?.table === table && s.fix && s.data?.implied === undefined);
    if (same.length < 2) return undefined;
    return {
      title: t({ zh: `把${tableName(table, 'zh')}的 ${same.length} 个空白都填为 0（请逐一核实）`, en: `Fill all ${same.length} blanks of the ${tableName(table, 'en')} with 0 (verify each)` }),
      kind: 'suggestion',
      edits: coalesce(same.flatMap((s) => s.fix!.edits)),
    };
  },
};
