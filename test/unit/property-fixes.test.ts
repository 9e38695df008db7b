/**
 * Every quick fix on generated reports (clean or damaged): applying it changes nothing outside its edits, the
 * finding it fixes goes away, and "fix all" is idempotent (applying it twice equals applying it once).
 *
 * Reproduce a failure with the seed fast-check prints: GOVREPORT_PROPERTY_SEED=<seed> npm test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits, checkText, fixAll } from '../../server/src/core/service';
import { splitLines } from '../../server/src/core/text/lines';
import { applyDamage, damage } from '../helpers/damage';
import { Rand, randomOptions, randomReport, render } from '../helpers/generate';

const SEED = Number(process.env.GOVREPORT_PROPERTY_SEED ?? 20211926);
const RUNS = Number(process.env.GOVREPORT_PROPERTY_RUNS ?? 1);

function report(seed: number, damages: Parameters<typeof applyDamage>[1][]): string {
  const r = new Rand(seed);
  let text = render(randomReport(r), randomOptions(r), r);
  for (const d of damages) text = applyDamage(text, d);
  return text;
}

/** Offset in `text` of an LSP position, as applyEdits reads it. */
function offsetOf(text: string, pos: { line: number; character: number }): number {
  const lines = splitLines(text);
  if (pos.line >= lines.length) return text.length;
  const l = lines[pos.line]!;
  return l.offset + Math.min(pos.character, l.text.length);
}

describe('property: quick fixes', () => {
  it('each fix changes only its target and removes its finding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0x7fffffff }), fc.array(damage, { maxLength: 3 }), (seed, damages) => {
        const text = report(seed, damages);
        const { findings } = checkText(text);
        for (const f of findings) {
          if (!f.fix) continue;
          const label = `seed ${seed}, damage ${JSON.stringify(damages)}, ${f.code}@${f.range.start.line + 1}: ${f.message}`;
          const fixed = applyEdits(text, f.fix.edits);
          // Outside the edits nothing changes: the text before the first edit and after the last is the same.
          const starts = f.fix.edits.map((e) => offsetOf(text, e.range.start));
          const ends = f.fix.edits.map((e) => offsetOf(text, e.range.end));
          const head = Math.min(...starts);
          const tail = text.length - Math.max(...ends);
          assert.equal(fixed.slice(0, head), text.slice(0, head), `${label}: text before the fix changed`);
          assert.equal(fixed.slice(fixed.length - tail), text.slice(text.length - tail), `${label}: text after the fix changed`);
          const before = findings.filter((x) => x.code === f.code).length;
          const after = checkText(fixed).findings.filter((x) => x.code === f.code).length;
          assert.ok(after < before, `${label}: still ${after} of ${before} after its fix`);
        }
      }),
      { seed: SEED, numRuns: 40 * RUNS },
    );
  });

  it('fix all twice equals fix all once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0x7fffffff }), fc.array(damage, { maxLength: 3 }), (seed, damages) => {
        const once = fixAll(report(seed, damages));
        assert.equal(fixAll(once), once, `seed ${seed}, damage ${JSON.stringify(damages)}`);
      }),
      { seed: SEED, numRuns: 30 * RUNS },
    );
  });
});
