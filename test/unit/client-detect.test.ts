/** The client's pure parts: report detection, locale, the status bar text, the workspace-check summary. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { HEAD_CHARS, looksLikeReport, reportHead } from '../../client/src/detect';
import { resolveLocale } from '../../client/src/locale';
import { messages } from '../../client/src/messages';
import { isOutdated, statusView } from '../../client/src/statusText';
import { addResults, batches, emptySummary, excludeGlob } from '../../client/src/summary';
import type { ReportInfo } from '../../server/src/protocol';

const SEEDS = path.resolve(__dirname, '..', '..', '..', 'fixtures', 'seeds');

describe('client: report detection', () => {
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
  it('finds the five seeds', () => assert.equal(seeds.length, 5));
  for (const name of seeds) {
    it(`detects seed ${name}`, () => assert.ok(looksLikeReport(readFileSync(path.join(SEEDS, name), 'utf8'))));
  }

  it('reads titles broken by spaces, tabs and line breaks', () => {
    assert.ok(looksLikeReport('# 徐家营街道办事处2021年政府信息公开工作 年度报告\n'));
    assert.ok(looksLikeReport('宝山区跃进街道办事处\n\n2022 年政府信息\t公开工作年度\n报告\n'));
    assert.ok(looksLikeReport('\uFEFF某某区2023年政府信息公开年报'));
  });

  it('needs both 政府信息公开 and 年度报告 (or 年报)', () => {
    assert.equal(looksLikeReport('关于做好政府信息公开工作的通知\n'), false);
    assert.equal(looksLikeReport('某公司2023年度报告\n'), false);
    assert.equal(looksLikeReport(''), false);
    assert.equal(looksLikeReport('# README\n\nnpm test\n'), false);
  });

  it('looks at the first 20 lines only', () => {
    const pad = '正文\n'.repeat(20);
    assert.equal(looksLikeReport(pad + '2021年政府信息公开工作年度报告\n'), false);
    assert.ok(looksLikeReport('正文\n'.repeat(19) + '2021年政府信息公开工作年度报告\n'));
  });

  it(`looks at the first ${HEAD_CHARS} characters only`, () => {
    const long = 'x'.repeat(HEAD_CHARS) + '政府信息公开工作年度报告';
    assert.equal(looksLikeReport(long), false);
    assert.ok(reportHead(long).length <= HEAD_CHARS);
  });
});

describe('client: locale', () => {
  it('follows the setting, else English only for an English editor', () => {
    assert.equal(resolveLocale('en', 'zh-cn'), 'en');
    assert.equal(resolveLocale('zh', 'en'), 'zh');
    assert.equal(resolveLocale('auto', 'en-US'), 'en');
    assert.equal(resolveLocale(undefined, 'zh-cn'), 'zh');
    assert.equal(resolveLocale('auto', 'de'), 'zh');
    assert.equal(resolveLocale(undefined, 'en-US'), 'zh', 'Chinese unless English is chosen');
  });
});

describe('client: status bar text', () => {
  const info: ReportInfo = {
    uri: 'file:///r.txt', isReport: true, year: 2021, agency: '宝山区七星街道办事处',
    format: '2021', expectedFormat: '2021', errors: 3, warnings: 1, notes: 2,
  };

  it('shows year, format and errors in Chinese', () => {
    const v = statusView(info, messages('zh'));
    assert.equal(v.text, '$(law) 2021年报 · 2021格式 · 3 错误');
    assert.equal(v.outdated, false);
    assert.match(v.tooltip, /宝山区七星街道办事处/);
  });

  it('shows them in English', () => {
    assert.equal(statusView(info, messages('en')).text, '$(law) 2021 report · 2021 format · 3 errors');
    assert.equal(statusView({ ...info, errors: 1 }, messages('en')).text, '$(law) 2021 report · 2021 format · 1 error');
  });

  it('flags an outdated format', () => {
    const old = { ...info, year: 2022, format: '2019', expectedFormat: '2021' };
    assert.ok(isOutdated(old));
    const v = statusView(old, messages('zh'));
    assert.equal(v.outdated, true);
    assert.match(v.tooltip, /2019 年格式/);
  });

  it('leaves out what is unknown', () => {
    const v = statusView({ ...info, year: null, format: null, expectedFormat: null, agency: null, errors: 0 }, messages('zh'));
    assert.equal(v.text, '$(law) 年报 · 0 错误');
    assert.equal(v.outdated, false);
  });

  it('escapes Markdown in the agency name', () => {
    assert.match(statusView({ ...info, agency: '*[x](y)*' }, messages('en')).tooltip, /\\\*\\\[x\\\]\\\(y\\\)\\\*/);
  });
});

describe('client: workspace check summary', () => {
  it('adds up reports only, and remembers unreadable files', () => {
    const sum = emptySummary(3);
    addResults(sum, [
      { uri: 'a', isReport: true, errors: 2, warnings: 1, notes: 0 },
      { uri: 'b', isReport: false, errors: 0, warnings: 0, notes: 0 },
      { uri: 'c', isReport: false, errors: 0, warnings: 0, notes: 0, error: 'EACCES' },
    ]);
    assert.deepEqual([sum.files, sum.reports, sum.errors, sum.warnings, sum.unreadable.length], [3, 1, 2, 1, 1]);
  });

  it('batches', () => {
    assert.deepEqual(batches([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(batches([], 2), []);
  });

  it('excludes build folders and files.exclude patterns', () => {
    assert.equal(excludeGlob(undefined), '{**/node_modules/**,**/.git/**,**/out/**,**/dist/**}');
    const g = excludeGlob({ '**/.svn': true, '**/tmp': false, '**/*.{a,b}': true, '**/x': { when: '$(basename).y' } });
    assert.equal(g, '{**/node_modules/**,**/.git/**,**/out/**,**/dist/**,**/.svn}');
  });
});
