/** Telling encodings apart without a byte-order mark: UTF-16 from binary, Big5 from GB18030. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { decode, UnreadableFile } from '../../server/src/node/files';
import { decodeChinese, guessUtf16 } from '../../server/src/node/encodings';
import { encodeBig5, encodeGb18030 } from '../helpers/cli';
import { loadFixtures } from '../helpers/fixtures';

const seeds = loadFixtures().filter((f) => f.name.startsWith('seeds/'));
const traditional = '某某縣人民政府2022年政府資訊公開工作年度報告。本年度我們依法辦理申請，認真做好資訊公開，進一步規範公開的內容和程序，全年沒有因此被提起行政復議。';
const simplified = '某某县人民政府2022年政府信息公开工作年度报告。本年度我们依法办理申请，认真做好信息公开，进一步规范公开的内容和程序，全年没有因此被提起行政复议。';

describe('encodings', () => {
  it('every seed reads back from UTF-16 LE and BE without a BOM, and from GB18030', () => {
    for (const s of seeds) {
      const le = Buffer.from(s.text, 'utf16le');
      assert.deepEqual(decode(le), { text: s.text, encoding: 'utf-16le' }, s.name);
      assert.deepEqual(decode(Buffer.from(le).swap16()), { text: s.text, encoding: 'utf-16be' }, s.name);
      assert.equal(decode(encodeGb18030(s.text)).encoding, 'gb18030', s.name);
    }
  });

  it('Chinese without any ASCII character in UTF-16 is still UTF-16', () => {
    const le = Buffer.from(simplified.replace(/[\x00-\x7f]/g, '〇'), 'utf16le');
    assert.equal(guessUtf16(le), 'utf-16le');
  });

  it('binary data is not UTF-16, whatever its zero bytes', () => {
    for (let i = 0; i < 20; i++) {
      const bytes = randomBytes(4096);
      for (let j = 0; j < bytes.length; j += 3) bytes[j] = 0;
      assert.equal(guessUtf16(bytes), undefined);
      assert.throws(() => decode(bytes, 'x.bin'), UnreadableFile);
    }
  });

  it('a stray NUL in a UTF-8 report leaves it UTF-8', () => {
    const text = seeds[0]!.text.replace('\n', '\u0000\n');
    assert.equal(decode(Buffer.from(text, 'utf8')).encoding, 'utf-8');
  });

  it('Big5 is told from GB18030 by what the characters are, in both directions', () => {
    assert.deepEqual(decodeChinese(encodeBig5(traditional)), { text: traditional, encoding: 'big5' });
    assert.deepEqual(decodeChinese(encodeGb18030(simplified)), { text: simplified, encoding: 'gb18030' });
    // Traditional text saved as GB18030 (GBK has the traditional characters too) is GB18030.
    assert.equal(decodeChinese(encodeGb18030(traditional))?.encoding, 'gb18030');
    // Too few characters to tell: GB18030, as before.
    assert.equal(decodeChinese(encodeBig5('報告'))?.encoding, 'gb18030');
  });
});
