/**
 * The vocabulary's fuzzy lookup counts shared bigrams by number (vocab.ts: CHAR_ID, GRAM_INDEX) instead of by
 * substring: the same matches, scores and order as counting them by the substrings of similarity.ts's
 * `bigrams`, kept here as the reference, for the vocabulary's own keys, their pieces, and random keys.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { lookup, VOCABULARY, type VocabEntry, type VocabMatch } from '../../server/src/core/parse/vocab';
import { bigrams, similarity } from '../../server/src/core/text/similarity';

const SEED = Number(process.env.GOVREPORT_PROPERTY_SEED ?? 20261202);

const exact = new Map<string, VocabEntry[]>();
const index = new Map<string, VocabEntry[]>();
for (const e of VOCABULARY) {
  exact.set(e.norm, [...(exact.get(e.norm) ?? []), e]);
  for (const g of new Set(bigrams(e.norm))) index.set(g, [...(index.get(g) ?? []), e]);
}

/** The lookup's matches ≥ 0.5 as vocab.ts computed them before (the T3 corner aside). */
function reference(key: string): VocabMatch[] {
  const hits = exact.get(key);
  const out: VocabMatch[] = hits ? hits.map((entry) => ({ entry, score: 1 })) : [];
  if (key.length > 60) return out;
  const grams = bigrams(key);
  const counts = new Map<VocabEntry, number>();
  for (const g of grams) for (const e of index.get(g) ?? []) counts.set(e, (counts.get(e) ?? 0) + 1);
  for (const [e, n] of counts) {
    if (hits?.includes(e)) continue;
    const possible = (2 * (n + 1)) / (grams.length + Math.max(1, e.norm.length - 1));
    if (possible < 0.5) continue;
    const score = similarity(key, e.norm);
    if (score >= 0.5) out.push({ entry: e, score: Math.min(score, 0.99) });
  }
  return out.sort((a, b) => b.score - a.score);
}

const corner = (key: string) => key.includes('勾稽') || (key.includes('第一项加第二项') && key.includes('第三项'));

function agree(key: string): void {
  if (key.length === 0 || corner(key)) return;
  const got = lookup(key, 0.5);
  const want = reference(key);
  assert.equal(got.length, want.length, key);
  for (let i = 0; i < want.length; i++) {
    assert.equal(got[i]!.entry, want[i]!.entry, `${key} #${i}`);
    assert.equal(got[i]!.score, want[i]!.score, `${key} #${i}`);
  }
}

describe('the vocabulary matched by numbered bigrams', () => {
  it('matches its own keys, their halves and their single characters as counting substrings did', () => {
    for (const e of VOCABULARY) {
      agree(e.norm);
      agree(e.norm.slice(0, Math.ceil(e.norm.length / 2)));
      agree(e.norm.slice(Math.floor(e.norm.length / 2)));
      agree(e.norm.charAt(0));
      agree(e.norm + e.norm.slice(0, 3));
    }
  });

  it('matches random keys of the vocabulary\'s characters and others as counting substrings did', () => {
    const chars = [...new Set(VOCABULARY.flatMap((e) => [...e.norm]))];
    const key = fc.array(fc.oneof(fc.constantFrom(...chars), fc.constantFrom('甲', 'x', '7', '\ud842\udfb7')), { minLength: 1, maxLength: 24 })
      .map((a) => a.join(''));
    fc.assert(fc.property(key, (k) => agree(k)), { numRuns: 3000, seed: SEED });
  });
});
