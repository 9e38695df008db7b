/**
 * Every fixable finding of the check fixtures and the seeds: each of its fixes, applied alone with applyEdits,
 * touches only its target (the cell, numeral, title or words it names; whole lines it inserts; the debris line
 * it removes), and checking the result again no longer reports it; a fix over several findings (fill every
 * blank of the table) removes them all. "Fix all" (safe fixes) reaches a fixed point.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Finding, PreviousReport, TextEdit } from '../../server/src/core/checks/types';
import type { ReportModel } from '../../server/src/core/model';
import { applyEdits, checkText, type CheckOptions, fixAll, fixAllEdits, fixesOf, groupFixes, parseReport } from '../../server/src/core/service';
import { comparePositions, type Range, splitLines } from '../../server/src/core/text/lines';
import { type Fixture, loadFixtures } from '../helpers/fixtures';

const fixtures = loadFixtures().filter((f) => f.name.startsWith('checks/') || f.name.startsWith('seeds/'));

function optionsOf(f: Fixture): CheckOptions {
  const e = f.expected as typeof f.expected & { previous?: string };
  const opts: CheckOptions = { locale: 'zh' };
  if (e.previous) {
    const prev: PreviousReport = { model: parseReport(readFileSync(path.resolve(path.dirname(f.file), e.previous), 'utf8')), label: e.previous };
    opts.previous = prev;
  }
  return opts;
}

/**
 * Codes a fix may legitimately bring up: what a skeleton inserts is blank ("/", table-cell-blank) or a
 * placeholder (placeholder-unfilled) until filled in.
 */
const CONSEQUENCES: Record<string, string[]> = {
  // A 2019 layout rewritten: cells with no 2021 counterpart become "/" to fill in.
  'format-outdated': ['table-cell-blank'],
  'section-missing': ['table-cell-blank', 'placeholder-unfilled'],
  'table-missing': ['table-cell-blank'],
  'table-row-missing': ['table-cell-blank'],
  'table-column-missing': ['table-cell-blank', 'sum-row-total', 'sum-results-total', 'sum-balance', 'text-table-mismatch'],
  'fee-statement-missing': ['placeholder-unfilled'],
  // A value written into a table (0 for a blank, last year's carried-over figure, a corrected total) makes sums
  // and prose comparisons checkable that were not before.
  'table-cell-blank': ['sum-row-total', 'sum-results-total', 'sum-balance', 'sum-appeals-total', 'text-table-mismatch'],
  'carryover-mismatch': ['sum-row-total', 'sum-balance', 'text-table-mismatch'],
  'sum-row-total': ['text-table-mismatch'],
  'sum-results-total': ['text-table-mismatch'],
  'sum-balance': ['text-table-mismatch'],
  'sum-appeals-total': ['text-table-mismatch'],
};

function within(inner: Range, outer: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

function slice(text: string, r: Range): string {
  const lines = splitLines(text);
  const at = (p: Range['start']) => (p.line >= lines.length ? text.length : lines[p.line]!.offset + Math.min(p.character, lines[p.line]!.text.length));
  return text.slice(at(r.start), at(r.end));
}

const PLACEHOLDER = /^(?:|\/|／|-|－|—|——|–|―|─|--|无)$/;

/** Why an edit is on its finding's target, or null when it is not. */
function onTarget(text: string, model: ReportModel, f: Finding, e: TextEdit, all: boolean): string | null {
  const old = slice(text, e.range);
  const empty = comparePositions(e.range.start, e.range.end) === 0;
  const lines = splitLines(text);
  const last = lines[lines.length - 1]!;
  if (all && f.code === 'table-cell-blank') return PLACEHOLDER.test(old.trim()) && e.newText === '0' ? 'fills a blank' : null;
  if (within(e.range, f.range)) return 'inside the finding';
  if (empty && /\r?\n$/.test(e.newText) && (e.range.start.character === 0 || (e.range.start.line === last.index && e.range.start.character === last.text.length))) return 'inserts whole lines';
  const own = slice(text, f.range).trim();
  if (!empty && e.newText === '' && own !== '' && old.replace(/\r?\n/g, '').trim() === own) return 'removes the line the finding is';
  const table = model.tables[(f.data?.table as 'proactive' | 'requests' | 'appeals' | undefined) ?? 'requests'];
  if (table && (f.code === 'format-outdated' || f.code === 'table-column-missing') && within(e.range, { start: { line: table.range.start.line, character: 0 }, end: { line: table.range.end.line, character: Number.MAX_SAFE_INTEGER } })) {
    if (f.code === 'format-outdated') return 'rewrites the outdated table';
    if (empty && /^\t?[^\t\r\n]*\t?$/.test(e.newText)) return 'adds one cell';
  }
  return null;
}

function counts(findings: readonly Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of findings) m.set(d.code, (m.get(d.code) ?? 0) + 1);
  return m;
}

function overlapping(edits: readonly TextEdit[]): boolean {
  const s = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start));
  return s.some((e, i) => i > 0 && comparePositions(e.range.start, s[i - 1]!.range.end) < 0);
}

describe('quick fixes', () => {
  it('has fixtures with fixes to try', () => {
    const n = fixtures.reduce((k, f) => k + checkText(f.text, optionsOf(f)).findings.filter((d) => d.fix).length, 0);
    assert.ok(n >= 50, `only ${n} fixable findings`);
  });
  for (const f of fixtures) {
    const opts = optionsOf(f);
    const { model, findings } = checkText(f.text, opts);
    const before = counts(findings);
    const fixable = findings.flatMap((d) => [
      ...fixesOf(d).map((fix) => ({ d, fix, all: false })),
      ...groupFixes(findings, d).map((fix) => ({ d, fix, all: true })),
    ]);
    if (fixable.length === 0) continue;
    describe(f.name, () => {
      for (const { d, fix, all } of fixable) {
        it(`${d.code}@${d.range.start.line + 1}: "${fix.title}" changes only its target and the finding is gone`, () => {
          assert.ok(fix.edits.length > 0, 'a fix without edits');
          assert.ok(!overlapping(fix.edits), 'the fix has overlapping edits (applyEdits would drop some)');
          for (const e of fix.edits) {
            const why = onTarget(f.text, model, d, e, all);
            assert.ok(why, `edit ${JSON.stringify(e)} (replacing ${JSON.stringify(slice(f.text, e.range))}) is not on the target ${JSON.stringify(slice(f.text, d.range))} of "${d.message}"`);
          }
          const after = applyEdits(f.text, fix.edits);
          assert.notEqual(after, f.text, 'the fix changes nothing');
          const again = checkText(after, opts).findings;
          const now = counts(again);
          const fixed = all ? fix.edits.length : 1;
          assert.ok((now.get(d.code) ?? 0) <= (before.get(d.code) ?? 0) - fixed,
            `still ${now.get(d.code) ?? 0} ${d.code} (was ${before.get(d.code)}):\n${again.filter((x) => x.code === d.code).map((x) => `${x.range.start.line + 1} ${x.message}`).join('\n')}`);
          for (const [code, k] of now) {
            if (code === d.code || (CONSEQUENCES[d.code] ?? []).includes(code)) continue;
            assert.ok(k <= (before.get(code) ?? 0), `the fix brought up ${code}:\n${again.filter((x) => x.code === code).map((x) => `${x.range.start.line + 1} ${x.message}`).join('\n')}`);
          }
        });
      }
    });
  }
});

describe('fix all', () => {
  for (const f of fixtures) {
    const opts = optionsOf(f);
    if (fixAllEdits(checkText(f.text, opts).findings).length === 0) continue;
    it(`${f.name}: reaches a fixed point`, () => {
      const once = fixAll(f.text, opts);
      const left = fixAllEdits(checkText(once, opts).findings);
      assert.equal(left.length, 0, `still fixable after fix all: ${JSON.stringify(left)}`);
      assert.equal(fixAll(once, opts), once);
    });
  }
});

describe('fixes that add text put it where it belongs', () => {
  const fixed = (name: string, code: string) => {
    const f = fixtures.find((x) => x.name === name)!;
    const d = checkText(f.text).findings.find((x) => x.code === code)!;
    return applyEdits(f.text, d.fix!.edits).split('\n');
  };
  it('the fee sentence goes at the end of section 六, before the signature', () => {
    const l = fixed('checks/fee-statement-missing/fires-section-6-before-signature.txt', 'fee-statement-missing');
    assert.deepEqual(l.slice(86, 93), ['六、其他需要报告的事项', '', '无。', '（待填写：本年度信息处理费收取情况）', '', '示例市示例区人民政府办公室', '2022年1月20日']);
  });
  it('a missing last section goes before the signature', () => {
    const l = fixed('checks/section-missing/fires-section-6-absent-before-signature.txt', 'section-missing');
    assert.deepEqual(l.slice(85, 92), ['', '六、其他需要报告的事项', '', '（待填写：本年度信息处理费收取情况及其他需要报告的事项）', '', '示例市示例区人民政府办公室', '二〇二二年一月二十日']);
  });
  it('a missing section goes before the section that follows it', () => {
    const l = fixed('checks/section-missing/fires-section-5-absent.txt', 'section-missing');
    assert.deepEqual(l.slice(81, 87), ['', '五、存在的主要问题及改进情况', '', '（待填写：本年度政府信息公开工作存在的主要问题及改进情况）', '', '六、其他需要报告的事项']);
  });
  it('missing rows go where they belong in the table', () => {
    const l = fixed('checks/table-row-missing/fires-T2-row-enforcement-absent.txt', 'table-row-missing');
    assert.deepEqual(l.slice(38, 41), ['行政处罚\t45\t\t', '行政强制\t/\t\t', '第二十条第（八）项\t\t\t']);
  });
  it('a blank between two tabs is filled between them, not in front of the next value', () => {
    const l = fixed('checks/table-cell-blank/fires-empty-T3-cell-not-summed-as-zero.txt', 'table-cell-blank');
    assert.equal(l[62], '\t\t2.没有现成信息需要另行制作\t0\t0\t0\t0\t0\t0\t0');
  });
});

