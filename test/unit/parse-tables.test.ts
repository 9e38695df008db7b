/**
 * Focused tests of the reader's mechanisms, each on the smallest text that shows it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReportModel } from '../../server/src/core/model';
import { parseReport } from '../../server/src/core/parse/index';
import { markBarePageNumbers, readLine } from '../../server/src/core/parse/tokens';
import { splitLines } from '../../server/src/core/text/lines';

const T = '\t';
const seven = (v: number) => [v, 0, 0, 0, 0, 0, v].join(T);
const values = (m: ReportModel, table: 'requests' | 'appeals', row: string) => m.tables[table]?.rows.get(row)?.cells.map((c) => c.value);
const labelText = (m: ReportModel, row: string) => m.tables.requests?.rows.get(row)?.label?.text;

describe('reader mechanisms', () => {
  it('joins the rest of a label wrapped below its values to the row above (PDF layout)', () => {
    const line = (label: string, v: number) => `${label.padEnd(12, '\u3000')}  ${v}  0  0  0  0  0  ${v}`;
    const m = parseReport(['三、收到和处理政府信息公开申请情况', '',
      line('1.属于国家秘密', 1), line('2.其他法律行政', 2), '        法规禁止公开', line('3.危及“三安全', 3), '        一稳定”',
      line('4.保护第三方合', 4), '        法权益', line('5.属于三类内部', 5), '        事务信息'].join('\n'));
    assert.deepEqual(values(m, 'requests', 'denied.3'), [3, 0, 0, 0, 0, 0, 3]);
    assert.deepEqual(values(m, 'requests', 'denied.4'), [4, 0, 0, 0, 0, 0, 4]);
    assert.equal(labelText(m, 'denied.3'), '3.危及“三安全一稳定”');
  });

  it('does not take a group label for a row label, however alike they read', () => {
    // （三）不予公开 reads much like （一）予以公开; the row it sits on has lost its own label.
    const m = parseReport(['三、收到和处理政府信息公开申请情况', '',
      `三、本年度办理结果${T}（一）予以公开${T}${seven(5)}`, `${T}（二）部分公开${T}${seven(2)}`,
      `${T}（三）不予公开${T}${T}${seven(9)}`, `${T}${T}2.其他法律行政法规禁止公开${T}${seven(0)}`,
      `${T}${T}3.危及“三安全一稳定”${T}${seven(0)}`].join('\n'));
    assert.deepEqual(values(m, 'requests', 'granted'), [5, 0, 0, 0, 0, 0, 5]);
    assert.deepEqual(values(m, 'requests', 'denied.1'), [9, 0, 0, 0, 0, 0, 9]);
  });

  it('reads a group label written a character a line as a whole', () => {
    const m = parseReport(['三、收到和处理政府信息公开申请情况', '',
      `${T}${T}1.本机关不掌握相关政府信息${T}${seven(1)}`, `${T}${T}2.没有现成信息需要另行制作${T}${seven(2)}`,
      `${T}${T}3.补正后申请内容仍不明确${T}${seven(3)}`,
      ...[...'（六）其他处理'].map((c) => `${T}${c}`),
      `${T}${T}${T}${seven(7)}`, `${T}${T}2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请${T}${seven(8)}`,
      `${T}${T}3.其他${T}${seven(9)}`].join('\n'));
    // The unlabelled row after the group is other.1, by position; 其他 inside （六）其他处理 is not row 3.其他.
    assert.deepEqual(values(m, 'requests', 'other.1'), [7, 0, 0, 0, 0, 0, 7]);
    assert.deepEqual(values(m, 'requests', 'other.3'), [9, 0, 0, 0, 0, 0, 9]);
  });

  it('keeps the first value of a table that starts with values (T4 without its header)', () => {
    const m = parseReport(['四、政府信息公开行政复议、行政诉讼情况', '', [1, 1, 0, 1, 3, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1].join(T)].join('\n'));
    assert.deepEqual(values(m, 'appeals', 'values'), [1, 1, 0, 1, 3, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1]);
  });

  it('gives rows cut off from their table by stray text to the table their labels name', () => {
    const frag = (s: string) => [...s].map((c) => `    ${c}`);
    const m = parseReport(['三、收到和处理政府信息公开申请情况', '',
      `1.属于国家秘密          1  0  0  0  0  0  1`,
      ...frag('（四）无法提供一二三四五六七八'), ...frag('相关内容说明如下各项'),
      `2.没有现成信息需要另行  5  0  0  0  0  0  5`,
      `3.补正后申请内容仍不明  6  0  0  0  0  0  6`].join('\n'));
    assert.equal(m.tables.appeals, undefined);
    assert.deepEqual(values(m, 'requests', 'unable.2'), [5, 0, 0, 0, 0, 0, 5]);
  });
});

describe('prose and report recognition', () => {
  it('reads 结转下年度继续办理 N 件 as carried over, not as handled', () => {
    const m = parseReport('全年共收到政府信息公开申请18件，办结17件，结转下年度继续办理3件。');
    assert.deepEqual(m.prose.map((p) => `${p.key}=${p.value}`), ['received=18', 'total=17', 'carriedOut=3']);
  });

  it('does not take a text for a report because a comment names one', () => {
    const m = parseReport(['# 汇总各街道报送的政府信息公开工作年度报告', '', 'import sys', '', 'def main():', '\treturn 0'].join('\n'));
    assert.equal(m.isReport, false);
  });

  it('takes a title followed by a section heading for a report', () => {
    const m = parseReport(['某局2021年政府信息公开工作年度报告', '', '一、总体情况', '', '略。'].join('\n'));
    assert.equal(m.isReport, true);
  });

  it('takes a bare number alone between two whole rows for a page number, and not one after a row short of a cell', () => {
    const sp = (v: number) => [v, 0, 0, 0, 0, 0, v].join(' ');
    const rowsAround = (mid: string[]) => ['三、收到和处理政府信息公开申请情况', '', '自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计',
      `一、本年新收政府信息公开申请数量 ${sp(5)}`, `二、上年结转政府信息公开申请数量 ${sp(1)}`, `（一）予以公开 ${sp(4)}`,
      `（二）部分公开（区分处理的，只计这一情形，不计其他情形） ${sp(0)}`, `1.属于国家秘密 ${sp(0)}`, ...mid,
      `3.危及“三安全一稳定” ${sp(0)}`, `4.保护第三方合法权益 ${sp(0)}`, `5.属于三类内部事务信息 ${sp(0)}`].join('\n');
    const pages = (m: ReportModel) => m.tables.requests!.debris.filter((d) => d.kind === 'page-number').map((d) => [d.text, d.range.start.line]);
    const between = parseReport(rowsAround([`2.其他法律行政法规禁止公开 ${sp(0)}`, '', '2', '']));
    assert.equal(between.tables.requests!.confident, true);
    assert.deepEqual(pages(between), [['2', 10]]);
    // A value that could be the last cell of the row above (tabs show its cells: the row has six) is no page number.
    const tb = (v: number) => [v, 0, 0, 0, 0, 0, v].join(T);
    const after = parseReport(['三、收到和处理政府信息公开申请情况', '', ['', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].join(T),
      `一、本年新收政府信息公开申请数量${T}${tb(5)}`, `二、上年结转政府信息公开申请数量${T}${tb(1)}`, `（一）予以公开${T}${tb(4)}`,
      `（二）部分公开（区分处理的，只计这一情形，不计其他情形）${T}${tb(0)}`, `1.属于国家秘密${T}${tb(0)}`, `2.其他法律行政法规禁止公开${T}0${T}0${T}0${T}0${T}0${T}0`, '0',
      `3.危及“三安全一稳定”${T}${tb(0)}`, `4.保护第三方合法权益${T}${tb(0)}`, `5.属于三类内部事务信息${T}${tb(0)}`].join('\n'));
    assert.equal(after.tables.requests!.confident, true);
    assert.equal(after.tables.requests!.strayRows.length, 1);
    assert.deepEqual(pages(after), []);
  });
});

describe('bare page numbers at a page\'s foot (plain pdftotext: one cell a line, a form feed begins each page)', () => {
  const kinds = (lines: string[]) => {
    const infos = splitLines(lines.join('\n')).map(readLine);
    markBarePageNumbers(infos);
    return infos.map((i) => i.kind);
  };
  it('are page numbers when the pages are numbered in sequence', () => {
    const k = kinds(['四、结转下年度继续办理', '', '7', '', '1', '', '\f（一）予以公开', '', '3', '', '2', '', '\f1.属于国家秘密']);
    assert.equal(k[4], 'page-number');
    assert.equal(k[10], 'page-number');
  });
  it('is the page\'s last cell when no other page shows its number (the -1- and -2- deleted, a 2 left on page 2)', () => {
    const k = kinds(['四、结转下年度继续办理', '', '7', '', '\f（一）予以公开', '', '3', '', '2', '', '\f1.属于国家秘密']);
    assert.equal(k[8], 'value');
  });
});
