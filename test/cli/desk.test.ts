/** The reviewer's desk from the command line: a roster over a folder, the HTML and CSV reports, baselines. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { CACHE_DIR } from '../helpers/cli';
import { FIXTURES, ROOT } from '../helpers/fixtures';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', NO_COLOR: '1', GOVREPORT_CACHE_DIR: CACHE_DIR } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A copy of the district fixture (a summary, three subordinates, a roster naming one more agency). */
const made: string[] = [];

function district(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'govreport-desk-'));
  made.push(dir);
  cpSync(path.join(FIXTURES, 'desk', 'district'), path.join(dir, '示例区'), { recursive: true });
  return dir;
}

describe('cli: the reviewer\'s desk', () => {
  after(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });

  it('a roster: hierarchy-sum on the summary report, report-missing at the roster entry', () => {
    const dir = district();
    const r = run(['check', '示例区'], dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out.split('\n').filter((l) => l.includes('hierarchy-sum')).length, 6);
    assert.match(r.out, /示例区\/区政府汇总\.txt:50:19: 警告 hierarchy-sum 收到和处理政府信息公开申请情况表“一、本年新收政府信息公开申请数量”的“自然人”为 31，而 3 个下级机关之和为 30/);
    assert.match(r.out, /示例区\/govreport\.json:15:17: 警告 report-missing 名单中的“示例区司法局”没有 2021 年度报告/);
    assert.match(r.out, /名单中有 1 个机关没有本年度报告/);
  });

  it('a bad roster entry is named once on stderr and the rest of the roster still applies', () => {
    const dir = district();
    const cfg = path.join(dir, '示例区', 'govreport.json');
    const json = JSON.parse(readFileSync(cfg, 'utf8'));
    json.roster.push({ agency: '示例区财政局', subordinates: [] });
    writeFileSync(cfg, JSON.stringify(json, null, 2));
    const r = run(['check', '示例区'], dir);
    assert.equal(r.err.split('\n').filter((l) => l.includes('"roster[5]" ("示例区财政局"): unknown key "subordinates"')).length, 1, r.err);
    assert.match(r.out, /report-missing 名单中的“示例区司法局”/);
    assert.doesNotMatch(r.out, /示例区财政局/);
  });

  it('--format csv: UTF-8 with a BOM, CRLF, one quoted row per finding, missing reports too', () => {
    const dir = district();
    const r = run(['check', '--format', 'csv', '示例区'], dir);
    assert.ok(r.out.startsWith('\uFEFF"机关","年度","文件","行","列","级别","代码","位置","说明"\r\n'));
    const rows = r.out.slice(1).trimEnd().split('\r\n');
    assert.equal(rows.length, 1 + 6 + 1);
    assert.equal(rows[1], '"示例区人民政府","2021","示例区/区政府汇总.txt","50","19","警告","hierarchy-sum","收到和处理政府信息公开申请情况表 · 一、本年新收政府信息公开申请数量 · 自然人","收到和处理政府信息公开申请情况表“一、本年新收政府信息公开申请数量”的“自然人”为 31，而 3 个下级机关之和为 30（示例区教育局 10 + 示例区民政局 10 + 示例区卫生健康委员会 10）"');
    assert.match(rows[7]!, /^"示例区司法局","2021","示例区\/govreport.json",.*"report-missing"/);
  });

  it('--format html --output writes one self-contained page: no external reference, the data inside', () => {
    const dir = district();
    const r = run(['check', '--format', 'html', '--output', 'review.html', '示例区'], dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '');
    const html = readFileSync(path.join(dir, 'review.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
    assert.doesNotMatch(html, /\b(?:src|href)=|https?:\/\/|@import/);
    assert.match(html, /default-src 'none'/);
    const data = JSON.parse(/<script type="application\/json" id="desk-data">(.*?)<\/script>/s.exec(html)![1]!);
    assert.equal(data.reports.length, 4);
    assert.deepEqual(data.missing.map((m: { agency: string }) => m.agency), ['示例区司法局']);
    const summary = data.reports.find((x: { agency: string }) => x.agency === '示例区人民政府');
    assert.deepEqual(summary.totals, { new: 40, handled: 37, carriedOut: 6, review: 6, suits: 3 });
  });

  it('--baseline: the first run writes it, the next shows only what is new, SARIF marks the rest suppressed', () => {
    const dir = district();
    const first = run(['check', '--baseline', 'baseline.json', '示例区'], dir);
    assert.match(first.err, /已写入基线 .*baseline\.json（6 个问题）/);
    assert.doesNotMatch(first.out, /hierarchy-sum/);
    const baseline = JSON.parse(readFileSync(path.join(dir, 'baseline.json'), 'utf8'));
    assert.equal(baseline.version, 1);
    assert.equal(baseline.findings.length, 6);
    // Lines move (two blank lines at the top) and one new problem appears: only that one is shown.
    const file = path.join(dir, '示例区', '区政府汇总.txt');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, '\n\n' + text.replace('行政处罚\t45', '行政处罚\t4.5'));
    const second = run(['check', '--baseline', 'baseline.json', '示例区'], dir);
    assert.doesNotMatch(second.out, /hierarchy-sum/);
    assert.match(second.out, /区政府汇总\.txt:41:\d+: 错误 table-cell-invalid/);
    assert.match(second.err, /已忽略的问题 6 个/);
    const sarif = JSON.parse(run(['check', '--format', 'sarif', '--baseline', 'baseline.json', '示例区'], dir).out) as { runs: { results: unknown[] }[] };
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(schema);
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 1));
    const results = sarif.runs[0]!.results as { ruleId: string; suppressions?: { kind: string }[] }[];
    assert.equal(results.filter((x) => x.suppressions?.[0]?.kind === 'external').length, 6);
    assert.ok(results.some((x) => x.ruleId === 'table-cell-invalid' && !x.suppressions));
  });
});
