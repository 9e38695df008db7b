/**
 * The CLI for a clerk: Chinese by default (usage errors and config problems too), English when chosen, with
 * English plurals; govreport.json with comments and trailing commas, bad keys named with line and column;
 * check and fix read settings the same way; SARIF locations as URIs; `rules | head` ends quietly; and the
 * package installed from its tarball into a clean prefix runs outside the checkout.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CACHE_DIR } from '../helpers/cli';
import { FIXTURES, ROOT } from '../helpers/fixtures';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const SEEDS = path.join(FIXTURES, 'seeds');
const seed = (prefix: string) => path.join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'))!);

function run(args: string[], opts: { cwd?: string; env?: Record<string, string>; bin?: string } = {}) {
  const cmd = opts.bin ?? process.execPath;
  const r = spawnSync(cmd, opts.bin ? args : [CLI, ...args], {
    cwd: opts.cwd ?? ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1', GOVREPORT_CACHE_DIR: CACHE_DIR, ...opts.env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const tmp = () => mkdtempSync(path.join(tmpdir(), 'govreport-clerk-'));

describe('cli: Chinese unless English is chosen', () => {
  it('usage errors are Chinese by default, English with --locale en or an English LANG', () => {
    const zh = run(['chekc', 'x']);
    assert.equal(zh.code, 2);
    assert.match(zh.err, /没有“chekc”这个命令（可用 check、parse、text、fix 或 rules）/);
    assert.match(zh.err, /用法见 govreport --help/);
    assert.match(run(['check', '--format', 'xml', 'x']).err, /--format 只能是 text、json、sarif、html 或 csv，不能是“xml”/);
    assert.match(run(['check', '--bogus', 'x', '--locale', 'en']).err, /unknown option --bogus/);
    assert.match(run(['check'], { env: { LANG: 'en_US.UTF-8' } }).err, /check needs at least one file or folder/);
    assert.match(run(['check'], { env: { LANG: 'zh_CN.UTF-8' } }).err, /check 需要至少一个文件或文件夹/);
  });
  it('--help is Chinese by default and English when chosen', () => {
    assert.match(run(['--help']).out, /用法：/);
    assert.match(run(['--help', '--locale', 'en']).out, /Usage:/);
  });
  it('rules speaks the run\'s language', () => {
    assert.match(run(['rules']).out, /^section-missing\s+错误\s+skeleton\s+缺少六个部分之一$/m);
    assert.match(run(['rules', '--locale', 'en']).out, /^section-missing\s+error\s+skeleton\s+/m);
  });
  it('English counts take their plural: 1 error, 0 warnings, 1 note', () => {
    const r = run(['check', '--locale', 'en', seed('004')]);
    assert.match(r.out, /: 0 errors, 0 warnings, 1 note \(/);
    assert.match(r.out, /^1 file checked \(1 report\): 0 with errors; 0 errors, 0 warnings in all$/m);
    const two = run(['check', '--locale', 'en', seed('001')]);
    assert.match(two.out, /: 2 errors, 0 warnings, 1 note \(/);
  });
});

describe('cli: govreport.json that forgives', () => {
  it('accepts comments and trailing commas', () => {
    const dir = tmp();
    copyFileSync(seed('004'), path.join(dir, 'r.txt'));
    writeFileSync(path.join(dir, 'govreport.json'), '{\n  // 本单位不收费，不必提示\n  "checks": { "fee-statement-missing": "off", },\n}\n');
    const r = run(['check', 'r.txt'], { cwd: dir });
    assert.equal(r.err, '');
    assert.equal(r.code, 0);
    assert.match(r.out, /未发现问题/);
  });
  it('names a bad key with its line and column, once, and keeps the good ones', () => {
    const dir = tmp();
    copyFileSync(seed('004'), path.join(dir, 'r.txt'));
    copyFileSync(seed('004'), path.join(dir, 's.txt'));
    writeFileSync(path.join(dir, 'govreport.json'), '{\n  "checks": { "fee-statement-missing": "off" },\n  "lcoale": "en",\n  "maxFileSize": 5\n}\n');
    const r = run(['check', 'r.txt', 's.txt'], { cwd: dir });
    const lines = r.err.trim().split('\n');
    assert.equal(lines.length, 2, r.err);
    assert.match(lines[0]!, /govreport\.json 第 3 行第 3 列：未知的设置“lcoale”，已忽略（可用的设置：enable、locale、checks、expectFormat、maxFileSize/);
    assert.match(lines[1]!, /govreport\.json 第 4 行第 3 列：“maxFileSize”的值 5 无效，应为 10000 到 100000000 之间的整数；已使用默认值 2000000/);
    assert.match(r.out, /r\.txt：未发现问题/, 'checks still applies');
    const en = run(['check', '--locale', 'en', 'r.txt'], { cwd: dir });
    assert.match(en.err, /govreport\.json:3:3: unknown setting "lcoale", ignored/);
  });
  it('a syntax error says where, and the file is not used', () => {
    const dir = tmp();
    copyFileSync(seed('004'), path.join(dir, 'r.txt'));
    writeFileSync(path.join(dir, 'govreport.json'), '{\n  "checks": { "fee-statement-missing": "off" }\n  "locale": "en"\n}\n');
    const r = run(['check', 'r.txt'], { cwd: dir });
    assert.match(r.err, /govreport\.json 第 3 行第 3 列：此处缺少逗号“,”，整个文件未采用/);
    assert.match(r.out, /fee-statement-missing/);
    const opt = run(['check', '--config', path.join(dir, 'govreport.json'), 'r.txt'], { cwd: dir });
    assert.equal(opt.code, 2);
    assert.match(opt.err, /第 3 行第 3 列：此处缺少逗号/);
  });
  it('check and fix read the same settings: a fix check offers under a govreport.json, fix applies', () => {
    const dir = tmp();
    const text = readFileSync(seed('002'), 'utf8');
    writeFileSync(path.join(dir, 'r.txt'), text);
    writeFileSync(path.join(dir, 'govreport.json'), '{ "checks": { "section-numbering": "off" }, "expectFormat": "2021" }');
    const checked = JSON.parse(run(['check', '--format', 'json', 'r.txt'], { cwd: dir }).out).files[0].diagnostics;
    assert.ok(!checked.some((d: { code: string }) => d.code === 'section-numbering'), 'switched off in check');
    const fixed = run(['fix', 'r.txt'], { cwd: dir }).out;
    assert.ok(fixed.includes('—、总体情况') || fixed.includes('—、'), 'fix leaves the numbering alone too');
    writeFileSync(path.join(dir, 'govreport.json'), '{ "expectFormat": "2021" }');
    assert.ok(!run(['fix', 'r.txt'], { cwd: dir }).out.includes('—、'), 'and fixes it when the check is on');
  });
});

describe('cli: SARIF locations', () => {
  it('are relative to SRCROOT inside the current folder and file:// URIs outside it', () => {
    const dir = tmp();
    mkdirSync(path.join(dir, '报告'));
    copyFileSync(seed('001'), path.join(dir, '报告', '年报 2021.txt'));
    const outside = path.join(tmp(), 'b.txt');
    copyFileSync(seed('001'), outside);
    const sarif = JSON.parse(run(['check', '--format', 'sarif', path.join('报告', '年报 2021.txt'), outside], { cwd: dir }).out);
    const runObj = sarif.runs[0];
    assert.equal(runObj.originalUriBaseIds.SRCROOT.uri, `file://${dir.split('/').map(encodeURIComponent).join('/')}/`);
    assert.deepEqual(runObj.artifacts.map((a: { location: unknown }) => a.location), [
      { uri: '%E6%8A%A5%E5%91%8A/%E5%B9%B4%E6%8A%A5%202021.txt', uriBaseId: 'SRCROOT' },
      { uri: `file://${outside.split('/').map(encodeURIComponent).join('/')}` },
    ]);
    for (const res of runObj.results) {
      const loc = res.locations[0].physicalLocation.artifactLocation;
      assert.ok(loc.uriBaseId === 'SRCROOT' || loc.uri.startsWith('file:///'), JSON.stringify(loc));
    }
  });
});

describe('cli: output into a closed pipe', () => {
  it('`govreport rules | head -1` ends quietly with status 0', () => {
    const r = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${CLI}" rules | head -1; exit \${PIPESTATUS:-0}`], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });
    assert.equal(r.stdout.split('\n').filter(Boolean).length, 1);
    assert.doesNotMatch(r.stderr, /EPIPE|Error/);
    // The CLI's own status, through a pipe that closes after the first line.
    const status = spawnSync('/bin/bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" rules | head -1 >/dev/null`], { encoding: 'utf8' });
    assert.equal(status.status, 0, status.stderr);
  });
});

describe('cli: installed outside the checkout', () => {
  it('npm pack, then npm install -g of the tarball into an empty prefix: govreport and the language server run', { timeout: 300_000 }, () => {
    const dir = tmp();
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
    const packed = execFileSync(npm, ['pack', '--ignore-scripts', '--pack-destination', dir, '--json'], { cwd: ROOT, encoding: 'utf8', env });
    const tarball = path.join(dir, JSON.parse(packed)[0].filename);
    const files: string[] = JSON.parse(packed)[0].files.map((f: { path: string }) => f.path);
    assert.ok(files.includes('dist/cli.js') && files.includes('dist/server.js') && files.includes('docs/checks/sum-balance.md'), files.join(' '));
    assert.ok(!files.some((f) => f.startsWith('server/') || f.startsWith('node_modules/') || f.startsWith('test/')), 'sources stay out');
    const prefix = path.join(dir, 'prefix');
    // --offline: the package needs nothing from the registry (the bundles carry their dependencies).
    execFileSync(npm, ['install', '-g', '--offline', '--prefix', prefix, tarball], { cwd: dir, encoding: 'utf8', env });
    const bin = path.join(prefix, 'bin', 'govreport');
    assert.ok(existsSync(bin), 'the govreport command is installed');
    const away = tmp();
    copyFileSync(seed('002'), path.join(away, '年报.txt'));
    const r = run(['check', '年报.txt'], { cwd: away, bin });
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /年报\.txt:125:2: 错误 sum-row-total “一、本年新收政府信息公开申请数量”行的“总计”列应为 9/);
    // Originals read from the installed package: the lazy bundles (sources.js, pdfjs.js) and, for a PDF whose
    // Chinese font is not embedded, the CMaps beside them.
    for (const f of ['sum-error.pdf', 'not-embedded-gbk.pdf', 'clean.docx']) copyFileSync(path.join(FIXTURES, 'originals', f), path.join(away, f));
    const pdf = run(['check', 'sum-error.pdf'], { cwd: away, bin });
    assert.match(pdf.out, /sum-error\.pdf:\d+:\d+: 错误 sum-row-total .*（原文：第 \d+ 页 表 \d+ 第 \d+ 行 第 \d+ 列）/, pdf.out + pdf.err);
    const cmap = run(['check', 'not-embedded-gbk.pdf', 'clean.docx'], { cwd: away, bin });
    assert.doesNotMatch(cmap.out, /source-unreadable|sources\.js|pdfjs\.js/, cmap.out);
    assert.match(cmap.out, /clean\.docx：未发现问题/);
    assert.match(cmap.out, /not-embedded-gbk\.pdf：0 个错误/);
    // A govreport.json is validated by the settings schema's own bundle (dist/settings-schema.js), loaded only then.
    const configured = tmp();
    copyFileSync(seed('002'), path.join(configured, '年报.txt'));
    writeFileSync(path.join(configured, 'govreport.json'), JSON.stringify({ lcoale: 'en', maxFileSize: 5 }));
    const cfg = run(['check', '年报.txt'], { cwd: configured, bin });
    assert.match(cfg.err, /未知的设置“lcoale”/, cfg.err);
    assert.match(cfg.err, /“maxFileSize”的值 5 无效，应为 10000 到 100000000 之间的整数/, cfg.err);
    assert.match(cfg.out, /sum-row-total/, cfg.out);
    // Every runtime file the language server loads beside its bundle is installed with it.
    const installed = path.join(prefix, 'lib', 'node_modules', JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).name, 'dist');
    for (const f of ['server.js', 'sources.js', 'pdfjs.js', 'read-worker.js', 'check-worker.js', 'settings-schema.js', 'cmaps/Adobe-GB1-UCS2.bcmap']) {
      assert.ok(existsSync(path.join(installed, f)), `dist/${f} is installed`);
    }
    const ls = run(['--version'], { cwd: away, bin: path.join(prefix, 'bin', 'govreport-language-server') });
    assert.equal(ls.code, 0);
    assert.equal(ls.out.trim(), JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    rmSync(dir, { recursive: true, force: true });
  });
});
