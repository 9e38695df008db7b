/** Across years: pairing reports by agency, R10 in-force-mismatch and text-copied beyond the fixtures. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { PreviousReport } from '../../server/src/core/checks/types';
import { AgencyIndex, agencyKey, sameAgency } from '../../server/src/core/desk/agency';
import { sharedShare, textSimilarity } from '../../server/src/core/desk/copied';
import { pairWithLastYear } from '../../server/src/core/desk/years';
import { applyEdits, checkText, parseReport } from '../../server/src/core/service';
import { splitLines } from '../../server/src/core/text/lines';
import { FIXTURES, readMarkers } from '../helpers/fixtures';

const read = (rel: string) => readMarkers(readFileSync(path.join(FIXTURES, 'checks', rel), 'utf8')).text;
const LAST = read('in-force-mismatch/last-year-2021.txt');
const prev = (text: string, extra: Partial<PreviousReport> = {}): PreviousReport => ({ model: parseReport(text), lines: splitLines(text), ...extra });
const codes = (text: string, previous?: PreviousReport, code?: string, locale: 'zh' | 'en' = 'zh') =>
  checkText(text, { locale, ...(previous ? { previous } : {}) }).findings.filter((f) => !code || f.code === code);

describe('agency names', () => {
  it('are one agency through spaces, punctuation, 人民政府/政府, 办事处/办 and places written in front', () => {
    assert.equal(agencyKey('示例区 人民政府办公室'), agencyKey('示例区政府办公室'));
    assert.ok(sameAgency('上海市宝山区七星街道办事处', '七星街道办事处'));
    assert.ok(sameAgency('宝山区七星街道办事处', '上海市宝山区七星街道办'));
    assert.ok(sameAgency('（示例区）教育局', '示例区教育局'));
  });
  it('are not one agency on a bare shared word or another agency of the same place', () => {
    assert.ok(!sameAgency('示例区政府办公室', '政府办公室'));
    assert.ok(!sameAgency('宝山区七星街道办事处', '宝山区跃进街道办事处'));
    assert.ok(!sameAgency('示例区教育局', '示例区卫生健康委员会'));
  });
  it('match none when two candidates fit equally well', () => {
    const idx = new AgencyIndex<string>();
    idx.add('甲市示例区教育局', 'a');
    idx.add('乙市示例区教育局', 'b');
    assert.equal(idx.find('示例区教育局'), undefined);
    idx.add('示例区卫生健康委员会', 'c');
    assert.equal(idx.find('某省甲市示例区卫生健康委员会'), 'c');
  });
  it('pair each report with last year\'s, never with itself or a report two years back', () => {
    const model = (agency: string, year: number) => ({ ...parseReport(''), isReport: true, agency, year });
    const a23 = model('示例区教育局', 2023);
    const a22 = model('示例区 教育局', 2022);
    const a21 = model('示例区教育局', 2021);
    const b22 = model('示例区卫生健康委员会', 2022);
    const pairs = pairWithLastYear([a23, a22, a21, b22], [a23, a22, a21, b22], (m) => m);
    assert.equal(pairs.get(a23), a22);
    assert.equal(pairs.get(a22), a21);
    assert.equal(pairs.has(a21), false);
    assert.equal(pairs.has(b22), false);
  });
});

describe('in-force-mismatch (R10)', () => {
  const THIS = read('in-force-mismatch/fires-in-force-not-carried-over.txt');
  it('says nothing without last year\'s report', () => {
    assert.deepEqual(codes(THIS, undefined, 'in-force-mismatch'), []);
  });
  it('points at this year\'s cell and last year\'s, with a suggestion titled with what it asserts', () => {
    const [f] = codes(THIS, prev(LAST, { uri: 'file:///r/2021.txt', label: '2021年报告' }), 'in-force-mismatch');
    assert.ok(f);
    const line = THIS.split('\n')[f.range.start.line]!;
    assert.equal(line.slice(f.range.start.character, f.range.end.character), '25');
    assert.equal(f.related?.[0]?.uri, 'file:///r/2021.txt');
    assert.equal(f.related?.[0]?.range.start.line, 32);
    assert.equal(f.fix?.title, '把“现行有效件数”改为 26（请核实）');
    const fixed = applyEdits(THIS, f.fix!.edits);
    assert.deepEqual(codes(fixed, prev(LAST), 'in-force-mismatch'), []);
  });
  it('speaks English', () => {
    const [f] = codes(THIS, prev(LAST, { label: '2021 report' }), 'in-force-mismatch', 'en');
    assert.equal(f?.message, 'Normative documents: in force should be 26 (in force in "2021 report" 23 + issued 3 − repealed 0), but is 25');
  });
  it('compares nothing when last year used the 2019 table (its 对外公开总数量 is another count)', () => {
    const old = readFileSync(path.join(FIXTURES, 'checks', 'carryover-mismatch', 'previous-2020-matching.txt'), 'utf8');
    assert.deepEqual(codes(THIS, prev(old), 'in-force-mismatch'), []);
  });
});

describe('text-copied', () => {
  it('measures texts by their words, numbers aside', () => {
    assert.equal(textSimilarity('全年收到申请#件', '全年收到申请#件'), 1);
    assert.ok(textSimilarity('一是公开内容不够全面二是更新不及时', '一是解读形式单一二是答复文书不规范') < 0.5);
    assert.equal(sharedShare('公开内容不够全面', '一是公开内容不够全面二是更新不及时'), 1);
  });
  it('needs last year\'s text: a previous report without its lines compares nothing', () => {
    const THIS = read('text-copied/fires-section-five-as-last-year.txt');
    assert.equal(codes(THIS, prev(LAST), 'text-copied').length, 1);
    assert.deepEqual(codes(THIS, { model: parseReport(LAST) }, 'text-copied'), []);
  });
  it('gives the similarity and each problem\'s share, and points at last year\'s section', () => {
    const THIS = read('text-copied/fires-section-five-as-last-year.txt');
    const [f] = codes(THIS, prev(LAST, { uri: 'file:///r/2021.txt', label: '2021年报告' }), 'text-copied');
    assert.equal(f?.message, '“五、存在的主要问题及改进情况”与2021年报告几乎相同（相似度 100%，数字不计）；各问题与上年文字相同的比例：问题 1 100%，问题 2 100%');
    assert.equal(f?.severity, 'information');
    assert.equal(f?.related?.[0]?.uri, 'file:///r/2021.txt');
    assert.equal(f?.related?.[0]?.range.start.line, 84);
    assert.deepEqual(f?.data, { section: 5, similarity: 100, problems: [100, 100] });
  });
  it('reports the one copied problem at its own line when the section is otherwise new', () => {
    const THIS = read('text-copied/fires-one-problem-as-last-year.txt');
    const f = codes(THIS, prev(LAST), 'text-copied');
    assert.equal(f.length, 1);
    assert.match(THIS.split('\n')[f[0]!.range.start.line]!, /^一是政策解读形式较为单一/);
    assert.deepEqual(f[0]!.data, { section: 5, problem: 1, similarity: 100 });
  });
});
