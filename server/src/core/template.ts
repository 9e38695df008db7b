/**
 * Renders the 2021 format from the format data: table skeletons (for fixes that insert a missing table, rows
 * or section) and a whole new report (for the "new report from template" command). Tables are written
 * tab-separated, one row a line, or as Markdown pipe tables when the report uses them.
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

const zeros = (n: number, v = '0') => new Array<string>(n).fill(v);

/** Table T2 of the 2021 format, one block or all. */
export function proactiveRows(items?: number[], value = '0'): Cells[] {
  const out: Cells[] = [];
  for (const b of PROACTIVE['2021']) {
    if (items && !items.includes(b.item)) continue;
    out.push([b.caption, '', '', '']);
    out.push([PROACTIVE_CONTENT_HEADER, ...b.columns.map((c) => c.label), ...zeros(3 - b.columns.length, '')]);
    for (const r of b.rows) out.push([r.label, ...zeros(b.columns.length, value), ...zeros(3 - b.columns.length, '')]);
  }
  return out;
}

/** Just the given rows of T2 (no captions or headers), in their edition's layout. */
export function proactiveRowsFor(keys: string[], edition: Edition = '2021', value = '0'): Cells[] {
  const out: Cells[] = [];
  for (const b of PROACTIVE[edition]) {
    for (const r of b.rows) if (keys.includes(r.key)) out.push([r.label, ...zeros(b.columns.length, value)]);
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
    [REQUESTS_CORNER, '', REQUEST_HEADER_GROUPS[0]!, ...zeros(6, '')],
    ['', '', cols[0]!.label, REQUEST_HEADER_GROUPS[1]!, '', '', '', '', cols[6]!.label],
    ['', '', '', ...cols.slice(1, 6).map((c) => c.label), ''],
  ];
}

export function requestRows(keys?: string[], value = '0'): Cells[] {
  const rows = REQUEST_ROWS['2021'].filter((r) => !keys || keys.includes(r.key));
  return rows.map((r) => requestRow(r.key, zeros(REQUEST_COLUMNS.length, value)));
}

export function appealsRows(value = '0'): Cells[] {
  const outcomes = APPEALS_COLUMNS.filter((c) => c.group === 'review').map((c) => c.label);
  return [
    [APPEALS_GROUPS[0]!.label, '', '', '', '', '行政诉讼', ...zeros(9, '')],
    [...outcomes, APPEALS_GROUPS[1]!.label, '', '', '', '', APPEALS_GROUPS[2]!.label, '', '', '', ''],
    [...zeros(5, ''), ...outcomes, ...outcomes],
    zeros(APPEALS_COLUMNS.length, value),
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

/** A section's heading and, for 二/三/四, its table skeleton. */
export function sectionSkeleton(n: SectionNumber, shape: TableShape = 'tabs'): string[] {
  const s = SECTIONS.find((x) => x.number === n)!;
  const out = [sectionHeading(n), ''];
  if (s.table) out.push(...tableSkeleton(s.table, shape), '');
  return out;
}

export const FEE_SENTENCE = '本年度未收取信息处理费。';

/** A whole new report in the 2021 format. */
export function reportTemplate(year: number, agency = '（机关名称）'): string {
  const lines: string[] = [
    `${agency}${year}年政府信息公开工作年度报告`,
    '',
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。如对本报告有疑问，请与${agency}联系（地址：；邮编：；电话：；电子邮箱：）。`,
    '',
    sectionHeading(1),
    '',
    '（一）主动公开',
    '',
    '（二）依申请公开',
    '',
    '（三）政府信息管理',
    '',
    '（四）平台建设',
    '',
    '（五）监督保障',
    '',
  ];
  for (const n of [2, 3, 4] as SectionNumber[]) lines.push(...sectionSkeleton(n));
  lines.push(sectionHeading(5), '', '（写明本年度政府信息公开工作存在的主要问题和改进措施。）', '');
  lines.push(sectionHeading(6), '', FEE_SENTENCE, '');
  return lines.join('\n');
}
