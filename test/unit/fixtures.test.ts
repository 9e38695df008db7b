/** Every fixture reads and checks as its expected file says. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Level, PreviousReport } from '../../server/src/core/checks/types';
import { modelToJson } from '../../server/src/core/model-json';
import { checkText, parseReport } from '../../server/src/core/service';
import { splitLines } from '../../server/src/core/text/lines';
import { type Expected, loadFixtures, readMarkers, subsetDiff } from '../helpers/fixtures';

const fixtures = loadFixtures();

/** Optional parts of an expected file beyond the shared helper's: last year's report, message substrings. */
type ExpectedMore = Expected & {
  /** Last year's report, relative to the fixture's folder (R9). */
  previous?: string;
  /** "<code>@<line>" → a substring the message of some finding with that code on that line must contain. */
  messages?: Record<string, string>;
};

function previousOf(file: string, rel: string | undefined): PreviousReport | undefined {
  if (!rel) return undefined;
  const text = readFileSync(path.resolve(path.dirname(file), rel), 'utf8').replace(/^\uFEFF/, '');
  return { model: parseReport(text), lines: splitLines(text), label: rel };
}

describe('inline markers', () => {
  it('are removed with one space before them, keeping lines and columns, and become expectations', () => {
    const m = readMarkers('规章\t0\t {{table-label}}\r\n二 {{sum-balance: 应为 1}} {{sum-balance}}\n');
    assert.equal(m.text, '规章\t0\t\r\n二\n');
    assert.deepEqual(m.diagnostics, [['table-label', 1], ['sum-balance', 2], ['sum-balance', 2]]);
    assert.deepEqual(m.messages, { 'sum-balance@2': '应为 1' });
  });
});

describe('fixtures', () => {
  it('has the five seeds', () => {
    assert.equal(fixtures.filter((f) => f.name.startsWith('seeds/')).length, 5);
  });
  for (const f of fixtures) {
    describe(f.name, () => {
      const expected = f.expected as ExpectedMore;
      const opts = expected.options ?? {};
      const previous = previousOf(f.file, expected.previous);
      const { model, findings } = checkText(f.text, {
        locale: opts.locale ?? 'zh',
        levels: (opts.levels ?? {}) as Record<string, Level>,
        ...(previous ? { previous } : {}),
      });
      it('reads the expected model', () => {
        if (!f.expected.model) return;
        const json = modelToJson(model) as Record<string, unknown>;
        json.sections = model.sections.map((s) => s.number);
        const diff = subsetDiff(f.expected.model, json);
        assert.deepEqual(diff, [], diff.join('\n'));
      });
      it('reports the expected diagnostics', () => {
        const got = findings.map((d) => `${d.code}@${d.range.start.line + 1}`).sort();
        const want = f.expected.diagnostics.map(([c, l]) => `${c}@${l}`).sort();
        assert.deepEqual(got, want, findings.map((d) => `${d.range.start.line + 1} ${d.code} ${d.message}`).join('\n'));
      });
      if (expected.messages) {
        it('says what the expected messages say', () => {
          for (const [at, text] of Object.entries(expected.messages ?? {})) {
            const [code, line] = at.split('@');
            const here = findings.filter((d) => d.code === code && d.range.start.line + 1 === Number(line));
            assert.ok(here.some((d) => d.message.includes(text)), `${at}: no message contains "${text}"; got ${JSON.stringify(here.map((d) => d.message))}`);
          }
        });
      }
    });
  }
});
