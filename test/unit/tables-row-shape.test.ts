/**
 * Every row the table reader makes has one shape (table.ts makeRow, and the row made before any other with a
 * fractional label score): the same fields in the same order, whatever the table, edition or shape of text.
 * A row made another way would bring back the shape change that threw the optimised buildRow away.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReport } from '../../server/src/core/parse/index';
import { SHAPED_ROW } from '../../server/src/core/parse/table';
import { loadFixtures } from '../helpers/fixtures';

describe('table rows have one shape', () => {
  it('the row made first has a fractional label score', () => {
    assert.notEqual(SHAPED_ROW.labelScore % 1, 0);
  });

  it('every row of every fixture has the fields of the row made first, in its order', () => {
    const fields = Object.keys(SHAPED_ROW);
    let rows = 0;
    for (const f of loadFixtures()) {
      const m = parseReport(f.text);
      for (const t of Object.values(m.tables)) {
        for (const row of [...t.rows.values(), ...t.strayRows]) {
          assert.deepEqual(Object.keys(row), fields, `${f.name} ${t.key} ${row.key}`);
          rows++;
        }
      }
    }
    assert.ok(rows > 1000, `only ${rows} rows read`);
  });
});
