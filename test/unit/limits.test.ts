/**
 * Limits with the default settings: a 10 MB file and a 200,000-line file are declined with one information
 * diagnostic (never a frozen editor), and a 1 MB report is still checked.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/core/service';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { loadFixtures } from '../helpers/fixtures';

const maxSize = DEFAULT_SETTINGS.maxFileSize;

describe('limits', () => {
  it('declines a 10 MB file with one information diagnostic', () => {
    const { findings } = checkText('政府信息公开工作年度报告\n'.repeat(10_000_000 / 13), { maxSize, locale: 'en' });
    assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['file-too-large', 'information']]);
    assert.match(findings[0]!.message, /million characters, over the limit/);
  });

  it('declines a 200,000-line file with one information diagnostic', () => {
    // Short lines: 400,000 characters, under the size limit, over the line limit.
    const { findings } = checkText('0\n'.repeat(200_000), { maxSize });
    assert.deepEqual(findings.map((f) => f.code), ['file-too-large']);
    assert.match(findings[0]!.message, /200001 行/);
  });

  it('checks a 1 MB report', () => {
    const seed = loadFixtures().find((f) => f.name.includes('004'))!;
    const big = Array.from({ length: Math.ceil(1_000_000 / Buffer.byteLength(seed.text)) }, () => seed.text).join('\n');
    const { model, findings } = checkText(big, { maxSize });
    assert.equal(model.isReport, true);
    assert.ok(!findings.some((f) => f.code === 'file-too-large'));
  });
});
