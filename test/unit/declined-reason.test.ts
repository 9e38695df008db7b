/**
 * Issue 11, “a table declined says why”: in `govreport parse --format json`, every table of every fixture
 * (the seeds among them) that is not read with confidence has `"confident": false` and a reason in words,
 * Chinese by default and English when chosen; a table read with confidence has none.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { modelToJson } from '../../server/src/core/model-json';
import { parseReport } from '../../server/src/core/service';
import { loadFixtures } from '../helpers/fixtures';

type Json = Record<string, { confident: boolean; reason?: string }>;
const HAN = /\p{Script=Han}/u;

describe('a declined table says why', () => {
  const fixtures = loadFixtures();
  let declined = 0;
  for (const f of fixtures) {
    const model = parseReport(f.text);
    if (Object.keys(model.tables).length === 0) continue;
    it(f.name, () => {
      const zh = modelToJson(model).tables as Json;
      const en = modelToJson(model, 'en').tables as Json;
      for (const [key, t] of Object.entries(zh)) {
        if (t.confident) {
          assert.equal(t.reason, undefined, key);
          continue;
        }
        declined++;
        assert.ok(t.reason && HAN.test(t.reason), `${key}: ${t.reason}`);
        assert.ok(en[key]!.reason && !HAN.test(en[key]!.reason!.replace(/“[^”]*”|"[^"]*"/g, '')), `${key}: ${en[key]!.reason}`);
      }
    });
  }
  it('has declined tables among the fixtures', () => assert.ok(declined >= 5, `${declined} declined`));
});
