/**
 * Section headings a PDF's layout wrapped onto the next line (四、政府信息公开行政复议、行政诉 / 讼情况): read as one
 * title over the two lines, the rest not taken for the section's text, and only when the two lines make a
 * known title exactly.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { titleGoesOn } from '../../server/src/core/parse/headings';
import { checkText, parseReport } from '../../server/src/core/service';
import { FIXTURES, readMarkers } from '../helpers/fixtures';

const base = readMarkers(readFileSync(path.join(FIXTURES, 'shapes', 'tab-separated-rows.txt'), 'utf8')).text;
const wrap = (text: string, heading: string, at: number) => text.replace(`${heading}\n`, `${heading.slice(0, at)}\n${heading.slice(at)}\n`);

describe('a section title wrapped onto the next line', () => {
  const four = '四、政府信息公开行政复议、行政诉讼情况';
  const text = wrap(base, four, four.length - 3);

  it('is one heading whose title is both lines', () => {
    const model = parseReport(text);
    const s = model.sections.find((x) => x.number === 4)!;
    assert.equal(s.heading.title.text, '政府信息公开行政复议、行政诉讼情况');
    assert.equal(s.heading.title.range.end.line, s.heading.title.range.start.line + 1);
    // The section's text starts after the rest of the title.
    assert.equal(s.bodyLines[0], s.heading.range.end.line + 1);
  });

  it('gives no section-title, and a fix-all leaves the text as it is', () => {
    const { findings } = checkText(text);
    assert.deepEqual(findings.filter((f) => f.code === 'section-title'), []);
  });

  it('is read only when the two lines make a known title exactly', () => {
    assert.equal(titleGoesOn('政府信息公开行政复议、行政诉', '讼情况'), true);
    assert.equal(titleGoesOn('存在的主要问题及改进', '情况'), true);
    // Not the title's rest: a sentence, other words, or text after a whole title.
    assert.equal(titleGoesOn('存在的主要问题及改进', '情况如下：'), false);
    assert.equal(titleGoesOn('存在的主要问题及改进', '措施'), true); // a known variant's rest
    assert.equal(titleGoesOn('存在的主要问题及改进', '方向'), false);
    assert.equal(titleGoesOn('总体情况', '2023年，我局'), false);
    assert.equal(titleGoesOn('其他需要报告的事项', '无'), false);
  });

  it('leaves a heading alone whose next line is its text', () => {
    const model = parseReport(base);
    const s = model.sections.find((x) => x.number === 4)!;
    assert.equal(s.heading.title.range.end.line, s.heading.title.range.start.line);
  });
});
