/**
 * Hover on a table cell: its row and column, its value, and for a total the sum as the form defines it with
 * the report's numbers filled in. Hover on a row label: the canonical label.
 */
import type { Hover, Position } from 'vscode-languageserver';
import { columnName, rowName, tableName } from '../../core/checks/names';
import { equationsOf } from '../../core/checks/sums';
import type { Locale } from '../../core/checks/types';
import { canonicalEntry } from '../../core/parse/vocab';
import type { Cell, ReportModel, Table } from '../../core/model';
import { comparePositions, type Range } from '../../core/text/lines';
import { formatNumber } from '../../core/text/values';

function inside(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

function cellText(c: Cell, locale: Locale): string {
  if (c.state === 'number') return formatNumber(c.value!);
  if (c.state === 'missing') return locale === 'en' ? '(missing)' : '（缺）';
  return c.raw ? `“${c.raw}”` : locale === 'en' ? '(blank)' : '（空）';
}

function sumLines(t: Table, cell: Cell, locale: Locale): string[] {
  const out: string[] = [];
  for (const eq of equationsOf(t)) {
    if (eq.target !== cell) continue;
    const name = (c: Cell) => (eq.spec.over === 'columns' ? columnName(t.key, c.column, locale) : rowName(t.key, c.row, locale, t.edition));
    const terms = eq.terms.map((x, i) => `${i === 0 ? (x.sign < 0 ? '− ' : '') : x.sign < 0 ? ' − ' : ' + '}${name(x.cell)} ${cellText(x.cell, locale)}`).join('');
    const known = eq.terms.every((x) => x.cell.value !== null);
    const sum = eq.terms.reduce((s, x) => s + x.sign * (x.cell.value ?? 0), 0);
    const verdict = !known || cell.value === null
      ? ''
      : Math.abs(sum - cell.value) < 1e-6 ? ' ✓' : (locale === 'en' ? ` ✗ (sum ${formatNumber(sum)})` : ` ✗（合计 ${formatNumber(sum)}）`);
    out.push(`${locale === 'en' ? eq.spec.names.en : eq.spec.names.zh}  \n\`${name(cell)} ${cellText(cell, locale)} = ${terms}\`${verdict}`);
  }
  return out;
}

export function hoverAt(model: ReportModel, pos: Position, locale: Locale): Hover | null {
  for (const t of Object.values(model.tables)) {
    if (pos.line < t.range.start.line || pos.line > t.range.end.line) continue;
    for (const row of t.rows.values()) {
      for (const cell of row.cells) {
        if (cell.state === 'missing' || !inside(cell.range, pos)) continue;
        const col = columnName(t.key, cell.column, locale, t.edition);
        const head = t.key === 'appeals'
          ? `**${tableName(t.key, locale)}** · ${col}`
          : `**${rowName(t.key, row.key, locale, t.edition)}** · ${col}`;
        const value = `${locale === 'en' ? 'Value' : '数值'}：${cellText(cell, locale)}`;
        const parts = [head, value, ...(t.confident ? sumLines(t, cell, locale) : [])];
        return { contents: { kind: 'markdown', value: parts.join('\n\n') }, range: cell.range };
      }
      if (row.label && inside(row.label.range, pos)) {
        const canon = canonicalEntry(t.key, 'row', row.key, t.edition);
        const lines = [`**${rowName(t.key, row.key, locale, t.edition)}**`, `${tableName(t.key, locale)} · \`${row.key}\``];
        if (canon && locale === 'zh') lines.push(`规范名称：${canon.label}`);
        return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range: row.label.range };
      }
    }
  }
  return null;
}
