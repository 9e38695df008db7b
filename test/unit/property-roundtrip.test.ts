/**
 * Random valid reports of the 2021 and 2019 formats, rendered in every shape of report-format.md §8, read
 * back to the numbers they were written with, and raise no sum diagnostic (their sums hold), no prose
 * mismatch (their prose states the tables' totals), and no unreadable table or cell.
 *
 * Reproduce a failure with the seed fast-check prints: GOVREPORT_PROPERTY_SEED=<seed> npm test (the runs are
 * reproducible: the default seed is fixed). The
 * counterexample's first number is the generator's seed: `render(randomReport(new Rand(n)), …)`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkText } from '../../server/src/core/service';
import { Rand, randomOptions, randomReport, render, type Shape } from '../helpers/generate';
import { modelRangeProblems, rangeProblems, readBackProblems, WRONG_FOR_VALID } from '../helpers/readback';

const SEED = Number(process.env.GOVREPORT_PROPERTY_SEED ?? 20211926);
/** Multiplies the number of runs, for a longer hunt: GOVREPORT_PROPERTY_RUNS=20 npm test. */
const RUNS = Number(process.env.GOVREPORT_PROPERTY_RUNS ?? 1);
const SHAPES: Shape[] = ['tabs', 'pipes', 'cells', 'spaces'];

function roundTrip(seed: number, shape: Shape, edition: '2021' | '2019'): void {
  const r = new Rand(seed);
  const d = randomReport(r, edition);
  const o = randomOptions(r, shape);
  const text = render(d, o, r);
  const { model, findings } = checkText(text);
  const problems = [
    ...readBackProblems(model, d, o),
    ...findings.filter((f) => WRONG_FOR_VALID.has(f.code)).map((f) => `${f.code} at line ${f.range.start.line + 1}: ${f.message}`),
    ...rangeProblems(text, findings),
    ...modelRangeProblems(text, model),
  ];
  if (problems.length > 0) {
    assert.fail(`generator seed ${seed}, ${edition}, options ${JSON.stringify(o)}:\n  ${problems.slice(0, 15).join('\n  ')}`);
  }
}

describe('property: generated reports read back', () => {
  for (const shape of SHAPES) {
    it(`in the ${shape} shape`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 0x7fffffff }), fc.constantFrom('2021' as const, '2019' as const),
          (seed, edition) => roundTrip(seed, shape, edition)),
        { seed: SEED, numRuns: 40 * RUNS },
      );
    });
  }
});
