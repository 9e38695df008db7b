/**
 * The CLI on what is not an ordinary report file: FIFOs and device links (as reports and as --config), loops of
 * links, files far over the size limit, UTF-16 without a byte-order mark, Big5, and a reader that closes the
 * pipe. Each ends promptly with a clear word; none hangs or grows.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { encodeBig5, run, runClosedStdout, tmp } from '../helpers/cli';
import { loadFixtures } from '../helpers/fixtures';

const seed002 = loadFixtures().find((f) => f.name.startsWith('seeds/002'))!;
const seed004 = loadFixtures().find((f) => f.name.startsWith('seeds/004'))!;
/** A run that would hang is killed after this long and fails the test (it should take well under a second). */
const HANG = 20_000;

describe('cli: files that are not regular files', () => {
  it('a FIFO named as a report, a link to /dev/zero and a loop of links: exit 2, each named, nothing hangs', () => {
    const dir = tmp();
    execFileSync('mkfifo', [path.join(dir, 'fifo.txt')]);
    symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
    symlinkSync(path.join(dir, 'b.txt'), path.join(dir, 'a.txt'));
    symlinkSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
    copyFileSync(seed004.file, path.join(dir, 'report.txt'));
    for (const cmd of ['check', 'parse', 'fix', 'text']) {
      for (const name of ['fifo.txt', 'zero.txt', 'a.txt']) {
        const r = run([cmd, path.join(dir, name)], { timeout: HANG });
        assert.equal(r.signal, null, `${cmd} ${name} hung`);
        assert.equal(r.code, 2, `${cmd} ${name}: ${r.err}`);
        assert.match(r.err, name === 'a.txt' ? /a\.txt: 符号链接形成了循环/ : /不是普通文件（是管道、设备或套接字），未读取/, `${cmd} ${name}`);
      }
    }
    // In a folder they are passed over (only regular files are report files) and the report is checked.
    const r = run(['check', dir], { timeout: HANG });
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /共检查 1 个文件（1 份报告）/);
  });

  it('a FIFO or a device as --config is a usage error, at once', () => {
    const dir = tmp();
    execFileSync('mkfifo', [path.join(dir, 'govreport.json')]);
    for (const config of [path.join(dir, 'govreport.json'), '/dev/zero']) {
      const r = run(['check', '--config', config, seed004.file], { timeout: HANG });
      assert.equal(r.signal, null);
      assert.equal(r.code, 2);
      assert.match(r.err, /无法读取 --config .*不是普通文件（是管道、设备或套接字）/);
    }
  });

  it('a govreport.json that is a FIFO next to a report is reported, not waited on', () => {
    const dir = tmp();
    execFileSync('mkfifo', [path.join(dir, 'govreport.json')]);
    copyFileSync(seed004.file, path.join(dir, 'report.txt'));
    const r = run(['check', dir], { timeout: HANG });
    assert.equal(r.signal, null);
    assert.match(r.out, /report\.txt：/);
    // Named once, in Chinese; not passed over for a govreport.json further up.
    assert.equal(r.err.match(/govreport\.json：不是普通文件（是管道、设备或套接字），未读取；其中的设置未采用/g)?.length, 1, r.err);
  });
});

describe('cli: size limits by a stat', () => {
  const dir = tmp();
  const huge = path.join(dir, 'huge.txt');
  // 50 MB on disk, written as a sparse file: if the CLI read it, it would read 50 MB of NUL bytes.
  writeFileSync(huge, '');
  truncateSync(huge, 50 * 1024 * 1024);

  it('check reports file-too-large without reading the file', () => {
    const r = run(['check', '--format', 'json', huge], { timeout: HANG });
    assert.equal(r.code, 0, r.err);
    const d = (JSON.parse(r.out) as { files: { diagnostics: { code: string; message: string }[] }[] }).files[0]!.diagnostics;
    assert.deepEqual(d.map((x) => x.code), ['file-too-large']);
    // Had it been read, it would be "binary data", not a size.
    assert.match(d[0]!.message, /未检查（未读取）：文件大小 52\.4 MB，超过上限 6\.0 MB（按设置 maxFileSize 2000000 字符/);
  });

  it('parse, fix and text refuse it, naming its size and the limit', () => {
    for (const cmd of ['parse', 'fix', 'text']) {
      const r = run([cmd, huge], { timeout: HANG });
      assert.equal(r.code, 2);
      assert.match(r.err, /huge\.txt: 文件过大（52428800 字节，上限 6000004 字节），未读取/, cmd);
      assert.match(run([cmd, '--locale', 'en', huge]).err, /huge\.txt: too large \(52428800 bytes, the limit is 6000004\)/, cmd);
    }
  });

  it('a text under the byte limit but over maxFileSize characters is checked by none of parse, fix and text', () => {
    const d = tmp();
    writeFileSync(path.join(d, 'govreport.json'), JSON.stringify({ maxFileSize: 10_000 }));
    // 12,000 characters in fewer than 30,004 bytes (mostly ASCII): under the byte limit, over the character one.
    writeFileSync(path.join(d, 'long.txt'), seed002.text.slice(0, 2000) + 'x'.repeat(10_000));
    const parse = run(['parse', path.join(d, 'long.txt')]);
    assert.equal(parse.code, 2);
    assert.match(parse.err, /文件过大，未读取（\d+ 字符；上限为设置 maxFileSize 10000 字符/);
    const text = run(['text', path.join(d, 'long.txt')]);
    assert.equal(text.code, 2);
    assert.match(text.err, /文件过大，未读取（\d+ 字符；上限为设置 maxFileSize 10000 字符/);
    assert.equal(text.out, '');
    const fix = run(['fix', path.join(d, 'long.txt')]);
    assert.equal(fix.code, 2);
    assert.match(fix.err, /文件过大，未修复（\d+ 字符；上限为设置 maxFileSize 10000 字符/);
    assert.equal(fix.out, '');
  });
});

describe('cli: encodings', () => {
  const codes = (out: string) => (JSON.parse(out) as { files: { path: string; diagnostics: { code: string; range: { start: { line: number } } }[] }[] }).files
    .map((f) => [path.basename(f.path), f.diagnostics.map((d) => `${d.code}@${d.range.start.line}`).join(' ')] as const);

  it('UTF-16 without a byte-order mark, little or big endian, reads as the UTF-8 file does', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a-utf8.txt'), seed002.text);
    writeFileSync(path.join(dir, 'b-le.txt'), Buffer.from(seed002.text, 'utf16le'));
    writeFileSync(path.join(dir, 'c-be.txt'), Buffer.from(seed002.text, 'utf16le').swap16());
    const r = run(['check', '--format', 'json', dir]);
    assert.equal(r.err, '');
    const [utf8, le, be] = codes(r.out);
    assert.ok(utf8![1].includes('sum-row-total'));
    assert.equal(le![1], utf8![1]);
    assert.equal(be![1], utf8![1]);
    assert.match(run(['parse', path.join(dir, 'b-le.txt')]).out, /"encoding": "utf-16le"/);
  });

  it('Big5 text is read as Big5 and said to be so, not silently "not a report"', () => {
    const dir = tmp();
    const traditional = '某某市人民政府辦公室2021年政府資訊公開工作年度報告\n一、總體情況\n本年度，我們依法做好政府資訊公開工作，主動公開各類資訊，認真辦理依申請公開的請求，進一步提高公開的品質和時效。\n二、主動公開政府資訊情況\n全年主動公開資訊一千二百條，其中規範性文件十二件。\n';
    writeFileSync(path.join(dir, 'big5.txt'), encodeBig5(traditional));
    const r = run(['check', dir]);
    assert.match(r.err, /big5\.txt: 按 Big5（繁体中文）编码读取；本工具按简体中文的栏目和表格名称识别报告/);
    assert.match(run(['check', '--locale', 'en', dir]).err, /read as Big5 \(traditional Chinese\)/);
    const parsed = JSON.parse(run(['parse', path.join(dir, 'big5.txt')]).out) as { encoding: string };
    assert.equal(parsed.encoding, 'big5');
  });
});

describe('cli: a reader that stops early', () => {
  it('`govreport rules | head` and a closed pipe under check end quietly, without a stack trace', async () => {
    for (const args of [['rules'], ['check', 'fixtures/seeds']]) {
      const r = await runClosedStdout(args);
      assert.doesNotMatch(r.err, /EPIPE|Error|at /, args.join(' '));
      assert.ok(r.code === 0 || r.code === 1, `${args.join(' ')}: exit ${r.code}`);
    }
  });

  it('through a real pipe into head', () => {
    const r = execFileSync('sh', ['-c', `"${process.execPath}" dist/cli.js rules 2>&1 | head -n 1`], { cwd: path.resolve(__dirname, '..', '..', '..'), encoding: 'utf8' });
    assert.equal(r.split('\n').filter(Boolean).length, 1);
    assert.doesNotMatch(r, /EPIPE/);
  });
});


describe('cli: what a report or its file name could do to a terminal', () => {
  it('escape sequences and bidirectional overrides in a file name or in the text quoted are shown, not obeyed', () => {
    const dir = tmp();
    // An OSC sequence (sets the window title) in debris a message quotes, a colour sequence in the file name,
    // a right-to-left override in the name of a FIFO (said on stderr).
    const text = seed002.text.replace('[bookmark: _GoBack]', '[bookmark: _Go\x1b]0;PWNED\x07Back]');
    assert.notEqual(text, seed002.text);
    writeFileSync(path.join(dir, 'e\x1b[31mvil.txt'), text);
    execFileSync('mkfifo', [path.join(dir, 'fifo\u202etxt.txt')]);
    for (const args of [['check', dir], ['check', path.join(dir, 'fifo\u202etxt.txt')], ['fix', path.join(dir, 'e\x1b[31mvil.txt')]]) {
      const r = run(args, { timeout: HANG });
      const printed = args[0] === 'fix' ? r.err : r.out + r.err;
      assert.doesNotMatch(printed, /[\x00-\x08\x0b-\x1f\x7f\u202e]/, args.join(' '));
    }
    const r = run(['check', dir]);
    assert.match(r.out, /e\\x1b\[31mvil\.txt:5:1: .*conversion-debris .*“\[bookmark: _Go\\x1b\]”/);
    assert.match(r.out, /e\\x1b\[31mvil\.txt：\d+ 个错误/);
    assert.match(run(['check', path.join(dir, 'fifo\u202etxt.txt')]).err, /fifo\\u202etxt\.txt: 不是普通文件/);
  });
});
