/**
 * The finding at the edited cell: where the user just edited is tracked through later edits (server/edits.ts),
 * and a sum broken by typing into one of its cells is reported at that cell when several could be at fault,
 * with the others as related information, in words a clerk reads (no negative sums, no internal terms).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/core/service';
import type { Range } from '../../server/src/core/text/lines';
import { applyChange, EditTracker, MAX_CELL_EDIT_CHARS, REMEMBERED_EDITS } from '../../server/src/server/edits';
import { loadFixtures } from '../helpers/fixtures';

const r = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

describe('where the user just edited', () => {
  it('a typed character is an edit of its own range', () => {
    assert.deepEqual(applyChange([], { range: r(3, 5, 3, 6), text: '7' }), [r(3, 5, 3, 6)]);
  });
  it('characters typed one after another are one edit', () => {
    let e = applyChange([], { range: r(3, 5, 3, 5), text: '1' });
    e = applyChange(e, { range: r(3, 6, 3, 6), text: '2' });
    assert.deepEqual(e, [r(3, 5, 3, 7)]);
  });
  it('moves with lines inserted or removed above, and with text inserted before it on its line', () => {
    let e = [r(10, 4, 10, 5)];
    e = applyChange(e, { range: r(2, 0, 2, 0), text: 'a\nb\n' });
    assert.deepEqual(e.at(0), r(12, 4, 12, 5));
    e = applyChange(e, { range: r(3, 0, 5, 0), text: '' });
    assert.deepEqual(e.at(0), r(10, 4, 10, 5));
    e = applyChange(e, { range: r(10, 0, 10, 0), text: '\t' });
    assert.deepEqual(e.at(0), r(10, 5, 10, 6));
  });
  it('stays where it is when the text after it changes', () => {
    const e = applyChange([r(10, 4, 10, 5)], { range: r(40, 0, 40, 3), text: 'x' });
    assert.deepEqual(e, [r(10, 4, 10, 5), r(40, 0, 40, 1)]);
  });
  it('a paste over several lines, a long paste and a replaced document are not edits of a cell', () => {
    assert.deepEqual(applyChange([], { range: r(1, 0, 1, 0), text: '1\n2' }), []);
    assert.deepEqual(applyChange([], { range: r(1, 0, 1, 0), text: 'x'.repeat(MAX_CELL_EDIT_CHARS + 1) }), []);
    assert.deepEqual(applyChange([r(1, 0, 1, 1)], { text: 'all new' }), []);
  });
  it('remembers only the latest few edits, most recent last', () => {
    const t = new EditTracker();
    for (let i = 0; i < REMEMBERED_EDITS + 3; i++) t.record('u', [{ range: r(i * 2, 0, i * 2, 0), text: 'x' }]);
    const got = t.get('u');
    assert.equal(got.length, REMEMBERED_EDITS);
    assert.deepEqual(got.at(-1), r((REMEMBERED_EDITS + 2) * 2, 0, (REMEMBERED_EDITS + 2) * 2, 1));
    t.forget('u');
    assert.deepEqual(t.get('u'), []);
  });
});

// Seed 000: a requests table without a 总计 column, so one typed number breaks only its column's balance (R1).
const seed000 = loadFixtures().find((f) => f.name.startsWith('seeds/000'))!;

/** The seed with 本年新收 / 自然人 set to `value`, and that cell's range. */
function typed(value: string): { text: string; cell: Range } {
  const lines = seed000.text.split('\n');
  const line = lines.findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量'));
  const character = lines[line]!.search(/\t[0-9]/) + 1; // the first number: 自然人
  const old = /^[0-9]+/.exec(lines[line]!.slice(character))![0];
  lines[line] = lines[line]!.slice(0, character) + value + lines[line]!.slice(character + old.length);
  return { text: lines.join('\n'), cell: r(line, character, line, character + value.length) };
}

describe('a sum broken by an edit', () => {
  const { text, cell } = typed('5');
  const balance = (edited?: Range[]) => checkText(text, { ...(edited ? { edited } : {}) }).findings.filter((f) => f.code === 'sum-balance');

  it('is reported at 结转下年度 when nobody edited (the file as opened)', () => {
    const [f] = balance();
    assert.ok(f);
    assert.notEqual(f.range.start.line, cell.start.line, 'the default cell is the carried-out one');
  });

  it('is reported at the edited cell, with the other cells of the sum as related information', () => {
    const found = balance([cell]);
    assert.equal(found.length, 1);
    const f = found[0]!;
    assert.deepEqual(f.range, cell);
    assert.equal(f.data?.edited, true);
    assert.match(f.message, /“自然人”列不平衡：本年新收 5 \+ 上年结转 0 = 5，而办理结果总计 0 \+ 结转下年度 0 = 0/);
    assert.match(f.message, /刚填写的.*为 5：若此数无误，请核对同列的上年结转、办理结果总计、结转下年度/);
    assert.ok((f.related ?? []).length >= 3, 'the other cells of the balance are related');
    assert.ok(f.related!.some((x) => x.range.start.line > cell.start.line + 20), 'the carried-out cell, far below, is among them');
  });

  it('an edit elsewhere in the document does not move it', () => {
    const elsewhere = r(2, 0, 2, 1);
    assert.notDeepEqual(balance([elsewhere])[0]!.range, cell);
  });

  it('says it in English when asked', () => {
    const [f] = checkText(text, { edited: [cell], locale: 'en' }).findings.filter((x) => x.code === 'sum-balance');
    assert.match(f!.message, /You just entered 5 in .*: if it is right, check /);
  });
});

describe('related information in a clerk\'s words', () => {
  it('never states a negative sum or a bare "terms" total', () => {
    for (const fx of loadFixtures()) {
      for (const locale of ['zh', 'en'] as const) {
        for (const f of checkText(fx.text, { locale }).findings) {
          for (const rel of f.related ?? []) {
            assert.doesNotMatch(rel.message, /-\d|−\d|各项合计|the terms give/, `${fx.name} ${f.code}: ${rel.message}`);
          }
        }
      }
    }
  });
});
