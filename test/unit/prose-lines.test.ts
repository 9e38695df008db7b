/**
 * The line between prose and tables: a short line of prose below a table or between two falls inside the
 * table region, and is prose all the same (seen by R8 and the outline); the lines the table reader used,
 * and those a table keeps for itself (单位：件, 表三：…), stay the table's.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseReport } from '../../server/src/core/parse/index';
import { hasTextChars, tableLines } from '../../server/src/core/parse/prose-lines';
import { findRegions } from '../../server/src/core/parse/regions';
import { markBarePageNumbers, readLine } from '../../server/src/core/parse/tokens';
import { splitLines } from '../../server/src/core/text/lines';
import { FIXTURES } from '../helpers/fixtures';

/** The clean 2021 base report of the R8 fixtures, from its T3 on (no heading inside: one table region). */
const BASE = readFileSync(path.join(FIXTURES, 'checks/text-table-mismatch/silent-breakdown-matches.txt'), 'utf8');
const LAST_ROW = /^四、结转下年度继续办理.*$/m;
assert.ok(LAST_ROW.test(BASE));

/** The base report with lines put right below T3's last row. */
const below = (...added: string[]) => BASE.replace(LAST_ROW, (row) => [row, ...added].join('\n'));

/** Whether a line put right below T3's last row is the table's, as the parser splits the lines. */
function tableOwns(added: string): boolean {
  const text = below(added);
  const lines = splitLines(text);
  const infos = lines.map(readLine);
  markBarePageNumbers(infos);
  const model = parseReport(text);
  const isHeading = infos.map((_, i) => model.sections.some((s) => s.heading.range.start.line === i));
  const regions = findRegions(infos, isHeading);
  const mask = tableLines(lines, infos, regions, Object.values(model.tables), []);
  const at = lines.findIndex((l) => l.text === added);
  // The case in question: the line falls inside the table's region (whole lines: one reading a line here).
  assert.ok(regions.some((r) => r.first <= at && at <= r.last), `${added} is inside the table region`);
  return mask[at]!;
}

describe('prose lines inside a table region', () => {
  it('reads a note and a one-line paragraph below a table as prose', () => {
    for (const line of ['注：本年度办结申请14件', '本年度未收到政府信息公开申请', '注：本年度无收费']) assert.equal(tableOwns(line), false, line);
    const prose = parseReport(below('注：本年度办结申请14件')).prose.map((p) => `${p.key}=${p.value}`);
    assert.ok(prose.includes('total=14'), prose.join(' '));
  });

  it('keeps a unit line, a caption and a label broken over lines the table\'s', () => {
    for (const line of ['单位：件', '（单位：件）', '表三：收到和处理政府信息公开申请情况', '办理']) assert.equal(tableOwns(line), true, line);
  });

  it('keeps pieces of labels and a label with its value the table\'s', () => {
    for (const line of ['总', '计', '（六）', '缴纳费用、行政机关不再处理其 0']) assert.equal(tableOwns(line), true, line);
  });

  it('shows a heading-like line below a table in the outline', () => {
    const text = below('（三）依申请公开工作说明', '本年度办结的申请均在法定期限内答复。');
    const three = parseReport(text).sections.find((s) => s.number === 3)!;
    assert.deepEqual(three.subheadings.map((s) => s.numeral + s.title), ['（三）依申请公开工作说明']);
  });
});

describe('hasTextChars', () => {
  const text = fc.oneof(
    fc.string({ unit: fc.constantFrom('注', '：', '。', ' ', '\u3000', '\t', '（', '）', '"', '𠀀', '\ud800', '\udc00', '𝄞', 'a', '1', '-', '\u2028', '，'), maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
  );
  it('counts as removing white space and punctuation does', () => {
    fc.assert(fc.property(text, fc.integer({ min: 0, max: 12 }), (s, min) =>
      hasTextChars(s, min) === (s.replace(/[\s\u3000\p{P}]/gu, '').length >= min)), { seed: 20211926, numRuns: 1000 });
  });
  it('does not count punctuation or white space', () => {
    assert.equal(hasTextChars('（ 一 ）。，', 2), false);
    assert.equal(hasTextChars('本年度未发生行政诉讼', 6), true);
  });
});
