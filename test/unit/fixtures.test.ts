/** Every fixture reads and checks as its expected file says. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Level } from '../../server/src/core/checks/types';
import { modelToJson } from '../../server/src/core/model-json';
import { checkText } from '../../server/src/core/service';
import { loadFixtures, subsetDiff } from '../helpers/fixtures';

const fixtures = loadFixtures();

describe('fixtures', () => {
  it('has the five seeds', () => {
    assert.equal(fixtures.filter((f) => f.name.startsWith('seeds/')).length, 5);
  });
  for (const f of fixtures) {
    describe(f.name, () => {
      const opts = f.expected.options ?? {};
      const { model, findings } = checkText(f.text, { locale: opts.locale ?? 'zh', levels: (opts.levels ?? {}) as Record<string, Level> });
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
    });
  }
});
