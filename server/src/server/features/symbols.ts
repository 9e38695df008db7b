/**
 * The outline: the sections the report has (never invented), their （一）… sub-headings, and the tables as
 * children of the section they sit in. Selection ranges are the headings. The kinds are chosen for the icons
 * VS Code shows: a section is a page (File), a （一）… sub-heading an item of its list (EnumMember: a card
 * with lines), a table a header over cells (Struct) — not the "{ }" of a namespace or the "abc" of a string.
 */
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { CHINESE_NUMERALS } from '../../core/format/spec';
import type { ReportModel, Table } from '../../core/model';
import { tableName } from '../../core/checks/names';
import type { Locale } from '../../core/checks/types';
import { rangeContains } from '../../core/text/lines';

export const SECTION_KIND = SymbolKind.File;
export const SUBHEADING_KIND = SymbolKind.EnumMember;
export const TABLE_KIND = SymbolKind.Struct;

function tableSymbol(t: Table, locale: Locale): DocumentSymbol {
  const sel = t.headerRange ?? { start: t.range.start, end: { line: t.range.start.line, character: 0 } };
  const rows = t.rows.size;
  const detail = locale === 'en'
    ? `${t.edition} layout, ${rows} rows${t.confident ? '' : ', unreadable'}`
    : `${t.edition} 年格式，${rows} 行${t.confident ? '' : '，无法可靠读取'}`;
  return {
    name: tableName(t.key, locale),
    detail,
    kind: TABLE_KIND,
    range: t.range,
    selectionRange: rangeContains(t.range, sel) ? sel : { start: t.range.start, end: t.range.start },
  };
}

export function documentSymbols(model: ReportModel, locale: Locale): DocumentSymbol[] {
  if (!model.isReport) return [];
  const out: DocumentSymbol[] = [];
  const placed = new Set<Table>();
  for (const s of model.sections) {
    const numeral = `${CHINESE_NUMERALS[s.number]}、`;
    const children: DocumentSymbol[] = s.subheadings.map((h) => ({
      name: `${h.numeral}${h.title}`,
      kind: SUBHEADING_KIND,
      range: h.fullRange,
      selectionRange: h.range,
    }));
    for (const t of Object.values(model.tables)) {
      if (!placed.has(t) && rangeContains(s.range, t.range)) {
        children.push(tableSymbol(t, locale));
        placed.add(t);
      }
    }
    children.sort((a, b) => a.range.start.line - b.range.start.line);
    const written = s.heading.numeral.text;
    out.push({
      name: `${numeral}${s.heading.title.text}`,
      ...(written && !written.startsWith(CHINESE_NUMERALS[s.number]!) ? { detail: locale === 'en' ? `numbered "${written}"` : `序号写作“${written}”` } : {}),
      kind: SECTION_KIND,
      range: s.range,
      selectionRange: s.heading.range,
      children,
    });
  }
  // Tables outside any section (a report without headings).
  for (const t of Object.values(model.tables)) if (!placed.has(t)) out.push(tableSymbol(t, locale));
  out.sort((a, b) => a.range.start.line - b.range.start.line);
  return out;
}
