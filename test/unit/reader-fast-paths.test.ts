/**
 * The table reader's short cuts (round 6's speed work) against the long ways they stand for: a row of one
 * label reads its choices without joining runs of labels (align.ts rowChoices), a row's extent is widened
 * token by token (cells.ts Extent), and a block of several rows' values is looked for only where the values
 * can be two rows of the narrowest width (blocks.ts spreadRows).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { TableKey } from '../../server/src/core/format/spec';
import type { Range } from '../../server/src/core/text/lines';
import { rowChoices, rowChoicesByRuns } from '../../server/src/core/parse/align';
import { Extent } from '../../server/src/core/parse/cells';
import { parseReport } from '../../server/src/core/parse/index';
import type { Token } from '../../server/src/core/parse/tokens';
import { lookup, VOCABULARY } from '../../server/src/core/parse/vocab';
import { labelKey } from '../../server/src/core/text/normalize';
import { ROOT } from '../helpers/fixtures';

const TABLES: TableKey[] = ['proactive', 'requests', 'appeals'];

function labelToken(text: string, numbering: string): Token {
  return { line: 3, start: 0, end: text.length, text, kind: 'label', key: labelKey(text).key, numbering, indented: false };
}

describe('the reader\'s short cuts agree with the long ways', () => {
  it('a one-label row reads the same choices as by every run of labels', () => {
    let compared = 0;
    let chosen = 0;
    for (const e of VOCABULARY) {
      // The entry's own words, cut and lengthened, with and without its numbering and another's.
      for (const text of [e.norm, e.norm.slice(1), e.norm.slice(0, -1), `${e.norm}数`]) {
        if (!text) continue;
        for (const numbering of ['', e.numbering, '（一）', '1.']) {
          const token = labelToken(text, numbering);
          const labels = [{ token, matches: lookup(token.key, 0.6) }];
          for (const table of TABLES) {
            const fast = rowChoices(labels, 1, table);
            assert.deepEqual(fast, rowChoicesByRuns(labels, 1, table), `${text} ${numbering} in ${table}`);
            compared++;
            chosen += fast.size;
          }
        }
      }
    }
    assert.ok(compared > VOCABULARY.length * 3 && chosen > VOCABULARY.length, 'rows were named');
  });

  it('a row\'s extent widened token by token is the span from its first to its last token, the first seen winning a tie', () => {
    // A reference: sort by position, ties kept in the order given.
    const reference = (tokens: Token[]): Range => {
      let a = tokens[0]!;
      let b = tokens[0]!;
      for (const t of tokens) {
        if (t.line < a.line || (t.line === a.line && t.start < a.start)) a = t;
        if (t.line > b.line || (t.line === b.line && t.end > b.end)) b = t;
      }
      return { start: { line: a.line, character: a.start }, end: { line: b.line, character: b.end } };
    };
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const ext = new Extent();
    for (let round = 0; round < 500; round++) {
      const tokens: Token[] = [];
      for (let k = 1 + next(8); k > 0; k--) {
        const start = next(6);
        tokens.push({ line: next(4), start, end: start + next(4), text: 'x', kind: 'value', key: '', numbering: '', indented: false });
      }
      ext.reset();
      assert.equal(ext.empty(), true);
      for (const t of tokens) ext.add(t);
      assert.equal(ext.empty(), false);
      assert.deepEqual(ext.range(), reference(tokens));
    }
  });

  it('still shares out a block of two rows\' values given to one label (plain pdftotext, the rest of the labels elsewhere)', () => {
    // 规章 holds its three values and 规范性文件's three; 规范性文件 stands alone further down.
    const file = path.join(ROOT, 'eval', 'reports', '24-cityMarket-2019', 'pdf-plain.txt');
    const m = parseReport(readFileSync(file, 'utf8'));
    const rows = m.tables.proactive!.rows;
    assert.deepEqual(rows.get('regulations')!.cells.map((c) => c.value), [0, 0, 0]);
    assert.deepEqual(rows.get('normativeDocuments')!.cells.map((c) => c.value), [7, 7, 48]);
    assert.equal(m.tables.proactive!.confident, true);
  });
});
