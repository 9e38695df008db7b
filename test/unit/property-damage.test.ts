/**
 * Random damage to generated reports (deleted lines, swapped cells, changed digits, cut tables, inserted
 * garbage, random Unicode, NUL bytes) and hostile texts (a 1 MB single line): the checker never throws,
 * finishes in bounded time, and returns no range outside the text.
 *
 * Reproduce a failure with the seed fast-check prints: GOVREPORT_PROPERTY_SEED=<seed> npm test (the runs are
 * reproducible: the default seed is fixed).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkText, fixAll } from '../../server/src/core/service';
import { Rand, randomOptions, randomReport, render } from '../helpers/generate';
import { applyDamage as apply, damage } from '../helpers/damage';
import { modelRangeProblems, rangeProblems } from '../helpers/readback';

const SEED = Number(process.env.GOVREPORT_PROPERTY_SEED ?? 20211926);
/** Multiplies the number of runs, for a longer hunt: GOVREPORT_PROPERTY_RUNS=20 npm test. */
const RUNS = Number(process.env.GOVREPORT_PROPERTY_RUNS ?? 1);
/** Generous (machines running tests are often busy): a report checks in milliseconds; a hang takes far longer. */
const BOUND_MS = 3000;

/** Checks a text: no throw, bounded time, every range inside the text. */
function survives(text: string, label: string): void {
  const t0 = performance.now();
  const { model, findings } = checkText(text);
  const ms = performance.now() - t0;
  const bad = [...rangeProblems(text, findings), ...modelRangeProblems(text, model)];
  if (ms > BOUND_MS) bad.push(`took ${ms.toFixed(0)} ms`);
  if (bad.length > 0) assert.fail(`${label}:\n  ${bad.slice(0, 10).join('\n  ')}`);
}

describe('property: damaged reports', () => {
  it('never throw, hang, or point outside the text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0x7fffffff }), fc.array(damage, { minLength: 1, maxLength: 6 }), (seed, damages) => {
        const r = new Rand(seed);
        const d = randomReport(r);
        const o = randomOptions(r);
        let text = render(d, o, r);
        for (const x of damages) text = apply(text, x);
        survives(text, `generator seed ${seed}, options ${JSON.stringify(o)}, damage ${JSON.stringify(damages)}`);
      }),
      { seed: SEED, numRuns: 60 * RUNS },
    );
  });

  it('fixing everything never throws and yields a text that checks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0x7fffffff }), fc.array(damage, { minLength: 1, maxLength: 3 }), (seed, damages) => {
        const r = new Rand(seed);
        let text = render(randomReport(r), randomOptions(r), r);
        for (const x of damages) text = apply(text, x);
        survives(fixAll(text), `fixAll of generator seed ${seed}, damage ${JSON.stringify(damages)}`);
      }),
      { seed: SEED, numRuns: 10 * RUNS },
    );
  });

  it('random text of any kind', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.string({ unit: fc.constantFrom('\t', '\n', '\r', ' ', '|', '0', '7', '一、', '（三）', '总计', '申请', '年度报告', '\u3000', '\u0000'), maxLength: 300 })),
      (s) => survives(s, JSON.stringify(s))),
      { seed: SEED, numRuns: 200 * RUNS },
    );
  });
});

describe('hostile texts', () => {
  const big = (unit: string) => unit.repeat(Math.ceil(1_000_000 / unit.length));
  const cases: [string, string][] = [
    ['1 MB single line of CJK', big('政府信息公开')],
    ['1 MB single line of tabs and numbers', big('\t0')],
    ['1 MB single line of pipes', big('| 1 ')],
    ['1 MB single line inside a report', (() => {
      const r = new Rand(7);
      const lines = render(randomReport(r, '2021'), randomOptions(r, 'tabs'), r).split('\n');
      lines.splice(40, 0, big('一、本年新收政府信息公开申请数量 0 '));
      return lines.join('\n');
    })()],
    ['NUL bytes everywhere', '\u0000'.repeat(10000)],
    ['20 000 empty lines', '\n'.repeat(20_000)],
    ['20 000 lone CRs', '\r'.repeat(20_000)],
    ['lone surrogates', '\ud800\udc00\ud800x\udc00'.repeat(2000)],
    ['2 000 table rows', `三、收到和处理政府信息公开申请情况\n${'1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1\n'.repeat(2_000)}`],
  ];
  for (const [name, text] of cases) {
    it(name, () => survives(text, name));
  }
});
