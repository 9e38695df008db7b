/**
 * Plain PDF text printing a table's first column beside the labels and the rest apart (parse/lead-stream.ts):
 * the two streams are merged back only in the one way that keeps every sum; any other case is left declined.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LAYOUTS } from '../../server/src/core/parse/layout';
import { LEAD_STREAM, leadStreamReadings } from '../../server/src/core/parse/lead-stream';
import { oneSlip } from '../../server/src/core/parse/slip';
import type { Token } from '../../server/src/core/parse/tokens';
import { checkText, parseReport } from '../../server/src/core/service';
import { parseValue } from '../../server/src/core/text/values';
import { FIXTURES, readMarkers } from '../helpers/fixtures';

/** Values one a line, as plain pdftotext writes them. */
const tokens = (values: number[]): Token[] => values.map((v, i) => {
  const text = String(v);
  return { line: i, start: 0, end: text.length, text, kind: 'value', value: parseValue(text), key: '', numbering: '', indented: false };
});
const num = (t: Token) => (t.value?.state === 'number' ? t.value.value! : Number.NaN);
/** Rows of three cells whose third is the sum of the first two. */
const sumOfTwo = (_row: number, cells: readonly Token[]) => num(cells[0]!) + num(cells[1]!) === num(cells[2]!);
const grid = (readings: Token[][][] | null) => readings?.map((r) => r.map((row) => row.map(num)));

describe('the first column beside the labels, the rest apart', () => {
  it('reads the rows back when the next row’s first cell came before this row’s rest', () => {
    // Rows [5 2 7] [3 1 4] [6 0 6]: the 3 printed beside its label, before the 2 7 of the row above.
    const values = tokens([5, 3, 2, 7, 1, 4, 6, 0, 6]);
    const out = grid(leadStreamReadings({ values, widths: [3, 3, 3], anchors: new Map(), holds: sumOfTwo }));
    assert.deepEqual(out, [[[5, 2, 7], [3, 1, 4], [6, 0, 6]]]);
  });

  it('keeps the cells’ own tokens, so a finding points at the line the value is on', () => {
    const values = tokens([5, 3, 2, 7, 1, 4]);
    const out = leadStreamReadings({ values, widths: [3, 3], anchors: new Map(), holds: sumOfTwo })!;
    assert.deepEqual(out[0]!.map((row) => row.map((t) => t.line)), [[0, 2, 3], [1, 4, 5]]);
  });

  it('gives every reading that keeps the rows’ sums, so that the caller can see they are several', () => {
    // [1 1 2] [1 1 2] read in order, or the second row's first 1 before the first row's rest: the same values,
    // one reading; but [2 0 2] [0 2 2] against [2 0 2] … two readings with different cells.
    assert.equal(leadStreamReadings({ values: tokens([1, 1, 1, 2, 1, 2]), widths: [3, 3], anchors: new Map(), holds: sumOfTwo })!.length, 1);
    const two = grid(leadStreamReadings({ values: tokens([2, 0, 2, 2, 0, 2]), widths: [3, 3], anchors: new Map(), holds: () => true }));
    assert.ok(two!.length > 1, JSON.stringify(two));
  });

  it('a value on a label’s line is that row’s first cell', () => {
    // Without the anchor, [5 3 …] could be read with the 3 as either row's; anchored to row 1 it must be its first.
    const values = tokens([5, 3, 2, 7, 1, 4]);
    const free = grid(leadStreamReadings({ values, widths: [3, 3], anchors: new Map(), holds: () => true }))!;
    const anchored = grid(leadStreamReadings({ values, widths: [3, 3], anchors: new Map([[1, 1]]), holds: () => true }))!;
    assert.ok(free.length > anchored.length);
    assert.ok(anchored.every((g) => g[1]![0] === 3));
    // An anchor naming a row whose first cell cannot be there leaves no reading at all.
    assert.deepEqual(leadStreamReadings({ values, widths: [3, 3], anchors: new Map([[0, 1]]), holds: () => true }), null);
  });

  it('a row’s rest may come before its first cell only when that cell is on its label’s line', () => {
    // [5 2 7] [3 1 4], the second row's 1 4 printed before its 3 (a page break): pinned by its label, read back.
    const values = tokens([5, 2, 7, 1, 4, 3]);
    assert.equal(leadStreamReadings({ values, widths: [3, 3], anchors: new Map(), holds: sumOfTwo }), null);
    assert.deepEqual(grid(leadStreamReadings({ values, widths: [3, 3], anchors: new Map([[5, 1]]), holds: sumOfTwo })), [[[5, 2, 7], [3, 1, 4]]]);
  });

  it('no reading when a row’s sums fail in every way, or when the counts do not add up', () => {
    assert.equal(leadStreamReadings({ values: tokens([5, 3, 2, 8, 1, 4]), widths: [3, 3], anchors: new Map(), holds: sumOfTwo }), null);
    assert.equal(leadStreamReadings({ values: tokens([5, 3, 2, 7, 1]), widths: [3, 3], anchors: new Map(), holds: sumOfTwo }), null);
  });

  it('gives up, bounded, when too many ways stay open', () => {
    // Distinct values and no sums to prune: the ways grow with every value; past the bound there is no answer.
    const values = tokens(Array.from({ length: 120 }, (_, i) => i + 1));
    const widths = Array.from({ length: 40 }, () => 3);
    assert.equal(leadStreamReadings({ values, widths, anchors: new Map(), holds: () => true }), null);
    assert.ok(LEAD_STREAM.maxWays >= 1000 && LEAD_STREAM.maxReadings >= 2);
  });
});

describe('one slip: the only reading whose broken sums one slip of a clerk explains', () => {
  const layout = LAYOUTS.requests.find((l) => l.edition === '2021')!;
  const present = new Set(layout.columns);
  /** A T3 whose sums all hold: 7 new, 1 carried in, 5 + 1 + 1 handled, 1 carried out. */
  const rows = (): number[][] => layout.rows.map((r) => ({
    new: [5, 1, 0, 0, 0, 1, 7], carriedIn: [1, 0, 0, 0, 0, 0, 1], granted: [3, 1, 0, 0, 0, 1, 5], partial: [1, 0, 0, 0, 0, 0, 1],
    'unable.1': [1, 0, 0, 0, 0, 0, 1], total: [5, 1, 0, 0, 0, 1, 7], carriedOut: [1, 0, 0, 0, 0, 0, 1],
  } as Record<string, number[]>)[r.key] ?? [0, 0, 0, 0, 0, 0, 0]);
  const slip = (g: number[][]) => oneSlip(g.map((row) => tokens(row)), layout, present);
  const at = (key: string) => layout.rowIndex.get(key)!;

  it('a table whose sums all hold has no slip; one wrong cell is one', () => {
    assert.equal(slip(rows()), false);
    const g = rows();
    g[at('granted')]![0] = 4; // 3 → 4: its row's 总计 and the column's results total both break
    assert.equal(slip(g), true);
    const t = rows();
    t[at('new')]![6] = 8; // a 总计 written wrong: its row and R1 in the 总计 column
    assert.equal(slip(t), true);
  });

  it('a cell and the row’s 总计 added up from it, off together, are one slip', () => {
    // 结转下年度 copied from last year: 自然人 1 → 3 and 总计 1 → 3 agree with each other, not with R1.
    const g = rows();
    g[at('carriedOut')]![0] = 3;
    g[at('carriedOut')]![6] = 3;
    assert.equal(slip(g), true);
    // And the same in 予以公开 (商业企业 1 → 2, 总计 5 → 6): two slips.
    g[at('granted')]![1] = 2;
    g[at('granted')]![6] = 6;
    assert.equal(slip(g), false);
  });

  it('two wrong cells, or values swapped within a row, are no slip', () => {
    const g = rows();
    g[at('granted')]![0] = 4;
    g[at('partial')]![0] = 2;
    assert.equal(slip(g), false);
    // Swapped 3 and 1 in 予以公开: its own sum holds, the columns' do not: a misreading, not a slip.
    const s = rows();
    s[at('granted')]![0] = 1;
    s[at('granted')]![1] = 3;
    assert.equal(slip(s), false);
  });
});

describe('in a report', () => {
  const text = readMarkers(readFileSync(path.join(FIXTURES, 'shapes', 'pdf-plain-first-column-beside-labels.txt'), 'utf8')).text;

  it('T3 from plain pdftotext, its first column beside the labels, is read and checked', () => {
    const t = parseReport(text).tables.requests!;
    assert.equal(t.confident, true);
    const cells = (key: string) => t.rows.get(key)!.cells.map((c) => (c.state === 'number' ? c.value : null));
    assert.deepEqual(cells('new'), [3, 2, 0, 0, 0, 2, 7]);
    // The prose's 9 against the table's 7 is found only because the table is read.
    const f = checkText(text).findings.filter((x) => x.code === 'text-table-mismatch');
    assert.equal(f.length, 1);
    assert.ok(f[0]!.message.includes('为 7'), f[0]!.message);
  });

  it('one sum the clerk broke: the one merging a single wrong cell explains is read, the slip reported at its cell', () => {
    // The new applications' 总计 7 → 8: no merging keeps every sum; one breaks only what that 8 breaks.
    const { text: broken, line } = breakNewTotal(text);
    const { findings, model } = checkText(broken);
    assert.equal(model.tables.requests!.confident, true);
    const sums = findings.filter((x) => x.code.startsWith('sum-'));
    assert.deepEqual(sums.map((x) => [x.code, x.range.start.line]), [['sum-row-total', line]]);
    assert.ok(sums[0]!.message.includes('应为 7'), sums[0]!.message);
  });

  it('two sums broken leave it declined, said once, with no doubled value to delete', () => {
    // And 上年结转's 商业企业 0 → 1: two slips explain no merging; the reader's guesses about its zeros
    // (doubled values) are not offered for deletion either.
    const lines = breakNewTotal(text).text.split('\n');
    const from = lines.findIndex((l) => l.startsWith('二、上年结转'));
    const second = lines.findIndex((l, k) => k > from && /^\d+$/.test(l.trim()) && lines.slice(from + 1, k).filter((x) => /^\d+$/.test(x.trim())).length === 1);
    lines[second] = '1';
    const { findings, model } = checkText(lines.join('\n'));
    assert.equal(model.tables.requests!.confident, false);
    assert.equal(findings.filter((x) => x.code === 'table-unreadable').length, 1);
    assert.equal(findings.filter((x) => x.code === 'conversion-debris' && (x.data as { kind?: string } | undefined)?.kind === 'doubled').length, 0);
    assert.equal(findings.filter((x) => x.code.startsWith('sum-')).length, 0);
  });
});

/** The 总计 of 一、本年新收 (the first 7 alone on its line after that label): made 8. */
function breakNewTotal(text: string): { text: string; line: number } {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.startsWith('一、本年新收'));
  const i = lines.findIndex((l, k) => k > from && l.trim() === '7');
  assert.ok(from >= 0 && i > from);
  lines[i] = '8';
  return { text: lines.join('\n'), line: i };
}
