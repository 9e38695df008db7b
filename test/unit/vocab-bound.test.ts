/**
 * The table reader skips fitting a layout that cannot win (table.ts), by a bound on what a label choice can
 * score (align.ts MAX_CHOICE_SCORE): it holds only while no vocabulary match scores above 1. Every entry of the
 * vocabulary, whole, cut and garbled, is looked up here against that bound, so a change of scoring that breaks
 * it fails here instead of making the reader pick another layout silently.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lookup, VOCABULARY } from '../../server/src/core/parse/vocab';

function variants(norm: string): string[] {
  const chars = [...norm];
  const out = [norm, norm + norm.slice(-1), chars.slice(1).join(''), chars.slice(0, -1).join(''), `${norm}数`];
  if (chars.length > 3) out.push([...chars.slice(0, 1), '幵', ...chars.slice(2)].join(''));
  return out.filter((s) => s.length > 0);
}

describe('vocabulary scores stay within the bound the table reader relies on', () => {
  it('no match of any entry, whole or changed, scores above 1, and an exact one scores 1', () => {
    let looked = 0;
    for (const e of VOCABULARY) {
      for (const key of variants(e.norm)) {
        for (const m of lookup(key, 0.5)) {
          assert.ok(m.score <= 1, `${key}: ${m.entry.key} scores ${m.score}`);
          looked++;
        }
      }
      assert.ok(lookup(e.norm, 0.5).some((m) => m.score === 1), `${e.norm} matches itself exactly`);
    }
    assert.ok(looked > VOCABULARY.length, 'the variants matched too');
  });
});
