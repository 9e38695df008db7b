/**
 * layout.ts presentOf: a row's columns that a table has, the row's own list when it has them all, else those
 * present in order — the same as filtering the list, for every layout row and every set of columns present.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LAYOUTS, presentOf } from '../../server/src/core/parse/layout';

describe('presentOf', () => {
  it('is the row\'s columns filtered by the present ones, and the row\'s own list when all are present', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let compared = 0;
    for (const layouts of Object.values(LAYOUTS)) {
      for (const layout of layouts) {
        for (let n = 0; n < 200; n++) {
          const present = new Set(layout.columns.filter(() => random() < 0.8));
          for (const slot of layout.rows) {
            const got = presentOf(slot.columns, present);
            assert.deepEqual([...got], slot.columns.filter((k) => present.has(k)));
            if (slot.columns.every((k) => present.has(k))) assert.equal(got, slot.columns);
            compared++;
          }
        }
      }
    }
    assert.ok(compared > 10000);
  });
});
