/**
 * Fixtures the checks get wrong because of the reader (parse/**), kept in fixtures-pending/ with what a person
 * expects and, under "actual", what happens instead and why. They run as todo tests: a failure does not fail
 * the suite, and one that passes says the reader was fixed and the fixture can move to fixtures/checks/.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/core/service';
import { loadFixtures, ROOT } from '../helpers/fixtures';

const dir = path.join(ROOT, 'fixtures-pending');
const pending = existsSync(dir) ? loadFixtures(dir) : [];

describe('pending fixtures (reader bugs)', () => {
  for (const f of pending) {
    const actual = (f.expected as typeof f.expected & { actual?: string }).actual ?? 'see the fixture';
    it(f.name, { todo: actual }, () => {
      const got = checkText(f.text).findings.map((d) => `${d.code}@${d.range.start.line + 1}`).sort();
      assert.deepEqual(got, f.expected.diagnostics.map(([c, l]) => `${c}@${l}`).sort());
    });
  }
});
