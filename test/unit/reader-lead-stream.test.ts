/**
 * Plain PDF text printing a table's first column beside the labels and the rest apart (parse/lead-stream.ts):
 * the two streams are merged back only in the one way that keeps every sum; any other case is left declined.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LEAD_STREAM, leadStreamReadings } from '../../server/src/core/parse/lead-stream';
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

  it('a sum broken leaves it declined, said once, with no doubled value to delete', () => {
    // The new applications' 总计 7 → 8: no merging keeps every sum; the table is not read, and the reader's
    // guesses about its zeros (doubled values) are not offered for deletion.
    const broken = breakNewTotal(text);
    const { findings, model } = checkText(broken);
    assert.equal(model.tables.requests!.confident, false);
    assert.equal(findings.filter((x) => x.code === 'table-unreadable').length, 1);
    assert.equal(findings.filter((x) => x.code === 'conversion-debris' && (x.data as { kind?: string } | undefined)?.kind === 'doubled').length, 0);
    assert.equal(findings.filter((x) => x.code.startsWith('sum-')).length, 0);
  });
});

/** The 总计 of 一、本年新收 (the first 7 alone on its line after that label): made 8. */
function breakNewTotal(text: string): string {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.startsWith('一、本年新收'));
  const i = lines.findIndex((l, k) => k > from && l.trim() === '7');
  assert.ok(from >= 0 && i > from);
  lines[i] = '8';
  return lines.join('\n');
}
