/** Across agencies: the roster's validation, hierarchy-sum, report-missing, and baseline fingerprints. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fingerprints } from '../../server/src/core/desk/baseline';
import { hierarchyFindings } from '../../server/src/core/desk/hierarchy';
import { missingFindings } from '../../server/src/core/desk/missing';
import { readRoster, reportsOf, rosterAgencies } from '../../server/src/core/desk/roster';
import { checkText, parseReport } from '../../server/src/core/service';
import { readSettings } from '../../server/src/core/settings';
import { splitLines } from '../../server/src/core/text/lines';
import { FIXTURES, readMarkers } from '../helpers/fixtures';

const district = (name: string) => readFileSync(path.join(FIXTURES, 'desk', 'district', name), 'utf8');

describe('roster', () => {
  it('reads names and objects; a bad entry is named, left out, and the others stay', () => {
    const { roster, problems } = readRoster(['甲局', { agency: '乙局', aliases: ['区乙局'], summaryOf: ['丙局'] }, 7, { agency: '' }, { agency: '丁局', summary: [] }, '甲 局', { agency: '戊局', summaryOf: ['戊局'] }], 'govreport.json');
    assert.deepEqual(roster.map((e) => e.agency), ['甲局', '乙局']);
    assert.deepEqual(problems.map((p) => p.message), [
      'govreport.json: "roster[2]" must be a name or an object with "agency"',
      'govreport.json: "roster[3].agency" is empty',
      'govreport.json: "roster[4]" ("丁局"): unknown key "summary" (use agency, aliases, summaryOf)',
      'govreport.json: "roster[5]" ("甲 局"): the same agency as roster[0]',
      'govreport.json: "roster[6].summaryOf" ("戊局"): an agency cannot be the summary of itself',
    ]);
    assert.deepEqual(rosterAgencies(roster).map((e) => e.agency), ['甲局', '乙局', '丙局'], 'a subordinate named only in summaryOf is on the roster');
  });
  it('is a setting of govreport.json; a roster that is not a list gets one message and none', () => {
    const { settings, problems } = readSettings({ roster: '甲局' }, 'govreport.json');
    assert.deepEqual(settings.roster, []);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /"roster" must be a list of agencies/);
  });
  it('finds each agency\'s report by its name as written, or by an alias', () => {
    const models = ['示例区 民政局', '示例市示例区卫生健康委员会', '区司法局'].map((agency) => ({ ...parseReport(''), agency }));
    const agencies = rosterAgencies(readRoster(['示例区民政局', '示例区卫生健康委员会', { agency: '示例区司法局', aliases: ['区司法局'] }, '示例区教育局'], 'x').roster);
    const found = reportsOf(agencies, models, (m) => m.agency);
    assert.deepEqual(agencies.map((a) => found.has(a)), [true, true, true, false]);
  });
});

describe('hierarchy-sum and report-missing', () => {
  const summary = parseReport(district('区政府汇总.txt'));
  const subs = ['教育局.txt', '民政局.txt', '卫健委.txt'].map((f) => parseReport(district(f)));
  const roster = rosterAgencies(readRoster(JSON.parse(district('govreport.json')).roster, 'x').roster);
  const entry = roster[0]!;
  const subEntries = entry.summaryOf.map((n) => roster.find((r) => r.agency === n)!);
  const run = (models = subs, level?: 'off') => hierarchyFindings(entry, { model: summary, uri: 'summary' }, models.map((m, i) => ({ entry: subEntries[i]!, report: { model: m, uri: `sub${i}` } })), 'zh', level);
  it('reports each summary cell that differs from the sum of its subordinates\', naming each one\'s number', () => {
    const f = run();
    assert.deepEqual(f.map((x) => `${x.range.start.line + 1}:${x.data?.row}.${x.data?.column}`), ['50:new.natural', '50:new.total', '52:granted.natural', '52:granted.total', '73:total.natural', '73:total.total']);
    assert.equal(f[0]!.message, '收到和处理政府信息公开申请情况表“一、本年新收政府信息公开申请数量”的“自然人”为 31，而 3 个下级机关之和为 30（示例区教育局 10 + 示例区民政局 10 + 示例区卫生健康委员会 10）');
    assert.equal(f[0]!.severity, 'warning');
    assert.deepEqual(f[0]!.related?.map((r) => r.uri), ['sub0', 'sub1', 'sub2']);
  });
  it('compares nothing on a table a subordinate\'s report cannot be read with confidence, and nothing when off', () => {
    const unreadable = parseReport(readMarkers(readFileSync(path.join(FIXTURES, 'checks', 'table-unreadable', 'fires-T3-rows-of-five-values.txt'), 'utf8')).text);
    assert.ok(!unreadable.tables.requests?.confident);
    assert.deepEqual(run([subs[0]!, unreadable, subs[2]!]).filter((x) => x.data?.table === 'requests'), []);
    assert.deepEqual(run(subs, 'off'), []);
  });
  it('report-missing names the agency and the year at its roster entry', () => {
    const [f] = missingFindings([roster[4]!], 2023, () => ({ start: { line: 14, character: 16 }, end: { line: 14, character: 24 } }), 'zh');
    assert.equal(f?.message, '名单中的“示例区司法局”没有 2023 年度报告');
    assert.equal(f?.code, 'report-missing');
  });
});

describe('baseline fingerprints', () => {
  const seed = readFileSync(path.join(FIXTURES, 'seeds', '002_d5b91211e5e67ae1.txt'), 'utf8');
  const fp = (text: string) => {
    const { model, findings } = checkText(text, {});
    return { fps: fingerprints(findings, model, splitLines(text)), findings };
  };
  it('survive lines moving: the same findings two lines lower have the same fingerprints', () => {
    const a = fp(seed);
    const lines = seed.split('\n');
    const moved = [...lines.slice(0, 3), '', '', ...lines.slice(3)].join('\n');
    const b = fp(moved);
    assert.ok(a.fps.length > 5);
    assert.deepEqual(b.fps, a.fps);
    assert.notDeepEqual(b.findings.map((f) => f.range.start.line), a.findings.map((f) => f.range.start.line));
  });
  it('change when the numbers change, and differ between two findings alike in all else', () => {
    const a = fp(seed);
    assert.equal(new Set(a.fps).size, a.fps.length, 'unique within a report');
    // 自然人 of 本年新收 8 → 7: the sum-row-total finding's numbers change.
    const at = seed.indexOf('\t8\n', seed.indexOf('一、本年新收政府信息公开申请数量'));
    const changed = seed.slice(0, at) + '\t7\n' + seed.slice(at + 3);
    const b = fp(changed);
    assert.notDeepEqual(b.fps, a.fps);
  });
});
