import { FEE_WORDS, REQUEST_COLUMNS } from '../../format/spec';
import { FEE_PLACEHOLDER } from '../../template';
import type { Section } from '../../model';
import type { Line } from '../../text/lines';
import { normalize } from '../../text/normalize';
import { insertLinesAfter } from '../edits';
import { signatureAt } from './section-missing';
import type { Check, RawFinding } from '../types';
import { inlineBody } from '../util';

/** The last line of section 六's own text, where the fee sentence goes: before a closing signature, not after it. */
function endOfText(lines: readonly Line[], s6: Section): number {
  const head = s6.range.start.line;
  const sig = signatureAt(lines, head, s6.range.end.line);
  if (sig < 0) return s6.range.end.line;
  let k = sig - 1;
  while (k > head && lines[k]!.text.trim() === '') k--;
  return k;
}

/** The longest of the fee's words: a mention split over two lines starts within this many characters of the first's end. */
const LONGEST_FEE_WORD = Math.max(...FEE_WORDS.map((w) => w.length));

/**
 * Whether section 六's text, normalised with its lines joined, names the fee. Read line by line up to the first
 * mention; only the end of the text before a line is kept, for a word the line break split.
 */
function namesFee(lines: readonly Line[], s6: Section): boolean {
  let tail = normalize(inlineBody(lines, s6));
  const found = () => FEE_WORDS.some((w) => tail.includes(w));
  if (found()) return true;
  for (let i = s6.bodyLines[0]; i <= s6.bodyLines[1]; i++) {
    tail = tail.slice(Math.max(0, tail.length - LONGEST_FEE_WORD + 1)) + normalize(lines[i]!.text);
    if (found()) return true;
  }
  return false;
}

export const feeStatementMissing: Check = {
  meta: {
    code: 'fee-statement-missing',
    defaultSeverity: 'information',
    fixes: ['skeleton'],
    description: { zh: '“六、其他需要报告的事项”未说明信息处理费收取情况（R12）', en: 'Section 六 says nothing of 信息处理费 (R12)' },
    docs: {
      why: {
        zh: '2021 年格式要求在第六部分报告依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，未收取也应写明。若表中有“申请人逾期未按收费通知要求缴纳费用”的申请，此项升为警告。',
        en: 'From 2021 the sixth section must report 信息处理费 collected under the fee rules, saying so even when none was. Raised to a warning when the table shows requests dropped for unpaid fees.',
      },
      example: '六、其他需要报告的事项\n\n无。',
      fix: {
        zh: '写明本年度是否收取、收取多少信息处理费。快速修复在第六部分末尾（落款之前）插入待填写的占位“（待填写：本年度信息处理费收取情况）”，由经办人按实际情况写明；占位在填写前一直报告为 placeholder-unfilled。',
        en: 'State whether 信息处理费 was collected this year, and how much. The quick fix inserts the placeholder （待填写：本年度信息处理费收取情况） at the end of the section (before the signature) for the clerk to replace with the facts; until then it is reported as placeholder-unfilled.',
      },
    },
  },
  run(ctx) {
    const { model, lines } = ctx;
    const edition = model.expectedFormat ?? model.format;
    if (edition !== '2021') return [];
    const s6 = model.sections.find((s) => s.number === 6);
    if (!s6) return [];
    if (namesFee(lines, s6)) return [];
    const t3 = model.tables.requests;
    const unpaid = t3?.confident ? t3.rows.get('other.2')?.cells[REQUEST_COLUMNS.length - 1]?.value ?? 0 : 0;
    const f: RawFinding = {
      range: s6.heading.range,
      message: unpaid > 0
        ? ctx.t({ zh: `第六部分未说明信息处理费收取情况，而表中有 ${unpaid} 件申请因逾期未缴费不再处理`, en: `Section 6 (Other matters to report) says nothing of the information processing fee ("信息处理费"), yet the table has ${unpaid} requests dropped for unpaid fees` })
        : ctx.t({ zh: '第六部分未说明信息处理费收取情况（未收取也应写明）', en: 'Section 6 (Other matters to report) says nothing of the information processing fee ("信息处理费"); say so even when none was collected' }),
      fix: {
        title: ctx.t({ zh: `插入待填写的说明“${FEE_PLACEHOLDER}”`, en: `Insert the placeholder "${FEE_PLACEHOLDER}" for the fee statement, to fill in` }),
        kind: 'skeleton',
        edits: [insertLinesAfter(lines, endOfText(lines, s6), [FEE_PLACEHOLDER], model.eol)],
      },
      data: { section: 6, unpaid },
    };
    if (unpaid > 0) f.escalate = 'warning';
    return [f];
  },
};
