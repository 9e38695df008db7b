/**
 * When unsure, say so once: no error-level finding is built on a table the reader itself marked not
 * confident. Asserted on every fixture (the seeds among them) and on every eval reproducer, whatever else is
 * still wrong with the reproducer.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/core/checks/types';
import type { Position, Range } from '../../server/src/core/text/lines';
import { checkText } from '../../server/src/core/service';
import { loadFixtures, ROOT } from '../helpers/fixtures';

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
const inside = (p: Position, r: Range) => !before(p, r.start) && before(p, r.end);

/** Errors about the document, not the table's cells: a missing section may be placed at a table's end. */
const ABOUT_DOCUMENT = /^section-/;

/** Errors that start inside a table marked not confident: each names what it was built on. */
function errorsOnDeclined(text: string): string[] {
  const { model, findings } = checkText(text);
  const declined = Object.values(model.tables).filter((t) => !t.confident);
  return findings
    .filter((f: Finding) => f.severity === 'error' && !ABOUT_DOCUMENT.test(f.code) && declined.some((t) => inside(f.range.start, t.range)))
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.message}`);
}

const REPRO = path.join(ROOT, 'eval', 'repro');
const cases = [
  ...loadFixtures().map((f) => ({ name: f.name, text: f.text })),
  ...readdirSync(REPRO).filter((f) => f !== 'README.md')
    .map((f) => ({ name: `eval/repro/${f}`, text: readFileSync(path.join(REPRO, f), 'utf8') })),
];

describe('no error on a table marked not confident', () => {
  it('has the fixtures and the reproducers', () => {
    // The reproducers too, while eval/repro holds any: each moves to fixtures/ once read right.
    assert.ok(cases.some((c) => c.name.startsWith('seeds/')));
  });
  for (const c of cases) {
    it(c.name, () => {
      const bad = errorsOnDeclined(c.text);
      assert.deepEqual(bad, [], bad.join('\n'));
    });
  }
});

describe('no sum on a row whose values are in unknown columns', () => {
  const text = readFileSync(path.join(ROOT, 'fixtures', 'shapes', 'spaces-short-row-blanks-unseen.txt'), 'utf8').replace(/ \{\{[^}]*\}\}/g, '');
  const errors = (t: string) => checkText(t).findings.filter((f) => f.severity === 'error' && !ABOUT_DOCUMENT.test(f.code)).map((f) => `${f.range.start.line + 1} ${f.code}`);
  it('cells one space apart: a short row whose blanks nothing places declines the table once, no error on it', () => {
    const { findings } = checkText(text);
    assert.deepEqual(errors(text), []);
    assert.deepEqual(findings.filter((f) => f.code === 'table-unreadable').map((f) => f.range.start.line + 1), [5]);
  });
  it('tab-separated with no empty field where the blanks are: said short once, no sum checked on it', () => {
    // Tabs mark cells, so a row short of them is the text's own (table-cell-count), not blanks lost by a copy.
    const tabs = text.split('\n').map((l) => l.replace(/ (?=[0-9O])/g, '\t')).join('\n');
    assert.deepEqual(errors(tabs), ['6 table-cell-count']);
  });
});
