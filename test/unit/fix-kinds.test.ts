/**
 * Fixes tidy the form and never make up the content (issue 9). Every fix has the kind the catalogue gives its
 * code; fix-all applies safe fixes only, and on every seed and fixture it never adds, removes or changes a
 * number of a table, never adds a number or a sentence, and is the same twice as once; a report with a
 * structural or sum error still has an error or warning after fix-all and after each skeleton fix; what a
 * skeleton inserts is read back as what it is (no pass inserts it again) and never filled in by a later pass.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHECKS, metaOf } from '../../server/src/core/checks/registry';
import type { Finding } from '../../server/src/core/checks/types';
import { applyEdits, checkText, chosenFix, fixesOf, fixText, groupFixes } from '../../server/src/core/service';
import { reportTemplate } from '../../server/src/core/template';
import { loadFixtures } from '../helpers/fixtures';
import { catalogueKinds, madeUp, STRUCTURAL_OR_SUM } from '../helpers/invariants';

const fixtures = loadFixtures();
const reports = fixtures.map((f) => ({ name: f.name, text: f.text, opts: { locale: 'zh' as const, ...(f.expected.options?.levels ? { levels: f.expected.options.levels as Record<string, 'off'> } : {}) } }));

const structuralError = (fs: readonly Finding[]) => fs.some((f) => f.severity === 'error' && STRUCTURAL_OR_SUM.has(f.code));
const errorOrWarning = (fs: readonly Finding[]) => fs.some((f) => f.severity === 'error' || f.severity === 'warning');

describe('fix kinds', () => {
  const table = catalogueKinds();

  it('the catalogue table is read', () => {
    assert.ok(table.size >= 25, `only ${table.size} codes read from docs/spec/checks.md`);
    assert.deepEqual(table.get('table-column-missing'), ['skeleton', 'suggestion']);
    assert.deepEqual(table.get('section-order'), []);
  });

  for (const c of CHECKS) {
    it(`${c.meta.code} declares the kinds of checks.md`, () => {
      assert.ok(table.has(c.meta.code), `${c.meta.code} is not in the table of docs/spec/checks.md`);
      assert.deepEqual([...c.meta.fixes], table.get(c.meta.code));
    });
  }

  it('every fix offered on the fixtures has a kind its check declares', () => {
    let n = 0;
    for (const r of reports) {
      const { findings } = checkText(r.text, r.opts);
      for (const f of findings) {
        for (const fix of [...fixesOf(f), ...groupFixes(findings, f)]) {
          n++;
          assert.ok(metaOf(f.code)!.fixes.includes(fix.kind), `${r.name}: ${f.code} offers a ${fix.kind} fix "${fix.title}", not declared`);
          if (fix.kind === 'suggestion') assert.match(fix.title, /请核实|请逐一核实/, `${r.name}: suggestion "${fix.title}" does not ask to verify`);
        }
      }
    }
    assert.ok(n >= 100, `only ${n} fixes offered`);
  });
});

describe('fix-all applies safe fixes only and makes up nothing', () => {
  for (const r of reports) {
    const before = checkText(r.text, r.opts).findings;
    if (!before.some((f) => fixesOf(f).length > 0)) continue;
    it(`${r.name}`, () => {
      const once = fixText(r.text, r.opts);
      for (const code of Object.keys(once.applied)) {
        assert.ok(metaOf(code)!.fixes.includes('safe'), `fix-all applied a fix of ${code}, which has no safe fix`);
      }
      const why = madeUp(r.text, once.text, { keepReadable: true });
      assert.equal(why, null, `fix-all made up content: ${why}`);
      assert.equal(fixText(once.text, r.opts).text, once.text, 'fix-all twice differs from once');
      assert.ok(!once.findings.some((f) => chosenFix(f)), 'a safe fix is left after fix-all');
      if (structuralError(before)) assert.ok(errorOrWarning(once.findings), 'a structural or sum error became silent after fix-all');
    });
  }
});

describe('skeleton fixes insert blanks and placeholders that stay reported', () => {
  for (const r of reports) {
    const { findings } = checkText(r.text, r.opts);
    const skeletons = findings.flatMap((f) => fixesOf(f).filter((x) => x.kind === 'skeleton').map((fix) => ({ f, fix })));
    if (skeletons.length === 0) continue;
    describe(r.name, () => {
      for (const { f, fix } of skeletons) {
        it(`${f.code}@${f.range.start.line + 1}: "${fix.title}"`, () => {
          const after = applyEdits(r.text, fix.edits);
          const why = madeUp(r.text, after);
          // A skeleton adds structure: rows and headings, never a figure of the clerk's changed; its cells are "/".
          assert.ok(why === null || !/table cell|sentence/.test(why), `the skeleton made up content: ${why}`);
          assert.ok(!/\t0(\t|$)|\| 0 \|/m.test(fix.edits.map((e) => e.newText).join('\n')), 'the skeleton writes zeros');
          const again = checkText(after, r.opts).findings;
          // Only a heading put over a table that is already there leaves nothing to fill: it names what is written.
          const headingOnly = fix.edits.every((e) => !/[\t|/（]/.test(e.newText) && /^\s*[一二三四五六]、\S+\s*$/.test(e.newText));
          if (!headingOnly) assert.ok(errorOrWarning(again), `nothing left to fill after the skeleton:\n${again.map((x) => `${x.code} ${x.message}`).join('\n')}`);
          // Read back as what it is: the same skeleton is not offered again at the same place.
          const same = again.filter((x) => x.code === f.code && fixesOf(x).some((y) => y.kind === 'skeleton' && y.title === fix.title));
          assert.ok(same.length < findings.filter((x) => x.code === f.code).length, `${f.code} is offered again after its skeleton was inserted`);
        });
      }
      it('all skeletons (govreport fix --skeletons) twice equals once, and leave something to fill', () => {
        const once = fixText(r.text, r.opts, { skeletons: true });
        assert.equal(fixText(once.text, r.opts, { skeletons: true }).text, once.text);
        const headingsOnly = skeletons.every(({ fix }) => fix.edits.every((e) => !/[\t|/（]/.test(e.newText)));
        if (!headingsOnly) assert.ok(errorOrWarning(once.findings), 'clean after inserting skeletons');
      });
    });
  }

  it('a blank inserted by a skeleton is never filled by a later pass, even with the suggestions of table-cell-blank', () => {
    const seed = reports.find((r) => r.name.startsWith('seeds/001'))!;
    const r = fixText(seed.text, seed.opts, { skeletons: true, suggestions: ['table-cell-blank'] });
    assert.ok(r.applied['table-row-missing'], 'the rows were inserted');
    const blanks = r.findings.filter((f) => f.code === 'table-cell-blank');
    assert.ok(blanks.length >= 70, `only ${blanks.length} blanks left: the inserted rows were filled`);
  });
});

describe('the cases of issue 9', () => {
  const seed = (n: string) => reports.find((r) => r.name.startsWith(`seeds/${n}`))!;

  it('seed 001: fix-all inserts no row of zeros, no section, no fee sentence; the errors stay', () => {
    const s = seed('001');
    const r = fixText(s.text, s.opts);
    assert.equal(r.text, s.text, 'seed 001 has nothing safe to fix');
    assert.deepEqual(r.findings.filter((f) => f.severity === 'error').map((f) => f.code).sort(), ['section-missing', 'table-row-missing']);
  });

  it('seed 001 with skeletons: blank rows and table, a placeholder for the fee; still errors', () => {
    const s = seed('001');
    const r = fixText(s.text, s.opts, { skeletons: true });
    assert.ok(!r.text.includes('本年度未收取信息处理费'), 'a fee sentence nobody wrote');
    assert.ok(r.text.includes('（待填写：本年度信息处理费收取情况）'));
    assert.match(r.text, /（七）总计(\t\/){7}/, 'the inserted total row is blank');
    assert.ok(r.findings.some((f) => f.code === 'placeholder-unfilled' && f.severity === 'error'));
  });

  it('seed 003: the 2019 layout is a suggestion, not applied by fix-all; no "/" becomes 0', () => {
    const s = seed('003');
    const r = fixText(s.text, s.opts);
    assert.ok(r.findings.some((f) => f.code === 'format-outdated'));
    assert.equal(madeUp(s.text, r.text), null);
    const both = fixText(s.text, s.opts, { suggestions: ['format-outdated'] });
    assert.ok(both.findings.some((f) => f.code === 'table-cell-blank'), 'the cells that do not map are left blank');
    assert.ok(!/规范性文件\t3\t0\t0/.test(both.text), 'a blank became 0');
  });

  it('an edited copy of 001 (new 5, granted 3): carried-over is not computed from the sums', () => {
    const s = seed('001');
    const skeleton = fixText(s.text, s.opts, { skeletons: true }).text;
    assert.match(skeleton, /四、结转下年度继续办理\t\t\/(\t\/){6}/);
  });

  it('the new-report template starts with findings to fill: blank cells, placeholders, no zeros', () => {
    const text = reportTemplate(2023);
    const { findings, model } = checkText(text);
    assert.ok(!/\t0(\t|$)/m.test(text), 'the template has zeros');
    assert.ok(findings.filter((f) => f.code === 'placeholder-unfilled').length >= 7);
    assert.ok(findings.filter((f) => f.code === 'table-cell-blank').length >= 100);
    assert.ok(!findings.some((f) => /^(table-missing|table-row-missing|section-missing)$/.test(f.code)), findings.map((f) => f.code).join(' '));
    assert.equal(model.year, 2023);
  });
});
