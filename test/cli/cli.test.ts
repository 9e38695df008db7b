/** The govreport command as a reviewer runs it: exit codes, text, JSON, SARIF, encodings, folders, config. */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { encodeGb18030, run, tmp } from '../helpers/cli';
import { FIXTURES, loadFixtures, ROOT } from '../helpers/fixtures';

const SEEDS = path.join(FIXTURES, 'seeds');
const seeds = loadFixtures().filter((f) => f.name.startsWith('seeds/'));

describe('cli: check', () => {
  it('checks a folder: file:line:column lines, a summary per file, exit 1 when a report has errors', () => {
    const r = run(['check', 'fixtures/seeds']);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /fixtures\/seeds\/002_d5b91211e5e67ae1\.txt:125:2: 错误 sum-row-total “一、本年新收政府信息公开申请数量”行的“总计”列应为 9（自然人 8 \+ 商业企业 1），实为 0/);
    for (const s of seeds) assert.match(r.out, new RegExp(`${path.basename(s.file).replace('.', '\\.')}：`), `summary line for ${s.name}`);
    assert.match(r.out, /共检查 5 个文件（5 份报告）/);
  });

  it('exits 0 when no report has errors (notes and warnings allowed)', () => {
    const r = run(['check', path.join(SEEDS, '004_b6b282f6157a8fb9.txt')]);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /fee-statement-missing/);
  });

  it('--format json gives the documented document, diagnostics as the fixtures expect', () => {
    const r = run(['check', '--format', 'json', 'fixtures/seeds']);
    assert.equal(r.code, 1);
    const doc = JSON.parse(r.out) as { files: { path: string; reportYear: number; format: string; sections: { number: number; title: string; range: unknown }[]; diagnostics: { code: string; severity: string; message: string; range: { start: { line: number; character: number } } }[] }[] };
    assert.equal(doc.files.length, 5);
    for (const f of doc.files) {
      const seed = seeds.find((s) => f.path.endsWith(path.basename(s.file)))!;
      assert.deepEqual(f.diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`).sort(), seed.expected.diagnostics.map(([c, l]) => `${c}@${l}`).sort());
      for (const d of f.diagnostics) assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
      assert.equal(f.reportYear, seed.expected.model!.reportYear);
      assert.deepEqual(f.sections.map((s) => s.number), seed.expected.model!.sections);
    }
  });

  it('--format sarif validates against the SARIF 2.1.0 schema', () => {
    const r = run(['check', '--format', 'sarif', 'fixtures/seeds']);
    const sarif = JSON.parse(r.out) as { runs: { results: unknown[]; tool: { driver: { rules: { id: string }[] } } }[] };
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The rtm.5 schema has a pattern that is only valid without the u flag.
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 1));
    // The validator does reject a broken log.
    const broken = JSON.parse(r.out) as { runs: { results: { level: string }[] }[] };
    broken.runs[0]!.results[0]!.level = 'loud';
    assert.equal(validate(broken), false);
    const total = seeds.reduce((n, s) => n + s.expected.diagnostics.length, 0);
    assert.equal(sarif.runs[0]!.results.length, total);
    assert.ok(sarif.runs[0]!.tool.driver.rules.some((x) => x.id === 'sum-balance'));
  });

  it('speaks English with --locale en', () => {
    const r = run(['check', '--locale', 'en', path.join(SEEDS, '002_d5b91211e5e67ae1.txt')]);
    assert.match(r.out, /:125:2: error sum-row-total Row "new requests this year", total column, should be 9 \(natural persons 8 \+ businesses 1\), but is 0/);
    assert.match(r.out, /file checked/);
  });

  it('an unreadable file gives exit 2 and a clear message; the other files are still checked', () => {
    const dir = tmp();
    copyFileSync(path.join(SEEDS, '004_b6b282f6157a8fb9.txt'), path.join(dir, 'a.txt'));
    writeFileSync(path.join(dir, 'b.txt'), Buffer.from([0, 1, 2, 0, 0, 0, 255, 0, 0, 0, 7, 0, 0, 0]));
    const r = run(['check', dir, path.join(dir, 'missing.txt')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /b\.txt: 是二进制数据，不是文本文件/);
    assert.match(r.err, /missing\.txt: 没有这个文件或文件夹/);
    assert.match(r.out, /a\.txt：0 个错误/);
  });

  it('reads UTF-8 with BOM, UTF-16 and GB18030 alike', () => {
    const dir = tmp();
    const seed = seeds.find((s) => s.name.includes('002'))!;
    writeFileSync(path.join(dir, 'bom.txt'), '\uFEFF' + seed.text);
    writeFileSync(path.join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed.text, 'utf16le')]));
    writeFileSync(path.join(dir, 'gbk.txt'), encodeGb18030(seed.text));
    const r = run(['check', '--format', 'json', dir]);
    const doc = JSON.parse(r.out) as { files: { path: string; diagnostics: { code: string; range: { start: { line: number } } }[] }[] };
    const want = seed.expected.diagnostics.map(([c, l]) => `${c}@${l}`).sort();
    assert.equal(doc.files.length, 3);
    for (const f of doc.files) assert.deepEqual(f.diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`).sort(), want, f.path);
  });

  it('recurses into folders for report files (text and originals), skipping node_modules', () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'sub', 'deeper'), { recursive: true });
    mkdirSync(path.join(dir, 'node_modules'));
    copyFileSync(path.join(SEEDS, '001_29793b2c7988821a.txt'), path.join(dir, 'sub', 'deeper', 'r.md'));
    copyFileSync(path.join(SEEDS, '004_b6b282f6157a8fb9.txt'), path.join(dir, 'node_modules', 'x.txt'));
    writeFileSync(path.join(dir, 'sub', 'ignored.xlsx'), 'x');
    const r = run(['check', '--format', 'json', dir]);
    const doc = JSON.parse(r.out) as { files: { path: string }[] };
    assert.deepEqual(doc.files.map((f) => path.relative(dir, f.path)), [path.join('sub', 'deeper', 'r.md')]);
  });

  it('pairs a report with last year\'s report of the same agency among the inputs (R9)', () => {
    const dir = tmp();
    const seed = seeds.find((s) => s.name.includes('004'))!;
    const lastYear = seed.text.replace(/2021/g, '2020').replace(/四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0/, '四、结转下年度继续办理\t\t3\t0\t0\t0\t0\t0\t3');
    writeFileSync(path.join(dir, '2020.txt'), lastYear);
    writeFileSync(path.join(dir, '2021.txt'), seed.text);
    const r = run(['check', dir]);
    assert.match(r.out, /2021\.txt:62:\d+: 警告 carryover-mismatch “上年结转”的“自然人”为 0，而2020年报告（2020\.txt）中“结转下年度继续办理”为 3/);
    // Checked in worker threads, which keep the reports' tables until the run asks for a pair's: the same.
    assert.equal(run(['check', '--jobs', '2', dir]).out, r.out);
  });

  it('--previous DIR compares with last year\'s reports without checking them (R10, text-copied)', () => {
    const last = tmp();
    const now = tmp();
    copyFileSync(path.join(FIXTURES, 'checks', 'text-copied', 'last-year-2021.txt'), path.join(last, '2021.txt'));
    const text = loadFixtures().find((f) => f.name === 'checks/text-copied/fires-section-five-as-last-year.txt')!.text
      .replace('行政规范性文件\t3\t0\t26', '行政规范性文件\t3\t0\t25');
    writeFileSync(path.join(now, '2022.txt'), text);
    const r = run(['check', now, '--previous', last]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /2022\.txt:33:\d+: 警告 in-force-mismatch “行政规范性文件”的“现行有效件数”应为 26（2021年报告（2021\.txt）现行有效 23/);
    assert.match(r.out, /2022\.txt:83:1: 提示 text-copied .*相似度 100%/);
    assert.doesNotMatch(r.out, /2021\.txt：/, 'last year\'s report is not listed');
    assert.match(r.out, /共检查 1 个文件/);
    assert.equal(run(['check', '--jobs', '2', now, '--previous', last]).out, r.out, 'the same from worker threads');
  });

  it('govreport.json next to the reports sets levels; a bad key is named once on stderr', () => {
    const dir = tmp();
    copyFileSync(path.join(SEEDS, '003_9c6d4914793418e1.txt'), path.join(dir, 'r.txt'));
    writeFileSync(path.join(dir, 'govreport.json'), JSON.stringify({ checks: { 'section-missing': 'warning', 'table-row-missing': 'off', 'bogus-code': 'error' } }));
    const r = run(['check', '--format', 'json', dir]);
    const doc = JSON.parse(r.out) as { files: { diagnostics: { code: string; severity: string }[] }[] };
    const ds = doc.files[0]!.diagnostics;
    assert.equal(ds.find((d) => d.code === 'section-missing')?.severity, 'warning');
    assert.ok(!ds.some((d) => d.code === 'table-row-missing'));
    assert.equal(r.code, 0, 'no errors left at error level');
    assert.equal(r.err.split('\n').filter((l) => l.includes('bogus-code')).length, 1);
  });

  it('bad usage exits 2 with a message', () => {
    for (const args of [['check'], ['check', '--format', 'xml', 'x'], ['frobnicate'], ['check', '--bogus', 'x'], ['check', '--locale', 'fr', 'x']]) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /^govreport: /);
    }
  });
});

describe('cli: parse, fix, rules', () => {
  it('parse --format json prints the model with each table as columns and rows', () => {
    const r = run(['parse', '--format', 'json', path.join(SEEDS, '002_d5b91211e5e67ae1.txt')]);
    assert.equal(r.code, 0, r.err);
    const m = JSON.parse(r.out) as { tables: Record<string, { columns: string[]; rows: Record<string, (number | null)[]>; confident: boolean }> };
    assert.deepEqual(m.tables.requests!.columns, ['natural', 'business', 'research', 'publicInterest', 'legal', 'otherOrg', 'total']);
    assert.deepEqual(m.tables.requests!.rows.new, [8, 1, 0, 0, 0, 0, 0]);
    assert.equal(m.tables.requests!.confident, true);
    assert.deepEqual(m.tables.appeals!.rows.values!.slice(0, 5), [1, 1, 0, 0, 2]);
  });

  it('fix --write applies the safe fixes; what is left has only skeletons and suggestions, listed on stderr', () => {
    const dir = tmp();
    const file = path.join(dir, '002.txt');
    copyFileSync(path.join(SEEDS, '002_d5b91211e5e67ae1.txt'), file);
    const r = run(['fix', '--write', file]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /002\.txt：已修复 12 处（section-numbering 3、conversion-debris 9）/);
    assert.match(r.err, /002\.txt:119:2: sum-row-total 建议，需核实：把“一、本年新收政府信息公开申请数量”的“总计”改为 9（请核实） \[--suggestions sum-row-total\]/);
    assert.match(r.err, /002\.txt:579:1: section-missing 插入待填写的结构：.*\[--skeletons\]/);
    assert.match(r.err, /修复后仍有 5 个错误/);
    const after = JSON.parse(run(['check', '--format', 'json', file]).out) as { files: { diagnostics: { code: string; fix?: { kind: string } }[] }[] };
    const left = after.files[0]!.diagnostics;
    assert.deepEqual(left.filter((d) => d.fix?.kind === 'safe').map((d) => d.code), []);
    assert.deepEqual([...new Set(left.map((d) => d.code))].sort(), ['section-missing', 'sum-balance', 'sum-row-total', 'table-cell-count']);
  });

  it('rules lists every code with its default severity', () => {
    const r = run(['rules']);
    assert.equal(r.code, 0);
    for (const code of ['section-missing', 'sum-balance', 'carryover-mismatch', 'internal-error']) assert.match(r.out, new RegExp(`^${code}\\s`, 'm'));
  });
});
