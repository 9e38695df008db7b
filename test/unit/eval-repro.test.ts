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
import type { Finding } from '../../server/src/core/checks/types';
import { checkText } from '../../server/src/core/service';
import { ROOT } from '../helpers/fixtures';

const REPRO = path.join(ROOT, 'eval', 'repro');
const text = (name: string) => readFileSync(path.join(REPRO, name), 'utf8');
const at = (findings: Finding[], code: string, line?: number) => findings.filter((f) => f.code === code && (line === undefined || f.range.start.line + 1 === line));
const list = (findings: Finding[]) => findings.map((f) => `${f.range.start.line + 1} ${f.code} ${f.message}`).join('\n');

interface Case { file: string; part: string; what: string; expect: () => void | Promise<void> }
const CASES: Case[] = [
  // ---- the text reader, core/parse
  // ---- R8, core/parse/prose.ts
  { file: '16-applicant-breakdown.txt', part: 'core/parse/prose.ts', what: 'R8: 其中自然人申请112件，法人或其他组织申请62件 against a table of 102 and 52 — not compared',
    expect: () => {
      const { findings } = checkText(text('16-applicant-breakdown.txt'));
      const r8 = at(findings, 'text-table-mismatch', 5);
      assert.ok(r8.some((f) => f.message.includes('112')) && r8.some((f) => f.message.includes('62')), list(findings));
    } },
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
