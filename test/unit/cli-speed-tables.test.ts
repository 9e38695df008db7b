/**
 * The CLI's tables on demand (cli/check/analyse.ts, tablesFromText): a report whose tables are not kept gets
 * them parsed again from its text when read, and those must be the tables the check itself saw — on every
 * fixture and on reports cut and shuffled at random. And which reports keep theirs (cli/check/keep.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseSource, isFailed, type PlainOptions } from '../../server/src/cli/check/analyse';
import { keepPairedSoFar } from '../../server/src/cli/check/keep';
import { checkFiles } from '../../server/src/cli/check/pool';
import type { ReportModel } from '../../server/src/core/model';
import { parseReport } from '../../server/src/core/parse/index';
import { FIXTURES, loadFixtures, reportFiles } from '../helpers/fixtures';

const options: PlainOptions = { locale: 'zh', levels: {}, maxSize: 2_000_000 };
const never = () => false;

/** Both ways of checking a text agree on everything, the tables (read through the getter) included. */
function assertSameBothWays(text: string, what: string): void {
  const kept = analyseSource('r.txt', { text, format: 'utf-8' }, options);
  const onDemand = analyseSource('r.txt', { text, format: 'utf-8' }, options, never);
  assert.deepEqual(onDemand.findings, kept.findings, what);
  assert.deepEqual(Object.keys(onDemand.model), Object.keys(kept.model), `${what}: the same keys, in the same order`);
  assert.deepEqual(onDemand.model, kept.model, what);
}

describe('tables on demand', () => {
  const fixtures = loadFixtures();

  it('are the tables the check saw, on every fixture', () => {
    assert.ok(fixtures.length > 100);
    for (const f of fixtures) assertSameBothWays(f.text, f.name);
  });

  it('are the tables the check saw, on reports cut and shuffled at random', () => {
    let seed = 11;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const withTables = fixtures.filter((f) => Object.keys(parseReport(f.text).tables).length > 0);
    for (let k = 0; k < 300; k++) {
      const lines = withTables[rand(withTables.length)]!.text.split('\n');
      for (let edits = 1 + rand(4); edits > 0; edits--) {
        const at = rand(lines.length);
        const kind = rand(3);
        if (kind === 0) lines.splice(at, 1 + rand(3));
        else if (kind === 1) lines.splice(rand(lines.length), 0, lines[at]!);
        else lines[at] = lines[at]!.replace(/\d/g, () => String(rand(10)));
      }
      assertSameBothWays(lines.join('\n'), `variant ${k}`);
    }
  });

  it('are parsed once, and can be set', () => {
    const text = fixtures.find((f) => Object.keys(parseReport(f.text).tables).length > 0)!.text;
    const m = analyseSource('r.txt', { text, format: 'utf-8' }, options, never).model;
    assert.equal(m.tables, m.tables, 'the same object on every read');
    const empty: ReportModel['tables'] = {};
    m.tables = empty;
    assert.equal(m.tables, empty);
  });

  it('give the pool the same outcomes as tables kept', async () => {
    const jobs = reportFiles(FIXTURES).slice(0, 60).map((p) => ({ path: p, options: 0 }));
    const kept = await checkFiles(jobs, [options], { workers: 0 });
    const onDemand = await checkFiles(jobs, [options], { workers: 0, keepTables: never });
    assert.equal(onDemand.length, kept.length);
    onDemand.forEach((o, i) => assert.deepEqual(isFailed(o) ? o : { ...o }, kept[i], jobs[i]!.path));
  });
});

describe('keepPairedSoFar', () => {
  const report = (agency: string | null, year: number | null, isReport = true) => ({ ...parseReport(''), isReport, agency, year });

  it('keeps a report paired with one checked before it, a year before or after', () => {
    const keep = keepPairedSoFar();
    assert.equal(keep(report('某市财政局', 2022)), false, 'the first of the pair: its partner is not known yet');
    assert.equal(keep(report('某市教育局', 2022)), false);
    assert.equal(keep(report('某市财政局', 2023)), true);
    assert.equal(keep(report('某市教育局', 2021)), true, 'a year before counts too');
    assert.equal(keep(report('某市教育局', 2024)), false, 'two years apart is no pair');
  });

  it('keeps no tables of what is not a report, or has no agency or year', () => {
    const keep = keepPairedSoFar();
    keep(report('某市财政局', 2022));
    assert.equal(keep(report('某市财政局', 2023, false)), false);
    assert.equal(keep(report(null, 2023)), false);
    assert.equal(keep(report('某市财政局', null)), false);
  });
});
