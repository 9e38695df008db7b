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
import { modelToJson } from '../../server/src/core/model-json';
import { checkText, fixText } from '../../server/src/core/service';
import { ROOT } from '../helpers/fixtures';

const REPRO = path.join(ROOT, 'eval', 'repro');
const text = (name: string) => readFileSync(path.join(REPRO, name), 'utf8');
type Rows = Record<string, (number | null)[]>;
interface Table { confident: boolean; rows: Rows; missingRows: string[] }
const tablesOf = (model: Parameters<typeof modelToJson>[0]) => modelToJson(model).tables as Record<string, Table>;
const at = (findings: Finding[], code: string, line?: number) => findings.filter((f) => f.code === code && (line === undefined || f.range.start.line + 1 === line));
const list = (findings: Finding[]) => findings.map((f) => `${f.range.start.line + 1} ${f.code} ${f.message}`).join('\n');
/** No error of these codes: built on a guess. */
const noErrors = (findings: Finding[], codes: string[]) => {
  const bad = findings.filter((f) => f.severity === 'error' && codes.includes(f.code));
  assert.deepEqual(bad.map((f) => f.code), [], list(bad));
};
/** Read right, or declined — never a wrong number in a table read with confidence. */
const rightOrDeclined = (t: Table | undefined, want: Rows) => {
  if (!t || t.confident === false) return;
  for (const [row, values] of Object.entries(want)) assert.deepEqual(t.rows[row], values, row);
};
const SUMS = ['sum-row-total', 'sum-results-total', 'sum-balance', 'sum-appeals-total'];
const STRUCTURE = ['table-cell-count', 'table-row-missing', 'table-column-missing', 'table-missing'];

interface Case { file: string; part: string; what: string; expect: () => void | Promise<void> }
const CASES: Case[] = [
  // ---- the text reader, core/parse
  { file: '13-spaces-blank-cells.txt', part: 'core/parse', what: 'a PDF viewer copy (cells one space apart) loses blank cells: the short row is read left-aligned and the sums checked on it (false sum-balance)',
    expect: () => {
      const { model, findings } = checkText(text('13-spaces-blank-cells.txt'));
      noErrors(findings, SUMS);
      rightOrDeclined(tablesOf(model).requests, { carriedIn: [1, 0, null, null, 0, 0, 1] });
    } },
  { file: '19-plain-t2-labels-moved.txt', part: 'core/parse', what: '§8.7: plain pdftotext of a 2019 T2, a label and a caption displaced 100 lines — 5 values on 规章, 规范性文件 missing, on a table marked confident',
    expect: () => {
      const { model, findings } = checkText(text('19-plain-t2-labels-moved.txt'));
      noErrors(findings, STRUCTURE);
      rightOrDeclined(tablesOf(model).proactive, { regulations: [0, 0, 0, null, null, null, null, null] });
    } },
  { file: '17-layout-2019-blank-total.txt', part: 'core/parse', what: '§8.4/8.10: pdftotext -layout of a 2019 T3 with 总计 blank on the result rows — table-column-missing, table-cell-count and false sum-balance',
    expect: () => {
      const { model, findings } = checkText(text('17-layout-2019-blank-total.txt'));
      noErrors(findings, ['table-column-missing', 'table-cell-count', ...SUMS]);
      rightOrDeclined(tablesOf(model).requests, { new: [22, 6, 0, 1, 3, 2, 34] });
    } },
  // ---- R8, core/parse/prose.ts
  { file: '16-applicant-breakdown.txt', part: 'core/parse/prose.ts', what: 'R8: 其中自然人申请112件，法人或其他组织申请62件 against a table of 102 and 52 — not compared',
    expect: () => {
      const { findings } = checkText(text('16-applicant-breakdown.txt'));
      const r8 = at(findings, 'text-table-mismatch', 5);
      assert.ok(r8.some((f) => f.message.includes('112')) && r8.some((f) => f.message.includes('62')), list(findings));
    } },
  // ---- the checks
  { file: '18-spaces-fix-deletes-words.txt', part: 'checks/rules/table-label.ts', what: 'cells one space apart: “信息内容 本年处理决定数量” and “（三）不予公开 1.属于国家秘密” are taken for labels; the safe fix deletes 信息内容, the group label and the item number',
    expect: () => {
      const raw = text('18-spaces-fix-deletes-words.txt');
      const fixed = fixText(raw).text;
      for (const words of ['信息内容 本年处理决定数量', '（三）不予公开 1.属于国家秘密']) assert.ok(fixed.includes(words), `fix removed words from “${words}”`);
    } },
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
