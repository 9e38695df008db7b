/**
 * The fast paths of the meta reader and the cell checks must find what the slow ones find:
 * - the statistics period is sought in the first 64 characters after 统计 before the whole window of up to 200
 *   (parse/meta.ts periodIn): a period anywhere in the window, near the cut, or spread by spaces is still found,
 *   at the same place;
 * - a title line is one with 报 (parse/meta.ts readTitle);
 * - the cell census (checks/util.ts) holds exactly the cells the cell checks used to pick out one walk each.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { cellCensus, confidentRows, plainCount } from '../../server/src/core/checks/util';
import { parseReport } from '../../server/src/core/parse/index';
import { FIXTURES, reportFiles } from '../helpers/fixtures';

const PERIOD = '统计期限自2022年1月1日起至2022年12月31日止';

function report(periodLine: string): string {
  return `某某区人民政府2022年政府信息公开工作年度报告\n\n${periodLine}\n\n一、总体情况\n\n本年度工作平稳。\n\n二、主动公开政府信息情况\n`;
}

describe('the period, sought first in a short window', () => {
  it('is found wherever it is in the window of 统计, and where the whole window finds it', () => {
    const fillers = ['', '本报告中所列数据的', '，', '各类数据的统计口径一致，'];
    for (let pad = 0; pad <= 120; pad += 7) {
      for (const f of fillers) {
        // 统计 first, then words, then the period: the first match may start anywhere, also past the cut.
        const line = `本报告统计说明：${'数'.repeat(pad)}${f}${PERIOD}。`;
        const p = parseReport(report(line)).period;
        const at = line.indexOf(PERIOD);
        const withinWindow = at - line.indexOf('统计') + PERIOD.length <= 200;
        if (!withinWindow) continue;
        assert.ok(p, `found with ${pad} characters before it`);
        assert.deepEqual([p.start.year, p.start.month, p.start.day, p.end.year, p.end.month, p.end.day], [2022, 1, 1, 2022, 12, 31]);
        assert.equal(p.range.start.character, at, `starts where it is written (${pad})`);
        assert.equal(p.range.end.character, at + PERIOD.length - 1, `ends where it is written (${pad})`);
      }
    }
  });

  it('is found when spaces spread it past the first 64 characters', () => {
    // 统计 as written (the reader looks for it in the text), the rest spread.
    const spread = '统计' + PERIOD.slice(2).split('').join('   ');
    const p = parseReport(report(spread)).period;
    assert.ok(p);
    assert.equal(p.end.day, 31);
    assert.equal(p.range.end.character, spread.lastIndexOf('日') + 1);
  });
});

describe('the title', () => {
  it('is read from a line with 报, also with spaces inside its words; a line without 报 is none', () => {
    assert.equal(parseReport(report(PERIOD)).title?.text, '某某区人民政府2022年政府信息公开工作年度报告');
    assert.equal(parseReport(report(PERIOD).replace('年度报告', '年 度 报 告')).title?.text, '某某区人民政府2022年政府信息公开工作年 度 报 告');
    assert.equal(parseReport(report(PERIOD).replace('年度报告', '年度总结')).title, null);
  });
});


describe('the cell census', () => {
  it('holds the missing counts, blanks and suspect cells a walk of each row finds, in order', () => {
    let blanks = 0;
    let suspects = 0;
    let missing = 0;
    for (const f of reportFiles(path.join(FIXTURES, 'checks'))) {
      const model = parseReport(readFileSync(f, 'utf8'));
      const memo = new Map<string, unknown>();
      const census = cellCensus(model, memo);
      const rows = confidentRows(model, memo);
      assert.equal(census.missing.length, rows.length);
      const wantBlanks = [];
      const wantSuspects = [];
      for (let r = 0; r < rows.length; r++) {
        const cells = rows[r]!.cells;
        assert.equal(census.missing[r], cells.filter((c) => c.state === 'missing').length);
        missing += census.missing[r]!;
        for (const c of cells) {
          if (c.state === 'blank' || c.state === 'placeholder') wantBlanks.push(c);
          if ((c.state === 'invalid' || c.state === 'number') && !plainCount(c)) wantSuspects.push(c);
        }
      }
      assert.deepEqual(census.blanks.map((b) => b.cell), wantBlanks);
      assert.deepEqual(census.suspects.map((b) => b.cell), wantSuspects);
      blanks += wantBlanks.length;
      suspects += wantSuspects.length;
      assert.equal(cellCensus(model, memo), census, 'computed once per run');
    }
    assert.ok(blanks > 10 && suspects > 10 && missing > 0, `the fixtures have each kind (${blanks}, ${suspects}, ${missing})`);
  });
});
