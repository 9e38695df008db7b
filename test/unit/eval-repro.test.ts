/**
 * The most instructive failures of `npm run eval`, each as a minimal reproducer (eval/repro/, described in
 * eval/repro/README.md) and what a careful reader expects of it. They are `todo`: they report, they do not
 * fail the run. Whoever fixes one sees it pass here; then move the case into fixtures/ with inline markers
 * and delete it from this list.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers/fixtures';

const REPRO = path.join(ROOT, 'eval', 'repro');

/** A case reads its file (`readFileSync(path.join(REPRO, file))`), checks it (core/service `checkText`) and asserts. */
interface Case { file: string; part: string; what: string; expect: () => void | Promise<void> }
// Every reproducer so far is read right and has moved to fixtures/ (eval/repro/README.md says where).
const CASES: Case[] = [
  // ---- the text reader, core/parse
  // ---- the checks
];

describe('eval reproducers (todo: each names the part at fault)', () => {
  it('has a reproducer file for each case and a case for each file', () => {
    const files = new Set(CASES.map((c) => c.file));
    const readme = readFileSync(path.join(REPRO, 'README.md'), 'utf8');
    for (const f of files) assert.ok(readme.includes(f), `${f} not in eval/repro/README.md`);
    assert.equal(files.size, CASES.length);
    assert.deepEqual(readdirSync(REPRO).filter((f) => f !== 'README.md').sort(), [...files].sort());
  });
  for (const c of CASES) it(`${c.file} — ${c.what}`, { todo: c.part }, c.expect);
});
