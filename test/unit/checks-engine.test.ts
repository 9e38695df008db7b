/**
 * What the engine does around the checks: inline directives, severity levels and escalation, containment of a
 * failing check (internal-error), the size limit (file-too-large).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CHECKS } from '../../server/src/core/checks/registry';
import type { Check, Level } from '../../server/src/core/checks/types';
import { checkText, parseReport, runChecks } from '../../server/src/core/service';
import { splitLines } from '../../server/src/core/text/lines';
import { FIXTURES, readMarkers } from '../helpers/fixtures';

/** A fixture's report as checked: its inline expected-finding markers removed. */
const read = (rel: string) => readMarkers(readFileSync(path.join(FIXTURES, rel), 'utf8')).text;
/** The clean 2021 base report of the check fixtures: no finding. */
const CLEAN = read('checks/fee-statement-missing/silent-says-none-collected.txt').replace('我办2021年度未收取信息处理费，无其他需要报告的事项。', '本年度未收取信息处理费。');
/** Section 六 says only 无。: one fee-statement-missing, on its heading (line 87). */
const NO_FEE = CLEAN.replace('本年度未收取信息处理费。', '无。');
/** And the prose says 15 requests for the table's 13: one text-table-mismatch too (line 14). */
const TWO = NO_FEE.replace('申请13件', '申请15件');
/** Section 六 says 无。 and table 三 has one request dropped for an unpaid fee. */
const UNPAID = read('checks/fee-statement-missing/fires-unpaid-fee-requests.txt');

const at = (text: string, opts = {}) => checkText(text, opts).findings.map((d) => `${d.code}@${d.range.start.line + 1}`);
const lines = (text: string) => text.split('\n');
/** The text with `insert` placed before the 1-based line `n`. */
const insertAt = (text: string, n: number, insert: string[]) => {
  const l = lines(text);
  l.splice(n - 1, 0, ...insert);
  return l.join('\n');
};

describe('the base texts of these tests', () => {
  it('are what they claim', () => {
    assert.deepEqual(at(CLEAN), []);
    assert.deepEqual(at(NO_FEE), ['fee-statement-missing@87']);
    assert.deepEqual(at(TWO), ['text-table-mismatch@14', 'fee-statement-missing@87']);
  });
});

describe('inline directives', () => {
  it('<!-- govreport-disable CODE --> switches that code off below it', () => {
    const t = insertAt(TWO, 30, ['<!-- govreport-disable fee-statement-missing -->']);
    assert.deepEqual(at(t), ['text-table-mismatch@14']);
  });
  it('does nothing above it', () => {
    const t = insertAt(TWO, 91, ['', '<!-- govreport-disable fee-statement-missing -->']);
    assert.deepEqual(at(t), ['text-table-mismatch@14', 'fee-statement-missing@87']);
  });
  it('（govreport-disable CODE） in full-width brackets works the same', () => {
    const t = insertAt(TWO, 1, ['（govreport-disable fee-statement-missing）']);
    assert.deepEqual(at(t), ['text-table-mismatch@15']);
  });
  it('leaves the other codes on', () => {
    const t = insertAt(TWO, 1, ['<!-- govreport-disable section-empty -->']);
    assert.deepEqual(at(t), ['text-table-mismatch@15', 'fee-statement-missing@88']);
  });
  it('names several codes, separated by spaces or commas', () => {
    assert.deepEqual(at(insertAt(TWO, 1, ['<!-- govreport-disable fee-statement-missing text-table-mismatch -->'])), []);
    assert.deepEqual(at(insertAt(TWO, 1, ['（govreport-disable fee-statement-missing，text-table-mismatch）'])), []);
  });
  it('without a code, switches every code off; govreport-enable switches them on again', () => {
    const t = insertAt(insertAt(TWO, 80, ['<!-- govreport-enable -->']), 1, ['<!-- govreport-disable -->']);
    assert.deepEqual(at(t), ['fee-statement-missing@89']);
  });
  it('govreport-enable CODE switches only that code on again', () => {
    const t = insertAt(insertAt(TWO, 80, ['<!-- govreport-enable fee-statement-missing -->']), 1, ['<!-- govreport-disable -->']);
    assert.deepEqual(at(t), ['fee-statement-missing@89']);
    const u = insertAt(insertAt(TWO, 80, ['<!-- govreport-enable text-table-mismatch -->']), 1, ['<!-- govreport-disable -->']);
    assert.deepEqual(at(u), []);
  });
  it('is not itself reported or read as part of the report', () => {
    const t = insertAt(CLEAN, 45, ['<!-- govreport-disable table-label -->']);
    assert.deepEqual(at(t), []);
  });
});

describe('severity levels', () => {
  it('keep the default severity of each code', () => {
    const sev = (text: string) => checkText(text).findings.map((d) => `${d.code}:${d.severity}`);
    assert.deepEqual(sev(TWO), ['text-table-mismatch:warning', 'fee-statement-missing:information']);
  });
  it("'off' silences a code and only that code", () => {
    assert.deepEqual(at(TWO, { levels: { 'fee-statement-missing': 'off' } }), ['text-table-mismatch@14']);
    assert.deepEqual(at(TWO, { levels: { 'text-table-mismatch': 'off' } }), ['fee-statement-missing@87']);
  });
  it('a level the user sets replaces the default', () => {
    const f = checkText(TWO, { levels: { 'fee-statement-missing': 'error', 'text-table-mismatch': 'hint' } }).findings;
    assert.deepEqual(f.map((d) => `${d.code}:${d.severity}`), ['text-table-mismatch:hint', 'fee-statement-missing:error']);
  });
  it('fee-statement-missing is a warning when table 三 has requests dropped for unpaid fees (other.2 > 0)', () => {
    const f = checkText(UNPAID).findings.filter((d) => d.code === 'fee-statement-missing');
    assert.equal(f.length, 1);
    assert.equal(f[0]!.severity, 'warning');
    assert.equal(f[0]!.data?.unpaid, 1);
  });
  it('and stays information when other.2 is 0', () => {
    const f = checkText(NO_FEE).findings.find((d) => d.code === 'fee-statement-missing')!;
    assert.equal(f.severity, 'information');
  });
  it("the user's level wins over the escalation, either way", () => {
    for (const level of ['hint', 'information', 'error'] as Level[]) {
      const f = checkText(UNPAID, { levels: { 'fee-statement-missing': level } }).findings.find((d) => d.code === 'fee-statement-missing')!;
      assert.equal(f.severity, level);
    }
    assert.deepEqual(at(UNPAID, { levels: { 'fee-statement-missing': 'off' } }), []);
  });
});

describe('internal-error', () => {
  const boom: Check = {
    meta: { ...CHECKS[0]!.meta, code: 'boom' },
    run() {
      throw new Error('cannot read property of undefined');
    },
  };
  it('a failing check is reported once, and the other checks still run', () => {
    const f = checkText(NO_FEE, { checks: [boom, ...CHECKS] }).findings;
    const ie = f.filter((d) => d.code === 'internal-error');
    assert.equal(ie.length, 1);
    assert.equal(ie[0]!.severity, 'information');
    assert.match(ie[0]!.message, /boom/);
    assert.match(ie[0]!.message, /cannot read property of undefined/);
    assert.deepEqual(ie[0]!.data, { check: 'boom' });
    assert.ok(f.some((d) => d.code === 'fee-statement-missing'));
  });
  it('runChecks contains it the same way, after the checks before it', () => {
    const model = parseReport(NO_FEE);
    const f = runChecks(model, splitLines(NO_FEE), { checks: [...CHECKS, boom] });
    assert.deepEqual(f.map((d) => d.code).sort(), ['fee-statement-missing', 'internal-error']);
  });
  it('a check throwing something that is not an Error is contained too', () => {
    const odd: Check = { meta: { ...boom.meta, code: 'odd' }, run: () => { throw 'just a string'; } };
    const f = checkText(CLEAN, { checks: [odd] }).findings;
    assert.equal(f.length, 1);
    assert.match(f[0]!.message, /just a string/);
  });
  it('speaks English when asked', () => {
    const f = checkText(CLEAN, { checks: [boom], locale: 'en' }).findings;
    assert.match(f[0]!.message, /^Check "boom" failed and was skipped/);
  });
  it('can be switched off, or raised', () => {
    assert.deepEqual(at(CLEAN, { checks: [boom], levels: { 'internal-error': 'off' } }), []);
    assert.equal(checkText(CLEAN, { checks: [boom], levels: { 'internal-error': 'error' } }).findings[0]!.severity, 'error');
  });
  it('a failing check switched off is not run', () => {
    assert.deepEqual(at(CLEAN, { checks: [boom], levels: { boom: 'off' } }), []);
  });
});

describe('file-too-large', () => {
  it('a text over maxSize is not read and gets one finding on its first line', () => {
    const r = checkText(TWO, { maxSize: 1000 });
    assert.equal(r.model.isReport, false);
    assert.deepEqual(r.findings.map((d) => [d.code, d.severity, d.range.start.line, d.range.end.line]), [['file-too-large', 'information', 0, 0]]);
    assert.deepEqual(r.findings[0]!.data, { size: TWO.length, limit: 1000 });
    assert.match(r.findings[0]!.message, /maxFileSize/);
  });
  it('a text at the limit is checked as usual', () => {
    assert.deepEqual(at(TWO, { maxSize: TWO.length }), ['text-table-mismatch@14', 'fee-statement-missing@87']);
  });
  it('speaks English, and can be switched off', () => {
    const en = checkText(TWO, { maxSize: 10, locale: 'en' }).findings[0]!;
    assert.match(en.message, /^Not checked: the file has/);
    assert.deepEqual(at(TWO, { maxSize: 10, levels: { 'file-too-large': 'off' } }), []);
  });
});
