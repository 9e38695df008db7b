/**
 * text-table-mismatch (R8) beyond what the fixtures show: which findings carry a fix and what it writes, the
 * year a sentence names, shares rounded as written, and facts for tools.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/core/checks/types';
import { checkText } from '../../server/src/core/service';
import { FIXTURES } from '../helpers/fixtures';

/** The clean 2021 base report of the R8 fixtures (13 new, 1 carried in, 6 + 2 granted, 12 handled). */
const BASE = readFileSync(path.join(FIXTURES, 'checks/text-table-mismatch/silent-breakdown-matches.txt'), 'utf8');
const P14 = '本年度共收到政府信息公开申请13件，办结12件，其中予以公开6件、部分公开2件、不予公开1件、无法提供2件、不予处理1件，结转下年度2件。';
const P26 = '本年度发生政府信息公开行政复议2件、行政诉讼1件。';
assert.ok(BASE.includes(P14) && BASE.includes(P26));

function r8(p14: string, p26 = P26, locale: 'zh' | 'en' = 'zh'): Finding[] {
  const text = BASE.replace(P14, p14).replace(P26, p26);
  return checkText(text, { locale }).findings.filter((f) => f.code === 'text-table-mismatch');
}

/** The text a finding's fix leaves in line 14 (or 26). */
function fixed(p14: string, f: Finding): string {
  const e = f.fix!.edits[0]!;
  const line = BASE.replace(P14, p14).split('\n')[e.range.start.line]!;
  return line.slice(0, e.range.start.character) + e.newText + line.slice(e.range.end.character);
}

describe('text-table-mismatch', () => {
  it('offers the table\'s number as a suggestion, titled with both numbers and 请核实, on the number alone', () => {
    const p = P14.replace('予以公开6件', '予以公开7件');
    const [f] = r8(p);
    assert.equal(f!.fix!.kind, 'suggestion');
    assert.equal(f!.fix!.title, '把正文的 7 改为表中的 6（请核实）');
    assert.equal(fixed(p, f!), P14);
    assert.deepEqual(f!.data, { key: 'granted', prose: 7, table: 6 });
  });

  it('names both rows of a sum in its facts, and fixes the sum', () => {
    const p = '本年度共收到政府信息公开申请13件，办结12件，其中予以公开和部分公开共9件。';
    const [f] = r8(p);
    assert.deepEqual(f!.data, { key: 'disclosed', prose: 9, table: 8 });
    assert.equal(fixed(p, f!), p.replace('共9件', '共8件'));
  });

  it('gives no fix for words (未发生行政诉讼), nor for a number shared by several subjects', () => {
    assert.equal(r8(P14, '本年度未发生政府信息公开行政诉讼。')[0]!.fix, undefined);
    const each = r8(P14, '本年度发生政府信息公开行政复议、行政诉讼各2件。');
    assert.equal(each.length, 1);
    assert.equal(each[0]!.fix, undefined);
  });

  it('fixes a share only when every base the sentence may mean gives the same figure', () => {
    // 占办结总数的: one base, 6 of 12.
    const named = '本年度共收到政府信息公开申请13件，办结12件，其中予以公开6件，占办结总数的40%。';
    const [f] = r8(named);
    assert.equal(f!.fix!.title, '把正文的 40% 改为表中的 50%（请核实）');
    assert.equal(fixed(named, f!), named.replace('40%', '50%'));
    // 占: of those handled (50%), the new (46%) or all (43%): which is not said, so no fix.
    const [g] = r8('本年度共收到政府信息公开申请13件，办结12件，其中予以公开6件，占40%。');
    assert.ok(g && !g.fix);
  });

  it('accepts a share rounded or cut off at the decimals written, and not one further off', () => {
    const share = (pct: string) => r8(`本年度共收到政府信息公开申请13件，办结12件，其中予以公开和部分公开共8件，占办结总数的${pct}。`);
    for (const ok of ['66.67%', '66.7%', '67%', '66.66%', '66.6%']) assert.deepEqual(share(ok), [], ok);
    for (const bad of ['66.5%', '65%', '66.68%', '68%']) assert.equal(share(bad).length, 1, bad);
  });

  it('leaves alone a sentence about another year, and reads one about the report\'s own', () => {
    assert.deepEqual(r8('2020年共收到政府信息公开申请20件。'), []);
    assert.equal(r8('2021年共收到政府信息公开申请20件。').length, 1);
  });

  it('compares who applied with their columns of the row, and points at the cells', () => {
    // The new requests: 自然人 10, 法人或其他组织 2 + 0 + 0 + 1 + 0 = 3.
    const p = '本年度共收到政府信息公开申请13件，其中自然人申请9件，法人或其他组织申请4件。';
    const [natural, orgs, ...rest] = r8(p);
    assert.equal(rest.length, 0);
    assert.equal(natural!.message, '正文“其中自然人申请9件”中的 9 与表格不一致：表中“一、本年新收政府信息公开申请数量”的“自然人”列为 10（连同上年结转为 11）');
    assert.deepEqual(natural!.data, { key: 'received', applicant: 'natural', prose: 9, table: 10 });
    assert.equal(fixed(p, natural!), p.replace('申请9件', '申请10件'));
    assert.equal(orgs!.message, '正文“法人或其他组织申请4件”中的 4 与表格不一致：表中“一、本年新收政府信息公开申请数量”的“法人或其他组织”各列之和为 3');
    // The cells: 自然人 alone, the five columns of 法人或其他组织 from the first to the last.
    const row = BASE.split('\n').findIndex((l) => l.startsWith('一、本年新收'));
    const cellsAt = (f: Finding) => f.related!.map((r) => [r.range.start.line, r.range.start.character, r.range.end.character]);
    const line = BASE.split('\n')[row]!;
    const tabs = [...line.matchAll(/\t/g)].map((m) => m.index!);
    assert.deepEqual(cellsAt(natural!), [[row, tabs[1]! + 1, tabs[2]!]]);
    assert.deepEqual(cellsAt(orgs!), [[row, tabs[2]! + 1, tabs[7]!]]);
    assert.equal(orgs!.related![0]!.message, '表中“一、本年新收政府信息公开申请数量”的“法人或其他组织”各列之和：2 + 0 + 0 + 1 + 0');
  });

  it('compares the share of those who applied with their columns over the row', () => {
    // 自然人 10 of the 13 new requests: 76.92%.
    const [f, ...rest] = r8('本年度共收到政府信息公开申请13件，其中自然人申请10件，占70%。');
    assert.equal(rest.length, 0);
    assert.equal(f!.message, '正文“占70%”中的 70% 与表格不一致：表中“一、本年新收政府信息公开申请数量”的“自然人”列 10 占“一、本年新收政府信息公开申请数量” 13 的 77%');
    assert.deepEqual(r8('本年度共收到政府信息公开申请13件，其中自然人申请10件，占76.92%。'), []);
  });

  it('stays silent on who applied when the table agrees or the row is unclear', () => {
    assert.deepEqual(r8('本年度共收到政府信息公开申请13件，其中自然人申请10件，法人或其他组织申请3件。'), []);
    assert.deepEqual(r8('本年度共收到政府信息公开申请13件，办结12件。其中自然人9件。'), []);
  });

  it('speaks English when asked, naming the rows', () => {
    const [f] = r8(P14.replace('无法提供2件', '无法提供3件'), P26, 'en');
    assert.equal(f!.message, '3 in "无法提供3件" contradicts the table: "cannot be provided" is 2');
    assert.equal(f!.fix!.title, "Change 3 in the prose to the table's 2 (please verify)");
  });
});
