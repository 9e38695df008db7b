/**
 * Text left to fill in: the placeholders （待填写：…） that fixes and the new-report template insert, template
 * blanks left empty (地址：；邮编：；电话：), XX / ×× stand-ins, empty 【】 and blank underlines. A report is
 * not finished while one is left, so each is an error until the clerk writes the facts.
 */
import type { Range } from '../../text/lines';
import { span } from '../../text/lines';
import type { Bilingual, Check, CheckContext, RawFinding } from '../types';

/** A placeholder in brackets: （待填写：本年度信息处理费收取情况）, 【请填写】, (待补充). Bounded: one line, 120 characters. */
export const PLACEHOLDER_MARK = /[（(【[]\s*(?:待填写|待填|请填写|待补充|请补充)[^（()）【】[\]\n]{0,120}[）)】\]]/g;

const ONE_MARK = new RegExp(PLACEHOLDER_MARK.source);

/** Whether a text holds a placeholder （待填写…） (section-empty leaves such a section to this check). */
export function hasPlaceholder(text: string): boolean {
  return ONE_MARK.test(text);
}

/** Contact fields of the template, and how they are called in English. */
const FIELDS: Readonly<Record<string, string>> = {
  地址: 'address', 通讯地址: 'postal address', 联系地址: 'address', 邮编: 'postcode', 邮政编码: 'postcode',
  电话: 'telephone', 联系电话: 'telephone', 咨询电话: 'telephone', 传真: 'fax', 电子邮箱: 'email', 邮箱: 'email',
  网址: 'website', 联系人: 'contact person',
};

/**
 * A field label with nothing after its colon but the next field or the end of the parenthesis: 邮编：；
 * (a colon at the end of a line is not enough: the value may follow on the next line).
 */
const EMPTY_FIELD = new RegExp(`(${Object.keys(FIELDS).sort((a, b) => b.length - a.length).join('|')})[ \\t\\u3000]*[：:][ \\t\\u3000]*(?=[；;，,、。）)])`, 'g');

/** XX, xx, ＸＸ, ×× standing in for a name, a number or a date (20XX年, XX区); not letters of a word (Maxx, XXL). */
const STAND_IN = /(?<![A-Za-z])(?:[Xx]{2,}|[Ｘｘ]{2,}|×{2,})(?![A-Za-z])/g;

/** An empty pair of brackets where something was to be written: 【】, 〔 〕, ［］. */
const EMPTY_BRACKETS = /【[ \t\u3000]*】|〔[ \t\u3000]*〕|［[ \t\u3000]*］/g;

/** A blank underline to write on: ____ (not a line of underscores alone, which is a Markdown rule). */
const UNDERLINE = /_{3,}|＿{3,}/g;
/** A line of underscores alone. */
const RULE_LINE = /^[\s_＿]*$/;

/**
 * Lines worth looking at: they hold a character one of the patterns above needs — 填 or 补 (every marker's
 * word has one; 请 alone is in every 申请), a colon, a stand-in's letter, an opening bracket, an underscore.
 * Most lines hold none. Each pattern is then tried only on a line with its own character.
 */
const MAYBE = /[填补XxＸｘ×【〔［_＿：:]/;
const MAYBE_MARK = /[填补]/;
const MAYBE_FIELD = /[：:]/;
const MAYBE_STAND_IN = /[XxＸｘ×]/;
const MAYBE_BRACKETS = /[【〔［]/;
const MAYBE_UNDERLINE = /[_＿]/;

/** Consecutive empty fields on one line, separated by punctuation only, are reported together. */
const JOINER = /^[；;，,、\s]*$/;

interface Hit {
  range: Range;
  kind: 'marker' | 'field' | 'stand-in' | 'brackets' | 'underline';
  text: string;
  fields?: string[];
}

/** The matches of a global pattern in a line, in order (one RegExp, no iterator or copy of it per line). */
function matchesOf(re: RegExp, line: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

function scan(line: string, index: number): Hit[] {
  const hits: Hit[] = [];
  const at = (m: RegExpExecArray) => span(index, m.index, m.index + m[0].length);
  let markers = false;
  if (MAYBE_MARK.test(line)) {
    for (const m of matchesOf(PLACEHOLDER_MARK, line)) {
      hits.push({ range: at(m), kind: 'marker', text: m[0] });
      markers = true;
    }
  }
  if (MAYBE_FIELD.test(line)) {
    let group: Hit | undefined;
    let groupEnd = -1;
    for (const m of matchesOf(EMPTY_FIELD, line)) {
      const end = m.index + m[0].length;
      if (group && JOINER.test(line.slice(groupEnd, m.index))) {
        group.range = span(index, group.range.start.character, end);
        group.fields!.push(m[1]!);
        group.text = line.slice(group.range.start.character, end);
      } else {
        group = { range: at(m), kind: 'field', text: m[0], fields: [m[1]!] };
        hits.push(group);
      }
      groupEnd = end;
    }
  }
  if (MAYBE_STAND_IN.test(line)) for (const m of matchesOf(STAND_IN, line)) hits.push({ range: at(m), kind: 'stand-in', text: m[0] });
  if (MAYBE_BRACKETS.test(line)) for (const m of matchesOf(EMPTY_BRACKETS, line)) hits.push({ range: at(m), kind: 'brackets', text: m[0] });
  if (MAYBE_UNDERLINE.test(line) && !RULE_LINE.test(line)) for (const m of matchesOf(UNDERLINE, line)) hits.push({ range: at(m), kind: 'underline', text: m[0] });
  if (!markers) return hits;
  // A stand-in inside a placeholder (（待填写：XX区）) is the placeholder's.
  const marks = hits.filter((h) => h.kind === 'marker');
  return hits.filter((h) => h.kind === 'marker' || !marks.some((k) => k.range.start.character <= h.range.start.character && h.range.end.character <= k.range.end.character));
}

function message(h: Hit): Bilingual {
  switch (h.kind) {
    case 'marker': return { zh: `“${h.text}”尚未填写，请写明实际情况`, en: `"${h.text}" is still to be filled in with the facts` };
    case 'field': return {
      zh: `模板中的“${h.fields!.join('”“')}”尚未填写`,
      en: `Template blank${h.fields!.length > 1 ? 's' : ''} not filled in: ${h.fields!.map((f) => `${FIELDS[f]} ("${f}")`).join(', ')}`,
    };
    case 'stand-in': return { zh: `“${h.text}”是模板中的占位符，应写明实际内容`, en: `"${h.text}" is a template stand-in; write the actual text` };
    case 'brackets': return { zh: `空的“${h.text}”是模板中待填写的位置`, en: `The empty "${h.text}" is a blank of the template, to fill in` };
    case 'underline': return { zh: `横线“${h.text}”处尚未填写`, en: `The underline "${h.text}" is a blank still to fill in` };
  }
}

/** Cells that table-cell-invalid already reports (a cell written XX), by line. */
function invalidCells(ctx: CheckContext): Map<number, Range[]> {
  const out = new Map<number, Range[]>();
  for (const t of Object.values(ctx.model.tables)) {
    if (!t.confident) continue;
    for (const row of t.rows.values()) {
      for (const c of row.cells) {
        if (c.state !== 'invalid') continue;
        const l = out.get(c.range.start.line) ?? [];
        l.push(c.range);
        out.set(c.range.start.line, l);
      }
    }
  }
  return out;
}

export const placeholderUnfilled: Check = {
  meta: {
    code: 'placeholder-unfilled',
    defaultSeverity: 'error',
    fixes: [],
    description: { zh: '报告中有尚未填写的占位内容', en: 'Text left to fill in: a placeholder, a template blank, XX' },
    docs: {
      why: {
        zh: '插入缺少的部分、表格或说明的快速修复，以及“新建年报”模板，都只放入待填写的占位“（待填写：…）”，不替经办人编写内容。模板中留空的“地址：；邮编：；电话：”、代替名称或数字的“XX”“××”、空的“【】”同样是没有写完的地方。发布前必须逐一写明实际情况。',
        en: 'Fixes that insert a missing section, table or statement, and the new-report template, put in placeholders （待填写：…） instead of writing the content for the clerk. Template blanks left empty (地址：；邮编：；电话：), XX or ×× standing in for a name or a number, and empty 【】 are unfinished too. Each must be replaced by the facts before the report is published.',
      },
      example: '六、其他需要报告的事项\n\n（待填写：本年度信息处理费收取情况）\n\n如对本报告有疑问，请联系（地址：；邮编：；电话：）。',
      fix: {
        zh: '把占位换成实际内容；没有快速修复，因为内容只有经办人知道。',
        en: 'Replace the placeholder with the facts. There is no quick fix: only the clerk knows them.',
      },
    },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    let cells: Map<number, Range[]> | undefined;
    const lines = ctx.lines;
    // Indexed: every line of every report passes here, mostly before the code is optimised.
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k]!;
      if (!MAYBE.test(line.text)) continue;
      for (const h of scan(line.text, line.index)) {
        if (h.kind === 'stand-in') {
          cells ??= invalidCells(ctx);
          const inCell = cells.get(line.index)?.some((r) => r.start.character <= h.range.start.character && h.range.end.character <= r.end.character);
          if (inCell) continue;
        }
        out.push({ range: h.range, message: ctx.t(message(h)), data: { kind: h.kind, text: h.text } });
      }
    }
    return out;
  },
};
