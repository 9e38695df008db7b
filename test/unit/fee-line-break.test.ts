/**
 * fee-statement-missing reads section 六 line by line up to the first mention of the fee, keeping only the end
 * of the text before each line: a fee word that a line break split (Word's hard wraps, a PDF's lines) must still
 * count as named, wherever the break falls, and a section that never names it must still be reported.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/core/service';
import { FIXTURES, readMarkers } from '../helpers/fixtures';

const BASE = readMarkers(readFileSync(path.join(FIXTURES, 'checks/fee-statement-missing/silent-says-none-collected.txt'), 'utf8')).text;
const SENTENCE = '我办2021年度未收取信息处理费，无其他需要报告的事项。';
const fee = (text: string) => checkText(text).findings.filter((f) => f.code === 'fee-statement-missing').length;
/** The base report with section 六's sentence replaced by `lines`. */
const withSix = (lines: string[]) => BASE.replace(SENTENCE, lines.join('\n'));

describe('fee-statement-missing and a fee word split by a line break', () => {
  it('the base report names the fee and is silent; without the sentence it is reported', () => {
    assert.ok(BASE.includes(SENTENCE));
    assert.equal(fee(BASE), 0);
    assert.equal(fee(withSix(['无。'])), 1);
  });

  it('is silent wherever a break falls inside 信息处理费 or 处理费', () => {
    const word = '信息处理费';
    const at = SENTENCE.indexOf(word);
    for (let cut = at + 1; cut < at + word.length; cut++) {
      const text = withSix([SENTENCE.slice(0, cut), SENTENCE.slice(cut)]);
      assert.equal(fee(text), 0, `break after “${SENTENCE.slice(at, cut)}”`);
    }
    // The short word alone, split, on its own lines after a first line that does not name it.
    assert.equal(fee(withSix(['本年度无其他需要报告的事项，未收取处', '理费。'])), 0);
  });

  it('is silent when the word is split over three lines, and with the break indented', () => {
    assert.equal(fee(withSix(['本年度未收取信', '息处', '理费。'])), 0);
    assert.equal(fee(withSix(['本年度未收取信息', '  处理费。'])), 0);
  });

  it('still reports a section whose lines only look alike: the pieces must join into the word', () => {
    assert.equal(fee(withSix(['本年度未收取信息。', '', '无其他需要报告的事项。'])), 1);
    assert.equal(fee(withSix(['本年度未收取任何处', '置费用。'])), 1);
    assert.equal(fee(withSix(['费用处理情况：无。'])), 1);
  });
});
