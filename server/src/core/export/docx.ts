/**
 * "导出为 Word": the report as a .docx in the official layout — the title, the six section headings as Word
 * headings, the prose as paragraphs, and the three tables as real Word tables with the official merged header
 * cells (gridSpan, vMerge). Cell values are the report's own text as written; a blank or missing cell stays
 * blank (nothing is made up). A table that could not be read with confidence is exported as its lines, as
 * paragraphs. Written with fflate (already used to read .docx): the XML is ours, no document library.
 */
import {
  APPEALS_GROUPS, type Edition, PROACTIVE, PROACTIVE_CONTENT_HEADER, REQUEST_COLUMNS, REQUEST_GROUPS, REQUEST_ROWS,
  REQUESTS_CORNER, type TableKey,
} from '../format/spec';
import type { ReportModel, Table } from '../model';
import type { Line } from '../text/lines';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function para(text: string, style?: string): string {
  const ppr = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  return `<w:p>${ppr}<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
}

interface XCell {
  text: string;
  span?: number;
  vMerge?: 'restart' | 'continue';
}

function cell(c: XCell): string {
  const pr = `${c.span && c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : ''}${c.vMerge ? `<w:vMerge${c.vMerge === 'restart' ? ' w:val="restart"' : ''}/>` : ''}`;
  return `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${para(c.vMerge === 'continue' ? '' : c.text)}</w:tc>`;
}

function table(cols: number, rows: XCell[][]): string {
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('');
  const grid = `<w:tblGrid>${'<w:gridCol/>'.repeat(cols)}</w:tblGrid>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>${borders}</w:tblBorders></w:tblPr>${grid}${rows.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
}

/** A row's cells as written (blank for blank or missing), in the table's column order. */
function values(t: Table, row: string, columns: readonly string[]): XCell[] {
  const r = t.rows.get(row);
  return columns.map((col) => ({ text: r?.cells.find((c) => c.column === col)?.raw ?? '' }));
}

function proactiveTable(t: Table, ed: Edition): string {
  const rows: XCell[][] = [];
  for (const b of PROACTIVE[ed]) {
    const n = b.columns.length;
    const last = 3 - n + 1;
    rows.push([{ text: b.caption, span: 4 }]);
    rows.push([{ text: PROACTIVE_CONTENT_HEADER }, ...b.columns.map((c, i) => ({ text: c.label, ...(i === n - 1 && last > 1 ? { span: last } : {}) }))]);
    for (const r of b.rows) {
      const v = values(t, r.key, b.columns.map((c) => c.key));
      if (last > 1) v[v.length - 1]!.span = last;
      rows.push([{ text: r.label }, ...v]);
    }
  }
  return table(4, rows);
}

function requestsTable(t: Table, ed: Edition): string {
  const cols = REQUEST_COLUMNS.map((c) => c.key);
  const rows: XCell[][] = [
    [{ text: REQUESTS_CORNER, span: 3, vMerge: 'restart' }, { text: '申请人情况', span: 7 }],
    [{ text: '', span: 3, vMerge: 'continue' }, { text: REQUEST_COLUMNS[0]!.label, vMerge: 'restart' }, { text: '法人或其他组织', span: 5 }, { text: REQUEST_COLUMNS[6]!.label, vMerge: 'restart' }],
    [{ text: '', span: 3, vMerge: 'continue' }, { text: '', vMerge: 'continue' }, ...REQUEST_COLUMNS.slice(1, 6).map((c) => ({ text: c.label })), { text: '', vMerge: 'continue' }],
  ];
  const results = REQUEST_GROUPS[0]!;
  let inResults = false;
  let group: string | undefined;
  for (const r of REQUEST_ROWS[ed]) {
    const label = `${r.numbering}${r.label}`;
    const v = values(t, r.key, cols);
    if (!r.group) {
      rows.push([{ text: label, span: 3 }, ...v]);
      continue;
    }
    const lead: XCell[] = [{ text: `${results.numbering}${results.label}`, vMerge: inResults ? 'continue' : 'restart' }];
    inResults = true;
    if (r.group === 'results') {
      lead.push({ text: label, span: 2 });
      group = undefined;
    } else {
      const g = REQUEST_GROUPS.find((x) => x.key === r.group)!;
      lead.push({ text: `${g.numbering}${g.label}`, vMerge: group === r.group ? 'continue' : 'restart' }, { text: label });
      group = r.group;
    }
    rows.push([...lead, ...v]);
  }
  return table(10, rows);
}

function appealsTable(t: Table): string {
  const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const cols = APPEALS_GROUPS.flatMap((g) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => `${g.key}.${o}`));
  return table(15, [
    [{ text: APPEALS_GROUPS[0]!.label, span: 5 }, { text: '行政诉讼', span: 10 }],
    [...outcomes.map((o): XCell => ({ text: o, vMerge: 'restart' })), { text: APPEALS_GROUPS[1]!.label, span: 5 }, { text: APPEALS_GROUPS[2]!.label, span: 5 }],
    [...outcomes.map((): XCell => ({ text: '', vMerge: 'continue' })), ...outcomes.map((o) => ({ text: o })), ...outcomes.map((o) => ({ text: o }))],
    values(t, 'values', cols),
  ]);
}

function tableXml(key: TableKey, t: Table): string {
  if (key === 'proactive') return proactiveTable(t, t.edition);
  if (key === 'requests') return requestsTable(t, t.edition);
  return appealsTable(t);
}

/** The body of document.xml for a report. */
export function documentBody(model: ReportModel, lines: readonly Line[]): { xml: string; asText: TableKey[] } {
  const out: string[] = [];
  const asText: TableKey[] = [];
  const headingAt = new Map<number, number>();
  for (const s of model.sections) headingAt.set(s.heading.range.start.line, 1);
  for (const s of model.sections) for (const h of s.subheadings) headingAt.set(h.range.start.line, 2);
  const tableAt = new Map<number, [TableKey, Table]>();
  const inTable = new Set<number>();
  for (const [k, t] of Object.entries(model.tables) as [TableKey, Table][]) {
    if (!t.confident) {
      asText.push(k);
      continue;
    }
    tableAt.set(t.range.start.line, [k, t]);
    for (let i = t.range.start.line; i <= Math.min(t.range.end.line, lines.length - 1); i++) inTable.add(i);
  }
  const titleLine = model.title?.range.start.line;
  for (let i = 0; i < lines.length; i++) {
    const at = tableAt.get(i);
    if (at) out.push(tableXml(at[0], at[1]));
    if (inTable.has(i)) continue;
    const text = lines[i]!.text.replace(/^\uFEFF/, '').replace(/^#{1,6}\s+/, '').replace(/\*\*/g, '').trim();
    if (!text) continue;
    const level = headingAt.get(i);
    out.push(para(text, i === titleLine ? 'Title' : level === 1 ? 'Heading1' : level === 2 ? 'Heading2' : undefined));
  }
  return { xml: out.join(''), asText };
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const FONT = '<w:rFonts w:ascii="宋体" w:eastAsia="宋体" w:hAnsi="宋体"/>';
const style = (id: string, name: string, size: number, level?: number) =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr>${id === 'Title' ? '<w:jc w:val="center"/>' : ''}<w:spacing w:before="240" w:after="120"/>${level !== undefined ? `<w:outlineLvl w:val="${level}"/>` : ''}</w:pPr><w:rPr><w:b/><w:sz w:val="${size}"/></w:rPr></w:style>`;

/** The .docx of a report, as bytes. */
export async function exportDocx(model: ReportModel, lines: readonly Line[]): Promise<{ bytes: Uint8Array; asText: TableKey[] }> {
  const { zipSync, strToU8 } = await import('fflate');
  const { xml, asText } = documentBody(model, lines);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/_rels/document.xml.rels': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'),
    'word/styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr>${FONT}<w:sz w:val="24"/><w:lang w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>${style('Title', 'Title', 36)}${style('Heading1', 'heading 1', 32, 0)}${style('Heading2', 'heading 2', 28, 1)}</w:styles>`),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${xml}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1247" w:bottom="1440" w:left="1247" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`),
  };
  return { bytes: zipSync(files, { level: 6 }), asText };
}
