/**
 * Renders the 2021 format from the format data: table skeletons (for fixes that insert a missing table, rows
 * or section) and a whole new report (for the "new report from template" command). Tables are written
 * tab-separated, one row a line, or as Markdown pipe tables when the report uses them.
 *
 * What is rendered is structure, never content: cells are left blank (BLANK_CELL) and text is a visible
 * placeholder （待填写：…）, both reported until the clerk fills them in (table-cell-blank, placeholder-unfilled).
 */
import {
  APPEALS_COLUMNS, APPEALS_GROUPS, type Edition, PROACTIVE, PROACTIVE_CONTENT_HEADER, REQUEST_COLUMNS,
  REQUESTS_CORNER, REQUEST_GROUPS, REQUEST_HEADER_GROUPS, REQUEST_ROWS, SECTIONS, type SectionNumber, type TableKey,
} from './format/spec';

import type { TableShape } from './model';

export type { TableShape };

/** One table row as cells. */
type Cells = string[];

function render(rows: Cells[], shape: TableShape): string[] {
  if (shape === 'pipes') {
    const width = Math.max(...rows.map((r) => r.length));
    const pad = (r: Cells) => [...r, ...new Array(width - r.length).fill('')];
    const lines = rows.map((r) => `| ${pad(r).join(' | ')} |`);
    lines.splice(1, 0, `|${new Array(width).fill(' --- ').join('|')}|`);
    return lines;
  }
  return rows.map((r) => r.join('\t'));
}

/**
 * What an inserted cell holds until the clerk fills it in: "/", read as "not filled" (table-cell-blank reports
 * it, the sums skip it). Not an empty cell: between tabs an empty cell is invisible, and a row of empty cells
 * (the data row of table 四 has no label) cannot be told from a blank line, so it could not be read back.
 */
export const BLANK_CELL = '/';

/** A visible placeholder for text the clerk must write: （待填写：本年度信息处理费收取情况）. */
export function placeholder(what: string): string {
  return `（待填写：${what}）`;
}

/** What the placeholder of each prose section asks for, when the section is inserted or a template made. */
export const SECTION_PLACEHOLDERS: Readonly<Partial<Record<SectionNumber, string>>> = {
  1: '本年度政府信息公开工作总体情况',
  5: '本年度政府信息公开工作存在的主要问题及改进情况',
  6: '本年度信息处理费收取情况及其他需要报告的事项',
};

/** The placeholder section 六 gets for its statement on 信息处理费 (R12). */
export const FEE_PLACEHOLDER = placeholder('本年度信息处理费收取情况');

const fill = (n: number, v: string) => new Array<string>(Math.max(0, n)).fill(v);

/** Table T2 of the 2021 format, one block or all. */
export function proactiveRows(items?: number[], value = BLANK_CELL): Cells[] {
  const out: Cells[] = [];
  for (const b of PROACTIVE['2021']) {
    if (items && !items.includes(b.item)) continue;
    out.push([b.caption, '', '', '']);
    out.push([PROACTIVE_CONTENT_HEADER, ...b.columns.map((c) => c.label), ...fill(3 - b.columns.length, '')]);
    for (const r of b.rows) out.push([r.label, ...fill(b.columns.length, value), ...fill(3 - b.columns.length, '')]);
  }
  return out;
}

/** Just the given rows of T2 (no captions or headers), in their edition's layout. */
export function proactiveRowsFor(keys: string[], edition: Edition = '2021', value = BLANK_CELL): Cells[] {
  const out: Cells[] = [];
  for (const b of PROACTIVE[edition]) {
    for (const r of b.rows) if (keys.includes(r.key)) out.push([r.label, ...fill(b.columns.length, value)]);
  }
  return out;
}

const groupOf = (key: string) => REQUEST_GROUPS.find((g) => g.key === key)!;

/** A T3 data row as cells: group and row labels, then seven values. */
export function requestRow(key: string, values: string[], edition: Edition = '2021', withGroup = true): Cells {
  const spec = REQUEST_ROWS[edition].find((r) => r.key === key)!;
  const label = `${spec.numbering}${spec.label}`;
  if (!spec.group) return [label, '', ...values];
  const rowsOfGroup = REQUEST_ROWS[edition].filter((r) => r.group === spec.group);
  const first = rowsOfGroup[0]!.key === key;
  if (spec.group === 'results') {
    const g = groupOf('results');
    return [first && withGroup ? `${g.numbering}${g.label}` : '', label, ...values];
  }
  const g = groupOf(spec.group);
  return ['', first && withGroup ? `${g.numbering}${g.label}` : '', label, ...values];
}

export function requestHeader(): Cells[] {
  const cols = REQUEST_COLUMNS;
  return [
    [REQUESTS_CORNER, '', REQUEST_HEADER_GROUPS[0]!, ...fill(6, '')],
    ['', '', cols[0]!.label, REQUEST_HEADER_GROUPS[1]!, '', '', '', '', cols[6]!.label],
    ['', '', '', ...cols.slice(1, 6).map((c) => c.label), ''],
  ];
}

export function requestRows(keys?: string[], value = BLANK_CELL): Cells[] {
  const rows = REQUEST_ROWS['2021'].filter((r) => !keys || keys.includes(r.key));
  return rows.map((r) => requestRow(r.key, fill(REQUEST_COLUMNS.length, value)));
}

export function appealsRows(value = BLANK_CELL): Cells[] {
  const outcomes = APPEALS_COLUMNS.filter((c) => c.group === 'review').map((c) => c.label);
  return [
    [APPEALS_GROUPS[0]!.label, '', '', '', '', '行政诉讼', ...fill(9, '')],
    [...outcomes, APPEALS_GROUPS[1]!.label, '', '', '', '', APPEALS_GROUPS[2]!.label, '', '', '', ''],
    [...fill(5, ''), ...outcomes, ...outcomes],
    fill(APPEALS_COLUMNS.length, value),
  ];
}

/** The whole 2021 table for a key, as text lines. */
export function tableSkeleton(table: TableKey, shape: TableShape = 'tabs'): string[] {
  if (table === 'proactive') return render(proactiveRows(), shape);
  if (table === 'requests') return render([...requestHeader(), ...requestRows()], shape);
  return render(appealsRows(), shape);
}

export function renderRows(rows: Cells[], shape: TableShape): string[] {
  if (shape === 'pipes') return rows.map((r) => `| ${r.join(' | ')} |`);
  return render(rows, shape);
}

export function sectionHeading(n: SectionNumber): string {
  const s = SECTIONS.find((x) => x.number === n)!;
  return `${s.numeral}、${s.title}`;
}

/** A section's heading and then its table skeleton (二/三/四) or its placeholder (一/五/六). */
export function sectionSkeleton(n: SectionNumber, shape: TableShape = 'tabs'): string[] {
  const s = SECTIONS.find((x) => x.number === n)!;
  const out = [sectionHeading(n), ''];
  if (s.table) out.push(...tableSkeleton(s.table, shape), '');
  const what = SECTION_PLACEHOLDERS[n];
  if (what) out.push(placeholder(what), '');
  return out;
}

/** The sub-headings of section 一 in the template, each with what it asks for. */
const OVERVIEW_PARTS: readonly [string, string][] = [
  ['（一）主动公开', '主动公开政府信息情况'],
  ['（二）依申请公开', '收到和处理政府信息公开申请情况'],
  ['（三）政府信息管理', '政府信息管理情况'],
  ['（四）平台建设', '政府信息公开平台建设情况'],
  ['（五）监督保障', '监督保障情况'],
];

/**
 * A whole new report in the 2021 format: headings and tables, every cell blank and every text a placeholder,
 * so a new report starts with what is left to fill, never with zeros or sentences nobody wrote.
 */
export function reportTemplate(year: number, agency = placeholder('机关名称')): string {
  const lines: string[] = [
    `${agency}${year}年政府信息公开工作年度报告`,
    '',
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。如对本报告有疑问，请与${agency}联系（地址：；邮编：；电话：；电子邮箱：）。`,
    '',
    sectionHeading(1),
    '',
  ];
  for (const [head, what] of OVERVIEW_PARTS) lines.push(head, placeholder(what), '');
  for (const n of [2, 3, 4] as SectionNumber[]) lines.push(...sectionSkeleton(n));
  lines.push(...sectionSkeleton(5));
  lines.push(sectionHeading(6), '', FEE_PLACEHOLDER, '');
  return lines.join('\n');
}
